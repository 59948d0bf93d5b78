"""The site's addresses, built in one place so that views, templates, feeds and the
sitemap agree. Every path segment taken from a record is percent-encoded.

    >>> article("gj-0123"), author("Nadia Rahimzai"), browse("solar", 1403, 4)
    ('/article/gj-0123', '/author/Nadia%20Rahimzai', '/browse/solar/1403/4')
    >>> article_version("gj-0123", 2), citation("gj-0123", ".bib", 2)
    ('/article/gj-0123/v/2', '/article/gj-0123/v/2.bib')
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, quote_plus, urlencode

CALENDARS = ("gregorian", "solar")


def _seg(value: str) -> str:
    return quote(value, safe="")


def home() -> str:
    return "/"


def article(id: str) -> str:
    return f"/article/{_seg(id)}"


def article_version(id: str, number: int) -> str:
    """The permanent address of one version: it never shows anything else."""
    return f"/article/{_seg(id)}/v/{number}"


def citation(id: str, suffix: str, version: int | None = None) -> str:
    """An export of the article's citation (``.bib``, ``.ris``, ``.csl.json``), of the
    current version or of one version."""
    base = article(id) if version is None else article_version(id, version)
    return base + suffix


def original(id: str, version: int | None = None) -> str:
    path = f"/article/{_seg(id)}/original"
    return f"{path}?version={version}" if version is not None else path


class Absolute:
    """The article addresses as absolute URLs on ``base`` (``https://host``), as
    citations need them (``ganjina.cite.Addresses``)."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")

    def page(self, id: str) -> str:
        return self.base + article(id)

    def version(self, id: str, number: int) -> str:
        return self.base + article_version(id, number)

    def original(self, id: str, number: int | None) -> str:
        return self.base + original(id, number)


def published_file(id: str, name: str, version: int | None = None) -> str:
    path = f"/article/{_seg(id)}/published/{_seg(name)}"
    return f"{path}?version={version}" if version is not None else path


def section(id: str) -> str:
    return f"/section/{_seg(id)}"


def author(name: str) -> str:
    return f"/author/{_seg(name)}"


def source(name: str) -> str:
    return f"/source/{_seg(name)}"


def browse(calendar: str | None = None, year: int | None = None, month: int | None = None) -> str:
    parts = ["/browse"]
    if calendar:
        parts.append(calendar)
        if year is not None:
            parts.append(str(year))
            if month is not None:
                parts.append(str(month))
    return "/".join(parts)


def search(q: str = "", **params: str | int | None) -> str:
    query = {"q": q, **{k: v for k, v in params.items() if v not in (None, "")}}
    if not query["q"]:
        del query["q"]
    return "/search" + ("?" + urlencode(query) if query else "")


def search_varying(
    name: str, q: str = "", **params: str | int | None
) -> Callable[[str | int | None], str]:
    """``value -> search(q, **{**params, name: value})``, the parameters around ``name``
    encoded once: a search page links some forty facet values, each of which changes
    only its own parameter."""
    # the value goes where ``{**params, name: value}`` puts it: in its own place, or last
    merged = {"q": q, **params, name: None}
    keys = list(merged)
    at = keys.index(name)

    def encoded(part: list[str]) -> str:
        return urlencode({k: merged[k] for k in part if merged[k] not in (None, "")})

    before, after = encoded(keys[:at]), encoded(keys[at + 1 :])
    head = "/search?" + (before + "&" if before else "") + quote_plus(name) + "="
    tail = "&" + after if after else ""
    without = search(q, **{**params, name: None})

    def url(value: str | int | None) -> str:
        if value in (None, ""):
            return without
        return head + quote_plus(str(value)) + tail

    return url


def feed_section(id: str) -> str:
    return f"/feeds/section/{_seg(id)}.atom"


def feed_author(name: str) -> str:
    return f"/feeds/author/{_seg(name)}.atom"


def feed_search(q: str) -> str:
    return "/feeds/search.atom?" + urlencode({"q": q})


def json_twin(path: str, query: str = "") -> str:
    """The ``.json`` address of an HTML page (``/`` is ``/index.json``)."""
    base = "/index.json" if path == "/" else path + ".json"
    return base + ("?" + query if query else "")
