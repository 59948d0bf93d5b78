"""Page footers of a two-page article: a footer that stands on both pages at the same
place, its numbers apart, is page furniture, whatever its words (and however the reader
ordered its digits among them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganjina.reader import parse_file
from tests.read import office
from tests.read.test_front_matter_layouts import BODY_FA, TITLE_FA

FOOTERS = {"dari": ("صفحه ", " از "), "pashto": ("مخ ", " له "), "english": ("Page ", " of ")}


def _article(footer: tuple[str, str]) -> str:
    parts = [office.p("C", line) for line in office.MASTHEAD]
    parts += [office.p("C", "دری"), office.p("L", "نویسنده: سیما باختری")]
    parts += [office.p("L", "۱۸ جوزا ۱۴۰۲"), office.p("T", TITLE_FA)]
    parts += [office.p("B", text) for text in BODY_FA * 8]  # past the first page
    parts.append(office.p("R", "منبع: صدای دره، ۰۵.۰۶.۲۰۲۳"))
    return office.fodt(
        parts, rtl=True, font="Noto Naskh Arabic", footer=office.page_of_pages(*footer)
    )


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    documents = {name: _article(footer) for name, footer in FOOTERS.items()}
    return office.convert(tmp_path_factory.mktemp("footers"), documents, "pdf")


@pytest.mark.parametrize("name", list(FOOTERS))
def test_a_page_of_pages_footer_on_both_pages_is_furniture(
    pdfs: dict[str, Path], name: str
) -> None:
    article = parse_file(pdfs[name])
    assert [b.text for b in article.blocks] == BODY_FA * 8
    # the footer had stood between the last paragraph and the attribution
    assert article.source is not None and article.source.name == "صدای دره"
