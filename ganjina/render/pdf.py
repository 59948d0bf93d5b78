"""Page data → a house-style PDF, with the Typst compiler.

One :class:`PdfRenderer` keeps one ``typst.Compiler`` alive: fonts are loaded and the
template is parsed once, and Typst's own caches make every further article cheap
(about 10 ms for a two-page article; see ``bench/publish.py``). The article reaches the
template only as JSON in ``sys.inputs``, never spliced into Typst markup.

Example::

    >>> renderer = PdfRenderer()
    >>> pdf = renderer.render(view, record_json=article.to_json())  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typst

from ganjina.errors import PublishError
from ganjina.render.fonts import describe, font_book, missing_characters
from ganjina.render.textlayer import clean_text_layer

TEMPLATE = Path(__file__).resolve().parent / "templates" / "article.typ"


def printed_texts(view: dict[str, Any]) -> list[str]:
    """Every string the page prints, for the font coverage check."""
    site = view["site"]
    texts = [site["name"]["text"], site["tag"], site["url"], site["email"], view["title"]]
    texts += [m["text"] for m in site["motto"]]
    texts += [x["text"] for x in view["section"] + view["meta"]]
    for b in view["blocks"]:
        texts.append(b["text"])
        if b.get("marker"):
            texts.append(b["marker"])
    if view.get("attribution"):
        texts.append(view["attribution"]["text"])
    return texts


def check_coverage(view: dict[str, Any]) -> None:
    """Raise :class:`PublishError` naming the first character no font can draw."""
    missing = missing_characters(printed_texts(view))
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise PublishError(f"no font has the character {describe(missing[0])}{more}")


class PdfRenderer:
    """A reusable Typst compiler loaded with the article template and our fonts.

    Not thread-safe: give each thread or process its own renderer.
    """

    def __init__(self, template: Path | None = None) -> None:
        template = (template or TEMPLATE).resolve()
        # A path, not the template's bytes: typst-py 0.15 forgets an in-memory main file
        # after the first compile. root="/": the template and the figures (passed as
        # absolute paths) may live anywhere.
        self._compiler = typst.Compiler(
            input=str(template), root="/", font_paths=font_book(), ignore_system_fonts=True
        )

    def render(
        self,
        view: dict[str, Any],
        record_json: str | None = None,
        timestamp: dt.datetime | None = None,
    ) -> bytes:
        """The PDF bytes for one page view; ``record_json`` is attached when given.

        Without ``timestamp`` the PDF carries no date at all, so it is reproducible.
        """
        check_coverage(view)
        inputs = {"doc": json.dumps(view, ensure_ascii=False)}
        if record_json is not None:
            inputs["record"] = record_json
        try:
            pdf = self._compiler.compile(
                format="pdf", sys_inputs=inputs, timestamp=timestamp, pdf_tags=True
            )
        except typst.TypstError as err:
            raise PublishError(f"typesetting failed: {_one_line(err)}") from None
        if not isinstance(pdf, bytes):  # one PDF, never a list of pages
            raise PublishError("typesetting gave no PDF")
        return clean_text_layer(pdf)


def _one_line(err: typst.TypstError) -> str:
    message = getattr(err, "message", None) or str(err)
    return " ".join(str(message).split())
