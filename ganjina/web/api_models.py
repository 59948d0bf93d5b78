"""The shapes of the JSON API, for its OpenAPI description (``/api/openapi.json``).

``ArticleModel`` mirrors ``shared/spec/article.schema.json``; a test checks that the two
name the same fields. Models only describe and check what the archive returns: the
API's handlers return the archive's own dicts.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class SiteModel(BaseModel):
    name: str | None = None
    url: str | None = None
    email: str | None = None
    motto: str | None = None


class SectionModel(BaseModel):
    id: str = Field(description="Slug, e.g. european-languages, dari, pashto.")
    labels: list[str] = Field(description="The labels exactly as printed, in print order.")


class SourceModel(BaseModel):
    name: str | None = None
    date: str | None = None
    url: str | None = None
    text: str = Field("", description="The attribution line as printed.")


class BlockModel(BaseModel):
    type: Literal["paragraph", "heading", "list_item", "quote", "caption", "table"]
    text: str
    marker: str | None = None
    page: int | None = None
    rows: list[list[str]] | None = Field(None, description="Tables only: cells row by row.")
    header: bool | None = Field(None, description="Tables only: the first row is a header.")


class ProvenanceModel(BaseModel):
    path: str | None = Field(None, description="The file's name (never a server path).")
    sha256: str
    format: Literal["pdf", "markdown", "text", "html", "docx"]
    pages: int | None = None
    parser_version: str | None = None


class ArticleModel(BaseModel):
    """One article record (``article.schema.json``)."""

    id: str
    site: SiteModel | None
    section: SectionModel | None
    language: str | None = Field(description="BCP 47 tag: en, de, fa-AF (Dari), ps, …")
    title: str | None
    authors: list[str]
    translators: list[str]
    date: str | None = Field(description="Publication date, ISO 8601 Gregorian.")
    date_text: str | None
    source: SourceModel | None
    blocks: list[BlockModel]
    provenance: ProvenanceModel
    warnings: list[str]


class ArticleListModel(BaseModel):
    articles: list[ArticleModel]
    next_cursor: str | None = Field(description="Pass back as `cursor` for the next page.")
    next: str | None = Field(description="The address of the next page, or null on the last.")


class VersionModel(BaseModel):
    number: int
    stored_at: str
    filename: str | None
    current: bool
    original: str | None = Field(description="Address of this version's original file.")


class MatchedModel(BaseModel):
    found: str = Field(description="The word as the record prints it.")
    for_: str = Field(alias="for", description="The query word it is a form or spelling of.")


class ExplainedModel(BaseModel):
    match: str = Field(description="One way the query matched: exact, name, word forms.")
    score: float


class HitModel(BaseModel):
    id: str
    title: str | None
    date: str | None
    section: str | None
    language: str | None
    authors: list[str]
    score: float
    snippet: list[tuple[str, bool]] = Field(description="(text, is_match) segments.")
    title_segments: list[tuple[str, bool]]
    matched: list[MatchedModel] = Field(
        default=[], description="Words found as another form or spelling of a query word."
    )
    explanation: list[ExplainedModel] = Field(
        default=[], description="With explain=true: what each way of matching scored."
    )


class ChangeModel(BaseModel):
    typed: str
    suggested: str


class SuggestionModel(BaseModel):
    query: str = Field(description="The query with its unknown words corrected.")
    total: int
    changes: list[ChangeModel]


class RelatedModel(BaseModel):
    id: str
    title: str | None
    date: str | None
    language: str | None
    score: float


class SearchModel(BaseModel):
    query: str
    total: int
    offset: int
    took_ms: float
    behind: int = Field(
        0,
        description="Store changes the index lacks (it could not be caught up): "
        "results may be incomplete while this is not 0.",
    )
    corrected: str | None = Field(
        default=None,
        description="Set when the query found nothing and the hits are of this query instead.",
    )
    suggestions: list[SuggestionModel] = Field(default=[], description="Did you mean.")
    hits: list[HitModel]
    facets: dict[str, list[tuple[str, int]]] | None = Field(
        description="section, language, year, source, author -> [(value, count)]"
    )


class HealthModel(BaseModel):
    without_date: int
    without_author: int
    with_warnings: int
    failed_files: int


class StatsModel(BaseModel):
    records: int
    versions: int
    originals: int
    original_bytes: int
    by_section: list[tuple[str | None, int]]
    by_language: list[tuple[str | None, int]]
    by_year: list[tuple[int | None, int]]
    health: HealthModel


class ErrorDetail(BaseModel):
    status: int
    message: str
    position: int | None = Field(None, description="0-based offset of a query's problem.")


class ErrorModel(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorModel, "description": "A bad parameter or query"},
    404: {"model": ErrorModel, "description": "No such article"},
}
