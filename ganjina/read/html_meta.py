"""What a web page declares about its article: the metadata an outlet publishes for
search engines and link previews, read from the page's ``<head>`` and markup.

Sources, strongest first (a field takes the first source that has it):

* **schema.org JSON-LD** (``<script type="application/ld+json">``), an ``Article`` or one
  of its kinds (``NewsArticle``, ``BlogPosting``, ``OpinionNewsArticle`` …), also inside
  ``@graph``: ``headline``, ``author`` (names of persons; a URL is not a name),
  ``datePublished``, ``publisher``'s name, ``url``;
* **Open Graph** and its article terms: ``og:title``, ``og:site_name``, ``og:url``,
  ``article:published_time``, ``article:author`` (where it is a name, not a profile URL);
* **named meta tags**: ``author``, ``citation_author``, ``dc.creator``, ``date``,
  ``citation_publication_date``, ``dc.date``, ``dcterms.issued``;
* a ``<time datetime>`` marked as the publication date (``itemprop="datePublished"`` or
  ``pubdate``), and ``<link rel="canonical">``;
* the ``<title>`` element, the weakest: it often carries the site's name.

Nothing here is a guess, and nothing overrides what the page prints: the recognizer
fills a field from here only where the page's text left it empty, and says so in the
record's warnings. Every value is bounded (a meta value of 2,000 characters, a JSON-LD
script of 200 KB, 32 levels of nesting, 20 authors), so a hostile page costs linear time.
"""

from __future__ import annotations

import json
import re
from datetime import date
from urllib.parse import urlsplit

from ganjina.read.layout import Declared

__all__ = ["HeadReader", "iso_day"]

_LONGEST_VALUE = 2_000
_LONGEST_SCRIPT = 200_000
_DEEPEST = 32
_MOST_AUTHORS = 20

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "report",
        "techarticle",
    }
)
_ISO_DAY = re.compile(r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")
_URL_LIKE = re.compile(r"(?:https?:)?//|www\.", re.IGNORECASE)

#: meta names and properties → (field, rank); a lower rank is a stronger source
_META = {
    "og:title": ("title", 2),
    "twitter:title": ("title", 3),
    "citation_title": ("title", 2),
    "dc.title": ("title", 3),
    "og:site_name": ("site_name", 2),
    "application-name": ("site_name", 4),
    "og:url": ("url", 3),
    "article:published_time": ("date", 2),
    "citation_publication_date": ("date", 2),
    "citation_date": ("date", 3),
    "dcterms.issued": ("date", 3),
    "dc.date.issued": ("date", 3),
    "dc.date": ("date", 3),
    "date": ("date", 3),
    "pubdate": ("date", 3),
    "article:author": ("author", 2),
    "citation_author": ("author", 2),
    "dc.creator": ("author", 3),
    "author": ("author", 3),
}


def _clean(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(value[:_LONGEST_VALUE].split())


def iso_day(value: str) -> str | None:
    """The calendar day an ISO 8601 date or timestamp names, or None.

    >>> iso_day("2023-03-04T18:30:00+04:30"), iso_day("2023-02-30"), iso_day("March 4")
    ('2023-03-04', None, None)
    """
    found = _ISO_DAY.match(value)
    if found is None:
        return None
    try:
        return date(*(int(g) for g in found.groups())).isoformat()
    except ValueError:
        return None


def _is_name(text: str) -> bool:
    """A person's name as metadata gives it, not a profile URL or an e-mail address."""
    return bool(text) and len(text) <= 120 and "@" not in text and not _URL_LIKE.search(text)


class HeadReader:
    """Collects a page's declarations while the page is tokenized (tags as they come)."""

    def __init__(self) -> None:
        #: field → (rank, value, evidence); the lowest rank seen wins, the first at a rank
        self._found: dict[str, tuple[int, str, str]] = {}
        #: rank → (names, evidence): one source's names, gathered over its repeated tags
        self._authors: dict[int, tuple[list[str], str]] = {}

    def _offer_authors(self, rank: int, names: list[str], evidence: str) -> None:
        names = [n for n in names if _is_name(n)]
        if not names:
            return
        held, source = self._authors.setdefault(rank, ([], evidence))
        if source == evidence:  # (``citation_author`` is one tag per author)
            held.extend(n for n in names if n not in held and len(held) < _MOST_AUTHORS)

    def _offer(self, name: str, rank: int, value: str, evidence: str) -> None:
        if not value:
            return
        if name == "author":
            self._offer_authors(rank, _split_authors(value), evidence)
            return
        if name == "date":
            value = iso_day(value) or ""
            if not value:
                return
        held = self._found.get(name)
        if held is None or rank < held[0]:
            self._found[name] = (rank, value, evidence)

    def meta(self, attrs: dict[str, str | None]) -> None:
        """A ``<meta>`` tag: ``name``, ``property`` or ``itemprop`` with its ``content``."""
        content = _clean(attrs.get("content"))
        for key in ("property", "name", "itemprop"):
            label = (attrs.get(key) or "").strip().lower()
            if label in _META:
                name, rank = _META[label]
                self._offer(name, rank, content, label)
            elif label == "datepublished":
                self._offer("date", 3, content, "itemprop datePublished")

    def link(self, attrs: dict[str, str | None]) -> None:
        """A ``<link>``: the canonical address of the page."""
        rel = (attrs.get("rel") or "").lower().split()
        if "canonical" in rel:
            self._offer("url", 2, _clean(attrs.get("href")), "link rel=canonical")

    def time(self, attrs: dict[str, str | None]) -> None:
        """A ``<time>`` marked as the publication date."""
        if (attrs.get("itemprop") or "").strip() == "datePublished" or "pubdate" in attrs:
            self._offer("date", 3, _clean(attrs.get("datetime")), "time datePublished")

    def title(self, text: str) -> None:
        """The ``<title>`` element's text."""
        self._offer("title", 5, _clean(text), "the title element")

    def json_ld(self, text: str) -> None:
        """A JSON-LD script: the first Article-like object in it."""
        if len(text) > _LONGEST_SCRIPT:
            return
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return  # a broken script says nothing
        found = _first_article(data, 0)
        if found is None:
            return
        self._offer("title", 1, _clean(found.get("headline")), "JSON-LD headline")
        self._offer("date", 1, _clean(found.get("datePublished")), "JSON-LD datePublished")
        self._offer("url", 1, _clean(found.get("url")), "JSON-LD url")
        if 1 not in self._authors:
            self._offer_authors(1, _names(found.get("author")), "JSON-LD author")
        publisher = _names(found.get("publisher"))
        if publisher:
            self._offer("site_name", 1, publisher[0], "JSON-LD publisher")

    def declared(self) -> Declared:
        """What the page declared, each field from its strongest source."""
        out = Declared()
        for name, (_, value, evidence) in self._found.items():
            if name == "url":
                parts = urlsplit(value)
                if parts.scheme in ("http", "https") and parts.netloc:
                    out.site_url = parts.netloc.lower()  # as a page prints it: www.example.org
                    out.evidence["site_url"] = evidence
                continue
            setattr(out, name, value)
            out.evidence[name] = evidence
        if self._authors:
            out.authors, out.evidence["authors"] = self._authors[min(self._authors)]
        if out.title and out.evidence.get("title") == "the title element":
            out.title = _without_site_name(out.title, out.site_name)
            if out.title is None:
                del out.evidence["title"]
        return out


def _first_article(data: object, depth: int) -> dict[str, object] | None:
    """The first object whose ``@type`` is an article kind, depth first, bounded."""
    if depth > _DEEPEST:
        return None
    if isinstance(data, list):
        for item in data[:100]:
            found = _first_article(item, depth + 1)
            if found is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kinds = data.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
        return data
    for key in ("@graph", "mainEntity", "mainEntityOfPage"):
        found = _first_article(data.get(key), depth + 1)
        if found is not None:
            return found
    return None


def _split_authors(value: str) -> list[str]:
    """The names one meta value holds: split at semicolons, then at commas unless a part
    is a single word (``Ahmadi, Sara`` is one name written family name first)."""
    names = []
    for piece in (p for p in (_clean(p) for p in value.split(";")) if p):
        parts = [p for p in (_clean(p) for p in re.split(r"[،,]", piece)) if p]
        names += parts if all(" " in p for p in parts) else [piece]
    return names


def _names(value: object) -> list[str]:
    """The names a schema.org person or organisation value holds (one, or a list)."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items[:_MOST_AUTHORS]:
        name = _clean(item.get("name")) if isinstance(item, dict) else _clean(item)
        if name:
            names.append(name)
    return names


def _without_site_name(title: str, site_name: str | None) -> str | None:
    """A ``<title>`` without the site's name set after a separator (``Headline | Site``).
    Where the site's name is not known, the title is kept only if it has no such part:
    which side is the headline is then not known."""
    for separator in (" | ", " – ", " — ", " - ", " :: ", " « ", " » "):
        if separator not in title:
            continue
        parts = [p.strip() for p in title.split(separator)]
        if site_name is None:
            return None
        kept = [p for p in parts if p.casefold() != site_name.casefold()]
        return separator.join(kept) if len(kept) < len(parts) and kept else None
    return title
