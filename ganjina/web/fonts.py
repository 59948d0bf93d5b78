"""The web fonts: the files of the ``fontpkg-*`` packages, served as they are installed.

Only the files listed here can be fetched, by exact name, so ``/fonts/`` can never
reach another file. The stylesheet loads them with ``unicode-range``, so an English page
fetches no Arabic-script font and a Dari page no Latin one it does not use.
"""

from __future__ import annotations

import functools
import importlib
import re
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter
from starlette.responses import FileResponse, Response

from ganjina.web.i18n import N_
from ganjina.web.represent import PageError

router = APIRouter()

#: Amiri for Arabic-script titles (it has a real bold), Noto Sans Arabic for Dari and
#: Pashto text, Noto Serif for Latin text
PACKAGES = ("fontpkg_amiri", "fontpkg_noto_sans_arabic", "fontpkg_noto_serif")
#: the file names are versionless, so a new package version needs a new address: keep a
#: week, not a year
CACHE = "public, max-age=604800"


@functools.cache
def font_files() -> dict[str, Path]:
    """File name -> path of every font of :data:`PACKAGES`."""
    found: dict[str, Path] = {}
    for package in PACKAGES:
        root = Path(importlib.import_module(package).ROOT) / "files"
        for path in sorted(root.iterdir()):
            if path.suffix in (".ttf", ".otf", ".woff2"):
                found[path.name] = path
    return found


ARABIC_RANGE = (
    "U+0600-06FF, U+0750-077F, U+0870-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F, U+2066-2069"
)
LATIN_RANGE = "U+0000-024F, U+0259, U+02B0-02FF, U+0300-036F, U+1E00-1EFF, U+2000-206F, U+20AC"
_STYLES = {
    "Regular": ("400", "normal"),
    "Bold": ("700", "normal"),
    "Italic": ("400", "italic"),
    "BoldItalic": ("700", "italic"),
}


def _face(name: str) -> str:
    """The ``@font-face`` rule of one file, from its name (``Amiri-Bold.ttf``,
    ``NotoSerif-Italic[wdth,wght].ttf``): a variable font covers every weight."""
    stem = name.rsplit(".", 1)[0]
    axes = "[" in stem
    stem = stem.split("[")[0]
    family_part, _, style_part = stem.partition("-")
    family = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", family_part)
    weight, style = _STYLES.get(style_part or "Regular", ("400", "normal"))
    if axes:
        weight = "100 900"
        style = "italic" if "Italic" in style_part else "normal"
    arabic = "Arabic" in family or family == "Amiri"
    return (
        f'@font-face {{ font-family: "{family}"; src: url("/fonts/{quote(name)}") '
        f'format("truetype"); font-weight: {weight}; font-style: {style}; '
        f"font-display: swap; unicode-range: {ARABIC_RANGE if arabic else LATIN_RANGE}; }}"
    )


@functools.cache
def stylesheet() -> str:
    return "\n".join(_face(name) for name in font_files()) + "\n"


@router.get("/fonts/fonts.css", include_in_schema=False)
def fonts_css() -> Response:
    """The ``@font-face`` rules, made from the installed files (their names change with
    the packages, so they are not written into the static stylesheet)."""
    return Response(stylesheet(), media_type="text/css", headers={"Cache-Control": CACHE})


@router.get("/fonts/{name}", include_in_schema=False)
def font(name: str) -> Response:
    path = font_files().get(name)
    if path is None:
        raise PageError(404, N_("no font %(name)s"), values={"name": name})
    return FileResponse(path, media_type="font/ttf", headers={"Cache-Control": CACHE})
