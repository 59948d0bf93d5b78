"""Right-to-left lines of a PDF-to-Markdown conversion: each misordering the converter
leaves is undone from its shape alone (short texts written for these tests)."""

from __future__ import annotations

from ganjina.read.markdown import read_markdown
from ganjina.read.markdown_rtl import repair_rtl_text

ZWNJ = "\u200c"


def test_hamza_moved_before_its_heh_goes_back() -> None:
    # after a letter that never carries hamza, and after a heh inside the word
    assert repair_rtl_text("نامٔه کوتاه") == "نامهٔ کوتاه"
    assert repair_rtl_text("دهٔه نو") == "دههٔ نو"
    # hamza on waw or yeh is a letter of its own: left alone
    assert repair_rtl_text("مؤسسه") == "مؤسسه"
    assert repair_rtl_text("رئیس") == "رئیس"


def test_mark_with_no_base_goes_to_its_word_end() -> None:
    assert repair_rtl_text("ًفورا آمد") == "فوراً آمد"
    # a mark after its letter stays
    assert repair_rtl_text("فوراً آمد") == "فوراً آمد"


def test_solar_date_read_backwards() -> None:
    assert repair_rtl_text("جدی۱۴۰۲۹") == "۹ جدی ۱۴۰۲"
    assert repair_rtl_text("لیکوال: ګل خان وږی۱۴۰۱۲۳") == "لیکوال: ګل خان ۲۳ وږی ۱۴۰۱"
    # the two calendars of the line change places back, whichever came first
    assert repair_rtl_text("حمل۱۴۰۰۵ - 25.03.2021") == "25.03.2021 - ۵ حمل ۱۴۰۰"
    assert repair_rtl_text("25.03.2021 - حمل۱۴۰۰۵") == "۵ حمل ۱۴۰۰ - 25.03.2021"
    # a year that is no solar year, or a month name inside a word: not a date
    assert repair_rtl_text("حمل۲۰۲۱۵") == "حمل۲۰۲۱۵"
    assert repair_rtl_text("حملات۱۴۰۰۵") == "حملات۱۴۰۰۵"


def test_solar_date_read_backwards_with_the_words_before_it() -> None:
    # the words before the day were moved behind the year, glued to the day
    assert repair_rtl_text("جوزا۱۴۰۲ پنجشنبه۱۸") == "پنجشنبه ۱۸ جوزا ۱۴۰۲"
    assert repair_rtl_text("جوزا۱۴۰۲ :تاریخ۱۸") == "تاریخ: ۱۸ جوزا ۱۴۰۲"
    assert repair_rtl_text("جوزا۱۴۰۲ – دری۱۸") == "دری – ۱۸ جوزا ۱۴۰۲"
    assert repair_rtl_text("جوزا۱۴۰۲ هجری شمسی۱۸") == "۱۸ جوزا ۱۴۰۲ هجری شمسی"
    # a Gregorian month in Dari spelling, its two calendars swapped back
    assert repair_rtl_text("جون۲۰۲۳۸ – جوزا۱۴۰۲۱۸") == "۱۸ جوزا ۱۴۰۲ – ۸ جون ۲۰۲۳"
    # the Pashto order, also after a space was put before the glued digits
    assert repair_rtl_text("کال د چنګاښ ۱۴مه ۱۴۰۲") == "۱۴۰۲ کال د چنګاښ ۱۴مه"
    # logical text is left as it is
    assert repair_rtl_text("پنجشنبه ۱۸ جوزا ۱۴۰۲") == "پنجشنبه ۱۸ جوزا ۱۴۰۲"


def test_separator_moved_to_the_front() -> None:
    assert repair_rtl_text("،سیما رحیمی 04.02.2022") == "سیما رحیمی، 04.02.2022"
    assert repair_rtl_text("| سیما رحیمی ۰۴.۰۲.۲۰۲۲") == "سیما رحیمی | ۰۴.۰۲.۲۰۲۲"
    # without a number at the end the line keeps its order
    assert repair_rtl_text("، سیما رحیمی") == "، سیما رحیمی"


def test_fill_glyph_between_letters() -> None:
    assert repair_rtl_text('"ب"ا"غ" ب"ز"ر"گ') == "باغ بزرگ"
    # one quotation in a sentence is text
    assert repair_rtl_text('او گفت "باغ" بزرگ است') == 'او گفت "باغ" بزرگ است'


def test_markdown_reader_applies_the_repairs_to_rtl_lines_only() -> None:
    layout = read_markdown(f"شوراها{ZWNJ}ی دهٔه نو\n\nthe dehٔh stays\n")
    assert [ln.text for ln in layout.lines] == [f"شوراها{ZWNJ}ی دههٔ نو", "the dehٔh stays"]


def test_picture_text_of_a_few_words_is_a_heading() -> None:
    start, end = "<!-- Start of picture text -->", "<!-- End of picture text -->"
    layout = read_markdown(
        f"{start}باغ کهنهٔ شهر دوباره<br>سبز شد<br>{end}\n\n"
        f"{start}آب برای هر خانه؛ \uf0b7<br>{end}\n\n"
        f"{start}۲  یک بیل نو؛-<br>{end}\n\n"
        f"{start}سیما رحیمی<br>{end}\n"
    )
    assert [(ln.text, ln.hint) for ln in layout.lines] == [
        ("باغ کهنهٔ شهر دوباره سبز شد", "h1"),  # display text, its two printed lines one
        # list items drawn in visual order: a symbol font's bullet, a number's dash
        # after the text
        ("آب برای هر خانه؛", "list"),
        ("یک بیل نو؛", "list"),
        ("سیما رحیمی", None),  # two words: a name, not a heading
    ]


def test_numbered_items_run_into_one_line_and_glued_markers() -> None:
    layout = read_markdown("1.بیل نو؛\n\n2.آب پاک؛ 3.تخم گندم؛ .کود برای زمین 4.\n")
    assert [(ln.marker, ln.text, ln.hint) for ln in layout.lines] == [
        ("1.", "بیل نو؛", "list"),
        ("2.", "آب پاک؛", "list"),
        ("3.", "تخم گندم؛", "list"),
        ("4.", "کود برای زمین.", "list"),  # drawn right to left: stop first, number last
    ]


def test_a_bullet_before_several_long_sentences_is_a_paragraph() -> None:
    sentence = "the well in the lower village was dug again by the families who use it"
    text = f"- {sentence}. {sentence}. {sentence}. {sentence}.\n\n- a short item\n"
    long, short = read_markdown(text).lines
    assert (long.hint, long.marker) == (None, None) and long.text.startswith("the well")
    assert (short.hint, short.marker) == ("list", "•")


def test_page_of_pages_with_its_runs_reversed_is_a_page_number() -> None:
    from ganjina.house.furniture import strip_furniture
    from ganjina.house.profile import builtin_profile

    layout = read_markdown("د کلي څاه بیا جوړه شوه.\n\nله4 مخ1\n\nاز 3 صفحه 2\n\nله خلکو سره\n")
    kept, removed = strip_furniture(layout.lines, builtin_profile(), pages=None)
    assert [ln.text for ln in kept] == ["د کلي څاه بیا جوړه شوه.", "له خلکو سره"]
    assert [why for _, why in removed] == ["a page number", "a page number"]


def test_photo_credit_drawn_right_to_left() -> None:
    # the closing bracket and the Latin name first, the label by the other bracket
    assert repair_rtl_text(")Sara Lind :باغبان درخت را آب می‌دهد. عکس(") == (
        "باغبان درخت را آب می‌دهد. (عکس: Sara Lind)"
    )
    # and the caption's head after it, its date's month before the label
    assert repair_rtl_text(")Sara Lind : حمل. عکس( باغبان درخت را آب می‌دهد، شنبه ۴") == (
        "باغبان درخت را آب می‌دهد، شنبه ۴ حمل. (عکس: Sara Lind)"
    )
    # a paragraph run on after the caption: its order is not guessed
    line = ")Sara Lind : حمل. (عکس باغبان آب داد ۴ دهقان رفت. باز آمد"
    assert repair_rtl_text(line) == line


def test_caption_turned_around_its_number() -> None:
    assert repair_rtl_text("حمل ،باغبان درخت را آب می‌دهد ۴. (AP Photo/Sara Lind)") == (
        "باغبان درخت را آب می‌دهد، ۴ حمل. (AP Photo/Sara Lind)"
    )


def test_numbered_items_drawn_right_to_left() -> None:
    # the marker's stop first, the item's end, then its number; numbers in sequence
    layout = read_markdown(".بیل نو؛1\n\n.آب پاک؛2 .تخم گندم .3\n\n.یک جمله؛1 .دیگر؛5\n")
    assert [(ln.marker, ln.text, ln.hint) for ln in layout.lines][:3] == [
        ("1.", "بیل نو؛", "list"),
        ("2.", "آب پاک؛", "list"),
        ("3.", "تخم گندم.", "list"),
    ]
    # numbers out of sequence: not a list
    assert layout.lines[3].hint is None


def test_latin_credit_drawn_right_to_left_in_its_three_shapes() -> None:
    want = "باغبان درخت را آب می‌دهد. (AP Photo/Sara Lind)"
    assert repair_rtl_text(")AP Photo/Sara Lind( .باغبان درخت را آب می‌دهد") == want
    assert repair_rtl_text("( .باغبان درخت را آب می‌دهد )AP Photo/Sara Lind") == want
    assert repair_rtl_text("AP( .باغبان درخت را آب می‌دهد )Photo/Sara Lind") == want
    assert repair_rtl_text(")باغبان درخت را آب می‌دهد. عکس: سیما رحیمی(") == (
        "باغبان درخت را آب می‌دهد. (عکس: سیما رحیمی)"
    )
    # Latin text in brackets inside a sentence is left alone
    line = "گزارش (UN) را خواندند"
    assert repair_rtl_text(line) == line


def test_list_items_drawn_with_their_markers_after_the_text() -> None:
    # each item's marker follows its text, the last item's stop comes first; the last
    # item's number may stand alone on the printed line before it
    layout = read_markdown(
        "آب پاک؛ \uf0b7 .یک اتاق دیگر \uf0b7\n\n"
        "بیل نو؛)1\n\n. تخم گندم)2\n\n"
        "۱  کود برای زمین؛-\n\n۲\n\n.  آب برای هر خانه\n"
    )
    assert [(ln.marker, ln.text, ln.hint) for ln in layout.lines] == [
        ("•", "آب پاک؛", "list"),
        ("•", "یک اتاق دیگر.", "list"),
        ("1)", "بیل نو؛", "list"),
        ("2)", "تخم گندم.", "list"),
        ("۱ -", "کود برای زمین؛", "list"),
        ("۲ -", "آب برای هر خانه.", "list"),
    ]


def test_a_number_ending_a_sentence_is_no_marker_without_a_list_before() -> None:
    # a stop moved first and a number last is a sentence's shape too: without an item
    # before it to follow, it stays text
    layout = read_markdown(".باشندگان آن ولسوالی ۱۲\n")
    assert [ln.hint for ln in layout.lines] == [None]
    assert "list" not in [ln.hint for ln in read_markdown("یک جمله؛ ۱۲\n").lines]


def test_last_item_drawn_right_to_left_run_into_the_item_before() -> None:
    # Persian digits, the marker's stop gone first with the item's; a bullet list's last
    # item with its stop and bullet both first
    numbered = read_markdown("۲. آرد گران تر می شود؛ .. گذرگاه مرزی باز است۳\n")
    assert [(ln.marker, ln.text) for ln in numbered.lines] == [
        ("۲.", "آرد گران تر می شود؛"),
        ("۳.", "گذرگاه مرزی باز است."),
    ]
    bulleted = read_markdown("• یوه لاره؛ .• د درملو رسول\n")
    assert [(ln.marker, ln.text, ln.hint) for ln in bulleted.lines] == [
        ("•", "یوه لاره؛", "list"),
        ("•", "د درملو رسول.", "list"),
    ]


def test_replacement_character_as_the_fill_glyph() -> None:
    # a converter that cannot map the justification glyph writes U+FFFD after each letter
    assert repair_rtl_text("ب\ufffdا\ufffdغ\ufffd ب\ufffdز\ufffdر\ufffdگ") == "باغ بزرگ"


def test_a_comma_moved_to_the_front_goes_back_before_the_date_through_the_reader() -> None:
    layout = read_markdown("،مریم احمدی ۰۵.۰۳.۲۰۲۰\n\n.باغ‌ها سبز شد\n")
    assert [ln.text for ln in layout.lines] == ["مریم احمدی، ۰۵.۰۳.۲۰۲۰", "باغ‌ها سبز شد."]


def test_a_credit_drawn_first_in_italic_stays_on_its_caption_line() -> None:
    # the italic credit is a styled run of its own, but the line is one caption
    layout = read_markdown(") _AP Photo/Ali Rahimi_ ( .باغ کهنهٔ شهر در بهار دوباره سبز شد\n")
    assert [ln.text for ln in layout.lines] == [
        "باغ کهنهٔ شهر در بهار دوباره سبز شد. (AP Photo/Ali Rahimi)"
    ]


def test_a_credit_drawn_with_its_latin_name_first_and_its_label_last() -> None:
    # ")Name :caption. (label" is "caption. (label: Name)"; the label's bracket may
    # stand on either side of it
    for drawn in (
        ")Ali Rahimi :باغ کهنه دوباره سبز شد. (عکس",
        ")Ali Rahimi : باغ کهنه دوباره سبز شد. عکس(",
    ):
        assert repair_rtl_text(drawn) == "باغ کهنه دوباره سبز شد. (عکس: Ali Rahimi)"
    layout = read_markdown(")Ali Rahimi :باغ کهنه دوباره سبز شد. (عکس\n")
    assert [ln.text for ln in layout.lines] == ["باغ کهنه دوباره سبز شد. (عکس: Ali Rahimi)"]


def test_a_dated_caption_with_its_latin_name_first() -> None:
    # the month and its stop come right after the name, the day glued to the caption's end
    drawn = ")Ali Rahimi : حمل. عکس( ،بازار شهر دوباره باز شد۱۲"
    assert repair_rtl_text(drawn) == "بازار شهر دوباره باز شد، ۱۲ حمل. (عکس: Ali Rahimi)"


def test_a_closing_bracket_drawn_before_the_caption_closes_the_credit() -> None:
    assert repair_rtl_text(")د ښار زوړ بڼ بیا شین شو. (انځور: ګل احمد") == (
        "د ښار زوړ بڼ بیا شین شو. (انځور: ګل احمد)"
    )
    # a bracket already closed is not touched
    line = "د ښار زوړ بڼ بیا شین شو. (انځور: ګل احمد)"
    assert repair_rtl_text(line) == line


def test_a_latin_credit_first_never_swallows_arabic_text() -> None:
    # the leading-credit repair takes a Latin name only; here the name is followed by
    # the caption itself, so the whole line is the name-first shape
    layout = read_markdown(")Omid Karimi :د ښار زوړ بڼ بیا شین شو. (انځور\n")
    assert [ln.text for ln in layout.lines] == ["د ښار زوړ بڼ بیا شین شو. (انځور: Omid Karimi)"]


# a paragraph of the project's own Pashto, long enough to be one
PASHTO_PARAGRAPH = (
    "د کلي خلک وايي چې تېر ژمی ډېر سوړ و او ډېرو کورنیو د لرګیو لپاره پور واخیست، "
    "خو سږ کال یې د ښوونځي په انګړ کې یوه لویه بخارۍ جوړه کړه"
)


def test_the_first_item_run_into_a_paragraph_whose_stop_was_moved() -> None:
    # the paragraph's last stop went to the start of its printed line, so no sentence end
    # stands before the run-on first item; the item ends as an item does (؛)
    text = f"{PASHTO_PARAGRAPH} ۱) د اوبو لپاره نوی څاه؛\n\n۲) د ښوونځي لپاره یو بام؛\n"
    lines = read_markdown(text).lines
    assert [(ln.hint, ln.marker, ln.text) for ln in lines] == [
        (None, None, PASHTO_PARAGRAPH),
        ("list", "۱)", "د اوبو لپاره نوی څاه؛"),
        ("list", "۲)", "د ښوونځي لپاره یو بام؛"),
    ]
    # without an item's end it stays in the paragraph: a number in a sentence
    kept = read_markdown(f"{PASHTO_PARAGRAPH} ۱) د اوبو لپاره نوی څاه\n\n۲) بام؛\n").lines
    assert kept[0].text.endswith("څاه")


def test_the_last_item_drawn_apart_with_the_paragraph_run_on_after_it() -> None:
    # its stop and the marker's bracket first, its number after its text, and then the
    # paragraph after the list, on one line; or alone after a page's footer
    text = (
        "۱) د اوبو لپاره نوی څاه؛\n\n۲) د ښوونځي لپاره یو بام؛ "
        f".) د ژمي لپاره لرګي ۳ {PASHTO_PARAGRAPH}\n"
    )
    lines = read_markdown(text).lines
    assert [(ln.hint, ln.marker, ln.text) for ln in lines] == [
        ("list", "۱)", "د اوبو لپاره نوی څاه؛"),
        ("list", "۲)", "د ښوونځي لپاره یو بام؛"),
        ("list", "۳)", "د ژمي لپاره لرګي."),
        (None, None, PASHTO_PARAGRAPH),
    ]
    apart = read_markdown(
        "1. د اوبو لپاره نوی څاه؛\n\n1 | www.afgazad.com\n\n.. د ژمي د میاشتو لپاره وچ لرګي2\n"
    ).lines
    assert [(ln.marker, ln.text) for ln in apart if ln.hint == "list"] == [
        ("1.", "د اوبو لپاره نوی څاه؛"),
        ("2.", "د ژمي د میاشتو لپاره وچ لرګي."),
    ]
