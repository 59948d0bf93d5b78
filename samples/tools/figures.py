"""Placeholder photos for the sample figures, drawn with PyMuPDF (no Pillow needed).

The samples are original texts; their "photos" are simple drawn landscapes, different
per sample (the colours come from the file name), made once and then committed. Replace a
generated PNG by a real photo of your own if you like: the build keeps an existing file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pymupdf

WIDTH, HEIGHT = 480, 300  # points; rendered at 1:1 → a 480×300 px PNG


def _palette(seed: str) -> list[tuple[float, float, float]]:
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return [(digest[i] / 255, digest[i + 1] / 255, digest[i + 2] / 255) for i in range(0, 24, 3)]


def make_placeholder_photo(path: str | Path, seed: str | None = None) -> Path:
    """Draw a sky, hills, a sun and a few houses; the same seed gives the same PNG."""
    path = Path(path)
    colours = _palette(seed or path.as_posix())
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    sky = tuple(0.55 + 0.45 * c for c in colours[0])
    page.draw_rect(pymupdf.Rect(0, 0, WIDTH, HEIGHT), color=None, fill=sky)
    sun_x = 60 + colours[1][0] * (WIDTH - 120)
    page.draw_circle((sun_x, 70), 28, color=None, fill=(1.0, 0.85, 0.35))
    for i, base in enumerate((170, 200, 230)):
        shade = tuple(0.15 + 0.5 * c for c in colours[2 + i])
        shift = colours[5][i % 3] * 120
        pts = [(0, HEIGHT), (0, base), (120 + shift, base - 50), (260 + shift, base - 10),
               (380 + shift / 2, base - 60), (WIDTH, base - 20), (WIDTH, HEIGHT)]
        page.draw_polyline(pts, color=None, fill=shade, closePath=True)
    for i in range(4):
        x = 40 + i * 110 + colours[6][i % 3] * 30
        y = 245
        wall = tuple(0.6 + 0.3 * c for c in colours[7])
        page.draw_rect(pymupdf.Rect(x, y - 30, x + 50, y), color=(0.3, 0.2, 0.1), fill=wall)
        page.draw_rect(pymupdf.Rect(x + 18, y - 18, x + 32, y), color=None, fill=(0.3, 0.2, 0.1))
    pix = page.get_pixmap(dpi=72, alpha=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    pix.save(str(path))
    doc.close()
    return path
