"""What a whole PDF says about its own text layer: mirrored brackets, lost ZWNJ, U+06D5.

Some facts about a text layer cannot be read off one line but can off the document:

* **Brackets in right-to-left runs.** A right-to-left run draws ``(`` with the glyph of
  ``)``. XeLaTeX's text layer names the glyph it drew (so the bracket must be mirrored
  back); Word's names the character the author typed. A line whose brackets pair up
  one way and not the other says which; lines that cannot tell follow the document.
* **Lost ZWNJ.** A zero-width non-joiner has no glyph; many producers (Word, Typst) leave
  nothing of it in the text layer. But the letter before it was drawn in its final or
  isolated form and the letter after it in its initial or isolated form, and a font draws
  each form with a glyph of its own. Across the document every glyph shows whether it
  connects to the next letter: a glyph that stands at the end of words is a non-joining
  form. Where such a glyph of a dual-joining letter stands right before a letter whose
  glyph starts words, with no gap between them, the author's ZWNJ stood there and is put
  back. Nothing is taken from a word list: a ZWNJ appears only where the file's glyphs
  show a break inside a word.
* **U+06D5.** Some fonts map heh in its final form to U+06D5 (Kurdish ae); in Persian
  and Pashto text that is a mapping defect: read as ``ه``, followed by a ZWNJ where a
  letter follows.
* **One letter split by its forms.** Some fonts name the final and isolated forms of
  Persian yeh or keheh with the Arabic letter (``ي``, ``ك``), the other forms with the
  Persian one. Where, across the whole document, the Arabic letter stands only at the ends
  of words and the Persian one never does, and no Pashto letter shows (Pashto writes
  ``ي`` as a letter of its own), they are one letter: read as the Persian one.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ganjina.read.bidi import ZWNJ, mirror
from ganjina.read.joining import (
    form_joins_next,
    form_joins_previous,
    joins_next,
    joins_previous,
    presentation_form,
)
from ganjina.read.pdf_line import BuiltLine, Unit
from ganjina.text.normal_forms import normalize

_OPENERS = "([{<«‹"
_CLOSERS = ")]}>»›"
_KURDISH_AE = "\u06d5"
#: Arabic letter → the Persian letter a font may split it from by form
_SPLIT_LETTERS = {"\u064a": "\u06cc", "\u0643": "\u06a9"}
_PASHTO_LETTERS = frozenset("ټډړږښګڼځڅېۍ")


def _with_forms(letters: frozenset[str]) -> frozenset[str]:
    """The letters and their presentation forms (a font may name a glyph either way)."""
    forms = (chr(cp) for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)])
    return letters | {ch for ch in forms if presentation_form(ch)[0] in letters}


_SPLIT_ANY = _with_forms(frozenset(_SPLIT_LETTERS) | frozenset(_SPLIT_LETTERS.values()))
#: a Pashto letter or one of its presentation forms
_PASHTO_ANY = _with_forms(_PASHTO_LETTERS)
# the share of exceptions a split may show (a stray glyph from another font)
_SPLIT_NOISE = 0.02
# A glyph is shown to be a non-joining form when it stands at a break (the end of a word
# for the letter before, the start for the letter after) at least twice and in this
# share of its uses; weaker evidence counts only when both letters of a pair show it.
_STRONG_SHARE = 0.6
_WEAK_SHARE = 0.2
# a font whose glyphs would put a ZWNJ between this share of all its letter pairs does not
# shape at all (every letter drawn on its own): its glyph forms prove nothing
_MAX_BREAK_RATE = 0.15


def _pairs(text: str) -> int:
    """How many bracket pairs open before they close."""
    stack: list[str] = []
    pairs = 0
    for ch in text:
        if ch in _OPENERS:
            stack.append(ch)
        elif ch in _CLOSERS and stack:
            if _OPENERS.index(stack[-1]) == _CLOSERS.index(ch):
                pairs += 1
            stack.pop()
    return pairs


_BRACKETS = frozenset(_OPENERS + _CLOSERS)


def _odd_brackets(line: BuiltLine) -> list[int]:
    """The units of a line at a right-to-left level that hold a bracket."""
    if line.odd_brackets is None:
        line.odd_brackets = [
            k for k, u in enumerate(line.units) if u.level % 2 and not _BRACKETS.isdisjoint(u.text)
        ]
    return line.odd_brackets


#: below this code point no character joins (``joining.is_joining_letter``: the Arabic
#: block starts here; presentation forms stand higher)
_FIRST_JOINING = "\u0620"


@functools.lru_cache(maxsize=8192)
def _joining(text: str) -> tuple[bool, bool]:
    """Of a unit's text: whether its first letter can join the letter before, and its
    last the letter after (cached: glyph texts repeat through a document)."""
    if not text:
        return False, False
    first = presentation_form(text[0])[0][:1]
    last = presentation_form(text[-1])[0][-1:]
    return joins_previous(first), joins_next(last)


@dataclass
class DocumentEvidence:
    """Collects evidence line by line (:meth:`observe`), then writes each line's text."""

    mirror_votes: int = 0
    #: per (font, glyph): how often it ends a word / is followed by a letter
    breaks_after: Counter[tuple[int, int]] = field(default_factory=Counter)
    letters_after: Counter[tuple[int, int]] = field(default_factory=Counter)
    breaks_before: Counter[tuple[int, int]] = field(default_factory=Counter)
    letters_before: Counter[tuple[int, int]] = field(default_factory=Counter)
    #: adjacent letters with no break between them, per font: (glyph, glyph, letter, letter)
    pairs: dict[int, list[tuple[tuple[int, int], tuple[int, int], str, str]]] = field(
        default_factory=dict
    )
    #: the pairs the evidence shows a ZWNJ between, once decided
    _breaks: set[tuple[tuple[int, int], tuple[int, int], str, str]] | None = None
    #: ZWNJ the text layer itself carries: a producer that writes them lost none
    explicit_zwnj: int = 0
    #: how many ZWNJ were put back, and how many U+06D5 read as heh
    zwnj_restored: int = 0
    kurdish_ae: int = 0
    #: per letter: how often it ends a word and how often it does not
    ends_word: Counter[str] = field(default_factory=Counter)
    #: of those, the word ends in final form (after a letter that joins the next)
    ends_joined: Counter[str] = field(default_factory=Counter)
    inside_word: Counter[str] = field(default_factory=Counter)
    pashto_letters: int = 0
    #: the Arabic letters read as their Persian partner, once decided, and how often
    _unsplit: dict[str, str] | None = None
    letters_unsplit: int = 0

    def observe(self, line: BuiltLine) -> None:
        units = line.units
        # the whole line's text first: most lines hold no bracket, no Pashto letter and
        # no letter a font may split, and need no unit-by-unit look for them
        text = "".join([u.text for u in units])
        if _BRACKETS.isdisjoint(text):
            line.odd_brackets = []
        self._vote_brackets(line)
        if not (_PASHTO_ANY.isdisjoint(text) and _SPLIT_ANY.isdisjoint(text)):
            self._count_forms(units)
        self.explicit_zwnj += text.count(ZWNJ)
        if not text or max(text) < _FIRST_JOINING:
            return  # no Arabic-script letter: no unit joins or breaks (a Latin line)
        n = len(units)
        joining = [_joining(u.text) for u in units]
        for k, unit in enumerate(units):
            if unit.space or unit.gid < 0:
                continue
            key = (unit.font, unit.gid)
            joined_before, joins_after = joining[k]
            if joins_after:
                nxt = units[k + 1] if k + 1 < n else None
                if nxt is not None and not nxt.space and joining[k + 1][0]:
                    self.letters_after[key] += 1
                    if nxt.gid >= 0 and not unit.text.endswith(ZWNJ) and nxt.text[0] != ZWNJ:
                        pair = (key, (nxt.font, nxt.gid), unit.text[-1], nxt.text[0])
                        self.pairs.setdefault(unit.font, []).append(pair)
                else:
                    self.breaks_after[key] += 1
            if joined_before:
                prev = units[k - 1] if k > 0 else None
                if prev is not None and not prev.space and joining[k - 1][1]:
                    self.letters_before[key] += 1
                else:
                    self.breaks_before[key] += 1

    def _count_forms(self, units: list[Unit]) -> None:
        """Where the letters that fonts may split by form stand: at a word's end or not."""
        n = len(units)
        for k, unit in enumerate(units):
            if unit.space:
                continue
            text = unit.text
            if not _PASHTO_ANY.isdisjoint(text):
                self.pashto_letters += sum(ch in _PASHTO_ANY for ch in text)
            if _SPLIT_ANY.isdisjoint(text):
                continue
            # a glyph named by its presentation form counts as its letter: a font that
            # names its inner yeh U+FBFF and its final one U+064A splits them all the same
            if max(text) >= "\ufb50":
                text = "".join([presentation_form(ch)[0] for ch in text])
            for i, ch in enumerate(text):
                if ch not in _SPLIT_LETTERS and ch not in _SPLIT_LETTERS.values():
                    continue
                after = text[i + 1] if i + 1 < len(text) else None
                if after is None and k + 1 < n and not units[k + 1].space:
                    after = units[k + 1].text[:1]
                if after is not None and unicodedata.category(after).startswith("L"):
                    self.inside_word[ch] += 1
                else:
                    self.ends_word[ch] += 1
                    before = text[i - 1] if i else None
                    if before is None and k and not units[k - 1].space:
                        before = units[k - 1].text[-1:]
                    if before and joins_next(before):
                        self.ends_joined[ch] += 1

    def unsplit(self) -> dict[str, str]:
        """The Arabic letters this document's fonts split from a Persian letter."""
        if self._unsplit is None:
            self._unsplit = {}
            if not self.pashto_letters:
                for arabic, persian in _SPLIT_LETTERS.items():
                    finals = self.ends_word[arabic]
                    inner = self.inside_word[persian]
                    if (
                        finals
                        and inner
                        and self.inside_word[arabic] <= _SPLIT_NOISE * finals
                        and self._forms_apart(arabic, persian)
                    ):
                        self._unsplit[arabic] = persian
        return self._unsplit

    def _forms_apart(self, arabic: str, persian: str) -> bool:
        """Whether the Persian letter never ends a word in a form the Arabic one is drawn
        in: a font may name its final form, or only its isolated one, with the Arabic
        letter, and the other forms with the Persian one."""
        joined = (self.ends_joined[arabic], self.ends_joined[persian])
        alone = (self.ends_word[arabic] - joined[0], self.ends_word[persian] - joined[1])
        allowed = _SPLIT_NOISE * self.inside_word[persian]
        for arabic_uses, persian_uses in (joined, alone):
            if arabic_uses > _SPLIT_NOISE * self.ends_word[arabic] and persian_uses > allowed:
                return False
        return True

    def _vote_brackets(self, line: BuiltLine) -> None:
        odd = _odd_brackets(line)
        if not odd:
            return
        units = line.units
        plain = "".join(units[k].text for k in odd)
        mirrored = mirror(plain)
        self.mirror_votes += (_pairs(mirrored) > _pairs(plain)) - (_pairs(plain) > _pairs(mirrored))

    @staticmethod
    def _shown(breaks: int, letters: int) -> str:
        """How strongly a glyph's uses show it to be a non-joining form."""
        total = breaks + letters
        if breaks >= 2 and breaks >= _STRONG_SHARE * total:
            return "strong"
        if breaks >= 1 and breaks >= _WEAK_SHARE * total:
            return "weak"
        return "no"

    def _break_shown(
        self, a: tuple[int, int], b: tuple[int, int], ca: str, cb: str
    ) -> tuple[bool, bool]:
        """Whether a break between the two glyphs is shown by either side's evidence, and
        whether by both. Both letters must show it for a ZWNJ to be put back: the one
        before in a form that ends words and the one after in a form that starts them.
        One side alone is no evidence: a font may draw two forms of a letter with one
        glyph (Vazirmatn's final and isolated waw, Amiri's contextual forms), which then
        "starts words" after every letter that joins it."""
        after = form_joins_next(ca)
        before = form_joins_previous(cb)
        if after is not None or before is not None:  # a presentation form says it outright
            outright = after is False or before is False
            return outright, outright
        shown_a = self._shown(self.breaks_after[a], self.letters_after[a])
        shown_b = self._shown(self.breaks_before[b], self.letters_before[b])
        either = "strong" in (shown_a, shown_b) or (shown_a == shown_b == "weak")
        return either, either and "no" not in (shown_a, shown_b)

    def decide(self) -> None:
        """Decide, from everything observed, which letter pairs had a ZWNJ between them."""
        breaks: set[tuple[tuple[int, int], tuple[int, int], str, str]] = set()
        if self.explicit_zwnj:
            self._breaks = breaks  # the producer writes ZWNJ: none was lost
            return
        for pairs in self.pairs.values():
            # a font whose glyphs would break too many pairs, by either side's evidence,
            # draws no forms of their own to go by; otherwise both sides must show a break
            shown = {p: self._break_shown(*p) for p in set(pairs)}
            hits = sum(1 for p in pairs if shown[p][0])
            if hits <= _MAX_BREAK_RATE * len(pairs):
                breaks |= {p for p, (_, both) in shown.items() if both}
        self._breaks = breaks

    def text(self, line: BuiltLine, *, persian: bool) -> str:
        """The line's text with the document's decisions applied."""
        units = line.units
        odd = set(_odd_brackets(line))
        if odd:
            plain = "".join(units[k].text for k in sorted(odd))
            mirrored = mirror(plain)
            if _pairs(mirrored) != _pairs(plain):
                flip = _pairs(mirrored) > _pairs(plain)
            else:
                flip = self.mirror_votes > 0
        else:
            flip = False
        unsplit = self.unsplit().items()
        if not (flip or unsplit):
            whole = "".join([u.text for u in units])
            if self._breaks is None:
                self.decide()
            if not self._breaks and not (persian and _KURDISH_AE in whole):
                # nothing to change in any unit, nothing to put between two (most lines)
                return normalize("NFC", " ".join(whole.split()))
        out: list[str] = []
        n = len(units)
        for k, unit in enumerate(units):
            text = mirror(unit.text) if flip and k in odd else unit.text
            for arabic, persian_letter in unsplit:
                if arabic in text:
                    self.letters_unsplit += text.count(arabic)
                    text = text.replace(arabic, persian_letter)
            if persian and _KURDISH_AE in text:
                self.kurdish_ae += text.count(_KURDISH_AE)
                followed = k + 1 < n and not units[k + 1].space
                text = text.replace(_KURDISH_AE, "ه" + (ZWNJ if followed else ""))
            out.append(text)
            if k + 1 < n and self._lost_zwnj(unit, units[k + 1]):
                out.append(ZWNJ)
                self.zwnj_restored += 1
        joined = " ".join("".join(out).split())
        return normalize("NFC", joined)

    def _lost_zwnj(self, unit: Unit, nxt: Unit) -> bool:
        if unit.space or nxt.space or unit.gid < 0 or nxt.gid < 0 or not unit.text:
            return False
        if self._breaks is None:
            self.decide()
        assert self._breaks is not None
        if not self._breaks:
            return False
        pair = ((unit.font, unit.gid), (nxt.font, nxt.gid), unit.text[-1], nxt.text[0])
        return pair in self._breaks
