"""Telling an article from a file that only sits beside articles.

A folder of articles also holds READMEs, notes and the publisher's Markdown sources.
Read as articles they became junk records (an author named ``|---|---|---|``), and every
record with neither title nor body got the same id, so different junk files merged into
one. A record needs a title or body text; a Markdown or text file must also show some
sign of an article (a title, a byline, a date, a section or a masthead), since nothing
else tells notes from an article there. PDFs and Word files with a body but no title
stay: real third-party documents often have none that the generic rules find.
"""

from __future__ import annotations

import re

from ganjina.record import Article

#: the publisher's source: YAML front matter with a title, before the text
_FRONT_MATTER = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n(?:[^\n]{0,2000}\n){0,80}?title:")


def _has_letter(name: str) -> bool:
    return any(ch.isalpha() for ch in name)


def not_article_reason(article: Article, data: bytes) -> str | None:
    """Why ``article`` (read from ``data``) is not an article; None when it is one."""
    fmt = article.provenance.format
    if fmt in ("markdown", "text") and _FRONT_MATTER.match(data[:200_000]):
        return (
            "not an article: a publisher's source (Markdown with front matter); "
            "`ganjina publish` makes the article from it"
        )
    if not article.title and not article.body_text().strip():
        return "not an article: no title and no text"
    if fmt in ("markdown", "text"):
        signs = (
            article.title,
            article.date,
            article.section,
            article.site,
            any(_has_letter(a) for a in article.authors),
        )
        if not any(signs):
            return "not an article: no title, byline, date, section or masthead (notes?)"
    return None
