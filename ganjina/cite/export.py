"""Citation exports: BibTeX, RIS and CSL-JSON, of one record or of many, streamed.

    >>> export(archive, "bibtex", "pashto.bib", query="lang:ps")  # doctest: +SKIP
    12

Each format yields its output a record at a time (``chunks``), so many records are
written as they are read (``build.cite_many`` reads a chunk of records at a time) and
the web can stream them; a file appears complete or not at all, as the archive's own
exports do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ganjina.archive.export import write_to
from ganjina.cite import bibtex, csl, ris
from ganjina.cite.build import Context, cite_many
from ganjina.cite.model import Citable
from ganjina.errors import ArchiveError

if TYPE_CHECKING:
    from ganjina.archive import Archive

Chunks = Callable[[Iterable[Citable]], Iterator[bytes]]

#: format name -> (chunk writer, media type, file suffix)
FORMATS: dict[str, tuple[Chunks, str, str]] = {
    "bibtex": (bibtex.chunks, bibtex.MEDIA_TYPE, ".bib"),
    "ris": (ris.chunks, ris.MEDIA_TYPE, ".ris"),
    "csl-json": (csl.chunks, csl.MEDIA_TYPE, ".csl.json"),
}


def check_format(fmt: str) -> tuple[Chunks, str, str]:
    if fmt not in FORMATS:
        raise ArchiveError(f"unknown citation format {fmt!r}: use {', '.join(FORMATS)}")
    return FORMATS[fmt]


def chunks(fmt: str, citables: Iterable[Citable]) -> Iterator[bytes]:
    """The export of ``citables`` as ``fmt``, a record at a time."""
    return check_format(fmt)[0](citables)


class _Counted:
    """Citables passed through, counted (an export returns how many it wrote)."""

    def __init__(self, citables: Iterable[Citable]) -> None:
        self.citables = citables
        self.n = 0

    def __iter__(self) -> Iterator[Citable]:
        for c in self.citables:
            self.n += 1
            yield c


def write(fmt: str, citables: Iterable[Citable], out: str | Path | IO[bytes]) -> int:
    """Write ``citables`` as ``fmt`` to a path or binary stream; returns how many."""
    counted = _Counted(citables)
    parts = chunks(fmt, counted)

    def run(fh: IO[bytes]) -> int:
        for part in parts:
            fh.write(part)
        return counted.n

    return write_to(out, run)


def dumps(fmt: str, citables: Iterable[Citable]) -> str:
    """The export as text (one record, short lists, tests)."""
    return b"".join(chunks(fmt, citables)).decode("utf-8")


def export(
    archive: Archive,
    fmt: str,
    out: str | Path | IO[bytes],
    query: str | None = None,
    context: Context | None = None,
) -> int:
    """Every record's current version (or a search's) as ``fmt``; returns how many."""
    check_format(fmt)  # before the search runs: a bad format is the first thing to say
    return write(fmt, cite_many(archive, query, context), out)
