"""Index terms of a text: exactly ``tokenize_key(text, zwnj_parts=True)``, but fast.

The text layer's key is the one definition of a term (index and query go through it);
this module only computes it faster for whole records, by memo: news vocabulary repeats
(Zipf), so almost every piece of a text is a dictionary hit instead of a pass of the text
layer's regular expressions, and the loop over the pieces runs in C (``map``, ``join``).
That takes keying a Dari record from about 1 ms to 0.2 ms on a slow core. A property test
(``tests/archive/test_terms.py``) checks the result equals ``tokenize_key`` term for
term, and will fail if the key ever gains a rule this module does not know.

A *chunk* is a run of words the key cannot join to its neighbours. The key is local to
each word except that it joins the affixes می/نمی and ها/ترین written apart with spaces,
so the text is cut at white space except after a word ending like such a prefix or
before one beginning like such a suffix (cutting less is always safe: those spaces are
marked with NUL, which ``str.split`` keeps). Text holding a character the stored form
would remove or rewrite, or a NUL, is keyed whole, the slow way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ganjina.text import tokenize_key

#: a crude bound on memory (~100 MB): past it the memo starts again with what is common
MEMO_MAX = 1_000_000
# Two patterns, each starting with a literal, which the regex engine scans for quickly.
# They allow what the key deletes (harakat, tatweel, ZWNJ) inside and beside the affix,
# since the key joins after deleting it: ``می‌ شود`` and ``میَ شود`` join too.
_DEL = "[\u064b-\u065f\u0670\u0640\u200c]*"
_JOIN_PREFIX = re.compile(f"(م{_DEL}[یيى]{_DEL})( +)(?=\\S)")
_JOIN_SUFFIX = re.compile(f"(?<=\\S)( +)(?={_DEL}(?:ه{_DEL}ا|ت{_DEL}ر))")
# Characters the stored form removes or rewrites, and spacing it never leaves (a mark,
# tatweel or ZWNJ after white space, a ZWNJ before it): text showing any is keyed whole,
# the slow way. One character class first, so the scan is fast on ordinary text.
_A = "\x00\u00ad\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufb50-\ufdff\ufe70-\ufeff"
_D = "\u064b-\u065f\u0670\u0640\u200c"
_NOT_STORED = re.compile(f"[{_A}{_D}](?:(?<=\\s[{_D}])|(?<=\u200c)(?=\\s)|(?<![{_D}]))")


# punctuation that never belongs to a term, stripped from a word's ends before keying
_EDGE_PUNCT = ".,;:!?()[]{}\"'«»،؛؟…–—"


def _mark_prefix(m: re.Match[str]) -> str:
    return m.group(1) + "\x00" * len(m.group(2))


def _mark_suffix(m: re.Match[str]) -> str:
    return "\x00" * len(m.group(1))


class _Memo(dict[str, str]):
    """chunk -> its whole-word terms, space-separated ("" when it has none), and in
    ``parts`` chunk -> its ZWNJ/affix parts (only chunks that have some).

    A miss keys the chunk the slow way (:meth:`__missing__`), so
    ``map(memo.__getitem__, chunks)`` stays one C loop however many chunks of a text are
    new. The memo is bounded by replacing it, never by clearing it: a text being keyed
    holds on to the memo it started with, whose entries stay complete."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: dict[str, str] = {}

    def __missing__(self, chunk: str) -> str:
        if "\x00" not in chunk:
            core = chunk.strip(_EDGE_PUNCT)
            if core and core != chunk:  # "word." and «word» key as "word" does: share it
                joined = self[chunk] = self[core]
                if core in self.parts:
                    self.parts[chunk] = self.parts[core]
                return joined
        text = chunk.replace("\x00", " ") if "\x00" in chunk else chunk
        every = tokenize_key(text, zwnj_parts=True)
        if len(every) > 1 and ("\u200c" in text or " " in text):
            whole = tokenize_key(text)
            parts = every[len(whole) :]
        else:
            whole, parts = every, []
        joined = self[chunk] = " ".join(whole)
        if parts:
            self.parts[chunk] = " ".join(parts)
        return joined


_memo = _Memo()


def current_memo() -> _Memo:
    """The chunk memo to key the next text with (a fresh one once it outgrew
    :data:`MEMO_MAX`)."""
    global _memo
    if len(_memo) >= MEMO_MAX:
        _memo = _Memo()
    return _memo


def chunk_terms(chunk: str) -> tuple[str, str]:
    """The whole-word terms and the parts of one chunk (each space-separated)."""
    memo = _memo
    return memo[chunk], memo.parts.get(chunk, "")


@dataclass(frozen=True)
class Keyed:
    """A text's index terms, with the chunks they were keyed from.

    ``chunks`` is None when the text was keyed whole by ``tokenize_key`` (ASCII text,
    where that is faster, or text the memo cannot take), and ``words`` then lists its
    terms; ``parted`` says that some chunk may have ZWNJ/affix parts (only a chunk
    holding a ZWNJ or a joined space has some: most English, German and Pashto text has
    neither, and skips a second pass over its chunks)."""

    terms: str
    chunks: list[str] | None = None
    parted: bool = False
    words: list[str] = field(default_factory=list)


_EMPTY = Keyed("")


def _whole(words: list[str]) -> Keyed:
    return Keyed(" ".join(words), words=words)


def keyed(text: str | None) -> Keyed:
    """The index terms of ``text`` (see :func:`terms`) with its chunks."""
    if not text:
        return _EMPTY
    if text.isascii():  # one regex pass over the lower-cased text beats a memo hit a word
        return _whole(tokenize_key(text, zwnj_parts=True))
    if _NOT_STORED.search(text):
        return _whole(tokenize_key(text, zwnj_parts=True))
    if "م" in text:
        text = _JOIN_PREFIX.sub(_mark_prefix, text)
    if "ه" in text or "ت" in text:
        text = _JOIN_SUFFIX.sub(_mark_suffix, text)
    chunks = text.split()
    memo = current_memo()
    whole = " ".join(filter(None, map(memo.__getitem__, chunks)))
    parted = "\u200c" in text or "\x00" in text
    if parted and memo.parts:
        parts = " ".join(filter(None, map(memo.parts.get, chunks)))
        if parts:
            return Keyed(f"{whole} {parts}" if whole else parts, chunks, parted)
    return Keyed(whole, chunks, parted)


def terms(text: str | None) -> str:
    """The index terms of ``text``, space-separated (ZWNJ parts after the whole words).

    >>> terms("کتاب‌ها می‌شود")
    'کتابها میشود کتاب ها می شود'
    """
    return keyed(text).terms
