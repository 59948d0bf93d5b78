"""Stored XSS: markup typed into every field of a draft, a withdrawal note and a section's
label stays text everywhere it is shown again — the desk's form, history and audit, the
preview, the published HTML page, the site's article, list, search and error pages, the
feeds, OAI-PMH and the JSON (which keeps it exactly, as the editor typed it)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI

from ganjina.archive import Archive

from .conftest import DeskClient
from .desk_files import DARI_DOCX

#: what an attacker types; the typst characters try the PDF's source as well
ATTACK = '<script>alert("x")</script><img src=x onerror="alert(1)">'
TYPST = '#panic("t") $x$ *b* _i_ @r \\ `c`'
#: what must never be found raw in a response: markup the page would run
RAW = ("<script>alert", "<img src=x", '<img src="x', 'onerror="alert(1)">')


def unescaped(text: str) -> list[str]:
    return [marker for marker in RAW if marker in text]


@pytest.fixture(scope="module")
def attacked(desk_app: FastAPI, desk_archive: Archive) -> Iterator[dict[str, str]]:
    """nadia's Dari draft with the attack in every field, previewed and published."""
    nadia = DeskClient(desk_app)
    assert nadia.sign_in("nadia").status_code == 303
    draft = nadia.upload(DARI_DOCX.read_bytes(), "saffron.docx").headers["location"]
    fields = nadia.draft_form(draft)
    typed = {
        "title": "زعفران " + ATTACK + " " + TYPST,
        "authors": "مریم " + ATTACK,
        "translators": ATTACK,
        "date": "1403-04-23",
        "source_name": "نشریه " + ATTACK,
        "source_text": "منبع: " + ATTACK,
        "source_url": 'https://example.org/a?b="><script>alert(1)</script>',
        "block-0-text": fields["block-0-text"] + " " + ATTACK + " " + TYPST,
        "block-1-marker": "<b>",
        "note": ATTACK,
    }
    saved = nadia.post(draft, {**fields, **typed})
    assert saved.status_code == 303, saved.text[-500:]
    preview = nadia.get(draft + "/preview").text
    number = re.search(r'name="revision" value="(\d+)"', preview)
    assert number, preview[-800:]
    assert nadia.post(draft + "/publish", {"revision": number.group(1)}).status_code == 303
    article = re.search(r"/desk/articles/(gj-[0-9a-f]+)", nadia.get(draft).text)
    assert article
    yield {"draft": draft, "article": article.group(1), "preview": preview,
           "number": number.group(1)}  # fmt: skip


def test_the_desk_shows_it_as_text(
    desk: Callable[..., DeskClient], attacked: dict[str, str]
) -> None:
    nadia, draft, article = desk("nadia"), attacked["draft"], attacked["article"]
    pages = {
        "form": nadia.get(draft).text,
        "preview": attacked["preview"],
        "list": nadia.get("/desk/").text,
        "history": nadia.get(f"/desk/articles/{article}").text,
        "audit": desk("amina").get("/desk/audit").text,
    }
    assert {k: unescaped(v) for k, v in pages.items()} == {k: [] for k in pages}
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in pages["form"]
    assert "&lt;script&gt;" in pages["history"] and "&lt;script&gt;" in pages["audit"]
    # the previewed HTML page: escaped, and served sandboxed with no script allowed
    html = nadia.get(f"{draft}/preview/{attacked['number']}/article.html")
    assert unescaped(html.text) == [] and "&lt;script&gt;" in html.text
    policy = html.headers["content-security-policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy and "script-src" not in policy


def test_the_site_feeds_and_oai_show_it_as_text(
    desk_app: FastAPI, attacked: dict[str, str]
) -> None:
    site = DeskClient(desk_app).client
    article = attacked["article"]
    record = site.get(f"/api/articles/{article}").json()
    assert ATTACK in record["title"] and TYPST in record["title"]  # kept exactly
    assert ATTACK in record["blocks"][0]["text"]
    assert record["authors"] == ["مریم " + ATTACK]
    page = site.get(f"/article/{article}").text
    published = re.search(rf'href="(/article/{article}/published/[^"]+\.html)"', page)
    assert published
    pages = {
        "article": page,
        "published": site.get(published.group(1)).text,
        "section": site.get("/section/dari").text,
        "author": site.get("/author/" + "مریم " + ATTACK).text,
        "search": site.get("/search", params={"q": "زعفران"}).text,
        "search-error": site.get("/search", params={"q": '"' + ATTACK}).text,
        "missing": site.get("/article/" + ATTACK).text,
    }
    assert {k: unescaped(v) for k, v in pages.items()} == {k: [] for k in pages}
    assert article in pages["search"] and "&lt;script&gt;" in pages["article"]
    # the source link keeps its address inside its attribute
    assert 'href="https://example.org/a?b=&#34;&gt;&lt;script' in page.replace("&quot;", "&#34;")
    for feed in ("/feeds/section/dari.atom", "/feeds/search.atom?q=" + "زعفران"):
        body = site.get(feed).text
        assert unescaped(body) == []
        titles = [
            t.text or "" for t in ET.fromstring(body).iter("{http://www.w3.org/2005/Atom}title")
        ]
        assert any(ATTACK in t for t in titles)  # the XML says it, as text
    oai = site.get(
        f"/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:ganjina:{article}"
    ).text
    assert unescaped(oai) == []
    assert any(ATTACK in (e.text or "") for e in ET.fromstring(oai).iter())


def test_a_withdrawal_note_and_a_section_label_stay_text(
    desk: Callable[..., DeskClient], attacked: dict[str, str]
) -> None:
    amina = desk("amina")
    made = amina.post("/desk/sections", {"id": "opinion", "labels": "نظر " + ATTACK})
    assert made.status_code == 303
    assert unescaped(amina.get("/desk/sections").text) == []
    bad_name = amina.post(
        "/desk/users", {"name": ATTACK, "role": "editor", "password": "x" * 12, "again": "x" * 12}
    )
    assert bad_name.status_code == 400 and unescaped(bad_name.text) == []
    article = attacked["article"]
    nadia = desk("nadia")
    assert nadia.post(f"/desk/articles/{article}/withdraw", {"note": ATTACK}).status_code == 303
    for text in (nadia.get(f"/desk/articles/{article}").text, amina.get("/desk/audit").text,
                 nadia.client.get(f"/article/{article}").text):  # fmt: skip
        assert unescaped(text) == []
