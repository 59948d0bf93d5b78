"""The archive: store of record (SQLite or PostgreSQL), Tantivy search index, import log.

The public API is :class:`Archive` and the values it returns; everything else in this
package is internal. See ``docs/archive.md``.

    >>> from ganjina.archive import Archive
    >>> with Archive.open("ganjina-archive") as archive:  # doctest: +SKIP
    ...     for hit in archive.search("flood date:1401", limit=5).hits:
    ...         print(hit.id, hit.title, hit.snippet_html())
"""

from __future__ import annotations

from ganjina.archive.facade import Archive
from ganjina.archive.types import (
    ArticlePage,
    Change,
    Failure,
    Hit,
    IngestReport,
    Original,
    Related,
    SearchResult,
    Segment,
    Suggestion,
    Version,
    segments_html,
)

__all__ = [
    "Archive",
    "ArticlePage",
    "Change",
    "Failure",
    "Hit",
    "IngestReport",
    "Original",
    "Related",
    "SearchResult",
    "Segment",
    "Suggestion",
    "Version",
    "segments_html",
]
