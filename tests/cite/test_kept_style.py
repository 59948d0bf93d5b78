"""The style with its lookups kept (``cite.csl_style``) renders every line exactly as
citeproc-py's own style object does, in each interface language."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from citeproc import CitationStylesStyle

from ganjina.cite import Original, csl
from ganjina.cite.csl_style import kept_style
from ganjina.cite.line import render_with, style_data
from ganjina.web import i18n
from ganjina.web.citation import csl_locale

from .test_line import DARI, ENGLISH

MANY = tuple(f"نویسنده {n}" for n in range(1, 13))  # past the style's et-al threshold
CITABLES = [
    DARI,
    ENGLISH,
    replace(DARI, authors=(), translators=(), original=None),
    replace(DARI, authors=MANY, date=None, date_text="۱۰ حمل ۱۴۰۱"),
    replace(ENGLISH, authors=("Helen Marsh",), date=None, date_text=None, translators=()),
    replace(ENGLISH, original=Original("reprint", "A letter", "Harbour Review", None)),
    replace(DARI, language="ps", authors=("ملالۍ ځدراڼ", "ګل ښکلی"), version=12),
    replace(ENGLISH, title="", authors=MANY[:3], date="2023-02"),
]


def _pair(code: str) -> tuple[object, object]:
    locale = csl_locale(code)
    data = style_data(locale)
    plain = CitationStylesStyle(io.BytesIO(data), locale=locale.csl_tag, validate=False)
    return plain, kept_style(data, locale.csl_tag)


@pytest.mark.parametrize("code", sorted(i18n.LANGUAGES))
def test_kept_lookups_render_the_same_lines(code: str) -> None:
    plain, kept = _pair(code)
    lines = []
    for citable in CITABLES:
        item = csl.item(citable)
        line = render_with(kept, item)
        assert line == render_with(plain, item), citable
        lines.append(line)
    assert len(set(lines)) == len(lines)  # the items differ, so must their lines
    # twice through the kept answers: the second render is the first one's
    assert [render_with(kept, csl.item(c)) for c in CITABLES] == lines


def test_the_lookups_are_kept_and_a_missing_macro_still_fails() -> None:
    _, kept = _pair("fa")
    render_with(kept, csl.item(DARI))
    store = kept.root._ganjina_kept  # type: ignore[attr-defined]
    assert store["macro"] and store["calls"] and store["term"]
    text = next(kept.root.iter("{http://purl.org/net/xbiblio/csl}text"))  # type: ignore[attr-defined]
    with pytest.raises(IndexError):
        text.get_macro("no-such-macro")
