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

from ganjina.archive import Archive  # noqa: E402
from ganjina.record import Article, Block, Provenance, Section, Source  # noqa: E402

SEED = 20240713
VOCAB = 40_000
ZIPF_S = 1.05
LANGS = (("en", 0.35), ("fa-AF", 0.35), ("ps", 0.15), ("de", 0.15))
SOURCES = ("BBC", "Deutsche Welle", "Al Jazeera", "The Guardian", "Tolo News",
           "Radio Azadi", "Der Spiegel", "Pajhwok", "Etilaatroz", "Hasht-e Subh")
COMMON = ("harvestline", "waterboard", "convoyist", "floodgatex", "ministerix")
RARE = tuple(f"zyxrare{i}" for i in range(20))
RARE_RATE = 1 / 20_000
PHRASE_RATE = 0.01
ZWNJ = "\u200c"

_EN_SYL = ("ka", "ren", "to", "mi", "sha", "lor", "ve", "nu", "pra", "del", "ston", "ar",
           "bel", "qui", "ma", "tor", "en", "ri", "gal", "po", "sen", "wi", "hu", "ex")
_DE_SYL = ("ge", "schaft", "ung", "ber", "ein", "lich", "keit", "stra", "ße", "für",
           "über", "hö", "ä", "mann", "dorf", "wald", "zu", "ver", "ent", "isch")
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
    out.sort(key=lambda w: (len(w) + rng.integers(0, 3)))
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
            lang: [f"{self.vocab[lang][500 + i].title()} {self.vocab[lang][900 + i].title()}"
                   for i in range(400)]
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
        section = {
            "en": "european-languages", "de": "european-languages", "ps": "pashto"
        }.get(lang) or ("dari", "politics", "culture", "poetry")[int(rng.integers(0, 4))]
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
            if rng.random() < 0.1 else [],
            source=source,
            blocks=[Block("paragraph", p) for p in paragraphs],
            provenance=Provenance("pdf", f"{i:064x}"),
            warnings=["no date found"] if date is None else [],
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
    """Samples this process's resident memory while a block runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()

    @staticmethod
    def now() -> int:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

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
