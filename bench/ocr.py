"""OCR: how close Ganjina reads the scan corpus to the truth, beside raw Tesseract, and how fast.

For every scanned sample (``bench/scan_corpus.py``: 150/200/300 dpi, noisy and skewed at
200 dpi) it measures, per variant and language:

* **body CER**: character error rate of the record's body (blocks joined) against the
  source's body (``expected.json``), Levenshtein distance over the source's length;
* **page CER, Ganjina vs raw**: each page's text against the born-digital PDF's text layer
  of the same page, for Ganjina's OCR lines and for raw Tesseract (``tesseract page -l
  LANG``: the language's own model, automatic page segmentation, no clean-up) on the
  same page picture: the like-for-like comparison;
* **fields**: title, date, authors, section and source exactly as ``expected.json`` has
  them; for raw Tesseract, whether the printed field is found word for word in its text
  (it has no fields: a generous baseline);
* **speed**: pages per CPU second (one core; Tesseract told to use one thread), Ganjina's
  whole parse (OCR, clean-up, recognition) against raw Tesseract's recognition alone.

All texts are NFC-normalised with bidi controls removed and whitespace collapsed.

    python bench/ocr.py                          # everything (≈ 20 min on one core)
    python bench/ocr.py --variant dpi200 --jobs 2
    python bench/ocr.py --variant dpi200 --only fa-herat-saffron --pages 1 --json
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per process, before Tesseract loads

import argparse
import io
import json
import sys
import time
import unicodedata
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402
from PIL import Image  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from bench import scan_corpus  # noqa: E402
from ganjina.house import builtin_profile, recognize  # noqa: E402
from ganjina.read.ocr import _engine  # noqa: E402
from ganjina.read.pdf import read_pdf  # noqa: E402
from ganjina.reader import ocr_options  # noqa: E402

RAW_MODEL = {"en": "eng", "de": "deu", "fa": "fas", "ps": "pus"}
FIELDS = ("title", "date", "authors", "section", "source")
_BIDI = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
)


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(_BIDI).split())


def errors(reference: str, hypothesis: str) -> tuple[int, int]:
    ref, hyp = norm(reference), norm(hypothesis)
    return Levenshtein.distance(ref, hyp), len(ref)


def fields(record: dict[str, Any]) -> dict[str, Any]:
    source = record.get("source") or {}
    return {
        "title": norm(record.get("title") or ""),
        "date": record.get("date"),
        "authors": [norm(a) for a in record.get("authors") or []],
        "section": (record.get("section") or {}).get("id"),
        "source": (norm(source.get("name") or ""), source.get("date")) if source else None,
    }


def printed(expected: dict[str, Any]) -> dict[str, list[str]]:
    """What raw text must contain word for word for each field to count as read."""
    source = expected.get("source") or {}
    section = expected.get("section") or {}
    return {
        "title": [expected.get("title") or ""],
        "date": [expected.get("date_text") or ""],
        "authors": list(expected.get("authors") or []),
        "section": list(section.get("labels") or [])[:1],
        "source": [source.get("name") or ""] if source else [],
    }


def raw_tesseract(pdf: bytes, language: str) -> tuple[list[str], float]:
    """Raw Tesseract's text of each page and the CPU seconds it took."""
    api = _engine(RAW_MODEL[language], 3)  # PSM 3: Tesseract's default
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    texts: list[str] = []
    spent = 0.0
    try:
        for page in doc:
            start = time.process_time()
            xref = page.get_images()[0][0]
            img = Image.open(io.BytesIO(doc.extract_image(xref)["image"]))
            api.SetImage(img)
            texts.append(api.GetUTF8Text())
            spent += time.process_time() - start
    finally:
        doc.close()
    return texts, spent


def measure_one(variant: str, slug: str, pages: int | None) -> dict[str, Any]:
    scan = scan_corpus.build(variant, slug, pages).read_bytes()
    born = (scan_corpus.SAMPLES / slug / "article.pdf").read_bytes()
    expected = json.loads((scan_corpus.SAMPLES / slug / "expected.json").read_text("utf-8"))
    language = slug[:2]
    truth_layer = read_pdf(born)
    profile = builtin_profile()
    start = time.process_time()
    ocr_layout = read_pdf(scan, ocr_options("auto", profile))  # what parse_bytes does
    page_texts = defaultdict(list)
    for ln in ocr_layout.lines:
        page_texts[ln.page].append(ln.text)
    article = recognize(ocr_layout, profile)
    article.provenance.ocr = ocr_layout.ocr
    record = article.to_dict()
    ganjina_seconds = time.process_time() - start
    raw_pages, raw_seconds = raw_tesseract(scan, language)
    result: dict[str, Any] = {
        "variant": variant,
        "slug": slug,
        "language": language,
        "pages": len(raw_pages),
        "seconds": {"ganjina": ganjina_seconds, "raw": raw_seconds},
        "page_errors": {"ganjina": [0, 0], "raw": [0, 0]},
    }
    for number, raw_text in enumerate(raw_pages, start=1):
        ref = " ".join(ln.text for ln in truth_layer.lines if ln.page == number)
        ours = " ".join(page_texts[number])
        for who, text in (("ganjina", ours), ("raw", raw_text)):
            e, n = errors(ref, text)
            result["page_errors"][who][0] += e
            result["page_errors"][who][1] += n
    if pages is None:  # the body is only whole when every page was scanned
        body = "\n".join(b["text"] for b in record["blocks"])
        truth_body = "\n".join(b["text"] for b in expected["blocks"])
        result["body_errors"] = list(errors(truth_body, body))
    want, got = fields(expected), fields(record)
    result["fields"] = {f: want[f] == got[f] for f in FIELDS}
    result["wrong"] = {f: [want[f], got[f]] for f in FIELDS if want[f] != got[f]}
    raw_all = norm(" ".join(raw_pages))
    result["raw_fields"] = {
        f: (all(norm(v) in raw_all for v in vs) and bool(vs)) or (not vs and not want[f])
        for f, vs in printed(expected).items()
    }
    result["ocr"] = record["provenance"].get("ocr")
    return result


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        groups[(r["variant"], r["language"])].append(r)
    table: dict[str, Any] = {}
    for (variant, language), rs in sorted(groups.items()):

        def rate(key: str, who: str | None = None, rows: list[dict[str, Any]] = rs) -> float:
            pairs = [r[key][who] if who else r[key] for r in rows if key in r]
            e, n = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
            return e / n if n else float("nan")

        table[f"{variant}/{language}"] = {
            "scans": len(rs),
            "pages": sum(r["pages"] for r in rs),
            "body_cer": rate("body_errors"),
            "page_cer": rate("page_errors", "ganjina"),
            "raw_page_cer": rate("page_errors", "raw"),
            "fields": {f: sum(r["fields"][f] for r in rs) / len(rs) for f in FIELDS},
            "raw_fields": {f: sum(r["raw_fields"][f] for r in rs) / len(rs) for f in FIELDS},
            "pages_per_s": {
                who: sum(r["pages"] for r in rs) / max(sum(r["seconds"][who] for r in rs), 1e-9)
                for who in ("ganjina", "raw")
            },
        }
    return table


def markdown(table: dict[str, Any]) -> str:
    out = [
        "| variant/lang | scans | body CER | page CER ganjina | page CER raw | "
        "title | date | authors | section | source | pages/s ganjina | pages/s raw |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for key, row in table.items():
        f, rf = row["fields"], row["raw_fields"]
        cells = [
            key,
            str(row["scans"]),
            f"{row['body_cer']:.3f}",
            f"{row['page_cer']:.3f}",
            f"{row['raw_page_cer']:.3f}",
            *(f"{f[k]:.2f} ({rf[k]:.2f})" for k in FIELDS),
            f"{row['pages_per_s']['ganjina']:.2f}",
            f"{row['pages_per_s']['raw']:.2f}",
        ]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append("Fields: share of scans right; in brackets, raw Tesseract (field text found).")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variant", action="append", choices=sorted(scan_corpus.VARIANTS))
    ap.add_argument("--only", action="append", default=[], help="a sample slug (repeatable)")
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages")
    ap.add_argument("--jobs", type=int, default=1, help="processes (each one core)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args(argv)
    jobs = [
        (v, s, a.pages)
        for v in a.variant or sorted(scan_corpus.VARIANTS)
        for s in a.only or scan_corpus.slugs()
    ]
    for v, s, p in jobs:  # build the scans first, once
        scan_corpus.build(v, s, p)
    results: list[dict[str, Any]] = []
    with ProcessPoolExecutor(max(1, a.jobs)) as pool:
        for i, r in enumerate(pool.map(measure_one, *zip(*jobs, strict=True)), start=1):
            results.append(r)
            print(f"[{i}/{len(jobs)}] {r['variant']} {r['slug']}", file=sys.stderr)
    table = summarise(results)
    if a.json:
        print(json.dumps({"summary": table, "scans": results}, ensure_ascii=False, indent=2))
    else:
        print(markdown(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
