"""Build the variation corpus: DOCX, the LibreOffice PDF, the pymupdf4llm Markdown, and the
expected checks, for every article; cached under a folder named by the generator's hash.

Why built, not committed: 200 articles in three formats are ~25 MB of binaries that would
change with every generator fix, while building takes minutes with LibreOffice, which CI
installs anyway. The cache key covers the generator's own source and the corpus size and
seed, so a rerun is free and any change to the generator rebuilds from scratch. The cache
lives in the user's cache folder (``$XDG_CACHE_HOME/ganjina/variations``, or
``$GANJINA_VARIATIONS_CACHE``), not in the work tree: every worktree and every fresh CI clone
on one machine then shares one build. Only the newest corpus is kept.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
LANGS = ("en", "de", "fa-AF", "ps")
SIZE = 200
SEED = 1010
# the modules whose code decides what the corpus contains
GENERATOR = (
    "text_en.py",
    "text_de.py",
    "text_fa.py",
    "text_ps.py",
    "zwnj.py",
    "furniture.py",
    "design.py",
    "compose.py",
    "word.py",
    "image.py",
    "writer.py",
    "truth.py",
    "build.py",
)
SOFFICE = os.environ.get("SOFFICE", "soffice")
WORKERS = max(1, min(2, os.cpu_count() or 1))

Progress = Callable[[str, int, int], None]


class BuildError(RuntimeError):
    """The corpus could not be built (a missing tool, a failed conversion)."""


def generator_key(size: int = SIZE, seed: int = SEED) -> str:
    h = hashlib.sha256(f"{size}:{seed}".encode())
    for name in GENERATOR:
        h.update((HERE / name).read_bytes())
    return h.hexdigest()[:16]


def cache_root() -> Path:
    if os.environ.get("GANJINA_VARIATIONS_CACHE"):
        return Path(os.environ["GANJINA_VARIATIONS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ganjina" / "variations"


def corpus_dir(size: int = SIZE, seed: int = SEED) -> Path:
    return cache_root() / generator_key(size, seed)


def build(size: int = SIZE, seed: int = SEED, progress: Progress | None = None) -> Path:
    """The built corpus folder, building it first when the cache has none for this generator."""
    target = corpus_dir(size, seed)
    if (target / "manifest.json").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    # one builder at a time per cache (two worktrees' test runs may start together)
    with open(target.parent / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / "manifest.json").exists():
            return target
        return _build(target, size, seed, progress)


def _build(target: Path, size: int, seed: int, progress: Progress | None) -> Path:
    note = progress or (lambda stage, done, total: None)
    if shutil.which(SOFFICE) is None:
        raise BuildError(
            f"{SOFFICE!r} not found: the variation corpus needs LibreOffice "
            "(apt-get install libreoffice-writer-nogui)"
        )
    check_fonts()
    started = time.monotonic()
    work = target.with_name(target.name + ".partial")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    slugs = write_sources(work, size, seed, note)
    to_pdf(work, slugs, note)
    to_markdown(work, slugs, note)
    manifest = {
        "key": target.name,
        "size": size,
        "seed": seed,
        "articles": slugs,
        "build_seconds": round(time.monotonic() - started, 1),
    }
    (work / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    for old in cache_root().iterdir():  # one corpus is kept: older generators' are stale
        if old.is_dir() and old != work:
            shutil.rmtree(old, ignore_errors=True)
    work.rename(target)
    return target


FONT_PACKAGES = {
    "Liberation": "fonts-liberation",
    "DejaVu": "fonts-dejavu",
    "Noto": "fonts-noto-core",
    "Amiri": "fonts-hosny-amiri",
    "Vazirmatn": "the npm package vazirmatn (see .ci/run)",
}


def check_fonts() -> None:
    """Every font a variant names must be installed: LibreOffice would silently substitute
    another, and the corpus would not be what its variants say."""
    from tests.read.variations.design import CHOICES

    try:
        listed = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise BuildError(f"fc-list failed ({exc}): install fontconfig") from None
    have = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    wanted = CHOICES["latin_font"][0] + CHOICES["arabic_font"][0]
    missing = [f for f in wanted if f not in have]
    if missing:
        pkg = FONT_PACKAGES.get(missing[0].split()[0], "its Debian package")
        raise BuildError(f"font {missing[0]!r} is not installed (install {pkg})")


def write_sources(work: Path, size: int, seed: int, note: Progress) -> list[str]:
    from tests.read.variations.compose import compose
    from tests.read.variations.truth import expected
    from tests.read.variations.writer import write_docx

    used: set[str] = set()
    slugs = []
    for i in range(size):
        lang = LANGS[i % len(LANGS)]
        spec = compose(f"{lang}-{i:03d}", lang, random.Random(f"{seed}:{i}"), used)
        write_docx(spec, work / f"{spec.slug}.docx")
        text = json.dumps(expected(spec), ensure_ascii=False, indent=1)
        (work / f"{spec.slug}.expected.json").write_text(text + "\n", "utf-8")
        slugs.append(spec.slug)
        note("docx", i + 1, size)
    return slugs


def to_pdf(work: Path, slugs: list[str], note: Progress) -> None:
    """DOCX → PDF with LibreOffice: one soffice per core, each converting its share in one
    call (start-up is most of the cost), each with its own profile so they never collide.
    Their messages go to files, not pipes: a full pipe would stall soffice."""
    shares = [slugs[k::WORKERS] for k in range(WORKERS)]
    with tempfile.TemporaryDirectory(prefix="ganjina-lo-") as scratch:
        logs = [Path(scratch) / f"soffice{k}.log" for k in range(len(shares))]
        procs = []
        for k, share in enumerate(shares):
            cmd = [
                "nice",
                SOFFICE,
                f"-env:UserInstallation=file://{scratch}/p{k}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                *[str(work / f"{s}.docx") for s in share],
            ]
            with open(logs[k], "wb") as log:
                procs.append(subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log))
        while any(p.poll() is None for p in procs):
            note("pdf", sum(1 for s in slugs if (work / f"{s}.pdf").exists()), len(slugs))
            time.sleep(1)
        errors = " ".join(log.read_text("utf-8", errors="replace").strip() for log in logs)
    missing = [s for s in slugs if not (work / f"{s}.pdf").exists()]
    if missing:
        raise BuildError(
            f"LibreOffice made no PDF for {len(missing)} files ({missing[0]} …): " + errors[:200]
        )
    note("pdf", len(slugs), len(slugs))


def _markdown(pdf: str) -> str:
    import pymupdf4llm

    # use_ocr=False: these PDFs carry a full text layer, which is what the portal's conversions
    # are made from; OCR (pymupdf4llm 2 picks pages with a photo) would tie the Markdown to
    # Tesseract's version and cost seconds a page
    md = pymupdf4llm.to_markdown(pdf, show_progress=False, use_ocr=False)
    out = Path(pdf).with_suffix(".pymupdf4llm.md")
    out.write_text(md, "utf-8")
    return out.name


def to_markdown(work: Path, slugs: list[str], note: Progress) -> None:
    pdfs = [str(work / f"{s}.pdf") for s in slugs]
    with ProcessPoolExecutor(WORKERS) as pool:
        for done, _ in enumerate(pool.map(_markdown, pdfs, chunksize=4), 1):
            note("markdown", done, len(pdfs))


if __name__ == "__main__":  # python -m tests.read.variations.build: build only
    print(build(progress=lambda s, d, t: print(f"\r{s} {d}/{t}", end="", file=sys.stderr)))
