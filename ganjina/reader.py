"""Reading a file into an Article: detect the format, read a Layout, recognise the house style.

This is the one entry point for reading (CLI ``parse``, ingest, tests). It is pure: bytes
in, an Article out, no I/O beyond reading the file it is given. With ``timeout`` the read
runs in a worker process that is stopped when the time is up (``read/budget.py``).

    >>> from ganjina.reader import parse_file
    >>> article = parse_file("samples/en-flood-relief/article.pdf")  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ganjina.errors import NotAnArticle
from ganjina.house import Profile, builtin_profile
from ganjina.house.embedded_check import embedded_article
from ganjina.house.not_article import not_article_reason
from ganjina.house.recognize import Explained, recognize_explained
from ganjina.read import SUPPORTED_SUFFIXES, OcrOptions, read_layout
from ganjina.read.budget import Budget
from ganjina.read.files import read_file
from ganjina.read.scrub import scrub
from ganjina.record import PARSER_VERSION, Article, Provenance

__all__ = ["SUPPORTED_SUFFIXES", "explain_file", "parse_bytes", "parse_file"]


def ocr_options(mode: str, profile: Profile | None) -> OcrOptions:
    """How scanned pages are read: ``mode`` (never, auto, always) and what the site profile
    says about languages (each section label with the language it announces)."""
    sections = profile.sections if profile else ()
    labels = tuple(
        (label, spec.language_hint)
        for spec in sections
        if spec.language_hint
        for label in (*spec.labels, *spec.match)
    )
    known: tuple[str, ...] = ()
    if profile:
        printed = (profile.name, *profile.name_variants, profile.tag, *profile.motto)
        contact = (profile.url, profile.email)
        known = tuple(t for t in (*printed, *contact) if t)
        known += tuple(label for spec in sections for label in (*spec.labels, *spec.match))
    return OcrOptions(mode=mode, section_languages=labels, known_lines=known)


def parse_bytes(
    data: bytes,
    name: str | None = None,
    *,
    profile: Profile | None = None,
    ocr: str = "auto",
    timeout: float | None = None,
) -> Article:
    """Read one article from the bytes of a file; ``name`` helps only to word errors.
    ``ocr``: "auto" reads scanned pages by OCR, "always" every page, "never" none.

    Raises a ``ReadError`` subclass with a one-line message when the file cannot be read
    (``NotAnArticle`` for a README or notes), or takes longer than ``timeout`` seconds.
    """
    return _within(timeout, data, name, profile, ocr)[0]


def read_article(
    data: bytes, name: str | None, profile: Profile | None, ocr: str = "auto"
) -> Article:
    """:func:`parse_bytes` with no budget, its arguments positional (to send to a worker)."""
    return _read(data, name, profile, ocr)[0]


def read_explained(
    data: bytes, name: str | None, profile: Profile | None, ocr: str = "auto"
) -> tuple[Article, Explained | None]:
    """:func:`read_article` with the role of each line, as ``parse --explain`` shows it
    (positional, to send to a worker that ``parse`` keeps between files)."""
    return _read(data, name, profile, ocr)


def parse_file(
    path: str | Path,
    *,
    profile: Profile | None = None,
    ocr: str = "auto",
    timeout: float | None = None,
) -> Article:
    """Read one article file (PDF, Markdown, text, DOCX, HTML); ``ocr`` as for parse_bytes,
    within ``timeout`` seconds when one is given."""
    data, _ = read_file(path)  # regular files only, bounded, never blocking on a FIFO
    return _within(timeout, data, str(path), profile, ocr)[0]


def explain_file(
    path: str | Path,
    *,
    profile: Profile | None = None,
    ocr: str = "auto",
    timeout: float | None = None,
) -> tuple[Article, Explained | None]:
    """Read one article file as :func:`parse_file` does, and say the role each line was
    given and the evidence that decided it (None when the PDF carries Ganjina's own
    record, which is read instead of its lines)."""
    data, _ = read_file(path)
    return _within(timeout, data, str(path), profile, ocr)


def _within(
    timeout: float | None, data: bytes, name: str | None, profile: Profile | None, ocr: str
) -> tuple[Article, Explained | None]:
    """:func:`_read`, in a worker process stopped after ``timeout`` seconds if one is given."""
    if timeout is None:
        return _read(data, name, profile, ocr)
    with Budget(timeout) as budget:
        return budget.call(_read, data, name, profile, ocr)


def _read(
    data: bytes, name: str | None, profile: Profile | None, ocr: str
) -> tuple[Article, Explained | None]:
    """The Article, and the role of each line (None for a record embedded by Ganjina)."""
    profile = profile or builtin_profile()
    layout = read_layout(data, name, ocr=ocr_options(ocr, profile))
    sha = hashlib.sha256(data).hexdigest()
    explained: Explained | None = None
    # Ganjina published this PDF and embedded the record: that is exact, the text layer is
    # not; but only a record that is valid and matches the page is believed
    reading: list[tuple[Article, Explained]] = []  # the text layer's, read once if at all

    def page_reading() -> Article:
        if not reading:
            reading.append(recognize_explained(layout, profile))
        return reading[0][0]

    article, distrust = embedded_article(layout, page_reading)
    if article is None:
        page_reading()
        article, explained = reading[0]
        if distrust:
            article.warn(distrust)
    article.provenance = Provenance(
        format=layout.format,
        sha256=sha,
        path=name,
        pages=layout.pages if layout.format == "pdf" else None,
        parser_version=PARSER_VERSION,
        ocr=layout.ocr,
    )
    article = scrub(article)
    reason = not_article_reason(article, data)
    if reason is not None:
        raise NotAnArticle(reason)
    return article, explained
