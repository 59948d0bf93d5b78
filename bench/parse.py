"""How much the house-style structure costs over bare text extraction.

Times ``ganjina.reader.parse_bytes`` against bare PyMuPDF ``page.get_text("dict")`` on
the same files, in the same process, and prints the ratio and pages per second on one
core (CPU time), for the sample PDFs, the variation corpus (where it is built: ``python
-m tests.read.variations``) and the real-world corpus (``--realworld DIR``, else
``GANJINA_REALWORLD``, else ``shared/realworld`` beside the repository, where there is
one). Targets (issues 2, 10, 11): ratio at most 2x, at least 100 pages/s.

Real-world files whose pages are scans are left out (OCR is timed by ``bench/ocr.py``;
bare extraction reads nothing there); the XeLaTeX files whose glyphs lack a text mapping
keep the Tesseract reading of those glyphs, which is part of reading them.

    python bench/parse.py            # 5 rounds over each corpus
    python bench/parse.py --quick    # 1 round
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from ganjina.errors import ReadError  # noqa: E402
from ganjina.reader import parse_bytes  # noqa: E402


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


def variation_pdfs() -> list[Path] | None:
    """The variation corpus's PDFs, where it is built for the current generator."""
    try:
        from tests.read.variations.build import corpus_dir
    except ImportError:
        return None
    folder = corpus_dir()
    pdfs = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    return pdfs or None


def realworld_folder(given: str | None) -> Path | None:
    if given:
        return Path(given)
    if os.environ.get("GANJINA_REALWORLD"):
        return Path(os.environ["GANJINA_REALWORLD"])
    try:
        from tests.read.realworld import corpus
    except ImportError:
        return None
    return corpus()


def born_digital(paths: list[Path]) -> tuple[list[bytes], int]:
    """The files Ganjina reads from their text layer (one untimed read each), and how
    many were left out (scans, read by OCR, or unreadable)."""
    kept, left = [], 0
    for path in paths:
        data = path.read_bytes()
        try:
            record = parse_bytes(data, path.name)
        except ReadError:
            left += 1
            continue
        if record.provenance.ocr is not None:
            left += 1
        else:
            kept.append(data)
    return kept, left


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one round")
    parser.add_argument("--realworld", metavar="DIR", help="the real-world corpus folder")
    parser.add_argument("--samples-only", action="store_true", help="only the sample PDFs")
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
    if not args.samples_only:
        variations = variation_pdfs()
        if variations is None:
            print("variation corpus: not built (python -m tests.read.variations builds it)")
        else:
            compare("variation corpus", [p.read_bytes() for p in variations], rounds)
        folder = realworld_folder(args.realworld)
        if folder is None or not folder.is_dir():
            print("real-world corpus: none here (--realworld DIR or GANJINA_REALWORLD)")
        else:
            kept, left = born_digital(sorted(folder.glob("*/document.pdf")))
            compare("real-world PDFs", kept, rounds)
            print(f"  (real-world: {left} scanned or unreadable files left out)")
    print("targets: ratio <= 2x, >= 100 pages/s on one core")


if __name__ == "__main__":
    main()
