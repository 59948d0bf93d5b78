"""Ganjina (گنجینه): a news portal's article files as a searchable, citable archive.

The small public API; everything else is internal and may change::

    >>> from ganjina import parse_file
    >>> article = parse_file("samples/en-flood-relief/article.pdf")  # doctest: +SKIP
    >>> article.title  # doctest: +SKIP
    'Flood relief reaches three northern provinces after a week of cut roads'

``Archive`` (store, search, export) is imported on first use, so that reading a file
does not load the search engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ganjina.errors import (
    ArchiveError,
    GanjinaError,
    PublishError,
    QueryError,
    ReadError,
)
from ganjina.reader import parse_bytes, parse_file
from ganjina.record import Article, Block, Provenance, Section, Site, Source

if TYPE_CHECKING:
    from ganjina.archive import Archive

__version__ = "0.1.0"

__all__ = [
    "Archive",
    "ArchiveError",
    "Article",
    "Block",
    "GanjinaError",
    "Provenance",
    "PublishError",
    "QueryError",
    "ReadError",
    "Section",
    "Site",
    "Source",
    "__version__",
    "parse_bytes",
    "parse_file",
]


def __getattr__(name: str) -> Any:
    if name == "Archive":
        from ganjina.archive import Archive

        return Archive
    raise AttributeError(f"module 'ganjina' has no attribute {name!r}")
