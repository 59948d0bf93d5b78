"""A DOCX an editor wrote → a source to publish.

The editor lays the article out in Word the way the portal prints it (masthead, section
label, byline, date, bold-italic title, body, attribution). Reading that is the reader's
job — ``ganjina.reader`` with the DOCX reader and the house-style recognizer — so this
module only checks that what publishing needs was found, takes the site identity and
section labels from the profile, and unpacks the images for the figures.

Example::

    >>> doc = read_docx_source(Path("draft.docx"), Path("/tmp/work"))  # doctest: +SKIP
    >>> doc.article.title                                               # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from ganjina.errors import PublishError, ReadError
from ganjina.reader import parse_bytes
from ganjina.render.sources import (
    PROFILE_PATH,
    Figure,
    SourceDocument,
    join_names,
    site_identity,
    translator_prefix,
)

_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def docx_images(data: bytes, workdir: Path) -> list[Path]:
    """The body's pictures in document order, written into ``workdir``."""
    import docx

    document = docx.Document(io.BytesIO(data))
    related = document.part.related_parts
    paths: list[Path] = []
    for blip in document.element.body.iter(_BLIP):
        part = related.get(blip.get(_EMBED) or "")
        if part is None:
            continue
        suffix = Path(str(part.partname)).suffix.lower() or ".png"
        path = workdir / f"figure-{len(paths) + 1}{suffix}"
        path.write_bytes(part.blob)
        paths.append(path)
    return paths


def read_docx_source(path: Path, workdir: Path, profile: Path = PROFILE_PATH) -> SourceDocument:
    """Read an editor's DOCX into a :class:`SourceDocument` (images go to ``workdir``)."""
    from ganjina.house.profile import load_profile

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PublishError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        article = parse_bytes(data, path.name, profile=load_profile(profile))
    except ReadError as err:
        raise PublishError(f"{path}: unreadable DOCX: {err}") from None
    if article.provenance.format != "docx":
        raise PublishError(f"{path}: not a Word (DOCX) file")

    ident = site_identity(profile)
    if not article.title:
        raise PublishError(f"{path}: no title found (the bold, italic line above the body)")
    if article.section is None or article.section.id not in ident.sections:
        known = ", ".join(sorted(ident.sections))
        raise PublishError(f"{path}: unknown section: no section label found (known: {known})")
    if article.date is None and article.date_text:
        raise PublishError(f"{path}: unparsable date {article.date_text!r}")

    article = dataclasses.replace(
        article,
        site=ident.site(),
        section=ident.section(article.section.id),
        blocks=list(article.blocks),
    )
    captions = [i for i, b in enumerate(article.blocks) if b.type == "caption"]
    images = docx_images(data, workdir)
    # Word keeps no link between a picture and its caption paragraph: pair them in order
    figures = [
        Figure(image=str(img), caption=article.blocks[i].text, block_index=i)
        for img, i in zip(images, captions, strict=False)
    ]
    lang = article.language
    translators = (
        f"{translator_prefix(lang)} {join_names(article.translators, lang)}"
        if article.translators
        else None
    )
    return SourceDocument(
        article=article,
        figures=figures,
        byline=join_names(article.authors, lang) if article.authors else None,
        translators_line=translators,
        path=path,
    )
