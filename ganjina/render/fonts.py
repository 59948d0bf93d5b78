"""The fonts a published page may use, and the check that they draw every character.

Only the fonts installed by the ``fontpkg-*`` packages are used (system fonts and the
fonts built into Typst are left out), so the same source gives the same PDF on every
machine. Typst draws a character no font has as an empty box and carries on; we check
every printed character first, so that a missing glyph is an error naming it instead.

Example::

    >>> missing_characters(["Hamburg", "پښتو", "می\u200cشود"])
    []
    >>> describe(missing_characters(["\\U0001f600"])[0])
    "U+1F600 GRINNING FACE ('😀')"
"""

from __future__ import annotations

import functools
import importlib
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import pymupdf
import typst

#: the font packages, in the order their families are named in error messages
FONT_PACKAGES: tuple[str, ...] = ("fontpkg_amiri", "fontpkg_noto_sans_arabic", "fontpkg_noto_serif")

# Characters that are never drawn, so need no glyph: line breaks, tabs and the bidi and
# joining controls that shaping consumes.
_INVISIBLE = frozenset("\n\r\t\u200c\u200d\u200e\u200f\u2066\u2067\u2068\u2069\u202a\u202b"
                       "\u202c\u202d\u202e\u00ad\ufeff")  # fmt: skip


@functools.cache
def font_dirs() -> tuple[Path, ...]:
    """The folders holding the font files of :data:`FONT_PACKAGES`."""
    dirs = []
    for name in FONT_PACKAGES:
        module = importlib.import_module(name)
        dirs.append(Path(module.ROOT) / "files")
    return tuple(dirs)


def font_files() -> list[Path]:
    return sorted(p for d in font_dirs() for p in d.iterdir() if p.suffix in (".ttf", ".otf"))


@functools.cache
def font_book() -> typst.Fonts:
    """The font set handed to Typst: our files only, no system or built-in fonts."""
    return typst.Fonts(
        include_system_fonts=False,
        include_embedded_fonts=False,
        font_paths=[str(d) for d in font_dirs()],
    )


@functools.cache
def family_names() -> tuple[str, ...]:
    return tuple(font_book().families())


@functools.cache
def covered() -> frozenset[int]:
    """Every code point some font of the book has a glyph for."""
    points: set[int] = set()
    for path in font_files():
        # PyMuPDF has no type annotations; Font reads the file's character map
        font = pymupdf.Font(fontfile=str(path))  # type: ignore[no-untyped-call,unused-ignore]
        points.update(font.valid_codepoints())  # type: ignore[no-untyped-call,unused-ignore]
    return frozenset(points)


def missing_characters(texts: Iterable[str]) -> list[str]:
    """The distinct characters of ``texts`` that no font draws, in order of appearance."""
    have = covered()
    missing: dict[str, None] = {}
    for text in texts:
        for ch in text:
            if ch not in _INVISIBLE and ord(ch) not in have and ch not in missing:
                missing[ch] = None
    return list(missing)


def describe(ch: str) -> str:
    """``U+0763 ARABIC LETTER ... ('ݣ')``: a character as an error message names it."""
    name = unicodedata.name(ch, "unnamed character")
    shown = repr(ch) if unicodedata.category(ch)[0] != "C" else "invisible"
    return f"U+{ord(ch):04X} {name} ({shown})"
