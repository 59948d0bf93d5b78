"""A web page is read in the encoding it declares (Windows-1256 pages of older Dari
sites, Latin-1 pages of European ones); an undeclared page must be UTF-8."""

from __future__ import annotations

import pytest

from ganjina.errors import UnsupportedFormat
from ganjina.read.html_charset import declared_charset
from ganjina.reader import parse_bytes

# Windows-1256 has Arabic yeh (U+064A), not Farsi yeh, and the ZWNJ (byte 0x9D)
DARI = "کتابفروشي\u200cهاي کوچه قديم"
DARI_BODY = "در کوچه قديم کابل هنوز چند کتابفروشي باز است و کتاب\u200cخوانان مي\u200cآيند."


def _page(head: str, title: str, body: str) -> str:
    article = f"<article><h1>{title}</h1><p>{body}</p></article>"
    return f"<html><head>{head}</head><body>{article}</body></html>"


def test_a_windows_1256_page_keeps_its_letters_and_zwnj() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
    data = _page(head, DARI, DARI_BODY).encode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # (what the reader had refused: "not UTF-8 text")
    article = parse_bytes(data, "old.html")
    assert article.title == DARI
    assert article.blocks[0].text == DARI_BODY
    assert article.language is not None and article.language.startswith("fa")
    assert not any("U+FFFD" in w for w in article.warnings)


def test_latin_1_is_read_as_windows_1252_as_browsers_do() -> None:
    # the curly quotes are Windows-1252 bytes a page labelled ISO-8859-1 carries
    body = "Die \u201eBrunnen\u201c von Parwan trocknen aus, sagt Sara Ahmadi, die Straße entlang."
    data = _page('<meta charset="ISO-8859-1">', "Brunnen in Parwan", body).encode("cp1252")
    article = parse_bytes(data, "de.html")
    assert article.blocks[0].text == body


def test_bytes_outside_the_declared_encoding_are_marked_and_said() -> None:
    data = _page('<meta charset="utf-8">', "Wells", "caf").encode() + b"\xe9 and more"
    data = data.replace(b"caf</p>", b"caf\xe9 dry.</p>")
    article = parse_bytes(data, "bad.html")
    assert article.blocks[0].text == "caf\ufffd dry."
    assert any(w.startswith("bytes not in the page's encoding (utf-8)") for w in article.warnings)


def test_an_undeclared_page_that_is_not_utf8_is_refused_clearly() -> None:
    data = _page("", "Brunnen", "Straße").encode("cp1252")
    with pytest.raises(UnsupportedFormat, match="not UTF-8 text and no charset declared"):
        parse_bytes(data, "x.html")
    # an encoding nobody knows counts as none declared
    data = _page('<meta charset="klingon-8">', "Brunnen", "Straße").encode("cp1252")
    with pytest.raises(UnsupportedFormat, match="no charset declared"):
        parse_bytes(data, "y.html")


def test_the_declaration_is_looked_for_in_the_first_kilobyte_only() -> None:
    assert declared_charset(b"<meta charset='cp1256'>") == "cp1256"
    assert declared_charset(b"<META CONTENT='text/html; charset=UTF-16'>") == "utf-8"
    assert declared_charset(b" " * 1024 + b"<meta charset='cp1256'>") is None
    assert declared_charset(b"<meta " + b"a" * 600 + b" charset=cp1256>") is None  # bounded
