"""Page pictures for OCR: getting them out of a PDF, and mending what a scanner did.

Tesseract reads a clean, upright page best. Two repairs measurably help on the scan
corpus (``docs/ocr.md``): turning a crooked page upright (skew estimated from the
sharpness of the row profile over a range of angles) and a median filter on a page whose
background is speckled. Each runs only where the page shows the problem, so a clean
page costs one cheap measurement.
"""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

#: the resolution pages are rendered at when they have no single picture to take as is
RENDER_DPI = 300
#: below this, a page's own picture is rendered up instead of taken as it is
MIN_NATIVE_DPI = 140
MAX_SKEW = 5.0
#: smaller turns than this do Tesseract no harm
MIN_SKEW = 0.3


def page_image(page: pymupdf.Page) -> tuple[Image.Image, float]:
    """The page as a greyscale picture and its resolution (pixels per inch).

    A scan is one picture covering the page: that picture is taken at its own
    resolution (rendering it again would only resample it). Anything else is rendered.
    """
    infos = page.get_image_info(xrefs=True)
    area = abs(page.rect)
    if len(infos) == 1 and infos[0].get("xref") and area:
        info = infos[0]
        box = pymupdf.Rect(info["bbox"]) & page.rect
        if abs(box) > 0.85 * area and not info.get("has-mask"):
            dpi = info["width"] / max(box.width, 1.0) * 72.0
            if dpi >= MIN_NATIVE_DPI and _upright(info.get("transform")):
                try:
                    extracted = page.parent.extract_image(info["xref"])
                    img = Image.open(io.BytesIO(extracted["image"]))
                    img.load()
                    return img.convert("L"), dpi
                except (RuntimeError, OSError, ValueError, KeyError):
                    pass  # an image PyMuPDF can draw but not hand out: render it
    pix = page.get_pixmap(dpi=RENDER_DPI, colorspace=pymupdf.csGRAY, alpha=False)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples), float(RENDER_DPI)


def rows_run_across(img: Image.Image) -> bool:
    """Whether the page's text rows seem to run across it (the page upright or upside
    down) rather than down it (turned by 90°): across the rows of text the ink profile
    has gaps between the rows, along them it has none. Measured on the scan corpus
    (40 pages, upright and turned): gaps across over gaps along ≥ 6 upright, ≤ 0.16
    turned. A page with pictures (the storybook in shared/realworld) may say no when it is
    upright: this only decides whether Tesseract's orientation detection is asked."""
    mask = ink(img.reduce(max(1, img.width // 1000)))

    def gaps(profile: np.ndarray[Any, np.dtype[Any]]) -> float:
        inked = np.flatnonzero(profile)
        if inked.size == 0:
            return 0.0
        inside = profile[inked[0] : inked[-1] + 1]
        return float((inside == 0).mean())

    across, along = gaps(mask.sum(axis=1)), gaps(mask.sum(axis=0))
    return across + 1e-3 >= along + 1e-3


def turned(img: Image.Image, degrees: int) -> Image.Image:
    """The page turned counter-clockwise by a multiple of 90° (lossless)."""
    if degrees % 360 == 0:
        return img
    return img.rotate(degrees, expand=True)


def _upright(transform: tuple[float, ...] | None) -> bool:
    """Whether the picture is drawn unrotated and unflipped (then its pixels are the page's)."""
    if not transform:
        return False
    a, b, c, d = transform[:4]
    return a > 0 and d > 0 and abs(b) < 1e-3 and abs(c) < 1e-3


def ink(img: Image.Image) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """A boolean ink mask (Otsu's threshold on the grey levels)."""
    a = np.asarray(img, dtype=np.uint8)
    hist = np.bincount(a.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    weights = np.cumsum(hist)
    means = np.cumsum(hist * np.arange(256))
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (means[-1] * weights / total - means) ** 2 / (weights * (total - weights))
    threshold = int(np.nanargmax(between))
    return a <= threshold


def skew_angle(img: Image.Image) -> float:
    """The page's skew in degrees (positive: turned counter-clockwise), 0.0 when unsure.

    Text rows give sharp peaks in the row profile only when they lie level: the angle
    whose profile has the largest variance is the skew. Measured on a reduced copy.
    """
    small = img.reduce(max(1, img.width // 1000))
    mask = ink(small)
    if mask.mean() < 0.002:
        return 0.0  # a blank page
    ys, columns = np.nonzero(mask)
    xs = columns - mask.shape[1] / 2.0

    def score(deg: float) -> float:
        rows = ys + xs * np.tan(np.radians(deg))
        profile = np.bincount(np.clip(rows, 0, None).astype(np.int64))
        return float(np.var(profile))

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5)
    best = max(coarse, key=score)
    fine = np.arange(best - 0.5, best + 0.51, 0.1)
    angle = float(max(fine, key=score))
    base = score(0.0)
    return angle if score(angle) > 1.05 * base else 0.0


def deskew(img: Image.Image) -> tuple[Image.Image, float]:
    """The page turned level, and by how much (0.0: left as it was)."""
    angle = skew_angle(img)
    if abs(angle) < MIN_SKEW:
        return img, 0.0
    turned = img.rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    return turned, angle


def speckle(img: Image.Image) -> float:
    """The share of ink pixels that stand alone (dust, sensor noise): ≈0 on a clean page."""
    mask = ink(img.reduce(2) if img.width > 2400 else img)
    if not mask.any():
        return 0.0
    padded = np.pad(mask, 1)
    neighbours = sum(
        padded[1 + dy : padded.shape[0] - 1 + dy, 1 + dx : padded.shape[1] - 1 + dx]
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if dy or dx
    )
    alone = mask & (neighbours == 0)
    return float(alone.sum() / mask.sum())


def denoise(img: Image.Image, threshold: float = 0.02) -> tuple[Image.Image, bool]:
    """A median filter where the page is speckled; a clean page is left untouched."""
    if speckle(img) < threshold:
        return img, False
    return img.filter(ImageFilter.MedianFilter(3)), True


def stroke_width(mask: np.ndarray[Any, np.dtype[np.bool_]]) -> float:
    """The mean thickness of the ink strokes in a mask (ink area over half its outline):
    bold type has thicker strokes than regular type of the same size."""
    area = int(mask.sum())
    if area == 0:
        return 0.0
    edges = int(np.count_nonzero(mask[:, 1:] != mask[:, :-1])) + int(
        np.count_nonzero(mask[1:, :] != mask[:-1, :])
    )
    return 2.0 * area / max(edges, 1)


def text_rows(
    img: Image.Image, dpi: float, min_ink: float = 0.004
) -> list[tuple[int, int, int, int]]:
    """The page's rows of ink as boxes (x0, y0, x1, y1), top to bottom: runs of pixel rows
    with ink, runs split only by a gap thinner than a dot's (Arabic dots and marks stand
    apart from their letters by a few pixels) joined into one row. ``min_ink``: the share
    of a row's pixels that must be ink for it to count (speckle stays under it)."""
    mask = ink(img)
    counts = mask.sum(axis=1)
    inked = counts >= max(2, int(min_ink * mask.shape[1]))
    join_gap = max(2, round(dpi / 40))  # ≈ 0.6 mm: the gap between a letter and its dots
    runs: list[list[int]] = []
    for y in np.flatnonzero(inked):
        if runs and y - runs[-1][1] <= join_gap:
            runs[-1][1] = int(y)
        else:
            runs.append([int(y), int(y)])
    out: list[tuple[int, int, int, int]] = []
    for y0, y1 in runs:
        columns = np.flatnonzero(mask[y0 : y1 + 1].any(axis=0))
        if columns.size:
            out.append((int(columns[0]), y0, int(columns[-1]) + 1, y1 + 1))
    return out


#: the height in pixels of a row of ink (ascender to descender) Tesseract reads best:
#: page CER of the 200 dpi scan corpus (rows ≈ 47 px) read at 1.0, 0.7, 0.6, 0.55, 0.5 of
#: its size: Dari 13.1 / 10.2 / 9.0 / 9.2 / 10.4 %, Pashto 10.3 / 7.9 / 7.0 / 8.2 / 10.7 %,
#: English and German unchanged (docs/ocr.md)
BEST_ROW_PX = 28.0


def row_height(img: Image.Image, dpi: float) -> float:
    """The median height of the page's rows of ink that may be lines of text (between
    about 3 and 36 points tall), 0.0 when there are none."""
    heights = [
        y1 - y0 for _x0, y0, _x1, y1 in text_rows(img, dpi) if dpi / 24 <= y1 - y0 <= dpi / 2
    ]
    return float(np.median(heights)) if heights else 0.0


def to_reading_size(img: Image.Image, dpi: float) -> tuple[Image.Image, float]:
    """The page made smaller where its rows of text are taller than Tesseract reads best
    (never larger: upscaling measured worse), and its new resolution."""
    height = row_height(img, dpi)
    if height <= BEST_ROW_PX * 1.1:
        return img, dpi
    factor = BEST_ROW_PX / height
    size = (max(1, round(img.width * factor)), max(1, round(img.height * factor)))
    return img.resize(size, Image.Resampling.LANCZOS), dpi * factor
