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
