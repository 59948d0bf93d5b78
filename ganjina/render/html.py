"""Page data → an HTML page in the house style, with Jinja2.

The page is self-contained apart from its figures: the stylesheet is inlined, and the
record travels along as ``<script type="application/json" id="ganjina-record">`` so that
the HTML, like the PDF, can be read back exactly. Autoescaping is on, so article text
is always text, never markup.

Example::

    >>> page = render_html(view, record_json=article.to_json())  # doctest: +SKIP
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.cache
def _css() -> Markup:
    # Our own file, not user input: safe to place inside <style> as it is.
    return Markup((TEMPLATES / "article.css").read_text(encoding="utf-8"))


def _groups(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive list items become one list; every other block stands alone."""
    groups: list[dict[str, Any]] = []
    for b in blocks:
        if b["type"] == "list_item" and groups and groups[-1]["type"] == "list":
            groups[-1]["blocks"].append(b)
        else:
            kind = "list" if b["type"] == "list_item" else "block"
            groups.append({"type": kind, "blocks": [b]})
    return groups


def script_json(text: str) -> Markup:
    """JSON made safe inside ``<script>``: ``<``, ``>`` and ``&`` only occur in strings,
    where their ``\\u`` escapes mean the same, so the JSON stays identical once parsed."""
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(escaped)


def render_html(view: dict[str, Any], record_json: str | None = None) -> str:
    """The HTML page for one page view (see :func:`ganjina.render.page.page_view`).

    A figure's image is linked through its block's ``href`` (set by the publisher).
    """
    template = _environment().get_template("article.html.j2")
    return template.render(
        doc=view,
        groups=_groups(view["blocks"]),
        css=_css(),
        record_json=script_json(record_json or "null"),
    )
