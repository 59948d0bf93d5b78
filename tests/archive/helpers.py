"""Helpers for the archive tests: record factories and a tiny picklable file format.

The ``fake`` format keeps ingest tests independent of the real readers (tested on their
own): a ``.txt`` file whose first line is ``title|date|language|section|author`` and the
rest the body. A first line of ``BAD`` is a read error; ``BOOM`` an unexpected exception; ``CRASH``
kills the reading process; ``HANG`` never returns.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ganjina.errors import CorruptFile
from ganjina.record import Article, Block, Provenance, Section, Source


def article(
    title: str,
    body: str = "Body text.",
    *,
    language: str | None = "en",
    date: str | None = "2022-04-05",
    section: str | None = "european-languages",
    authors: tuple[str, ...] = ("Ahmad Karimi",),
    translators: tuple[str, ...] = (),
    source: str | None = None,
    fmt: str = "pdf",
    warnings: tuple[str, ...] = (),
) -> Article:
    return Article(
        title=title,
        language=language,
        date=date,
        section=Section(section, [section]) if section else None,
        authors=list(authors),
        translators=list(translators),
        source=Source(name=source, text=f"Source: {source}") if source else None,
        blocks=[Block("paragraph", p) for p in body.split("\n\n")],
        provenance=Provenance(fmt, ""),
        warnings=list(warnings),
    )


def fake_parser(data: bytes, name: str) -> Article:
    """Read the fake format (module level, so worker processes can unpickle it)."""
    text = data.decode("utf-8")
    head, _, body = text.partition("\n")
    if head == "BAD":
        raise CorruptFile("truncated file")
    if head == "BOOM":
        raise RuntimeError("reader bug")
    if head == "CRASH":
        os._exit(3)  # a reader dying in native code
    if head == "HANG":
        time.sleep(3600)
    if head.startswith("SLOW"):
        time.sleep(float(os.environ.get("GANJINA_TEST_SLOW", "0.05")))
        head = head.removeprefix("SLOW")
    title, date, language, section, author = (head.split("|") + [""] * 5)[:5]
    a = article(
        title,
        body.strip() or "Body.",
        language=language or None,
        date=date or None,
        section=section or None,
        authors=(author,) if author else (),
        fmt="text",
    )
    a.provenance = Provenance("text", "", path=name)
    return a


def write_fake(
    path: Path,
    title: str,
    body: str = "Body.",
    *,
    date: str = "2022-04-05",
    language: str = "en",
    section: str = "news",
    author: str = "A. Writer",
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}|{date}|{language}|{section}|{author}\n{body}\n", encoding="utf-8")
    return path
