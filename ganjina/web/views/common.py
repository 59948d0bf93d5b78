"""What several views share: the list forms of a record and of a search hit."""

from __future__ import annotations

from typing import Any

from ganjina.archive import Hit
from ganjina.record import Article
from ganjina.web import urls
from ganjina.web.present import text_direction

#: how long a cursor or a name in an address may be before it is refused
MAX_PARAM = 300


def summary(article: Article) -> dict[str, Any]:
    """An article as a list shows it."""
    return {
        "id": article.id,
        "url": urls.article(article.id),
        "title": article.title,
        "date": article.date,
        "language": article.language,
        "dir": text_direction(article.language),
        "section": article.section.id if article.section else None,
        "authors": list(article.authors),
    }


def hit_summary(hit: Hit) -> dict[str, Any]:
    """A search hit as a result list shows it, with its highlighted segments."""
    return {
        "id": hit.id,
        "url": urls.article(hit.id),
        "title": hit.title,
        "date": hit.date,
        "language": hit.language,
        "dir": text_direction(hit.language),
        "section": hit.section,
        "authors": list(hit.authors),
        "score": round(hit.score, 4),
        "title_segments": [list(s) for s in hit.title_segments],
        "snippet": [list(s) for s in hit.snippet],
        # "found کتاب‌ها for کتاب": words matched as another form or spelling
        "matched": [{"found": found, "for": typed} for found, typed in hit.matched],
    }
