"""Hostile cases in the reader internals the lead engineer owns (issue 13, items 2 and 4):
the Markdown inline patterns, the house-style URL and e-mail patterns, and the DOCX reader.

They are part of the same corpus (registered here with ``owner="reader"``) and are tested
by ``test_reader_patterns.py``; each was measured to hang or crash on the hardening branch.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.hostile.corpus import RUN, SAMPLES, _article, _case, _text

_DOCX = SAMPLES / "en-flood-relief" / "article.docx"

#: (file name, repeated shape) in the body of a real article; each is read by the Markdown
#: reader's inline patterns or by house/ on its text
MARKDOWN_RUNS = (
    ("md-emphasis-stars", "*a "),
    ("md-emphasis-underscores", "_a "),
    ("md-link-brackets", "["),
    ("md-link-openings", "[a]("),
    ("md-image-openings", "!["),
    ("md-url-token", "http://a."),
    ("md-www-token", "www.a-"),
    ("md-email-token", "a."),
    ("md-email-at", "a@"),
)


def _register_markdown() -> None:
    for name, shape in MARKDOWN_RUNS:
        body = "Intro sentence. " + shape * (RUN // len(shape)) + " end"
        _case(f"{name}.md", "stored", owner="reader")(_text(_article(body)))
    front = "---\n" + "a: [" * (RUN // 4) + "\n---\n\n# Title\n\nBody text.\n"
    _case("md-front-matter-brackets.md", "either", owner="reader")(_text(front))


def _edited(edit: Callable[[dict[str, bytes]], None]) -> Callable[[Path], None]:
    """The sample DOCX with its parts changed by ``edit``."""

    def make(p: Path) -> None:
        with zipfile.ZipFile(_DOCX) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        edit(parts)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for n, data in parts.items():
                out.writestr(n, data)
        p.write_bytes(buf.getvalue())

    return make


def _sub(part: str, pattern: str, repl: str, count: int = 0) -> Callable[[dict[str, bytes]], None]:
    def edit(parts: dict[str, bytes]) -> None:
        text = parts[part].decode("utf-8")
        new, n = re.subn(pattern, repl, text, count=count)
        assert n, f"{pattern!r} not in {part}"
        parts[part] = new.encode("utf-8")

    return edit


def _drop(part: str) -> Callable[[dict[str, bytes]], None]:
    return lambda parts: parts.pop(part)


def _bomb(parts: dict[str, bytes]) -> None:
    # 300 MB of spaces inside the body compress to about 300 KB
    doc = parts["word/document.xml"]
    cut = doc.index(b"</w:body>")
    parts["word/document.xml"] = doc[:cut] + b" " * (300 << 20) + doc[cut:]


def _register_docx() -> None:
    add = _case
    add("docx-measure-cm.docx", "stored", owner="reader", why="2.5cm is a legal measure")(
        _edited(_sub("word/document.xml", r'w:(before|after)="\d+"', r'w:\1="2.5cm"'))
    )
    add("docx-measure-pt.docx", "stored", owner="reader", why="12pt is a legal size")(
        _edited(_sub("word/document.xml", r'<w:sz w:val="\d+"', '<w:sz w:val="12pt"'))
    )
    add("docx-ilvl-not-integer.docx", "stored", owner="reader")(
        _edited(_sub("word/numbering.xml", r'w:ilvl="\d+"', 'w:ilvl="1.0"'))
    )
    add("docx-start-not-integer.docx", "stored", owner="reader")(
        _edited(_sub("word/numbering.xml", r'<w:start w:val="\d+"', '<w:start w:val="x"'))
    )
    add("docx-no-rels.docx", "either", owner="reader", why="KeyError traceback")(
        _edited(_drop("word/_rels/document.xml.rels"))
    )
    add("docx-no-document.docx", "refused", owner="reader", why="say which part is missing")(
        _edited(_drop("word/document.xml"))
    )
    add("docx-decompression-bomb.docx", "refused", owner="reader", why="no decompression cap")(
        _edited(_bomb)
    )


_register_markdown()
_register_docx()
