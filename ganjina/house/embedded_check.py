"""Whether a PDF's embedded ``ganjina-record.json`` may be believed.

Ganjina's own PDFs carry their record, which is exact where the text layer is not. But
the attachment is only bytes in a file anyone can make: wrong types, a spoofed ``id``
(which once overwrote another article's current version), a record saying one thing over
a page saying another. So a record is taken only when

1. it is valid against the article schema (``ganjina/article.schema.json``, the same as
   ``docs/article.schema.json``), and
2. what it says is what the page shows: nearly every word of its title, names, date and
   body is in the PDF's text layer, and its words cover most of the article the text
   layer gives when read as any PDF is (a record that drops the body fails: no text of
   the body is ever dropped). The article, not the whole page: masthead, motto, section
   labels and page numbers are furniture no record holds, and on a short article they
   are most of the page.

Its ``id`` is never taken: ids are derived from the content (``record.content_id``). A
record whose id differs from the derived one gets a warning (the id was spoofed, or
made by another rule); Ganjina's own PDFs carry the derived id and read back exactly,
with no warning. Otherwise the caller reads the text layer and says why in a warning.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import Any

from ganjina.read.layout import Layout
from ganjina.record import Article, content_id
from ganjina.text import tokenize_key

#: share of the record's words that must be on the page (published PDFs: 0.99–1.0)
RECORD_ON_PAGE = 0.9
#: share of the words of the article read from the text layer that the record must hold
#: (the rest is what the text layer's reading got wrong)
PAGE_IN_RECORD = 0.6


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator, FormatChecker

    schema = json.loads(files("ganjina").joinpath("article.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def schema_problem(record: Any) -> str | None:
    """The first way ``record`` breaks the article schema, in one line; None if valid."""
    error = next(iter(_validator().iter_errors(record)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "the record"
    message = error.message if len(error.message) <= 120 else error.message[:117] + "…"
    return f"{where}: {message}"


def _words(text: str) -> set[str]:
    return set(tokenize_key(text))


def _claimed_text(article: Article) -> str:
    return "\n".join(
        [
            article.title or "",
            *article.authors,
            *article.translators,
            article.date_text or "",
            article.body_text(),
        ]
    )


def page_problem(
    article: Article, layout: Layout, page_reading: Callable[[], Article] | None = None
) -> str | None:
    """Why ``article`` is not what ``layout``'s text layer shows; None when it is.
    ``page_reading``: the article read from the text layer (without it, the whole page
    stands in, furniture and all)."""
    claimed = _words(_claimed_text(article))
    page = _words("\n".join(line.text for line in layout.lines))
    if not claimed:
        return "it holds no text"
    if not page:
        return None  # nothing to compare with (an image-only page): schema checks only
    shared = len(claimed & page)
    if shared < RECORD_ON_PAGE * len(claimed):
        return f"only {shared / len(claimed):.0%} of its words are on the page"
    content = _words(_claimed_text(page_reading())) if page_reading is not None else page
    held = len(claimed & content)
    if content and held < PAGE_IN_RECORD * len(content):
        return f"it holds only {held / len(content):.0%} of the page's words"
    return None


def id_not_used(claimed_id: str) -> str:
    """The warning on a record whose embedded id is not the one its content derives."""
    return f"the embedded record's id {claimed_id[:40]!r} was not used"


def embedded_article(
    layout: Layout, page_reading: Callable[[], Article] | None = None
) -> tuple[Article | None, str | None]:
    """The layout's embedded record as an Article, or ``(None, why it was not used)``;
    ``page_reading`` as for :func:`page_problem`."""
    record = layout.embedded_record
    if record is None:
        return None, None
    problem = schema_problem(record)
    if problem is not None:
        return None, f"embedded record ignored (not valid: {problem}); read from the text layer"
    try:
        article = Article.from_dict(record)
    except (KeyError, TypeError, ValueError) as err:
        return None, f"embedded record ignored ({type(err).__name__}); read from the text layer"
    mismatch = page_problem(article, layout, page_reading)
    if mismatch is not None:
        return None, f"embedded record ignored ({mismatch}); read from the text layer"
    claimed_id = article.id
    article.id = content_id(article)  # derived, never taken from the file
    if claimed_id and claimed_id != article.id:
        article.warn(id_not_used(claimed_id))
    return article, None
