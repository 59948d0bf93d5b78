"""The 14 sample articles set as other sites set web pages: five layouts a content
management system, a news site or an old portal uses, each made here from the sample's
expected record. Reading a page must give that record's title, authors, date and
blocks, whatever the layout puts around them.

    python -m tests.read.web_layouts      # prints how many pages of each layout read right
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = sorted((ROOT / "samples").glob("*/expected.json"))

Record = dict[str, Any]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _dir(record: Record) -> str:
    return "rtl" if record["language"] in ("fa", "fa-AF", "ps") else "ltr"


def _blocks(record: Record) -> str:
    """The record's blocks as HTML elements, lists in one ``<ol>`` each."""
    out: list[str] = []
    items: list[str] = []
    for block in record["blocks"]:
        kind, text = block["type"], block["text"]
        if kind != "list_item" and items:
            out.append("<ol style='list-style:none'>" + "".join(items) + "</ol>")
            items = []
        if kind == "list_item":
            marker = (
                f"<span class='marker'>{_e(block['marker'])}</span> " if block["marker"] else ""
            )
            items.append(f"<li>{marker}{_e(text)}</li>")
        elif kind == "heading":
            out.append(f"<h2>{_e(text)}</h2>")
        elif kind == "quote":
            out.append(f"<blockquote><p>{_e(text)}</p></blockquote>")
        elif kind == "caption":
            out.append(
                f"<figure><img src='f.png' alt=''><figcaption>{_e(text)}</figcaption></figure>"
            )
        else:
            out.append(f"<p>{_e(text)}</p>")
    if items:
        out.append("<ol style='list-style:none'>" + "".join(items) + "</ol>")
    return "\n".join(out)


def _byline(record: Record) -> str:
    joiner = "، " if _dir(record) == "rtl" else ", "
    names = joiner.join(
        f"<a rel='author' href='/by/{k}'>{_e(n)}</a>" for k, n in enumerate(record["authors"])
    )
    return f"<p class='byline'>{names}</p>"


def _page(record: Record, head: str, body: str) -> str:
    lang, direction = record["language"], _dir(record)
    return (
        f"<!DOCTYPE html><html lang='{lang}' dir='{direction}'><head><meta charset='utf-8'>"
        f"{head}</head><body>{body}</body></html>"
    )


_NAV = "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/culture'>Culture</a></nav>"
_SIDEBAR = (
    "<aside class='sidebar'><h3>Most read</h3><ul><li>Prices of flour rise again</li>"
    "<li>A new road to the north opens</li></ul></aside>"
)
_COMMENTS = "<section id='comments'><h3>Comments</h3><p>Thank you for this report!</p></section>"
_FOOTER = "<footer><p>© The Example Herald. All rights reserved.</p></footer>"


def semantic(record: Record) -> str:
    """HTML5 landmarks: the article's own header holds headline, byline and date."""
    date = record["date"]
    when = f"<p><time datetime='{date}'>{date}</time></p>" if date else ""
    header = f"<header><h1>{_e(record['title'])}</h1>{_byline(record)}{when}</header>"
    body = f"{_NAV}<main><article>{header}{_blocks(record)}</article>{_SIDEBAR}</main>{_FOOTER}"
    return _page(record, f"<title>{_e(record['title'])} | The Example Herald</title>", body)


def json_ld(record: Record) -> str:
    """Headline printed; authors and date only in the page's schema.org JSON-LD."""
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "The Example Herald"},
            {
                "@type": "NewsArticle",
                "headline": record["title"],
                "datePublished": f"{record['date']}T09:30:00+04:30" if record["date"] else None,
                "author": [{"@type": "Person", "name": n} for n in record["authors"]],
            },
        ],
    }
    script = "<script type='application/ld+json'>" + json.dumps(data).replace("<", "\\u003c")
    body = f"{_NAV}<article><h1>{_e(record['title'])}</h1>{_blocks(record)}</article>{_COMMENTS}"
    return _page(record, script + "</script>", body)


def open_graph(record: Record) -> str:
    """No <h1>: the headline, authors and date in Open Graph and meta tags only."""
    head = (
        f"<meta property='og:title' content='{_e(record['title'])}'>"
        f"<meta property='article:published_time' content='{record['date'] or ''}'>"
        + "".join(f"<meta name='author' content='{_e(n)}'>" for n in record["authors"][:1])
        + "".join(f"<meta name='citation_author' content='{_e(n)}'>" for n in record["authors"])
    )
    return _page(record, head, f"<div class='post'>{_blocks(record)}</div>{_SIDEBAR}")


def wordpress(record: Record) -> str:
    """A blog theme: entry header, author spans, share buttons, related posts, comments."""
    joiner = " و " if _dir(record) == "rtl" else " and "
    names = joiner.join(f"<span class='post-author'>{_e(n)}</span>" for n in record["authors"])
    body = (
        f"{_NAV}<div id='page' class='site'><div class='entry-header'>"
        f"<h1 class='entry-title'>{_e(record['title'])}</h1>"
        f"<div class='entry-meta'>{names}</div></div>"
        f"<div class='entry-content'>{_blocks(record)}</div>"
        "<div class='share-buttons'>Share on Facebook · Share by e-mail</div>"
        "<div class='related-posts'><p>More from the north: a bridge rebuilt</p></div>"
        f"{_COMMENTS}</div>"
    )
    head = f"<meta property='article:published_time' content='{record['date'] or ''}'>"
    return _page(record, head, body)


def old_portal(record: Record) -> str:
    """A page laid out by a table, paragraphs apart by two line breaks, date declared."""
    text = "<br><br>\n".join(_e(b["text"]) for b in record["blocks"] if b["type"] == "paragraph")
    cells = (
        f"<tr><td><a href='/'>Home</a></td><td><h1>{_e(record['title'])}</h1>"
        f"{_byline(record)}<div>{text}</div></td></tr>"
    )
    head = f"<meta name='date' content='{record['date'] or ''}'>"
    return _page(record, head, f"<table width='100%'>{cells}</table>")


LAYOUTS: dict[str, Callable[[Record], str]] = {
    "semantic": semantic,
    "json-ld": json_ld,
    "open-graph": open_graph,
    "wordpress": wordpress,
    "old-portal": old_portal,
}


def expected_blocks(record: Record, layout: str) -> list[tuple[str, str | None, str]]:
    """The blocks a page of ``layout`` must read back (the old portal sets paragraphs only)."""
    blocks = record["blocks"]
    if layout == "old-portal":
        blocks = [b for b in blocks if b["type"] == "paragraph"]
    return [(b["type"], b["marker"], b["text"]) for b in blocks]


def problems(record: Record, layout: str, read: Any) -> list[str]:
    """What the reading of one page got wrong ([] where every field and block is right)."""
    wrong = [name for name in ("title", "authors", "date") if getattr(read, name) != record[name]]
    got = [(b.type, b.marker, b.text) for b in read.blocks]
    if got != expected_blocks(record, layout):
        wrong.append("blocks")
    return wrong


def main() -> None:
    from ganjina.reader import parse_bytes

    for name, make in LAYOUTS.items():
        right = 0
        for path in EXPECTED:
            record = json.loads(path.read_text("utf-8"))
            read = parse_bytes(make(record).encode(), f"{path.parent.name}.html")
            wrong = problems(record, name, read)
            right += not wrong
            if wrong:
                print(f"  {name} {path.parent.name}: {', '.join(wrong)}")
        print(f"{name}: {right}/{len(EXPECTED)} pages read right")


if __name__ == "__main__":
    main()
