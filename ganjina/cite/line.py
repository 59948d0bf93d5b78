"""The citation line: a Chicago bibliography entry, rendered by citeproc-py.

The style is the CSL project's *Chicago Manual of Style 18th edition (notes and
bibliography, access dates)*, bundled unchanged in ``styles/`` (CC BY-SA 3.0; see
``styles/README.md``). The words around the record's data come from a
:class:`CslLocale` the caller makes from its own message catalogue, inserted into the
style as its first locale: a new interface language is new catalogue entries, not
code. Whatever the locale leaves out falls back to CSL's own locale files.

Two things CSL cannot say are done after rendering, on the words the style produced
and never on the record's text (which is swapped out for private-use placeholders
while that happens): the language's punctuation (``,`` → ``،``) and digits (Persian).

Rendering a line costs ~3 ms with the style's lookups kept (``csl_style``; citeproc-py
alone looks each macro and term up by XPath, 11 ms a line), and lines are kept in an LRU
cache keyed by the item and the locale.
"""

from __future__ import annotations

import functools
import io
import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from ganjina.cite.csl_style import kept_style
from ganjina.text import to_persian_digits

STYLE = Path(__file__).resolve().parent / "styles" / "chicago-notes-bibliography-access-dates.csl"
CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: item variables that hold the record's (or the site's) own text: never localized
RECORD_TEXT = (
    "title",
    "container-title",
    "publisher",
    "original-title",
    "original-publisher",
    "URL",
    "archive",
)
RECORD_NAMES = ("author", "translator")
CACHE_SIZE = 4096
#: first private-use code point of the placeholders
_PUA = 0xE000

# citeproc-py's style objects keep state while rendering: one render at a time
_lock = threading.Lock()


@dataclass(frozen=True)
class CslLocale:
    """The words, dates and punctuation of one language, for the style."""

    #: BCP 47 tag of the language (``en``, ``fa-AF``, ``ps``)
    tag: str
    #: ``(term name, form, text)``; form is ``long``, ``short``, ``verb`` or ``verb-short``
    terms: tuple[tuple[str, str, str], ...]
    #: the twelve Gregorian month names
    months: tuple[str, ...]
    #: a full date's parts in order, each with what follows it: (("day", " "), …)
    date_order: tuple[tuple[str, str], ...]
    punctuation_in_quote: bool = False
    #: (what the style writes, what this language writes), e.g. ((", ", "، "),)
    punctuation: tuple[tuple[str, str], ...] = ()
    persian_digits: bool = False

    @property
    def csl_tag(self) -> str:
        """A private-use tag, so that it never meets the style's own locales
        (two in-style locales of one tag make citeproc-py fail)."""
        return f"{self.tag}-x-ganjina"

    @property
    def rewrites(self) -> bool:
        return self.persian_digits or any(a != b for a, b in self.punctuation)


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, f"{{{CSL_NS}}}{tag}", attrs)
    element.text = text
    return element


def locale_element(locale: CslLocale) -> Any:
    """The ``<locale>`` element of ``locale``."""
    root = etree.Element(f"{{{CSL_NS}}}locale", nsmap={None: CSL_NS})
    root.set(XML_LANG, locale.csl_tag)
    options = "true" if locale.punctuation_in_quote else "false"
    _sub(root, "style-options", **{"punctuation-in-quote": options})
    date = _sub(root, "date", form="text")
    for part, suffix in locale.date_order:
        _sub(date, "date-part", name=part, suffix=suffix)
    terms = _sub(root, "terms")
    for number, name in enumerate(locale.months, start=1):
        _sub(terms, "term", name, name=f"month-{number:02d}")
    for name, form, text in locale.terms:
        _sub(terms, "term", text, name=name, **({} if form == "long" else {"form": form}))
    # citeproc-py prints a label's term even when its variable is empty (its issue #204):
    # the style labels a newspaper's edition, which no record has, so "Edition" would
    # appear in every line. An empty term prints nothing.
    for form in ("long", "short"):
        edition = _sub(terms, "term", name="edition", **({} if form == "long" else {"form": form}))
        _sub(edition, "single", "")
        _sub(edition, "multiple", "")
    return root


@functools.cache
def _style_tree() -> bytes:
    return STYLE.read_bytes()


def style_data(locale: CslLocale) -> bytes:
    """The bundled style with ``locale`` as its first locale, as CSL XML."""
    tree = etree.parse(io.BytesIO(_style_tree()))
    info = tree.getroot().find(f"{{{CSL_NS}}}info")
    info.addnext(locale_element(locale))
    return bytes(etree.tostring(tree))


@functools.lru_cache(maxsize=16)
def _style(locale: CslLocale) -> Any:
    # its macro, term and "calls a variable" lookups kept: a line renders in 3 ms, not 11
    # not validated: the RelaxNG check costs 45 ms and the bundled style is checked by a test
    return kept_style(style_data(locale), locale.csl_tag)


def _protect(item: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """``item`` with the record's text replaced by one private-use character each."""
    out = dict(item)
    swapped: list[tuple[str, str]] = []

    def token(text: str) -> str:
        mark = chr(_PUA + len(swapped))
        swapped.append((mark, text))
        return mark

    for key in RECORD_TEXT:
        if isinstance(out.get(key), str):
            out[key] = token(out[key])
    for key in RECORD_NAMES:
        if key in out:
            out[key] = [{"literal": token(n["literal"])} for n in out[key]]
    return out, swapped


def _render(item: dict[str, Any], locale: CslLocale) -> str:
    return render_with(_style(locale), item)


def render_with(style: Any, item: dict[str, Any]) -> str:
    """``item``'s bibliography entry in a citeproc-py ``style``, as plain text."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    key = str(item["id"])
    with _lock:
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        bibliography.register(Citation([CitationItem(key)]))
        return str(bibliography.bibliography()[0]).strip()


@functools.lru_cache(maxsize=CACHE_SIZE)
def _line(item_json: str, locale: CslLocale) -> str:
    item = json.loads(item_json)
    if not locale.rewrites:
        return _render(item, locale)
    protected, swapped = _protect(item)
    text = _render(protected, locale)
    if locale.punctuation:
        # one pass, longest first: a replacement is never rewritten again
        table = dict(locale.punctuation)
        pattern = re.compile("|".join(re.escape(p) for p in sorted(table, key=len, reverse=True)))
        text = pattern.sub(lambda m: table[m.group(0)], text)
    if locale.persian_digits:
        text = to_persian_digits(text)
    for mark, original in swapped:
        text = text.replace(mark, original)
    return text


def render(item: dict[str, Any], locale: CslLocale) -> str:
    """The bibliography entry of one CSL-JSON ``item`` in ``locale``, as plain text."""
    return _line(json.dumps(item, ensure_ascii=False, sort_keys=True), locale)
