"""Shingles, MinHash sketches and LSH bands: exact where they claim to be exact."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from ganjina.links import sketch as sk
from ganjina.links.dedup import candidate_pairs
from ganjina.links.shingles import shingle_hashes, term_hashes, text_shingles
from ganjina.record import Article
from ganjina.text import tokenize_key


def crc_terms(text: str) -> list[int]:
    return [zlib.crc32(t.encode("utf-8")) for t in tokenize_key(text)]


def test_memoised_terms_equal_the_search_key_on_the_samples(samples_root: Path) -> None:
    for expected in sorted(samples_root.glob("*/expected.json")):
        body = Article.from_json(expected.read_text(encoding="utf-8")).body_text()
        assert term_hashes(body) == crc_terms(body)
        assert term_hashes(body) == crc_terms(body)  # again, from the memo


# Dari and Pashto letters, the affixes the key joins, ZWNJ, digits, Latin, spaces
_PIECES = st.sampled_from(
    ["می", "نمی", "ها", "های", "ترین", "تر", "کتاب", "شود", "ګڼ", "ښار", "ي", "ك", "\u200c", " ",
     "  ", "۱۲", "12", "Café", "\n", "،", "ه", "ۀ", "مي", "a"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_memoised_terms_equal_the_search_key_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert term_hashes(text) == crc_terms(text)


def test_shingles_are_word_triples() -> None:
    t = term_hashes("one two three four")
    assert len(shingle_hashes(t)) == 2
    assert len(shingle_hashes(t[:2])) == 1  # shorter than a shingle: the whole text
    assert len(shingle_hashes([])) == 0
    # order matters within a shingle
    assert set(text_shingles("a b c")) != set(text_shingles("c b a"))


def test_sketches_equal_datasketch_minhash() -> None:
    rng = np.random.default_rng(7)
    sets = [rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32) for n in (1, 5, 300)]
    sets.append(np.empty(0, dtype=np.uint32))
    ours = sk.sketch_many(sets)
    for row, values in zip(ours, sets, strict=True):
        theirs = MinHash(num_perm=sk.NUM_PERM, seed=sk.SEED, scheme="affine32", hashfunc=int)
        theirs.update_batch(values.tolist())
        assert np.array_equal(row, theirs.hashvalues)
    assert sk.is_empty(ours[-1])
    lean = sk.to_minhash(ours[2])
    assert lean.jaccard(sk.to_minhash(ours[2])) == 1.0
    assert np.array_equal(sk.from_bytes(sk.to_bytes(ours[2])), ours[2])


def test_banding_gives_datasketch_lsh_candidates() -> None:
    rng = np.random.default_rng(3)
    sets = []
    for i in range(400):
        if i % 8 == 7:  # a near copy of the set before it
            base = sets[-1].copy()
            k = int(len(base) * rng.uniform(0, 0.6))
            base[:k] = rng.integers(0, 2**32, k, dtype=np.uint64).astype(np.uint32)
            sets.append(base)
        else:
            sets.append(rng.integers(0, 2**32, 120, dtype=np.uint64).astype(np.uint32))
    sketches = sk.sketch_many(sets)
    ours = {tuple(p) for p in candidate_pairs(sk.band_keys(sketches)).tolist()}
    lsh = MinHashLSH(num_perm=sk.NUM_PERM, params=(sk.BANDS, sk.ROWS))
    for i, row in enumerate(sketches):
        lsh.insert(i, sk.to_minhash(row))
    theirs = set()
    for i, row in enumerate(sketches):
        theirs |= {(min(i, j), max(i, j)) for j in lsh.query(sk.to_minhash(row)) if j != i}
    assert ours == theirs and len(ours) >= 30


def test_estimates_track_the_true_jaccard() -> None:
    rng = np.random.default_rng(11)
    base = rng.integers(0, 2**32, 1000, dtype=np.uint64).astype(np.uint32)
    for keep in (1000, 800, 500, 200):
        other = base.copy()
        other[keep:] = rng.integers(0, 2**32, 1000 - keep, dtype=np.uint64).astype(np.uint32)
        truth = keep / (2000 - keep)
        a, b = sk.sketch_many([base, other])
        assert abs(sk.similarity(a, b) - truth) < 0.15
