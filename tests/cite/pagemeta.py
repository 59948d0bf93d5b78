"""Reading an article page's head as a reference manager does: ``<meta name content>``
pairs in order and ``<link rel="alternate">`` elements (the standard library's HTML
parser, so that what we check is the markup, not our own data)."""

from __future__ import annotations

from html.parser import HTMLParser

#: Highwire Press tags, as Google Scholar's inclusion guidelines and Zotero's "Embedded
#: Metadata" reader know them: a name outside this list is read by nobody
HIGHWIRE_FIELDS = frozenset(
    {
        "citation_title",
        "citation_author",
        "citation_authors",
        "citation_author_institution",
        "citation_author_email",
        "citation_author_orcid",
        "citation_publication_date",
        "citation_online_date",
        "citation_date",
        "citation_year",
        "citation_journal_title",
        "citation_journal_abbrev",
        "citation_conference_title",
        "citation_book_title",
        "citation_inbook_title",
        "citation_series_title",
        "citation_publisher",
        "citation_volume",
        "citation_issue",
        "citation_firstpage",
        "citation_lastpage",
        "citation_doi",
        "citation_issn",
        "citation_isbn",
        "citation_pmid",
        "citation_pdf_url",
        "citation_abstract_html_url",
        "citation_fulltext_html_url",
        "citation_public_url",
        "citation_fulltext_world_readable",
        "citation_language",
        "citation_keywords",
        "citation_abstract",
        "citation_dissertation_institution",
        "citation_technical_report_institution",
        "citation_technical_report_number",
        "citation_editor",
        "citation_reference",
    }
)
#: Dublin Core element names (and the refinements the page uses) as DC-HTML writes them
DUBLIN_CORE = frozenset(
    {
        "DC.title",
        "DC.creator",
        "DC.contributor",
        "DC.date",
        "DC.language",
        "DC.publisher",
        "DC.type",
        "DC.identifier",
        "DC.source",
        "DC.relation.isVersionOf",
        "DC.relation.isPartOf",
    }
)


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and "name" in values:
            self.meta.append((values["name"], values.get("content", "")))
        elif tag == "link":
            self.links.append(values)


def head(html: str) -> Head:
    parser = Head()
    parser.feed(html)
    return parser


def names(meta: list[tuple[str, str]], name: str) -> list[str]:
    return [content for key, content in meta if key == name]
