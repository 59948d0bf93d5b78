"""The hostile-input corpus: files an attacker or an unlucky archive would hand Ganjina.

Built at test time (``build(folder)``), never committed: every file is made here from text
written for these tests, by code, within bounded sizes (the largest is 9 MB, sparse).
Each case says what must happen to it:

* ``stored``: a real article, however odd its bytes; ingest must store it;
* ``refused``: not an article or not readable; one line says why, nothing is stored;
* ``either``: odd enough that refusing is as right as reading; only a clean answer counts.

``owner`` says whose code a case exercises: ``reader`` cases (Markdown inline patterns,
house-style patterns, DOCX internals) are the lead engineer's and are tested in
``test_reader_patterns.py``; the rest (``hardening``) in ``test_corpus.py``.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.hardening.articles import good_article, markdown_article

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

#: a long run of one shape: 100 KB, past what quadratic code survives (50 KB took 30 s)
RUN = 100_000


@dataclass(frozen=True)
class Case:
    name: str  # the file name in the corpus folder
    expect: str  # stored | refused | either
    owner: str = "hardening"  # hardening | reader
    why: str = ""


@dataclass(frozen=True)
class _Maker:
    case: Case
    make: Callable[[Path], None]


_MAKERS: list[_Maker] = []


def _case(
    name: str, expect: str, owner: str = "hardening", why: str = ""
) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
    def register(make: Callable[[Path], None]) -> Callable[[Path], None]:
        _MAKERS.append(_Maker(Case(name, expect, owner, why), make))
        return make

    return register


def _text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda p: p.write_bytes(content.encode(encoding))


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(content)


def _article(body: str, title: str = "A hostile but real article") -> str:
    return markdown_article(title, body)


FA_BODY = (
    "شورای ولسوالی برای تقسیم آب میان دهکده‌ها جلسه کرد. دهقانان گفتند که جوی پیش از "
    "بهار پاک شده بود و می‌خواهند سهم هر خانه روشن باشد."
)
PS_BODY = (
    "د ولسوالۍ شورا د کلیو ترمنځ د اوبو د وېش لپاره غونډه وکړه. بزګرانو وویل چې ویاله "
    "د پسرلي څخه مخکې پاکه شوې وه او غواړي چې د هرې کورنۍ برخه ښکاره وي."
)


def _register_text_cases() -> None:
    add = _case
    add("good-en.md", "stored")(_text(good_article(1)))
    add("good-fa.md", "stored", why="Dari with ZWNJ")(_text(_article(FA_BODY, "جلسهٔ آب")))
    add("good-ps.md", "stored", why="Pashto letters")(_text(_article(PS_BODY, "د اوبو غونډه")))
    add("good.txt", "stored")(_text(good_article(2)))
    add("crlf.md", "stored")(_text(good_article(3).replace("\n", "\r\n")))
    add("cr-only.md", "either", why="old Mac line ends")(_text(good_article(4).replace("\n", "\r")))
    add("utf16-bom.md", "stored", why="Notepad's 'Unicode'")(_text(good_article(5), "utf-16"))
    add("utf16-odd-length.md", "refused")(_bytes(good_article(6).encode("utf-16") + b"\x00"))
    add("utf8-bom.md", "stored")(_text("\ufeff" + good_article(7)))
    add("nul-bytes.md", "stored", why="NULs scrubbed")(
        _text(good_article(8).replace("canal", "ca\x00nal"))
    )
    add("empty.md", "refused")(_bytes(b""))
    add("bom-only.md", "refused")(_bytes(b"\xef\xbb\xbf"))
    add("whitespace.md", "refused")(_text(" \n\t\n" * 1000))
    add("latin1.md", "refused", why="not UTF-8")(
        _bytes(good_article(9).encode() + "café".encode("latin-1"))
    )
    add("binary.md", "refused")(_bytes(bytes(range(256)) * 400))
    add("controls.txt", "refused")(_text("\x01\x02\x03\x04 text " * 5000))
    add("pdf-named-text.pdf", "refused", why="a .pdf that is not a PDF")(_text(good_article(10)))
    add("docx-named-text.docx", "refused")(_text(good_article(11)))
    add("notes.md", "refused", why="not an article")(_text("# Notes\n\n- todo\n- more\n"))
    add("long-line.md", "either")(_text(_article("word " * (RUN // 5) * 10)))
    add("zwnj-flood.md", "stored")(_text(_article(FA_BODY + "\u200c" * RUN)))
    add("bidi-controls.md", "stored")(_text(_article(FA_BODY + "\u202e\u2067\u200f" * 30_000)))
    add("combining-flood.md", "stored")(_text(_article("a" + "\u0651\u064b" * 50_000)))
    add("many-lines.md", "stored")(_text(_article("line\n" * RUN)))
    add("many-blank-lines.md", "stored")(_text(_article("para\n\n\n" * 30_000)))
    add("astral.md", "stored")(_text(_article("𝔄𝔟𝔠 😀 " * 20_000)))
    add("huge-sparse.md", "refused", why="past the text size limit")(_sparse(9 << 20))


def _sparse(size: int) -> Callable[[Path], None]:
    def make(p: Path) -> None:
        with open(p, "wb") as f:
            f.write(b"# Title\n\n")
            f.truncate(size)

    return make


def _html_page(body: str, title: str = "A web article") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>The district council met to share water between villages; farmers said the "
        f"canal had been cleaned before the spring.</p>{body}</article></body></html>"
    )


def _register_html_cases() -> None:
    add = _case
    add("good.html", "stored")(_text(_html_page("")))
    deep = "<div>" * 20_000 + "<p>deep text</p>" + "</div>" * 20_000
    add("deep-nesting.html", "stored")(_text(_html_page(deep)))
    add("stray-end-tags.html", "stored")(_text(_html_page("<div>" * 5000 + "</span>" * 40_000)))
    for name, shape in (
        ("unfinished-tags", "<a b"),
        ("unfinished-attrs", "<a b='"),
        ("unfinished-comments", "<!--"),
        ("comment-like", "<!--a>"),
        ("quoted-gt", "<a b='>'"),
        ("bad-marked-section", "<![x>"),
        ("lt-runs", "a<"),
        ("end-tag-runs", "</a "),
        ("entity-runs", "&#x6A9"),
    ):
        add(f"{name}.html", "stored")(
            _text(_html_page("<p>tail</p>") + shape * (RUN // len(shape)))
        )
    add("script-only.html", "refused")(_text("<html><body><script>" + "x=1;" * 1000 + "</script>"))
    xxe = (
        "<?xml version='1.0'?><!DOCTYPE html [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        + _html_page("<p>&x;</p>")
    )
    add("xxe.html", "stored", why="entities never resolved")(_text(xxe))
    # what a page declares about itself (read/html_meta.py, html_charset.py)
    metas = '<meta name="citation_author" content="A Person">' * 20_000
    long_value = f'<meta property="og:title" content="{"x " * RUN}">'
    add("meta-flood.html", "stored")(_text(_html_page("").replace("<head>", "<head>" + metas)))
    add("meta-long-values.html", "stored")(
        _text(_html_page("").replace("<head>", "<head>" + long_value))
    )
    ld_deep = '<script type="application/ld+json">' + "[" * RUN + "]" * RUN + "</script>"
    ld_wide = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
        + '{"name": "A B"},' * 20_000
        + '{"name": "C D"}]}</script>'
    )
    add("json-ld-deep.html", "stored")(_text(_html_page(ld_deep)))
    add("json-ld-wide.html", "stored")(
        _text(_html_page("").replace("</head>", ld_wide + "</head>"))
    )
    forged = '<script type="application/json" id="ganjina-record">{"id": 1, "blocks": "x"}</script>'
    add("record-forged.html", "stored", why="a record of the wrong shape is not believed")(
        _text(_html_page(forged))
    )
    undeclared = _html_page("<p>Straße und Brücke</p>").replace("<meta charset='utf-8'>", "")
    add("latin1-undeclared.html", "refused", why="not UTF-8 and no charset declared")(
        _text(undeclared, "latin-1")
    )
    add("cp1256-declared.html", "stored")(
        _text(_html_page("<p>کتاب‌هاي کوچه</p>").replace("utf-8", "windows-1256"), "cp1256")
    )


def _pdf_bytes(text: str, pages: int = 1) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page()
        if text:
            page.insert_text((72, 72), text, fontsize=11)
    out = doc.tobytes()
    doc.close()
    return out


def _register_pdf_cases() -> None:
    add = _case
    sample = SAMPLES / "en-flood-relief" / "article.pdf"
    add("sample.pdf", "stored")(lambda p: p.write_bytes(sample.read_bytes()))
    add("truncated.pdf", "either")(
        lambda p: p.write_bytes(sample.read_bytes()[: sample.stat().st_size // 2])
    )
    add("header-only.pdf", "refused")(_bytes(b"%PDF-1.7\n"))
    add("garbage.pdf", "refused")(_bytes(b"%PDF-1.7\n" + os.urandom(0) + bytes(range(256)) * 200))
    add("blank-pages.pdf", "refused", why="no text layer")(
        lambda p: p.write_bytes(_pdf_bytes("", 200))
    )

    def encrypted(p: Path) -> None:
        import pymupdf

        doc = pymupdf.open("pdf", _pdf_bytes("secret text of an article"))
        doc.save(str(p), encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
        doc.close()

    add("encrypted.pdf", "refused")(encrypted)

    def tiny_spans(p: Path) -> None:
        import pymupdf

        doc = pymupdf.open()
        page = doc.new_page()
        page.insert_text((10, 10), "\n".join(["x y " * 60] * 250), fontsize=3)
        doc.save(str(p))
        doc.close()

    add("tiny-spans.pdf", "either")(tiny_spans)

    def ruled_mesh(p: Path) -> None:
        # dashed rules every few points across the page: 90,000 segments that join into
        # no long rule, each a possible table border (matched pair by pair, unbounded)
        import pymupdf

        doc = pymupdf.open()
        page = doc.new_page()
        page.insert_text((72, 72), "A notice printed over a ruled mesh.", fontsize=11)
        ops = [b"0.3 w 0 G"]
        for k in range(300):
            for j in range(150):
                x, y = 10 + j * 4, 10 + k * 2.7
                ops.append(b"%.1f %.1f m %.1f %.1f l S" % (x, y, x + 1.5, y))
                x, y = 10 + k * 2, 10 + j * 5.4
                ops.append(b"%.1f %.1f m %.1f %.1f l S" % (x, y, x, y + 2))
        xref = doc.get_new_xref()
        doc.update_object(xref, "<<>>")
        doc.update_stream(xref, b"\n".join(ops))
        parts = " ".join(f"{x} 0 R" for x in [*page.get_contents(), xref])
        doc.xref_set_key(page.xref, "Contents", f"[{parts}]")
        doc.save(str(p), garbage=1, deflate=True)
        doc.close()

    add("ruled-mesh.pdf", "stored", why="table search bounded")(ruled_mesh)


def _docx(parts: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def _register_docx_cases() -> None:
    add = _case
    sample = SAMPLES / "en-flood-relief" / "article.docx"
    add("sample.docx", "stored")(lambda p: p.write_bytes(sample.read_bytes()))
    add("not-a-zip.docx", "refused")(_bytes(b"PK\x03\x04" + bytes(range(256)) * 100))
    add("empty-zip.docx", "refused")(_bytes(_docx({"hello.txt": "no Word here"})))
    add("truncated.docx", "refused")(
        lambda p: p.write_bytes(sample.read_bytes()[: sample.stat().st_size // 2])
    )


def _register_entry_cases() -> None:
    """Things in a folder that are not plain files, or have hostile names."""
    add = _case
    add("fifo.md", "refused", why="would block a plain open()")(lambda p: os.mkfifo(p))
    add("loop.md", "refused")(lambda p: os.symlink(p.name, p))
    add("dangling.md", "refused")(lambda p: os.symlink("nowhere.md", p))
    add("folder.md", "either", why="a folder with an article's name is walked")(lambda p: p.mkdir())
    add("name\nwith newline.md", "stored")(_text(good_article(12)))
    add("name-\u202ertl-override.md", "stored")(_text(good_article(13)))


_register_text_cases()
_register_html_cases()
_register_pdf_cases()
_register_docx_cases()
_register_entry_cases()

#: non-UTF-8 names (Latin-1 and CP1256 bytes) are made with bytes paths
BYTE_NAMES = (b"caf\xe9-latin1.md", b"\xc7\xdd\xda\xc7\xe4-cp1256.md")


def cases(owner: str | None = None) -> list[Case]:
    """Every case (or one owner's), in a stable order."""
    return [m.case for m in _MAKERS if owner is None or m.case.owner == owner]


def build(folder: Path, owner: str | None = None) -> list[Case]:
    """Write the corpus (or one owner's part) into ``folder``; the cases written."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for maker in _MAKERS:
        if owner is None or maker.case.owner == owner:
            maker.make(folder / maker.case.name)
            made.append(maker.case)
    if owner in (None, "hardening"):
        for i, raw in enumerate(BYTE_NAMES):
            with open(os.path.join(os.fsencode(folder), raw), "wb") as f:
                f.write(good_article(100 + i).encode())
    return made


# the lead engineer's reader cases register themselves on import (kept in their own module)
from tests.hostile import reader_corpus  # noqa: E402, F401
