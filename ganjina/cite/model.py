"""What a citation says about one version of one record, whatever the format.

A :class:`Citable` is made once (``build.py``: the record, which of its versions it is,
the original it translates or reprints) and every format writes from it: CSL-JSON,
BibTeX, RIS, the page's meta tags and the citation line. So the formats cannot
disagree, and a new format is one module reading a ``Citable``.

Names and titles are kept exactly as the record prints them, in their own script: a
record does not say which part of a name is the family name (many Afghan names have
none in the European sense), so no format splits one; each is a single literal name.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal, Protocol

from ganjina.text import format_solar_hijri, gregorian_to_solar_hijri
from ganjina.text.months import LATIN_SH_MONTHS

OriginalKind = Literal["translation", "reprint"]


class Addresses(Protocol):
    """Absolute addresses of the site the citations point at (``ganjina.web.urls``)."""

    def page(self, id: str) -> str:
        """The article's own address: always its current version."""

    def version(self, id: str, number: int) -> str:
        """The permanent address of one version."""

    def original(self, id: str, number: int | None) -> str:
        """The original file of a version (``None``: the current one)."""


@dataclass(frozen=True)
class Original:
    """The work a translation or a reprint reproduces."""

    kind: OriginalKind
    #: known only when the archive holds the original and the links connect the two
    title: str | None = None
    #: the outlet as the record prints it (``source.name``)
    publisher: str | None = None
    #: ISO 8601 (Gregorian)
    date: str | None = None
    #: the original's address: its page in this archive, else the outlet's http(s) URL
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Citable:
    """One version of one record, with everything a citation names."""

    id: str
    version: int
    #: whether ``version`` is the record's current version
    current: bool
    #: when this version was stored (UTC, ISO 8601)
    stored_at: str
    title: str | None
    authors: tuple[str, ...]
    translators: tuple[str, ...]
    language: str | None
    #: publication date on the portal, ISO 8601 (Gregorian), or None
    date: str | None
    #: the date as printed when it could not be read
    date_text: str | None
    #: the portal that published it, as printed (``site.name``)
    publisher: str | None
    accessed: datetime.date
    #: the archive's own name (``WebConfig.name``)
    archive_name: str | None = None
    #: absolute addresses; None when the citation is made without a site (CLI export
    #: without ``--base-url``)
    page_url: str | None = None
    version_url: str | None = None
    #: the original file, when it is a PDF (what ``citation_pdf_url`` means)
    pdf_url: str | None = None
    original: Original | None = None

    @property
    def key(self) -> str:
        """A citation key naming the version, safe in BibTeX: ``gj-0123abcd-v2``."""
        safe = "".join(
            ch if ch.isascii() and (ch.isalnum() or ch in "-_:.") else "_" for ch in self.id
        )
        return f"{safe}-v{self.version}"

    @property
    def issued(self) -> datetime.date | None:
        return iso_date(self.date)

    @property
    def url(self) -> str | None:
        """What a citation links: the permanent address of this version."""
        return self.version_url or self.page_url

    @property
    def is_english(self) -> bool:
        return (self.language or "").lower().split("-")[0] == "en"

    def solar_note(self) -> str | None:
        """The publication date in the Afghan solar hijri calendar, for a format's note:
        ``Solar hijri: 22 Sawr 1402 SH`` (and the Dari or Pashto form for such records)."""
        return solar_note(self.issued, self.language)

    def version_note(self) -> str:
        """``Ganjina record gj-…, version 2, stored 2024-07-13``."""
        archive = self.archive_name or "Ganjina"
        return f"{archive} record {self.id}, version {self.version}, stored {self.stored_at[:10]}"


def iso_date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def date_parts(text: str | None) -> list[int] | None:
    """``[2023, 5, 12]`` from an ISO date (a year or year-month alone give fewer parts)."""
    if not text:
        return None
    parts = text.split("-")[:3]
    if not all(p.isdigit() for p in parts):
        return None
    return [int(p) for p in parts]


def solar_note(day: datetime.date | None, language: str | None) -> str | None:
    if day is None:
        return None
    y, m, d = gregorian_to_solar_hijri(day)
    latin = f"Solar hijri: {d} {LATIN_SH_MONTHS[m - 1]} {y} SH"
    primary = (language or "").lower().split("-")[0]
    if primary in ("fa", "prs", "ps"):
        own = format_solar_hijri(day, lang="ps" if primary == "ps" else "fa")
        return f"{latin} ({own})"
    return latin
