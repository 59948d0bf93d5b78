"""Links benchmark: near-duplicate detection at scale, its recall, and incremental cost.

    python bench/links.py --quick              # 10k records (CI)
    python bench/links.py                      # 100k records
    python bench/links.py --size 1000000       # the 1M figure (opt-in: several minutes)

Synthetic records (English, German, Dari, Pashto pseudo-words with Zipf frequencies,
log-normal lengths around 450 words) of which 5% are planted near-copies of an earlier
record: a corrected typo, an added header, a lossy conversion (words dropped and run
together), an abridged version. Then, in one process:

1. **Detection**, as ``ganjina links rebuild`` does it: records are keyed, shingled and
   sketched in worker processes (one per core), then LSH candidates are grouped, verified
   and clustered in memory. Wall time, and the share of the planted pairs found.
2. **Baseline**: on a 10k sample, an exhaustive comparison of every pair (exact Jaccard
   of the shingle sets, a sparse matrix product): the pairs at or above the threshold are
   the truth, and LSH's recall of them is printed, with the exhaustive time scaled to the
   full size (it grows with the square).
3. **Incremental** (``--archive``, default for sizes up to 100k): the records go into a
   real SQLite archive, links are rebuilt, then 1,000 new records are added and linked
   through the stored LSH bands; the time per new record against the rebuild.
4. **Band store** (``--band-store``): the LSH bands of every record written to an SQLite
   table like the archive's, and 1,000 new records looked up in it: what incremental
   linking costs at this size without building the whole archive.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganjina.links import dedup
from ganjina.links import sketch as sk
from ganjina.links.shingles import shingle_hashes, term_hashes
from ganjina.record import Article, Block, Provenance, Section

SEED = 20240713
VOCAB = 30_000
ZIPF_S = 1.05
PLANTED = 0.05
LANGS = ("en", "de", "fa-AF", "ps")
CHUNK = 2000
_LATIN = [
    "ka",
    "ren",
    "to",
    "mi",
    "sha",
    "lor",
    "ve",
    "nu",
    "pra",
    "del",
    "ston",
    "gar",
    "wi",
    "ben",
    "tal",
    "or",
    "is",
    "an",
    "de",
    "ch",
]
_PERSO = [
    "کا",
    "بر",
    "دا",
    "نی",
    "مو",
    "سه",
    "ګل",
    "ښا",
    "ړه",
    "تو",
    "لی",
    "ام",
    "ها",
    "زی",
    "ور",
    "ست",
    "پښ",
    "ځی",
]


def _vocabulary(lang_index: int) -> list[str]:
    rng = np.random.default_rng([SEED, lang_index])
    syllables = _PERSO if lang_index >= 2 else _LATIN
    words = set()
    while len(words) < VOCAB:
        n = int(rng.integers(1, 6))  # 1-5 syllables: enough distinct words
        words.add("".join(syllables[int(i)] for i in rng.integers(0, len(syllables), n)))
    return sorted(words)


_VOCABS = [_vocabulary(i) for i in range(len(LANGS))]
_CDF = np.cumsum(1.0 / np.arange(1, VOCAB + 1) ** ZIPF_S)
_CDF /= _CDF[-1]


def _words(i: int) -> tuple[int, list[str]]:
    """Record ``i``'s language and words (deterministic)."""
    rng = np.random.default_rng([SEED, i])
    lang = int(rng.integers(0, len(LANGS)))
    n = max(60, int(rng.lognormal(6.0, 0.45)))
    ids = np.searchsorted(_CDF, rng.random(n))
    vocab = _VOCABS[lang]
    return lang, [vocab[j] for j in ids]


def source_of(i: int) -> int | None:
    """The record a planted near-copy copies, or None."""
    rng = np.random.default_rng([SEED, i, 1])
    if i < 100 or rng.random() >= PLANTED:
        return None
    return int(rng.integers(0, i))


def text_of(i: int) -> tuple[str, str]:
    """(language, text) of record ``i``: its own words, or a near-copy of its source."""
    src = source_of(i)
    if src is None:
        lang, words = _words(i)
        return LANGS[lang], " ".join(words)
    # a copy of the source as stored (itself perhaps a copy), never of its raw words
    lang_tag, text = text_of(src)
    lang, words = LANGS.index(lang_tag), text.split()
    rng = np.random.default_rng([SEED, i, 2])
    vocab = _VOCABS[lang]
    kind = int(rng.integers(0, 4))
    if kind == 0:  # a corrected typo or two
        for k in rng.integers(0, len(words), int(rng.integers(1, 4))):
            words[int(k)] = vocab[int(rng.integers(0, VOCAB))]
    elif kind == 1:  # another header
        words = [vocab[int(k)] for k in rng.integers(0, VOCAB, 15)] + words
    elif kind == 2:  # a lossy conversion: words dropped, some run together
        keep = rng.random(len(words)) > 0.03
        words = [w for w, k in zip(words, keep, strict=True) if k]
        for k in rng.integers(0, len(words) - 1, max(1, len(words) // 60)):
            words[int(k)] += words[int(k) + 1]
    else:  # abridged
        words = words[: int(len(words) * 0.85)]
    return LANGS[lang], " ".join(words)


def article(i: int) -> Article:
    lang, text = text_of(i)
    paragraphs = [text[j : j + 600] for j in range(0, len(text), 600)]
    return Article(
        title=f"Record {i}",
        language=lang,
        date=f"{2005 + i % 19}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        section=Section("news", ["news"]),
        blocks=[Block("paragraph", p) for p in paragraphs],
        provenance=Provenance("text", ""),
    )


def _sketch_chunk(start: int, stop: int) -> tuple[int, npt.NDArray[np.uint32], float, float]:
    """Worker: make records ``start..stop`` and sketch them, timing both apart."""
    t0 = time.process_time()
    texts = [text_of(i)[1] for i in range(start, stop)]
    t1 = time.process_time()
    sketches = sk.sketch_many([shingle_hashes(term_hashes(t)) for t in texts])
    t2 = time.process_time()
    return start, sketches, t1 - t0, t2 - t1


def detect(size: int, workers: int) -> dict[str, Any]:
    started = time.perf_counter()
    sketches = np.empty((size, sk.NUM_PERM), dtype=np.uint32)
    gen_cpu = sketch_cpu = 0.0
    ranges = [(s, min(size, s + CHUNK)) for s in range(0, size, CHUNK)]
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        for start, part, g, s in pool.map(_sketch_chunk, *zip(*ranges, strict=True)):
            sketches[start : start + len(part)] = part
            gen_cpu += g
            sketch_cpu += s
    sketched = time.perf_counter() - started
    t = time.perf_counter()
    candidates = dedup.candidate_pairs(sk.band_keys(sketches))
    pairs, _sims = dedup.verify(candidates, sketches)
    uf = dedup.UnionFind()
    for a, b in pairs.tolist():
        uf.union(a, b)
    groups = uf.groups()
    grouped = time.perf_counter() - t
    planted = [(source_of(i), i) for i in range(size) if source_of(i) is not None]
    found = sum(1 for a, b in planted if uf.find(a) == uf.find(b))  # type: ignore[arg-type]
    # the wall time without making the synthetic texts (their CPU share of the sketch phase)
    generation_wall = sketched * gen_cpu / max(gen_cpu + sketch_cpu, 1e-9)
    return {
        "records": size,
        "workers": workers,
        "sketch_wall_s": round(sketched - generation_wall, 1),
        "generate_wall_s": round(generation_wall, 1),
        "sketch_cpu_us_per_record": round(sketch_cpu / size * 1e6, 1),
        "candidates": len(candidates),
        "pairs": len(pairs),
        "clusters": len(groups),
        "group_s": round(grouped, 1),
        "detect_wall_s": round(sketched - generation_wall + grouped, 1),
        "planted_pairs": len(planted),
        "planted_found": round(found / max(1, len(planted)), 4),
        "_sketches": sketches,
    }


def exhaustive(sample: int, full: int, sketches: npt.NDArray[np.uint32]) -> dict[str, Any]:
    """Every pair of the first ``sample`` records by exact Jaccard, against LSH."""
    from scipy import sparse

    t = time.perf_counter()
    sets = [np.unique(shingle_hashes(term_hashes(text_of(i)[1]))) for i in range(sample)]
    values, columns = np.unique(np.concatenate(sets), return_inverse=True)
    rows = np.repeat(np.arange(sample), [len(s) for s in sets])
    matrix = sparse.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(sample, len(values))
    )
    inter = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    sizes = np.array([len(s) for s in sets])
    jaccard = inter.data / (sizes[inter.row] + sizes[inter.col] - inter.data)
    ok = jaccard >= dedup.THRESHOLD
    truth = set(zip(inter.row[ok].tolist(), inter.col[ok].tolist(), strict=True))
    seconds = time.perf_counter() - t
    pairs, _ = dedup.verify(
        dedup.candidate_pairs(sk.band_keys(sketches[:sample])), sketches[:sample]
    )
    lsh = {(a, b) for a, b in pairs.tolist()}
    return {
        "sample": sample,
        "exhaustive_s": round(seconds, 1),
        "exhaustive_pairs_compared": sample * (sample - 1) // 2,
        "exhaustive_s_scaled_to_full": round(seconds * (full / sample) ** 2),
        "true_pairs": len(truth),
        "lsh_recall": round(len(truth & lsh) / max(1, len(truth)), 4),
        "lsh_extra_pairs": len(lsh - truth),  # estimate above, exact Jaccard just below
    }


def incremental(size: int, new: int, workdir: Path, workers: int) -> dict[str, Any]:
    from ganjina.archive import Archive
    from ganjina.links import Links

    root = Path(tempfile.mkdtemp(dir=workdir, prefix="links-bench-"))
    with Archive.open(root / "archive", create=True) as archive:
        t = time.perf_counter()
        archive.add_many((article(i) for i in range(size)), workers=1)
        stored = time.perf_counter() - t
        links = Links(archive)
        t = time.perf_counter()
        rebuilt = links.rebuild(workers=workers)
        rebuild_s = time.perf_counter() - t
        archive.add_many(article(i) for i in range(size, size + new))
        t = time.perf_counter()
        report = links.update()
        update_s = time.perf_counter() - t
    return {
        "archive_records": size,
        "store_and_index_s": round(stored, 1),
        "rebuild_s": round(rebuild_s, 1),
        "rebuild_relations": rebuilt.near_duplicates + rebuilt.translations,
        "new_records": new,
        "update_s": round(update_s, 2),
        "update_ms_per_record": round(update_s / new * 1000, 2),
        "update_incremental": not report.rebuilt,
        "rebuild_over_update": round(rebuild_s / update_s, 1),
    }


def band_store(sketches: npt.NDArray[np.uint32], new: int, workdir: Path) -> dict[str, Any]:
    path = Path(tempfile.mkdtemp(dir=workdir, prefix="links-bands-")) / "bands.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(
        "CREATE TABLE link_bands (band INTEGER NOT NULL, bkey INTEGER NOT NULL, "
        "num INTEGER NOT NULL, PRIMARY KEY (band, bkey, num)) WITHOUT ROWID"
    )
    n = len(sketches) - new
    t = time.perf_counter()
    for start in range(0, n, 50_000):
        keys = sk.band_keys(sketches[start : min(n, start + 50_000)])
        rows = [
            (b, int(k), start + r) for r, row in enumerate(keys.tolist()) for b, k in enumerate(row)
        ]
        rows.sort()
        db.execute("BEGIN")
        db.executemany("INSERT INTO link_bands VALUES (?, ?, ?)", rows)
        db.execute("COMMIT")
    written = time.perf_counter() - t
    t = time.perf_counter()
    found = 0
    for row in sk.band_keys(sketches[n:]).tolist():
        for b, k in enumerate(row):
            found += len(
                db.execute(
                    "SELECT num FROM link_bands WHERE band = ? AND bkey = ?", (b, k)
                ).fetchall()
            )
    looked = time.perf_counter() - t
    size_mb = path.stat().st_size / 1e6
    db.close()
    return {
        "band_rows": n * sk.BANDS,
        "write_s": round(written, 1),
        "db_mb": round(size_mb),
        "lookup_ms_per_new_record": round(looked / new * 1000, 2),
        "candidates_found": found,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="10k records, for CI")
    parser.add_argument("--sample", type=int, default=10_000, help="exhaustive baseline size")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--new", type=int, default=1000, help="records added incrementally")
    parser.add_argument("--archive", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--band-store", action="store_true")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    size = 10_000 if args.quick else args.size
    results: dict[str, Any] = {}
    print(f"near-duplicate detection over {size:,} records, {args.workers} workers")
    found = detect(size, args.workers)
    sketches = found.pop("_sketches")
    results["detect"] = found
    _show(found)
    results["baseline"] = exhaustive(min(args.sample, size), size, sketches)
    _show(results["baseline"])
    base = results["baseline"]
    print(
        f"  LSH keeps {base['lsh_recall']:.1%} of the pairs an exhaustive comparison finds; "
        f"exhaustive at {size:,} would take ~{base['exhaustive_s_scaled_to_full']:,} s, "
        f"{base['exhaustive_s_scaled_to_full'] / max(found['detect_wall_s'], 0.1):,.0f}x "
        "the LSH detection"
    )
    if args.archive or (args.archive is None and size <= 100_000):
        results["incremental"] = incremental(size, args.new, args.workdir, args.workers)
        _show(results["incremental"])
    if args.band_store:
        extra = np.stack([s for s in _sketch_chunk(size, size + args.new)[1]])
        results["band_store"] = band_store(
            np.concatenate([sketches, extra]), args.new, args.workdir
        )
        _show(results["band_store"])
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def _show(figures: dict[str, Any]) -> None:
    for key, value in figures.items():
        print(
            f"  {key:<34} {value:,}" if isinstance(value, int | float) else f"  {key:<34} {value}"
        )


if __name__ == "__main__":
    main()
