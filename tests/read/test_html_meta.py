"""A web page's declarations (JSON-LD, Open Graph, meta tags, <time>, <title>) fill the
fields its text leaves empty, and never override what it prints."""

from __future__ import annotations

import json
import time

from ganjina.read.html import read_html
from ganjina.read.html_meta import HeadReader
from ganjina.reader import parse_bytes

BODY = """<main><article>
<p>The survey counted the wells of three districts in the spring and found a third dry.</p>
<p>The figures come from the district offices and were not checked on the ground.</p>
</article></main>"""

GRAPH = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Kabul Ledger", "headline": "not the article"},
        {
            "@type": ["NewsArticle"],
            "headline": "Wells of Parwan run dry after a winter without snow",
            "datePublished": "2023-03-04T18:30:00+04:30",
            "author": [
                {"@type": "Person", "name": "Sara Ahmadi"},
                {"@type": "Person", "name": "https://kabul-ledger.example/staff/omar"},
                {"@type": "Person", "name": "Omar Siddiqi"},
            ],
            "publisher": {"@type": "Organization", "name": "Kabul Ledger"},
        },
    ],
}


def _page(head: str, body: str = BODY, lang: str = "en") -> bytes:
    page = f"<!doctype html><html lang='{lang}'><head>{head}</head><body>{body}</body></html>"
    return page.encode()


def test_json_ld_fills_title_authors_date_and_site_and_says_so() -> None:
    head = (
        "<title>Wells | Kabul Ledger</title>"
        '<link rel="canonical" href="https://www.Kabul-Ledger.example/2023/03/wells">'
        f'<script type="application/ld+json">{json.dumps(GRAPH)}</script>'
    )
    article = parse_bytes(_page(head), "wells.html")
    assert article.title == "Wells of Parwan run dry after a winter without snow"
    assert article.authors == ["Sara Ahmadi", "Omar Siddiqi"]  # a URL is not a name
    assert (article.date, article.date_text) == ("2023-03-04", None)  # none was printed
    assert article.site is not None
    assert (article.site.name, article.site.url) == ("Kabul Ledger", "www.kabul-ledger.example")
    assert "title from the page's metadata (JSON-LD headline), not its text" in article.warnings
    assert "date from the page's metadata (JSON-LD datePublished), not its text" in (
        article.warnings
    )
    assert "no date found" not in article.warnings
    # the body is the page's text, nothing of the head in it
    assert [b.text[:14] for b in article.blocks] == ["The survey cou", "The figures co"]


def test_what_the_page_prints_comes_before_what_it_declares() -> None:
    head = (
        '<meta property="og:title" content="A headline for sharing">'
        '<meta name="author" content="Somebody Else">'
        '<meta property="article:published_time" content="2020-01-01">'
    )
    body = (
        "<article><h1>Wells of Parwan</h1><p>By Sara Ahmadi</p><p>4 March 2023</p>"
        "<p>The survey counted the wells of three districts in the spring.</p></article>"
    )
    article = parse_bytes(_page(head, body), "printed.html")
    assert article.title == "Wells of Parwan"
    assert article.authors == ["Sara Ahmadi"]
    assert (article.date, article.date_text) == ("2023-03-04", "4 March 2023")
    assert not any("metadata" in w for w in article.warnings)


def test_open_graph_on_a_dari_page_keeps_the_authors_letters() -> None:
    head = (
        '<meta property="og:title" content="چاه\u200cهای پروان خشک شدند">'
        '<meta property="og:site_name" content="دفتر کابل">'
        '<meta property="article:published_time" content="2023-03-04">'
        '<meta name="author" content="مریم احمدی، احمد کریمی">'
    )
    body = (
        "<article><p>سروی چاه\u200cهای سه ولسوالی را در بهار شمرد و یک سوم آن\u200cها را "
        "خشک یافت.</p></article>"
    )
    article = parse_bytes(_page(head, body, "fa-AF"), "dari.html")
    assert article.title == "چاه\u200cهای پروان خشک شدند"  # the ZWNJ as declared
    assert article.authors == ["مریم احمدی", "احمد کریمی"]
    assert article.date == "2023-03-04"
    assert article.site is not None and article.site.name == "دفتر کابل"
    assert "title from the page's metadata (og:title), not its text" in article.warnings


def test_the_title_element_without_the_site_name_or_not_at_all() -> None:
    named = '<meta property="og:site_name" content="Kabul Ledger">'
    article = parse_bytes(_page(named + "<title>Wells of Parwan | Kabul Ledger</title>"), "a.html")
    assert article.title == "Wells of Parwan"
    assert "title from the page's metadata (the title element), not its text" in (article.warnings)
    # which side of the bar is the headline is not known without the site's name: no guess
    article = parse_bytes(_page("<title>Wells of Parwan | Kabul Ledger</title>"), "b.html")
    assert article.title is None and "no title found" in article.warnings
    article = parse_bytes(_page("<title>Wells of Parwan</title>"), "c.html")
    assert article.title == "Wells of Parwan"
    icon = '<svg viewBox="0 0 9 9"><title>Search</title><path d="M0 0h9"/></svg>'
    article = parse_bytes(_page("", icon + BODY), "d.html")
    assert article.title is None  # an icon's name is no headline


def test_meta_tags_one_per_author_and_a_marked_time() -> None:
    head = (
        '<meta name="citation_author" content="Ahmadi, Sara">'
        '<meta name="citation_author" content="Siddiqi, Omar">'
        '<meta property="article:author" content="https://social.example/sara">'
    )
    body = (
        "<article><h1>Wells of Parwan</h1>"
        '<p>Published <time datetime="2023-03-04T09:00" itemprop="datePublished">'
        "last spring</time>.</p><p>The survey counted the wells.</p></article>"
    )
    related = (
        '<aside><time itemprop="datePublished" datetime="2019-01-01">old</time></aside>'
        '<div class="most-read"><time pubdate datetime="2018-01-01">older</time></div>'
    )
    article = parse_bytes(_page(head, related + body), "citation.html")
    assert article.authors == ["Ahmadi, Sara", "Siddiqi, Omar"]  # each as the tag wrote it
    assert article.date == "2023-03-04"
    assert "date from the page's metadata (time datePublished), not its text" in (article.warnings)


def test_declarations_that_say_nothing_are_ignored() -> None:
    head = (
        '<meta property="article:published_time" content="2023-02-30">'  # no such day
        '<meta name="author" content="editor@kabul-ledger.example">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>"
        '<script type="application/ld+json">{"@type": "WebPage", "headline": "Not it"}</script>'
    )
    article = parse_bytes(_page(head), "nothing.html")
    assert (article.title, article.authors, article.date, article.site) == (None, [], None, None)
    assert {"no title found", "no byline found", "no date found"} <= set(article.warnings)


def test_hostile_declarations_cost_linear_time() -> None:
    reader = HeadReader()
    started = time.process_time()
    reader.meta({"name": "author", "content": "a, " * 300_000})
    reader.meta({"property": "og:title", "content": " x" * 300_000})
    reader.title("| " * 300_000)
    reader.json_ld('{"@type": "NewsArticle", "author": [' + '"A B",' * 200_000 + '"C D"]}')
    declared = reader.declared()
    assert time.process_time() - started < 2
    assert len(declared.title or "") <= 2_000
    layout = read_html("<html><head><title>" + "t" * 1_000_000 + "</title></head><body>x")
    assert layout.declared is not None and len(layout.declared.title or "") <= 2_000


def test_a_declared_headline_heads_a_page_that_sets_none() -> None:
    # no <h1>: by its looks the subheading "Background" would be taken for the title
    head = '<meta property="og:title" content="Wells of Parwan run dry">'
    body = (
        "<article><p>The survey counted the wells of three districts in the spring.</p>"
        "<h2>Background</h2><p>The figures come from the district offices.</p></article>"
    )
    article = parse_bytes(_page(head, body), "noh1.html")
    assert article.title == "Wells of Parwan run dry"
    assert [(b.type, b.text[:10]) for b in article.blocks] == [
        ("paragraph", "The survey"),
        ("heading", "Background"),
        ("paragraph", "The figure"),
    ]
    assert "title from the page's metadata (og:title), not its text" in article.warnings
    # a page that prints the declared headline (not as <h1>) keeps its own line
    printed = body.replace("<article>", "<article><h2>Wells of Parwan run dry</h2>")
    article = parse_bytes(_page(head, printed), "h2.html")
    assert article.title == "Wells of Parwan run dry"
    assert not any("metadata" in w for w in article.warnings)
