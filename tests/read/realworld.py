"""Ganjina's text against bare extractors on real third-party Persian and Pashto files.

The corpus (``shared/realworld``, outside the repository; ``GANJINA_REALWORLD`` points
elsewhere) holds PDFs made by Word and XeLaTeX, the DOCX each Word file came from, and a
``truth.txt`` per document. Each extraction is compared with the truth the way the
corpus's own ``measure.py`` does: NFC (NFKC for the bare extractors, which leave
presentation forms in — the fair comparison), bidi controls removed, white space
collapsed; ``ratio`` is the normalised Indel similarity (order-sensitive), ``bow`` the
share of the truth's words found (a word keeps its ZWNJ).

    python -m tests.read.realworld              # the table
    python -m tests.read.realworld --json       # for scripts
    python -m tests.read.realworld --only fa-xelatex-cv --diff
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_BIDI = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff")
)
_WORD = re.compile(r"[\w\u200c\u064b-\u065f\u0670]+")


def corpus() -> Path | None:
    """The corpus folder, or None where this machine has none."""
    given = os.environ.get("GANJINA_REALWORLD")
    # beside the repository, or beside a folder it sits in (a git worktree)
    beside = [up / "shared" / "realworld" for up in ROOT.parents]
    for candidate in ([Path(given)] if given else []) + beside:
        if (candidate / "MANIFEST.tsv").is_file():
            return candidate
    return None


def normalise(text: str, form: str = "NFC") -> str:
    text = unicodedata.normalize(form, text).translate(_BIDI)
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return [w.strip("\u200c") for w in _WORD.findall(text) if w.strip("\u200c")]


def ratio(truth: str, other: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(truth, other)) / 100.0


def bag_of_words(truth: str, other: str) -> float:
    want = collections.Counter(_words(truth))
    have = collections.Counter(_words(other))
    total = sum(want.values())
    return sum(min(n, have[w]) for w, n in want.items()) / total if total else float("nan")


def ganjina_text(path: Path, *, with_title: bool = True) -> tuple[str, float]:
    """The record's title and blocks, one a line, and the seconds it took to read."""
    from ganjina.reader import parse_file

    start = time.perf_counter()
    article = parse_file(path)
    seconds = time.perf_counter() - start
    parts = ([article.title] if with_title and article.title else []) + [
        b.text for b in article.blocks
    ]
    return "\n".join(parts), seconds


def pymupdf_text(path: Path) -> str:
    import pymupdf

    with pymupdf.open(path) as doc:
        return "\n".join(page.get_text() for page in doc)


def pdftotext_text(path: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    run = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, timeout=300
    )
    return run.stdout


@dataclass
class Row:
    name: str
    kind: str
    ganjina: float
    ganjina_bow: float
    blocks_only: float
    pymupdf: float | None = None
    pdftotext: float | None = None
    pages: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def best_bare(self) -> float:
        return max(v for v in (self.pymupdf, self.pdftotext, 0.0) if v is not None)


def measure(folder: Path, only: list[str] | None = None) -> list[Row]:
    rows = []
    for doc in sorted(p for p in folder.iterdir() if p.is_dir()):
        if only and doc.name not in only:
            continue
        truth_file = doc / "truth.txt"
        if not truth_file.is_file():
            continue
        truth = normalise(truth_file.read_text("utf-8"))
        truth_k = normalise(truth_file.read_text("utf-8"), "NFKC")
        pdf = doc / "document.pdf"
        if pdf.is_file():
            text, seconds = ganjina_text(pdf)
            blocks, _ = ganjina_text(pdf, with_title=False)
            got = normalise(text)
            row = Row(doc.name, "pdf", ratio(truth, got), bag_of_words(truth, got),
                      ratio(truth, normalise(blocks)), seconds=seconds)  # fmt: skip
            row.pymupdf = ratio(truth_k, normalise(pymupdf_text(pdf), "NFKC"))
            bare = pdftotext_text(pdf)
            row.pdftotext = ratio(truth_k, normalise(bare, "NFKC")) if bare is not None else None
            import pymupdf

            with pymupdf.open(pdf) as opened:
                row.pages = opened.page_count
            rows.append(row)
        docx = doc / "source.docx"
        if docx.is_file():
            text, seconds = ganjina_text(docx)
            blocks, _ = ganjina_text(docx, with_title=False)
            got = normalise(text)
            rows.append(Row(doc.name, "docx", ratio(truth, got), bag_of_words(truth, got),
                            ratio(truth, normalise(blocks)), seconds=seconds))  # fmt: skip
    return rows


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def summary(rows: list[Row]) -> dict[str, float]:
    pdfs = [r for r in rows if r.kind == "pdf"]
    docx = [r for r in rows if r.kind == "docx"]
    return {
        "pdf_mean": _mean([r.ganjina for r in pdfs]),
        "pdf_mean_blocks_only": _mean([r.blocks_only for r in pdfs]),
        "pymupdf_mean": _mean([r.pymupdf or 0.0 for r in pdfs]),
        "pdftotext_mean": _mean([r.pdftotext or 0.0 for r in pdfs]),
        "docx_mean": _mean([r.ganjina for r in docx]),
        "behind_best_bare": float(sum(1 for r in pdfs if r.ganjina < r.best_bare)),
    }


def _table(rows: list[Row]) -> str:
    out = [
        "| file | input | ganjina | bow | blocks only | pymupdf | pdftotext |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        bare = [f"{v:.3f}" if v is not None else "" for v in (r.pymupdf, r.pdftotext)]
        flag = " ✗" if r.kind == "pdf" and r.ganjina < r.best_bare else ""
        out.append(f"| {r.name} | {r.kind} | {r.ganjina:.3f}{flag} | {r.ganjina_bow:.3f} | "
                   f"{r.blocks_only:.3f} | {bare[0]} | {bare[1]} |")  # fmt: skip
    s = summary(rows)
    out.append("")
    out.append(
        f"mean over PDFs: ganjina {s['pdf_mean']:.3f}"
        f" (blocks only {s['pdf_mean_blocks_only']:.3f}),"
        f" pymupdf {s['pymupdf_mean']:.3f}, pdftotext {s['pdftotext_mean']:.3f};"
        f" DOCX {s['docx_mean']:.3f}; behind the best bare extractor on"
        f" {int(s['behind_best_bare'])} files"
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", action="append")
    parser.add_argument("--diff", action="store_true", help="show where Ganjina differs")
    args = parser.parse_args(argv)
    folder = corpus()
    if folder is None:
        print("no real-world corpus here (set GANJINA_REALWORLD)", file=sys.stderr)
        return 2
    rows = measure(folder, args.only)
    if args.json:
        print(json.dumps({"rows": [asdict(r) for r in rows], "summary": summary(rows)}, indent=1))
    else:
        print(_table(rows))
    if args.diff:
        for r in rows:
            truth = (folder / r.name / "truth.txt").read_text("utf-8").split()
            path = folder / r.name / ("document.pdf" if r.kind == "pdf" else "source.docx")
            got = ganjina_text(path)[0].split()
            sm = difflib.SequenceMatcher(None, truth, got, autojunk=False)
            for tag, a0, a1, b0, b1 in sm.get_opcodes():
                if tag != "equal":
                    print(f"{r.name}/{r.kind} {tag}: {' '.join(truth[a0:a1])[:120]!r} -> "
                          f"{' '.join(got[b0:b1])[:120]!r}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
