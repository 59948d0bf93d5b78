"""Web pages → Layout (our linear-time tokenizer, ``html_tokens``; no network, no scripts).

An article page is read as its block elements: headings, paragraphs, list items, block
quotes and figure captions, in document order. Page chrome that is not the article
(``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``, ``form``) is skipped;
a header, footer or aside inside the article is the article's (``read/html_regions``).
``dir="rtl"`` and ``lang`` on an element are kept on its lines.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from ganjina.read.bidi import is_rtl_text
from ganjina.read.html_meta import HeadReader
from ganjina.read.html_regions import CHROME_ROLES, Place, article_lines, chrome_named
from ganjina.read.html_tables import LAYOUT_TAGS, TableBuilder
from ganjina.read.html_tokens import tokens
from ganjina.read.layout import Layout, Line, taken_from_metadata
from ganjina.record import table_text
from ganjina.text.canonical import loose_letters

_SKIP = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "template",
    "svg",
    "button",
    "select",
    "head",
    "title",  # (its text is the page's declared title: ``head`` reads it)
}
_BLOCKS = {
    "p": None,
    "li": "list",
    "blockquote": "quote",
    "figcaption": "caption",
    "h1": "h1",
    "h2": "h2",
    "h3": "h3",
    "h4": "h4",
    "h5": "h5",
    "h6": "h6",
    "div": None,
    "section": None,
    "article": None,
    "td": None,
    "th": None,
    "caption": "caption",
    "pre": None,
    "dd": None,
    "dt": None,
    "address": None,
}
#: a list item's marker written as its first text (``1)``, ``۲.``, ``a)``, ``•``); not a
#: number that goes on (``1.5 million``)
_WRITTEN_MARKER = re.compile(
    r"((?:[0-9\u06f0-\u06f9\u0660-\u0669]{1,3}[.)]|[a-zA-Z]\)|[\u2022\u00b7\u25aa\u25e6\u2023\u2013*-]"
    r"(?=\s)))(?![0-9\u06f0-\u06f9\u0660-\u0669])\s*"
)
#: the id of the script that carries the record in Ganjina's own pages (``render/html``)
RECORD_SCRIPT_ID = "ganjina-record"
#: the largest embedded record read (a long article's record is some hundred KB)
LONGEST_RECORD = 8_000_000
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "col", "embed"}


def _role(attrs: list[tuple[str, str | None]]) -> str:
    """An element's ARIA role, lower case ("" where it has none)."""
    return (next((v for k, v in attrs if k == "role"), None) or "").strip().lower()


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,30}:")


def _within_site(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a link goes to a page of the same site (a path, or a place on the page),
    not out of it (``https:``, ``mailto:``, ``//host``)."""
    href = next((v for k, v in attrs if k == "href"), None)
    if href is None:
        return False
    href = href.strip()
    return not href.startswith("//") and not _SCHEME.match(href)


_AUTHOR_CLASSES = frozenset({"byline", "author", "authors"})


def _marks_author(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element is marked as the article's author (its byline): ``rel="author"``,
    microdata ``itemprop="author"``, or a class whose last part names it (``byline``,
    ``post-author``, ``article__author``; not ``author-bio``)."""
    for key, value in attrs:
        if not value:
            continue
        words = value.lower().split()
        if key in ("rel", "itemprop") and "author" in words:
            return True
        if key == "class" and any(re.split(r"[-_]+", w)[-1] in _AUTHOR_CLASSES for w in words[:20]):
            return True
    return False


def _kind(tag: str, attrs: list[tuple[str, str | None]]) -> str | None:
    """What part of the page an element opens: "main", "article", "chrome" or None."""
    role = _role(attrs)
    if tag == "main" or role == "main":
        return "main"
    if tag == "article" or role == "article":
        return "article"
    return "chrome" if chrome_named(tag, dict(attrs)) else None


class _Collector:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.stack: list[str] = []
        #: how many of each tag are open: a stray end tag is recognised in O(1), not by a
        #: scan of the whole stack (quadratic in a deeply nested page)
        self.open_tags: Counter[str] = Counter()
        self.skip_depth = 0
        self.buffer: list[str] = []
        #: the hint in force at each open block: its own, else the one around it (so the
        #: innermost is ``hint[-1]``, again without a scan of the stack)
        self.hint: list[str | None] = []
        self.bold = 0
        self.italic = 0
        self.list_kind: list[str] = []
        self.counters: list[int] = []
        self.marker: str | None = None
        #: per open element (as ``stack``): whether the page marks it as the author's name
        self.marked: list[bool] = []
        self.author_depth = 0  # how many such elements are open
        self.author_letters = 0  # the letters read inside them since the last line
        #: the same for links within the site (``/``, ``/world``, ``#top``), and the lines
        #: made of nothing else: a site's navigation
        self.site_links: list[bool] = []
        self.site_link_depth = 0
        self.site_link_letters = 0
        self.site_link_lines: set[int] = set()
        #: the <br> tags since the last text (two in a row end a paragraph)
        self.breaks = 0
        #: the page's declarations (meta tags, JSON-LD, its <title>), read wherever they
        #: stand, also in the skipped <head>
        self.head = HeadReader()
        #: what the element being read declares ("title", "json-ld", "record"), its text
        self.capture: str | None = None
        self.captured: list[str] = []
        #: the record Ganjina's publisher embedded (``render/html``), where it did
        self.record: dict[str, Any] | None = None
        #: the tables open around the text, innermost last
        self.tables: list[TableBuilder] = []
        #: per open element (as ``stack``): "main", "article", "chrome" or None
        self.kinds: list[str | None] = []
        self.main_depth = 0
        self.articles: list[int] = []  # the numbers of the open <article> elements
        self.article_count = 0
        self.chrome: list[int] = []  # the numbers of the open elements named as furniture
        self.chrome_count = 0
        #: where each line stood (by id): main, article, furniture by name
        self.places: dict[int, Place] = {}

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        author_letters, self.author_letters = self.author_letters, 0
        site_link_letters, self.site_link_letters = self.site_link_letters, 0
        if not text:
            self.marker = None
            return
        hint = self.hint[-1] if self.hint else None
        marker = self.marker
        if hint == "list":
            written = _WRITTEN_MARKER.match(text)
            if written is not None and written.end() < len(text):
                # the page writes its own marker (a list styled without one): that is it
                marker, text = written.group(1), text[written.end() :]
        letters = sum(map(str.isalpha, text)) if author_letters or site_link_letters else 0
        if hint is None and author_letters and 2 * author_letters >= letters:
            hint = "byline"  # most of the line is marked as its author's name
        line = Line(
            text,
            hint=hint,
            marker=marker if hint == "list" else None,
            bold=self.bold > 0,
            italic=self.italic > 0,
            rtl=is_rtl_text(text),
            para_start=True,
        )
        self._append(line)
        if site_link_letters and site_link_letters == letters:
            self.site_link_lines.add(id(line))
        if self.tables and self.tables[-1].in_cell:
            self.tables[-1].cell_lines.add(id(line))
        self.marker = None

    def _append(self, line: Line) -> None:
        self.lines.append(line)
        self.places[id(line)] = Place(
            in_main=self.main_depth > 0,
            article=self.articles[-1] if self.articles else None,
            chrome=self.chrome[0] if self.chrome else None,
        )

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Whether an element is left out with all it holds: page chrome by tag (a
        header or footer only where no article, main or section holds it) or by role."""
        if tag in ("header", "footer"):
            sectioned = (
                self.open_tags["article"] + self.open_tags["main"] + self.open_tags["section"]
            )
            if sectioned:
                return False
        if tag == "aside" and self.open_tags["article"]:
            # inside an article an aside is its own (a fact box, a glossary, a pull
            # quote: the standard's "related to that article"); one named as furniture
            # (``related-posts``) is still set aside by its name
            return False
        if tag in _SKIP:
            return True
        return _role(attrs) in CHROME_ROLES

    def _opened(self, kind: str) -> None:
        if kind == "main":
            self.main_depth += 1
        elif kind == "article":
            self.article_count += 1
            self.articles.append(self.article_count)
        else:
            self.chrome_count += 1
            self.chrome.append(self.chrome_count)

    def _closed(self, kind: str | None) -> None:
        if kind == "main":
            self.main_depth -= 1
        elif kind == "article":
            self.articles.pop()
        elif kind == "chrome":
            self.chrome.pop()

    def _table_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A start tag's part in the tables around it."""
        table = self.tables[-1] if self.tables else None
        if table is not None and table.in_cell and tag in LAYOUT_TAGS:
            table.layout = True  # a cell holding blocks: the table lays the page out
        if tag == "table":  # (the start tag flushed the text before it)
            self.tables.append(TableBuilder(start=len(self.lines)))
        elif table is not None and tag == "tr":
            table.start_row()
        elif table is not None and tag in ("td", "th"):
            table.start_cell(tag, attrs)

    def _end_table(self) -> None:
        """A data table's cell lines replaced by one table line, where the first stood."""
        table = self.tables.pop()
        found = table.finish()
        # (a table inside a cell made the table around it a layout table, whose lines
        # stay as they are: nothing to hand on to it)
        if found is None:
            return
        rows, header = found
        # every line since the table began is its own: the work is the table's size
        inside = self.lines[table.start :]
        del self.lines[table.start :]
        at = next((k for k, ln in enumerate(inside) if id(ln) in table.cell_lines), len(inside))
        text = table_text(rows)
        line = Line(
            text, rtl=is_rtl_text(text), hint="table", para_start=True, table=rows,
            table_header=header,
        )  # fmt: skip
        kept = [ln for ln in inside if id(ln) not in table.cell_lines]
        # the table stands where its first cell's line stood on the page
        self.places[id(line)] = self.places[id(inside[at])] if at < len(inside) else Place()
        self.lines += [*kept[:at], line, *kept[at:]]

    def _declaration(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A tag that declares something about the article (in the head or the body)."""
        # microdata (itemprop, <time>) in the site's furniture is another article's: a
        # "most read" list's dates
        aside = bool(self.chrome) or (self.skip_depth > 0 and not self.open_tags["head"])
        if tag == "meta" and not (aside and any(k == "itemprop" for k, _ in attrs)):
            self.head.meta(dict(attrs))
        elif tag == "link":
            self.head.link(dict(attrs))
        elif tag == "time" and not aside:
            self.head.time(dict(attrs))
        elif tag == "title" and not self.open_tags["svg"]:
            # (an icon's <title> in an <svg> names the icon: "Search", "Menu")
            self.capture, self.captured = "title", []
        elif tag == "script":
            given = dict(attrs)
            kind = (given.get("type") or "").strip().lower()
            if kind == "application/ld+json":
                self.capture, self.captured = "json-ld", []
            elif kind == "application/json" and given.get("id") == RECORD_SCRIPT_ID:
                self.capture, self.captured = "record", []

    def _declared_text(self) -> None:
        """The text of the <title> or script that just ended, to where it is read."""
        text = "".join(self.captured)
        if self.capture == "title":
            self.head.title(text)
        elif self.capture == "json-ld":
            self.head.json_ld(text)
        elif self.record is None:
            self.record = _embedded_record(text)
        self.capture, self.captured = None, []

    def _push(self, tag: str, kind: str | None, marked: bool, site_link: bool) -> None:
        """An element opens: its tag, region kind and marks on the per-element stacks."""
        self.stack.append(tag)
        self.open_tags[tag] += 1
        self.kinds.append(kind)
        self.marked.append(marked)
        self.author_depth += marked
        self.site_links.append(site_link)
        self.site_link_depth += site_link

    def _pop(self) -> tuple[str, str | None]:
        """The innermost element closes: its tag and region kind."""
        tag = self.stack.pop()
        self.open_tags[tag] -= 1
        self.author_depth -= self.marked.pop()
        self.site_link_depth -= self.site_links.pop()
        return tag, self.kinds.pop()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "time", "title", "script"):
            self._declaration(tag, attrs)
        if tag in _VOID:
            if tag == "br":
                self.breaks += 1
                if self.breaks == 2 and not self.skip_depth:
                    # two line breaks with nothing between: a paragraph ends there, as
                    # old pages (and editors' pasted text) set paragraphs in one block
                    self._flush()
                else:
                    self.handle_data(" ")
            elif tag == "img" and not self.skip_depth:
                if self.tables and self.tables[-1].in_cell:
                    self.tables[-1].layout = True  # a picture in a cell: a layout table
                self._flush()
                self._append(Line("", hint="image", para_start=True))
            return
        if self.skip_depth or self._skipped(tag, attrs):
            self._push(tag, None, marked=False, site_link=False)
            self.skip_depth += 1
            return
        kind = _kind(tag, attrs)
        if kind is not None:
            self._flush()  # a landmark or a named part starts: what came before is not in it
            self._opened(kind)
        self._push(tag, kind, _marks_author(attrs), tag == "a" and _within_site(attrs))
        if tag in ("b", "strong"):
            self.bold += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag in ("ul", "ol"):
            self.list_kind.append(tag)
            self.counters.append(0)
        if tag in _BLOCKS or tag in ("table", "tr"):
            self._flush()
        if tag in ("table", "tr", "td", "th") or (self.tables and tag in LAYOUT_TAGS):
            self._table_tag(tag, attrs)
        if tag in _BLOCKS:
            self.hint.append(_BLOCKS[tag] or (self.hint[-1] if self.hint else None))
            if tag == "li" and self.list_kind:
                self.counters[-1] += 1
                self.marker = f"{self.counters[-1]}." if self.list_kind[-1] == "ol" else "•"

    def handle_endtag(self, tag: str) -> None:
        if self.capture is not None and tag == ("title" if self.capture == "title" else "script"):
            self._declared_text()
        if tag in _VOID or not self.open_tags[tag]:
            return
        while self.stack:
            open_tag, kind = self._pop()
            if kind is not None:
                self._flush()  # its last text is its own
                self._closed(kind)
            if self.skip_depth:
                self.skip_depth -= 1
                if open_tag == tag:
                    return
                continue
            if open_tag in ("b", "strong"):
                self.bold = max(0, self.bold - 1)
            elif open_tag in ("i", "em"):
                self.italic = max(0, self.italic - 1)
            elif open_tag in ("ul", "ol") and self.list_kind:
                self.list_kind.pop()
                self.counters.pop()
            if open_tag in _BLOCKS:
                self._flush()
                if self.hint:
                    self.hint.pop()
            if self.tables:
                if open_tag in ("td", "th"):
                    self.tables[-1].end_cell()
                elif open_tag == "tr":
                    self.tables[-1].end_row()
                elif open_tag == "table":
                    self._flush()
                    self._end_table()
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.breaks and not data.isspace():
            self.breaks = 0
        if self.capture is not None:
            self.captured.append(data)  # (one run: the tokenizer reads it to its end tag)
        if not self.skip_depth:
            self.buffer.append(data)
            if self.author_depth or self.site_link_depth:
                letters = sum(ch.isalpha() for ch in data)
                if self.author_depth:
                    self.author_letters += letters
                if self.site_link_depth:
                    self.site_link_letters += letters
            if self.tables:
                self.tables[-1].data(data)

    def feed(self, text: str) -> None:
        for token in tokens(text):
            if token[0] == "data":
                self.handle_data(token[1])
            elif token[0] == "end":
                self.handle_endtag(token[1])
            else:
                self.handle_starttag(token[1], token[2])
                if token[3]:  # <div/>: opened and closed, as the standard library read it
                    self.handle_endtag(token[1])


def read_html(text: str) -> Layout:
    """Read an HTML page's article blocks into a Layout."""
    collector = _Collector()
    collector.feed(text)
    collector._flush()
    while collector.tables:  # a table the page never closed ends with the page
        collector._end_table()
    lines = article_lines(collector.lines, collector.places)
    declared = collector.head.declared()
    warnings = []
    lines, navigation = _without_navigation(lines, collector.site_link_lines)
    if navigation:
        shown = "; ".join(repr(ln.text[:40]) for ln in navigation[:3])
        warnings.append(f"site navigation above the headline left out: {shown}")
    if declared.title and not any(ln.hint == "h1" for ln in lines):
        # a page that sets no headline of its own but declares one: the headline heads
        # the article, so a subheading below is not taken for it by its looks
        printed = {loose_letters(ln.text) for ln in lines}
        if loose_letters(declared.title) not in printed:
            title = declared.title
            lines.insert(0, Line(title, hint="h1", rtl=is_rtl_text(title), para_start=True))
            warnings.append(taken_from_metadata("title", declared.evidence["title"]))
    return Layout(
        format="html",
        lines=lines,
        warnings=warnings,
        page_numbers_in_flow=False,
        declared=declared,
        # believed only where it is valid and the page shows what it says (embedded_check)
        embedded_record=collector.record,
    )


#: the most words a line of only the site's links above the headline may have to be its
#: navigation (a menu); a longer one is kept
_MENU_WORDS = 12


def _without_navigation(
    lines: list[Line], site_link_lines: set[int]
) -> tuple[list[Line], list[Line]]:
    """The lines without the site's navigation, and that navigation: short lines made only
    of links within the site (``Home``, ``World | Culture``), above the headline (the
    first ``<h1>``; none where the page has no ``<h1>``). Landmarks and furniture roles
    take most menus out first; this is for the ones nothing marks (an old portal's
    layout table, a breadcrumb trail). A link out of the site (its address,
    ``mailto:``) is no navigation."""
    first = next((k for k, ln in enumerate(lines) if ln.hint == "h1"), 0)
    menu = [
        ln
        for ln in lines[:first]
        if id(ln) in site_link_lines and len(ln.text.split()) <= _MENU_WORDS
    ]
    if not menu:
        return lines, []
    gone = {id(ln) for ln in menu}
    return [ln for ln in lines if id(ln) not in gone], menu


def _embedded_record(text: str) -> dict[str, Any] | None:
    """The JSON object of Ganjina's embedded record script; None where it is none."""
    if len(text) > LONGEST_RECORD:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None
