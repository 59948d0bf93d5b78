"""Which parts of a web page are the article, and which are the site around it.

A news page carries the article and the site's furniture: menus, a cookie notice, share
buttons, "most read" lists, comments, the copyright line. HTML says much of it itself:

* **Landmarks.** Where the page marks its main content (``<main>``, ``role="main"``),
  only that is read; else, where it holds one ``<article>`` (``role="article"``), that one.
  A headline set above the landmark (an ``<h1>`` outside it) is kept as the title.
* **Scoped headers and footers.** ``<header>`` and ``<footer>`` are the page's banner
  and footer only where no ``<article>``, ``<main>`` or ``<section>`` holds them; inside
  an article they hold its headline, byline, date and tags, and are read. An ``<aside>``
  is the page's sidebar except inside an ``<article>``: there it is the article's (a fact
  box, a glossary).
* **Roles.** ``navigation``, ``banner``, ``contentinfo``, ``complementary``, ``search``,
  ``dialog`` and ``alertdialog`` are furniture wherever they stand.
* **Names.** An element whose ``class`` or ``id`` names furniture as a word (``menu``,
  ``sidebar``, ``cookie-banner``, ``share-buttons``, ``comments``, ``related-posts`` …) is
  set aside only if what it holds is less than half of the text read and not the
  headline: a wrapper named ``page-with-sidebar`` around the whole article stays.

What is set aside is furniture, not the article's text; nothing inside the chosen part is
dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ganjina.read.layout import Line

__all__ = ["CHROME_ROLES", "Place", "article_lines", "chrome_named"]

CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog"}
)
_NAMES = (
    "menu|nav|navbar|navigation|sidebar|cookies?|consent|share|sharing|social|comments?|"
    "related|newsletter|subscribe|subscription|adverts?|advertisement|ads?|sponsored|promo|"
    "breadcrumbs?|popup|modal|banner|widget|tags?-?cloud|most-?read|trending"
)
#: a furniture name as a word of a class or id (``share-buttons``, ``site_menu``)
_CHROME_NAME = re.compile(rf"(?:^|[\s_-])(?:{_NAMES})(?=$|[\s_-])", re.IGNORECASE)
#: attribute text looked at (bounded: a hostile page may carry megabytes in one class)
_NAME_LIMIT = 300
#: the block containers a name can set aside (never the page, its landmarks, or an inline
#: element: a ``<span class="social">`` inside a sentence is part of the sentence)
_BY_NAME = frozenset(
    {"div", "section", "aside", "nav", "header", "footer", "ul", "ol", "dl", "menu", "form",
     "table", "figure", "details", "p"}
)  # fmt: skip


def chrome_named(tag: str, attrs: dict[str, str | None]) -> bool:
    """Whether a block's class or id names it site furniture."""
    if tag not in _BY_NAME:
        return False
    names = " ".join((attrs.get(key) or "")[:_NAME_LIMIT] for key in ("class", "id"))
    return bool(names.strip()) and _CHROME_NAME.search(names) is not None


@dataclass(frozen=True, slots=True)
class Place:
    """Where a line stood on the page."""

    in_main: bool = False
    #: the number of the innermost ``<article>`` around it (None: none)
    article: int | None = None
    #: the number of the outermost element named as furniture around it (None: none)
    chrome: int | None = None


def _text_size(lines: list[Line]) -> int:
    return sum(len(ln.text) for ln in lines)


def article_lines(lines: list[Line], places: dict[int, Place]) -> list[Line]:
    """The lines of the page's article, in order (see the module's rules)."""
    here = {id(ln): places.get(id(ln), Place()) for ln in lines}
    chosen = [ln for ln in lines if here[id(ln)].in_main]
    if not any(ln.text for ln in chosen):
        articles = {here[id(ln)].article for ln in lines if ln.text} - {None}
        if len(articles) == 1:
            (only,) = articles
            chosen = [ln for ln in lines if here[id(ln)].article == only]
        else:
            chosen = list(lines)
    if not any(ln.hint == "h1" for ln in chosen):
        kept = {id(ln) for ln in chosen}
        headline = next((ln for ln in lines if ln.hint == "h1" and id(ln) not in kept), None)
        if headline is not None:
            chosen = [headline, *chosen]
    total = _text_size(chosen)
    regions: dict[int, list[Line]] = {}
    for ln in chosen:
        region = here[id(ln)].chrome
        if region is not None:
            regions.setdefault(region, []).append(ln)
    furniture = {
        region
        for region, held in regions.items()
        if 2 * _text_size(held) < total and not any(ln.hint == "h1" for ln in held)
    }
    return [ln for ln in chosen if here[id(ln)].chrome not in furniture]
