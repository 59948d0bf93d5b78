"""The pieces of OAI-PMH that are not the protocol's control flow: datestamps, sets,
resumption tokens, and a record as Dublin Core (``oai_dc``).

Tokens carry the whole state of a list (the last change number sent, the arguments,
how many were sent), so the server keeps nothing between requests and a token stays
good for as long as the archive exists.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass

from ganjina.record import Article
from ganjina.web import xmldoc

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
DESCRIPTION_CHARS = 1000

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_SECOND = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")


class OaiError(Exception):
    """One of the protocol's errors: ``code`` is its name, e.g. ``badArgument``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def datestamp(modified: str) -> str:
    """The archive's ``2024-07-13T08:00:00.123456Z`` at the protocol's granularity."""
    return modified[:19] + "Z"


def bound(value: str | None, *, upper: bool) -> str | None:
    """A ``from``/``until`` argument as the archive's inclusive bound (its times carry
    microseconds, so a bare second or day must be widened to compare as text)."""
    if value is None:
        return None
    if _DAY.fullmatch(value):
        time = "T23:59:59.999999Z" if upper else "T00:00:00.000000Z"
        return value + time
    return value[:19] + (".999999Z" if upper else ".000000Z")


def check_dates(start: str | None, end: str | None) -> None:
    """``badArgument`` unless both are valid dates of one granularity, in order."""
    for value in (start, end):
        if value is None:
            continue
        form = "%Y-%m-%d" if _DAY.fullmatch(value) else "%Y-%m-%dT%H:%M:%SZ"
        if not (_DAY.fullmatch(value) or _SECOND.fullmatch(value)):
            raise OaiError("badArgument", f"not a UTC datestamp of {GRANULARITY}: {value!r}")
        try:
            datetime.datetime.strptime(value, form)
        except ValueError:
            raise OaiError("badArgument", f"no such date: {value!r}") from None
    if start and end:
        if len(start) != len(end):
            raise OaiError("badArgument", "from and until must have the same granularity")
        if start > end:
            raise OaiError("badArgument", "from is later than until")


# -- sets -----------------------------------------------------------------------------
def canonical_tag(tag: str) -> str:
    """``fa-af`` (as the store counts it) back to ``fa-AF``."""
    parts = tag.split("-")
    return "-".join([parts[0].lower(), *(p.upper() if len(p) == 2 else p for p in parts[1:])])


def in_set(article: Article, spec: str) -> bool:
    """Whether a record belongs to ``spec``: ``section``, ``section:dari``, ``language``,
    ``language:fa-AF`` (a record is in the parent set of each set it is in)."""
    kind, _, value = spec.partition(":")
    if kind == "section":
        have = article.section.id if article.section else None
        return have is not None and (not value or have == value)
    if kind == "language":
        lang = (article.language or "").lower()
        return bool(lang) and (not value or lang == value.lower())
    return False


# -- resumption tokens ----------------------------------------------------------------
#: the kinds of set there are (``section:…``, ``language:…``)
SET_KINDS = ("section", "language")
#: the one metadata format a token can be for
TOKEN_PREFIX = "oai_dc"
#: change numbers and cursors are SQLite/PostgreSQL 64-bit integers
MAX_SEQ = 2**63 - 1
#: a token this server writes is under 400 characters; longer ones are not decoded at all
MAX_TOKEN_CHARS = 2000
_TOKEN_FIELDS = frozenset({"verb", "seq", "prefix", "start", "end", "set", "cursor"})


@dataclass(frozen=True)
class Token:
    verb: str
    seq: int
    prefix: str
    start: str | None
    end: str | None
    set: str | None
    cursor: int

    def encode(self) -> str:
        raw = json.dumps(asdict(self), separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str, verb: str) -> Token:
        """The token ``text`` of a list of ``verb``; ``badResumptionToken`` for anything
        this server did not hand out for that verb. A token is only base64 JSON anyone
        can forge, so every field is checked here before any of it is used: a forged
        token may ask for a list the arguments could have asked for, never crash one."""
        token = None
        if len(text) <= MAX_TOKEN_CHARS:
            try:
                raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
                fields = json.loads(raw)
                if isinstance(fields, dict) and set(fields) == _TOKEN_FIELDS:
                    token = cls(**fields)
            except (ValueError, TypeError, RecursionError, binascii.Error):
                token = None
        if token is None or not token._well_formed(verb):
            raise OaiError("badResumptionToken", "the resumption token is not valid here")
        return token

    def _well_formed(self, verb: str) -> bool:
        def count(value: object) -> bool:  # bool is an int to Python, not to us
            return type(value) is int and 0 <= value <= MAX_SEQ

        if not (self.verb == verb and self.prefix == TOKEN_PREFIX):
            return False
        if not (count(self.seq) and count(self.cursor)):
            return False
        for value in (self.start, self.end):
            if value is not None and not (
                isinstance(value, str) and (_DAY.fullmatch(value) or _SECOND.fullmatch(value))
            ):
                return False
        try:
            check_dates(self.start, self.end)
        except OaiError:
            return False
        if self.set is None:
            return True
        return isinstance(self.set, str) and self.set.partition(":")[0] in SET_KINDS


# -- Dublin Core ----------------------------------------------------------------------
def _first_paragraph(article: Article) -> str:
    text = next((b.text for b in article.blocks if b.type == "paragraph"), "")
    if len(text) > DESCRIPTION_CHARS:
        text = text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0] + " …"
    return text


def dublin_core(parent: ET.Element, article: Article, url: str) -> None:
    """``<oai_dc:dc>`` for ``article`` under ``parent``."""
    dc = xmldoc.sub(
        parent,
        "oai_dc:dc",
        **{
            "xmlns:oai_dc": OAI_DC,
            "xmlns:dc": DC,
            "xmlns:xsi": XSI,
            "xsi:schemaLocation": f"{OAI_DC} {OAI_DC_SCHEMA}",
        },
    )
    if article.title:
        xmldoc.sub(dc, "dc:title", article.title)
    for name in article.authors:
        xmldoc.sub(dc, "dc:creator", name)
    for name in article.translators:
        xmldoc.sub(dc, "dc:contributor", name)
    if article.section:
        for label in article.section.labels or [article.section.id]:
            xmldoc.sub(dc, "dc:subject", label)
    description = _first_paragraph(article)
    if description:
        xmldoc.sub(dc, "dc:description", description)
    if article.site and article.site.name:
        xmldoc.sub(dc, "dc:publisher", article.site.name)
    if article.date:
        xmldoc.sub(dc, "dc:date", article.date)
    xmldoc.sub(dc, "dc:type", "Text")
    xmldoc.sub(dc, "dc:identifier", url)
    if article.source and (article.source.text or article.source.name):
        xmldoc.sub(dc, "dc:source", article.source.text or article.source.name)
    if article.language:
        xmldoc.sub(dc, "dc:language", article.language)
