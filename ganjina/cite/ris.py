"""RIS, the tagged format EndNote, Zotero, Mendeley and most catalogues import.

Tags as Zotero's RIS translator reads them for a newspaper article (``TY - NEWS``):
``AU`` authors and ``A4`` translators as printed, ``T2`` the portal, ``DA``/``PY`` the
date, ``UR`` the version's permanent address, ``Y2`` the date accessed, ``DB``/``AN``
the archive and the record's id and version, ``L1`` the original PDF, ``OP`` the
original of a translation or reprint, and ``N1`` notes (the solar hijri date, the
version). UTF-8; a value is one line, so line breaks inside it become spaces.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ganjina.cite.model import Citable

MEDIA_TYPE = "application/x-research-info-systems"

_ONE_LINE = str.maketrans({chr(c): " " for c in range(32)})


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {value.translate(_ONE_LINE).strip()}\n"


def _date(iso: str) -> str:
    """RIS dates: ``2023/05/12/`` (year, month, day, other info)."""
    parts = iso.split("-")[:3]
    return "/".join(parts + [""] * (3 - len(parts))) + "/"


def original_text(c: Citable) -> str | None:
    """``Title (Outlet, 2023/05/07)``: the original in one line, for ``OP``."""
    original = c.original
    if original is None:
        return None
    where = ", ".join(p for p in (original.publisher, original.date) if p)
    if original.title and where:
        return f"{original.title} ({where})"
    return original.title or where or None


def tags(c: Citable) -> list[tuple[str, str]]:
    """The record's tags in order (``TY`` first; ``ER`` is added when written)."""
    out: list[tuple[str, str | None]] = [("TY", "NEWS"), ("TI", c.title)]
    out += [("AU", name) for name in c.authors if name]
    out += [("A4", name) for name in c.translators if name]
    out += [
        ("T2", c.publisher),
        ("DA", _date(c.date) if c.issued and c.date else None),
        ("PY", str(c.issued.year) if c.issued else None),
        ("LA", c.language),
        ("UR", c.url),
        ("Y2", _date(c.accessed.isoformat())),
        ("DB", c.archive_name),
        ("AN", f"{c.id}, version {c.version}"),
        ("L1", c.pdf_url),
        ("OP", original_text(c)),
        ("N1", c.solar_note()),
        ("N1", None if c.issued or not c.date_text else f"Date as printed: {c.date_text}"),
        ("N1", c.version_note()),
    ]
    return [(tag, value) for tag, value in out if value]


def record(c: Citable) -> str:
    return "".join(_line(tag, value) for tag, value in tags(c)) + "ER  - \n"


def dumps(citables: Iterable[Citable]) -> str:
    return "\n".join(record(c) for c in citables)


def chunks(citables: Iterable[Citable]) -> Iterator[bytes]:
    """One record at a time, a blank line between records."""
    for n, c in enumerate(citables):
        yield (b"\n" if n else b"") + record(c).encode("utf-8")
