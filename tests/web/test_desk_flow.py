"""The desk from an editor's side, on both backends: a Word file becomes a draft whose
every field can be checked and mended, a preview exactly as published, an article on the
site, its search, feeds and OAI-PMH; corrected, then withdrawn, with nothing lost."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from ganjina.archive import Archive
from ganjina.web import create_app

from .conftest import DeskClient, form_fields, make_desk_archive
from .desk_files import (
    DATE_AS_PRINTED,
    ENGLISH_DOCX,
    MISTYPED_DATE,
    dari_docx_with_a_mistyped_date,
)

OAI = "{http://www.openarchives.org/OAI/2.0/}"
AUTHORS = "مریم توانا\nعبدالله رسولی\nسیما نیک\u200cبین"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def flow_archive(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Archive]:
    if request.param == "sqlite":
        target: str = str(tmp_path / "archive")
    else:
        import psycopg

        from tests.archive.conftest import postgres_base

        base = postgres_base()
        schema = "gj_desk_" + tmp_path.name[-8:].replace("-", "_").lower()
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            conn.execute(f"CREATE SCHEMA {schema}")
        sep = "&" if "?" in base else "?"
        target = f"{base}{sep}options=-csearch_path%3D{schema}"
    archive = make_desk_archive(target)
    if request.param == "postgres":
        archive.close()
        archive = Archive.open(target, index_dir=tmp_path / "index")
    yield archive
    archive.close()


@pytest.fixture
def nadia(flow_archive: Archive) -> DeskClient:
    client = DeskClient(create_app(flow_archive))
    assert client.sign_in("nadia").status_code == 303
    return client


def draft_of(response: object) -> str:
    location = response.headers["location"]  # type: ignore[attr-defined]
    assert re.fullmatch(r"/desk/drafts/d-[0-9a-f]{16}", location), location
    return str(location)


def save(client: DeskClient, url: str, **change: str) -> object:
    fields = {**client.draft_form(url), **change}
    return client.post(url, fields)


def test_word_file_to_the_site_corrected_and_withdrawn(
    nadia: DeskClient, flow_archive: Archive
) -> None:
    # -- upload: the reader's record, every field in the form, warnings beside theirs
    url = draft_of(nadia.upload(dari_docx_with_a_mistyped_date(), "saffron.docx"))
    page = nadia.get(url).text
    fields = form_fields(page)
    assert fields["title"] == "زعفران هرات در جست\u200cوجوی بازار تازه"  # ZWNJ kept
    assert fields["section"] == "dari" and fields["language"] == "fa-AF"
    # the slip misled the reader: neither date nor byline, both lines kept in the body
    assert fields["date"] == "" and fields["authors"] == ""
    assert fields["block-0-text"].endswith(MISTYPED_DATE) and fields["blocks"].isdigit()
    date_field = page.split('id="f-date"', 1)[1].split('class="field"', 1)[0]
    assert "the file has no date the reader understood" in date_field
    body_notes = page.split('id="f-body"', 1)[1].split('id="block-0-text"', 1)[0]
    assert "it starts the body" in body_notes and MISTYPED_DATE in body_notes

    # -- mend it: the date in the solar calendar, the authors one a line, the stray
    # lines out of the body (an emptied box is removed)
    mended = {"date": DATE_AS_PRINTED, "authors": AUTHORS, "block-0-text": ""}
    assert save(nadia, url, **mended).status_code == 303
    page = nadia.get(url).text
    assert MISTYPED_DATE not in form_fields(page)["block-0-text"]
    assert form_fields(page)["date"] == "2024-07-13"
    assert "13 July 2024" in page and "23 Saratan 1403 SH" in page  # both calendars
    assert "the file has no date" not in page  # the warning went with the empty field

    # -- preview: page images and the HTML page, as `ganjina publish` makes them
    preview = nadia.get(url + "/preview").text
    pages = re.findall(r'src="(/desk/drafts/[^"]+/page-\d+\.png)"', preview)
    assert pages
    image = nadia.get(pages[0])
    assert image.content.startswith(b"\x89PNG") and "no-store" in image.headers["cache-control"]
    html = nadia.get(url + "/preview/2/article.html")
    assert "زعفران هرات" in html.text and "sandbox" in html.headers["content-security-policy"]

    # -- publish
    revision = re.search(r'name="revision" value="(\d+)"', preview).group(1)  # type: ignore[union-attr]
    done = nadia.post(url + "/publish", {"revision": revision})
    assert done.headers["location"] == url + "?done=published"
    article_id = re.search(r'href="/desk/articles/(gj-[0-9a-f]+)"', nadia.get(url).text).group(1)  # type: ignore[union-attr]
    site = nadia.client
    record = site.get(f"/api/articles/{article_id}").json()
    assert record["authors"] == AUTHORS.split("\n") and record["date"] == "2024-07-13"
    assert record["provenance"]["format"] == "pdf" and record["warnings"] == []
    original = site.get(f"/article/{article_id}/original")
    assert original.content.startswith(b"%PDF")
    page = site.get(f"/article/{article_id}").text
    published = re.search(rf'href="(/article/{article_id}/published/[^"]+\.html)"', page)
    assert published and "زعفران" in site.get(published.group(1)).text
    hits = site.get("/api/search", params={"q": "زعفران غوریان"}).json()["hits"]
    assert [h["id"] for h in hits] == [article_id]
    assert article_id in site.get("/section/dari").text
    assert article_id in site.get("/feeds/section/dari.atom").text
    listed = ET.fromstring(site.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc").content)
    assert f"oai:ganjina:{article_id}" in [e.text for e in listed.iter(OAI + "identifier")]

    # -- correct: a new version, the first one kept and listed
    assert nadia.post(f"/desk/articles/{article_id}/correct").headers["location"] == url
    fields = nadia.draft_form(url)
    fields["block-0-text"] = fields["block-0-text"] + " این جمله در اصلاحیه افزوده شد."
    assert nadia.post(url, {**fields, "note": "یک جمله افزوده شد"}).status_code == 303
    preview = nadia.get(url + "/preview").text
    revision = re.search(r'name="revision" value="(\d+)"', preview).group(1)  # type: ignore[union-attr]
    assert (
        nadia.post(url + "/publish", {"revision": revision})
        .headers["location"]
        .endswith("done=corrected")
    )
    versions = site.get(f"/api/articles/{article_id}/versions").json()
    assert [v["number"] for v in versions] == [2, 1]
    assert "اصلاحیه" in site.get(f"/api/articles/{article_id}").json()["blocks"][0]["text"]
    assert (
        "اصلاحیه"
        not in site.get(f"/api/articles/{article_id}?version=1").json()["blocks"][0]["text"]
    )
    history = nadia.get(f"/desk/articles/{article_id}").text
    assert "Version 2" in history and "Version 1" in history and "یک جمله افزوده شد" in history

    # -- withdraw: off the site, the search, the feeds; OAI says deleted; kept
    assert (
        nadia.post(f"/desk/articles/{article_id}/withdraw", {"note": "نادرست"}).status_code == 303
    )
    gone = site.get(f"/article/{article_id}")
    assert gone.status_code == 410 and "withdrawn" in gone.text
    assert site.get("/api/search", params={"q": "زعفران غوریان"}).json()["hits"] == []
    assert article_id not in site.get("/feeds/section/dari.atom").text
    one = ET.fromstring(
        site.get(
            f"/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:ganjina:{article_id}"
        ).content
    )
    assert one.find(f".//{OAI}header").get("status") == "deleted"  # type: ignore[union-attr]
    assert flow_archive.get(article_id, withdrawn=True) is not None
    assert len(flow_archive.versions(article_id, withdrawn=True)) == 2
    # and every step is in the history, with who did it
    actions = [
        (e.actor, e.action)
        for e in flow_archive.desk.audit_log(article=article_id, draft=url.rsplit("/", 1)[1])
    ]
    for step in ("draft started", "draft saved", "publish", "correct", "withdraw"):
        assert ("nadia", step) in actions, step


def test_a_stale_form_loses_nothing(desk: Callable[..., DeskClient]) -> None:
    nadia = desk("nadia")
    url = draft_of(nadia.upload(ENGLISH_DOCX.read_bytes(), "flood.docx"))
    stale = nadia.draft_form(url)
    assert save(nadia, url, title="First editor's title").status_code == 303
    refused = nadia.post(url, {**stale, "title": "Second editor's title"})
    assert refused.status_code == 409
    assert "Second editor&#39;s title" in refused.text  # the typed change is still there
    assert form_fields(nadia.get(url).text)["title"] == "First editor's title"


def test_a_draft_written_in_the_form(
    desk: Callable[..., DeskClient], desk_archive: Archive
) -> None:
    zarlasht = desk("zarlasht")
    body = "لومړی پاراګراف د ښار د ښوونځیو په اړه.\n\n## دویمه برخه\n\nدویم پاراګراف."
    response = zarlasht.post(
        "/desk/write",
        {
            "title": "د کندهار ښوونځي",
            "language": "ps",
            "section": "pashto",
            "authors": "زرلښت",
            "date": "1403-05-01",
            "body": body,
        },
    )
    url = draft_of(response)
    fields = form_fields(zarlasht.get(url).text)
    assert fields["title"] == "د کندهار ښوونځي" and fields["date"] == "2024-07-22"
    assert [fields[f"block-{i}-type"] for i in range(3)] == ["paragraph", "heading", "paragraph"]
    assert fields["block-1-text"] == "دویمه برخه"
    # Pashto letters are never folded: ښ ځ stay as typed
    record = desk_archive.desk.revision(url.rsplit("/", 1)[1], 1).record  # type: ignore[union-attr]
    assert "ښوونځیو" in record.blocks[0].text
    bad = zarlasht.post("/desk/write", {"title": "x", "date": "yesterday", "section": "pashto"})
    assert bad.status_code == 400 and "not a day" in bad.text


def test_a_markdown_source_becomes_a_draft(desk: Callable[..., DeskClient]) -> None:
    nadia = desk("nadia")
    source = (
        Path(__file__).parents[2] / "samples" / "fa-kabul-bookshops" / "source.md"
    ).read_bytes()
    url = draft_of(nadia.upload(source, "bookshops.md"))
    fields = form_fields(nadia.get(url).text)
    assert fields["section"] == "dari" and fields["title"]


def test_nothing_to_publish_says_what_is_missing(desk: Callable[..., DeskClient]) -> None:
    nadia = desk("nadia")
    url = draft_of(nadia.upload(ENGLISH_DOCX.read_bytes(), "flood.docx"))
    # an English article offered to the Dari section, and no title
    assert save(nadia, url, title="", section="dari").status_code == 303
    preview = nadia.get(url + "/preview").text
    assert "a title is needed" in preview and "this language does not fit the section" in preview
    assert 'action="' + url + '/publish"' not in preview
    revision = form_fields(nadia.get(url).text)["based_on"]
    refused = nadia.post(url + "/publish", {"revision": revision})
    assert refused.headers["location"] == url  # back to the form, nothing published


def _flow_app(archive: Archive) -> FastAPI:  # used by the benchmark's tests of shape
    return create_app(archive)
