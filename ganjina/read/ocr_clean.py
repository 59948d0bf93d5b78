"""Clean-up of Tesseract's text that raw OCR lacks, one line (or page) at a time.

What Tesseract's Persian, Pashto and Arabic-script models get wrong in a systematic way,
measured on the scan corpus (``bench/ocr_quality.py``):

* their character sets have no Arabic comma, so "،" comes out as "»" (a closing
  guillemet with no opening one before it is that comma);
* the Persian model has no hamza above, so "هٔ" comes out as "ة" or "ۀ", and the Arabic
  script model reads Urdu look-alikes (ہ ھ ۂ) and Arabic ي/ك in Dari words;
* bidi controls (LRM, RLM, embeddings), zero-width joiners, tatweel (kashida) and ZWNJ
  where no ZWNJ can be seen (beside a space or after a letter that never joins forward);
* presentation forms and ligatures (ﻻ, ﬁ) instead of letters; isolated marks of dust.

Never touched: the Pashto letters ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ, whatever the language of the
page, Pashto's ي in Pashto text (Dari has no ي: there it is a misread ی, one shape in the
middle of a word), and a ZWNJ that stands where it changes the shapes drawn.
"""

from __future__ import annotations

import re
import unicodedata

from ganjina.text.normal_forms import normalize

ZWNJ = "\u200c"
#: bidi controls, ZWJ, tatweel, BOM: never visible in a scan, so never the author's text
_NOISE = dict.fromkeys(
    map(
        ord,
        "\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff\u0640",
    )
)
_PRESENTATION = re.compile("[\ufb00-\ufb06\ufb50-\ufdff\ufe70-\ufefc]")
#: letters that never join the letter after them: a ZWNJ after one cannot be seen
_RIGHT_JOINING = set("آأؤإادذرزژوۇۈۋةۀړډږۍ")
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")

#: look-alikes that belong to neither Dari nor Pashto (Urdu forms the script model reads)
_FOREIGN = str.maketrans(
    {"ہ": "ه", "ھ": "ه", "ە": "ه", "ۂ": "هٔ", "ۃ": "ة", "ك": "ک", "ٹ": "ټ", "ڈ": "ډ"}
)
#: a bar touching an Arabic letter is the alef it looks like
_BAR_AS_ALEF = re.compile(
    "\\|(?=[\u0621-\u064a\u067e-\u06d3])|(?<=[\u0621-\u064a\u067e-\u06d3])\\|"
)
#: an Arabic-Indic five inside a word is the isolated heh it looks like
_FIVE_AS_HEH = re.compile(
    "(?<=[\u0621-\u064a\u067e-\u06d3])\u0665|\u0665(?=[\u0621-\u064a\u067e-\u06d3])"
)
#: and in Dari only: Arabic yeh (medial ي and ی are one shape), Arabic-Indic digits
_DARI = str.maketrans(
    {"ي": "ی", "ى": "ی", "ۀ": "هٔ", **{chr(0x660 + d): chr(0x6F0 + d) for d in range(10)}}
)
_DARI_TEH_MARBUTA = re.compile("ة(?![\u0621-\u064a\u066e-\u06d3])")
#: the hamza of "هٔ" read as a tanwin (the Persian model has no hamza above; it gives the
#: nearest mark it knows, ٌ or ً, sometimes with a hamza too): Dari writes no tanwin on heh
_DARI_HEH_TANWIN = re.compile("[هة][\u064b\u064c\u0654]*[\u064b\u064c][\u0654]?")
#: a word's last heh read twice, as teh marbuta and as heh with its hamza (``نامةهٌ`` for
#: ``نامهٔ``): no Dari word has ة before a heh
_DARI_HEH_TWICE = re.compile("[ةۀ](?=ۀ|ه[\u064b\u064c\u0654])")
_STRAY_MARK = re.compile(r"(?:(?<=\s)|^)[\u064b-\u065f\u0670]+")
#: a tanwin before a letter that goes on (``مأًخذ``): tanwin ends a word, on its last letter
#: or before a last alef (``تقریباً``, ``تقریبًا``), so one inside a word is dust read as a mark
_INNER_TANWIN = re.compile(
    "[\u064b-\u064d](?=[\u0621-\u064a\u066e-\u06d3])(?![اى](?![\u0621-\u064a\u066e-\u06d3]))"
)


def fold_forms(text: str) -> str:
    """Presentation forms and ligatures to the letters they draw; noise controls out."""
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_NOISE)


def clean_zwnj(text: str) -> str:
    """Keep a ZWNJ only between a letter that joins forward and another letter: anywhere
    else it changes nothing on the page, so an OCR engine cannot have seen it."""
    if ZWNJ not in text:
        return text
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == ZWNJ:
            before = out[-1] if out else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            seen = (
                _ARABIC_LETTER.match(before) is not None
                and before not in _RIGHT_JOINING
                and _ARABIC_LETTER.match(after) is not None
            )
            if not seen:
                continue
        out.append(ch)
    return "".join(out)


def fold_lookalikes(text: str, language: str) -> str:
    """Letters of other Arabic-script languages that a model put in a Dari or Pashto word.

    >>> fold_lookalikes("هفتة", "fa")
    'هفتهٔ'
    >>> fold_lookalikes("گفتهٌ", "fa")  # the hamza read as a tanwin
    'گفتهٔ'
    >>> fold_lookalikes("هفته‌نامةهٌ", "fa")  # and the heh read twice
    'هفته‌نامهٔ'
    >>> fold_lookalikes("ښځي", "ps")  # Pashto letters, Pashto ي: kept
    'ښځي'
    """
    text = _FIVE_AS_HEH.sub("ه", text.translate(_FOREIGN))
    text = _BAR_AS_ALEF.sub("ا", text)
    if language == "fa":
        text = _DARI_HEH_TANWIN.sub("هٔ", _DARI_HEH_TWICE.sub("", text).translate(_DARI))
        text = _DARI_TEH_MARBUTA.sub("هٔ", text)
    return text


#: ten Persian digits standing alone, the third and sixth of them zeros: ``۰۵۰۰۶۰۲۰۲۳``
_DOTS_AS_ZEROS = re.compile("(?<![۰-۹.])([۰-۳][۰-۹])۰([۰۱][۰-۹])۰([۱۲][۰-۹]{3})(?![۰-۹.])")
_PLAUSIBLE_YEARS = ((1300, 1499), (1900, 2099))


def _dots_for_zeros(m: re.Match[str]) -> str:
    """``dd۰mm۰yyyy`` is ``dd.mm.yyyy`` where day, month and year are a date: in many Naskh
    fonts the full stop between the digits is drawn as the Persian zero is, a dot at the
    digits' middle, so neither the ink nor the model can tell them apart there; a ten-digit
    number of that shape is the portal's date notation (a phone number starts ``07``, its
    third digit no zero)."""
    day, month, year = (int(g) for g in m.groups())  # int() reads Persian digits
    if 1 <= day <= 31 and 1 <= month <= 12 and any(a <= year <= b for a, b in _PLAUSIBLE_YEARS):
        return f"{m.group(1)}.{m.group(2)}.{m.group(3)}"
    return m.group(0)


def clean_text(text: str, language: str) -> str:
    """One OCR line's text, cleaned (``language``: "fa", "ps", "en", "de" or "")."""
    text = fold_forms(normalize("NFC", text))
    if language in ("fa", "ps"):
        text = fold_lookalikes(text, language)
        text = _INNER_TANWIN.sub("", _STRAY_MARK.sub("", text))
        text = _DOTS_AS_ZEROS.sub(_dots_for_zeros, text)
    text = clean_zwnj(text)
    return " ".join(text.split())


def restore_commas(lines: list[str]) -> list[str]:
    """Turn each closing guillemet that closes nothing into the Arabic comma it was.

    Persian and Pashto models have no "،", so they read it as the nearest shape they know,
    "»". Quotes open with "«" first, so a "»" with no open quote before it, counted over the
    page's lines in reading order, is a comma.

    >>> restore_commas(["گفت» «ما می‌رویم» و رفت»"])
    ['گفت، «ما می‌رویم» و رفت،']
    """
    depth = 0
    out: list[str] = []
    for line in lines:
        chars = list(line)
        for i, ch in enumerate(chars):
            if ch == "«":
                depth += 1
            elif ch == "»":
                if depth:
                    depth -= 1
                else:
                    chars[i] = "،"
        out.append("".join(chars))
    return out


#: the commonest short words of Dari and Pashto that do not read the same backwards: a
#: page whose lines hold them reversed was printed in visual order (a generator without
#: bidi support draws the letters of a line left to right, unjoined)
_COMMON_WORDS = frozenset(
    (
        *("در", "از", "به", "که", "را", "با", "است", "این", "آن", "برای", "یک", "شد", "می"),
        *("تا", "کرد", "دو", "هم"),
        *("په", "کې", "چې", "له", "ته", "دا", "یو", "دي", "دی", "شو", "وو", "نه", "لپاره"),
        *("سره", "وي", "کړي"),
    )
)
_ARABIC_WORD = re.compile("[\u0600-\u06ff]")
#: reversed text turns its brackets the wrong way: turn them back (not guillemets: an OCR
#: "»" may be a comma, which restore_commas mends after the reversal)
_MIRRORED = str.maketrans("()[]", ")(][")


def printed_backwards(lines: list[str], earlier: bool = False) -> bool:
    """Whether the page's Arabic-script words read as common words only when reversed
    (``earlier``: an earlier page of the document was printed so; less evidence will do)."""
    forward = backward = 0
    for line in lines:
        for word in line.split():
            core = word.strip(".,،:;!?»«()")
            if not core or not _ARABIC_WORD.search(core):
                continue
            forward += core in _COMMON_WORDS
            backward += core[::-1] in _COMMON_WORDS
    if earlier:
        return backward > forward
    return backward >= 2 and backward > 2 * forward


def reverse_arabic_runs(text: str) -> str:
    """A line printed in visual order put in logical order: each run of Arabic-script
    words reversed, letter by letter; Latin words and their order are left alone.

    >>> reverse_arabic_runs("یپس وا اوغ and more")
    'غوا او سپی and more'
    """
    words = text.split()
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if word and _ARABIC_WORD.search(word):
            run.append(word)
            continue
        if run:
            out.append(" ".join(run)[::-1].translate(_MIRRORED))
            run = []
        if word:
            out.append(word)
    return " ".join(out)
