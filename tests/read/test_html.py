"""Web pages: the article's blocks in order; page chrome and scripts left out."""

from __future__ import annotations

from ganjina.reader import parse_bytes

PAGE = b"""<!doctype html><html lang="fa"><head><title>ignored</title>
<script>document.write("not text")</script><style>p{color:red}</style></head>
<body><nav>Home | About</nav><header>Site header</header>
<article><h1>\xd8\xb9\xd9\x86\xd9\x88\xd8\xa7\xd9\x86 <em>\xd8\xaa\xd8\xb3\xd8\xaa</em></h1>
<p>First paragraph<br>goes on.</p>
<ol><li>one</li><li>two</li></ol><ul><li>dot</li></ul>
<blockquote>A quoted line.</blockquote>
<figure><img src="x.png" alt=""><figcaption>A bridge. (AP Photo/A. Person)</figcaption></figure>
<p dir="rtl">\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xb4\xd9\x88\xd8\xaf</p></article>
<footer>Footer text</footer></body></html>"""


def test_article_blocks_in_order_without_chrome() -> None:
    article = parse_bytes(PAGE, "page.html")
    assert article.provenance.format == "html"
    assert article.title == "عنوان تست"
    assert [(b.type, b.marker, b.text) for b in article.blocks] == [
        ("paragraph", None, "First paragraph goes on."),
        ("list_item", "1.", "one"),
        ("list_item", "2.", "two"),
        ("list_item", "•", "dot"),
        ("quote", None, "A quoted line."),
        ("caption", None, "A bridge. (AP Photo/A. Person)"),
        ("paragraph", None, "می\u200cشود"),
    ]
    text = article.body_text()
    for chrome in ("not text", "Home", "Site header", "Footer text", "color:red"):
        assert chrome not in text


WELLS_PAGE = """<!doctype html><html><body><article><h1>Wells and water in Parwan</h1>
<p>By Sara Ahmadi</p>
<p>The survey counted the wells of three districts in the spring and the summer.</p>
<table><caption>Wells counted in 1402</caption>
<thead><tr><th>District</th><th>Wells</th><th>Dry</th></tr></thead>
<tbody><tr><td rowspan="2"><b>Bagram</b></td><td>120</td><td>14</td></tr>
<tr><td>86</td><td>9</td></tr>
<tr><td colspan="2"><a href="/istalif">Istalif</a> and Shakar Dara<br>together</td><td>2</tr>
</tbody></table>
<p>The figures come from the district offices and were not checked on the ground.</p>
</article></body></html>"""


def test_a_data_table_is_one_table_block() -> None:
    article = parse_bytes(WELLS_PAGE.encode(), "wells.html")
    tables = [b for b in article.blocks if b.type == "table"]
    assert len(tables) == 1
    # a cell spanning rows: its text in its first row, empty below; one spanning
    # columns: one cell; a lone number (120) kept in its cell, not taken for a page number
    assert tables[0].rows == [
        ["District", "Wells", "Dry"],
        ["Bagram", "120", "14"],
        ["", "86", "9"],
        ["Istalif and Shakar Dara together", "2"],
    ]
    assert tables[0].header is True
    kinds = [b.type for b in article.blocks]
    assert kinds == ["paragraph", "caption", "table", "paragraph"]
    assert article.blocks[1].text == "Wells counted in 1402"


def test_a_table_that_lays_the_page_out_is_read_as_its_blocks() -> None:
    page = """<html><body><table><tr><td><h1>A portal's old page</h1>
    <p>By Sara Ahmadi</p>
    <p>The article stands in the one cell of a table, as old portals set whole pages.</p>
    </td><td><p>A side column with a second paragraph of the article's own text.</p></td>
    </tr></table></body></html>"""
    article = parse_bytes(page.encode(), "old.html")
    assert not [b for b in article.blocks if b.type == "table"]
    texts = [b.text for b in article.blocks]
    assert "The article stands in the one cell of a table, as old portals set whole pages." in texts
    assert "A side column with a second paragraph of the article's own text." in texts


def test_header_cells_are_never_glued_together() -> None:
    # header cells had been no block: "DistrictWells"
    page = (
        "<html><body><h1>A title for the page</h1><table><tr><th>District</th><th>Wells</th>"
        "<th><p>Note</p></th></tr></table></body></html>"
    )
    texts = [b.text for b in parse_bytes(page.encode(), "t.html").blocks]
    assert "DistrictWells" not in " ".join(texts)
    assert {"District", "Wells", "Note"} <= set(texts)


def test_deeply_nested_tables_are_read_in_bounded_work() -> None:
    depth = 5_000
    page = "<table><tr><td>" * depth + "the innermost cell" + "</td></tr></table>" * depth
    article = parse_bytes(
        ("<html><body><h1>Nested</h1>" + page + "</body></html>").encode(), "n.html"
    )
    assert "the innermost cell" in article.body_text()


NEWS_PAGE = """<!doctype html><html lang="en"><head><title>Wells | Kabul Ledger</title></head>
<body class="page has-sidebar">
<div id="top-menu" class="menu"><a href="/">Home</a> <a href="/world">World</a></div>
<div class="cookie-banner">We use cookies to improve your visit. Accept all cookies?</div>
<h1>Wells of Parwan run dry after a winter without snow</h1>
<main>
<p>By Sara Ahmadi</p>
<p>The survey counted the wells of three districts in the spring and found a third dry.</p>
<div class="share-buttons">Share on Facebook Share on X Email this article</div>
<p>The figures come from the district offices and <span class="social">were</span> not checked.</p>
</main>
<div class="sidebar"><h3>Most read</h3><ul><li>Ten things to do in Kabul</li></ul></div>
<div id="comments"><h3>Comments</h3><p>Great article, thanks for writing it!</p></div>
<div role="contentinfo">Copyright 2023 Kabul Ledger. All rights reserved.</div>
</body></html>"""


def test_a_news_page_is_read_as_its_article_only() -> None:
    article = parse_bytes(NEWS_PAGE.encode(), "news.html")
    # the headline above <main> kept; menu, cookies, share buttons, lists, comments and
    # the copyright line left out; a sentence with a named span inside stays whole
    assert article.title == "Wells of Parwan run dry after a winter without snow"
    assert article.authors == ["Sara Ahmadi"]
    assert [b.text for b in article.blocks] == [
        "The survey counted the wells of three districts in the spring and found a third dry.",
        "The figures come from the district offices and were not checked.",
    ]


def test_an_articles_own_header_holds_its_headline_byline_and_date() -> None:
    page = """<html><body><header>Kabul Ledger, news of the north</header>
    <article><header><h1>Wells of Parwan run dry</h1><p>By Sara Ahmadi</p>
    <p>12.05.2023</p></header>
    <p>The survey counted the wells of three districts in the spring and found a third dry.</p>
    </article><footer>Copyright 2023 Kabul Ledger</footer></body></html>"""
    article = parse_bytes(page.encode(), "h5.html")
    # <header> inside <article> had been skipped as the page's banner: no title, no byline
    assert article.title == "Wells of Parwan run dry"
    assert article.authors == ["Sara Ahmadi"]
    assert article.date == "2023-05-12"
    assert "Kabul Ledger, news of the north" not in article.body_text()
    assert "Copyright" not in article.body_text()


def test_a_wrapper_named_like_furniture_around_the_article_stays() -> None:
    page = """<html><body><div class="content-with-sidebar"><h1>Wells of Parwan run dry</h1>
    <p>The survey counted the wells of three districts in the spring and found a third dry.</p>
    <p>The figures come from the district offices and were not checked on the ground.</p>
    </div><div class="sidebar">Most read: ten things to do</div></body></html>"""
    article = parse_bytes(page.encode(), "wrap.html")
    assert article.title == "Wells of Parwan run dry"
    assert len(article.blocks) == 2
    assert "Most read" not in article.body_text()


def test_a_marker_the_page_writes_itself_is_the_items_marker() -> None:
    page = """<html><body><article><h1>Wells</h1><p>The survey found:</p>
<ol style="list-style: none"><li><span>1)</span><span>dry wells;</span></li>
<li>2) wells with little water;</li><li>1.5 million people without a well.</li></ol>
<ul><li>– a dash written before the item</li><li>•plain</li></ul>
<ol><li>۱. یک چاه خشک</li></ol></article></body></html>"""
    article = parse_bytes(page.encode(), "items.html")
    assert [(b.marker, b.text) for b in article.blocks if b.type == "list_item"] == [
        ("1)", "dry wells;"),
        ("2)", "wells with little water;"),
        ("3.", "1.5 million people without a well."),  # a number that goes on: text
        ("–", "a dash written before the item"),
        ("•", "•plain"),  # a bullet glued to a word is not set apart from it
        ("۱.", "یک چاه خشک"),
    ]


def test_an_aside_inside_the_article_is_the_articles() -> None:
    page = """<html><body><main><article><h1>Wells of Parwan</h1><p>By Sara Ahmadi</p>
<p>The survey counted the wells of three districts in the spring and found a third dry.</p>
<aside class="fact-box"><h3>The survey in numbers</h3><p>412 wells, 137 of them dry.</p></aside>
<p>The figures come from the district offices and were not checked on the ground.</p>
<aside class="related-posts"><p>Ten things to do in Kabul this weekend</p></aside>
</article></main><aside><p>Most read: the price of flour rises again</p></aside>
</body></html>"""
    article = parse_bytes(page.encode(), "aside.html")
    text = article.body_text()
    assert "412 wells, 137 of them dry." in text and "The survey in numbers" in text
    assert "Ten things" not in text and "Most read" not in text


def test_two_line_breaks_end_a_paragraph() -> None:
    # old pages set a whole article in one block, paragraphs apart by an empty line
    page = """<html><body><div><h1>Wells of Parwan</h1>By Sara Ahmadi<br><br>
The survey counted the wells<br>of three districts.<br><br>The figures come from the
district offices.<br>
<br>
<b>They were not checked.</b><br><br><br>سروی چاه‌ها را شمرد.</div></body></html>"""
    article = parse_bytes(page.encode(), "breaks.html")
    assert article.authors == ["Sara Ahmadi"]
    assert [b.text for b in article.blocks] == [
        "The survey counted the wells of three districts.",  # one break: the same paragraph
        "The figures come from the district offices.",
        "They were not checked.",
        "سروی چاه‌ها را شمرد.",
    ]


def test_a_name_the_page_marks_as_its_author_is_the_byline() -> None:
    page = """<html><body><article><h1>Wells of Parwan run dry</h1>
<div class="meta"><span class="post-author"><a rel="author" href="/staff/s">Sara Ahmadi</a>
</span> and <span itemprop="author">Omar Siddiqi</span></div>
<p>The survey counted the wells of three districts in the spring and found a third dry.</p>
<p class="author-bio">Sara Ahmadi reports on water and farming from Kabul.</p>
</article></body></html>"""
    article = parse_bytes(page.encode(), "marked.html")
    assert article.authors == ["Sara Ahmadi", "Omar Siddiqi"]
    # the line is the byline, not a paragraph; a biography is no byline, however named
    assert [b.text[:16] for b in article.blocks] == ["The survey count", "Sara Ahmadi repo"]
    dari = """<html><body><article><h1>چاه‌های پروان خشک شدند</h1>
<p class="byline">مریم احمدی</p><p>سروی چاه‌های سه ولسوالی را در بهار شمرد.</p>
</article></body></html>"""
    assert parse_bytes(dari.encode(), "dari.html").authors == ["مریم احمدی"]


def test_an_unmarked_menu_above_the_headline_is_left_out() -> None:
    page = """<html><body><table><tr><td><a href="/">Home</a> | <a href="/news">News</a></td>
<td><a href="https://www.kabul-ledger.example">www.kabul-ledger.example</a></td></tr>
<tr><td colspan="2"><h1>Wells of Parwan run dry</h1><p>By Sara Ahmadi</p>
<p>The survey counted the wells of three districts in the spring.<br><br>
<a href="/reports/wells">The district report</a></p></td></tr></table></body></html>"""
    article = parse_bytes(page.encode(), "old.html")
    text = [b.text for b in article.blocks]
    assert "Home | News" not in text  # the site's own pages: its menu
    assert "The district report" in text  # below the headline: the article's
    assert "site navigation above the headline left out: 'Home | News'" in article.warnings
    # a link out of the site (its address) is no navigation: kept, and read as the site's
    assert article.site is not None and article.site.url == "www.kabul-ledger.example"
