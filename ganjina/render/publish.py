"""Publish a source in the house style: a PDF and an HTML page, and the record.

A source is Markdown with front matter (``ganjina.render.sources``) or a DOCX an editor
wrote (``ganjina.render.docx_source``). :class:`Publisher` renders both outputs in memory
first and writes them only when everything succeeded, so a bad source leaves nothing
behind; the caller decides what to do with the record (the CLI puts it in the archive).

Example::

    >>> pub = Publisher(Path("out"))                              # doctest: +SKIP
    >>> done = pub.publish(Path("samples/en-flood-relief/source.md"))  # doctest: +SKIP
    >>> done.pdf.name                                             # doctest: +SKIP
    'en-flood-relief.pdf'
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ganjina.errors import GanjinaError, PublishError
from ganjina.record import Article
from ganjina.render.html import render_html
from ganjina.render.page import page_view, published_record
from ganjina.render.pdf import PdfRenderer
from ganjina.render.sources import PROFILE_PATH, SourceDocument, read_source

#: what Typst can draw, by file suffix
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
# A source named like this takes its folder's name: samples/<name>/source.md
_GENERIC_STEMS = frozenset({"source", "index", "article", "readme"})


@dataclass(frozen=True)
class FigureFile:
    """An image a page shows: where Typst reads it and what the HTML page links to."""

    block_index: int
    path: Path
    href: str


@dataclass
class Rendered:
    """One source, rendered but not yet written."""

    source: Path
    stem: str
    record: Article
    pdf: bytes
    html: str
    #: the figure files the HTML page links to: (file name, bytes)
    images: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass(frozen=True)
class Published:
    source: Path
    pdf: Path
    html: Path
    record: Article


def output_stem(source: Path) -> str:
    """The output file name without suffix: the source's, or its folder's for generic ones.

    >>> output_stem(Path("samples/en-flood-relief/source.md"))
    'en-flood-relief'
    >>> output_stem(Path("drafts/flood.md"))
    'flood'
    """
    stem = source.stem
    if stem.lower() in _GENERIC_STEMS and source.resolve().parent.name:
        return source.resolve().parent.name
    return stem


def load_source(source: Path, workdir: Path, profile: Path = PROFILE_PATH) -> SourceDocument:
    """Read a Markdown or DOCX source; DOCX images are unpacked into ``workdir``."""
    suffix = source.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return read_source(source, profile)
    if suffix == ".docx":
        from ganjina.render.docx_source import read_docx_source

        return read_docx_source(source, workdir, profile)
    raise PublishError(f"{source}: not a source (expected Markdown .md or Word .docx)")


def _figure_files(doc: SourceDocument, source: Path, stem: str) -> list[FigureFile]:
    base = source.resolve().parent
    figures = []
    for n, fig in enumerate(doc.figures, start=1):
        path = Path(fig.image)
        path = (path if path.is_absolute() else base / path).resolve()
        if not path.is_file():
            raise PublishError(f"{source}: missing image {fig.image}")
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            raise PublishError(f"{source}: image {fig.image} is not PNG, JPEG, GIF, SVG or WebP")
        if not _looks_like_image(path):
            raise PublishError(f"{source}: image {fig.image} is damaged or not an image")
        href = f"{stem}-figure-{n}{path.suffix.lower()}"
        figures.append(FigureFile(fig.block_index, path, href))
    return figures


def _looks_like_image(path: Path) -> bool:
    """The file starts the way its kind of image does (Typst's own error names no file)."""
    with path.open("rb") as fh:
        head = fh.read(512)
    kind = path.suffix.lower()
    if kind == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if kind == ".gif":
        return head.startswith((b"GIF87a", b"GIF89a"))
    if kind == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return b"<svg" in head or b"<?xml" in head


def _with_source(source: Path, err: GanjinaError) -> PublishError:
    """The error as one line that names the source file (once)."""
    message = str(err)
    if not message.startswith(str(source)):
        message = f"{source}: {message}"
    return PublishError(message)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class Publisher:
    """Renders sources into a folder. Holds one Typst compiler: reuse it for many sources.

    ``out_dir`` None writes each source's outputs next to it. ``timestamp`` None leaves
    every date out of the PDF, so an unchanged source gives byte-identical output.
    ``profile`` is the site profile TOML: the site's identity, sections and colours.
    """

    def __init__(
        self,
        out_dir: Path | None = None,
        timestamp: dt.datetime | None = None,
        profile: Path = PROFILE_PATH,
    ) -> None:
        self.out_dir = out_dir
        self.timestamp = timestamp
        self.profile = profile
        self._pdf = PdfRenderer()

    def render(self, source: Path) -> Rendered:
        """Render one source in memory (raises :class:`PublishError` naming the file)."""
        with tempfile.TemporaryDirectory(prefix="ganjina-publish-") as work:
            try:
                return self._render(source, Path(work))
            except GanjinaError as err:
                raise _with_source(source, err) from None
            except OSError as err:  # an image or source that vanished or cannot be read
                where = f" {err.filename}" if err.filename else ""
                raise PublishError(f"{source}: cannot read{where}: {err.strerror}") from None

    def render_document(self, doc: SourceDocument, stem: str) -> Rendered:
        """Render a source already in memory (a draft of the editors' desk), as
        :meth:`render` does a file; its figures must name image files that exist."""
        where = doc.path or Path(stem)
        try:
            return self._render_document(doc, stem, where)
        except GanjinaError as err:
            raise _with_source(where, err) from None
        except OSError as err:
            raise PublishError(f"{where}: cannot read an image: {err.strerror}") from None

    def _render(self, source: Path, workdir: Path) -> Rendered:
        doc = load_source(source, workdir, self.profile)
        return self._render_document(doc, output_stem(source), source)

    def _render_document(self, doc: SourceDocument, stem: str, source: Path) -> Rendered:
        figures = _figure_files(doc, source, stem)
        record = published_record(doc)
        record_json = record.to_json()
        view = page_view(
            doc, record, {f.block_index: str(f.path) for f in figures}, profile=self.profile
        )
        view["dated"] = self.timestamp is not None
        pdf = self._pdf.render(view, record_json, timestamp=self.timestamp)
        for f in figures:
            view["blocks"][f.block_index]["href"] = f.href
        html = render_html(view, record_json)
        # read now: DOCX images live in the temporary folder, gone once we return
        images = [(f.href, f.path.read_bytes()) for f in figures]
        return Rendered(source, stem, record, pdf, html, images)

    def write(self, rendered: Rendered) -> Published:
        out = self.out_dir or rendered.source.resolve().parent
        out.mkdir(parents=True, exist_ok=True)
        pdf_path = out / f"{rendered.stem}.pdf"
        html_path = out / f"{rendered.stem}.html"
        for name, data in rendered.images:
            target = out / name
            if not (target.is_file() and target.read_bytes() == data):
                _write_atomic(target, data)
        _write_atomic(pdf_path, rendered.pdf)
        _write_atomic(html_path, rendered.html.encode("utf-8"))
        return Published(rendered.source, pdf_path, html_path, rendered.record)

    def publish(self, source: Path) -> Published:
        """Render one source and write its PDF and HTML (nothing is written on error)."""
        rendered = self.render(source)
        try:
            return self.write(rendered)
        except OSError as err:
            raise PublishError(f"{source}: cannot write the output: {err.strerror}") from None
