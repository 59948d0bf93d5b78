"""Outlets as entities: every spelling of an outlet in attribution lines maps to one outlet.

Attribution lines name the outlet a reprint or translation came from in many spellings
(``World Socialist``, ``WSWS``, ``World Socialist Web Site``, ``wsws.org``, a Persian
rendering). The alias table is data: ``outlets.toml`` beside this module, plus any other
``*.toml`` file a librarian drops in this folder (read in name order, after the built-in
table), plus files passed explicitly (``--outlets FILE``). Each file holds outlets::

    [[outlet]]
    id = "wsws"                          # stable, lower case; what relations and URLs use
    name = "World Socialist Web Site"    # shown, and counted by the source facet
    aliases = ["World Socialist", "WSWS", "وب‌سایت سوسیالیست جهانی"]
    domains = ["wsws.org"]

A later file may add aliases to an outlet an earlier one declared (same ``id``) or declare
new ones; an alias claimed by two outlets is an error, so a table never resolves by luck.

Names are compared by their *outlet key*: the search key's terms (``tokenize_key``: case,
accents, Arabic/Persian letter variants, ZWNJ and digits folded; punctuation dropped),
without a leading ``www``/``http``, run together: Persian writes the same name with a
ZWNJ, a space or neither (``وب‌سایت``, ``وب سایت``). A name that is a domain, or a
source URL, also matches by domain. This module is pure (text layer and data only): the
archive's index imports it so that the ``source:`` filter and the source facet use
outlets (see ``docs/links.md``).

    >>> table = default_table()
    >>> table.resolve("World Socialist").id == table.resolve("wsws.org").id == "wsws"
    True
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ganjina.errors import ProfileError
from ganjina.record import Source
from ganjina.text import tokenize_key

HERE = Path(__file__).resolve().parent
BUILTIN = HERE / "outlets.toml"
#: tokens that are not part of an outlet's name when they lead it (URL furniture)
_LEADING_NOISE = ("http", "https", "www")


@dataclass(frozen=True)
class Outlet:
    """One outlet: a stable ``id``, the ``name`` shown, and every known spelling."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    url: str | None = None

    def spellings(self) -> tuple[str, ...]:
        """The name, the aliases and the domains: everything that resolves to it."""
        return (self.name, *self.aliases, *self.domains)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "domains": list(self.domains),
            "url": self.url,
        }


def outlet_key(name: str | None) -> str:
    """The form names are compared in: ``"WWW.WSWS.org"`` -> ``"wswsorg"``.

    >>> outlet_key("  World-Socialist  Web Site ") == outlet_key("world socialist web site")
    True
    """
    if not name:
        return ""
    words = tokenize_key(name)
    while words and words[0] in _LEADING_NOISE:
        words = words[1:]
    return "".join(words)


def domain_of(url_or_name: str | None) -> str | None:
    """The host of a URL or of a bare domain, lower case, without ``www.``; else None.

    >>> domain_of("https://www.wsws.org/en/articles/2022/03/30/afgh-m30.html")
    'wsws.org'
    >>> domain_of("World Socialist") is None
    True
    """
    if not url_or_name:
        return None
    text = url_or_name.strip().lower()
    if " " in text or "." not in text:
        return None
    if "://" not in text:
        text = "http://" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:
        return None
    host = host.removeprefix("www.")
    if "." not in host or not host.replace(".", "").replace("-", "").isalnum():
        return None
    return host


@dataclass
class _Draft:
    """An outlet being assembled from one or more files."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    url: str | None = None


class OutletTable:
    """The alias table: resolve any spelling (or URL) to an :class:`Outlet`.

    Not a dataclass: building it checks the table (every alias claimed once) and indexes
    it by key and by domain.
    """

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets: tuple[Outlet, ...] = tuple(sorted(outlets, key=lambda o: o.id))
        self._by_id = {o.id: o for o in self.outlets}
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for spelling in outlet.spellings():
                self._claim(self._by_key, outlet_key(spelling), outlet, spelling)
            for domain in outlet.domains:
                self._claim(self._by_domain, domain.lower().removeprefix("www."), outlet, domain)

    @staticmethod
    def _claim(index: dict[str, Outlet], key: str, outlet: Outlet, spelling: str) -> None:
        if not key:
            return
        other = index.get(key)
        if other is not None and other.id != outlet.id:
            raise ProfileError(
                f"outlet table: {spelling!r} is claimed by both {other.id!r} and {outlet.id!r}"
            )
        index[key] = outlet

    @classmethod
    def load(cls, extra: Sequence[str | Path] = (), *, builtin: bool = True) -> OutletTable:
        """The built-in table and every other ``*.toml`` beside it, then ``extra`` files."""
        paths: list[Path] = []
        if builtin:
            paths.append(BUILTIN)
            paths += sorted(p for p in HERE.glob("*.toml") if p != BUILTIN)
        paths += [Path(p) for p in extra]
        drafts: dict[str, _Draft] = {}
        for path in paths:
            _read_file(path, drafts)
        return cls(
            Outlet(d.id, d.name, tuple(dict.fromkeys(d.aliases)), tuple(d.domains), d.url)
            for d in drafts.values()
        )

    def get(self, outlet_id: str) -> Outlet | None:
        return self._by_id.get(outlet_id)

    def resolve(self, name: str | None, url: str | None = None) -> Outlet | None:
        """The outlet a name (or else its URL) stands for, or None when the table has none.

        >>> default_table().resolve("منبع: Harbour Review").id
        'harbour-review'
        """
        key = outlet_key(_strip_label(name))
        found = self._by_key.get(key) if key else None
        if found is None:
            for candidate in (name, url):
                found = self._by_url(candidate)
                if found is not None:
                    break
        return found

    def _by_url(self, text: str | None) -> Outlet | None:
        domain = domain_of(text)
        if domain is None or text is None:
            return None
        # a table domain may carry a first path segment (bbc.com/persian): try it first
        path = urlsplit(text if "://" in text else "http://" + text.strip()).path
        segment = path.strip("/").split("/")[0].lower()
        if segment:
            found = self._by_domain.get(f"{domain}/{segment}")
            if found is not None:
                return found
        # news.example.com is example.com's unless the table names the sub-domain
        parts = domain.split(".")
        for i in range(len(parts) - 1):
            found = self._by_domain.get(".".join(parts[i:]))
            if found is not None:
                return found
        return None

    def resolve_source(self, source: Source | None) -> Outlet | None:
        """The outlet of an article's attribution (``Article.source``)."""
        if source is None:
            return None
        return self.resolve(source.name, source.url)

    def suggest(self, name: str, cutoff: float = 0.75) -> Outlet | None:
        """The outlet an unresolved name probably means (a hint for the librarian only:
        never used to resolve)."""
        key = outlet_key(_strip_label(name))
        if not key:
            return None
        close = difflib.get_close_matches(key, list(self._by_key), n=1, cutoff=cutoff)
        return self._by_key[close[0]] if close else None


#: attribution labels a name may still carry when a reader kept them
_LABELS = ("منبع", "مأخذ", "ماخذ", "سرچینه", "source", "quelle", "quellen")


def _strip_label(name: str | None) -> str | None:
    if not name:
        return name
    head, sep, tail = name.partition(":")
    if sep and outlet_key(head) in _LABELS:
        return tail
    return name


def _read_file(path: Path, drafts: dict[str, _Draft]) -> None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ProfileError(f"cannot read the outlet table {path}: {err}") from None
    entries = data.get("outlet", [])
    if not isinstance(entries, list):
        raise ProfileError(f"{path}: expected [[outlet]] tables")
    for i, entry in enumerate(entries, start=1):
        where = f"{path.name}, outlet {i}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ProfileError(f"{where}: every outlet needs an id")
        oid = entry["id"].strip().lower()
        draft = drafts.get(oid)
        name = entry.get("name")
        if draft is None:
            if not isinstance(name, str) or not name.strip():
                raise ProfileError(f"{where}: the new outlet {oid!r} needs a name")
            draft = drafts[oid] = _Draft(oid, name.strip())
        elif isinstance(name, str) and name.strip() and name.strip() != draft.name:
            draft.aliases.append(draft.name)  # a later file renames: keep the old spelling
            draft.name = name.strip()
        draft.aliases += _strings(entry.get("aliases", []), where, "aliases")
        draft.domains += [d.lower() for d in _strings(entry.get("domains", []), where, "domains")]
        if isinstance(entry.get("url"), str):
            draft.url = entry["url"]


def _strings(value: object, where: str, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where}: {what} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


@lru_cache(maxsize=1)
def default_table() -> OutletTable:
    """The installed table (built-in plus the other files beside it), read once."""
    return OutletTable.load()


def index_fields(source: Source | None) -> tuple[str, str | None]:
    """What the search index keeps of an attribution: the text the ``source:`` filter
    searches (every spelling of the outlet, so any of them finds it) and the facet value
    (the outlet's name, so each outlet is counted once). An unresolved name is kept as it
    is. Called by ``ganjina/archive/index.py``.

    >>> text, facet = index_fields(Source(name="WSWS"))
    >>> facet, "world socialist" in text.lower()
    ('World Socialist Web Site', True)
    """
    if source is None or not (source.name or source.url):
        return "", None
    given = f"{source.name or ''} {source.url or ''}".strip()
    outlet = default_table().resolve_source(source)
    if outlet is None:
        return given, source.name
    return " ".join([given, outlet.id, *outlet.spellings()]), outlet.name
