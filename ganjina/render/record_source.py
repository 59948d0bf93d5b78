"""A record an editor has checked → a source to publish, and its PDF as page images.

The editors' desk keeps a draft as an :class:`~ganjina.record.Article` (read from a
DOCX or Markdown file, or written in a form, then corrected field by field). Publishing
it is what ``ganjina publish`` does with a source: this module makes the
:class:`~ganjina.render.sources.SourceDocument` the publisher takes (byline and
translators line printed the house way, the site identity and section labels from the
profile) and turns a PDF into PNG pages for a preview.

    >>> doc = source_from_record(article, {0: "/tmp/figure-1.png"})  # doctest: +SKIP
    >>> rendered = Publisher().render_document(doc, article.id)      # doctest: +SKIP
    >>> pages = page_images(rendered.pdf)                           # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from ganjina.errors import PublishError
from ganjina.record import Article, Section
from ganjina.render.sources import (
    PROFILE_PATH,
    Figure,
    SourceDocument,
    join_names,
    site_identity,
    translator_prefix,
)

#: pixels per inch of a preview page: an A4 page 662 px wide, sharp enough to proof on a
#: screen and about 40 ms a page to draw
PREVIEW_DPI = 80
MAX_PREVIEW_PAGES = 40


def source_from_record(
    article: Article,
    figures: Mapping[int, str] | None = None,
    *,
    section: Section | None = None,
    profile: Path = PROFILE_PATH,
) -> SourceDocument:
    """The source of a checked record; ``figures`` maps a caption block's index to its
    image file; ``section`` (labels included) replaces the record's, for a section the
    profile does not list."""
    ident = site_identity(profile)
    chosen = section or article.section
    if chosen is None:
        raise PublishError("no section: choose the section the article appears in")
    if section is None and chosen.id in ident.sections:
        chosen = ident.section(chosen.id)
    lang = article.language
    record = dataclasses.replace(
        article,
        site=ident.site(),
        section=chosen,
        blocks=list(article.blocks),
        # a checked source is the truth, not a reading of one: it carries no warnings
        warnings=[],
    )
    translators = (
        f"{translator_prefix(lang)} {join_names(record.translators, lang)}"
        if record.translators
        else None
    )
    pictures = []
    for index, path in sorted((figures or {}).items()):
        if 0 <= index < len(record.blocks) and record.blocks[index].type == "caption":
            pictures.append(
                Figure(image=path, caption=record.blocks[index].text, block_index=index)
            )
    return SourceDocument(
        article=record,
        figures=pictures,
        byline=join_names(record.authors, lang) if record.authors else None,
        translators_line=translators,
    )


def page_images(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[bytes]:
    """Each page of ``pdf`` as a PNG (at most :data:`MAX_PREVIEW_PAGES`)."""
    import pymupdf

    with pymupdf.open(stream=pdf, filetype="pdf") as document:
        return [
            page.get_pixmap(dpi=dpi).tobytes("png") for page in list(document)[:MAX_PREVIEW_PAGES]
        ]
