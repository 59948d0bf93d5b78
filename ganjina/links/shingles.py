"""Shingles: the overlapping word triples whose sets MinHash compares.

A record's text (title and body) becomes the terms of its search key (``tokenize_key``:
letter variants, ZWNJ, digits and case folded), so two conversions of one article that
differ only in such spellings give the same shingles. Three words per shingle: on the
sample corpus a lossy PDF-to-Markdown conversion of a Dari article keeps a Jaccard
similarity of 0.71-0.98 with the original, while two different articles in one language
share at most 0.011 (single words give 0.81+ against 0.05; five words 0.61+ against
0.002; measured in ``docs/links.md``).

Speed: keying is memoised per whitespace-separated chunk (news vocabulary repeats), and
each chunk's terms are kept as stable 32-bit hashes (CRC-32, never Python's salted
``hash``), so a record costs a dictionary lookup per word plus a few numpy operations.
``tests/links/test_shingles.py`` checks the memo gives exactly ``tokenize_key``'s terms.
"""

from __future__ import annotations

import re
import zlib
from itertools import chain

import numpy as np
import numpy.typing as npt

from ganjina.text import tokenize_key

#: words per shingle
SHINGLE_WORDS = 3
#: chunk -> hashes of its terms; cleared when it grows past MEMO_MAX (about 150 MB)
_MEMO: dict[str, tuple[int, ...]] = {}
MEMO_MAX = 1_000_000

# The key joins the affixes می/نمی and ها/ترین written apart: keep those spaces inside
# a chunk (as NUL, which str.split does not cut at) so each chunk is keyed as a whole.
# Both patterns start with a literal (no look-behind or repeat), which the regex engine
# scans for 5-10x faster; runs of spaces are squeezed first (the key ignores them).
_JOIN_PREFIX = re.compile("(م[یيى])( +)(?=\\S)")
_JOIN_SUFFIX = re.compile(" (?=ها|تر)")
_SPACES = re.compile(" {2,}")
# Characters the stored form removes or rewrites: text holding one is keyed whole.
_NOT_STORED = re.compile(
    "[\x00\u00ad\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufb50-\ufdff\ufe70-\ufeff]"
)

U32 = np.uint32
U64 = np.uint64
_MIX = U64(0x9E3779B97F4A7C15)  # odd: multiplying by it is a bijection modulo 2^64


def _hash_term(term: str) -> int:
    return zlib.crc32(term.encode("utf-8"))


def _learn(chunk: str) -> tuple[int, ...]:
    text = chunk.replace("\x00", " ") if "\x00" in chunk else chunk
    hashes = tuple(_hash_term(t) for t in tokenize_key(text))
    if len(_MEMO) >= MEMO_MAX:
        _MEMO.clear()
    _MEMO[chunk] = hashes
    return hashes


def _mark_prefix(m: re.Match[str]) -> str:
    return m.group(1) + "\x00" * len(m.group(2))


def term_hashes(text: str | None) -> list[int]:
    """Stable 32-bit hashes of the search-key terms of ``text``, in order.

    >>> term_hashes("می‌شود") == term_hashes("مي شود") == term_hashes("ميشود")
    True
    """
    if not text:
        return []
    if _NOT_STORED.search(text):
        return [_hash_term(t) for t in tokenize_key(text)]
    if "م" in text:
        text = _JOIN_PREFIX.sub(_mark_prefix, text)
    if " ها" in text or " تر" in text:
        if "  " in text:
            text = _SPACES.sub(" ", text)
        text = _JOIN_SUFFIX.sub("\x00", text)
    chunks = text.split()
    found = list(map(_MEMO.get, chunks))
    if None in found:
        found = [f if f is not None else _learn(c) for f, c in zip(found, chunks, strict=True)]
    return list(chain.from_iterable(found))  # type: ignore[arg-type]  # no None is left


def shingle_hashes(terms: list[int], k: int = SHINGLE_WORDS) -> npt.NDArray[np.uint32]:
    """32-bit hashes of every run of ``k`` consecutive terms (the whole text when shorter).

    Order-sensitive within a shingle, so ``a b c`` and ``c b a`` differ.
    """
    if not terms:
        return np.empty(0, dtype=U32)
    t = np.asarray(terms, dtype=U64)
    if len(t) < k:
        k = len(t)
    n = len(t) - k + 1
    h = np.zeros(n, dtype=U64)
    for i in range(k):  # h = ((t0 * MIX + t1) * MIX + t2) ... modulo 2^64
        h *= _MIX
        h += t[i : i + n]
    folded: npt.NDArray[np.uint32] = ((h >> U64(32)) ^ h).astype(U32)
    return folded


def text_shingles(text: str | None) -> npt.NDArray[np.uint32]:
    """The shingle hashes of a text (duplicates kept: MinHash ignores them)."""
    return shingle_hashes(term_hashes(text))
