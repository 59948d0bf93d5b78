"""A small photo for the article: a seeded landscape of hills and a sun, drawn with Pillow."""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw


def photo_png(seed: int, width: int = 360, height: int = 220) -> bytes:
    rng = random.Random(seed)
    img = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(img)
    top, bottom = (rng.randrange(90, 160), rng.randrange(150, 220), 250), (250, 230, 200)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    sx, sy = rng.randrange(40, width - 40), rng.randrange(20, 90)
    draw.ellipse([sx - 22, sy - 22, sx + 22, sy + 22], fill=(250, 210, 90))
    for layer in range(3):
        base = height - 30 - layer * 35
        pts = [(0, height)] + [(x, base - rng.randrange(0, 60)) for x in range(0, width + 60, 60)]
        shade = 60 + layer * 40
        draw.polygon([*pts, (width, height)], fill=(shade, 110 + layer * 30, shade - 20))
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()
