"""The words of a page a reader sees, with what is data set apart: the check that a Dari
or Pashto interface shows no English words of its own.

A page's own words come from the catalogue; data (an English article's title, an account
name, a query, a file name) is marked as such, by ``lang`` (another language than the
interface's), ``translate="no"``, or ``<code>``. What is left, text and the attributes a
reader meets (``title``, ``aria-label``, ``placeholder``, ``alt``, a button's ``value``),
must hold no Latin word but the names of formats and protocols that every language
writes in Latin.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: names that stay in Latin letters in every interface (formats, protocols, the query
#: language's own words) — never an English word of the interface
KEPT_IN_LATIN = frozenset(
    "Atom JSON OAI-PMH oai_dc OpenAPI PDF HTML DOCX Word Markdown MB http https "  # noqa: SIM905
    "OR AND NOT ZWNJ BibTeX RIS CSL-JSON".split()
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_.-]*[A-Za-z]")
LATIN_DIGIT = re.compile(r"[0-9]")
#: the search language's field names, kept when written as fields (``date:``)
QUERY_FIELDS = re.compile(r"\b(?:title|author|translator|source|section|lang|date):")
SHOWN_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
#: elements whose content is data or code, never the interface's words
DATA_ELEMENTS = frozenset({"code", "kbd", "samp", "script", "style", "template", "pre"})
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()  # noqa: SIM905
)


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        #: for each open element: is its content data?
        self.stack: list[tuple[str, bool]] = []
        self.found: list[tuple[str, str]] = []  # (where, text)
        #: the texts marked as data, to take out of a ``<title>``, which cannot mark them
        self.data: set[str] = set()

    def _inside_data(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        lang = values.get("lang")
        data = (
            self._inside_data()
            or tag in DATA_ELEMENTS
            or values.get("translate") == "no"
            # an element's own lang marks data (a title, a body, a language's own name):
            # the interface's words never need one but the root's
            or (lang is not None and tag != "html")
        )
        if not data and tag not in ("link", "meta"):  # their titles are not read
            for name in SHOWN_ATTRIBUTES:
                if values.get(name):
                    self.found.append((f"<{tag} {name}>", values[name]))
            if (
                tag == "input"
                and values.get("type") in ("submit", "button")
                and values.get("value")
            ):
                self.found.append((f"<{tag} value>", values["value"]))
        typed = values.get("value", "").strip()
        if tag == "input" and typed and values.get("type") not in ("submit", "button", "hidden"):
            # what a field holds was typed (a query): data, also where a <title> repeats it
            self.data.add(typed)
        if tag not in VOID:
            self.stack.append((tag, data))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        # pop to the matching element (HTML lets some end tags go unsaid)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and self._inside_data():
            self.data.add(data.strip())
        elif data.strip():
            where = self.stack[-1][0] if self.stack else "(top)"
            self.found.append((f"<{where}>", data.strip()))


def interface_words(html: str, ui_lang: str) -> list[tuple[str, str]]:
    """Every piece of the page's own text (not data), as ``(element, text)``."""
    parser = _Words()
    parser.feed(html)
    parser.close()
    found = []
    for where, text in parser.found:
        if where == "<title>":
            for data in sorted(parser.data, key=len, reverse=True):
                if len(data) > 3:
                    text = text.replace(data, " ")
        found.append((where, text))
    return found


def english_left(html: str, ui_lang: str) -> list[str]:
    """The page's own texts that hold a Latin word that is not a kept name, or a
    number in Latin digits (Dari and Pashto write ۰–۹)."""
    problems = []
    for where, text in interface_words(html, ui_lang):
        words = [
            w for w in LATIN_WORD.findall(QUERY_FIELDS.sub(" ", text)) if w not in KEPT_IN_LATIN
        ]
        if words or LATIN_DIGIT.search(text):
            problems.append(f"{where} {text[:80]!r}")
    return problems
