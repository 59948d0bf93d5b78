"""Bylines, translator credits, attributions and dates in the forms editors print them.

The profile spells each label one way; editors print it with a space before the colon, with
the Arabic yeh of a Pashto keyboard, without a colon (``نوشتهٔ``), around the names
(``د … لیکنه``), or naming the language translated from (``ترجمه از انگلیسی:``). Each form
is read; a label word that only opens a title or a sentence is not taken for one.
"""

from __future__ import annotations

import pytest

from ganjina.house.labels import framed_names, label_at_start
from ganjina.reader import parse_bytes
from ganjina.record import Article

MASTHEAD = [
    "# **افغانستان آزاد – آزاد افغانستان**",
    "**AA-AA**",
    "www.afgazad.com afgazad@gmail.com",
]
BODY = {
    "en": (
        "The farmers of the valley have waited for rain since the spring, and the wells of the "
        "village give water only in the early morning, the elders said on Friday."
    ),
    "fa": (
        "دهقانان دره از بهار به این سو چشم به راه باران اند و چاه‌های قریه تنها صبح‌ها آب "
        "می‌دهند؛ بزرگان قریه روز جمعه این را به خبرنگاران گفتند."
    ),
    "ps": (
        "د درې بزګران له پسرلي راهیسې د باران انتظار باسي او د کلي څاګانې یوازې سهار وختي "
        "اوبه ورکوي، د کلي مشرانو د جمعې په ورځ وویل."
    ),
}
SECTION = {"en": "European Languages", "fa": "دری", "ps": "پښتو"}
TITLE = {
    "en": "## **Rain returns late to the valley**",
    "fa": "## **باران دیر به دره برگشت**",
    "ps": "## **باران ناوخته درې ته راستون شو**",
}


def _read(lang: str, *front: str, last: str | None = None) -> Article:
    parts = [*MASTHEAD, SECTION[lang], *front, TITLE[lang], BODY[lang], BODY[lang]]
    if last is not None:
        parts.append(last)
    return parse_bytes(("\n\n".join(parts) + "\n").encode(), "a.md")


@pytest.mark.parametrize(
    ("lang", "byline", "authors"),
    [
        ("en", "Laura Penn & Jawed Sultani", ["Laura Penn", "Jawed Sultani"]),
        ("en", "Written by Laura Penn", ["Laura Penn"]),
        ("en", "AUTHOR: Laura Penn", ["Laura Penn"]),
        ("fa", "نوشتهٔ سیما باختری", ["سیما باختری"]),
        ("fa", "به قلم: سیما باختری", ["سیما باختری"]),
        ("fa", "نویسنده : سیما باختری", ["سیما باختری"]),
        ("ps", "د زرغونه سپین لیکنه", ["زرغونه سپین"]),
        ("ps", "ليکوال: زرغونه سپین", ["زرغونه سپین"]),  # the Arabic yeh a Pashto keyboard types
    ],
)
def test_byline_forms(lang: str, byline: str, authors: list[str]) -> None:
    article = _read(lang, byline, "08.06.2023")
    assert article.authors == authors
    assert article.date == "2023-06-08"
    assert not any(byline in b.text for b in article.blocks)


@pytest.mark.parametrize(
    ("lang", "credit", "translators"),
    [
        ("fa", "ترجمهٔ ناهید سرور", ["ناهید سرور"]),
        ("fa", "ترجمه از انگلیسی: ناهید سرور", ["ناهید سرور"]),
        ("fa", "برگردان از زبان آلمانی توسط ناهید سرور", ["ناهید سرور"]),
        ("ps", "له انګلیسي څخه ژباړه: نصرت ملګری", ["نصرت ملګری"]),
        ("ps", "د نصرت ملګری ژباړه", ["نصرت ملګری"]),
        ("en", "Translator: Hila Amiri", ["Hila Amiri"]),
    ],
)
def test_translator_forms(lang: str, credit: str, translators: list[str]) -> None:
    author = {"en": "By Laura Penn", "fa": "نویسنده: سیما باختری", "ps": "لیکوال: زرغونه سپین"}
    article = _read(lang, author[lang], credit, "08.06.2023")
    assert article.translators == translators
    assert len(article.authors) == 1


@pytest.mark.parametrize(
    ("lang", "line", "name", "date"),
    [
        ("en", "SOURCE : Valley Post, 12.06.2023", "Valley Post", "2023-06-12"),
        ("en", "First published in Valley Post", "Valley Post", None),
        ("fa", "برگرفته از: صدای دره، ۰۵.۰۶.۲۰۲۳", "صدای دره", "2023-06-05"),
        ("fa", "به نقل از صدای دره، ۱۵ جوزا ۱۴۰۲", "صدای دره", "2023-06-05"),
        ("ps", "سرچينه: د درې راډیو", "د درې راډیو", None),
    ],
)
def test_attribution_forms(lang: str, line: str, name: str, date: str | None) -> None:
    article = _read(lang, "08.06.2023", last=line)
    assert article.source is not None
    assert (article.source.name, article.source.date) == (name, date)
    assert not any(line in b.text for b in article.blocks)


def test_a_label_without_its_colon_opening_a_sentence_is_no_attribution() -> None:
    last = "First published in 1998, the report was read in every school of the province."
    article = _read("en", "08.06.2023", last=last)
    assert article.source is None
    assert article.blocks[-1].text == last


def test_a_title_that_opens_with_a_label_word_is_still_the_title() -> None:
    # ``ترجمهٔ`` (a translator label without a colon) opening a title names nobody
    parts = [*MASTHEAD, "دری", "نویسنده: سیما باختری", "08.06.2023"]
    title = "## **ترجمهٔ کتاب‌های کودکان: کاری که کسی نمی‌کند**"
    text = "\n\n".join([*parts, title, BODY["fa"], BODY["fa"]]) + "\n"
    article = parse_bytes(text.encode(), "a.md")
    assert article.title == "ترجمهٔ کتاب‌های کودکان: کاری که کسی نمی‌کند"
    assert article.translators == []


@pytest.mark.parametrize(
    ("printed", "iso"),
    [
        ("۱۴۰۲ کال د چنګاښ ۱۴مه", "2023-07-05"),
        ("د ۱۴۰۲ لمریز کال د چنګاښ ۱۴مه نېټه", "2023-07-05"),
        ("پنجشنبه ۱۸ جوزا ۱۴۰۲", "2023-06-08"),
        ("Wednesday, 14 June 2023", "2023-06-14"),
    ],
)
def test_date_lines(printed: str, iso: str) -> None:
    lang = "ps" if "کال" in printed else "fa" if "جوزا" in printed else "en"
    author = {"en": "By Laura Penn", "fa": "نویسنده: سیما باختری", "ps": "لیکوال: زرغونه سپین"}
    assert _read(lang, author[lang], printed).date == iso


def test_label_matching_is_loose_only_where_print_varies() -> None:
    assert label_at_start("منبع : صدای دره", ("منبع:",)) == ("منبع:", "صدای دره")
    assert label_at_start("منبع صدای دره", ("منبع:",)) is None  # the colon is needed
    assert label_at_start("Byways of Kabul", ("By ",)) is None  # a word, not a label
    assert label_at_start("ليکنه: نوم", ("لیکنه:",)) == ("لیکنه:", "نوم")
    assert framed_names("د لیکنه", ("د … لیکنه",)) is None  # a frame with nothing inside
    assert framed_names("د کابل د اوبو په اړه لیکنه", ("د … لیکنه",)) is None  # a phrase
    assert framed_names("د زرغونه سپین لیکنه", ("د … لیکنه",)) == "زرغونه سپین"


@pytest.mark.parametrize(
    ("line", "date_text"),
    [
        ("Laura Penn and Jawed Sultani Wednesday, 14 June 2023", "Wednesday, 14 June 2023"),
        ("Laura Penn and Jawed Sultani Date: 14.06.2023", "14.06.2023"),
    ],
)
def test_a_byline_with_a_weekday_or_a_label_before_its_date(line: str, date_text: str) -> None:
    # a conversion runs the byline and the date into one line
    article = _read("en", line)
    assert article.authors == ["Laura Penn", "Jawed Sultani"]
    assert (article.date, article.date_text) == ("2023-06-14", date_text)


def test_a_german_date_that_opens_like_a_numbered_item_is_a_date() -> None:
    article = _read("en", "**Laura Penn**", "20. September 2023")
    assert article.date == "2023-09-20"
    assert article.authors == ["Laura Penn"]
    assert not any(b.type == "list_item" for b in article.blocks)


def test_a_masthead_as_a_picture_leaves_url_and_section_to_say_the_house_style() -> None:
    text = "\n\n".join(
        [
            "<u>www.afgazad.com</u>",
            "<u>afgazad@gmail.com</u>",
            "## **European Languages زبانهای اروپایی**",
            "**Laura Penn**",
            "14.06.2023",
            TITLE["en"],
            BODY["en"],
            BODY["en"].replace("valley", "plain"),
        ]
    )
    article = parse_bytes((text + "\n").encode(), "a.md")
    assert article.authors == ["Laura Penn"]
    assert article.title == "Rain returns late to the valley"
    assert article.date == "2023-06-14"


def test_a_byline_run_on_into_a_credit_naming_the_language() -> None:
    article = _read("fa", "نویسنده: سیما باختری برگردان از انگلیسی: ناهید سرور", "08.06.2023")
    assert (article.authors, article.translators) == (["سیما باختری"], ["ناهید سرور"])
