"""Telling an article from a file that only sits beside articles.

A folder of articles also holds READMEs, notes and the publisher's Markdown sources.
Read as articles they became junk records (an author named ``|---|---|---|``), and every
record with neither title nor body got the same id, so different junk files merged into
one. A record needs a title or body text; a Markdown file must also show some sign of an
article (a title, a byline, a date, a section or a masthead), since nothing else tells
notes from an article there. A Markdown or text file named like a folder's own files
(README, NOTES, CHANGELOG, LICENSE …: the names every tool that walks folders meets)
needs more than a title, since the reader takes any Markdown heading as one: a byline,
a date, a section or a masthead. So ``README.md`` with a heading is not stored, and an
article someone saved as ``notes.md`` still is: the name alone never refuses a file.
Plain text needs no sign: its reader takes a title only under a known masthead. PDFs
and Word files with a body but no title stay: real third-party documents often have
none that the generic rules find.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from ganjina.record import Article

#: the publisher's source: YAML front matter with a title, before the text
_FRONT_MATTER = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n(?:[^\n]{0,2000}\n){0,80}?title:")


#: what a folder's own files are conventionally called: since the reader takes the most
#: prominent line of any Markdown file as its title, a README's heading would otherwise
#: make it an article. Only with no other sign of an article (see not_article_reason).
_NOTES_NAMES = re.compile(r"(?i)(?:readme|notes?|changelog|changes|todo|license|licence)")


def _is_notes_name(path: str | None) -> bool:
    return bool(path) and _NOTES_NAMES.fullmatch(PurePath(str(path)).stem) is not None


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
    if fmt not in ("markdown", "text"):
        return None
    signs = (
        article.date,
        article.section,
        article.site,
        any(_has_letter(a) for a in article.authors),
    )
    if _is_notes_name(article.provenance.path) and not any(signs):
        return "not an article: a README or notes file (its name, and no byline, date or masthead)"
    # plain text is not asked for signs: the reader takes a title from plain text only
    # under a known masthead, so a plain article would otherwise never be one
    if fmt == "markdown" and not (article.title or any(signs)):
        return "not an article: no title, byline, date, section or masthead (notes?)"
    return None
