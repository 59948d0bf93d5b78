"""Dari Markdown conversions read into records where the converter lost the title's
type, moved separators and dashes to the front of their lines, or ran the attribution on
into the last paragraph (short texts written for these tests, one printed line per
Markdown paragraph, as the converter writes them)."""

from __future__ import annotations

import pytest

from ganjina.read.markdown_runs import split_styled_runs
from ganjina.reader import parse_bytes
from ganjina.record import Article

ZWNJ = "\u200c"
MASTHEAD = [
    "# **افغانستان آزاد – آزاد افغانستان**",
    "**AA-AA**",
    "www.afgazad.com afgazad@gmail.com",
    "**دری**",
]
# two paragraphs, each printed as two full lines and a short last one
BODY = [
    "باران امسال دیر آمد و دهقانان ده بالا می‌گویند که کشت گندم در نیمهٔ راه ماند و",
    "آب جوی تنها تا پل کهنه می‌رسد، جایی که زنان هر صبح کوزه‌ها را پر می‌کنند و",
    "باغ‌های پایین خشک شده‌اند.",
    "شورای ده هر هفته در مسجد جمع می‌شود تا نوبت آب را میان خانه‌ها بخش کند، اما",
    "کسی راضی نیست و سخن هر بار به درازا می‌کشد، چون هر خانه سهم بیشتری می‌خواهد و",
    "پیران می‌گویند که چنین سالی را به یاد ندارند",
]
SOURCE = "منبع: هفته‌نامهٔ کوهسار ۰۱.۰۳.۲۰۲۳"
TITLE = f"جوی خشک و باغ{ZWNJ}های تشنهٔ ده بالا"


def _read(*front: str, body: list[str] = BODY, after: tuple[str, ...] = (SOURCE,)) -> Article:
    text = "\n\n".join([*MASTHEAD, *front, *body, *after]) + "\n"
    return parse_bytes(text.encode(), "a.md")


def _body(article: Article) -> str:
    return " ".join(b.text for b in article.blocks)


def test_a_plain_title_above_the_byline_is_the_title() -> None:
    # the conversion kept the masthead's bold but lost the title's: nothing stands out
    article = _read(f"جوی خشک و باغ{ZWNJ}های تشنهٔ ده بالا", "نوشته: مریم احمدی", "۰۵.۰۳.۲۰۲۳")
    assert article.title == f"جوی خشک و باغ{ZWNJ}های تشنهٔ ده بالا"
    assert (article.authors, article.date) == (["مریم احمدی"], "2023-03-05")
    assert "جوی خشک" not in _body(article)


def test_a_plain_line_of_one_sentence_beside_the_byline_is_no_title() -> None:
    article = _read("جوی ده بالا خشک شد و باغ‌ها تشنه ماندند.", "نوشته: مریم احمدی", "۰۵.۰۳.۲۰۲۳")
    assert article.title is None
    assert "جوی ده بالا خشک شد" in _body(article)


@pytest.mark.parametrize(
    ("first", "second", "title"),
    [
        # the first line filled the measure, the second is shorter: one title wrapped
        (
            "جوی خشک و باغ‌های تشنهٔ ده بالا در ماه‌های",
            "گرم سال",
            "جوی خشک و باغ‌های تشنهٔ ده بالا در ماه‌های گرم سال",
        ),
        # a longer second heading is a sub-heading
        ("جوی خشک", "دهقانان ده بالا از شورا کمک می‌خواهند", "جوی خشک"),
    ],
)
def test_a_second_heading_line_at_the_titles_level(first: str, second: str, title: str) -> None:
    article = _read(f"## **{first}**", f"## **{second}**", "نوشته: مریم احمدی", "۰۵.۰۳.۲۰۲۳")
    assert article.title == title
    headings = [b.text for b in article.blocks if b.type == "heading"]
    assert headings == ([] if title.endswith(second) else [second])


def test_a_byline_and_date_behind_dashes_the_conversion_moved() -> None:
    article = _read(
        "## **نوبت آب در ده بالا**", "– ۰۵.۰۳.۲۰۲۳  نوشته: مریم احمدی  ترجمه: احمد کریمی–"
    )
    assert article.authors == ["مریم احمدی"]
    assert article.translators == ["احمد کریمی"]
    assert article.date == "2023-03-05"
    article = _read("## **نوبت آب در ده بالا**", "– نوشته: مریم احمدی", "۰۵.۰۳.۲۰۲۳")
    assert article.authors == ["مریم احمدی"]


def test_a_byline_whose_comma_the_conversion_moved_to_the_front() -> None:
    article = _read("## **نوبت آب در ده بالا**", "،نوشته: مریم احمدی ۰۵.۰۳.۲۰۲۳")
    assert (article.authors, article.date) == (["مریم احمدی"], "2023-03-05")


def test_a_labelled_source_run_on_into_the_last_paragraph() -> None:
    # the last sentence's stop went elsewhere, so the source line reads as its rest
    for after in (
        (),  # on the paragraph's last printed line, after a space
        (SOURCE,),  # on a line of its own
    ):
        body = [*BODY[:-1], BODY[-1] + (" " + SOURCE if not after else "")]
        article = _read("## **نوبت آب در ده بالا**", "نوشته: مریم احمدی", body=body, after=after)
        assert article.source is not None
        assert article.source.name == f"هفته{ZWNJ}نامهٔ کوهسار"
        assert article.source.date == "2023-03-01"
        assert _body(article).endswith("پیران می‌گویند که چنین سالی را به یاد ندارند")


def test_an_undated_outlet_run_on_into_the_last_paragraph() -> None:
    body = [*BODY[:-1], BODY[-1] + " منبع: رادیو کوهسار"]
    article = _read("## **نوبت آب در ده بالا**", "نوشته: مریم احمدی", body=body, after=())
    assert article.source is not None and article.source.name == "رادیو کوهسار"
    assert _body(article).endswith("به یاد ندارند")


def test_a_label_inside_a_sentence_is_no_source() -> None:
    body = [*BODY[:-1], "پیران می‌گویند منبع: آب چشمه است و سال ۱۴۰۲ بد بود"]
    article = _read("## **نوبت آب در ده بالا**", "نوشته: مریم احمدی", body=body, after=())
    assert article.source is None
    assert "منبع: آب چشمه" in _body(article)


def test_the_stop_after_an_outlet_ends_the_line_not_the_name() -> None:
    article = _read("## **نوبت آب در ده بالا**", "نوشته: مریم احمدی", after=(SOURCE + ".",))
    assert article.source is not None and article.source.name == f"هفته{ZWNJ}نامهٔ کوهسار"


def test_a_styled_run_ending_in_a_date_is_split_off_as_the_attribution() -> None:
    line = "پیران می‌گویند که چنین سالی را به یاد ندارند **هفته‌نامهٔ کوهسار ۰۱.۰۳.۲۰۲۳**"
    assert split_styled_runs(line) == [
        "پیران می‌گویند که چنین سالی را به یاد ندارند",
        "**هفته‌نامهٔ کوهسار ۰۱.۰۳.۲۰۲۳**",
    ]
    # an emphasised phrase inside the sentence stays in it
    inside = "پیران **هر سال** می‌گویند که چنین سالی را به یاد ندارند"
    assert split_styled_runs(inside) == [inside]


def test_words_a_converter_joined_with_zwnj_count_as_words_of_a_run() -> None:
    line = f"پیران می‌گویند که **جوی{ZWNJ}ده{ZWNJ}خشک{ZWNJ}شد**"
    assert split_styled_runs(line) == ["پیران می‌گویند که", f"**جوی{ZWNJ}ده{ZWNJ}خشک{ZWNJ}شد**"]


def test_an_attribution_whose_url_the_converter_moved_to_its_front() -> None:
    # printed «منبع: هفته‌نامهٔ کوهسار، ۰۱.۰۳.۲۰۲۳، www.kohsar-weekly.org», drawn with
    # the URL first
    moved = "**www.kohsar-weekly.org ، ،منبع: هفته‌نامهٔ کوهسار۰۱.۰۳.۲۰۲۳**"
    article = _read(f"**{TITLE}**", "نوشته: مریم احمدی", "۰۵.۰۳.۲۰۲۳", after=(moved,))
    assert article.source is not None
    assert (article.source.name, article.source.date) == ("هفته‌نامهٔ کوهسار", "2023-03-01")
    assert article.source.url == "www.kohsar-weekly.org"


def test_a_url_before_an_unlabelled_line_stays_where_it_is() -> None:
    # no label after the URL: nothing is moved, and the line is no attribution
    unlabelled = "www.kohsar-weekly.org برای خواندن"
    article = _read(f"**{TITLE}**", "نوشته: مریم احمدی", "۰۵.۰۳.۲۰۲۳", after=(unlabelled,))
    assert article.source is None
    assert "www.kohsar-weekly.org برای خواندن" in _body(article)
