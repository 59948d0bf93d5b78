"""Regenerate every file of the sample corpus from its ``source.md`` (the truth).

For each ``samples/<slug>/source.md``::

    source.md ──make_docx──► article.docx ──LibreOffice──► article.pdf
              ──pymupdf4llm──► article.md        source.md ──load_source──► expected.json

The generated files are committed, so the tests need no LibreOffice; run this script after
changing a source, the house style (``tools/make_docx.py``) or ``ganjina/render/sources.py``.

    python samples/build.py                  # rebuild everything (one soffice call)
    python samples/build.py --only en-flood-relief --only ps-kandahar-pomegranates
    python samples/build.py --check          # verify, write nothing, exit 1 if stale
    python samples/build.py --force          # convert every DOCX again with LibreOffice

``--check`` needs no LibreOffice: it compares expected.json and the DOCX's XML with fresh
builds, the PDF's Keywords (``source-sha256=…``, carried over from the DOCX) with the
source, and article.md with a fresh conversion of the committed PDF.

expected.json is ``load_source("samples/<slug>/source.md").to_dict()``. A reader's result
for article.pdf / article.md / article.docx is compared with it ignoring the fields that
say how a record was read rather than what it says (:data:`IGNORED_FIELDS`):
``provenance`` (path, sha256, format, pages, parser_version), ``warnings`` (a reader
warns about a missing date or byline; a source, being the truth, never does) and each
block's ``page`` (null in expected.json: a source has no pages).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (ROOT, HERE / "tools"):
    if str(p) not in sys.path:  # so that `python samples/build.py` works from anywhere
        sys.path.insert(0, str(p))

import pymupdf  # noqa: E402
import pymupdf4llm  # noqa: E402
from figures import make_placeholder_photo  # noqa: E402
from make_docx import build_docx, docx_parts  # noqa: E402

from ganjina.render.sources import SourceDocument, read_source  # noqa: E402

#: Fields of expected.json that a reader's record is not compared on (see the docstring).
IGNORED_FIELDS = ("provenance", "warnings", "blocks[].page")
FILES = ("source.md", "article.docx", "article.pdf", "article.md", "expected.json")
SOFFICE = os.environ.get("SOFFICE", "soffice")
FONT_DIR = Path.home() / ".fonts" / "ganjina-samples"
FONT_PACKAGES = ("fontpkg_amiri", "fontpkg_noto_serif", "fontpkg_noto_sans_arabic")


@dataclass
class Sample:
    slug: str
    dir: Path

    @property
    def source(self) -> Path:
        return self.dir / "source.md"

    def rel(self, name: str) -> str:
        return f"samples/{self.slug}/{name}"


def find_samples(only: list[str] | None = None) -> list[Sample]:
    samples = [Sample(p.parent.name, p.parent) for p in sorted(HERE.glob("*/source.md"))]
    if only:
        unknown = sorted(set(only) - {s.slug for s in samples})
        if unknown:
            raise SystemExit(f"build.py: no sample {unknown[0]!r}")
        samples = [s for s in samples if s.slug in only]
    return samples


def read(sample: Sample) -> SourceDocument:
    # The relative path goes into provenance.path, so expected.json is the same everywhere.
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return read_source(sample.rel("source.md"))
    finally:
        os.chdir(cwd)


def expected_json(doc: SourceDocument) -> str:
    return json.dumps(doc.article.to_dict(), ensure_ascii=False, indent=2) + "\n"


def to_markdown(pdf: Path) -> str:
    """pymupdf4llm's classic (non-layout) conversion of the PDF.

    Its layout mode (the default when pymupdf-layout is installed) was worse on these
    files: it dropped every ZWNJ, ran the attribution into the last paragraph, the date
    into the title and the motto into a "picture text" block. See NOTES.md.
    """
    pymupdf4llm.use_layout(False)
    text: str = pymupdf4llm.to_markdown(str(pdf), show_progress=False)
    return text if text.endswith("\n") else text + "\n"


# --- fonts ------------------------------------------------------------------------------
def install_fonts() -> None:
    """Make the fontpkg fonts visible to LibreOffice (through fontconfig's ~/.fonts).

    A variable font is skipped when fontconfig already has static files of that family:
    LibreOffice 7.4 embeds only the default instance of a variable font, so its bold and
    italic would come out as regular.
    """
    import importlib

    listing = subprocess.run(["fc-list", ":", "file"], capture_output=True, text=True,
                             check=False).stdout
    have = [line for line in listing.splitlines() if str(FONT_DIR) not in line]
    FONT_DIR.mkdir(parents=True, exist_ok=True)
    changed = False
    for name in FONT_PACKAGES:
        files = Path(importlib.import_module(name).__file__).parent / "files"  # type: ignore[arg-type]
        for font in sorted(files.glob("*.[ot]tf")):
            target = FONT_DIR / font.name
            family = font.name.split("[")[0].split("-")[0]  # NotoSerif[wdth,wght] → NotoSerif
            if "[" in font.name and any(f"/{family}-Bold." in line for line in have):
                if target.exists():  # copied by an earlier build: take it back out
                    target.unlink()
                    changed = True
                continue
            if not target.exists() or target.stat().st_size != font.stat().st_size:
                shutil.copyfile(font, target)
                changed = True
    if changed:
        subprocess.run(["fc-cache", "-f", str(FONT_DIR)], check=True, capture_output=True)


def check_fonts(pdf: Path, rtl: bool) -> list[str]:
    """The problems with the fonts embedded in a PDF (Amiri for Persian, Noto Serif)."""
    with pymupdf.open(pdf) as doc:
        names = {f[3] for page in doc for f in page.get_fonts()}
    problems = []
    if not any("Amiri" in n for n in names):
        problems.append("Amiri is not embedded (masthead/Persian text would be unshaped)")
    if not rtl and not any("NotoSerif" in n for n in names):
        problems.append("Noto Serif is not embedded")
    return problems


# --- LibreOffice ------------------------------------------------------------------------
def convert_all(docx_files: dict[str, Path], outdir: Path) -> dict[str, Path]:
    """DOCX → PDF for all files in one soffice run (its start-up is most of the cost).

    The files are copied under unique names (all are called article.docx) and converted
    with a private user profile, so a LibreOffice someone else runs does not interfere.
    """
    work = outdir / "in"
    work.mkdir(parents=True)
    inputs = []
    for slug, path in docx_files.items():
        target = work / f"{slug}.docx"
        shutil.copyfile(path, target)
        inputs.append(str(target))
    profile = (outdir / "profile").as_uri()
    cmd = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
           "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(outdir), *inputs]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    results = {slug: outdir / f"{slug}.pdf" for slug in docx_files}
    missing = [slug for slug, pdf in results.items() if not pdf.exists()]
    if proc.returncode != 0 or missing:
        raise SystemExit(f"build.py: soffice failed for {missing or 'some files'}: "
                         f"{(proc.stderr or proc.stdout).strip()[-500:]}")
    return results


# --- the two modes ----------------------------------------------------------------------
def build(samples: list[Sample], force: bool = False) -> int:
    """Regenerate the samples' files; convert only the DOCX files that changed.

    A file whose content is unchanged is not rewritten, so a rebuild leaves git clean:
    the DOCX is byte-stable, but LibreOffice stamps every PDF with a new date and ID, so
    a PDF is remade only when its DOCX changed, its source hash is not in its Keywords,
    or ``force`` is set.
    """
    t0 = time.perf_counter()
    install_fonts()
    docs = {s.slug: read(s) for s in samples}
    to_convert: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="ganjina-samples-") as tmp:
        for s in samples:
            for figure in docs[s.slug].figures:
                image = s.dir / figure.image
                if not image.exists():
                    make_placeholder_photo(image, seed=f"{s.slug}/{figure.image}")
            fresh = build_docx(docs[s.slug], Path(tmp) / f"{s.slug}.docx", image_dir=s.dir)
            docx, pdf = s.dir / "article.docx", s.dir / "article.pdf"
            same_docx = docx.exists() and docx_parts(docx) == docx_parts(fresh)
            if not same_docx or docx.read_bytes() != fresh.read_bytes():
                shutil.copyfile(fresh, docx)
            if force or not same_docx or not pdf_matches(pdf, docs[s.slug]):
                to_convert[s.slug] = docx
        t_docx = time.perf_counter()
        if to_convert:
            pdfs = convert_all(to_convert, Path(tmp) / "pdf")
            for slug, made in pdfs.items():
                shutil.move(made, HERE / slug / "article.pdf")
    t_pdf = time.perf_counter()
    failures = 0
    for s in samples:
        pdf = s.dir / "article.pdf"
        for problem in check_fonts(pdf, docs[s.slug].rtl):
            print(f"{s.slug}: {problem}", file=sys.stderr)
            failures += 1
        write_if_changed(s.dir / "article.md", to_markdown(pdf))
        write_if_changed(s.dir / "expected.json", expected_json(docs[s.slug]))
        with pymupdf.open(pdf) as d:
            note = "converted" if s.slug in to_convert else "PDF up to date"
            print(f"{s.slug}: {d.page_count} page(s), {note}")
    t_end = time.perf_counter()
    print(f"built {len(samples)} sample(s) in {t_end - t0:.1f} s (docx {t_docx - t0:.1f} s, "
          f"LibreOffice {t_pdf - t_docx:.1f} s for {len(to_convert)}, "
          f"markdown+json {t_end - t_pdf:.1f} s)")
    return 1 if failures else 0


def pdf_matches(pdf: Path, doc: SourceDocument) -> bool:
    """True when the PDF exists and was made from this source (its Keywords say so)."""
    if not pdf.exists():
        return False
    with pymupdf.open(pdf) as d:
        keywords = d.metadata.get("keywords") or ""
    return f"source-sha256={doc.article.provenance.sha256}" in keywords


def write_if_changed(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def check(samples: list[Sample]) -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ganjina-check-") as tmp:
        for s in samples:
            missing = [f for f in FILES if not (s.dir / f).exists()]
            if missing:
                problems.append(f"{s.slug}: missing {', '.join(missing)}")
                continue
            doc = read(s)
            if (s.dir / "expected.json").read_text(encoding="utf-8") != expected_json(doc):
                problems.append(f"{s.slug}: expected.json is stale")
            fresh = build_docx(doc, Path(tmp) / f"{s.slug}.docx", image_dir=s.dir)
            if docx_parts(fresh) != docx_parts(s.dir / "article.docx"):
                problems.append(f"{s.slug}: article.docx is stale")
            if not pdf_matches(s.dir / "article.pdf", doc):
                problems.append(f"{s.slug}: article.pdf was not made from this source.md")
            md = (s.dir / "article.md").read_text(encoding="utf-8")
            if md != to_markdown(s.dir / "article.pdf"):
                problems.append(f"{s.slug}: article.md is stale")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"checked {len(samples)} sample(s): "
          + ("all up to date" if not problems else f"{len(problems)} problem(s)"))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", metavar="SLUG",
                        help="only this sample (repeatable)")
    parser.add_argument("--check", action="store_true",
                        help="verify the generated files are up to date; write nothing")
    parser.add_argument("--force", action="store_true",
                        help="convert every DOCX again, even when it did not change")
    args = parser.parse_args(argv)
    samples = find_samples(args.only)
    return check(samples) if args.check else build(samples, force=args.force)


if __name__ == "__main__":
    raise SystemExit(main())
