"""Notes at a page's foot and after the text, read from PDFs LibreOffice makes as Word does:
each note after the body with its mark, the reference in the text as ``[mark]``, the
attribution still the article's last line."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from ganjina.house.notes import take_notes
from ganjina.read.layout import Line
from ganjina.reader import parse_file
from ganjina.record import Article
from tests.read import office

TEXT = {
    "en": {
        "front": ["European Languages", "By Laura Penn", "08.06.2023"],
        "title": "Rain returns late to the valley",
        "body": [
            "The farmers of the lower valley have waited for rain since the spring, and the "
            "wells of the village give water only at dawn, the elders said on Friday.",
            "The council met in the mosque and agreed to share the river by the hour, as the "
            "water masters of their grandfathers had done in the dry years.",
            "Nobody remembers a drier year, though some recall the drought of their childhood, "
            "when the karez of the upper village fell silent for a whole summer.",
        ],
        "notes": [
            "The valley lies north of the city; its river is fed by the snow of the passes, "
            "which melts later each year and has given less water for a decade now.",
            "The water masters were elected each spring.",
        ],
        "endnote": "An endnote on the dry years.",
        "source": "Valley Post, 05.06.2023",
        "font": "Liberation Serif",
        "rtl": False,
    },
    "fa": {
        "front": ["دری", "نویسنده: سیما باختری", "۱۸ جوزا ۱۴۰۲"],
        "title": "باران دیر به دره برگشت",
        "body": [
            "دهقانان درهٔ پایین از بهار به این سو چشم به راه باران‌اند و چاه‌های قریه تنها "
            "هنگام سپیده‌دم آب می‌دهند؛ بزرگان قریه روز جمعه این را گفتند.",
            "شورای قریه در مسجد گرد آمد و پذیرفت که آب دریا را ساعت به ساعت تقسیم کند، چنان "
            "که میرابان روزگار پدرانشان در سال‌های خشک می‌کردند.",
            "هیچ‌کس سالی خشک‌تر از امسال به یاد ندارد، هرچند برخی خشکسالی کودکی خود را به یاد "
            "می‌آورند که کاریز قریهٔ بالا یک تابستان تمام خاموش ماند.",
        ],
        "notes": [
            "این دره در شمال شهر است و دریایش از برف کوتل‌ها آب می‌گیرد.",
            "میرابان هر بهار برگزیده می‌شدند.",
        ],
        "endnote": "یادداشتی پایانی دربارهٔ سال‌های خشک.",
        "source": "منبع: صدای دره، ۰۵.۰۶.۲۰۲۳",
        "font": "Noto Naskh Arabic",
        "rtl": True,
    },
}


def _note(kind: str, citation: str, text: str) -> str:
    return (
        f'<text:note text:note-class="{kind}"><text:note-citation>{citation}</text:note-citation>'
        f'<text:note-body><text:p text:style-name="Footnote">{text}</text:p></text:note-body>'
        "</text:note>"
    )


def _document(lang: str) -> str:
    """An article as an editor sets it, the notes in the default note style (left to right,
    as a note style without bidi is, also under a Dari text)."""
    t = TEXT[lang]
    parts = [office.p("C", line) for line in [*office.MASTHEAD, t["front"][0]]]
    parts += [office.p("L", line) for line in t["front"][1:]]
    parts.append(office.p("T", t["title"]))
    for k in range(5):
        first, second, third = t["body"]
        notes = {
            0: (0, _note("footnote", "1", t["notes"][0])),
            1: (1, _note("footnote", "2", t["notes"][1])),
            4: (2, _note("endnote", "i", t["endnote"])),
        }
        texts = [first, second, third]
        raw = ["", "", ""]
        if k in notes:
            at, markup = notes[k]
            raw[at] = markup
        parts.append(
            '<text:p text:style-name="B">'
            + " ".join(office.escape(x) + r for x, r in zip(texts, raw, strict=True))
            + "</text:p>"
        )
    parts.append(office.p("R", t["source"]))
    return office.fodt(parts, rtl=t["rtl"], font=t["font"])


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("notes")
    return office.convert(folder, {f"notes-{lang}": _document(lang) for lang in TEXT}, "pdf")


def _notes(article: Article) -> list[tuple[str | None, str]]:
    return [(b.marker, b.text) for b in article.blocks if b.type == "list_item"]


@pytest.mark.parametrize("lang", list(TEXT))
def test_page_notes_are_read_after_the_body(pdfs: dict[str, Path], lang: str) -> None:
    t = TEXT[lang]
    article = parse_file(pdfs[f"notes-{lang}"])
    assert article.title == t["title"]
    # a note's wrapped lines are one note; a Dari note set left to right keeps its stop last
    assert _notes(article) == [
        ("[1]", t["notes"][0]),
        ("[2]", t["notes"][1]),
        ("[i]", t["endnote"]),
    ]
    paragraphs = [b.text for b in article.blocks if b.type == "paragraph"]
    assert len(paragraphs) == 5
    body = " ".join(paragraphs)
    # each reference once, where it stands, as a Word file's reference reads
    assert [m.group(0) for m in re.finditer(r"\[(?:1|2|i)\]", body)] == ["[1]", "[2]", "[i]"]
    assert f"{t['body'][0][-12:]}[1]" in body
    assert not any(note[:20] in body for note in t["notes"])
    assert article.source is not None and article.source.date == "2023-06-05"


def _line(text: str, y: float, size: float, x: float = 72.0, page: int = 1) -> Line:
    return Line(text, page=page, bbox=(x, y, x + 6 * len(text), y + size), size=size)


def test_small_type_at_the_foot_without_a_mark_is_no_note() -> None:
    lines = [
        _line(f"body line {k} of the page, set at the body's size", 100 + 14 * k, 12)
        for k in range(20)
    ]
    caption = _line("Villagers at the reopened channel, photographed in May.", 500, 9)
    kept, notes = take_notes([*lines, caption], 12.0)
    assert notes == [] and kept[-1] is caption


def test_a_numbered_line_in_small_type_under_the_text_without_a_gap_is_no_note() -> None:
    lines = [
        _line(f"body line {k} of the page, set at the body's size", 100 + 14 * k, 12)
        for k in range(20)
    ]
    tight = _line("1 small line right under the text", 100 + 14 * 20, 10)
    kept, notes = take_notes([*lines, tight], 12.0)
    assert notes == [] and len(kept) == 21


def test_a_page_of_many_numbered_small_lines_is_read_in_bounded_time() -> None:
    # hostile: 20,000 small numbered lines under one line of body text, none referred to
    lines = [_line("body line of the page, set at the body's size", 100, 12)]
    lines += [_line(f"{k % 900 + 1} small numbered line", 130 + k, 9) for k in range(20_000)]
    started = time.process_time()
    kept, notes = take_notes(lines, 12.0)
    assert notes == [] and len(kept) == len(lines)
    assert time.process_time() - started < 10
