"""The variation space: every layout choice a Word user makes, and how one is drawn.

Each article draws one option per choice from its own ``random.Random`` (seeded by the corpus
seed and the article's number), so the corpus is the same on every machine and a choice can be
traced to what it hurt. A few choices depend on others (a masthead in the first page's header
cannot share that header with a running header); ``draw`` resolves them and records the
result, never the wish.
"""

from __future__ import annotations

import random
from typing import Any

RTL = ("fa-AF", "ps")

# choice -> (options, weights). Weights keep rare-but-real forms rare.
CHOICES: dict[str, tuple[list[Any], list[float]]] = {
    "header": (["every_page", "first_page_different", "none"], [4, 4, 2]),
    "running_header_form": (["two_lines", "one_line", "with_site"], [4, 4, 2]),
    "masthead_place": (["body", "first_page_header"], [7, 3]),
    "motto": (["ferdowsi", "none", "other_poem"], [5, 3, 2]),
    "motto_lines": (["paragraphs", "line_breaks"], [1, 1]),
    "contact": (["two_lines", "one_line", "links"], [4, 3, 3]),
    "section_label": (["pair", "single"], [7, 3]),
    "page_size": (["A4", "Letter"], [6, 4]),
    "margins": (["narrow", "normal", "wide"], [2, 5, 3]),
    "latin_font": (
        ["Liberation Serif", "Liberation Sans", "DejaVu Serif", "DejaVu Sans", "Noto Serif"],
        [3, 2, 2, 1, 2],
    ),
    "arabic_font": (["Amiri", "Noto Naskh Arabic", "Noto Sans Arabic", "Vazirmatn"], [3, 3, 2, 2]),
    "body_size": ([10.5, 11, 12, 13], [1, 3, 4, 2]),
    "title_weight": (["bold", "bold_italic", "italic", "regular"], [4, 4, 1, 1]),
    "title_size": ([14, 16, 18, 22], [2, 4, 3, 1]),
    "title_align": (["center", "start", "end"], [5, 4, 1]),
    "title_style": (["direct", "Title", "Heading 1"], [6, 2, 2]),
    "title_place": (["after_byline", "before_byline"], [7, 3]),
    "byline_order": (["byline_then_date", "date_then_byline", "one_line"], [5, 3, 2]),
    "byline_prefix": (["none", "prefix"], [5, 5]),
    "authors": ([1, 2, 3], [7, 2, 1]),
    "translators": ([0, 1, 2], [6, 3, 1]),
    "translator_place": (["own_line", "with_byline"], [7, 3]),
    "date_form": (["gregorian_latin", "gregorian_persian", "solar", "both"], [4, 2, 2, 2]),
    "missing": (["none", "no_byline", "no_date", "no_attribution"], [85, 5, 5, 5]),
    "list_kind": (
        ["word_numbering", "word_bullets", "typed_latin", "typed_persian", "typed_bullet", "none"],
        [3, 2, 2, 2, 1, 1],
    ),
    "subheadings": (["none", "heading_style", "bold_line"], [4, 3, 3]),
    "quote": (["none", "quote_style", "indented_italic"], [4, 3, 3]),
    "photo": (["below", "above", "none"], [5, 3, 2]),
    "caption_style": (["Caption", "italic_small", "plain"], [4, 3, 3]),
    "credit": (["agency", "photo_colon", "native"], [5, 3, 2]),
    "attribution_style": (["plain", "bold", "italic", "end_aligned", "own_style"], [3, 2, 2, 2, 1]),
    "attribution_prefix": (["none", "prefix"], [5, 5]),
    "attribution_date": (["yes", "no"], [8, 2]),
    "footer": (
        ["none", "n", "page_n_of_m", "dash_n_dash", "n_slash_m", "word_n", "url_and_n"],
        [3, 2, 2, 1, 1, 2, 1],
    ),
    "footer_first_page": (["yes", "no"], [6, 4]),
    "page_break": (["natural", "in_paragraph", "before_list_item"], [5, 3, 2]),
    # no "neither space nor indent": ragged paragraphs set so have no visible boundary, a
    # truth no reader (nor a human) could recover from the page
    "paragraph_spacing": (["space_after", "first_line_indent"], [6, 4]),
    "justify": (["justify", "start"], [6, 4]),
    "length": (["short", "medium", "long"], [2, 5, 3]),
}


def _pick(rng: random.Random, name: str) -> Any:
    options, weights = CHOICES[name]
    return rng.choices(options, weights)[0]


def draw(rng: random.Random, lang: str) -> dict[str, Any]:
    """One article's layout: an option for every choice, dependencies resolved."""
    v = {name: _pick(rng, name) for name in CHOICES}
    rtl = lang in RTL
    if not rtl:
        # Latin-script articles print Gregorian dates in Latin digits only
        v["date_form"] = "gregorian_latin"
        if v["list_kind"] == "typed_persian":
            v["list_kind"] = "typed_latin"
        if v["credit"] == "native":
            v["credit"] = "agency"
    if rtl and v["arabic_font"] != "Amiri":
        # LibreOffice justifies Arabic script with kashidas, and with every font here but
        # Amiri the kashida glyph comes out of the PDF text layer as some other character
        # (Vazirmatn: the digit 9; Noto Naskh/Sans Arabic: '/', '(', ';', '<' … inside words,
        # in 9 of 28 justified files): visibly clean, textually broken. Such a file misstates
        # its own text, so it is no test of a reader; set it ragged instead.
        v["justify"] = "start"
    if v["masthead_place"] == "first_page_header" and v["header"] == "every_page":
        # page 1's header holds the masthead, so the running header is on later pages only
        v["header"] = "first_page_different"
    if v["missing"] == "no_byline":
        v["translators"] = 0
    if v["translators"] == 0:
        v["translator_place"] = "own_line"
    if v["list_kind"] == "none" and v["page_break"] == "before_list_item":
        v["page_break"] = "natural"
    if v["missing"] == "no_attribution":
        v["attribution_prefix"] = v["attribution_style"] = v["attribution_date"] = "n/a"
    if v["photo"] == "none":
        v["caption_style"] = v["credit"] = "n/a"
    return v
