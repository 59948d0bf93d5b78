"""What a published page prints, as plain data shared by the PDF and the HTML templates.

:func:`page_view` turns a parsed source (:class:`~ganjina.render.sources.SourceDocument`)
into a JSON-able dict: the masthead from the site profile, the section label, byline,
date line, title, blocks and attribution, each with the direction it is set in. Both
templates only lay this data out, so the PDF and the HTML page cannot disagree about
what they say, and the Typst template never sees article text as markup.

It also settles the record that goes into the PDF and the archive
(:func:`published_record`): the date is printed as the house style wants it, and the
record's ``date_text`` says exactly what was printed.

Example::

    >>> from ganjina.render.sources import parse_source_document
    >>> src = parse_source_document("---\\ntitle: T\\nsection: dari\\ndate: 2022-03-30\\n---\\nمتن")
    >>> page_view(src, published_record(src))["meta"][-1]["text"]
    '۱۰ حمل ۱۴۰۱ ـ ۳۰.۰۳.۲۰۲۲'
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import tomllib
from pathlib import Path
from typing import Any

from ganjina.errors import ProfileError
from ganjina.record import Article
from ganjina.render.sources import (
    PROFILE_PATH,
    SourceDocument,
    format_date,
    is_rtl_language,
    site_identity,
)
from ganjina.text import format_solar_hijri

#: the name a Ganjina PDF gives its record attachment (``ganjina.read.pdf`` looks for it)
RECORD_ATTACHMENT = "ganjina-record.json"

_DEFAULT_COLOURS = {"accent": "#8b1a1a", "rule": "#444444"}
# Font families by role. Amiri draws every Dari and Pashto letter with a clean text layer
# (Noto Sans Arabic builds dotted letters from separate glyphs, which a PDF text layer
# then repeats: "ټټ"); Noto Serif has the wider Latin repertoire. Noto Sans Arabic stays
# last as a fallback for rare Arabic-script characters Amiri lacks.
# Title and sub-headings of Latin pages are set in Amiri's Latin too: Noto Serif comes
# as a variable font, whose bold instance keeps the regular face's name in the PDF, and
# readers (ours included) tell a title by a bold font's name.
_FONTS_LTR = {
    "body": ["Noto Serif", "Amiri", "Noto Sans Arabic"],
    "title": ["Amiri", "Noto Serif", "Noto Sans Arabic"],
}
_FONTS_RTL = {
    "body": ["Amiri", "Noto Serif", "Noto Sans Arabic"],
    "title": ["Amiri", "Noto Serif", "Noto Sans Arabic"],
}
_DISPLAY = ["Amiri", "Noto Sans Arabic", "Noto Serif"]
_LATIN = ["Noto Serif", "Amiri"]


@dataclasses.dataclass(frozen=True)
class RenderStyle:
    """The profile's ``[render]`` table: colours (and optional font overrides)."""

    accent: str
    rule: str


@functools.cache
def render_style(profile: Path = PROFILE_PATH) -> RenderStyle:
    data: dict[str, Any] = {}
    if profile.exists():
        try:
            data = tomllib.loads(profile.read_text(encoding="utf-8")).get("render") or {}
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ProfileError(f"{profile}: cannot read the site profile: {exc}") from None
    colours = {**_DEFAULT_COLOURS, **{k: v for k, v in data.items() if k in _DEFAULT_COLOURS}}
    return RenderStyle(accent=str(colours["accent"]), rule=str(colours["rule"]))


def text_dir(text: str, default: str = "ltr") -> str:
    """``rtl`` or ``ltr`` from the first strong letter (the Unicode bidi rule P2)."""
    for ch in text:
        cp = ord(ch)
        if 0x0590 <= cp <= 0x08FF or 0xFB1D <= cp <= 0xFEFC:
            if not (0x06F0 <= cp <= 0x06F9 or 0x0660 <= cp <= 0x0669):
                return "rtl"
        elif ch.isalpha():
            return "ltr"
    return default


def solar_hijri_text(iso: str, language: str | None) -> str:
    """``۱۰ حمل ۱۴۰۱`` (Dari) or ``۱۰ وری ۱۴۰۱`` (Pashto): the Afghan calendar date."""
    lang = "ps" if (language or "").startswith("ps") else "fa"
    return format_solar_hijri(dt.date.fromisoformat(iso), lang=lang, digits="persian")


def printed_date(src: SourceDocument) -> str | None:
    """The date line as printed: the source's ``date_text`` when the editor wrote one.

    A Dari or Pashto page whose source gives only the ISO date prints the Afghan
    calendar date with the Gregorian date beside it, both in Persian digits.
    """
    a = src.article
    if a.date is None:
        return a.date_text
    default = format_date(a.date, a.language)
    if a.date_text not in (None, default) or not is_rtl_language(a.language):
        return a.date_text or default
    # A tatweel, not a dash, between the two: Afghan print uses it so, and as a strong
    # right-to-left character it keeps the two digit runs apart in any bidi reordering
    # (with a dash between them, PDF readers run them together into one number).
    return f"{solar_hijri_text(a.date, a.language)} ـ {default}"


def published_record(src: SourceDocument) -> Article:
    """The record as published: what the source says, with ``date_text`` as printed.

    ``provenance.path`` keeps only the file name, so publishing the same source from
    another folder gives the same record and so the same PDF bytes.
    """
    a = src.article
    prov = dataclasses.replace(
        a.provenance, path=Path(a.provenance.path).name if a.provenance.path else None
    )
    return dataclasses.replace(
        a,
        date_text=printed_date(src),
        provenance=prov,
        warnings=list(a.warnings),
        blocks=list(a.blocks),
    )


def _web_url(url: str | None) -> str | None:
    """Only http(s) addresses become links (no ``javascript:`` in a page we publish)."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _line(text: str, default: str) -> dict[str, str]:
    return {"text": text, "dir": text_dir(text, default)}


def page_view(
    src: SourceDocument,
    record: Article,
    images: dict[int, str] | None = None,
    profile: Path = PROFILE_PATH,
) -> dict[str, Any]:
    """The page as data; ``images`` maps a caption block's index to its image path."""
    ident = site_identity(profile)
    style = render_style(profile)
    rtl = is_rtl_language(record.language)
    page_dir = "rtl" if rtl else "ltr"
    lang, _, region = (record.language or "en").partition("-")
    images = images or {}
    meta = [t for t in (src.byline, src.translators_line, record.date_text) if t]
    blocks = [
        {
            "type": b.type,
            "text": b.text,
            "marker": b.marker,
            "image": images.get(i),
            "href": None,
            "rows": b.rows,
            "header": b.header,
        }
        for i, b in enumerate(record.blocks)
    ]
    source = record.source
    attribution = (
        {"text": source.text, "url": _web_url(source.url)}
        if source is not None and source.text
        else None
    )
    return {
        "lang": lang.lower(),
        "region": region.upper() or None,
        "dir": page_dir,
        "digits": "persian" if rtl else "latin",
        "fonts": {**(_FONTS_RTL if rtl else _FONTS_LTR), "display": _DISPLAY, "latin": _LATIN},
        "colors": {"accent": style.accent, "rule": style.rule},
        "site": {
            "name": _line(ident.name, "rtl"),
            "tag": ident.tag,
            "motto": [_line(m, "rtl") for m in ident.motto],
            "url": ident.url,
            "url_href": ident.url if "://" in ident.url else "http://" + ident.url,
            "email": ident.email,
            "email_href": "mailto:" + ident.email,
        },
        "section": [
            _line(label, page_dir) for label in (record.section.labels if record.section else [])
        ],
        "meta": [_line(t, page_dir) for t in meta],
        "title": record.title or "",
        "authors": list(record.authors),
        "blocks": blocks,
        "attribution": attribution,
        # Persian script has no italic: slanting it would only deform the letters
        "quote_style": "normal" if rtl else "italic",
        "attachment": RECORD_ATTACHMENT,
        # a creation date in the PDF only when the caller asks (see Publisher.timestamp)
        "dated": False,
    }
