"""The outlet alias table: every spelling resolves to one outlet, the table is data."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganjina.errors import ProfileError
from ganjina.links.outlets import (
    BUILTIN,
    OutletTable,
    default_table,
    domain_of,
    index_fields,
    outlet_key,
)
from ganjina.record import Source


@pytest.mark.parametrize(
    "name",
    [
        "World Socialist",
        "WSWS",
        "World Socialist Web Site",
        "world-socialist web site",
        "wsws.org",
        "www.wsws.org",
        "وب‌سایت سوسیالیست جهانی",
        "وب سایت سوسیالیست جهانی",  # a space where the alias has a ZWNJ
        "منبع: World Socialist",  # a label the reader left in
    ],
)
def test_spellings_of_one_outlet(name: str) -> None:
    outlet = default_table().resolve(name)
    assert outlet is not None and outlet.id == "wsws"


def test_urls_resolve_by_domain_and_path() -> None:
    table = default_table()
    assert table.resolve(None, "https://www.wsws.org/en/articles/2022/03/30/x.html").id == "wsws"
    assert table.resolve(None, "https://www.bbc.com/persian/afghanistan-1").id == "bbc-persian"
    assert table.resolve(None, "https://www.bbc.com/news/world").id == "bbc"
    assert table.resolve(None, "https://news.wsws.org/x").id == "wsws"  # a sub-domain
    assert table.resolve("Harbour Review 2023") is None  # names match whole, never in part


def test_every_sample_attribution_resolves(samples_root: Path) -> None:
    from ganjina.record import Article

    table = default_table()
    for expected in samples_root.glob("*/expected.json"):
        article = Article.from_json(expected.read_text(encoding="utf-8"))
        if article.source is not None:
            assert table.resolve_source(article.source) is not None, article.source


def test_keys_fold_what_readers_vary() -> None:
    assert outlet_key("  The Kabul-Ledger ") == "thekabulledger"
    assert outlet_key("روزنامهٔ پیام غرب") == outlet_key("روزنامه پیام غرب")
    assert outlet_key("HTTPS://WWW.Example.org") == "exampleorg"
    assert domain_of("Kabul Ledger") is None
    assert domain_of("jungewelt.de") == "jungewelt.de"


def test_builtin_table_is_valid_and_loaded_once() -> None:
    table = OutletTable.load()
    assert BUILTIN.is_file() and len(table.outlets) >= 40
    assert default_table() is default_table()
    ids = [o.id for o in table.outlets]
    assert len(ids) == len(set(ids)) and all(i == i.lower() for i in ids)


def test_extra_table_adds_outlets_and_aliases(tmp_path: Path) -> None:
    extra = tmp_path / "local.toml"
    extra.write_text(
        '[[outlet]]\nid = "new-outlet"\nname = "New Outlet"\naliases = ["نیو اوتلت"]\n\n'
        '[[outlet]]\nid = "wsws"\naliases = ["W.S.W.S."]\n',
        encoding="utf-8",
    )
    table = OutletTable.load([extra])
    assert table.resolve("نیو اوتلت").id == "new-outlet"
    assert table.resolve("W.S.W.S.").id == "wsws"
    assert table.get("wsws").name == "World Socialist Web Site"  # not renamed


def test_an_alias_claimed_twice_is_refused(tmp_path: Path) -> None:
    extra = tmp_path / "bad.toml"
    extra.write_text('[[outlet]]\nid = "impostor"\nname = "Impostor"\naliases = ["WSWS"]\n')
    with pytest.raises(ProfileError, match="claimed by both"):
        OutletTable.load([extra])


@pytest.mark.parametrize(
    "text",
    ["[[outlet]]\nname = 'No id'\n", "[[outlet]]\nid = 'x'\n", "not toml = [", "outlet = 3\n"],
)
def test_bad_tables_are_one_line_errors(tmp_path: Path, text: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    with pytest.raises(ProfileError):
        OutletTable.load([bad], builtin=False)


def test_suggestions_for_unresolved_names() -> None:
    table = default_table()
    assert table.resolve("World Socialst Web Site") is None
    suggestion = table.suggest("World Socialst Web Site")
    assert suggestion is not None and suggestion.id == "wsws"
    assert table.suggest("Completely Unknown Gazette") is None


def test_index_fields_search_every_spelling_and_count_one_name() -> None:
    text, facet = index_fields(Source(name="wsws.org"))
    assert facet == "World Socialist Web Site"
    assert "World Socialist" in text and "wsws" in text
    assert index_fields(Source(name="Unknown Gazette")) == ("Unknown Gazette", "Unknown Gazette")
    assert index_fields(None) == ("", None)
