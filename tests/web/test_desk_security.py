"""The desk's gate, as an attacker meets it: every route refuses a stranger, every form
refuses a missing or foreign token, a planted session never becomes a real one, an
editor reaches nothing outside her sections, and guessing passwords locks the door.

Each test here fails on a build without the protection it names (a route outside the
guard, a POST handled before its token is checked, a session kept at sign-in, a draft
looked up without its section, a sign-in without a failure count)."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from starlette.routing import Route

from ganjina.archive import Archive
from ganjina.web import WebConfig, create_app
from ganjina.web.desk.config import DeskConfig
from ganjina.web.desk.sessions import COOKIE, secret_hash

from .conftest import PASSWORD, DeskClient, make_desk_archive
from .desk_files import ENGLISH_DOCX

#: the only desk routes a stranger may use
PUBLIC = {("GET", "/desk"), ("GET", "/desk/login"), ("POST", "/desk/login")}
DUMMY = {
    "draft_id": "d-0123456789abcdef",
    "article_id": "gj-0123456789abcdef",
    "name": "nadia",
    "number": "1",
}


def _routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route, through included routers (FastAPI keeps those
    as routers of their own since 0.16x, as a flat list before)."""
    for route in routes:
        if isinstance(route, Route):
            yield prefix + route.path, set(route.methods or ())
        elif hasattr(route, "original_router"):
            context = getattr(route, "include_context", None)
            inner = prefix + (getattr(context, "prefix", "") or "")
            yield from _routes(route.original_router.routes, inner)


def desk_routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) of the desk, path parameters filled in."""
    found = []
    for template, methods in _routes(app.routes):
        if not template.startswith("/desk"):
            continue
        path = re.sub(r"\{(\w+)\}", lambda m: DUMMY.get(m.group(1), "x"), template)
        found += [(method, path) for method in sorted(methods) if method != "HEAD"]
    return found


def test_every_desk_route_refuses_a_stranger(desk_app: FastAPI) -> None:
    routes = desk_routes(desk_app)
    assert len(routes) >= 25  # the walk found the desk
    stranger = DeskClient(desk_app).client
    opened = []
    for method, path in routes:
        if (method, path) in PUBLIC:
            continue
        response = stranger.request(method, path, follow_redirects=False)
        if method == "GET":
            ok = response.status_code == 303 and response.headers["location"].startswith(
                "/desk/login?next="
            )
        else:
            ok = response.status_code == 401
        if not ok or sets_session(response):
            opened.append((method, path, response.status_code))
    assert opened == []
    # the public ones are exactly the sign-in form and its answer
    assert {r for r in routes if r[1] in ("/desk", "/desk/login")} == PUBLIC


def test_every_desk_form_needs_its_sessions_token(
    desk: Callable[..., DeskClient], desk_app: FastAPI
) -> None:
    nadia, zarlasht = desk("nadia"), desk("zarlasht")
    posts = [path for method, path in desk_routes(desk_app) if method == "POST"]
    assert "/desk/upload" in posts and "/desk/logout" in posts
    refused = []
    for path in posts:
        if path == "/desk/login":
            continue
        for token in (None, "", "forged", zarlasht.csrf):  # none, empty, made up, another's
            data = {"title": "x"} if token is None else {"csrf": token, "title": "x"}
            response = nadia.client.post(path, data=data, follow_redirects=False)
            if response.status_code != 403:
                refused.append((path, token, response.status_code))
    assert refused == []
    # nothing happened: nadia is still signed in, with no draft made
    assert nadia.get("/desk/").status_code == 200
    assert "this form is out of date" in nadia.client.post("/desk/logout").text


def test_sign_in_form_has_its_own_token(desk_app: FastAPI) -> None:
    client = DeskClient(desk_app).client
    client.get("/desk/login")
    forged = client.post(
        "/desk/login",
        data={"csrf": "forged", "name": "nadia", "password": PASSWORD},
        follow_redirects=False,
    )
    assert forged.status_code == 403 and not sets_session(forged)


def sets_session(response: object) -> bool:
    cookies = response.headers.get_list("set-cookie")  # type: ignore[attr-defined]
    return any(c.startswith(COOKIE + "=") for c in cookies)


def _cookie_header(response: object, name: str) -> str:
    for value in response.headers.get_list("set-cookie"):  # type: ignore[attr-defined]
        if value.startswith(name + "="):
            return str(value)
    raise AssertionError(f"no {name} cookie set")


def test_session_cookie_attributes(desk_app: FastAPI) -> None:
    plain = DeskClient(desk_app).sign_in("nadia")
    header = _cookie_header(plain, COOKIE)
    assert "HttpOnly" in header and "Path=/desk" in header
    assert re.search(r"SameSite=strict", header, re.I) and "Secure" not in header
    secure = DeskClient(desk_app, base_url="https://testserver").sign_in("nadia")
    assert "Secure" in _cookie_header(secure, COOKIE)


def test_a_planted_session_never_becomes_real(desk_app: FastAPI) -> None:
    victim = DeskClient(desk_app)
    planted = "attacker-chose-this-secret"
    victim.client.cookies.set(COOKIE, planted, path="/desk")
    response = victim.sign_in("nadia")
    given = _cookie_header(response, COOKIE).split(";", 1)[0].split("=", 1)[1]
    assert given != planted
    attacker = DeskClient(desk_app).client
    attacker.cookies.set(COOKIE, planted, path="/desk")
    assert attacker.get("/desk/", follow_redirects=False).status_code == 303


def test_sign_in_rotates_and_sign_out_ends(desk_app: FastAPI) -> None:
    browser = DeskClient(desk_app)
    first = _cookie_header(browser.sign_in("nadia"), COOKIE).split(";")[0].split("=", 1)[1]
    second = _cookie_header(browser.sign_in("nadia"), COOKIE).split(";")[0].split("=", 1)[1]
    assert first != second
    stale = DeskClient(desk_app).client
    stale.cookies.set(COOKIE, first, path="/desk")
    assert stale.get("/desk/", follow_redirects=False).status_code == 303  # ended at sign-in
    kept = DeskClient(desk_app).client
    kept.cookies.set(COOKIE, second, path="/desk")
    assert kept.get("/desk/").status_code == 200
    assert browser.post("/desk/logout").headers["location"] == "/desk/login"
    assert kept.get("/desk/", follow_redirects=False).status_code == 303  # ended at sign-out


def test_idle_sessions_end(tmp_path: Path) -> None:
    archive = make_desk_archive(tmp_path / "archive")
    config = WebConfig(desk=DeskConfig(idle_minutes=1 / 60, touch_seconds=0))
    nadia = DeskClient(create_app(archive, config))
    assert nadia.sign_in("nadia").status_code == 303
    assert nadia.get("/desk/").status_code == 200
    secret = nadia.client.cookies.get(COOKIE)
    time.sleep(1.3)
    assert nadia.get("/desk/", follow_redirects=False).status_code == 303
    session = archive.desk.session(secret_hash(secret or ""))
    assert session is not None and session.ended and session.ended_why == "idle"
    archive.close()


def test_a_new_password_or_a_disabled_account_ends_sessions(tmp_path: Path) -> None:
    from ganjina.web.desk import accounts

    archive = make_desk_archive(tmp_path / "archive")
    app = create_app(archive)
    nadia, zarlasht = DeskClient(app), DeskClient(app)
    nadia.sign_in("nadia"), zarlasht.sign_in("zarlasht")
    accounts.change(archive, "nadia", by="test", password="another long pass phrase")
    assert nadia.get("/desk/", follow_redirects=False).status_code == 303
    accounts.change(archive, "zarlasht", by="test", disabled=True)
    assert zarlasht.get("/desk/", follow_redirects=False).status_code == 303
    assert DeskClient(app).sign_in("zarlasht").status_code == 401
    archive.close()


# -- an editor and what is not hers ---------------------------------------------------
@pytest.fixture(scope="module")
def pashto_work(desk_app: FastAPI, desk_archive: Archive) -> dict[str, str]:
    """A draft of zarlasht's in the Pashto section, and an article published from it."""
    zarlasht = DeskClient(desk_app)
    zarlasht.sign_in("zarlasht")
    made = zarlasht.post(
        "/desk/write",
        {"title": "د ننګرهار باغونه", "language": "ps", "section": "pashto",
         "authors": "زرلښت", "date": "1403-05-01", "body": "د مڼو باغونه."},
    )  # fmt: skip
    draft = made.headers["location"]
    preview = zarlasht.get(draft + "/preview").text
    number = re.search(r'name="revision" value="(\d+)"', preview)
    assert number, preview[-500:]
    zarlasht.post(draft + "/publish", {"revision": number.group(1)})
    article = re.search(r"/desk/articles/(gj-[0-9a-f]+)", zarlasht.get(draft).text)
    assert article
    unfiled = zarlasht.post("/desk/write", {"title": "بې برخې", "language": "ps", "body": "متن"})
    return {
        "draft": draft,
        "article": article.group(1),
        "unfiled": unfiled.headers["location"],
    }


def test_an_editor_cannot_touch_another_sections_work(
    desk: Callable[..., DeskClient], pashto_work: dict[str, str], desk_archive: Archive
) -> None:
    nadia = desk("nadia")
    draft, article = pashto_work["draft"], pashto_work["article"]
    gets = [draft, draft + "/preview", draft + "/preview/1/article.html",
            draft + "/preview/1/page-1.png", draft + "/history", pashto_work["unfiled"],
            f"/desk/articles/{article}"]  # fmt: skip
    assert {p: nadia.get(p).status_code for p in gets} == {p: 404 for p in gets}
    posts = {
        draft: {"title": "taken over", "blocks": "0"},
        draft + "/publish": {"revision": "1"},
        f"/desk/articles/{article}/correct": {},
        f"/desk/articles/{article}/withdraw": {"note": "not mine"},
        f"/desk/articles/{article}/restore": {},
    }
    assert {p: nadia.post(p, d).status_code for p, d in posts.items()} == {p: 404 for p in posts}
    # the 404 says exactly what an id that does not exist says
    missing = nadia.get("/desk/drafts/d-0000000000000000").text
    assert "no draft" in missing and "no draft" in nadia.get(draft).text
    # nothing changed, and nadia's list does not show it
    assert desk_archive.withdrawal(article) is None
    assert desk_archive.desk.revision(draft.rsplit("/", 1)[1], 2) is None
    assert "د ننګرهار باغونه" not in nadia.get("/desk/").text
    assert desk("amina").get(draft).status_code == 200  # an admin sees every section


def test_an_editor_cannot_move_a_draft_into_another_section(
    desk: Callable[..., DeskClient],
) -> None:
    nadia = desk("nadia")
    draft = nadia.upload(ENGLISH_DOCX.read_bytes(), "flood.docx").headers["location"]
    fields = {**nadia.draft_form(draft), "section": "pashto"}
    refused = nadia.post(draft, fields)
    assert refused.status_code == 400 and "you may not publish in this section" in refused.text
    # the form offers only her own sections
    assert 'value="pashto"' not in nadia.get(draft).text.split('id="section"', 1)[1][:1500]


def test_an_editor_cannot_reach_accounts_sections_or_the_audit(
    desk: Callable[..., DeskClient], desk_archive: Archive
) -> None:
    nadia = desk("nadia")
    for path in ("/desk/users", "/desk/users/amina", "/desk/sections", "/desk/audit"):
        assert nadia.get(path).status_code == 404, path
    promote = nadia.post("/desk/users/nadia", {"role": "admin", "sections": ["pashto"]})
    make = nadia.post(
        "/desk/users", {"name": "mallory", "role": "admin", "password": PASSWORD, "again": PASSWORD}
    )
    section = nadia.post("/desk/sections", {"id": "mine", "labels": "Mine"})
    assert [promote.status_code, make.status_code, section.status_code] == [404, 404, 404]
    user = desk_archive.desk.user("nadia")
    assert user is not None and user.role == "editor" and list(user.sections) == ["dari"]
    assert desk_archive.desk.user("mallory") is None


# -- guessing passwords ---------------------------------------------------------------
def test_repeated_failures_lock_the_account(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    archive = make_desk_archive(tmp_path / "archive")
    app = create_app(archive, WebConfig(desk=DeskConfig(max_failures=5)))
    caplog.set_level(logging.INFO, logger="ganjina.desk")
    guesses = [DeskClient(app).sign_in("nadia", f"guess number {n}") for n in range(5)]
    assert [g.status_code for g in guesses] == [401] * 5
    unknown = DeskClient(app).sign_in("nobody-here", "guess")
    assert unknown.status_code == 401 and "the name or the password is wrong" in unknown.text
    locked = DeskClient(app).sign_in("nadia")  # the right password, too late
    assert locked.status_code == 429 and "too many failed attempts" in locked.text
    assert not sets_session(locked)
    assert DeskClient(app).sign_in("zarlasht").status_code == 303  # others still may
    why = [a["why"] for a in archive.desk.logins(20) if a["name"] == "nadia"]
    assert why.count("wrong name or password") == 5 and why[0] == "locked"
    logged = [r.getMessage() for r in caplog.records if r.name == "ganjina.desk"]
    assert any("sign-in failed: 'nadia'" in m for m in logged)
    assert any("refused (locked): 'nadia'" in m for m in logged)
    assert all(PASSWORD not in m and "guess number" not in m for m in logged)
    archive.close()


def test_one_address_trying_many_names_is_refused(tmp_path: Path) -> None:
    archive = make_desk_archive(tmp_path / "archive")
    app = create_app(archive, WebConfig(desk=DeskConfig(max_address_failures=4)))
    for n in range(4):
        assert DeskClient(app).sign_in(f"name{n}", "guess").status_code == 401
    assert DeskClient(app).sign_in("zarlasht").status_code == 429
    archive.close()
