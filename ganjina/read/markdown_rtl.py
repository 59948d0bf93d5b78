"""Repairs for the text of right-to-left lines a PDF-to-Markdown converter wrote.

A converter that rebuilds logical order from a right-to-left page cuts each printed line
into runs (Arabic-script words, numbers, punctuation, marks) and sometimes puts them
back in the wrong order. What it does wrong leaves shapes that logical text never has;
each repair here starts from one such shape, never from what a line says:

* a **combining mark before its base**: hamza above (U+0654) sits only on alef, waw, yeh
  and, at a word's end, heh (the ezafe ``هٔ``). After any other letter, or after a heh that
  a letter follows, and before a word-final heh, it was moved one letter back
  (``خلطٔه`` is ``خلطهٔ``, ``دهٔه`` is ``دههٔ``);
* a **mark with no base**: a harakat mark that begins a word had been drawn over its last
  letter (``ًتقریبا`` is ``تقریباً``);
* a **solar date read backwards**: day, month and year come out as month, year, day with
  the two numbers glued (``مرغومی۱۳۹۷۱۵`` is ``۱۵ مرغومی ۱۳۹۷``). Only a month name
  followed by a four-digit solar year (13xx, 14xx) and one or two more digits is read so;
  and a Gregorian date joined to it by a dash changes place with it as well, since the
  whole line's runs were reversed;
* the same **with the words before the date moved behind it**, on a line of its own: the
  month glued to the year, then the words (a weekday, a label, a section, an attribution)
  glued to the day, their separator first (``جوزا۱۴۰۲ ،منبع: نام۱۵`` is
  ``منبع: نام، ۱۵ جوزا ۱۴۰۲``); and the Pashto order so (``کال د چنګاښ۱۴مه۱۴۰۲`` is
  ``۱۴۰۲ کال د چنګاښ ۱۴مه``);
* a **separator moved to the front**: a comma, bar or dash that stood between a line's
  words and the number ending it comes first (``،ایرین کاستالنو18.10.2019``);
* **letters interleaved with a fill glyph**: a display line whose every letter is
  followed by a quotation mark (``"ق"ا"ب"ل"ه``) is the text of a justification glyph
  read as a character; the marks carry nothing.

Every pattern is linear (character classes, bounded repeats). Nothing of the text is
dropped but the fill glyphs; no letter is changed, no ZWNJ added.
"""

from __future__ import annotations

import re

from ganjina.text.months import (
    DARI_SH_MONTHS,
    GREGORIAN_TRANSLITERATED,
    IRANIAN_SH_MONTHS,
    PASHTO_SH_MONTHS,
)

_LETTER = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f"
_HEH = "\u0647\u06d5"
# letters that carry hamza above anywhere in a word (alef, waw, the yehs)
_CARRIERS = "\u0627\u0648\u064a\u06cc\u0649\u06d0\u06cd\u06d2"
_HAMZA_ABOVE = "\u0654"
# hamza above after a letter that cannot carry it (or a heh inside the word), before a
# word-final heh: it belongs to that heh
_MOVED_HAMZA = re.compile(
    f"(?<=[{_LETTER}])(?<![{_CARRIERS}]){_HAMZA_ABOVE}([{_HEH}])(?![{_LETTER}\u064b-\u065f])"
)
# a harakat mark (fathatan … sukun, superscript alef) at a word's start, before its letters
_BASELESS_MARK = re.compile(
    f"(?<![{_LETTER}\u064b-\u065f\u0670])([\u064b-\u0652\u0670])([{_LETTER}]{{1,40}})"
    f"(?![{_LETTER}])"
)
_DIGIT = "0-9۰-۹٠-٩"
_MONTHS = "|".join(
    sorted({*DARI_SH_MONTHS, *PASHTO_SH_MONTHS, *IRANIAN_SH_MONTHS}, key=len, reverse=True)
)
_YEAR = f"[1۱١][3۳٣4۴٤][{_DIGIT}]{{2}}"  # a solar year, 13xx or 14xx in any digit set
# month, then the year glued to the day
_BACKWARD_SOLAR = re.compile(
    f"(?<![{_LETTER}])({_MONTHS})\\s?({_YEAR})([{_DIGIT}]{{1,2}})(?![{_DIGIT}])"
)
_GREGORIAN_MONTHS = "|".join(sorted(GREGORIAN_TRANSLITERATED, key=len, reverse=True))
_GREGORIAN_YEAR = f"[1۱١2۲٢][9۹٩0۰٠][{_DIGIT}]{{2}}"  # 19xx or 20xx
# a Gregorian month in Dari or Pashto spelling, its year glued to the day
_BACKWARD_GREGORIAN = re.compile(
    f"(?<![{_LETTER}])({_GREGORIAN_MONTHS})\\s?({_GREGORIAN_YEAR})([{_DIGIT}]{{1,2}})(?![{_DIGIT}])"
)
# a calendar's name after the year (``۱۴۰۲ هجری شمسی``): it stays after the year
_CALENDAR_WORDS = re.compile(r"(?:هجری\s*)?(?:شمسی|قمری|خورشیدی)|ه\.?\s*[شق]\.?|لمریز")
# the same, with the words before the date moved behind the year and glued to the day: a
# whole line ``جوزا۱۴۰۲ پنجشنبه۱۸`` (weekday), ``جوزا۱۴۰۲ :تاریخ۱۸`` (label),
# ``جوزا۱۴۰۲ ،منبع: نام۱۵`` (an attribution, its comma moved first)
_BACKWARD_SOLAR_AFTER_WORDS = re.compile(
    f"^({_MONTHS})\\s?({_YEAR})\\s+([،,:؛;–-])?\\s*([^{_DIGIT}\n]{{1,80}}?)\\s?([{_DIGIT}]{{1,2}})$"
)
# the Pashto order read backwards: ``کال د چنګاښ۱۴مه۱۴۰۲`` is ``۱۴۰۲ کال د چنګاښ ۱۴مه``
_BACKWARD_PASHTO_SOLAR = re.compile(
    f"(?<![{_LETTER}])کال د ({_MONTHS}) ?([{_DIGIT}]{{1,2}})(مه|م)? ?({_YEAR})(?![{_DIGIT}])"
)
_NUMERIC_DATE = f"[{_DIGIT}]{{1,4}}[./-][{_DIGIT}]{{1,2}}[./-][{_DIGIT}]{{1,4}}"
_SOLAR = f"[{_DIGIT}]{{1,2}} (?:{_MONTHS}) [{_DIGIT}]{{4}}"
_NAMED_GREGORIAN = f"[{_DIGIT}]{{1,2}} (?:{_GREGORIAN_MONTHS}) [{_DIGIT}]{{4}}"
# the two calendars of one date, the Gregorian first: they had changed places
_SWAPPED_CALENDARS = re.compile(f"({_NUMERIC_DATE}|{_NAMED_GREGORIAN})\\s*([-–])\\s*({_SOLAR})")
_SWAPPED_CALENDARS_SOLAR_FIRST = re.compile(f"({_SOLAR})\\s*([-–])\\s*({_NUMERIC_DATE})")
# a separator first, then words, then the number ending the line
_LEADING_SEPARATOR = re.compile(
    f"^([،,|–—-])\\s*([^{_DIGIT}]{{0,120}}[{_LETTER}][^{_DIGIT}]{{0,3}}?)\\s*"
    f"([{_DIGIT}][{_DIGIT}./-]{{0,12}})$"
)
# a photo credit "(Label: Latin Name)" drawn right to left: the line opens with the closing
# bracket and the Latin name, the Arabic-script label stands by the other bracket
_REVERSED_CREDIT = re.compile(
    f"^\\)\\s*([A-Za-z][A-Za-z .'/-]{{0,60}}?)\\s*:\\s*(.{{0,400}}?)\\s*"
    f"(?:([{_LETTER}]{{2,12}})\\s*\\(|\\(\\s*([{_LETTER}]{{2,12}}))\\s*(.{{0,400}})$"
)
# a Latin photo credit at the end drawn right to left, in three shapes: first with its
# brackets mirrored (")AP Photo/Name( .caption"), split round the caption
# ("AP( .caption )Photo/Name"), or after it with the caption's stop first
# ("( .caption )AP Photo/Name")
_CREDIT_FIRST = re.compile(r"^\)\s*([A-Za-z][^():]{0,80}?)\s*\(\s*(\.?)\s*(?=\S)(.{1,400})$")
_CREDIT_AROUND = re.compile(
    r"^([A-Za-z][^():]{0,40}?)?\s*\(\s*(\.?)\s*([^()]{1,400}?)\s*\)\s*([A-Za-z][^():]{0,80})$"
)
# a credit with its Arabic-script label, both brackets mirrored: ")caption. label: Name("
_CREDIT_MIRRORED = re.compile(
    f"^\\)\\s*(.{{1,400}}?[.!؟])\\s*([{_LETTER}]{{2,12}}:\\s*[^().:]{{1,60}}?)\\s*\\($"
)
# the closing bracket, then a Latin name and its colon, as a credit drawn right to left
# starts; and the Arabic-script label with its bracket on either side
_NAME_FIRST = "^\\)\\s*(?P<name>[A-Za-z][A-Za-z .'/-]{0,60}?)\\s*:\\s*"
_LABEL_EITHER_BRACKET = f"(?:\\((?P<label>[{_LETTER}]{{2,12}})|(?P<label2>[{_LETTER}]{{2,12}})\\()"
# a caption whose Latin credit has an Arabic-script label, drawn right to left: the
# closing bracket and the name first, the label (its bracket either way) last:
# ")Name :caption. (label" is "caption. (label: Name)"
_NAME_FIRST_LABEL_LAST = re.compile(
    f"{_NAME_FIRST}(?P<caption>[{_LETTER}][^():]{{0,400}}?[.!؟])\\s*{_LABEL_EITHER_BRACKET}$"
)
# the same with the caption's date: the month and the stop first, the label, then the
# caption (after the comma that stood before the day), the day glued to its end:
# ")Name : month. (label ،caption 12" is "caption، 12 month. (label: Name)"
_NAME_FIRST_DATED = re.compile(
    f"{_NAME_FIRST}(?P<month>{_MONTHS})\\.\\s*{_LABEL_EITHER_BRACKET}\\s*(?P<comma>،?)\\s*"
    f"(?P<caption>[{_LETTER}][^():]{{0,400}}?)\\s*(?P<day>[{_DIGIT}]{{1,2}})$"
)
# the same with the whole credit in Arabic script: the month and its stop first, the
# credit, then the caption after the comma that stood before the day, the day glued last:
# ")month. (label: Name ،caption 12" is "caption، 12 month. (label: Name)"
_MONTH_FIRST_DATED = re.compile(
    f"^\\)\\s*({_MONTHS})\\.\\s*\\(([{_LETTER}]{{2,12}}):\\s*([^():،]{{1,60}}?)\\s*،\\s*"
    f"([{_LETTER}][^():]{{0,400}}?)\\s*([{_DIGIT}]{{1,2}})$"
)
# a closing bracket drawn first while its opening one stands later, unclosed, around a
# credit ("label: Name") after the caption's stop:
# ")caption. (label: Name" is "caption. (label: Name)"
_CLOSING_FIRST = re.compile(r"^\)\s*([^()]{1,400}[.!؟]\s*\([^():]{1,14}:[^():]{1,60})$")
# a caption's words turned around the number in them: "Word ،Text N. (credit)" is
# "Text، N Word. (credit)" (a comma never opens a word)
_TURNED_AROUND_NUMBER = re.compile(
    f"^([{_LETTER}]{{2,20}}(?: [{_LETTER}]{{2,20}})?) ،([{_LETTER}].{{0,400}}?)\\s*"
    f"([{_DIGIT}]{{1,4}})(\\.?)(\\s*\\([^()]{{1,80}}\\))?$"
)
_LETTER_RE = re.compile(f"[{_LETTER}]")
# what a converter writes for a fill glyph it cannot map: a quotation mark, or the
# replacement character when its font has no mapping at all
_FILL = '"\ufffd'
# a quotation mark is a fill only after a letter (or at the line's ends); the replacement
# character never carries a letter
_FILLED = re.compile(f"(?<=[{_LETTER}])[{_FILL}]|\ufffd")
_FILLED_RUN = re.compile(f"(?:[{_LETTER}][{_FILL}]\\s?){{4,}}")


def _unfill(line: str) -> str:
    """A fill glyph after every letter of a line is justification, not text."""
    if '"' not in line and "\ufffd" not in line:
        return line
    letters = sum(1 for ch in line if "\u0620" <= ch <= "\u06ff")
    filled = sum(len(m.group(0)) for m in _FILLED_RUN.finditer(line))
    if letters < 4 or filled < 0.8 * 2 * letters:
        return line
    return _FILLED.sub("", line).strip('"')


def _solar_forward(m: re.Match[str]) -> str:
    return f"{m.group(3)} {m.group(1)} {m.group(2)}"


def _solar_after_words(m: re.Match[str]) -> str:
    month, year, separator, words, day = m.groups()
    words = words.strip()
    if separator is None and _CALENDAR_WORDS.fullmatch(words):
        return f"{day} {month} {year} {words}"
    if separator in ("–", "-"):
        return f"{words} {separator} {day} {month} {year}"
    return f"{words}{separator or ''} {day} {month} {year}"


def repair_rtl_text(line: str) -> str:
    """One right-to-left line of a conversion with its converter's misorderings undone.

    >>> repair_rtl_text("در یک خلطٔه تکه")
    'در یک خلطهٔ تکه'
    >>> repair_rtl_text("ًتقریبا ۱۳ کیلومتر")
    'تقریباً ۱۳ کیلومتر'
    >>> repair_rtl_text("۲۷.۰۱.۲۰۱۹ - سلواغه۱۳۹۷۷")
    '۷ سلواغه ۱۳۹۷ - ۲۷.۰۱.۲۰۱۹'
    >>> repair_rtl_text("جوزا۱۴۰۲ ،منبع: نشریهٔ پامیر۱۵")
    'منبع: نشریهٔ پامیر، ۱۵ جوزا ۱۴۰۲'
    >>> repair_rtl_text("کال د چنګاښ۱۴مه۱۴۰۲")
    '۱۴۰۲ کال د چنګاښ ۱۴مه'
    >>> repair_rtl_text("،ایرین کاستالنو 18.10.2019")
    'ایرین کاستالنو، 18.10.2019'
    """
    line = _unfill(line)
    line = _MOVED_HAMZA.sub(lambda m: m.group(1) + _HAMZA_ABOVE, line)
    line = _BASELESS_MARK.sub(lambda m: m.group(2) + m.group(1), line)
    if m := _BACKWARD_SOLAR_AFTER_WORDS.match(line):
        line = _solar_after_words(m)
    line = _BACKWARD_PASHTO_SOLAR.sub(lambda m: f"{m[4]} کال د {m[1]} {m[2]}{m[3] or ''}", line)
    backward = False
    for pattern in (_BACKWARD_SOLAR, _BACKWARD_GREGORIAN):
        if pattern.search(line):
            line, backward = pattern.sub(_solar_forward, line), True
    if backward:
        # the line's runs were reversed: the two calendars of one date change places
        m = _SWAPPED_CALENDARS.search(line) or _SWAPPED_CALENDARS_SOLAR_FIRST.search(line)
        if m:
            line = f"{line[: m.start()]}{m.group(3)} {m.group(2)} {m.group(1)}{line[m.end() :]}"
    if m := _REVERSED_CREDIT.match(line):
        latin, middle, label, after = m.group(1), m.group(2), m.group(3) or m.group(4), m.group(5)
        if not re.search(r"[.!؟?]\s", after):  # what follows is the caption's head only
            head = _leading_separator(after.strip())
            line = " ".join(p for p in (head, middle.strip(), f"({label}: {latin.strip()})") if p)
    if m := _CREDIT_FIRST.match(line):
        line = f"{m.group(3).strip()}{m.group(2)} ({m.group(1).strip()})"
    elif (m := _CREDIT_AROUND.match(line)) and _LETTER_RE.search(m.group(3)):
        credit = " ".join(p.strip() for p in (m.group(1) or "", m.group(4)) if p.strip())
        line = f"{m.group(3).strip()}{m.group(2)} ({credit})"
    elif m := _CREDIT_MIRRORED.match(line):
        line = f"{m.group(1).strip()} ({m.group(2).strip()})"
    line = _credit_named_first(line)
    if m := _TURNED_AROUND_NUMBER.match(line):
        word, text, number, stop, credit = m.groups()
        line = f"{text.rstrip()}، {number} {word}{stop}{credit or ''}"
    return _leading_separator(line)


def moved_separator(line: str) -> bool:
    """The line opens with a separator that belongs before the number ending it
    (``،name 18.10.2019``), which :func:`repair_rtl_text` puts back there.

    >>> moved_separator("،ایرین کاستالنو 18.10.2019"), moved_separator("،ایرین کاستالنو")
    (True, False)
    """
    return _LEADING_SEPARATOR.match(line) is not None


def _credit_named_first(line: str) -> str:
    """A caption drawn right to left with its credit's name first (see the patterns).

    >>> _credit_named_first(")Ali Rahimi :باغ کهنه دوباره سبز شد. (عکس")
    'باغ کهنه دوباره سبز شد. (عکس: Ali Rahimi)'
    >>> _credit_named_first(")Ali Rahimi : حمل. عکس( ،باغ کهنه دوباره سبز شد۱۲")
    'باغ کهنه دوباره سبز شد، ۱۲ حمل. (عکس: Ali Rahimi)'
    >>> _credit_named_first(") حمل. (عکس: علی رحیمی ،باغ کهنه دوباره سبز شد۱۲")
    'باغ کهنه دوباره سبز شد، ۱۲ حمل. (عکس: علی رحیمی)'
    >>> _credit_named_first(")باغ کهنه دوباره سبز شد. (عکس: علی رحیمی")
    'باغ کهنه دوباره سبز شد. (عکس: علی رحیمی)'
    """
    if m := _NAME_FIRST_LABEL_LAST.match(line) or _NAME_FIRST_DATED.match(line):
        credit = f"({m['label'] or m['label2']}: {m['name'].strip()})"
        if "month" not in m.re.groupindex:
            return f"{m['caption']} {credit}"
        return f"{m['caption'].rstrip()}{m['comma']} {m['day']} {m['month']}. {credit}"
    if m := _MONTH_FIRST_DATED.match(line):
        month, label, name, caption, day = m.groups()
        return f"{caption.rstrip()}، {day} {month}. ({label}: {name.strip()})"
    if m := _CLOSING_FIRST.match(line):
        return f"{m.group(1).rstrip()})"
    return line


def _leading_separator(line: str) -> str:
    """A separator the converter put first goes back before the number ending the line."""
    if m := _LEADING_SEPARATOR.match(line):
        sep, words, number = m.groups()
        space = " " if sep in "|–—-" else ""
        return f"{words.rstrip()}{space}{sep} {number}"
    return line


# one numbered item drawn right to left: the marker's stop first, the item's own end
# (a semicolon, or a stop after a space), then the number
_REVERSED_ITEM = re.compile(
    f"\\.\\s?([{_LETTER}][^.;؛]{{0,300}}?)(؛|;|\\s\\.)([{_DIGIT}]{{1,2}})(?=\\s|$)\\s*"
)


def reversed_items(line: str) -> list[tuple[str, str]] | None:
    """A line made wholly of numbered items drawn right to left, their numbers in
    sequence (``.first؛1``, ``.second؛2 .third .3``): each item's marker and text.

    >>> reversed_items(".بیل نو؛1 .آب پاک .2")
    [('1.', 'بیل نو؛'), ('2.', 'آب پاک.')]
    """
    items: list[tuple[str, str]] = []
    at = 0
    while at < len(line):
        m = _REVERSED_ITEM.match(line, at)
        if m is None:
            return None
        number = int(m.group(3).translate(_TO_LATIN))
        if items and number != int(items[-1][0][:-1]) + 1:
            return None
        items.append((f"{number}.", m.group(1).rstrip() + m.group(2).strip()))
        at = m.end()
    return items or None


_TO_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
