"""How much the house-style structure costs over bare text extraction.

Times ``ganjina.reader.parse_bytes`` on the sample PDFs against bare PyMuPDF
``page.get_text("dict")`` on the same files, in the same process, and prints the ratio
and pages per second on one core. Target (issue 2): ratio at most 2x, at least 100
pages/s.

    python bench/parse.py            # 5 rounds over the corpus
    python bench/parse.py --quick    # 1 round
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pymupdf

from ganjina.reader import parse_bytes

ROOT = Path(__file__).resolve().parent.parent


def bare(data: bytes) -> int:
    doc = pymupdf.open(stream=data, filetype="pdf")
    for page in doc:
        page.get_text("dict")
    pages = doc.page_count
    doc.close()
    return pages


def ganjina(data: bytes) -> int:
    return parse_bytes(data, "x.pdf").provenance.pages or 0


def timed(fn, corpus: list[bytes]) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    start = time.process_time()
    pages = sum(fn(data) for data in corpus)
    return time.process_time() - start, pages


def compare(label: str, corpus: list[bytes], rounds: int) -> None:
    base_times, ours_times = [], []
    pages = 0
    for _ in range(rounds):
        # interleaved, so machine noise hits both alike
        t, pages = timed(bare, corpus)
        base_times.append(t)
        t, _ = timed(ganjina, corpus)
        ours_times.append(t)
    base, ours = statistics.median(base_times), statistics.median(ours_times)
    print(
        f"{label:<22} {len(corpus):3d} PDFs {pages:4d} pages | bare {pages / base:6.0f} pages/s"
        f" | ganjina {pages / ours:6.0f} pages/s | ratio {ours / base:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one round")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    files = sorted(ROOT.glob("samples/*/article.pdf"))
    corpus = [p.read_bytes() for p in files]
    latin = [p.read_bytes() for p in files if p.parent.name.startswith(("en-", "de-"))]
    arabic = [p.read_bytes() for p in files if p.parent.name.startswith(("fa-", "ps-"))]
    ganjina(corpus[0])  # warm imports and caches outside the timing
    bare(corpus[0])
    print(f"CPU time, median of {rounds} round(s); bare = PyMuPDF page.get_text('dict')")
    compare("all samples", corpus, rounds)
    compare("English and German", latin, rounds)
    compare("Dari and Pashto", arabic, rounds)
    print("targets: ratio <= 2x, >= 100 pages/s on one core")


if __name__ == "__main__":
    main()
