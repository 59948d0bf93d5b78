"""Markdown and plain text → Layout.

Large corpora hold the portal's PDFs as PDF-to-Markdown conversions. Those conversions
leave artefacts that this reader undoes, so that the recognizer sees the printed text:
backslash escapes (``\\$``), emphasis wrappers (``## ***Title***``), links around the URL
and e-mail, images, hard line breaks (two trailing spaces) and page separators (``-----``).
Plain text is read by the same code: it simply has none of these marks.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ganjina.read.bidi import is_rtl_text
from ganjina.read.layout import Layout, Line
from ganjina.read.markdown_lists import split_run_on_items
from ganjina.read.markdown_rtl import repair_rtl_text, reversed_items
from ganjina.read.markdown_rtl_items import LONE_MARKER, visual_order_items
from ganjina.read.markdown_runs import split_styled_runs
from ganjina.read.markdown_tables import table_at
from ganjina.read.rtl_text import credit_drawn_first, cut_by_kashidas, repair_rtl_line
from ganjina.record import table_text
from ganjina.text import parse_date

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
#: footnotes as Markdown writes them (pandoc, GitHub, Obsidian): ``text[^1]`` and, on a
#: line of its own, ``[^1]: the note``; labels are short words
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]{1,20})\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\[\^([^\]\s]{1,20})\]:\s*(.*)$")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_BULLET = re.compile(r"^\s*[-*+•]\s+(.*)$")
# (a right-to-left conversion may glue the marker to the item's first letter: "1.د …")
_ORDERED = re.compile(
    r"^\s*(\d{1,3}[.)])(?:\s+|(?=[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]))(.*)$"
)
# a typed marker inside a converter's bullet: "- 1) …", "- 1 - …", "- • …"
_TYPED_MARKER = re.compile(r"^([0-9۰-۹]{1,3}(?:[.)]| [-–])|[•◦▪–])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
# what ends a sentence, closing quotes included (German closes with “)
_CLOSING = tuple(".!?؟:;…»\"'”’“›)")
# a line that only carries a URL, an e-mail or a page number (running headers)
_FURNITURE_LIKE = re.compile(
    r"^(?:\S+@\S+\.\w+|(?:https?://)?www\.\S+|[0-9۰-۹]{1,4})"
    r"(?:\s+(?:\S+@\S+\.\w+|(?:https?://)?www\.\S+))*$"
)
# more characters than one printed line holds, even set small across a wide page
_LONGEST_PRINTED_LINE = 240
_PROSE_WORDS = 8  # a line of running text, not of the front matter
_PROSE_LINES = 4  # fewer lines of prose say nothing about how the converter wrote them
# more words than a list item's line or two hold, a sentence ending inside: a paragraph
_PARAGRAPH_NOT_ITEM = 20
_SENTENCE_GAP = re.compile(r"[.!?؟](?=\s+\S)")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_OWN_PARAGRAPH = (*_HEADINGS, "list")
# words enough to be a paragraph's text rather than a masthead, byline or heading line
_LONG_PARAGRAPH = 12
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# the text a converter read inside what it took for a picture (pymupdf4llm's wording)
_PICTURE_TEXT = re.compile(
    r"<!--\s*Start of picture text\s*-->(.*?)<!--\s*End of picture text\s*-->", re.DOTALL
)
# display text: a few words (a title, a heading), not a paragraph
_DISPLAY_WORDS = (3, 30)
# what ends a sentence or a list item (right-to-left conversions may move it to the front)
_STOPS = tuple(".!?؟:;؛…")
# a list item's marks at either end (right to left they may stand at the end): a bullet,
# a symbol font's bullet (private use), a number
_LIST_LIKE = re.compile(
    r"^[-*+•◦▪]\s|[\ue000-\uf8ff]|^[0-9۰-۹]{1,3}(?:[.)]|\s|$)|(?:^|\s|[.)(])[0-9۰-۹]{1,3}$"
)
_HTML_TAG = re.compile(
    r"</?(?:u|ins|sup|sub|span|mark|small|font|b|i|em|strong|del|s)\b[^>]*>", re.I
)
_WHOLE_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(\S.*?\S|\S)\1")
# emphasis markers around a whole run: ***x***, **x**, *x*, _x_, __x__
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def _strip_emphasis(text: str) -> tuple[str, bool, bool]:
    """Remove emphasis markers; say whether the whole line was bold and/or italic."""
    whole = text.strip()
    bold = italic = False
    # wrappers may nest (``**_title_**``): each one peeled says bold, italic or both
    while m := _WHOLE_EMPHASIS.fullmatch(whole):
        n = len(m.group(1))
        bold = bold or n >= 2
        italic = italic or n in (1, 3)
        whole = m.group(2)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    return text, bold, italic


def _inline(text: str) -> str:
    """Undo inline Markdown: images vanish, links keep their text, escapes are removed,
    a footnote's reference ``[^1]`` reads ``[1]`` as a Word file's does."""
    text = _FOOTNOTE_REF.sub(r"[\1]", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _HTML_TAG.sub("", text)
    return text


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def _picture_text(m: re.Match[str]) -> str:
    """A picture's text as Markdown lines. Where it is display text (a few words that end
    no sentence or list item, no list marker) the converter took type set large for a
    picture: a title or a heading, so it becomes one heading line. Else each of its
    printed lines (``<br>``) stays a line of text."""
    rows = [r.strip() for r in _HTML_BREAK.split(m.group(1)) if r.strip()]
    words = sum(len(r.split()) for r in rows)
    display = (
        rows
        and _DISPLAY_WORDS[0] <= words <= _DISPLAY_WORDS[1]
        and not any(_LIST_LIKE.search(r) for r in rows)
        and not any(r.strip("-– ").endswith(_STOPS) or r.startswith(_STOPS) for r in rows)
    )
    if display:
        return "\n\n# " + " ".join(rows) + "\n\n"
    return "\n" + "  \n".join(rows) + "\n"


def _cell_text(cell: str) -> str:
    """A table cell's text as a paragraph's would read: inline marks undone."""
    text = _unescape(_strip_emphasis(_inline(_HTML_BREAK.sub(" ", cell)))[0]).strip()
    return repair_rtl_text(text) if is_rtl_text(text) else text


def _table_line(rows: list[list[str]], page: int, cut: bool) -> Line:
    text = table_text(rows)
    return Line(
        text=text,
        page=page,
        rtl=is_rtl_text(text),
        hint="table",
        para_start=True,
        cut_before=cut,
        table=rows,
        table_header=True,  # GFM's first row is its header row
    )


def read_markdown(text: str, *, fmt: str = "markdown") -> Layout:
    """Read Markdown (or plain text, ``fmt="text"``) into lines with structural hints."""
    layout = Layout(format=fmt)
    if fmt == "markdown":
        # converters wrap text taken from pictures in comments and break its lines with
        # <br>: the comments go, each <br> is a printed line of its own
        text = _PICTURE_TEXT.sub(_picture_text, text)
        text = _HTML_COMMENT.sub("\n", text)
        text = _HTML_BREAK.sub("  \n", text)
    page = 1
    saw_rule = False
    para_start = True
    cut = False
    pending: str | None = None  # a list marker printed alone, for the next line's item
    source = text.splitlines()
    after_table = 0
    for k, raw in enumerate(source):
        if k < after_table:
            continue  # a row of the table just read
        if not raw.strip():
            para_start = True
            continue
        if (table := table_at(source, k, _cell_text)) is not None:
            rows, after_table = table
            if any(any(row) for row in rows):
                layout.lines.append(_table_line(rows, page, cut))
            para_start, cut = True, False
            continue
        if _RULE.match(raw):
            # pymupdf4llm separates pages with a rule; count them so blocks know their page
            page += 1
            saw_rule = True
            para_start = True
            cut = True
            continue
        if note := _FOOTNOTE_DEF.match(raw.strip()):
            # a note: after the body, where the recognizer puts notes (its own marker)
            text_ = _unescape(_inline(note.group(2))).strip()
            layout.lines.append(
                Line(text=text_, page=page, hint="note", marker=f"[{note.group(1)}]")
            )
            para_start = True
            continue
        if raw[:1] in (" ", "\t") and layout.lines and layout.lines[-1].hint == "note":
            last = layout.lines[-1]  # an indented line goes on with the note above
            last.text = f"{last.text} {_unescape(_inline(raw.strip())).strip()}".strip()
            continue
        hard_break = raw.endswith("  ") or raw.endswith("\\")
        line = raw.rstrip().removesuffix("\\").rstrip()
        hint: str | None = None
        marker: str | None = None
        if _IMAGE.fullmatch(line.strip()):
            layout.lines.append(Line(text="", page=page, hint="image", para_start=True))
            para_start = True
            continue
        if m := _HEADING.match(line):
            hint = f"h{len(m.group(1))}"
            line = m.group(2)
        elif m := _QUOTE.match(line):
            hint, line = "quote", m.group(1)
        elif (m := _ORDERED.match(line)) and parse_date(_inline(line).strip(" *_")) is None:
            # ``20. September 2023`` opens like an ordered item but is a German date
            hint, marker, line = "list", m.group(1), m.group(2)
        elif m := _BULLET.match(line):
            hint, line = "list", m.group(1)
            # a converter turns a printed "1)" item into "- 1) …": keep the printed marker
            if inner := _TYPED_MARKER.match(_unescape(line)):
                marker, line = inner.group(1), inner.group(2)
            elif len(line.split()) > _PARAGRAPH_NOT_ITEM and _SENTENCE_GAP.search(line):
                # a converter's bullet before more words than a list item holds, with a
                # sentence ending inside, is a paragraph it took for one (a page's
                # indented first line)
                hint = None
            else:
                marker = "•"
        # paragraphs the converter ran into one line come apart where their styling shows
        # (not where a kashida cut the line into runs: those the right-to-left repair
        # puts back together)
        before = layout.lines[-1] if layout.lines else None
        previous = (before.marker or "", before.text) if before and before.hint == "list" else None
        if hint is None and previous is not None and pending is None and LONE_MARKER.match(line):
            pending = line  # a marker alone on its printed line: the item's text follows
            continue
        items, rest = None, ""
        if hint is None and is_rtl_text(line):
            # the marker on the line before is the one this item lost (drawn after it)
            drawn = _unescape(_inline(line)) + (f" {pending.strip(' .)')}" if pending else "")
            if found := visual_order_items(drawn, previous):
                items, rest = found
                pending = None
        if pending is not None:  # no item took it: it stays text
            layout.lines.append(Line(text=pending.strip(), page=page, para_start=True))
            pending = None
        if hint is None and (items := items or reversed_items(line.strip())):
            for k, (item_marker, item_text) in enumerate(items):
                layout.lines.append(
                    Line(
                        text=repair_rtl_text(_unescape(_inline(item_text)).strip()),
                        page=page,
                        hint="list",
                        marker=item_marker,
                        para_start=True,
                        cut_before=cut and k == 0,
                    )
                )
            cut, para_start = False, False
            if not rest:
                continue
            line, para_start = rest, True  # a paragraph run on after the last item
        whole = hint is not None or cut_by_kashidas(line) or credit_drawn_first(line)
        parts = [line] if whole else split_styled_runs(line)
        for n, part in enumerate(parts):
            text_, bold, italic = _strip_emphasis(_inline(repair_rtl_line(part)))
            text_ = _unescape(text_).strip()
            if is_rtl_text(text_):
                text_ = repair_rtl_text(text_)
            if not text_:
                continue
            link = bool(_LINK.search(part) or _AUTOLINK.search(part))
            layout.lines.append(
                Line(
                    text=text_,
                    page=page,
                    bold=bold,
                    italic=italic,
                    hint=hint or ("link" if link else None),
                    marker=marker,
                    soft_break_after=hard_break and n == len(parts) - 1,
                    para_start=para_start or n > 0 or hint in _OWN_PARAGRAPH,
                    cut_before=cut,
                )
            )
            cut = False
            para_start = hint in _HEADINGS
    if pending is not None:
        layout.lines.append(Line(text=pending.strip(), page=page, para_start=True))
    layout.lines = split_run_on_items(layout.lines)
    layout.pages = page if saw_rule else None
    if not _mark_line_mode_paragraphs(layout.lines):
        _mark_cut_paragraphs(layout.lines)
    return layout


def _mark_cut_paragraphs(lines: list[Line]) -> None:
    """Where the converter kept paragraphs whole, a long paragraph that stops in the
    middle of a sentence was cut (by a page break the conversion does not show): the
    paragraph text after it may go on with it, which the join rules decide. A short
    line there without a stop (an attribution, a page number) is no sentence's rest."""
    for prev, ln in pairwise(lines):
        if prev.hint is not None or ln.hint is not None or not ln.para_start:
            continue
        stops = ln.text.rstrip().endswith(_CLOSING)
        if (
            len(prev.text.split()) >= _LONG_PARAGRAPH
            and not prev.text.rstrip().endswith(_CLOSING)
            and (stops or len(ln.text.split()) >= _LONG_PARAGRAPH)
        ):
            ln.cut_before = True


def _mark_line_mode_paragraphs(lines: list[Line]) -> bool:
    """Some converters write every printed line as a paragraph of its own. Detect that
    (many "paragraphs" stop mid-sentence) and find the real paragraph ends: a line that
    closes a sentence and stops short of the usual full line length. Says whether it
    found the document so written."""
    plain = [
        ln
        for ln in lines
        if ln.hint in (None, "list") and ln.text and not _FURNITURE_LIKE.match(ln.text)
    ]
    if len(plain) < 8:
        return False
    # counted over lines of prose: front matter (tag, byline, date, attribution) ends no
    # sentence in either way of writing, and in a short article it would be a third of
    # the lines
    prose = [ln for ln in plain if len(ln.text.split()) >= _PROSE_WORDS]
    open_ended = sum(1 for ln in prose if not ln.text.rstrip().endswith(_CLOSING))
    if len(prose) < _PROSE_LINES or open_ended < 0.3 * len(prose):
        return False
    # a printed line is one or two hundred characters; whole paragraphs are longer. Short
    # front matter (masthead, motto, byline) cannot say which: a few lines far longer
    # than any printed line show that the converter kept its paragraphs whole
    if sorted(len(ln.text) for ln in plain)[len(plain) // 2] > 200:
        return False
    if sum(len(ln.text) > _LONGEST_PRINTED_LINE for ln in plain) >= 2:
        return False
    lengths = sorted(len(ln.text) for ln in plain)
    full = lengths[int(0.9 * (len(lengths) - 1))]
    worded = [ln for ln in plain if any(ch.isalpha() for ch in ln.text)]
    last_plain = worded[-1] if worded else None
    previous: Line | None = None
    for ln in lines:
        if ln.hint not in (None, "list") or not ln.text or _FURNITURE_LIKE.match(ln.text):
            previous = None  # a running header or page number is no paragraph's line
            continue
        if previous is not None and ln.hint is None and ln.para_start:
            closes = previous.text.rstrip().endswith(_CLOSING)
            # the last line after a closed sentence is the attribution, not a continuation
            ln.para_start = closes and (len(previous.text) < 0.9 * full or ln is last_plain)
        previous = ln
    return True
