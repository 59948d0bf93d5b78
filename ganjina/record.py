"""The article record: what Ganjina reads from a file, stores, searches and publishes.

Its JSON form is exactly ``shared/spec/article.schema.json`` (``Article.to_dict``); a test
validates every sample against that schema. Every consumer (archive, web, links, render)
speaks this one type.

Example::

    >>> a = Article(title="Flood relief", language="en", blocks=[Block("paragraph", "Aid.")])
    >>> Article.from_dict(a.to_dict()) == a
    True
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Literal

from ganjina.text.normal_forms import normalize

BlockType = Literal["paragraph", "heading", "list_item", "quote", "caption", "table"]
BLOCK_TYPES: tuple[str, ...] = ("paragraph", "heading", "list_item", "quote", "caption", "table")
Format = Literal["pdf", "markdown", "text", "html", "docx"]

#: Bumped whenever reading the same file may give a different record.
PARSER_VERSION = "0.1.0"


@dataclass
class Site:
    name: str | None = None
    url: str | None = None
    email: str | None = None
    motto: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "url": self.url, "email": self.email, "motto": self.motto}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Site:
        return cls(d.get("name"), d.get("url"), d.get("email"), d.get("motto"))


@dataclass
class Section:
    id: str
    labels: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "labels": list(self.labels)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Section:
        return cls(d["id"], list(d.get("labels") or []))


@dataclass
class Source:
    """The original outlet of a reprint or translation."""

    name: str | None = None
    date: str | None = None
    url: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "date": self.date, "url": self.url, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(d.get("name"), d.get("date"), d.get("url"), d.get("text") or "")


@dataclass
class Block:
    type: str
    text: str
    marker: str | None = None
    page: int | None = None
    #: a table's cells, row by row, each cell's text in logical order; ``None`` otherwise.
    #: ``text`` then holds the same cells (a tab between cells, a line per row), so every
    #: consumer that reads ``text`` (search, exports, similarity) sees each cell's words.
    rows: list[list[str]] | None = None
    #: the table's first row is its header row
    header: bool = False

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "marker": self.marker,
            "page": self.page,
        }
        if self.rows is not None:  # other blocks keep the JSON they always had
            d["rows"] = [list(r) for r in self.rows]
            d["header"] = self.header
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Block:
        rows = d.get("rows")
        return cls(
            d["type"],
            d["text"],
            d.get("marker"),
            d.get("page"),
            [list(r) for r in rows] if rows is not None else None,
            bool(d.get("header")),
        )


def table_text(rows: list[list[str]]) -> str:
    """A table as plain text: cells apart by a tab, rows by a line break."""
    return "\n".join("\t".join(cell for cell in row) for row in rows)


@dataclass
class OcrInfo:
    """How the scanned pages of a file were read: engine, its models, pages, confidence."""

    engine: str
    languages: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "languages": list(self.languages),
            "pages": list(self.pages),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OcrInfo:
        return cls(
            d.get("engine") or "",
            list(d.get("languages") or []),
            list(d.get("pages") or []),
            d.get("confidence"),
        )


@dataclass
class Provenance:
    format: str
    sha256: str
    path: str | None = None
    pages: int | None = None
    parser_version: str = PARSER_VERSION
    #: set when pages were read by OCR; absent from the JSON otherwise (records of
    #: born-digital files are byte-for-byte what they were before OCR existed)
    ocr: OcrInfo | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "pages": self.pages,
            "parser_version": self.parser_version,
        }
        if self.ocr is not None:
            d["ocr"] = self.ocr.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Provenance:
        return cls(
            format=d["format"],
            sha256=d["sha256"],
            path=d.get("path"),
            pages=d.get("pages"),
            parser_version=d.get("parser_version") or PARSER_VERSION,
            ocr=OcrInfo.from_dict(d["ocr"]) if d.get("ocr") else None,
        )


@dataclass
class Article:
    """One article. Unknown fields are ``None`` (or empty lists) with a warning."""

    title: str | None = None
    site: Site | None = None
    section: Section | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    source: Source | None = None
    blocks: list[Block] = field(default_factory=list)
    provenance: Provenance = field(default_factory=lambda: Provenance("text", ""))
    warnings: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self)

    def body_text(self) -> str:
        """The body as plain text, one block a paragraph."""
        return "\n\n".join(b.text for b in self.blocks)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site": self.site.to_dict() if self.site else None,
            "section": self.section.to_dict() if self.section else None,
            "language": self.language,
            "title": self.title,
            "authors": list(self.authors),
            "translators": list(self.translators),
            "date": self.date,
            "date_text": self.date_text,
            "source": self.source.to_dict() if self.source else None,
            "blocks": [b.to_dict() for b in self.blocks],
            "provenance": self.provenance.to_dict(),
            "warnings": list(self.warnings),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d.get("id") or "",
            site=Site.from_dict(d["site"]) if d.get("site") else None,
            section=Section.from_dict(d["section"]) if d.get("section") else None,
            language=d.get("language"),
            title=d.get("title"),
            authors=list(d.get("authors") or []),
            translators=list(d.get("translators") or []),
            date=d.get("date"),
            date_text=d.get("date_text"),
            source=Source.from_dict(d["source"]) if d.get("source") else None,
            blocks=[Block.from_dict(b) for b in d.get("blocks") or []],
            provenance=Provenance.from_dict(d["provenance"])
            if d.get("provenance")
            else Provenance("text", ""),
            warnings=list(d.get("warnings") or []),
        )

    @classmethod
    def from_json(cls, text: str) -> Article:
        return cls.from_dict(json.loads(text))


def _id_key(text: str | None) -> str:
    """Fold only what differs between formats of one article (spacing, case, punctuation)."""
    if not text:
        return ""
    text = normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def content_id(article: Article) -> str:
    """A stable id from what the article says, not from which file it came in.

    Built from the title, the date and the authors, folded so that a PDF, its Markdown
    conversion and its Word original agree (spacing, case, punctuation, presentation
    forms). Body text is not used while there is a title: a converter's text layer can
    scramble a Dari body without touching its title. A corrected re-upload of an article
    keeps its id (the archive keeps both versions). Without a title, the first 400
    letters of the body stand in. Prefixed ``gj-``, 16 hex digits.
    """
    if article.title:
        basis = [
            _id_key(article.title),
            article.date or "",
            *sorted(_id_key(a) for a in article.authors),
        ]
    else:
        body = " ".join(b.text for b in article.blocks if b.type != "caption")
        basis = ["", article.date or "", _id_key(body)[:400]]
    return "gj-" + hashlib.sha256("\x1f".join(basis).encode("utf-8")).hexdigest()[:16]
