"""MinHash sketches and LSH bands, computed for many records at once.

The sketch is datasketch's ``MinHash`` in its ``affine32`` scheme (seed 1, 128
permutations): for each permutation ``(a, b)``, the minimum over a record's shingle hashes
``h`` of ``a * fmix32(h) + b`` modulo 2^32. Calling ``MinHash.update_batch`` per record
costs a Python call and an array per record; here one numpy pass per permutation covers
a whole batch of records (``np.minimum.reduceat``), about 90 ns per shingle for all 128
permutations. ``tests/links/test_sketch.py`` checks the values equal datasketch's, so
:func:`to_minhash` gives a real ``datasketch.LeanMinHash`` for any sketch.

LSH splits the 128 values into :data:`BANDS` bands of :data:`ROWS`; records that agree on
a whole band are candidates. With 32 bands of 4 rows a pair is a candidate with
probability 1 - (1 - J^4)^32: 0.87 at Jaccard 0.5, 0.988 at 0.6, 0.9998 at 0.7, and
0.0003 at 0.05 (datasketch's ``MinHashLSH(params=(32, 4))`` gives the same candidates,
also checked by a test). A band is stored as one 64-bit key.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
BANDS = 32
ROWS = 4
assert BANDS * ROWS <= NUM_PERM

U32 = np.uint32
U64 = np.uint64
Sketches = npt.NDArray[np.uint32]
Bands = npt.NDArray[np.int64]

_PERMS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
_A: npt.NDArray[np.uint32] = np.asarray(_PERMS[0], dtype=U32)
_B: npt.NDArray[np.uint32] = np.asarray(_PERMS[1], dtype=U32)
_EMPTY = np.iinfo(np.uint32).max
#: odd 64-bit multipliers folding a band's 4 values into one key
_BAND_MULT = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5], dtype=U64
)


def fmix32(h: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """MurmurHash3's 32-bit finalizer (what datasketch applies before permuting)."""
    h = h ^ (h >> U32(16))
    h = h * U32(0x85EBCA6B)
    h = h ^ (h >> U32(13))
    h = h * U32(0xC2B2AE35)
    out: npt.NDArray[np.uint32] = h ^ (h >> U32(16))
    return out


def sketch_many(shingles: Sequence[npt.NDArray[np.uint32]]) -> Sketches:
    """One sketch row per shingle array (``n x NUM_PERM`` uint32); an empty array gets
    the all-``0xFFFFFFFF`` sketch of an empty set."""
    out = np.full((len(shingles), NUM_PERM), _EMPTY, dtype=U32)
    rows = [i for i, s in enumerate(shingles) if len(s)]
    if not rows:
        return out
    flat = fmix32(np.concatenate([shingles[i] for i in rows]).astype(U32, copy=False))
    starts = np.zeros(len(rows), dtype=np.int64)
    np.cumsum([len(shingles[i]) for i in rows[:-1]], out=starts[1:])
    tmp = np.empty_like(flat)
    block = np.empty((NUM_PERM, len(rows)), dtype=U32)
    with np.errstate(over="ignore"):
        for p in range(NUM_PERM):  # one permutation at a time keeps ``tmp`` in cache
            np.multiply(flat, _A[p], out=tmp)
            tmp += _B[p]
            block[p] = np.minimum.reduceat(tmp, starts)
    out[rows] = block.T
    return out


def band_keys(sketches: Sketches) -> Bands:
    """The ``n x BANDS`` LSH keys of sketches, as signed 64-bit ints (SQL ``BIGINT``)."""
    v = sketches[:, : BANDS * ROWS].reshape(len(sketches), BANDS, ROWS).astype(U64)
    with np.errstate(over="ignore"):
        keys = (v * _BAND_MULT).sum(axis=2, dtype=U64)
        keys ^= keys >> U64(29)
    out: Bands = keys.view(np.int64)
    return out


def similarity(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """The MinHash estimate of the Jaccard similarity of two sketches."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def similarities(one: npt.NDArray[np.uint32], many: Sketches) -> npt.NDArray[np.float64]:
    """Estimates of one sketch against each row of ``many``."""
    counts: npt.NDArray[np.float64] = (many == one).sum(axis=1) / NUM_PERM
    return counts


def is_empty(sketch: npt.NDArray[np.uint32]) -> bool:
    return bool((sketch == _EMPTY).all())


def to_bytes(sketch: npt.NDArray[np.uint32]) -> bytes:
    """A sketch as stored (little-endian uint32)."""
    return sketch.astype("<u4").tobytes()


def from_bytes(data: bytes) -> npt.NDArray[np.uint32]:
    return np.frombuffer(bytes(data), dtype="<u4").astype(U32)


def to_minhash(sketch: npt.NDArray[np.uint32]) -> LeanMinHash:
    """The sketch as datasketch's ``LeanMinHash`` (for use with datasketch's own tools)."""
    mh = MinHash(seed=SEED, hashvalues=sketch, permutations=_PERMS, scheme=SCHEME)
    return LeanMinHash(mh)
