"""No English left in the Dari and Pashto interfaces: every page of the site and of the
desk, its errors included, rendered in each non-English interface and read the way a
reader sees it (:mod:`tests.web.visible`). A string added to a template without the
catalogue, or a message a view writes in English, fails here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ganjina.web import create_app

from .conftest import DARI_ID, EN_ID, PASHTO_ID, SCRIPT_ID, DeskClient, make_desk_archive
from .desk_files import ENGLISH_DOCX
from .visible import english_left, interface_words

UIS = {"fa": "fa-AF", "ps": "ps"}


def with_ui(path: str, ui: str) -> str:
    """``path`` asked in the interface ``ui``, whatever query it already has."""
    return f"{path}{'&' if '?' in path else '?'}ui={ui}"


SITE_PAGES = [
    "/",
    "/search",
    "/search?q=flood",
    "/search?q=flood&section=european-languages&sort=date",
    "/search?q=%22unclosed",
    "/search?q=date:2024..2020",
    "/search?q=zzzzqqq",
    f"/article/{DARI_ID}",
    f"/article/{PASHTO_ID}",
    f"/article/{EN_ID}",
    f"/article/{SCRIPT_ID}",
    "/section/dari",
    "/section/european-languages",
    "/author/Nadia%20Rahimzai",
    "/browse",
    "/browse/solar/1403",
    "/browse/gregorian/2024",
    "/browse/gregorian/2024/7",
    "/about",
    # errors: each is said in the interface's language
    "/article/gj-none",
    "/section/no-such-section",
    "/browse/solar/99999",
    "/browse/gregorian/x",
    "/no/such/page",
]


def test_the_check_finds_english(client: TestClient) -> None:
    """The check itself: English the interface wrote is found, data is not."""
    html = (
        '<html lang="fa-AF"><title>آرشیف</title><p>Search <b>نتیجه</b></p>'
        '<p lang="en">An English title</p><p translate="no">nadia</p>'
        '<button aria-label="Close">×</button><code>title:kabul</code></html>'
    )
    assert english_left(html, "fa-AF") == ["<p> 'Search'", "<button aria-label> 'Close'"]
    assert ("<title>", "آرشیف") in interface_words(html, "fa-AF")
    # a query typed in the search box is data, in the page's <title> too
    searched = '<html lang="fa-AF"><title>جستجو: flood</title><input name="q" value="flood">'
    assert english_left(searched, "fa-AF") == []
    assert english_left(searched.replace('value="flood"', 'value=""'), "fa-AF") != []


@pytest.mark.parametrize("ui", list(UIS))
def test_site_pages_have_no_english_of_their_own(client: TestClient, ui: str) -> None:
    problems = []
    for path in SITE_PAGES:
        # the interface in the address itself: httpx's ``params=`` replaces a query the
        # address already has (since 0.28), which left the search pages unasked
        response = client.get(with_ui(path, ui))
        assert response.status_code < 500, path
        assert f'lang="{UIS[ui]}"' in response.text[:200], path
        problems += [f"{path}: {p}" for p in english_left(response.text, UIS[ui])]
    assert not problems, "\n".join(problems)


# -- the desk ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def desk_pages(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[DeskClient, dict[str, str]]]:
    """An admin at a desk with an English draft (data in another language than the
    interface's), published and corrected, and the addresses of all its pages."""
    archive = make_desk_archive(tmp_path_factory.mktemp("desk-i18n") / "archive")
    amina = DeskClient(create_app(archive))
    assert amina.sign_in("amina").status_code == 303
    draft = amina.upload(ENGLISH_DOCX.read_bytes(), "flood.docx").headers["location"]
    preview = amina.get(draft + "/preview").text
    revision = re.search(r'name="revision" value="(\d+)"', preview)
    assert revision
    amina.post(draft + "/publish", {"revision": revision.group(1)})
    article = re.search(r"/desk/articles/(gj-[0-9a-f]+)", amina.get(draft).text)
    assert article
    other = amina.post("/desk/write", {"title": "", "section": "dari", "date": "soon"})
    assert other.status_code == 400
    pages = {
        "home": "/desk/",
        "new": "/desk/new",
        "draft": draft,
        "saved": draft + "?done=saved",
        "published": draft + "?done=published",
        "preview": draft + "/preview",
        "article": f"/desk/articles/{article.group(1)}",
        "users": "/desk/users",
        "user": "/desk/users/nadia",
        "sections": "/desk/sections",
        "audit": "/desk/audit",
        "account": "/desk/account",
        "no draft": "/desk/drafts/d-0000000000000000",
        "no account": "/desk/users/nobody",
        "no page": "/desk/nothing-here",
    }
    yield amina, pages
    archive.close()


def _desk_problems(client: DeskClient, ui: str, pages: dict[str, str]) -> list[str]:
    problems = []
    for name, path in pages.items():
        # the interface in the address itself: httpx's ``params=`` replaces a query the
        # address already has (since 0.28), which left the search pages unasked
        response = client.get(with_ui(path, ui))
        assert response.status_code < 500, (name, response.text[-300:])
        problems += [f"{name} {path}: {p}" for p in english_left(response.text, UIS[ui])]
    return problems


@pytest.mark.parametrize("ui", list(UIS))
def test_desk_pages_have_no_english_of_their_own(
    desk_pages: tuple[DeskClient, dict[str, str]], ui: str
) -> None:
    amina, pages = desk_pages
    problems = _desk_problems(amina, ui, pages)
    # and the answers to refused forms: a wrong token, a bad upload, a bad account
    refused = [
        amina.client.post("/desk/write", data={"csrf": "wrong"}, params={"ui": ui}),
        amina.client.post(
            "/desk/upload",
            data={"csrf": amina.csrf},
            files={"file": ("a.docx", b"PK\x03\x04 not a zip", "application/octet-stream")},
            params={"ui": ui},
        ),
        amina.client.post(
            "/desk/users",
            data={"csrf": amina.csrf, "name": "X", "role": "editor", "password": "short"},
            params={"ui": ui},
        ),
    ]
    for response in refused:
        assert 400 <= response.status_code < 500
        problems += [f"refused: {p}" for p in english_left(response.text, UIS[ui])]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ui", list(UIS))
def test_sign_in_pages_have_no_english_of_their_own(tmp_path: Path, ui: str) -> None:
    archive = make_desk_archive(tmp_path / "archive")
    with TestClient(create_app(archive)) as anonymous:
        form = anonymous.get("/desk/login", params={"ui": ui})
        problems = english_left(form.text, UIS[ui])
        wrong = DeskClient(create_app(archive))
        wrong.client.cookies.set("ui", ui)
        answer = wrong.sign_in("nadia", "not the password")
        assert answer.status_code == 401
        problems += english_left(answer.text, UIS[ui])
    archive.close()
    assert not problems, "\n".join(problems)
