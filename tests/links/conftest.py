"""Fixtures: the archive fixtures (a fresh archive per test, SQLite and PostgreSQL), and
helpers to make records with a body of several paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganjina.links.outlets import OutletTable
from ganjina.record import Article, Block, Provenance, Section, Source

# the archive tests' fixtures: fresh settings, a fresh archive per backend
from tests.archive.conftest import (  # noqa: F401
    archive,
    archive_url,
    fresh_settings,
    index_dir,
    postgres_url,
)

DATA = Path(__file__).parent / "data"
PAIRS = DATA / "pairs.jsonl"
#: pairs written after the scorer was frozen: a check it was not fitted to PAIRS
HELDOUT = DATA / "heldout.jsonl"
SET_OUTLETS = DATA / "outlets.toml"


@pytest.fixture(scope="session")
def set_table() -> OutletTable:
    """The installed outlet table plus the evaluation set's outlets."""
    return OutletTable.load([SET_OUTLETS])


def record(
    title: str,
    paragraphs: list[str],
    *,
    language: str = "en",
    date: str | None = "2023-05-09",
    source: Source | None = None,
    authors: tuple[str, ...] = (),
    section: str = "news",
) -> Article:
    return Article(
        title=title,
        language=language,
        date=date,
        section=Section(section, [section]),
        authors=list(authors),
        source=source,
        blocks=[Block("paragraph", p) for p in paragraphs],
        provenance=Provenance("text", ""),
    )


STORY = [
    "Officials from Afghanistan and Iran met in Kabul last week for the first formal talks "
    "in more than a year on the waters of the Helmand, the river that rises in the "
    "mountains west of Kabul and ends in the wetlands of Sistan.",
    "A treaty signed in 1973 allots Iran an average of 22 cubic metres of water per second "
    "in a normal year, with smaller amounts in years of drought, but it was never fully "
    "implemented and the two sides still argue about how much water reaches the border.",
    "Farmers in Helmand and Nimroz say the canals that feed their wheat fields were half "
    "empty in April, the month when the crop needs water most, and many have planted "
    "melons and cotton instead because they need less water.",
    "Both governments are expected to meet again before the end of the summer, and "
    "diplomats say the simple fact that the talks took place is a sign that both sides "
    "want to avoid an escalation along the border.",
]

OTHER = [
    "Flood relief reached three northern provinces after a week in which the roads were "
    "cut by landslides and the rivers rose above their banks in Jowzjan and Faryab.",
    "Aid agencies said they had delivered food and blankets to 4,000 families, but that "
    "many villages in the mountains could still only be reached on foot or by donkey.",
    "The provincial authorities asked for heavy machinery to clear the road between "
    "Aybak and Mazar-i-Sharif before the next storm is expected at the weekend.",
]
