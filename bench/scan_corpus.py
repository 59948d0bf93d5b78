"""The scan corpus: every sample PDF turned into an image-only PDF, as a scanner would.

Each ``samples/*/article.pdf`` page is rasterised in greyscale and put back into a PDF as
a JPEG picture with no text layer, in five variants:

    dpi150 · dpi200 · dpi300     clean greyscale at three resolutions
    noisy200                     200 dpi with sensor noise, speckle and a slight blur
    skew200                      200 dpi turned by 1.5° (a page laid crooked on the glass)
    turned200                    200 dpi, the pages turned by 90°, 180°, 270°, 90°… in turn
                                 (a stack fed sideways and upside down)

The variants are made from the born-digital PDFs, so the truth is known exactly: the
sample's ``source.md`` / ``expected.json``. Built on demand under ``build/scans/`` (not
committed: ≈ 25 MB for the whole corpus) and reused while the sample PDF is unchanged.

    python bench/scan_corpus.py                      # build every variant
    python bench/scan_corpus.py --variant dpi200     # one variant
    python bench/scan_corpus.py --only fa-herat-saffron --pages 1
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
OUT = ROOT / "build" / "scans"


@dataclass(frozen=True)
class Variant:
    name: str
    dpi: int
    noise: bool = False
    skew: float = 0.0
    #: every page turned counter-clockwise by one of these in turn (page 1 the first)
    turns: tuple[int, ...] = ()


VARIANTS = {
    v.name: v
    for v in (
        Variant("dpi150", 150),
        Variant("dpi200", 200),
        Variant("dpi300", 300),
        Variant("noisy200", 200, noise=True),
        Variant("skew200", 200, skew=1.5),
        Variant("turned200", 200, turns=(90, 180, 270)),
    )
}


def slugs() -> list[str]:
    return sorted(p.name for p in SAMPLES.iterdir() if (p / "article.pdf").is_file())


def degrade(img: Image.Image, variant: Variant, seed: int) -> Image.Image:
    """What the scanner adds: noise and speckle (seeded, so a rebuild is identical), a turn."""
    if variant.noise:
        rng = np.random.default_rng(seed)
        a = np.asarray(img.filter(ImageFilter.GaussianBlur(0.6)), dtype=np.float32)
        a = a * 0.92 + 10 + rng.normal(0.0, 14.0, a.shape)  # grey paper, sensor noise
        speckle = rng.random(a.shape)
        a[speckle < 0.002] = 0  # dust
        a[speckle > 0.998] = 255  # dropouts
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    if variant.skew:
        img = img.rotate(variant.skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return img


def scan_pdf(pdf: bytes, variant: Variant, pages: int | None = None, seed: int = 0) -> bytes:
    """An image-only PDF of ``pdf`` (its first ``pages`` pages), as ``variant`` scans it."""
    src = pymupdf.open(stream=pdf, filetype="pdf")
    out = pymupdf.open()
    try:
        for number, page in enumerate(src):
            if pages is not None and number >= pages:
                break
            pix = page.get_pixmap(dpi=variant.dpi, colorspace=pymupdf.csGRAY, alpha=False)
            img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
            img = degrade(img, variant, seed + number)
            width, height = page.rect.width, page.rect.height
            if variant.turns:
                turn = variant.turns[number % len(variant.turns)]
                img = img.rotate(turn, expand=True)  # lossless: a multiple of 90°
                if turn % 180:
                    width, height = height, width  # the scanner's page is the picture's shape
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=85, dpi=(variant.dpi, variant.dpi))
            new = out.new_page(width=width, height=height)
            new.insert_image(new.rect, stream=buf.getvalue())
        return bytes(out.tobytes(garbage=3, deflate=True))
    finally:
        src.close()
        out.close()


def build(variant: str, slug: str, pages: int | None = None, out: Path = OUT) -> Path:
    """The scanned PDF for one sample and variant, built unless an up-to-date one exists."""
    pdf = (SAMPLES / slug / "article.pdf").read_bytes()
    stamp = hashlib.sha256(pdf).hexdigest()[:12]
    suffix = f"-p{pages}" if pages else ""
    target = out / variant / f"{slug}{suffix}-{stamp}.pdf"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob(f"{slug}{suffix}-*.pdf"):
            stale.unlink()
        seed = int(stamp, 16) % 2**31
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(scan_pdf(pdf, VARIANTS[variant], pages, seed))
        tmp.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variant", action="append", choices=sorted(VARIANTS), default=[])
    ap.add_argument("--only", action="append", default=[], help="a sample slug (repeatable)")
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    for variant in a.variant or sorted(VARIANTS):
        for slug in a.only or slugs():
            path = build(variant, slug, a.pages, a.out)
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
