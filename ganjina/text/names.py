"""Names across scripts: ``Mazar-i-Sharif`` ↔ ``مزار شریف``, ``Khalilzad`` ↔ ``خلیلزاد``.

A small API over two kinds of knowledge:

* **the table** (``gazetteer.py``): Afghan provinces, cities, districts and places, and
  common parts of people's names, each with its common English and other Latin
  spellings, its ALA-LC romanisation and its Dari and Pashto spellings. Name parts
  compose with name endings (Rahim + zai = Rahimzai = رحیم‌زی);
* **the romanisation rules** (:data:`LETTERS`): for a name the table does not know, a
  Latin spelling gives a pattern of the Arabic-script spellings it can stand for
  (``Tawana`` → ت/ط/ټ, ا optional, و, …); :func:`arabic_pattern` turns it into a
  regular expression over search keys (classes and optional letters only, so matching
  is linear) and :func:`matches_pattern` checks a key against it without any regex.

Both scripts are compared through the text layer's search keys, so ``مزارشریف`` and
``مزار‌شریف`` and ``Mazar-e Sharif`` and ``mazar i sharif`` are each one lookup.

    >>> sorted(variants_of("Herat"))[:4]
    ['Harat', 'Harāt', 'Herat', 'Hirat']
    >>> same_name("Qandahar", "کندهار"), same_name("Khalilzad", "خلیل‌زاد")
    (True, True)
    >>> romanise("مزار شریف"), romanise("خلیلزاد")
    ('Mazār-i Sharīf', 'Khalīlzād')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ganjina.text.canonical import has_arabic_script
from ganjina.text.gazetteer import TABLE
from ganjina.text.keys import tokenize_key

__all__ = [
    "LETTERS",
    "Name",
    "arabic_pattern",
    "lookup",
    "matches_pattern",
    "name_key",
    "romanise",
    "same_name",
    "variants_of",
]

#: Latin connectors of the ezafe (Mazar-i-Sharif, Mazar-e Sharif), dropped from keys
_EZAFE = frozenset({"i", "e", "ye", "yi", "y"})


@dataclass(frozen=True)
class Name:
    """One entry of the table (or one composed from a part and an ending)."""

    kind: str
    latin: tuple[str, ...]
    ala_lc: str
    arabic: tuple[str, ...]

    @property
    def english(self) -> str:
        """The common English spelling."""
        return self.latin[0]

    def spellings(self) -> tuple[str, ...]:
        """Every spelling, Latin first, the ALA-LC form among them."""
        return tuple(dict.fromkeys((*self.latin, self.ala_lc, *self.arabic)))


def name_key(text: str) -> str:
    """The lookup key of a name in either script: its search-key terms run together,
    ezafe connectors of Latin spellings left out (``Mazar-e Sharif`` → ``mazarsharif``)."""
    toks = tokenize_key(text)
    if not has_arabic_script(text):
        toks = [t for t in toks if t not in _EZAFE] or toks
    return "".join(toks)


def _parse() -> tuple[dict[str, Name], list[Name], list[Name]]:
    by_key: dict[str, Name] = {}
    parts: list[Name] = []
    suffixes: list[Name] = []
    for line in TABLE.strip().splitlines():
        kind, latin, ala, arabic = (cell.strip() for cell in line.split("|"))
        name = Name(
            kind,
            tuple(s.strip() for s in latin.split(",")),
            ala,
            tuple(s.strip() for s in arabic.split(",")),
        )
        if kind == "suffix":
            suffixes.append(name)
            continue
        if kind in ("given", "family"):
            parts.append(name)
        for spelling in name.spellings():
            by_key.setdefault(name_key(spelling), name)
    return by_key, parts, suffixes


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Name], list[Name], list[Name]]:
    return _parse()


@lru_cache(maxsize=4096)
def lookup(text: str) -> Name | None:
    """The table's entry for a name in any of its spellings, or one composed from a
    name part and an ending (``Rahimzai``, ``رحیمزی``); None when unknown."""
    key = name_key(text)
    if len(key) < 2:
        return None
    by_key, parts, suffixes = _table()
    if key in by_key:
        return by_key[key]
    return _composed(key, has_arabic_script(text), parts, suffixes)


def _composed(key: str, arabic: bool, parts: list[Name], suffixes: list[Name]) -> Name | None:
    for suffix in suffixes:
        for end in suffix.arabic if arabic else suffix.latin:
            end_key = name_key(end)
            if not key.endswith(end_key) or len(key) - len(end_key) < 3:
                continue
            head = key[: -len(end_key)]
            for part in parts:
                forms = part.arabic if arabic else part.latin
                if any(name_key(f) == head for f in forms):
                    return Name(
                        "composed",
                        tuple(p + s for p in part.latin for s in suffix.latin),
                        part.ala_lc + suffix.ala_lc,
                        tuple(
                            dict.fromkeys(
                                x
                                for p in part.arabic
                                for s in suffix.arabic
                                for x in (p + s, p + "\u200c" + s)
                            )
                        ),
                    )
    return None


def variants_of(name: str) -> tuple[str, ...]:
    """Every known spelling of ``name`` in both scripts (empty when it is unknown)."""
    found = lookup(name)
    return found.spellings() if found else ()


def same_name(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are spellings of one name: one table entry, or a Latin
    spelling whose romanisation pattern fits the Arabic-script one."""
    if name_key(a) == name_key(b):
        return True
    ea, eb = lookup(a), lookup(b)
    if ea is not None and eb is not None:
        return ea == eb
    latin, arabic = (a, b) if has_arabic_script(b) else (b, a)
    if has_arabic_script(latin) or not has_arabic_script(arabic):
        return False
    slots = latin_slots(name_key(latin))
    return slots is not None and matches_pattern(name_key(arabic), slots)


def romanise(text: str) -> str:
    """The ALA-LC romanisation of an Arabic-script name: the table's form when the name
    is known, else letter by letter (short vowels are not written, so none are guessed)."""
    found = lookup(text)
    if found is not None:
        return found.ala_lc
    words = []
    for word in tokenize_key(text):
        out = "".join(_ROMAN.get(ch, ch) for ch in word)
        words.append(out[:1].upper() + out[1:])
    return " ".join(words)


# -- the romanisation rules ---------------------------------------------------------------
#: ALA-LC (Persian and Pashto tables) for one letter, as a search key holds it
_ROMAN = {
    "ا": "ā", "آ": "ā", "ب": "b", "پ": "p", "ت": "t", "ټ": "ṭ", "ث": "s̱", "ج": "j",
    "چ": "ch", "ځ": "dz", "څ": "ts", "ح": "ḥ", "خ": "kh", "د": "d", "ډ": "ḍ", "ذ": "ẕ",
    "ر": "r", "ړ": "ṛ", "ز": "z", "ژ": "zh", "ږ": "ẓ̄", "س": "s", "ش": "sh", "ښ": "x̱",
    "ص": "ṣ", "ض": "ż", "ط": "ṭ", "ظ": "ẓ", "ع": "ʻ", "غ": "gh", "ف": "f", "ق": "q",
    "ک": "k", "گ": "g", "ګ": "g", "ل": "l", "م": "m", "ن": "n", "ڼ": "ṇ", "و": "ū",
    "ه": "h", "ی": "ī", "ې": "é", "ۍ": "əy", "ء": "ʼ",
}  # fmt: skip

#: Latin letters (or pairs) -> the Arabic-script letters they may stand for in a name
LETTERS: dict[str, str] = {
    "kh": "خ", "sh": "شښ", "ch": "چڅ", "zh": "ژږ", "gh": "غ", "th": "ثت", "dh": "ذد",
    "ph": "ف", "ts": "څ", "dz": "ځ", "b": "ب", "p": "پ", "t": "تطټ", "j": "ج", "h": "هح",
    "d": "دډ", "r": "رړ", "z": "زذضظځ", "s": "سصث", "f": "ف", "q": "قک", "k": "کق",
    "g": "گګ", "l": "ل", "m": "م", "n": "نڼ", "v": "و", "w": "و", "y": "ی", "c": "کس",
    "x": "کس",
}  # fmt: skip
# vowels: (at the start, in the middle, at the end) -> what they may be written as
_VOWELS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "a": (("ا", "آ", "ع"), ("ا", "", "ع"), ("ه", "ا", "ی", "")),
    "e": (("ا", "ای", "ع"), ("ی", "", "ې"), ("ه", "ی", "ې", "")),
    "i": (("ا", "ای", "ع"), ("ی", ""), ("ی", "ه", "")),
    "o": (("ا", "او"), ("و", ""), ("و", "ه")),
    "u": (("ا", "او"), ("و", ""), ("و",)),
}
_LONG = {"aa": "a", "ee": "i", "oo": "u", "ou": "u", "ai": "ay", "ei": "ay", "au": "aw"}

#: one position of a pattern: the strings it may be ("" = the position may be empty)
Slot = tuple[str, ...]
MAX_NAME = 24


def latin_slots(key: str) -> tuple[Slot, ...] | None:
    """The romanisation pattern of a Latin key, slot by slot (None for what is not a
    plain Latin word of 3 to MAX_NAME letters)."""
    if not 3 <= len(key) <= MAX_NAME or not key.isascii() or not key.isalpha():
        return None
    for long, short in _LONG.items():
        key = key.replace(long, short)
    slots: list[Slot] = []
    i, n = 0, len(key)
    while i < n:
        if i + 1 < n and key[i] == key[i + 1]:  # doubled letters are written once
            i += 1
            continue
        pair = key[i : i + 2]
        if pair in LETTERS:
            slots.append(tuple(LETTERS[pair]))
            i += 2
            continue
        ch = key[i]
        if ch in _VOWELS:
            where = 0 if i == 0 else 2 if i == n - 1 else 1
            slots.append(_VOWELS[ch][where])
        elif ch in LETTERS:
            slots.append(tuple(LETTERS[ch]))
        i += 1
    return tuple(slots)


def arabic_pattern(latin: str) -> str | None:
    """A regular expression (Tantivy's syntax: whole-term match) for the Arabic-script
    search keys a Latin name can be spelled as; None when the name is not usable."""
    slots = latin_slots(name_key(latin))
    if slots is None:
        return None
    out = []
    for slot in slots:
        full = [s for s in slot if s]
        if all(len(s) == 1 for s in full):
            piece = "[" + "".join(full) + "]" if len(full) > 1 else full[0]
        else:
            piece = "(" + "|".join(full) + ")"
        out.append(piece + ("?" if "" in slot else ""))
    return "".join(out)


def matches_pattern(key: str, slots: tuple[Slot, ...]) -> bool:
    """Whether ``key`` fits ``slots`` (a set-of-positions walk: linear in the key times
    the pattern, never a backtracking regex)."""
    here = {0}
    for slot in slots:
        after: set[int] = set()
        for pos in here:
            for option in slot:
                if key.startswith(option, pos):
                    after.add(pos + len(option))
        if not after:
            return False
        here = after
    return len(key) in here
