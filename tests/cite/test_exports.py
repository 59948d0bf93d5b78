"""BibTeX, RIS and CSL-JSON of English, Dari and Pashto records whose titles are full of
BibTeX's special characters, read back by bibtexparser, rispy and citeproc-py: every
field comes back as the record has it (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ganjina.archive import Archive
from ganjina.cite import Citable, build, cite_many, cite_record, dumps, export
from ganjina.errors import ArchiveError

from .conftest import ACCESSED, BASE, CONTEXT, SITE, SPECIAL
from .consumers import bibtex, bibtex_names, citeproc, ris

#: the solar hijri dates of the records' publication dates (2024-03-20 was Nowruz 1403)
SOLAR = {"en": "15 Hut 1402 SH", "fa-AF": "1 Hamal 1403 SH (۱ حمل ۱۴۰۳)"}


def citables(archive: Archive) -> dict[str, Citable]:
    found = {c.language or "": c for c in cite_many(archive, None, CONTEXT)}
    assert sorted(found) == ["en", "fa-AF", "ps"]
    return found


def test_bibtex_reads_back_through_bibtexparser(filled: Archive) -> None:
    cited = citables(filled)
    entries = {e["ID"]: e for e in bibtex(dumps("bibtex", cited.values()))}
    assert len(entries) == 3
    for language, c in cited.items():
        e = entries[c.key]
        assert c.key == f"{c.id}-v1" and e["ENTRYTYPE"] == "article"
        assert SPECIAL in e["title"] and e["title"] == c.title, language
        assert bibtex_names(e["author"]) == list(c.authors)
        assert e["journal"] == SITE.name and e["entrysubtype"] == "newspaper"
        assert e["url"] == f"{BASE}/article/{c.id}/v/1"
        assert (e["version"], e["urldate"]) == ("1", "2025-01-03")
        assert e["origpublisher"] == (c.original.publisher if c.original else None)
        assert f"record {c.id}, version 1, stored {c.stored_at[:10]}" in e["note"]
    en, fa, ps = cited["en"], cited["fa-AF"], cited["ps"]
    assert "‌" in entries[fa.key]["title"]  # the author's ZWNJ
    assert "ښ" in entries[ps.key]["title"] and "ګ" in entries[ps.key]["title"]
    assert bibtex_names(entries[en.key]["translator"]) == ["Tom Reilly"]
    assert bibtex_names(entries[fa.key]["translator"]) == ["احمد ناصری"]
    assert "translator" not in entries[ps.key]
    assert (entries[en.key]["date"], entries[en.key]["year"]) == ("2024-03-05", "2024")
    assert entries[en.key]["month"] == "mar" and entries[en.key]["origdate"] == "2024-03-01"
    assert SOLAR["en"] in entries[en.key]["note"] and SOLAR["fa-AF"] in entries[fa.key]["note"]
    # no date could be read: none is written, and the date as printed is in the note
    assert "date" not in entries[ps.key] and "year" not in entries[ps.key]
    assert "Date as printed: ۱۵ حمل ۱۴۰۳" in entries[ps.key]["note"]
    assert entries[en.key]["langid"] == "english" and entries[fa.key]["langid"] == "persian"


def test_ris_reads_back_through_rispy(filled: Archive) -> None:
    cited = citables(filled)
    records = {r["accession_number"]: r for r in ris(dumps("ris", cited.values()))}
    assert len(records) == 3
    for c in cited.values():
        r = records[f"{c.id}, version 1"]
        assert r["type_of_reference"] == "NEWS"
        assert r["title"] == c.title and SPECIAL in r["title"]
        assert r["authors"] == list(c.authors)
        assert r.get("subsidiary_authors", []) == list(c.translators)
        assert r["secondary_title"] == SITE.name
        assert r["urls"] == [f"{BASE}/article/{c.id}/v/1"]
        assert r["access_date"] == "2025/01/03/"
        assert r["name_of_database"] == "Ganjina test archive"
        assert r["file_attachments1"] == f"{BASE}/article/{c.id}/original?version=1"
        assert r["language"] == c.language
    en, ps = records[f"{cited['en'].id}, version 1"], records[f"{cited['ps'].id}, version 1"]
    assert (en["date"], en["year"]) == ("2024/03/05/", "2024")
    assert en["original_publication"] == "Kabul Ledger, 2024-03-01"
    assert any(SOLAR["en"] in n for n in en["notes"])
    assert "date" not in ps and any("۱۵ حمل ۱۴۰۳" in n for n in ps["notes"])
    assert ps["original_publication"] == "د سوېل ږغ"


def test_csl_json_reads_back_and_renders_in_citeproc(filled: Archive) -> None:
    cited = citables(filled)
    text = dumps("csl-json", cited.values())
    items = {item["id"]: item for item in json.loads(text)}
    lines = dict(zip(items, citeproc(text), strict=True))
    for c in cited.values():
        item, line = items[c.key], lines[c.key]
        assert item["type"] == "article-newspaper" and item["title"] == c.title
        assert [a["literal"] for a in item["author"]] == list(c.authors)
        assert [t["literal"] for t in item.get("translator", [])] == list(c.translators)
        assert item["URL"] == f"{BASE}/article/{c.id}/v/1" and item["version"] == "1"
        assert item["accessed"] == {"date-parts": [[2025, 1, 3]]}
        assert c.original is not None and item["original-publisher"] == c.original.publisher
        for name in (*c.authors, *c.translators):
            assert name in line
        assert "January 3, 2025" in line and item["URL"] in line
    en, fa, ps = (lines[cited[k].key] for k in ("en", "fa-AF", "ps"))
    # an English title is title-cased by the style; others are printed as they are
    assert cited["en"].title.casefold() in en.casefold() and "March 5, 2024" in en
    assert "Translated by Tom Reilly" in en
    assert cited["fa-AF"].title in fa and "March 20, 2024" in fa
    assert cited["ps"].title in ps and "۱۵ حمل ۱۴۰۳" in ps  # the date as printed
    assert items[cited["fa-AF"].key]["note"].endswith(SOLAR["fa-AF"])
    assert items[cited["ps"].key]["issued"] == {"literal": "۱۵ حمل ۱۴۰۳"}


def test_export_of_a_search_or_the_whole_archive_to_a_file(
    filled: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "CHUNK", 2)  # the archive's three records in two chunks
    target = tmp_path / "all.bib"
    assert export(filled, "bibtex", target, None, CONTEXT) == 3
    assert len(bibtex(target.read_text(encoding="utf-8"))) == 3
    assert export(filled, "ris", tmp_path / "ps.ris", "lang:ps", CONTEXT) == 1
    assert ris((tmp_path / "ps.ris").read_text(encoding="utf-8"))[0]["language"] == "ps"
    assert export(filled, "csl-json", tmp_path / "none.json", "nothingmatchesthis") == 0
    assert json.loads((tmp_path / "none.json").read_text()) == []
    with pytest.raises(ArchiveError, match="unknown citation format 'endnote'"):
        export(filled, "endnote", tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_a_citation_without_a_site_has_no_addresses(filled: Archive) -> None:
    c = next(cite_many(filled))
    assert c.url is None and c.pdf_url is None and c.accessed is not None
    entry = bibtex(dumps("bibtex", [c]))[0]
    assert "url" not in entry and entry["urldate"] == c.accessed.isoformat()
    assert "UR" not in dumps("ris", [c]).split("ER  -")[0].splitlines()[0]


def test_one_version_of_one_record(filled: Archive) -> None:
    en = cite_record(filled, citables(filled)["en"].id, 1, CONTEXT)
    assert en is not None and en.version == 1 and en.current and en.accessed == ACCESSED
    assert cite_record(filled, en.id, 2, CONTEXT) is None
    assert cite_record(filled, "gj-nothing", None, CONTEXT) is None
