"""Reading a file into an Article: detect the format, read a Layout, recognise the house style.

This is the one entry point for reading (CLI ``parse``, ingest, tests). It is pure: bytes
in, an Article out, no I/O beyond reading the file it is given. With ``timeout`` the read
runs in a worker process that is stopped when the time is up (``read/budget.py``).

    >>> from ganjina.reader import parse_file
    >>> article = parse_file("samples/en-flood-relief/article.pdf")  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ganjina.errors import NotAnArticle
from ganjina.house import Profile, builtin_profile, recognize
from ganjina.house.embedded_check import embedded_article
from ganjina.house.not_article import not_article_reason
from ganjina.read import SUPPORTED_SUFFIXES, read_layout
from ganjina.read.budget import Budget
from ganjina.read.files import read_file
from ganjina.read.scrub import scrub
from ganjina.record import PARSER_VERSION, Article, Provenance

__all__ = ["SUPPORTED_SUFFIXES", "parse_bytes", "parse_file"]


def parse_bytes(
    data: bytes,
    name: str | None = None,
    *,
    profile: Profile | None = None,
    timeout: float | None = None,
) -> Article:
    """Read one article from the bytes of a file; ``name`` helps only to word errors.

    Raises a ``ReadError`` subclass with a one-line message when the file cannot be read
    (``NotAnArticle`` for a README or notes), or takes longer than ``timeout`` seconds.
    """
    if timeout is not None:
        with Budget(timeout) as budget:
            return budget.call(read_article, data, name, profile)
    return read_article(data, name, profile)


def read_article(data: bytes, name: str | None, profile: Profile | None) -> Article:
    """:func:`parse_bytes` with no budget, its arguments positional (to send to a worker)."""
    layout = read_layout(data, name)
    sha = hashlib.sha256(data).hexdigest()
    # Ganjina published this PDF and embedded the record: that is exact, the text layer is
    # not; but only a record that is valid and matches the page is believed
    article, distrust = embedded_article(layout)
    if article is None:
        article = recognize(layout, profile or builtin_profile())
        if distrust:
            article.warn(distrust)
    article.provenance = Provenance(
        format=layout.format,
        sha256=sha,
        path=name,
        pages=layout.pages if layout.format == "pdf" else None,
        parser_version=PARSER_VERSION,
    )
    article = scrub(article)
    reason = not_article_reason(article, data)
    if reason is not None:
        raise NotAnArticle(reason)
    return article


def parse_file(
    path: str | Path, *, profile: Profile | None = None, timeout: float | None = None
) -> Article:
    """Read one article file (PDF, Markdown, text, DOCX, HTML), within ``timeout`` seconds
    when one is given."""
    data, _ = read_file(path)  # regular files only, bounded, never blocking on a FIFO
    return parse_bytes(data, str(path), profile=profile, timeout=timeout)
