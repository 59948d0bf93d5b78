"""Glyphs that have no text mapping, read from their picture and checked by their words.

Some producers embed a font subset whose ``ToUnicode`` map leaves glyphs out: XeLaTeX
with the XB fonts maps no final ``ی``, no medial ``ک`` or ``گ``, so every extractor
prints ``افق`` for ``افقی`` and ``دانشاه`` for ``دانشگاه`` (2–3 % of the letters of such
a thesis). The glyph still stands on the page, and a glyph id means the same letter
every time a font draws it. So for each unmapped (font, glyph id) a few of the words it
stands in are rendered and read by Tesseract (one line each, in-process), and a reading
counts only where it agrees with every letter of the word that *is* mapped — the gap is
then the only thing the reading adds. The letter is taken for the glyph when the
readings agree (two at least where the glyph occurs more than once, no dissent above a
quarter), and then for all its uses in the document.

Nothing comes from a word list; a glyph whose words give no agreeing reading stays out,
as before, with the warning that says so. Only Arabic-script words are read (the
unmapped glyphs of icon fonts stand alone, with no letters to check a reading against).
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from ganjina.errors import OcrUnavailable
from ganjina.read.pdf_glyphs import TATWEEL_WIDTH, Glyph, PageGlyphs
from ganjina.text.keys import PASHTO_LETTERS
from ganjina.text.normal_forms import normalize

UNMAPPED = "\ufffd"
#: words read per unmapped glyph, at most (the votes)
READS_PER_GLYPH = 8
#: unmapped glyphs read per document, at most (a bound on the OCR work)
MAX_GLYPHS = 64
#: the longest word read (a longer run is no word, and the check is over its letters)
MAX_WORD = 24
#: share of dissenting readings above which a glyph stays unread
MAX_DISSENT = 0.25
#: resolution of the pictures read (Tesseract reads best at about 300 dpi)
DPI = 300
_ARABIC = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")
# letters a reading may spell one way and the file another: compared folded
_FOLD = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ە": "ه", "أ": "ا", "إ": "ا"}
)
_MARKS = re.compile("[\u064b-\u065f\u0670\u0654\u0655]")


@dataclass
class _Use:
    """One word an unmapped glyph stands in: its glyphs left to right, its page, and
    the word in reading order as a reading is checked against (``_pattern``)."""

    page: int
    glyphs: list[Glyph]
    parts: list[str | tuple[int, int]]

    @property
    def known(self) -> int:
        """How many of the word's letters are mapped: what a reading is checked by."""
        return sum(isinstance(p, str) for p in self.parts)


@dataclass
class Recovered:
    """What was read: the letter of each (font, glyph id), and how many glyphs it filled."""

    letters: dict[tuple[int, int], str] = field(default_factory=dict)
    filled: int = 0


def _unmapped(glyph: Glyph) -> bool:
    # a narrower one is a tatweel LibreOffice drew to justify a line, not a letter
    return glyph.text == UNMAPPED and glyph.width >= TATWEEL_WIDTH * glyph.size


def _words(pages: dict[int, PageGlyphs]) -> dict[tuple[int, int], list[_Use]]:
    """Every word holding an unmapped glyph, by the glyph's (font, id)."""
    uses: dict[tuple[int, int], list[_Use]] = collections.defaultdict(list)
    for number, page in pages.items():
        if not page.unmapped:
            continue  # the page counted none as it read them (most pages)
        for line in page.lines:
            if not any(_unmapped(g) for g in line.glyphs):
                continue
            ordered = sorted((g for g in line.glyphs if not g.invisible), key=lambda g: g.x0)
            start = 0
            for i in range(1, len(ordered) + 1):
                end_of_word = i == len(ordered) or _gap(ordered[i - 1], ordered[i])
                if not end_of_word:
                    continue
                word = ordered[start:i]
                start = i
                if len(word) > MAX_WORD:
                    continue
                use = _Use(number, word, _pattern(word))
                for key in {(g.font, g.gid) for g in word if _unmapped(g)}:
                    uses[key].append(use)
    return uses


def _gap(left: Glyph, right: Glyph) -> bool:
    """Whether a word ends between two glyphs side by side (a space, or room for one)."""
    if not left.text.strip() or not right.text.strip():
        return True
    return right.x0 - left.x1 > 0.15 * max(left.size, right.size)


def _letters(text: str) -> str:
    return _MARKS.sub("", normalize("NFKC", text)).translate(_FOLD)


def _pattern(word: list[Glyph]) -> list[str | tuple[int, int]]:
    """The word in reading order (right to left), a known letter as itself and an
    unmapped glyph as its (font, id)."""
    parts: list[str | tuple[int, int]] = []
    for glyph in reversed(word):
        if _unmapped(glyph):
            parts.append((glyph.font, glyph.gid))
        else:
            # a ZWNJ or a tatweel's stray text is nothing a reading shows
            parts.extend(ch for ch in _letters(glyph.text) if _ARABIC.fullmatch(ch))
    return parts


def _fit(parts: list[str | tuple[int, int]], read: str) -> dict[tuple[int, int], str] | None:
    """The letters a reading puts in the gaps of a word, if it agrees with every known
    letter; a single gap may take up to three letters (a ligature glyph)."""
    gaps = [p for p in parts if isinstance(p, tuple)]
    spare = len(read) - len(parts)
    if not gaps or spare < 0 or spare > (2 if len(gaps) == 1 else 0):
        return None
    found: dict[tuple[int, int], str] = {}
    at = 0
    for part in parts:
        if isinstance(part, tuple):
            take = 1 + spare
            piece = read[at : at + take]
            at += take
            if not _ARABIC.fullmatch(piece[0]) or found.get(part, piece) != piece:
                return None
            found[part] = piece
        else:
            if read[at : at + 1] != part:
                return None
            at += 1
    return found if at == len(read) else None


#: how a word is read, tried in turn until a reading fits: (vertical margin in font
#: sizes, Tesseract page segmentation: 7 one line, 8 one word). Dots and marks stand
#: outside a glyph's box in some fonts, and neither mode reads every word.
_ATTEMPTS = ((0.3, 7), (0.3, 8), (0.0, 7))


class _Reader:
    """Tesseract on one word's picture (loaded engines, one picture at a time)."""

    def __init__(self, doc: pymupdf.Document, model: str) -> None:
        from PIL import Image

        from ganjina.read.ocr import _engine

        self._doc, self._image = doc, Image
        self._apis: dict[int, Any] = {psm: _engine(model, psm) for _, psm in _ATTEMPTS}

    def fit(self, use: _Use) -> dict[tuple[int, int], str] | None:
        """The letters of the word's unmapped glyphs, from the first reading that agrees
        with its known letters."""
        if not use.known:
            return None  # no letter to check a reading against (an icon, a symbol)
        for margin, psm in _ATTEMPTS:
            fitted = _fit(use.parts, self._read(use, margin, psm))
            if fitted:
                return fitted
        return None

    def _read(self, use: _Use, margin: float, psm: int) -> str:
        word = use.glyphs
        pad = margin * max(g.size for g in word)
        box = pymupdf.Rect(
            min(g.x0 for g in word) - 1, min(g.top for g in word) - pad,
            max(g.x1 for g in word) + 1, max(g.bottom for g in word) + pad,
        )  # fmt: skip
        pix = self._doc[use.page].get_pixmap(clip=box, dpi=DPI, colorspace=pymupdf.csGRAY)
        if pix.width < 2 or pix.height < 2:
            return ""
        picture = self._image.frombytes("L", (pix.width, pix.height), pix.samples)
        # a white margin: Tesseract misreads letters that touch the picture's edge
        framed = self._image.new("L", (pix.width + 40, pix.height + 40), 255)
        framed.paste(picture, (20, 20))
        api = self._apis[psm]
        api.SetImage(framed)
        text = api.GetUTF8Text()
        return "".join(ch for ch in _letters(text) if _ARABIC.fullmatch(ch))


def _document_form(letter: str, counts: collections.Counter[str]) -> str:
    """The letter as the document itself writes it where a reading may spell it another
    way (Tesseract's Persian model reads ``ی`` and ``ک``; an Arabic text writes ``ي``)."""
    twin = {"ی": "ي", "ک": "ك"}.get(letter)
    return twin if twin and counts[twin] > counts[letter] else letter


def _letter_counts(pages: dict[int, PageGlyphs]) -> collections.Counter[str]:
    """How often the document's mapped glyphs write each Arabic-script letter."""
    counts: collections.Counter[str] = collections.Counter()
    for page in pages.values():
        for line in page.lines:
            counts.update(ch for g in line.glyphs for ch in g.text if _ARABIC.fullmatch(ch))
    return counts


def _model(counts: collections.Counter[str]) -> str:
    """Persian's model, or Pashto's where the document's letters are Pashto."""
    from ganjina.read.ocr import PASHTO_SHARE, model_for

    pashto = sum(counts[ch] for ch in PASHTO_LETTERS)
    return model_for("ps" if pashto > PASHTO_SHARE * counts.total() else "fa")


def _vote(readings: list[str], occurrences: int) -> str | None:
    if not readings:
        return None
    letter, agreeing = collections.Counter(readings).most_common(1)[0]
    if occurrences > 1 and agreeing < 2:
        return None
    if len(readings) - agreeing > MAX_DISSENT * len(readings):
        return None
    return letter


def recover(doc: pymupdf.Document, pages: dict[int, PageGlyphs]) -> Recovered:
    """Read the document's unmapped glyphs from their pictures, where their words confirm
    the reading, and put the letters in the glyphs. ``pages``: page index → its glyphs."""
    result = Recovered()
    uses = _words(pages)
    if not any(use.known for found in uses.values() for use in found):
        return result  # nothing to read (an icon font's glyphs), no engine to load
    counts = _letter_counts(pages)
    try:
        reader = _Reader(doc, _model(counts))
    except (OcrUnavailable, ImportError):
        return result  # no Tesseract here: the glyphs stay out, as the warning says
    ranked = sorted(uses.items(), key=lambda kv: -len(kv[1]))[:MAX_GLYPHS]
    for key, found in ranked:
        # the words with most known letters first: the strongest check of a reading
        sample = sorted(found, key=lambda use: -use.known)[:READS_PER_GLYPH]
        readings = [fitted[key] for fitted in map(reader.fit, sample) if fitted and key in fitted]
        letter = _vote(readings, len(found))
        if letter is not None:
            result.letters[key] = "".join(_document_form(ch, counts) for ch in letter)
    for page in pages.values():
        for glyph in (g for line in page.lines for g in line.glyphs if _unmapped(g)):
            filled = result.letters.get((glyph.font, glyph.gid))
            if filled is not None:
                glyph.text = filled
                result.filled += 1
                page.unmapped -= 1
    return result
