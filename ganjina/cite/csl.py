"""CSL-JSON: the citation data of Zotero, Pandoc and every CSL processor.

One item per version of a record, in the variables of the CSL 1.0.2 specification:
``article-newspaper`` in the portal (``container-title``), literal names, ``version``,
``URL`` of the version, ``accessed``; a translation or reprint names its original
(``original-title``, ``original-publisher``, ``original-date``) and a translation its
``translator``. The solar hijri date, which CSL dates cannot hold, is in ``note``; a
date the reader could not parse stays as printed (``{"literal": …}``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from ganjina.cite.model import Citable, date_parts

MEDIA_TYPE = "application/vnd.citationstyles.csl+json"


def _date(iso: str | None) -> dict[str, Any] | None:
    parts = date_parts(iso)
    return {"date-parts": [parts]} if parts else None


def _names(names: Iterable[str]) -> list[dict[str, str]]:
    return [{"literal": name} for name in names if name]


def item(c: Citable) -> dict[str, Any]:
    """The CSL-JSON item of one citable (no empty values)."""
    issued = _date(c.date) or ({"literal": c.date_text} if c.date_text else None)
    data: dict[str, Any] = {
        "id": c.key,
        "type": "article-newspaper",
        "title": c.title,
        "author": _names(c.authors),
        "translator": _names(c.translators),
        "container-title": c.publisher,
        "publisher": c.publisher,
        "issued": issued,
        "language": c.language,
        "version": str(c.version),
        "URL": c.url,
        "accessed": _date(c.accessed.isoformat()),
        "archive": c.archive_name,
        "archive_location": f"{c.id}, version {c.version}",
        "note": c.solar_note(),
    }
    original = c.original
    if original:
        data["original-title"] = original.title
        data["original-publisher"] = original.publisher
        data["original-date"] = _date(original.date)
    return {k: v for k, v in data.items() if v not in (None, "", [])}


def dumps(citables: Iterable[Citable]) -> str:
    """A CSL-JSON file (an array of items) as text."""
    return json.dumps([item(c) for c in citables], ensure_ascii=False, indent=2) + "\n"


def chunks(citables: Iterable[Citable]) -> Iterator[bytes]:
    """A CSL-JSON array, one item at a time (the brackets come with the first and last)."""
    first = True
    for c in citables:
        yield (b"[\n" if first else b",\n") + json.dumps(item(c), ensure_ascii=False).encode()
        first = False
    yield b"[]\n" if first else b"\n]\n"
