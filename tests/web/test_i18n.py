"""The interface in English and in Dari: switchable, mirrored, every string catalogued."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from ganjina.web import i18n
from ganjina.web.present import Ui, text_direction
from ganjina.web.templating import TEMPLATES


def test_catalogue_is_complete_and_compiled() -> None:
    assert i18n.check() == []


def test_templates_hold_no_bare_words() -> None:
    """Every word a visitor reads comes through the catalogue: text between tags in a
    template is only markup, ``{{ … }}`` or punctuation."""
    for path in TEMPLATES.glob("*.html"):
        source = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", path.read_text(), flags=re.S)
        source = re.sub(r"<code>.*?</code>", " ", source)  # query examples are the language
        source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
        for text in re.findall(r">([^<>]+)<", source):
            assert not re.search(r"[A-Za-z]{2,}", text), (path.name, text.strip())


def test_language_choice() -> None:
    assert i18n.choose(None, None, None) == "en"
    assert i18n.choose(None, None, "fa-AF,fa;q=0.9,en;q=0.5") == "fa"
    assert i18n.choose(None, None, "de-DE,en;q=0.7") == "en"
    assert i18n.choose(None, "fa", "en") == "fa"
    assert i18n.choose("en", "fa", "fa") == "en"
    assert i18n.choose("xx", None, None) == "en"


def test_switch_sets_a_cookie_and_returns(client: TestClient) -> None:
    response = client.get("/ui/fa", params={"next": "/about"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/about"
    assert "ui=fa" in response.headers["set-cookie"]
    with TestClient(client.app) as fresh:
        fresh.get("/ui/fa", params={"next": "/about"})
        html = fresh.get("/about").text
        assert '<html lang="fa-AF" dir="rtl">' in html and "دربارهٔ آرشیف" in html
        fresh.get("/ui/en", params={"next": "/about"})
        assert '<html lang="en" dir="ltr">' in fresh.get("/about").text
    assert client.get("/ui/xx").status_code == 404


def test_switch_links_keep_the_page_and_drop_the_ui_parameter(client: TestClient) -> None:
    html = client.get("/search?q=flood&ui=fa").text
    assert 'href="/ui/en?next=%2Fsearch%3Fq%3Dflood"' in html


def test_dari_pages_use_dari_words_and_digits(client: TestClient) -> None:
    html = client.get("/?ui=fa").text
    assert "آرشیف افغانستان آزاد" in html and "۱۴ مقاله" in html
    assert "Search the archive" not in html
    assert Ui.for_code("fa").number(12345) == "۱۲٬۳۴۵"
    assert Ui.for_code("en").number(12345) == "12,345"


def test_language_names_and_directions() -> None:
    en, fa = Ui.for_code("en"), Ui.for_code("fa")
    assert en.language_name("fa-AF") == en.language_name("fa-af") == "Dari"
    assert fa.language_name("ps") == "پشتو"
    assert en.language_name("xx-YY") == "xx-YY"
    assert [text_direction(t) for t in ("fa-AF", "ps", "en", "de", None)] == [
        "rtl", "rtl", "ltr", "ltr", "ltr",
    ]  # fmt: skip
    assert en.section("something-new") == "something-new"


def test_compiled_catalogue_is_compared_by_messages_not_bytes() -> None:
    """A ``.mo`` written by another allowed Babel differs in its header only: it passes;
    a changed translation fails."""
    from babel.messages.catalog import Catalog

    def compiled(version: str, translation: str) -> bytes:
        catalog = Catalog(locale="fa_AF", project="Ganjina", version=version)
        catalog.add("Search", translation)
        catalog.add(("%(n)s article", "%(n)s articles"), ("%(n)s مقاله",))
        return i18n._mo_bytes(catalog)

    first, other_version = compiled("1", "جستجو"), compiled("2", "جستجو")
    assert first != other_version
    assert i18n._messages(first) == i18n._messages(other_version)
    assert i18n._messages(first) != i18n._messages(compiled("1", "پلټنه"))
