"""Citables from the archive: one version of one record, or every record of a search.

The archive gives the record and its versions; ``ganjina.links`` says what it translates
or reprints (``translation-of`` and ``reprint-of`` relations, pointing at the original
in the archive). The record's own attribution line (``source``) names the original
outlet even when the archive does not hold the original.

    >>> with Archive.open("ganjina-demo") as archive:  # doctest: +SKIP
    ...     one = cite_record(archive, "gj-b423c344a1d5bb81")
    ...     one.original.title  # the English original of this Dari translation
    'Kabul and Tehran return to the water table'
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ganjina.archive.types import Version
from ganjina.cite.model import Addresses, Citable, Original, OriginalKind
from ganjina.record import Article

if TYPE_CHECKING:
    from ganjina.archive import Archive
    from ganjina.links.types import Relation

#: relations that make a record cite another
CITED_KINDS = ("translation-of", "reprint-of")
#: records per round of queries in bulk exports
CHUNK = 200


@dataclass(frozen=True)
class Context:
    """What is the same for every citation of one export or one page."""

    addresses: Addresses | None = None
    accessed: datetime.date | None = None
    archive_name: str | None = None

    def today(self) -> datetime.date:
        return self.accessed or datetime.date.today()


def _http(url: str | None) -> str | None:
    """Only http(s) addresses are cited as links: a record could say ``javascript:…``."""
    if url and url.startswith(("http://", "https://")):
        return url
    if url and url.startswith("www."):
        return "https://" + url
    return None


def original_of(
    article: Article, relations: Sequence[Relation], addresses: Addresses | None
) -> Original | None:
    """The work ``article`` translates or reprints, or None when it is neither.

    A translation: the record names translators, or the links found its original. A
    reprint: the record names a source (another outlet) or the links found an earlier
    publication of the same text. The original's title is known only from the links
    (a translation's own title is not its original's), never guessed.
    """
    out = [r for r in relations if r.direction == "out"]
    translated = next((r for r in out if r.kind == "translation-of"), None)
    reprinted = next((r for r in out if r.kind == "reprint-of"), None)
    source = article.source
    kind: OriginalKind = "translation" if (article.translators or translated) else "reprint"
    linked = translated if kind == "translation" else reprinted
    has_source = source is not None and bool(source.name or source.text or source.url)
    if linked is None and not has_source:
        return None
    other = linked.other if linked else None
    url = addresses.page(other.id) if (other and addresses) else None
    return Original(
        kind=kind,
        title=other.title if other else None,
        publisher=source.name if source else None,
        date=(source.date if source and source.date else None) or (other.date if other else None),
        url=url or _http(source.url if source else None),
        language=other.language if other else None,
    )


def citable(
    article: Article,
    version: Version,
    relations: Sequence[Relation],
    context: Context,
) -> Citable:
    """One version of one record as a :class:`Citable`."""
    addresses = context.addresses
    pdf = None
    if addresses and version.sha256 and article.provenance.format == "pdf":
        # always with its version: what a version's citation says must never change
        pdf = addresses.original(article.id, version.number)
    return Citable(
        id=article.id,
        version=version.number,
        current=version.current,
        stored_at=version.stored_at,
        title=article.title,
        authors=tuple(article.authors),
        translators=tuple(article.translators),
        language=article.language,
        date=article.date,
        date_text=article.date_text,
        publisher=article.site.name if article.site else None,
        accessed=context.today(),
        archive_name=context.archive_name,
        page_url=addresses.page(article.id) if addresses else None,
        version_url=addresses.version(article.id, version.number) if addresses else None,
        pdf_url=pdf,
        original=original_of(article, relations, addresses),
    )


def _relations(archive: Archive, ids: Sequence[str]) -> dict[str, list[Relation]]:
    from ganjina.links import Links  # links are built on the archive, not part of it

    return Links(archive).relations_many(ids, CITED_KINDS)


def cite_record(
    archive: Archive, id: str, number: int | None = None, context: Context | None = None
) -> Citable | None:
    """Version ``number`` (default: the current one) of the record ``id``, or None.

    ``id`` may be an id the record had before it was corrected: the citation names the
    record's own id.
    """
    article = archive.get(id, number)
    if article is None:
        return None
    versions = archive.versions(article.id)
    chosen = next(
        (v for v in versions if (v.current if number is None else v.number == number)), None
    )
    if chosen is None:
        return None
    relations = _relations(archive, [article.id]).get(article.id, [])
    return citable(article, chosen, relations, context or Context())


def cite_many(
    archive: Archive, query: str | None = None, context: Context | None = None
) -> Iterator[Citable]:
    """The current version of every record (oldest stored first), or of those matching
    ``query`` (newest first), a chunk of records at a time: memory stays flat."""
    context = context or Context()
    if context.accessed is None:  # one date for the whole export, even across midnight
        context = Context(context.addresses, datetime.date.today(), context.archive_name)
    for chunk in _chunks(archive.iter_articles(query), CHUNK):
        relations = _relations(archive, [a.id for a in chunk])
        for article in chunk:
            current = next((v for v in archive.versions(article.id) if v.current), None)
            if current is not None:
                yield citable(article, current, relations.get(article.id, []), context)


def _chunks(records: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(records)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
