"""Fixtures for the citation tests: a fresh archive per backend (SQLite, PostgreSQL)
holding records written for these tests, in English, Dari and Pashto, whose titles are
full of the characters BibTeX and LaTeX treat as markup.

Everything is read back by real consumers (citeproc-py, bibtexparser, rispy), never by
our own parser.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Iterator

import pytest

from ganjina.archive import Archive
from ganjina.cite import Context
from ganjina.record import Article, Block, Provenance, Section, Site, Source
from ganjina.web.urls import Absolute

# the archive tests' fixtures: fresh settings, a fresh archive per backend
from tests.archive.conftest import (  # noqa: F401
    archive,
    archive_url,
    fresh_settings,
    index_dir,
    postgres_url,
)

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

#: every character BibTeX or LaTeX reads as markup
SPECIAL = "{ } % & $ # _ ~ ^ \\"
BASE = "https://archive.example.org"
ACCESSED = datetime.date(2025, 1, 3)
CONTEXT = Context(Absolute(BASE), ACCESSED, "Ganjina test archive")
SITE = Site(name="افغانستان آزاد – آزاد افغانستان", url="www.afgazad.com")


def record(
    title: str,
    language: str,
    authors: list[str],
    translators: list[str],
    *,
    date: str | None,
    source: Source | None,
    body: str,
    section: str,
    date_text: str | None = None,
) -> Article:
    return Article(
        title=title,
        site=SITE,
        section=Section(section, [section]),
        language=language,
        authors=authors,
        translators=translators,
        date=date,
        date_text=date_text,
        source=source,
        blocks=[Block("paragraph", body)],
        provenance=Provenance("pdf", ""),
    )


def special_records() -> list[Article]:
    """One record per language, each title holding every special character (and, in
    Dari, a ZWNJ; in Pashto, letters Persian does not have)."""
    return [
        record(
            f"Kabul budget draft: 100 items {SPECIAL} and an annex",
            "en",
            ["Farid Noori", "Helen Marsh"],
            ["Tom Reilly"],
            date="2024-03-05",
            source=Source("Kabul Ledger", "2024-03-01", "https://ledger.example/a?b=1&c=2"),
            body="The draft budget was read in the council on Tuesday.",
            section="european-languages",
        ),
        record(
            f"پیش‌نویس بودجهٔ کابل {SPECIAL} و یک پیوست",
            "fa-AF",
            ["ژاله رحیمی"],
            ["احمد ناصری"],
            date="2024-03-20",
            source=Source("Kabul Ledger", "2024-03-01", None),
            body="پیش‌نویس بودجه روز سه‌شنبه در شورا خوانده شد.",
            section="dari",
        ),
        record(
            f"د ښار ګډه بودیجه {SPECIAL} او یوه ضمیمه",
            "ps",
            ["ګلالۍ وردګ", "نجیب الله ځدراڼ"],
            [],
            date=None,
            date_text="۱۵ حمل ۱۴۰۳",
            source=Source("د سوېل ږغ", None, None, "سرچینه: د سوېل ږغ"),
            body="د بودیجې مسوده د سې شنبې په ورځ په شورا کې ولوستل شوه.",
            section="pashto",
        ),
    ]


def fill(target: Archive) -> Archive:
    """Add the three special records (an original PDF for each)."""
    for n, article in enumerate(special_records()):
        target.add(article, original=b"%PDF-1.7 test " + bytes([n]), filename=f"a{n}.pdf")
    return target


@pytest.fixture
def filled(archive: Archive) -> Archive:  # noqa: F811
    """The special records in a fresh archive, on each backend."""
    return fill(archive)


@pytest.fixture(scope="module")
def site_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    """The special records in a SQLite archive, for the site's tests (which only read)."""
    with Archive.open(tmp_path_factory.mktemp("cite") / "site", create=True) as opened:
        yield fill(opened)


@pytest.fixture(scope="module")
def site_client(site_archive: Archive) -> Iterator[TestClient]:
    from ganjina.web import create_app

    with TestClient(create_app(site_archive), base_url=BASE) as client:
        yield client
