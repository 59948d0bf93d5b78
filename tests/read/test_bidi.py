"""The bidi algorithm run both ways, and printed lines read from glyphs in every order a
producer draws them (visual, reversed, runs in logical order, logical)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ganjina.read.bidi import (
    bidi_class,
    logical_orders,
    strip_kashida_noise,
    visual_order,
)
from ganjina.read.pdf_evidence import DocumentEvidence
from ganjina.read.pdf_glyphs import Glyph, GlyphLine
from ganjina.read.pdf_line import BuiltLine, build_line

ZWNJ = "\u200c"
SIZE = 12.0
WIDTH = 6.0


def _types(text: str) -> list[str]:
    return [bidi_class(ch) for ch in text]


def _display(logical: str, rtl: bool) -> str:
    return "".join(logical[k] for k in visual_order(_types(logical), rtl))


@pytest.mark.parametrize(
    "logical",
    [
        "در سال ۱۴۰۱ و UN Report 2022 گفت.",
        "منبع: Harbour Review، ۰۷.۰۵.۲۰۲۳",
        "شامل می\u200cشود.",
        "سیستم (OTIMS) آنلائین",
        "۲۶ تله ۱۴۰۲ ـ ۱۸.۱۰.۲۰۲۳",
    ],
)
def test_a_visual_line_has_its_logical_text_among_the_readings(logical: str) -> None:
    shown = _display(logical, rtl=True)
    readings = ["".join(shown[k] for k in order) for order in logical_orders(_types(shown), True)]
    assert logical in readings
    for reading in readings:  # every reading offered displays as the line does
        assert _display(reading, rtl=True) == shown


def test_english_line_with_a_dari_name() -> None:
    logical = "The poet کابل wrote 12 lines."
    shown = _display(logical, rtl=False)
    assert shown != logical  # the Dari word is drawn right to left
    order = logical_orders(_types(shown), False)[0]
    assert "".join(shown[k] for k in order) == logical


_WORDS = st.sampled_from(["کتاب", "در", "سال", "۱۴۰۱", "UN", "Report", "2022", "و", "هرات"])


@given(st.lists(_WORDS, min_size=1, max_size=8))
def test_round_trip_on_word_sequences(words: list[str]) -> None:
    logical = " ".join(words)
    shown = _display(logical, rtl=True)
    for order in logical_orders(_types(shown), True):
        assert _display("".join(shown[k] for k in order), rtl=True) == shown


# -- lines from glyphs ------------------------------------------------------------------


def _glyph(text: str, x0: float, width: float = WIDTH, gid: int = 1, font: int = 0) -> Glyph:
    return Glyph(text, x0, x0 + width, 100.0, 100.0 + SIZE, SIZE, font, gid, False, False,
                 False, 110.0)  # fmt: skip


def _line(glyphs: list[Glyph]) -> GlyphLine:
    line = GlyphLine()
    for g in glyphs:
        line.take(g)
    return line


def _drawn_rtl(text: str, right: float = 500.0) -> list[Glyph]:
    """Glyphs of an Arabic-script text laid out right to left, listed left to right; a
    ZWNJ takes no room (the next letter is drawn over its box, as LibreOffice does)."""
    placed = []
    x = right
    for ch in text:
        if ch == ZWNJ:
            placed.append(_glyph(ch, x, width=3.0, gid=ord(ch)))
            continue
        placed.append(_glyph(ch, x - WIDTH, gid=ord(ch)))
        x -= WIDTH
    return placed[::-1]


def _read(glyphs: list[Glyph], column: tuple[float, float] = (50.0, 500.0)) -> str:
    built = build_line(_line(glyphs), column)
    assert built is not None
    evidence = DocumentEvidence()
    evidence.observe(built)
    return evidence.text(built, persian=True)


def test_visual_stream_reads_in_logical_order() -> None:
    assert _read(_drawn_rtl("کتاب خوب")) == "کتاب خوب"


def test_reversed_stream_reads_the_same() -> None:
    assert _read(_drawn_rtl("کتاب خوب")[::-1]) == "کتاب خوب"


def test_runs_drawn_in_logical_order_are_put_together() -> None:
    # Word draws each run left to right, the runs from right to left
    glyphs = _drawn_rtl("دستور ذخیره")
    first, second = glyphs[6:], glyphs[:5]  # "دستور" (right) then "ذخیره" (left)
    assert _read(first + second) == "دستور ذخیره"


def test_line_final_stop_drawn_first_goes_to_the_end() -> None:
    glyphs = _drawn_rtl("شامل شود.")
    stop = glyphs.pop(0)  # the full stop stands at the left end
    assert _read([stop, *glyphs]) == "شامل شود."


def test_overlapping_monospace_space_does_not_scramble_a_logical_stream() -> None:
    # "# ..." code comment: an LTR paragraph at the left margin, the space overlapping
    # (as Word draws it: two spaces, the second one under the Arabic run's last letter)
    text = "نگه داریم"
    glyphs = [_glyph("#", 50.0), _glyph(" ", 56.0), _glyph(" ", 62.0)]
    glyphs += _drawn_rtl(text, right=62.0 + WIDTH * len(text) - 0.1)
    # Arabic letters with "#" at the left end: the code line above it says left to right
    built = build_line(_line(glyphs), (50.0, 500.0), context_rtl=False)
    assert built is not None and not built.rtl
    assert "".join(u.text for u in built.units) == "# نگه داریم"


def test_ligature_characters_keep_the_files_order() -> None:
    # one glyph for "لا": its characters come in the file's (logical) order
    glyphs = [_glyph("ب", 470.0), _glyph("لا", 476.0, width=8.0), _glyph("ا", 484.0)]
    assert _read(glyphs) == "الاب"


def test_a_space_that_takes_no_room_between_letters_is_a_zwnj() -> None:
    glyphs = _drawn_rtl("پروژهی")
    # XeLaTeX: a space glyph between ه and ی that the next glyph covers
    heh = next(g for g in glyphs if g.text == "ه")
    cancelled = _glyph(" ", heh.x0, width=3.0)
    k = glyphs.index(heh)
    assert _read([*glyphs[:k], cancelled, *glyphs[k:]]) == "پروژه" + ZWNJ + "ی"


def test_a_gap_without_space_glyph_is_a_space() -> None:
    glyphs = _drawn_rtl("خوب") + [g for g in _drawn_rtl("کتاب", right=500.0 + 4 * WIDTH + 4)]
    assert _read(sorted(glyphs, key=lambda g: g.x0)) == "کتاب خوب"


def test_marks_join_their_letter() -> None:
    glyphs = _drawn_rtl("معمولا")
    alef = glyphs[0]  # leftmost: the last letter
    tanwin = _glyph("\u064b", alef.x0 - 1.5, width=0.0)
    assert unicodedata.normalize("NFC", _read([tanwin, *glyphs])) == "معمولاً"


def test_kashida_noise_between_letters_goes() -> None:
    glyphs = _drawn_rtl("باشندگان")
    noise = _glyph("!", glyphs[3].x0, width=2.0)
    glyphs.insert(3, noise)
    assert _read(glyphs) == "باشندگان"
    assert strip_kashida_noise("باش!!ندگان و پنجCه") == "باشندگان و پنجه"


def test_a_stroke_seen_inside_words_goes_after_a_words_last_letter_too() -> None:
    # a font whose joining stroke the text layer calls '"', drawn narrow after every
    # letter: inside a word it is noise, and after the word's last letter as well, also
    # where it is drawn a hair wider than the stand-in's bound; a line without it inside
    # a word keeps its closing quote
    def stroked(text: str, right: float, wider_last: bool = False) -> list[Glyph]:
        glyphs = []
        for k, g in enumerate(_drawn_rtl(text, right=right)[::-1]):  # logical order
            glyphs.append(g)
            if g.text != " ":
                width = 2.0 * (1.01 if wider_last and k == len(text) - 1 else 1.0)
                glyphs.append(_glyph('"', g.x0, width=width))
        return glyphs[::-1]

    assert _read(stroked("کتاب خوب", 500.0)) == "کتاب خوب"
    assert _read(stroked("کتاب خوب", 500.0, wider_last=True)) == "کتاب خوب"
    quoted = _drawn_rtl("خوب", right=500.0)
    quoted.insert(0, _glyph('"', quoted[0].x0 - 4.0, width=4.0))
    assert _read(quoted) == 'خوب"'


def test_a_quote_or_ellipsis_drawn_as_narrow_as_a_kashida_is_none() -> None:
    # Amiri's kashida, justified, named "‘" or "…" by the text layer, between two letters
    for named in ("\u2018", "\u2026"):
        glyphs = _drawn_rtl("لګښت")
        glyphs.insert(3, _glyph(named, glyphs[2].x1 - 1.0, width=2.0))
        assert _read(glyphs) == "لګښت"
    # a quote of its own width stays
    quoted = _drawn_rtl("لګښت")
    quoted.append(_glyph("\u2018", quoted[-1].x1, width=4.0))
    assert _read(quoted) == "\u2018لګښت"


def _word(text: str, gids: list[int], right: float = 500.0) -> list[Glyph]:
    """A word drawn right to left, each letter with the glyph id given."""
    out, x = [], right
    for ch, gid in zip(text, gids, strict=True):
        out.append(_glyph(ch, x - WIDTH, gid=gid))
        x -= WIDTH
    return out[::-1]


def _observed(*words: list[Glyph]) -> tuple[DocumentEvidence, list[BuiltLine]]:
    """Each word a line, all observed by one document's evidence."""
    evidence, built = DocumentEvidence(), []
    for glyphs in words:
        b = build_line(_line(glyphs), (50.0, 500.0))
        assert b is not None
        evidence.observe(b)
        built.append(b)
    return evidence, built


def test_lost_zwnj_comes_back_only_where_glyph_forms_show_it() -> None:
    """Final heh is its own glyph (gid 900) and initial heh too (901); where one stands
    right before the other with no gap, the author's ZWNJ stood there. The same letters
    with joining glyphs stay joined."""
    evidence, built = _observed(
        _word("خانه", [1, 2, 3, 900]),  # heh final at a word end (twice)
        _word("نامه", [4, 2, 5, 900]),
        _word("خانهها", [1, 2, 3, 900, 901, 2]),  # heh final + initial heh: a break
        _word("نهاد", [4, 902, 2, 7]),  # medial heh (another glyph): joined
        _word("هم", [901, 8]),  # initial heh starts words too: both sides show it
    )
    texts = [evidence.text(b, persian=True) for b in built]
    assert texts == ["خانه", "نامه", "خانه" + ZWNJ + "ها", "نهاد", "هم"]
    assert evidence.zwnj_restored == 1


def test_a_producer_that_writes_zwnj_gets_none_invented() -> None:
    evidence = DocumentEvidence()
    for text in ("خانه", "نامه", "کتاب" + ZWNJ + "ها"):
        b = build_line(_line(_drawn_rtl(text)), (50.0, 500.0))
        assert b is not None
        evidence.observe(b)
    assert evidence.explicit_zwnj == 1
    evidence.decide()
    assert evidence.zwnj_restored == 0


def test_kurdish_ae_in_persian_text_reads_as_heh() -> None:
    assert _read(_drawn_rtl("شمار\u06d5ی")) == "شماره" + ZWNJ + "ی"


def _drawn_shown(logical: str, rtl: bool, left: float) -> list[Glyph]:
    """Glyphs of a line as a bidi display lays it out, from ``left``, listed left to right."""
    shown = _display(logical, rtl)
    return [_glyph(ch, left + k * WIDTH, gid=ord(ch)) for k, ch in enumerate(shown)]


def test_a_right_to_left_line_set_flush_left_reads_right_to_left() -> None:
    # Word lets a writer align a Dari paragraph to the left: where the line stands says
    # left to right, the reading that starts with a Dari word and has its comma after a
    # word (not glued before the next) says right to left
    logical = "اول فایل را با notepad باز کردیم، و به فرمت csv بردیم"
    glyphs = _drawn_shown(logical, rtl=True, left=50.0)
    assert glyphs[-1].x1 < 480.0  # short of the right margin: anchored left
    built = build_line(_line(glyphs), (50.0, 500.0))
    assert built is not None and built.rtl
    assert "".join(u.text for u in built.units) == logical


def test_a_latin_source_line_anchored_right_stays_right_to_left() -> None:
    logical = "منبع: Harbour Review، ۰۷.۰۵.۲۰۲۳"
    shown = _display(logical, rtl=True)
    right = 500.0
    glyphs = [
        _glyph(ch, right - (len(shown) - k) * WIDTH, gid=ord(ch)) for k, ch in enumerate(shown)
    ]
    assert _read(glyphs) == logical


def test_a_run_drawn_twice_on_itself_reads_once_and_bold() -> None:
    # a producer without a bold face overprints the run
    glyphs = _drawn_rtl("شبیه ساز")
    built = build_line(_line(glyphs + glyphs), (50.0, 500.0))
    assert built is not None and built.bold
    assert _read(glyphs + glyphs) == "شبیه ساز"


def _document(*texts: str) -> tuple[DocumentEvidence, list[str]]:
    evidence = DocumentEvidence()
    built = []
    for text in texts:
        b = build_line(_line(_drawn_rtl(text)), (50.0, 500.0))
        assert b is not None
        evidence.observe(b)
        built.append(b)
    return evidence, [evidence.text(b, persian=True) for b in built]


def test_a_persian_letter_split_by_form_is_read_as_one() -> None:
    # the font names final yeh with the Arabic letter, the other forms with the Persian
    evidence, texts = _document("فایل هاي بزرگ", "براي یک کار", "کاري تازه")
    assert texts == ["فایل های بزرگ", "برای یک کار", "کاری تازه"]
    assert evidence.letters_unsplit == 3


def test_a_yeh_split_in_its_isolated_form_only_is_read_as_one() -> None:
    # the font names isolated yeh (after a letter that does not join) with the Arabic
    # letter, its final form and the inner ones (some by presentation form) Persian
    evidence, texts = _document("آزادي و خوبی", "کاري کسی", "خ\ufbffلی روز")
    assert texts == ["آزادی و خوبی", "کاری کسی", "خ\ufbffلی روز"]
    assert evidence.letters_unsplit == 2


@pytest.mark.parametrize(
    "texts",
    [
        ("آزادي و خوبی", "کاري کسی", "برای روز"),  # the Persian letter stands alone too
        ("فایل هاي بزرگ", "براي یک کار", "ښار ته ورغلي"),  # Pashto writes ي as a letter
        ("فایل هاي بزرگ", "براي یک کار", "في بيت"),  # Arabic ي inside words: a quotation
        ("فایل هاي بزرگ", "برای یک کار"),  # the Persian letter ends words too
    ],
)
def test_arabic_yeh_is_kept_where_the_document_does_not_prove_a_split(
    texts: tuple[str, ...],
) -> None:
    evidence, read = _document(*texts)
    assert read == list(texts)
    assert evidence.letters_unsplit == 0


def test_an_indented_first_line_of_arabic_letters_reads_right_to_left() -> None:
    # a justified paragraph's first line: indented from the right margin, reaching the
    # left one; punctuation only between its words, so where it stands proves nothing
    text = "در آغاز وظیف\u06d5 خود، از زحمات"
    glyphs = _drawn_rtl(text, right=50.0 + WIDTH * len(text))
    assert glyphs[0].x0 == 50.0 and glyphs[-1].x1 < 480.0
    built = build_line(_line(glyphs), (50.0, 500.0))
    assert built is not None and built.rtl
    evidence = DocumentEvidence()
    evidence.observe(built)
    assert evidence.text(built, persian=built.rtl) == "در آغاز وظیفه خود، از زحمات"


def test_a_flush_left_line_with_a_digit_at_its_end_follows_its_paragraph() -> None:
    text = "بهمن ۱۴۰۲"
    glyphs = _drawn_shown(text, rtl=True, left=50.0)
    built = build_line(_line(glyphs), (50.0, 500.0))
    assert built is not None and built.open_direction and built.rtl
    assert "".join(u.text for u in built.units) == text
    again = build_line(_line(glyphs), (50.0, 500.0), direction=False)
    assert again is not None and not again.rtl


def test_an_indented_line_ending_with_a_stop_reads_right_to_left_under_a_header() -> None:
    # a right-to-left paragraph's indented first line, its stop at the left end, under a
    # left-to-right running header: left to right the line would open with its stop, so
    # neither the header's direction nor where the line stands decides it
    text = "این رقم‌ها را نمی‌شد جداگانه وارسی کرد، اما بازنشسته،"
    glyphs = _drawn_rtl(text, right=50.0 + WIDTH * len(text.replace(ZWNJ, "")))
    assert glyphs[0].text == "،" and glyphs[0].x0 == 50.0 and glyphs[-1].x1 < 480.0
    built = build_line(_line(glyphs), (50.0, 500.0), context_rtl=False)
    assert built is not None and built.rtl and not built.open_direction
    assert "".join(u.text for u in built.units).endswith("بازنشسته،")


def test_a_symbol_font_bullet_gives_a_line_no_left_to_right_letter() -> None:
    # Word's bullet in a right-to-left list is U+F0B7 of a symbol font, at the line's right
    # end: Unicode calls a private-use character L, but it has no direction, so the line
    # under a left-to-right running header is still right to left, the bullet first
    text = "\uf0b7 سردخانه بیرون از مرکز ولایت کمیاب"
    built = build_line(_line(_drawn_rtl(text, right=500.0)), (50.0, 500.0), context_rtl=False)
    assert built is not None and built.rtl
    assert "".join(u.text for u in built.units) == text


def test_a_running_header_beside_a_line_does_not_set_its_direction() -> None:
    from ganjina.read.pdf import _settle_open_directions

    # a flush-left date of Persian letters and digits opens the page's body under the
    # centred left-to-right running header: the two share no stretch of the line, so
    # the header is no line of the date's paragraph
    header = [
        Glyph(ch, 250.0 + 5.0 * k, 255.0 + 5.0 * k, 86.0, 98.0, SIZE, 0, ord(ch), False,
              False, False, 96.0)
        for k, ch in enumerate("www.afgazad.com")
    ]  # fmt: skip
    column = (50.0, 500.0)
    built = []
    for glyphs in (header, _drawn_shown("بهمن ۱۴۰۲", rtl=True, left=50.0)):
        line = _line(glyphs)
        made = build_line(line, column)
        assert made is not None
        built.append((line, made))
    assert built[1][1].open_direction
    settled = _settle_open_directions(built, column)
    assert not settled[0].rtl and settled[1].rtl
    # under a left-to-right line it does stand under, it goes left to right
    below_text = [
        Glyph(ch, 50.0 + 5.0 * k, 55.0 + 5.0 * k, 86.0, 98.0, SIZE, 0, ord(ch), False,
              False, False, 96.0)
        for k, ch in enumerate("x = 1 # set the counter")
    ]  # fmt: skip
    line = _line(below_text)
    made = build_line(line, column)
    assert made is not None
    settled = _settle_open_directions([(line, made), built[1]], column)
    assert not settled[1].rtl


def test_one_side_alone_shows_no_lost_zwnj() -> None:
    """A waw whose final and isolated forms share one glyph "starts words" after every
    letter that joins it; the letter before it, drawn in its joining form, says no break
    stood there: no ZWNJ is invented (``پښتو``, never ``پښت‌و``)."""
    evidence, built = _observed(
        _word("او", [1, 20]),  # waw after alef: its isolated use, glyph 20
        _word("ورور", [20, 3, 20, 3]),  # waw starting words: glyph 20 again
        _word("پښتو", [4, 5, 21, 20]),  # after teh in its joining form (21): the same glyph
        _word("تور", [22, 20, 3]),
        *(_word("سبس", [30, 31, 32]) for _ in range(8)),  # plain joined pairs, the most
    )
    texts = [evidence.text(b, persian=False) for b in built]
    assert texts[:4] == ["او", "ورور", "پښتو", "تور"]
    assert evidence.zwnj_restored == 0


def _drawn_visual(logical: str, right: float = 500.0) -> list[Glyph]:
    """The glyphs of a right-to-left line as UAX #9 displays it, listed left to right and
    set flush right at ``right``."""
    shown = _display(logical, rtl=True)
    left = right - WIDTH * len(shown)
    return [_glyph(ch, left + WIDTH * k, gid=ord(ch)) for k, ch in enumerate(shown)]


def test_no_reading_opens_a_line_with_a_comma() -> None:
    # the author typed a space before the final comma; the left-to-right reading
    # (", است validation ...") has no such space but opens the line with the comma, which
    # no line break puts there
    logical = "بدون prune نتیجه داده validation است ،"
    assert _read(_drawn_visual(logical)) == logical


def _shown_with_comma_at_paragraph_level(logical: str) -> str:
    """The line as XeTeX lays it out: each Latin word set apart in the right-to-left
    paragraph, the Arabic comma after it at the paragraph's level."""
    types = ["AL" if ch == "،" else bidi_class(ch) for ch in logical]
    return "".join(logical[k] for k in visual_order(types, True))


def _placed(shown: str, right: float = 500.0) -> list[Glyph]:
    left = right - WIDTH * len(shown)
    return [_glyph(ch, left + WIDTH * k, gid=ord(ch)) for k, ch in enumerate(shown)]


@pytest.mark.parametrize(
    "shown",
    [
        _shown_with_comma_at_paragraph_level,  # XeTeX: ،Keras ،PyTorch ،TensorFlow
        lambda logical: _display(logical, rtl=True),  # Word (UAX #9): TensorFlow، PyTorch
    ],
)
def test_latin_words_between_arabic_commas_keep_their_order(shown: Callable[[str], str]) -> None:
    logical = "ابزارها TensorFlow، PyTorch، Keras و غیره"
    assert _read(_placed(shown(logical))) == logical


def _laid_out(*pieces: tuple[str, int]) -> list[Glyph]:
    """Glyphs left to right from (visual text, font) pieces, each glyph touching the
    next; font 1 is the Latin font, font 0 the Arabic one."""
    glyphs, x = [], 100.0
    for shown, font in pieces:
        for ch in shown:
            glyphs.append(_glyph(ch, x, gid=ord(ch), font=font))
            x += WIDTH
    return glyphs


@pytest.mark.parametrize(
    ("pieces", "logical"),
    [
        # Word draws "scale " with its space after the e: between scale and هم
        ((("مینک", 0), ("scale ", 1), (" ", 0), ("مه", 0)), "هم scale کنیم"),
        # the author glued غلظت to PH and spaced PH from خون; drawn: خون|PH |غلظت
        ((("نوخ", 0), ("PH ", 1), ("تظلغ", 0)), "غلظتPH خون"),
        # a space in the Arabic font says nothing of the run: positions decide
        ((("مینک", 0), ("scale", 1), (" ", 0), ("مه", 0)), "هم scaleکنیم"),
        # a leading space drawn on the run's left at the line's end goes to its right;
        # a colon touching the Arabic word stays with it, a bracket with the run
        (((" Tanh", 1), (":", 0), ("یزاس", 0)), "سازی: Tanh"),
        (((" (Meta)", 1), ("ییاهن", 0), (" ", 0), ("هکبش", 0)), "شبکه نهایی (Meta)"),
        # the run's one space from the word beyond: it stays where it is
        ((("و", 0), (" Tanh", 1), (":", 0), ("یزاس", 0)), "سازی:Tanh و"),
    ],
)
def test_a_latin_runs_own_trailing_space_goes_to_its_logical_end(
    pieces: tuple[tuple[str, int], ...], logical: str
) -> None:
    assert _read(_laid_out(*pieces)) == logical
