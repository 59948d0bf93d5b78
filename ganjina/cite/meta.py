"""The meta tags reference managers read from an article page.

Highwire Press ``citation_*`` tags (what Google Scholar asks for, and what Zotero's and
Mendeley's page readers look for first), then Dublin Core for what Highwire has no tag
for: the translator (``DC.contributor``), the original a translation or reprint is a
version of (``DC.relation.isVersionOf``) and the outlet it came from (``DC.source``).

Dates are ``YYYY/MM/DD`` as Google Scholar's guidelines write them. The portal
publishes online, so its date is both the publication and the online date.
``citation_pdf_url`` is given only when the original file is a PDF.
"""

from __future__ import annotations

from ganjina.cite import bibtex, csl, ris
from ganjina.cite.model import Citable

#: the ``<link rel="schema.…">`` declarations the Dublin Core names refer to
DC_SCHEMAS = (
    ("schema.DC", "http://purl.org/dc/elements/1.1/"),
    ("schema.DCTERMS", "http://purl.org/dc/terms/"),
)
#: the exports a page links as ``<link rel="alternate">``: (suffix, media type, name)
ALTERNATES = (
    (".bib", bibtex.MEDIA_TYPE, "BibTeX"),
    (".ris", ris.MEDIA_TYPE, "RIS"),
    (".csl.json", csl.MEDIA_TYPE, "CSL-JSON"),
)


def _slashed(iso: str) -> str:
    return iso.replace("-", "/")


def highwire(c: Citable) -> list[tuple[str, str]]:
    tags: list[tuple[str, str | None]] = [("citation_title", c.title)]
    tags += [("citation_author", name) for name in c.authors if name]
    date = _slashed(c.date) if c.issued and c.date else None
    tags += [
        ("citation_publication_date", date),
        ("citation_online_date", date),
        ("citation_language", c.language),
        ("citation_publisher", c.publisher),
        ("citation_public_url", c.url),
        ("citation_pdf_url", c.pdf_url),
    ]
    return [(k, v) for k, v in tags if v]


def dublin_core(c: Citable) -> list[tuple[str, str]]:
    tags: list[tuple[str, str | None]] = [("DC.title", c.title)]
    tags += [("DC.creator", name) for name in c.authors if name]
    tags += [("DC.contributor", name) for name in c.translators if name]
    tags += [
        ("DC.date", c.date if c.issued else None),
        ("DC.language", c.language),
        ("DC.publisher", c.publisher),
        ("DC.type", "Text"),
        ("DC.identifier", c.url),
        ("DC.relation.isPartOf", c.archive_name),
    ]
    original = c.original
    if original:
        tags.append(("DC.relation.isVersionOf", original.url or original.title))
        source = ", ".join(p for p in (original.publisher, original.date) if p)
        tags.append(("DC.source", source or None))
    return [(k, v) for k, v in tags if v]


def tags(c: Citable) -> list[tuple[str, str]]:
    """Every ``<meta name content>`` pair of the page, Highwire first."""
    return highwire(c) + dublin_core(c)
