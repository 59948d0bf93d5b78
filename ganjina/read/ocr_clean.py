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

Never touched: the Pashto letters ټ ډ ړ ږ ښ ګ ڼ ې ۍ ځ څ and Pashto's ي, whatever the
language of the page, and a ZWNJ that stands where it changes the shapes drawn.
"""

from __future__ import annotations

import re
import unicodedata

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
_FOREIGN = str.maketrans({"ہ": "ه", "ھ": "ه", "ۂ": "هٔ", "ۃ": "ة", "ك": "ک", "ٹ": "ټ", "ڈ": "ډ"})
#: and in Dari only: Arabic yeh (medial ي and ی are one shape), Arabic-Indic digits
_DARI = str.maketrans(
    {"ي": "ی", "ى": "ی", "ۀ": "هٔ", **{chr(0x660 + d): chr(0x6F0 + d) for d in range(10)}}
)
_DARI_TEH_MARBUTA = re.compile("ة(?![\u0621-\u064a\u066e-\u06d3])")
_STRAY_MARK = re.compile(r"(?:(?<=\s)|^)[\u064b-\u065f\u0670]+")


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
    >>> fold_lookalikes("ښځي", "ps")  # Pashto letters, Pashto ي: kept
    'ښځي'
    """
    text = text.translate(_FOREIGN)
    if language == "fa":
        text = _DARI_TEH_MARBUTA.sub("هٔ", text.translate(_DARI))
    return text


def clean_text(text: str, language: str) -> str:
    """One OCR line's text, cleaned (``language``: "fa", "ps", "en", "de" or "")."""
    text = fold_forms(unicodedata.normalize("NFC", text))
    if language in ("fa", "ps"):
        text = fold_lookalikes(text, language)
        text = _STRAY_MARK.sub("", text)
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
