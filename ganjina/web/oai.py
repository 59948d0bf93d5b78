"""OAI-PMH 2.0 at ``/oai``, with ``oai_dc``: the archive as libraries harvest it.

Verbs: Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord;
``from``/``until`` at second granularity, resumption tokens, and the protocol's error
codes (badVerb, badArgument, badResumptionToken, cannotDisseminateFormat,
idDoesNotExist, noRecordsMatch). Sets are the sections and the languages
(``section:dari``, ``language:fa-AF``). A corrected article is a new version of the same
record, with a new datestamp; a withdrawn one is a deleted record (``deletedRecord``
``persistent``: it stays in the archive, so its deletion is always known).

Datestamps come from :meth:`Archive.changes_since`; the order of a list is the order of
change, so a harvest that resumes never misses a record changed meanwhile (it comes
again, later in the list).
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ganjina.archive import Archive
from ganjina.record import Article
from ganjina.web import urls, xmldoc
from ganjina.web.oai_parts import (
    GRANULARITY,
    OAI_DC,
    OAI_DC_SCHEMA,
    SET_KINDS,
    TOKEN_PREFIX,
    OaiError,
    Token,
    bound,
    canonical_tag,
    check_dates,
    datestamp,
    dublin_core,
    in_set,
)
from ganjina.web.state import SiteState, public_base, site

#: the OAI-PMH schema's emailType (``\S+@(\S+\.)+\S+``), bounded
OAI_EMAIL = re.compile(r"[^\s@]{1,200}@(?:[^\s@.]{1,63}\.){1,10}[^\s@.]{1,63}")
router = APIRouter()

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PREFIX = TOKEN_PREFIX
#: changes read from the archive at a time while filling a page
CHUNK = 500
#: a page for a rare set may scan this many changes before it is sent, short, with a token
MAX_SCAN = 20_000
MAX_BODY = 10_000

_LISTS = ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"})
#: verb -> (required arguments, optional arguments)
VERBS: dict[str, tuple[set[str], set[str]]] = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "ListIdentifiers": _LISTS,
    "ListRecords": _LISTS,
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def _arguments(request: Request) -> list[tuple[str, str]]:
    if request.method == "POST":
        body = await request.body()
        if len(body) > MAX_BODY:
            raise OaiError("badArgument", "the request is too long")
        return parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    return list(request.query_params.multi_items())


def _validate(pairs: list[tuple[str, str]]) -> tuple[str, dict[str, str]]:
    """The verb and its arguments, or the protocol's error for what is wrong."""
    names = [k for k, _ in pairs]
    args = dict(pairs)
    verb = args.pop("verb", None)
    if names.count("verb") != 1 or verb not in VERBS:
        raise OaiError("badVerb", "a request needs exactly one verb, one of " + ", ".join(VERBS))
    if len(set(names)) != len(names):
        raise OaiError("badArgument", "an argument is repeated")
    required, optional = VERBS[verb]
    unknown = set(args) - required - optional
    if unknown:
        raise OaiError("badArgument", f"{verb} takes no argument {sorted(unknown)[0]!r}")
    if "resumptionToken" in args:
        if len(args) > 1:
            raise OaiError("badArgument", "resumptionToken must be the only argument")
        return verb, args
    missing = required - set(args)
    if missing:
        raise OaiError("badArgument", f"{verb} needs {sorted(missing)[0]}")
    return verb, args


class Harvest:
    """Answers one request: builds the verb's element under ``root``."""

    def __init__(self, request: Request, state: SiteState, root: ET.Element) -> None:
        self.state = state
        self.archive: Archive = state.archive
        self.root = root
        self.base = public_base(request)
        self.prefix = f"oai:{state.config.repository_id}:"

    # -- helpers ------------------------------------------------------------------------
    def identifier(self, article_id: str) -> str:
        return self.prefix + article_id

    def article_id(self, identifier: str) -> str:
        if not identifier.startswith(self.prefix):
            raise OaiError("idDoesNotExist", f"no record {identifier!r}")
        return identifier[len(self.prefix) :]

    def header(
        self, parent: ET.Element, article: Article, stamp: str, deleted: bool = False
    ) -> None:
        head = (
            xmldoc.sub(parent, "header", status="deleted")
            if deleted
            else xmldoc.sub(parent, "header")
        )
        xmldoc.sub(head, "identifier", self.identifier(article.id))
        xmldoc.sub(head, "datestamp", stamp)
        if article.section:
            xmldoc.sub(head, "setSpec", f"section:{article.section.id}")
        if article.language:
            xmldoc.sub(head, "setSpec", f"language:{canonical_tag(article.language)}")

    def record(
        self, parent: ET.Element, article: Article, stamp: str, deleted: bool = False
    ) -> None:
        rec = xmldoc.sub(parent, "record")
        self.header(rec, article, stamp, deleted)
        if not deleted:  # a deleted record has a header only
            url = self.base + urls.article(article.id)
            dublin_core(xmldoc.sub(rec, "metadata"), article, url)

    @staticmethod
    def check_prefix(prefix: str) -> None:
        if prefix != PREFIX:
            raise OaiError("cannotDisseminateFormat", f"only {PREFIX} is offered, not {prefix!r}")

    # -- verbs --------------------------------------------------------------------------
    def Identify(self, args: dict[str, str]) -> None:
        first = self.archive.changes_since(0, limit=1)
        el = xmldoc.sub(self.root, "Identify")
        xmldoc.sub(el, "repositoryName", self.state.config.name)
        xmldoc.sub(el, "baseURL", self.base + "/oai")
        xmldoc.sub(el, "protocolVersion", "2.0")
        xmldoc.sub(el, "adminEmail", self.admin_email())
        xmldoc.sub(
            el,
            "earliestDatestamp",
            datestamp(first[0].modified) if first else "1970-01-01T00:00:00Z",
        )
        # withdrawn articles are kept, so their deletion is remembered for good
        xmldoc.sub(el, "deletedRecord", "persistent")
        xmldoc.sub(el, "granularity", GRANULARITY)

    def admin_email(self) -> str:
        if self.state.config.admin_email:
            return self.state.config.admin_email
        newest = self.archive.articles(limit=1).articles
        email = newest[0].site.email if newest and newest[0].site else None
        if email and OAI_EMAIL.fullmatch(email):
            return email
        # the schema wants user@host.domain; name the site's own host where it has a
        # domain (GANJINA_ADMIN_EMAIL sets a real address)
        host = urlsplit(self.base).hostname or ""
        return f"webmaster@{host}" if "." in host.strip(".") else "webmaster@localhost.localdomain"

    def ListMetadataFormats(self, args: dict[str, str]) -> None:
        if "identifier" in args and (
            self.archive.get(self.article_id(args["identifier"]), withdrawn=True) is None
        ):
            raise OaiError("idDoesNotExist", f"no record {args['identifier']!r}")
        el = xmldoc.sub(self.root, "ListMetadataFormats")
        fmt = xmldoc.sub(el, "metadataFormat")
        xmldoc.sub(fmt, "metadataPrefix", PREFIX)
        xmldoc.sub(fmt, "schema", OAI_DC_SCHEMA)
        xmldoc.sub(fmt, "metadataNamespace", OAI_DC)

    def ListSets(self, args: dict[str, str]) -> None:
        if "resumptionToken" in args:
            raise OaiError("badResumptionToken", "ListSets is never split: no token is valid")
        stats = self.state.stats()
        el = xmldoc.sub(self.root, "ListSets")
        sets = [("section", "Sections"), ("language", "Languages")]
        sets += [(f"section:{s}", f"Section: {s}") for s, _ in stats["by_section"] if s]
        sets += [
            (f"language:{canonical_tag(lang)}", f"Language: {canonical_tag(lang)}")
            for lang, _ in stats["by_language"]
            if lang
        ]
        for spec, name in sets:
            s = xmldoc.sub(el, "set")
            xmldoc.sub(s, "setSpec", spec)
            xmldoc.sub(s, "setName", name)

    def GetRecord(self, args: dict[str, str]) -> None:
        self.check_prefix(args["metadataPrefix"])
        article_id = self.article_id(args["identifier"])
        article = self.archive.get(article_id, withdrawn=True)
        if article is None or article.id != article_id:
            raise OaiError("idDoesNotExist", f"no record {args['identifier']!r}")
        gone = self.archive.withdrawal(article_id)
        if gone is not None:  # the time of the withdrawal is the record's datestamp
            self.record(xmldoc.sub(self.root, "GetRecord"), article, datestamp(gone.at), True)
            return
        current = next(v for v in self.archive.versions(article_id) if v.current)
        self.record(xmldoc.sub(self.root, "GetRecord"), article, datestamp(current.stored_at))

    def ListIdentifiers(self, args: dict[str, str]) -> None:
        self.list("ListIdentifiers", args)

    def ListRecords(self, args: dict[str, str]) -> None:
        self.list("ListRecords", args)

    # -- the two lists --------------------------------------------------------------------
    def list(self, verb: str, args: dict[str, str]) -> None:
        if "resumptionToken" in args:
            token = Token.decode(args["resumptionToken"], verb)
        else:
            self.check_prefix(args["metadataPrefix"])
            check_dates(args.get("from"), args.get("until"))
            spec = args.get("set")
            if spec is not None and spec.partition(":")[0] not in SET_KINDS:
                raise OaiError("badArgument", f"no set {spec!r} (see ListSets)")
            token = Token(verb, 0, PREFIX, args.get("from"), args.get("until"), spec, 0)
        size = self.state.config.oai_page_size
        page: list[tuple[int, Article, str, bool]] = []
        last_seq, more = token.seq, False
        # one record past the page tells whether to hand out a token: a list never ends
        # with an empty page
        for seq, article, stamp, deleted in self.matches(token):
            if article is None:  # the scan budget ran out: go on from here next time
                last_seq, more = seq, True
                break
            if len(page) == size:
                more = True
                break
            page.append((seq, article, stamp, deleted))
            last_seq = seq
        if not page and not more and token.cursor == 0:
            raise OaiError("noRecordsMatch", "no records match these arguments")
        el = xmldoc.sub(self.root, verb)
        for _, article, stamp, deleted in page:
            if verb == "ListRecords":
                self.record(el, article, stamp, deleted)
            else:
                self.header(el, article, stamp, deleted)
        if token.cursor or more:
            following = Token(
                verb, last_seq, token.prefix, token.start, token.end, token.set,
                token.cursor + len(page),
            )  # fmt: skip
            xmldoc.sub(
                el,
                "resumptionToken",
                following.encode() if more else None,
                cursor=str(token.cursor),
            )

    def matches(self, token: Token) -> Iterator[tuple[int, Article | None, str, bool]]:
        """(seq, record, datestamp, deleted) of every change after the token's, in the
        token's set (a withdrawn record is deleted); a ``None`` record means
        :data:`MAX_SCAN` changes were read (a rare set in a large archive) and the page
        should end there."""
        seq, scanned = token.seq, 0
        while True:
            changes = self.archive.changes_since(
                seq,
                limit=CHUNK,
                from_=bound(token.start, upper=False),
                until=bound(token.end, upper=True),
            )
            if not changes:
                return
            for change in changes:
                seq, scanned = change.seq, scanned + 1
                article = self.archive.get(change.id, withdrawn=change.withdrawn)
                if article is not None and (token.set is None or in_set(article, token.set)):
                    yield seq, article, datestamp(change.modified), change.withdrawn
                if scanned >= MAX_SCAN:
                    yield seq, None, "", False
                    return


def _document(request: Request, verb: str | None, args: dict[str, str]) -> ET.Element:
    root = ET.Element(
        "OAI-PMH",
        {"xmlns": OAI, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{OAI} {OAI_SCHEMA}"},
    )
    xmldoc.sub(root, "responseDate", _now())
    attrs = {"verb": verb, **args} if verb else {}
    xmldoc.sub(root, "request", public_base(request) + "/oai", **attrs)
    return root


@router.api_route("/oai", methods=["GET", "POST"], include_in_schema=False)
async def oai(request: Request) -> Response:
    """One OAI-PMH request (GET or form POST); errors are answered in the protocol."""
    verb: str | None = None
    args: dict[str, str] = {}
    try:
        verb, args = _validate(await _arguments(request))
    except OaiError as err:
        root = _document(request, None, {})
        xmldoc.sub(root, "error", err.message, code=err.code)
        return _xml(root)
    state = site(request)
    root = _document(request, verb, args)
    # the archive is synchronous: run the verb in a worker thread, as FastAPI does for
    # plain functions, so one long list does not hold up every other request
    error = await run_in_threadpool(_answer, request, state, root, verb, args)
    if error is not None:
        # a protocol error replaces the verb's element; the request echoes the arguments,
        # but not after badVerb or badArgument: then the base URL only (OAI-PMH 2.0 §3.6)
        for child in list(root)[2:]:
            root.remove(child)
        if error.code in ("badVerb", "badArgument"):
            root[1].attrib.clear()
        xmldoc.sub(root, "error", error.message, code=error.code)
    return _xml(root)


def _answer(
    request: Request, state: SiteState, root: ET.Element, verb: str, args: dict[str, str]
) -> OaiError | None:
    try:
        getattr(Harvest(request, state, root), verb)(args)
    except OaiError as err:
        return err
    return None


def _xml(root: ET.Element) -> Response:
    return Response(xmldoc.serialize(root), media_type="text/xml; charset=utf-8")
