"""Fixtures for the web tests: the demo archive (built once per session), the app on it
through FastAPI's TestClient, and, for the browser and OAI-PMH tests, the same app
served by a real uvicorn on a free loopback port.

Browser tests need Playwright (pip) and Debian's Chromium (``apt-get install chromium``)
and axe-core (``npm ci --prefix tests/web``). Missing, they skip on a developer's
machine and fail under CI (``CI`` set), where they must run.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

from ganjina.archive import Archive
from ganjina.web import WebConfig, create_app
from ganjina.web.demo import build_demo
from ganjina.web.server import HTTP_PROTOCOL, event_loop

with warnings.catch_warnings():
    # Starlette asks for httpx2 and warns when it finds only httpx; either works here
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SAMPLES = ROOT / "samples"
SCREENSHOTS = ROOT / "tests" / "screenshots"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: ids of sample articles the tests look at
SCRIPT_ID = "gj-989e475e5abc155a"  # en-script-headline: a literal <script> in its title
DARI_ID = "gj-de74d852c40d1c24"  # fa-herat-saffron
PASHTO_ID = "gj-7af8e57c48f9fbde"  # ps-polio-campaign: has a translator
EN_ID = "gj-9251c57e4ad1e63a"  # en-bamiyan-letter: has a translator


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def unavailable(problem: str) -> None:
    """Skip for ``problem``, or fail under CI, where nothing may be missing."""
    if in_ci():
        pytest.fail(f"CI needs this: {problem}")
    pytest.skip(problem)


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("web") / "demo"
    built = build_demo(SAMPLES, target, workers=0)
    assert built.records == 14
    return target


@pytest.fixture(scope="session")
def archive(demo_path: Path) -> Iterator[Archive]:
    with Archive.open(demo_path) as a:
        yield a


@pytest.fixture(scope="session")
def app(archive: Archive) -> FastAPI:
    return create_app(archive)


@pytest.fixture(scope="session")
def session_client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(session_client: TestClient) -> TestClient:
    """The demo site, without the cookies an earlier test may have set (the interface
    language is one)."""
    session_client.cookies.clear()
    return session_client


@pytest.fixture(scope="session")
def small_client(archive: Archive) -> TestClient:
    """Pages of 3, so that 14 articles need several pages."""
    return TestClient(
        create_app(archive, WebConfig(page_size=3, search_page_size=3)),
        raise_server_exceptions=False,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class LiveServer:
    """An app served by uvicorn in a thread of this process, on loopback."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            http=HTTP_PROTOCOL,
            loop=event_loop(),
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live(archive: Archive) -> Iterator[str]:
    """The demo site on a real server; OAI-PMH lists split every 5 records."""
    with LiveServer(create_app(archive, WebConfig(oai_page_size=5))) as server:
        yield server.url


# -- the editors' desk ---------------------------------------------------------------------
#: accounts of the desk tests: an admin, an editor of Dari, an editor of Pashto
PASSWORD = "a long pass phrase 1"
ACCOUNTS = (
    ("amina", "admin", ()),
    ("nadia", "editor", ("dari",)),
    ("zarlasht", "editor", ("pashto",)),
)


def make_desk_archive(target: Path | str) -> Archive:
    """A new archive with the desk's three test accounts (and nothing else)."""
    from ganjina.web.desk import accounts

    archive = Archive.open(target, create=True)
    known = ["dari", "pashto", "european-languages"]
    for name, role, sections in ACCOUNTS:
        accounts.create(archive, name, role, PASSWORD, sections, known_sections=known, by="test")
    return archive


class DeskClient:
    """A browser at the desk: signs in through the form, sends each form with its token."""

    def __init__(self, app: FastAPI, base_url: str = "http://testserver") -> None:
        self.client = TestClient(app, raise_server_exceptions=False, base_url=base_url)
        self.csrf = ""

    def sign_in(self, name: str, password: str = PASSWORD, ui: str | None = None) -> Any:
        if ui:
            self.client.cookies.set("ui", ui)
        page = self.client.get("/desk/login")
        token = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert token, page.text[:300]
        response = self.client.post(
            "/desk/login",
            data={"csrf": token.group(1), "name": name, "password": password, "next": "/desk/"},
            follow_redirects=False,
        )
        if response.status_code == 303:
            self.refresh_token()
        return response

    def refresh_token(self) -> None:
        home = self.client.get("/desk/")
        found = re.search(r'name="csrf" value="([^"]+)"', home.text)
        assert found, home.text[:300]
        self.csrf = found.group(1)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, **kwargs)

    def post(self, path: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        kwargs.setdefault("follow_redirects", False)
        return self.client.post(path, data={"csrf": self.csrf, **(data or {})}, **kwargs)

    def upload(self, data: bytes, filename: str) -> Any:
        return self.post(
            "/desk/upload", files={"file": (filename, data, "application/octet-stream")}
        )

    def draft_form(self, draft_url: str) -> dict[str, str]:
        """The fields of a draft's form as the page fills them in."""
        return form_fields(self.get(draft_url).text)


def form_fields(html: str) -> dict[str, str]:
    """Input, select and textarea values of the record form (enough for the tests)."""
    import html as htmllib

    form = html.split('class="desk-form record"', 1)[1].split("</form>", 1)[0]
    out: dict[str, str] = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form):
        out[name] = htmllib.unescape(value)
    for name, value in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S
    ):
        out[name] = htmllib.unescape(value)
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        out[name] = htmllib.unescape(chosen.group(1)) if chosen else ""
    out.pop("csrf", None)
    return out


@pytest.fixture(scope="module")
def desk_archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    archive = make_desk_archive(tmp_path_factory.mktemp("desk") / "archive")
    yield archive
    archive.close()


@pytest.fixture(scope="module")
def desk_app(desk_archive: Archive) -> FastAPI:
    return create_app(desk_archive)


@pytest.fixture
def desk(desk_app: FastAPI) -> Callable[..., DeskClient]:
    """``desk("nadia")``: a client signed in as that account."""

    def signed_in(name: str, ui: str | None = None) -> DeskClient:
        client = DeskClient(desk_app)
        assert client.sign_in(name, ui=ui).status_code == 303
        return client

    return signed_in
