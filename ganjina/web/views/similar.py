"""More like this: the article page's list of related reading, a piece of its own.

Records sharing the article's most telling words (``Archive.similar``), without those
the page already lists as translations, reprints or near-duplicates. The article view
calls :func:`more_like_this` and ``templates/similar.html`` shows what it returns, so
the piece can move or go without touching the rest of the page.
"""

from __future__ import annotations

from typing import Any

from ganjina.web import urls
from ganjina.web.present import text_direction

#: how many related articles the page shows
SHOWN = 5


def more_like_this(
    archive: Any, article_id: str, already: dict[str, list[dict[str, Any]]] | None = None
) -> list[dict[str, Any]]:
    """Related articles as the page lists them; ``already``: the page's other links."""
    listed = {item["id"] for items in (already or {}).values() for item in items}
    out = []
    for related in archive.similar(article_id, SHOWN + len(listed)):
        if related.id in listed:
            continue
        out.append(
            {
                "id": related.id,
                "url": urls.article(related.id),
                "title": related.title,
                "date": related.date,
                "language": related.language,
                "dir": text_direction(related.language),
            }
        )
    return out[:SHOWN]
