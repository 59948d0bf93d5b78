"""OCR with the real Tesseract, on a few scanned pages (OCR costs seconds a page).

Scans are made from the sample corpus by ``bench/scan_corpus.py`` (200 dpi, first page
only); the full measurement is ``bench/ocr.py``. Each page must read closer to the
born-digital text layer than raw Tesseract does, and within a bound per language.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from rapidfuzz.distance import Levenshtein

from ganjina.archive import Archive
from ganjina.read.pdf import read_pdf
from ganjina.reader import parse_bytes, parse_file

ROOT = Path(__file__).resolve().parents[2]
# the real-world scans: shared/ beside the repository (CI), or the project's shared folder
REALWORLD = next(
    (
        p
        for p in (ROOT.parent / "shared" / "realworld", Path("/work/shared/realworld"))
        if p.is_dir()
    ),
    ROOT.parent / "shared" / "realworld",
)


def _bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    return _bench("scan_corpus")


@pytest.fixture(scope="module")
def bench_ocr() -> ModuleType:
    return _bench("ocr")


# slug, the page CER it must stay under (first page, against the text layer)
PAGES = [("en-flood-relief", 0.02), ("fa-herat-saffron", 0.12), ("ps-khost-cricket", 0.14)]


@pytest.mark.slow
@pytest.mark.parametrize(("slug", "bound"), PAGES)
def test_a_scanned_page_reads_closer_than_raw_tesseract(
    corpus: ModuleType, bench_ocr: ModuleType, slug: str, bound: float
) -> None:
    scan = corpus.build("dpi200", slug, pages=1).read_bytes()
    truth = read_pdf((corpus.SAMPLES / slug / "article.pdf").read_bytes())
    reference = bench_ocr.norm(" ".join(ln.text for ln in truth.lines if ln.page == 1))
    layout = read_pdf(scan)
    ours = bench_ocr.norm(" ".join(ln.text for ln in layout.lines))
    raw = bench_ocr.norm(bench_ocr.raw_tesseract(scan, slug[:2])[0][0])
    cer = Levenshtein.distance(reference, ours) / len(reference)
    raw_cer = Levenshtein.distance(reference, raw) / len(reference)
    assert cer < raw_cer, (cer, raw_cer)
    assert cer <= bound, cer
    assert layout.ocr is not None and layout.ocr.pages == [1]
    assert all(ln.size and ln.bbox for ln in layout.lines)


@pytest.mark.slow
def test_turned_pages_are_read_upright(corpus: ModuleType, bench_ocr: ModuleType) -> None:
    # turned200: page 1 turned by 90°, page 2 by 180°, page 3 by 270°
    slug = "en-flood-relief"
    scan = corpus.build("turned200", slug, pages=3).read_bytes()
    truth = read_pdf((corpus.SAMPLES / slug / "article.pdf").read_bytes())
    layout = read_pdf(scan)
    assert layout.ocr is not None and layout.ocr.pages == [1, 2, 3]
    raw = bench_ocr.raw_tesseract(scan, "en")[0]
    for number in (1, 2, 3):
        reference = bench_ocr.norm(" ".join(ln.text for ln in truth.lines if ln.page == number))
        ours = bench_ocr.norm(" ".join(ln.text for ln in layout.lines if ln.page == number))
        cer = Levenshtein.distance(reference, ours) / len(reference)
        raw_cer = Levenshtein.distance(reference, bench_ocr.norm(raw[number - 1])) / len(reference)
        assert cer <= min(0.02, raw_cer), (number, cer, raw_cer)
        if number < 3:  # page 3 is a few lines: raw Tesseract's own layout gets them
            assert raw_cer >= 0.2, (number, raw_cer)


def test_text_rows_across_a_page_or_down_it() -> None:
    from PIL import Image, ImageDraw

    from ganjina.read import raster

    page = Image.new("L", (800, 1100), 255)
    draw = ImageDraw.Draw(page)
    for y in range(100, 1000, 40):  # rows of "words": ink with gaps between the rows
        for x in range(80, 720, 90):
            draw.rectangle((x, y, x + 70, y + 18), fill=0)
    assert raster.rows_run_across(page)
    assert raster.rows_run_across(raster.turned(page, 180))
    for turn in (90, 270):
        sideways = raster.turned(page, turn)
        assert sideways.size == (1100, 800)
        assert not raster.rows_run_across(sideways)
    assert raster.turned(page, 360) is page


@pytest.mark.slow
def test_scanned_article_gives_the_house_style_fields(corpus: ModuleType) -> None:
    article = parse_bytes(corpus.build("dpi200", "en-flood-relief", pages=1).read_bytes(), "s.pdf")
    assert (
        article.title == "Flood relief reaches three northern provinces after a week of cut roads"
    )
    assert article.date == "2023-02-14"
    assert article.section is not None and article.section.id == "european-languages"
    assert article.authors == ["Mariam Haidari", "Thomas Brenner"]
    assert article.warnings[0].startswith("read by OCR, mean confidence 0.")
    ocr = article.to_dict()["provenance"]["ocr"]
    assert ocr["languages"] == ["eng"] and ocr["engine"].startswith("tesseract 5")


@pytest.mark.slow
def test_a_language_named_in_the_body_does_not_decide_the_scan(corpus: ModuleType) -> None:
    """The German article names "Dari," in a sentence of its first page; the page is
    German, read by the German model, and its title (with its en dash) is whole."""
    scan = corpus.build("dpi200", "de-exilliteratur", pages=1).read_bytes()
    article = parse_bytes(scan, "s.pdf")
    assert article.to_dict()["provenance"]["ocr"]["languages"] == ["deu"]
    assert article.title == "Gedichte im Handgepäck – afghanische Exilliteratur in Hamburg"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "language", "words"),
    [
        ("fa-scan-latex-guideline", "fa", ["لاتک", "گزارش"]),
        ("ps-scan-goat-storybook", "ps", ["ملګري", "ورکړه", "driver"]),
    ],
)
def test_real_scans_read_and_are_searchable(name: str, language: str, words: list[str]) -> None:
    article = parse_file(REALWORLD / name / "document.pdf")
    assert (article.language or "").startswith(language)
    body = article.body_text()
    for word in words:
        assert word in body, word
    assert article.provenance.ocr is not None


def test_never_refuses_a_scan(corpus: ModuleType) -> None:
    from ganjina.errors import NoTextLayer

    scan = corpus.build("dpi150", "de-hindukusch-gletscher", pages=1).read_bytes()
    with pytest.raises(NoTextLayer, match=r"no text layer \(scanned\?\)"):
        parse_bytes(scan, "s.pdf", ocr="never")


def test_born_digital_pdf_needs_no_tesseract(tmp_path: Path) -> None:
    env = {**os.environ, "TESSDATA_PREFIX": str(tmp_path)}  # no models at all
    sample = ROOT / "samples" / "fa-herat-saffron" / "article.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "ganjina", "parse", str(sample)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "read by OCR" not in done.stdout


def test_missing_language_pack_is_one_clear_line(corpus: ModuleType, tmp_path: Path) -> None:
    scan = corpus.build("dpi150", "ps-polio-campaign", pages=1)
    tessdata = tmp_path / "tessdata"
    tessdata.mkdir()
    # only the script detector: the page is found to be Arabic script, and no model reads it
    osd = Path("/usr/share/tesseract-ocr/5/tessdata/osd.traineddata")
    (tessdata / "osd.traineddata").symlink_to(osd)
    env = {**os.environ, "TESSDATA_PREFIX": str(tessdata)}
    done = subprocess.run(
        [sys.executable, "-m", "ganjina", "parse", str(scan)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"{scan}: OCR needs tesseract-ocr-pus: apt-get install tesseract-ocr-pus"
    ]


@pytest.mark.slow
def test_ingest_reads_scans_in_its_workers(corpus: ModuleType, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    scan = corpus.build("dpi200", "de-hindukusch-gletscher", pages=1)
    (folder / "scan.pdf").write_bytes(scan.read_bytes())
    (folder / "never.pdf").write_bytes(scan.read_bytes()[:-1] + b"\n")  # other bytes
    with Archive.open(tmp_path / "a", create=True) as archive:
        report = archive.ingest([folder / "scan.pdf"], workers=1)
        assert (report.new, report.failed) == (1, 0)
        refused = archive.ingest([folder / "never.pdf"], workers=1, ocr="never")
        assert refused.failed == 1 and "scanned" in refused.failures[0].message
        (stored,) = list(archive.iter_articles())
    assert stored.provenance.ocr is not None and stored.provenance.ocr.languages == ["deu"]
    assert stored.language == "de"
