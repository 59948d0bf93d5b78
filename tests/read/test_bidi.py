"""Right-to-left lines rebuilt from glyph positions (the defects PyMuPDF shows on real PDFs)."""

from __future__ import annotations

from ganjina.read.bidi import is_rtl_text, rebuild_rtl, strip_kashida_noise

Glyph = tuple[str, float, float, float]


def _visual(logical_runs: list[tuple[str, bool]], start: float = 500.0) -> list[Glyph]:
    """Place characters as a right-to-left line draws them; LTR runs left to right."""
    placed: list[Glyph] = []
    x = start
    for text, ltr in logical_runs:
        if ltr:
            width = 6.0 * len(text)
            for k, ch in enumerate(text):
                left = x - width + 6.0 * k
                placed.append((ch, left, left + 6.0, 12.0))
            x -= width
        else:
            for ch in text:
                if ch == "\u200c":  # no glyph: it sits where the letter before it ends
                    placed.append((ch, x, x, 12.0))
                    continue
                placed.append((ch, x - 6.0, x, 12.0))
                x -= 6.0
    return placed


def test_line_final_full_stop_moved_to_the_start_is_put_back() -> None:
    chars = _visual([("شامل می\u200cشود.", False)])
    stop = chars.pop()  # PyMuPDF hands the full stop over first
    assert rebuild_rtl([stop, *chars]) == "شامل می\u200cشود."


def test_digit_and_latin_runs_read_left_to_right_inside_rtl() -> None:
    runs = [
        ("در سال ", False),
        ("۱۴۰۱", True),
        (" و ", False),
        ("UN Report 2022", True),
        (" گفت.", False),
    ]
    chars = _visual(runs)
    shuffled = chars[::2] + chars[1::2]  # any order: positions decide
    assert rebuild_rtl(shuffled) == "در سال ۱۴۰۱ و UN Report 2022 گفت."


def test_zwnj_and_marks_stay_with_their_letter() -> None:
    # ZWNJ and a combining mark carry no advance: they share the letter's position
    chars = [
        ("م", 97.0, 103.0, 12.0),
        ("ی", 91.0, 97.0, 12.0),
        ("\u200c", 91.0, 91.0, 12.0),
        ("ش", 85.0, 91.0, 12.0),
        ("ُ", 85.0, 91.0, 12.0),
        ("د", 79.0, 85.0, 12.0),
    ]
    assert rebuild_rtl(chars) == "می\u200cشُد"


def test_lam_kaf_runs_out_of_order() -> None:
    logical = "ملک و ملکه در کلکته بودند."
    chars = _visual([(logical, False)])
    # Amiri draws lam+kaf as separate runs that PyMuPDF emits out of order
    scrambled = chars[10:] + chars[:10]
    assert rebuild_rtl(scrambled) == logical


def test_direction_of_a_line() -> None:
    assert is_rtl_text("د ښځو د زده‌کړې لپاره")
    assert not is_rtl_text("The UN said")
    assert is_rtl_text("UN گفت که کمک‌ها ادامه دارد")


def test_a_gap_without_a_space_character_reads_as_a_space() -> None:
    # a bullet set off by a tab: no space character, only white paper between
    chars = [("•", 524.0, 529.0, 14.0), ("د", 500.0, 507.0, 14.0), ("ا", 494.0, 497.0, 14.0)]
    assert rebuild_rtl(chars) == "• دا"


def test_kashida_noise_inside_words_is_dropped_but_not_real_text() -> None:
    assert strip_kashida_noise("هغCه بCه د UN مرسته") == "هغه به د UN مرسته"
    assert strip_kashida_noise("ک5وي ۱۵ اکتوبر 2023") == "کوي ۱۵ اکتوبر 2023"
