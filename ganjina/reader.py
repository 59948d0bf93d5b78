"""Reading a file into an Article: detect the format, read a Layout, recognise the house style.

This is the one entry point for reading (CLI ``parse``, ingest, tests). It is pure: bytes
in, an Article out, no I/O beyond reading the file it is given.

    >>> from ganjina.reader import parse_file
    >>> article = parse_file("samples/en-flood-relief/article.pdf")  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ganjina.errors import ReadError
from ganjina.house import Profile, builtin_profile, recognize
from ganjina.read import SUPPORTED_SUFFIXES, read_layout
from ganjina.record import PARSER_VERSION, Article, Provenance

__all__ = ["SUPPORTED_SUFFIXES", "parse_bytes", "parse_file"]


def parse_bytes(data: bytes, name: str | None = None, *, profile: Profile | None = None) -> Article:
    """Read one article from the bytes of a file; ``name`` helps only to word errors.

    Raises a ``ReadError`` subclass with a one-line message when the file cannot be read.
    """
    layout = read_layout(data, name)
    sha = hashlib.sha256(data).hexdigest()
    if layout.embedded_record is not None:
        # Ganjina published this PDF and embedded the record: that is exact, the text
        # layer is not. Provenance still says which file it was read from.
        article = Article.from_dict(layout.embedded_record)
    else:
        article = recognize(layout, profile or builtin_profile())
    article.provenance = Provenance(
        format=layout.format,
        sha256=sha,
        path=name,
        pages=layout.pages if layout.format == "pdf" else None,
        parser_version=PARSER_VERSION,
    )
    return article


def parse_file(path: str | Path, *, profile: Profile | None = None) -> Article:
    """Read one article file (PDF, Markdown, text, DOCX, HTML)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise ReadError("is a directory") from None
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    return parse_bytes(data, str(path), profile=profile)
