"""A draft's revision → the house-style PDF and HTML page (its preview), and published.

The preview is made exactly as ``ganjina publish`` makes its files (the same
:class:`~ganjina.render.publish.Publisher`, from the same source), so what an editor
proofs is what is published: publishing a revision takes the very bytes its preview
showed. Renders are kept for a few revisions; one Typst compiler serves them, one
render at a time (it is not thread-safe).
"""

from __future__ import annotations

import copy
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ganjina.archive import Archive
from ganjina.archive.desk import AuditNote, Draft, Revision, User
from ganjina.errors import GanjinaError, PublishError
from ganjina.house.embedded_check import id_not_used
from ganjina.record import Section, content_id
from ganjina.render.publish import Publisher, Rendered
from ganjina.render.record_source import page_images, source_from_record
from ganjina.render.sources import site_identity

KEEP = 16
HTML_NAME = "article.html"


def sections(archive: Archive) -> dict[str, Section]:
    """Every section an article may appear in: the profile's and those made at the desk."""
    known = {sid: Section(sid, list(labels)) for sid, labels in site_identity().sections.items()}
    for made in archive.desk.sections():
        known.setdefault(made.id, Section(made.id, list(made.labels)))
    return known


@dataclass
class Preview:
    """A revision rendered: the PDF, the HTML page, its figures, and page images."""

    rendered: Rendered
    stem: str
    pages: list[bytes] = field(default_factory=list)

    def files(self) -> dict[str, tuple[bytes, str]]:
        """Everything the preview serves, by name: ``article.html``, figures, pages."""
        out = {HTML_NAME: (self.rendered.html.encode("utf-8"), "text/html; charset=utf-8")}
        for name, data in self.rendered.images:
            out[name] = (data, _media_type(name))
        for n, png in enumerate(self.pages, start=1):
            out[f"page-{n}.png"] = (png, "image/png")
        out["article.pdf"] = (self.rendered.pdf, "application/pdf")
        return out


def _media_type(name: str) -> str:
    from ganjina.web.desk.uploads import IMAGE_TYPES

    return IMAGE_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")


class Previews:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._publisher: Publisher | None = None
        self._kept: OrderedDict[tuple[str, int], Preview] = OrderedDict()

    def get(self, archive: Archive, draft: Draft, revision: Revision) -> Preview:
        """The preview of ``revision`` (raises :class:`PublishError` with one line)."""
        key = (draft.id, revision.number)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None:
                self._kept.move_to_end(key)
                return kept
            preview = self._render(archive, draft, revision)
            self._kept[key] = preview
            while len(self._kept) > KEEP:
                self._kept.popitem(last=False)
            return preview

    def _render(self, archive: Archive, draft: Draft, revision: Revision) -> Preview:
        if self._publisher is None:
            self._publisher = Publisher()
        record = revision.record
        if draft.article is None:
            # the id derives from the content as edited, as the reader will derive it
            # from the published PDF; the upload's id is stale once a field changed
            record = copy.copy(record)
            record.id = content_id(record)
        stem = draft.article or record.id
        known = sections(archive)
        section = known.get(record.section.id) if record.section else None
        with tempfile.TemporaryDirectory(prefix="ganjina-desk-") as work:
            figures: dict[int, str] = {}
            for n, figure in enumerate(revision.figures, start=1):
                data = archive.desk.blob(figure.sha256)
                if data is None:
                    continue
                path = Path(work) / f"figure-{n}{figure.suffix}"
                path.write_bytes(data)
                figures[figure.block] = str(path)
            doc = source_from_record(record, figures, section=section)
            rendered = self._publisher.render_document(doc, stem)
        return Preview(rendered, stem, page_images(rendered.pdf))


def publish(
    archive: Archive, previews: Previews, draft: Draft, revision: Revision, user: User
) -> str:
    """Publish (or, for a draft of a published article, correct) ``revision``; returns
    the article's id. The archive keeps the record the PDF carries, exactly as
    ``ganjina parse`` reads it back, with the PDF as its original and the HTML beside."""
    from ganjina.reader import parse_bytes

    preview = previews.get(archive, draft, revision)
    rendered, stem = preview.rendered, preview.stem
    try:
        record = parse_bytes(rendered.pdf, f"{stem}.pdf")
    except GanjinaError as err:
        raise PublishError(f"the published PDF could not be read back: {err}") from None
    if draft.article:
        # a correction keeps its article's id, which its new content no longer derives:
        # the reader rightly does not take it from the file, but the desk made this PDF a
        # moment ago for that very article, and the archive keeps the id (``replaces``)
        record.warnings = [w for w in record.warnings if w != id_not_used(draft.article)]
    files = [(f"{stem}.html", rendered.html.encode("utf-8"), "text/html; charset=utf-8")]
    files += [(name, data, _media_type(name)) for name, data in rendered.images]
    action = "correct" if draft.article else "publish"
    note = AuditNote(
        user.name,
        action,
        draft=draft.id,
        detail={"revision": revision.number, "title": record.title},
    )
    article_id = archive.publish(
        record, rendered.pdf, f"{stem}.pdf", files=files, replaces=draft.article, audit=note
    )
    if draft.article is None:
        archive.desk.set_article(draft.id, article_id)
    return article_id


def labels(known: Mapping[str, Section], section_id: str | None) -> str:
    if section_id and section_id in known and known[section_id].labels:
        return known[section_id].labels[0]
    return section_id or ""
