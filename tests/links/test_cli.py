"""The link verbs: duplicates, outlets, links (rebuild, update, show, export, evaluate),
and search --collapse. Thin adapters over ganjina.links."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ganjina.archive import Archive
from ganjina.cli.main import cli
from ganjina.record import Source
from tests.links.conftest import OTHER, PAIRS, SET_OUTLETS, STORY, record


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


@pytest.fixture
def filled(tmp_path: Path) -> tuple[str, dict[str, str]]:
    root = str(tmp_path / "a")
    with Archive.open(root, create=True) as archive:
        ids = {
            "first": archive.add(record("Helmand talks", STORY, source=Source(name="WSWS"))),
            "copy": archive.add(
                record("Talks on the Helmand", STORY, source=Source(name="wsws.org"))
            ),
            "other": archive.add(record("Flood relief", OTHER, source=Source(name="Odd Gazette"))),
        }
    return root, ids


def test_duplicates(filled: tuple[str, dict[str, str]]) -> None:
    root, ids = filled
    code, out = run("duplicates", "--archive", root)
    assert code == 0 and "1 cluster" in out and ids["first"] in out and "duplicate-of" in out
    code, out = run("duplicates", "--archive", root, "--json")
    (cluster,) = json.loads(out)
    assert cluster["representative"] in (ids["first"], ids["copy"])
    assert [m["kind"] for m in cluster["members"]] == [None, "duplicate-of"]


def test_outlets(filled: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    root, _ = filled
    code, out = run("outlets", "--archive", root)
    assert code == 0 and "World Socialist Web Site" in out and "Odd Gazette" in out
    code, out = run("outlets", "--archive", root, "--toml")
    assert "[[outlet]]" in out and 'name = "Odd Gazette"' in out
    extra = tmp_path / "odd.toml"
    extra.write_text('[[outlet]]\nid = "odd"\nname = "Odd Gazette"\n', encoding="utf-8")
    code, out = run("outlets", "--archive", root, "--outlets", str(extra), "--json")
    report = json.loads(out)
    assert {o["id"] for o in report["outlets"]} == {"wsws", "odd"} and report["unresolved"] == []


def test_links_show_export_rebuild(filled: tuple[str, dict[str, str]], tmp_path: Path) -> None:
    root, ids = filled
    code, out = run("links", "show", ids["copy"], "--archive", root)
    assert code == 0 and "also in the archive as" in out and "World Socialist Web Site" in out
    code, out = run("links", "show", "gj-0000000000000000", "--archive", root)
    assert code != 0
    target = tmp_path / "rel.csv"
    code, _ = run("links", "export", "--archive", root, "--format", "csv", "-o", str(target))
    assert code == 0 and target.read_text().count("duplicate-of") == 1
    code, out = run("links", "rebuild", "--archive", root)
    assert code == 0 and "links rebuilt: 3 records profiled" in out
    code, out = run("links", "update", "--archive", root)
    assert code == 0 and "0 records profiled" in out


def test_search_collapse(filled: tuple[str, dict[str, str]]) -> None:
    root, _ = filled
    code, out = run("search", "helmand", "--archive", root, "--json")
    assert code == 0 and len(json.loads(out)["hits"]) == 2
    code, out = run("search", "helmand", "--archive", root, "--json", "--collapse")
    data = json.loads(out)
    assert len(data["hits"]) == 1 and len(next(iter(data["collapsed"].values()))) == 1


def test_links_evaluate() -> None:
    code, out = run("links", "evaluate", str(PAIRS), "--outlets", str(SET_OUTLETS), "--json")
    result = json.loads(out)
    assert code == 0 and result["true_pairs"] >= 20 and result["precision"] >= 0.95


def test_outlets_module_does_not_import_the_archive() -> None:
    """The index imports ganjina.links.outlets: it must stay below the archive."""
    code = (
        "import sys, ganjina.links.outlets, ganjina.links; "
        "bad = [m for m in sys.modules if m.startswith('ganjina.archive')]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_public_api_is_pinned() -> None:
    import ganjina.links

    assert ganjina.links.__all__ == [
        "Cluster",
        "LinkReport",
        "Links",
        "Member",
        "Outlet",
        "OutletCount",
        "OutletReport",
        "OutletTable",
        "RecordRef",
        "Relation",
        "Unresolved",
        "default_table",
    ]
    for name in ganjina.links.__all__:
        assert getattr(ganjina.links, name) is not None, name
    with pytest.raises(AttributeError):
        _ = ganjina.links.Nothing  # type: ignore[attr-defined]


def test_links_explain(tmp_path: Path) -> None:
    """explain names the translation from the translator's line, and shows each signal."""
    body_en = [
        "The district council of Charikar opened 14 new classrooms on Monday for 620 pupils.",
        "Governor Nasrin Habibi said the building cost 3.2 million afghanis.",
        "Translated from the Dari by R. Ahmadi.",
    ]
    body_fa = [
        "شورای ولسوالی چاریکار روز دوشنبه ۱۴ صنف تازه را برای ۶۲۰ شاگرد گشایش داد.",
        "والی نسرین حبیبی گفت که ساختمان ۳.۲ میلیون افغانی هزینه برداشت.",
    ]
    root = str(tmp_path / "a")
    with Archive.open(root, create=True) as archive:
        en = archive.add(record("Charikar opens 14 classrooms", body_en, date="2024-03-06"))
        fa = archive.add(
            record("چاریکار ۱۴ صنف تازه گشود", body_fa, language="fa-AF", date="2024-03-04")
        )
    code, out = run("links", "explain", fa, en, "--archive", root, "--json")
    found = json.loads(out)
    assert code == 0 and found["decision"] == "translation-of"
    assert (found["translation"], found["original"]) == (en, fa)
    assert "numbers" in found["signals"] and found["signals"]["direction"]["why"][1]
    assert found["stored"] == [
        {"src": en, "kind": "translation-of", "dst": fa, "score": found["stored"][0]["score"]}
    ]
    code, out = run("links", "explain", fa, en, "--archive", root)
    assert code == 0 and f"translation-of: {en} of {fa}" in out
    result = CliRunner().invoke(cli, ["links", "explain", fa, "gj-nothing", "--archive", root])
    assert result.exit_code != 0 and "no record 'gj-nothing'" in result.output


def test_a_follow_up_is_related_on_the_page(tmp_path: Path) -> None:
    first = [
        "The Salang tunnel reopened on Tuesday after workers cleared an avalanche that had "
        "buried the northern entrance under snow for three days.",
        "Highway officials said 1,400 lorries and buses had waited on both sides of the pass "
        "and that the tunnel's ventilation fans had been repaired.",
    ]
    later = [
        "A week after the Salang tunnel reopened, highway officials said the ventilation fans "
        "failed again and lorries waited for hours at the northern entrance.",
        "Drivers complained that the avalanche galleries built in the 1960s leak and that "
        "nobody has cleared the snow from the drains since the avalanche.",
    ]
    root = str(tmp_path / "a")
    by = ("Lena Brandt",)
    with Archive.open(root, create=True) as archive:
        a = archive.add(record("Salang reopens", first, date="2024-01-09", authors=by))
        b = archive.add(record("Salang fans fail", later, date="2024-01-16", authors=by))
    code, out = run("links", "show", b, "--archive", root, "--json")
    page = json.loads(out)
    assert code == 0 and [r["other"]["id"] for r in page["related"]] == [a]
    assert page["translation_of"] == [] and page["related"][0]["kind"] == "related"
