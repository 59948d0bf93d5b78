"""Verse in an article: lines broken by hand, with no stop at their ends, set flush with
the far edge or in a justified style; none of them may run into the paragraph after."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganjina.reader import parse_file
from tests.read import office
from tests.read.test_front_matter_layouts import BODY_FA, TITLE_FA

COUPLETS = [
    ("باد آمد و برگ‌های زرد را برد", "در کوچهٔ ما کسی دگر نیست"),
    ("از کوه صدای آب می‌آید", "این مژده به باغ و دشت ما کیست"),
    ("ای دوست بیا که شب دراز است", "چراغ خانه هنوز روشن است"),
]


def _article(verse: list[str]) -> str:
    parts = [office.p("C", line) for line in office.MASTHEAD]
    parts += [office.p("C", "دری"), office.p("L", "نویسنده: سیما باختری")]
    parts += [office.p("L", "۱۸ جوزا ۱۴۰۲"), office.p("T", TITLE_FA), office.p("B", BODY_FA[0])]
    parts += verse
    parts += [office.p("B", BODY_FA[1]), office.p("R", "منبع: صدای دره، ۰۵.۰۶.۲۰۲۳")]
    return office.fodt(parts, rtl=True, font="Noto Naskh Arabic")


# each half-verse a paragraph in a style with no space between paragraphs, which
# LibreOffice sets flush left on the right-to-left page
HALF_VERSES = [office.p("L", half) for pair in COUPLETS for half in pair]
# each verse a paragraph of the body's justified style, its halves apart by a tab
TABBED = [office.p("B", a, raw="<text:tab/>" + office.escape(b)) for a, b in COUPLETS]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("verse")
    documents = {"half-verses": _article(HALF_VERSES), "tabbed": _article(TABBED)}
    made = office.convert(folder, documents, "pdf")
    made |= {f"{k}.docx": v for k, v in office.convert(folder, documents, "docx").items()}
    return made


def _paragraphs(path: Path) -> list[str]:
    article = parse_file(path)
    assert article.title == TITLE_FA and article.authors == ["سیما باختری"]
    return [b.text for b in article.blocks if b.type == "paragraph"]


@pytest.mark.parametrize("name", ["half-verses", "half-verses.docx"])
def test_half_verses_are_lines_of_their_own(files: dict[str, Path], name: str) -> None:
    # flush with the far edge, each half-verse left room for the next one's first word:
    # it was broken by hand (a wrapped line of such a block fills the measure)
    halves = [half for pair in COUPLETS for half in pair]
    assert _paragraphs(files[name]) == [BODY_FA[0], *halves, BODY_FA[1]]


@pytest.mark.parametrize("name", ["tabbed", "tabbed.docx"])
def test_verses_in_a_justified_style_do_not_run_on(files: dict[str, Path], name: str) -> None:
    # no stop ends a verse: in a Word file only a printed line that runs to the margin
    # says a paragraph was cut, never the style's alignment
    verses = [f"{a} {b}" for a, b in COUPLETS]
    assert _paragraphs(files[name]) == [BODY_FA[0], *verses, BODY_FA[1]]
