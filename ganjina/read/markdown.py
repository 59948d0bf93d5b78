"""Markdown and plain text → Layout.

Large corpora hold the portal's PDFs as PDF-to-Markdown conversions. Those conversions
leave artefacts that this reader undoes, so that the recognizer sees the printed text:
backslash escapes (``\\$``), emphasis wrappers (``## ***Title***``), links around the URL
and e-mail, images, hard line breaks (two trailing spaces) and page separators (``-----``).
Plain text is read by the same code: it simply has none of these marks.
"""

from __future__ import annotations

import re

from ganjina.read.layout import Layout, Line

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_BULLET = re.compile(r"^\s*[-*+•]\s+(.*)$")
_ORDERED = re.compile(r"^\s*(\d{1,3}[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# emphasis markers around a whole run: ***x***, **x**, *x*, _x_, __x__
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def _strip_emphasis(text: str) -> tuple[str, bool, bool]:
    """Remove emphasis markers; say whether the whole line was bold and/or italic."""
    whole = text.strip()
    bold = italic = False
    m = re.fullmatch(r"(\*{1,3}|_{1,3})(\S.*?\S|\S)\1", whole)
    if m:
        n = len(m.group(1))
        bold = n >= 2
        italic = n in (1, 3)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    return text, bold, italic


def _inline(text: str) -> str:
    """Undo inline Markdown: images vanish, links keep their text, escapes are removed."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    text = _HTML_BREAK.sub(" ", text)
    return text


def _unescape(text: str) -> str:
    return _ESCAPE.sub(r"\1", text)


def read_markdown(text: str, *, fmt: str = "markdown") -> Layout:
    """Read Markdown (or plain text, ``fmt="text"``) into lines with structural hints."""
    layout = Layout(format=fmt)
    page = 1
    saw_rule = False
    para_start = True
    for raw in text.splitlines():
        if not raw.strip():
            para_start = True
            continue
        if _RULE.match(raw):
            # pymupdf4llm separates pages with a rule; count them so blocks know their page
            page += 1
            saw_rule = True
            para_start = True
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
        elif m := _ORDERED.match(line):
            hint, marker, line = "list", m.group(1), m.group(2)
        elif m := _BULLET.match(line):
            hint, line = "list", m.group(1)
            # a converter turns a printed "1)" item into "- 1) …": keep the printed marker
            if inner := re.match(r"^([0-9۰-۹]{1,3}[.)]|[•◦▪–])\s+(.*)$", _unescape(line)):
                marker, line = inner.group(1), inner.group(2)
            else:
                marker = "•"
        line = _inline(line)
        line, bold, italic = _strip_emphasis(line)
        line = _unescape(line).strip()
        if not line:
            continue
        link = bool(_LINK.search(raw) or _AUTOLINK.search(raw))
        layout.lines.append(
            Line(
                text=line,
                page=page,
                bold=bold,
                italic=italic,
                hint=hint or ("link" if link else None),
                marker=marker,
                soft_break_after=hard_break,
                para_start=para_start or hint in ("h1", "h2", "h3", "h4", "h5", "h6", "list"),
            )
        )
        para_start = hint in ("h1", "h2", "h3", "h4", "h5", "h6")
    layout.pages = page if saw_rule else None
    return layout
