"""Archive benchmark: store + index speed, search latency, and how both grow with size.

    python bench/archive.py                         # 10k and 100k records
    python bench/archive.py --sizes 10000,100000,1000000 --json results.json

For each size it generates realistic synthetic records (English, German, Dari, Pashto;
Zipf-distributed vocabulary; log-normal article lengths; Dari written with and without
ZWNJ, with Arabic yeh/kaf and Persian digits in some files), then in one process:

1. stores them with ``Archive.add_many`` into a fresh SQLite archive plus Tantivy index
   (records/s and peak memory),
2. builds two baselines from the same stored records: **bare Tantivy** (raw text, the
   default tokenizer, no store, no snippets) and **bare SQLite FTS5** (``unicode61``,
   ``snippet()``, ``GROUP BY`` facets),
3. times six query kinds, top 20 with snippets (p50/p95 over many variants): a rare
   term, a common term (in 10% of records), a two-term AND, a phrase, a Dari term
   typed in another spelling than the document's, and a date range with facets,
4. prints every figure beside the baselines, as ratios.

Needs numpy (for fast Zipf sampling); it is in the dev environment.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ganjina.archive import Archive
from ganjina.record import Article, Block, Provenance, Section, Source

SEED = 20240713
VOCAB = 40_000
ZIPF_S = 1.05
LANGS = (("en", 0.35), ("fa-AF", 0.35), ("ps", 0.15), ("de", 0.15))
SOURCES = (
    "BBC",
    "Deutsche Welle",
    "Al Jazeera",
    "The Guardian",
    "Tolo News",
    "Radio Azadi",
    "Der Spiegel",
    "Pajhwok",
    "Etilaatroz",
    "Hasht-e Subh",
)
COMMON = ("harvestline", "waterboard", "convoyist", "floodgatex", "ministerix")
RARE = tuple(f"zyxrare{i}" for i in range(20))
RARE_RATE = 1 / 20_000
PHRASE_RATE = 0.01
ZWNJ = "\u200c"

_EN_SYL = (
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
    "ar",
    "bel",
    "qui",
    "ma",
    "tor",
    "en",
    "ri",
    "gal",
    "po",
    "sen",
    "wi",
    "hu",
    "ex",
)
_DE_SYL = (
    "ge",
    "schaft",
    "ung",
    "ber",
    "ein",
    "lich",
    "keit",
    "stra",
    "ße",
    "für",
    "über",
    "hö",
    "ä",
    "mann",
    "dorf",
    "wald",
    "zu",
    "ver",
    "ent",
    "isch",
)
_FA_LET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_PS_LET = "ابپتټثجچځڅحخدډذرړزژږسشښصضطظعغفقکګلمنڼوهيېۍ"
_FA_PRE = ("می", "نمی", "بی")
_FA_SUF = ("ها", "های", "ای", "تر", "ترین")


def _words(rng: np.random.Generator, make: Callable[[np.random.Generator], str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < VOCAB:
        w = make(rng)
        if w not in seen and w not in COMMON and not w.startswith("zyxrare"):
            seen.add(w)
            out.append(w)
    # Zipf: the most frequent words are the shortest, as in real text
    out.sort(key=lambda w: len(w) + rng.integers(0, 3))
    return out


def _latin(syl: tuple[str, ...]) -> Callable[[np.random.Generator], str]:
    return lambda rng: "".join(syl[i] for i in rng.integers(0, len(syl), rng.integers(1, 5)))


def _arabic(letters: str, zwnj: bool) -> Callable[[np.random.Generator], str]:
    def make(rng: np.random.Generator) -> str:
        stem = "".join(letters[i] for i in rng.integers(0, len(letters), rng.integers(2, 7)))
        if zwnj and rng.random() < 0.12:  # compounds written with a ZWNJ
            if rng.random() < 0.5:
                return _FA_PRE[rng.integers(0, len(_FA_PRE))] + ZWNJ + stem
            return stem + ZWNJ + _FA_SUF[rng.integers(0, len(_FA_SUF))]
        return stem

    return make


@dataclass
class Corpus:
    """A deterministic stream of synthetic records."""

    n: int
    seed: int = SEED
    vocab: dict[str, list[str]] = field(default_factory=dict)
    probs: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def __post_init__(self) -> None:
        rng = np.random.default_rng(self.seed)
        self.vocab = {
            "en": _words(rng, _latin(_EN_SYL)),
            "de": _words(rng, _latin(_DE_SYL)),
            "fa-AF": _words(rng, _arabic(_FA_LET, zwnj=True)),
            "ps": _words(rng, _arabic(_PS_LET, zwnj=False)),
        }
        ranks = np.arange(1, VOCAB + 1, dtype=np.float64)
        p = ranks**-ZIPF_S
        self.cdf = np.cumsum(p / p.sum())
        self.authors = {
            lang: [
                f"{self.vocab[lang][500 + i].title()} {self.vocab[lang][900 + i].title()}"
                for i in range(400)
            ]
            for lang in self.vocab
        }
        en = self.vocab["en"]
        self.phrases = [(en[60 + i], en[160 + i]) for i in range(5)]

    def _sample(self, rng: np.random.Generator, k: int) -> np.ndarray:
        return np.searchsorted(self.cdf, rng.random(k))

    def records(self) -> Iterator[Article]:
        rng = np.random.default_rng(self.seed + 1)
        langs = [lang for lang, _ in LANGS]
        weights = np.array([w for _, w in LANGS])
        lang_ix = rng.choice(len(langs), size=self.n, p=weights / weights.sum())
        lengths = np.clip(rng.lognormal(np.log(450), 0.6, self.n), 60, 4000).astype(int)
        start = np.datetime64("2005-01-01").astype(int)
        days = rng.integers(0, 21 * 365, self.n)
        for i in range(self.n):
            yield self._one(rng, i, langs[lang_ix[i]], int(lengths[i]), int(start + days[i]))

    def _one(self, rng: np.random.Generator, i: int, lang: str, length: int, day: int) -> Article:
        words = self.vocab[lang]
        body = [words[j] for j in self._sample(rng, length)]
        for marker in COMMON:
            if rng.random() < 0.10:
                body[int(rng.integers(0, length))] = marker
        for j, marker in enumerate(RARE):
            if rng.random() < RARE_RATE or i == (j * self.n) // len(RARE) + 7:
                body[int(rng.integers(0, length))] = marker
        if rng.random() < PHRASE_RATE * len(self.phrases):
            a, b = self.phrases[int(rng.integers(0, len(self.phrases)))]
            at = int(rng.integers(0, length - 1))
            body[at : at + 2] = [a, b]
        title = " ".join(words[j] for j in self._sample(rng, int(rng.integers(4, 12))))
        paragraphs, pos = [], 0
        while pos < length:
            step = int(rng.integers(40, 130))
            chunk = body[pos : pos + step]
            sentences = [" ".join(chunk[k : k + 15]) for k in range(0, len(chunk), 15)]
            text = ". ".join(sentences) + "."
            paragraphs.append(text)
            pos += step
        date = str(np.datetime64(day, "D")) if rng.random() > 0.01 else None
        if lang in ("fa-AF", "ps"):
            paragraphs = [self._dari_spelling(rng, p, date) for p in paragraphs]
            title = self._dari_spelling(rng, title, None)
        authors = [self.authors[lang][int(self._sample(rng, 1)[0]) % 400]]
        section = {"en": "european-languages", "de": "european-languages", "ps": "pashto"}.get(
            lang
        ) or ("dari", "politics", "culture", "poetry")[int(rng.integers(0, 4))]
        source = None
        if rng.random() < 0.2:
            source = Source(name=SOURCES[int(rng.integers(0, len(SOURCES)))], text="source")
        return Article(
            title=title.capitalize() if lang in ("en", "de") else title,
            language=lang,
            date=date,
            section=Section(section, [section]),
            authors=authors,
            translators=[self.authors["en"][int(rng.integers(0, 400))]]
            if rng.random() < 0.1
            else [],
            source=source,
            blocks=[Block("paragraph", p) for p in paragraphs],
            provenance=Provenance("pdf", f"{i:064x}"),
            warnings=["no date found"] if date is None else [],
            # a given id: content_id folds the whole body, the readers' cost, not ours
            id=f"gj-{self.seed % 65536:04x}{i:012x}",
        )

    @staticmethod
    def _dari_spelling(rng: np.random.Generator, text: str, date: str | None) -> str:
        if date and rng.random() < 0.3:
            text += " " + date[:4].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        if rng.random() < 0.1:  # some files carry Arabic yeh and kaf
            text = text.replace("ی", "ي").replace("ک", "ك")
        return text


# -- measuring -------------------------------------------------------------------------
class PeakRSS:
    """Samples the resident memory of this process and its children (the keying worker)
    while a block runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()

    @staticmethod
    def _rss(pid: int | str) -> int:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    @classmethod
    def now(cls) -> int:
        import multiprocessing

        children = multiprocessing.active_children()
        return cls._rss("self") + sum(cls._rss(p.pid) for p in children if p.pid)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.peak = max(self.peak, self.now())

    def __enter__(self) -> PeakRSS:
        self.peak = self.now()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.now())


def du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed(fn: Callable[[str], Any], queries: list[str], runs: int) -> dict[str, float]:
    for q in queries[:3]:
        fn(q)  # warm up
    samples = []
    for r in range(runs):
        q = queries[r % len(queries)]
        t = time.perf_counter()
        fn(q)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return {
        "p50": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, int(0.95 * len(samples)))],
    }


# -- the three systems under test --------------------------------------------------------
@dataclass
class Queries:
    """Query variants per kind, in our language and as the baselines' equivalents."""

    ours: dict[str, list[str]]
    tantivy: dict[str, list[Any]]
    fts: dict[str, list[str]]
    dates: list[tuple[int, int]]


def _folded(word: str) -> str:
    return word.replace("ی", "ي").replace("ک", "ك")


def make_queries(corpus: Corpus) -> Queries:
    en, fa = corpus.vocab["en"], corpus.vocab["fa-AF"]
    pairs = [(en[30 + 7 * i], en[120 + 9 * i]) for i in range(20)]
    dari = [w for w in fa[80:400] if "\u200c" not in w and ("ی" in w or "ک" in w)][:20]
    ranges = [
        ("date:1395..1396", (20160320, 20180320)),
        ("date:2019-03..2020-06", (20190301, 20200630)),
        ("date:1390-01..1390-06", (20110321, 20110922)),
        ("date:2012", (20120101, 20121231)),
        ("date:1400", (20210321, 20220320)),
        ("date:2008-01..2009-12", (20080101, 20091231)),
    ]
    return Queries(
        ours={
            "rare term": list(RARE),
            "common term (10%)": list(COMMON),
            "two-term AND": [f"{a} {b}" for a, b in pairs],
            "phrase": [f'"{a} {b}"' for a, b in corpus.phrases],
            "Dari term (other spelling)": [_folded(w) for w in dari],
            "date range + facets": [q for q, _ in ranges],
        },
        tantivy={
            "rare term": [("term", m) for m in RARE],
            "common term (10%)": [("term", m) for m in COMMON],
            "two-term AND": [("and", a, b) for a, b in pairs],
            "phrase": [("phrase", a, b) for a, b in corpus.phrases],
            "Dari term (other spelling)": [("term", w) for w in dari],
            "date range + facets": [("date", lo, hi) for _, (lo, hi) in ranges],
        },
        fts={
            "rare term": [f'"{m}"' for m in RARE],
            "common term (10%)": [f'"{m}"' for m in COMMON],
            "two-term AND": [f'"{a}" AND "{b}"' for a, b in pairs],
            "phrase": [f'"{a} {b}"' for a, b in corpus.phrases],
            "Dari term (other spelling)": [f'"{w}"' for w in dari],
            "date range + facets": [f"{lo} {hi}" for _, (lo, hi) in ranges],
        },
        dates=[r for _, r in ranges],
    )


def write_corpus(corpus: Corpus, path: Path) -> float:
    """Generate the records once into a file that all three systems then read, so each
    gets the same parsed records at the same cost. Pickled: loading a record costs a
    fraction of parsing its JSON, and storing, not parsing, is what is measured. Returns
    the seconds it took."""
    t = time.perf_counter()
    with path.open("wb") as fh:
        for article in corpus.records():
            pickle.dump(article, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return time.perf_counter() - t


def read_corpus(path: Path) -> Iterator[Article]:
    with path.open("rb") as fh:
        while True:
            try:
                yield pickle.load(fh)  # our own file, written just before
            except EOFError:
                return


#: processes computing index documents beside the writer (2 cores: writer + 1)
KEY_WORKERS = max(1, (os.cpu_count() or 2) - 1)


def build_ours(data: Path, root: Path, n: int) -> tuple[Archive, dict[str, Any]]:
    archive = Archive.open(root / "ganjina", create=True)
    t = time.perf_counter()
    with PeakRSS() as rss:
        archive.add_many(read_corpus(data), workers=KEY_WORKERS)
    seconds = time.perf_counter() - t
    return archive, {
        "records_per_s": n / seconds,
        "store_seconds": seconds,
        "peak_rss_mb": rss.peak / 1e6,
        "disk_mb": du(root / "ganjina") / 1e6,
    }


def _bare_schema() -> Any:
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("title", stored=False)
    sb.add_text_field("body", stored=False)
    sb.add_integer_field("date", indexed=True, fast=True)
    sb.add_integer_field("year", indexed=True, fast=True)
    for name in ("f_section", "f_lang", "f_source", "f_author"):
        sb.add_text_field(name, fast=True, tokenizer_name="raw")
    return sb.build()


def _date_int(date: str | None) -> int | None:
    return int(date.replace("-", "")) if date else None


def build_tantivy(data: Path, root: Path, n: int) -> tuple[Any, dict[str, Any]]:
    import tantivy

    schema = _bare_schema()
    path = root / "bare-tantivy"
    path.mkdir()
    index = tantivy.Index(schema, path=str(path))
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    t = time.perf_counter()
    for a in read_corpus(data):
        doc = tantivy.Document()
        doc.add_text("title", a.title or "")
        doc.add_text("body", a.body_text())
        d = _date_int(a.date)
        if d:
            doc.add_integer("date", d)
            doc.add_integer("year", d // 10000)
        if a.section:
            doc.add_text("f_section", a.section.id)
        doc.add_text("f_lang", a.language or "")
        if a.source and a.source.name:
            doc.add_text("f_source", a.source.name)
        for name in a.authors:
            doc.add_text("f_author", name)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    seconds = time.perf_counter() - t
    return (index, schema), {"docs_per_s": n / seconds, "disk_mb": du(path) / 1e6}


def build_fts5(data: Path, root: Path, n: int) -> tuple[sqlite3.Connection, dict[str, Any]]:
    path = root / "bare-fts5.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute(
        "CREATE TABLE meta (rowid INTEGER PRIMARY KEY, date INTEGER, year INTEGER, "
        "section TEXT, lang TEXT, source TEXT, author TEXT)"
    )
    t = time.perf_counter()
    conn.execute("BEGIN")
    for i, a in enumerate(read_corpus(data), start=1):
        d = _date_int(a.date)
        conn.execute(
            "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", (i, a.title, a.body_text())
        )
        conn.execute(
            "INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                i,
                d,
                d // 10000 if d else None,
                a.section.id if a.section else None,
                a.language,
                a.source.name if a.source else None,
                a.authors[0] if a.authors else None,
            ),
        )
        if i % 10_000 == 0:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
    conn.execute("COMMIT")
    conn.execute("CREATE INDEX meta_date ON meta (date)")
    conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    seconds = time.perf_counter() - t
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return conn, {"docs_per_s": n / seconds, "disk_mb": du(path) / 1e6}


def tantivy_runner(bare: Any) -> Callable[[Any], Any]:
    import tantivy

    index, schema = bare
    facet_fields = ("f_section", "f_lang", "year", "f_source", "f_author")

    def run(q: Any) -> Any:
        searcher = index.searcher()
        kind = q[0]
        if kind == "term":
            query = tantivy.Query.term_query(schema, "body", q[1])
        elif kind == "and":
            query = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, tantivy.Query.term_query(schema, "body", q[1])),
                    (tantivy.Occur.Must, tantivy.Query.term_query(schema, "body", q[2])),
                ]
            )
        elif kind == "phrase":
            query = tantivy.Query.phrase_query(schema, "body", [q[1], q[2]])
        else:
            query = tantivy.Query.range_query(schema, "date", tantivy.FieldType.Integer, q[1], q[2])
            searcher.aggregate(
                query, {f: {"terms": {"field": f, "size": 10}} for f in facet_fields}
            )
            return searcher.search(query, 20, order_by_field="date", order=tantivy.Order.Desc).hits
        return searcher.search(query, 20).hits

    return run


def fts_runner(conn: sqlite3.Connection) -> Callable[[str], Any]:
    def run(q: str) -> Any:
        if q[0].isdigit():
            lo, hi = (int(x) for x in q.split())
            rows = conn.execute(
                "SELECT rowid FROM meta WHERE date BETWEEN ? AND ? ORDER BY date DESC LIMIT 20",
                (lo, hi),
            ).fetchall()
            for col in ("section", "lang", "year", "source", "author"):
                conn.execute(
                    f"SELECT {col}, COUNT(*) FROM meta WHERE date BETWEEN ? AND ? "
                    f"GROUP BY {col} ORDER BY COUNT(*) DESC LIMIT 10",
                    (lo, hi),
                ).fetchall()
            return rows
        return conn.execute(
            "SELECT rowid, title, snippet(fts, 1, '<mark>', '</mark>', '…', 24) FROM fts "
            "WHERE fts MATCH ? ORDER BY rank LIMIT 20",
            (q,),
        ).fetchall()

    return run


def ours_runner(archive: Archive) -> Callable[[str], Any]:
    def run(q: str) -> Any:
        return archive.search(
            q,
            limit=20,
            facets=q.startswith("date:"),
            sort="date" if q.startswith("date:") else "relevance",
        )

    return run


# -- one size, then all sizes -------------------------------------------------------------
def bench_size(n: int, workdir: Path, runs: int) -> dict[str, Any]:
    workdir.mkdir(parents=True, exist_ok=True)  # a folder named for the run may not exist yet
    root = Path(tempfile.mkdtemp(prefix=f"gj-bench-{n}-", dir=workdir))
    try:
        corpus = Corpus(n)
        queries = make_queries(corpus)
        data = root / "corpus.pickle"
        generated = write_corpus(corpus, data)
        print(
            f"generated {n:,} records in {generated:.0f} s ({du(data) / 1e6:,.0f} MB)", flush=True
        )
        archive, ours_build = build_ours(data, root, n)
        bare, tantivy_build = build_tantivy(data, root, n)
        fts, fts_build = build_fts5(data, root, n)
        counts = {
            k: [archive.search(q, limit=1).total for q in v][:3] for k, v in queries.ours.items()
        }
        results: dict[str, Any] = {
            "records": n,
            "build": {"ganjina": ours_build, "tantivy": tantivy_build, "fts5": fts_build},
            "matches": counts,
            "queries": {},
        }
        ours, tv, fx = ours_runner(archive), tantivy_runner(bare), fts_runner(fts)
        for kind in queries.ours:
            results["queries"][kind] = {
                "ganjina": timed(ours, queries.ours[kind], runs),
                "tantivy": timed(tv, queries.tantivy[kind], runs),
                "fts5": timed(fx, queries.fts[kind], runs),
            }
        archive.close()
        fts.close()
        return results
    finally:
        shutil.rmtree(root, ignore_errors=True)


def report(r: dict[str, Any]) -> str:
    b = r["build"]
    g, t, f = b["ganjina"], b["tantivy"], b["fts5"]
    lines = [
        f"== {r['records']:,} records",
        f"store + index: ganjina {g['records_per_s']:,.0f} records/s "
        f"(peak RSS {g['peak_rss_mb']:,.0f} MB, {g['disk_mb']:,.0f} MB on disk; "
        f"target >= 2,000/s) | bare Tantivy {t['docs_per_s']:,.0f} docs/s "
        f"({t['disk_mb']:,.0f} MB) | bare FTS5 {f['docs_per_s']:,.0f} rows/s "
        f"({f['disk_mb']:,.0f} MB)",
        f"  ganjina storing rate / bare Tantivy: {g['records_per_s'] / t['docs_per_s']:.2f}x,"
        f" / bare FTS5: {g['records_per_s'] / f['docs_per_s']:.2f}x",
        "",
        f"{'query, top 20':<28}{'ganjina p50/p95 ms':>20}{'Tantivy p50/p95':>18}"
        f"{'FTS5 p50/p95':>18}{'p95 vs Tantivy':>16}{'vs FTS5':>9}",
    ]
    for kind, q in r["queries"].items():
        o, tv, fx = q["ganjina"], q["tantivy"], q["fts5"]
        lines.append(
            f"{kind:<28}{o['p50']:>10.2f} /{o['p95']:>7.2f}{tv['p50']:>9.2f} /{tv['p95']:>6.2f}"
            f"{fx['p50']:>9.2f} /{fx['p95']:>6.2f}{o['p95'] / max(tv['p95'], 1e-3):>15.1f}x"
            f"{o['p95'] / max(fx['p95'], 1e-3):>8.2f}x"
        )
    lines.append(f"matches (first variants): {r['matches']}")
    return "\n".join(lines)


def growth(results: list[dict[str, Any]]) -> str:
    """How cost grows with size, as a Markdown table (copied into docs/archive.md)."""
    kinds = list(results[0]["queries"])
    head = ["records", "store rec/s", "peak RSS MB", "disk MB", *[f"{k} p95 ms" for k in kinds]]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        g = r["build"]["ganjina"]
        cells = [
            f"{r['records']:,}",
            f"{g['records_per_s']:,.0f}",
            f"{g['peak_rss_mb']:,.0f}",
            f"{g['disk_mb']:,.0f}",
        ]
        cells += [f"{r['queries'][k]['ganjina']['p95']:.2f}" for k in kinds]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="10000,100000", help="record counts, comma-separated (1000000 is opt-in)"
    )
    parser.add_argument("--runs", type=int, default=200, help="timed queries per kind")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(
        f"# bench/archive.py on {os.cpu_count()} cores, sizes {sizes}, "
        f"load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    results = []
    for n in sizes:
        r = bench_size(n, args.workdir, args.runs)
        r["load_average"] = os.getloadavg()[0]
        results.append(r)
        print(report(r) + f"\n(load average now {r['load_average']:.1f})\n", flush=True)
    print("## growth (ganjina)\n" + growth(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
