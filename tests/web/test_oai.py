"""OAI-PMH 2.0: harvested with a real client (sickle) from a real server, and every
protocol error checked by hand."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sickle import Sickle
from sickle.oaiexceptions import (
    BadArgument,
    BadResumptionToken,
    CannotDisseminateFormat,
    IdDoesNotExist,
    NoRecordsMatch,
)

from ganjina.archive import Archive
from ganjina.web import WebConfig, create_app
from ganjina.web.oai_parts import Token, bound

from .conftest import DARI_ID

OAI = "{http://www.openarchives.org/OAI/2.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"


def harvester(live: str) -> Sickle:
    return Sickle(f"{live}/oai", max_retries=0, timeout=30)


def test_identify(live: str) -> None:
    info = harvester(live).Identify()
    assert info.protocolVersion == "2.0"
    assert info.baseURL == f"{live}/oai"
    assert info.deletedRecord == "persistent"
    assert info.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert "@" in info.adminEmail
    assert info.earliestDatestamp.endswith("Z")


def test_harvest_everything_across_resumption_tokens(live: str) -> None:
    records = list(harvester(live).ListRecords(metadataPrefix="oai_dc"))
    assert len(records) == 14  # three pages of 5, 5 and 4 records
    ids = {r.header.identifier for r in records}
    assert len(ids) == 14 and f"oai:ganjina:{DARI_ID}" in ids
    dari = next(r for r in records if r.header.identifier.endswith(DARI_ID))
    md: dict[str, Any] = dari.metadata
    assert md["language"] == ["fa-AF"] and md["type"] == ["Text"]
    assert md["identifier"][0].endswith(f"/article/{DARI_ID}")
    assert len(md["creator"]) == 3 and md["date"] == ["2024-07-13"]
    assert "section:dari" in dari.header.setSpecs and "language:fa-AF" in dari.header.setSpecs


def test_list_identifiers_by_set(live: str) -> None:
    oai = harvester(live)
    dari = list(oai.ListIdentifiers(metadataPrefix="oai_dc", set="language:fa-AF"))
    assert len(dari) == 4
    europe = list(oai.ListIdentifiers(metadataPrefix="oai_dc", set="section:european-languages"))
    assert len(europe) == 7
    everything = list(oai.ListIdentifiers(metadataPrefix="oai_dc", set="section"))
    assert len(everything) == 14
    specs = {s.setSpec for s in oai.ListSets()}
    assert {"section", "language", "section:dari", "section:pashto", "language:ps"} <= specs
    assert "language:fa-AF" in specs


def test_get_record_and_formats(live: str) -> None:
    oai = harvester(live)
    record = oai.GetRecord(identifier=f"oai:ganjina:{DARI_ID}", metadataPrefix="oai_dc")
    assert record.metadata["title"][0].startswith("زعفران هرات")
    formats = list(oai.ListMetadataFormats(identifier=f"oai:ganjina:{DARI_ID}"))
    assert [f.metadataPrefix for f in formats] == ["oai_dc"]
    with pytest.raises(IdDoesNotExist):
        oai.GetRecord(identifier="oai:ganjina:gj-nothing", metadataPrefix="oai_dc")
    with pytest.raises(IdDoesNotExist):
        oai.GetRecord(identifier="oai:elsewhere:" + DARI_ID, metadataPrefix="oai_dc")
    with pytest.raises(CannotDisseminateFormat):
        oai.GetRecord(identifier=f"oai:ganjina:{DARI_ID}", metadataPrefix="marc21")
    with pytest.raises(IdDoesNotExist):
        list(oai.ListMetadataFormats(identifier="oai:ganjina:gj-nothing"))


def test_from_and_until(live: str, archive: Archive) -> None:
    oai = harvester(live)
    changes = archive.changes_since(0, limit=100)
    first = changes[0].modified[:10]
    assert len(list(oai.ListIdentifiers(metadataPrefix="oai_dc", **{"from": first}))) == 14
    with pytest.raises(NoRecordsMatch):
        list(oai.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2999-01-01"}))
    with pytest.raises(NoRecordsMatch):
        list(oai.ListIdentifiers(metadataPrefix="oai_dc", until="2000-01-01T00:00:00Z"))
    # a window of seconds that holds exactly the later changes
    cut = changes[7].modified[:19] + "Z"
    later = [c for c in changes if c.modified[:19] + "Z" >= cut]
    found = list(oai.ListIdentifiers(metadataPrefix="oai_dc", **{"from": cut}))
    assert len(found) == len(later)
    with pytest.raises(BadArgument):
        list(oai.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "2024-01-01"}, until=cut))


def test_bad_token(live: str) -> None:
    with pytest.raises(BadResumptionToken):
        list(harvester(live).ListRecords(resumptionToken="nonsense"))
    token = Token("ListRecords", 3, "oai_dc", None, None, None, 3).encode()
    with pytest.raises(BadResumptionToken):  # a ListRecords token given to ListIdentifiers
        list(harvester(live).ListIdentifiers(resumptionToken=token))


def error_code(client: TestClient, query: str) -> tuple[str | None, ET.Element]:
    response = client.get(f"/oai?{query}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    root = ET.fromstring(response.content)
    error = root.find(f"{OAI}error")
    return (error.get("code") if error is not None else None), root


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "badVerb"),
        ("verb=Dance", "badVerb"),
        ("verb=Identify&verb=Identify", "badVerb"),
        ("verb=Identify&extra=1", "badArgument"),
        ("verb=ListRecords", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-30", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&from=2024-02-01&until=2024-01-01", "badArgument"),
        ("verb=ListRecords&metadataPrefix=oai_dc&set=colour:red", "badArgument"),
        ("verb=ListRecords&metadataPrefix=mods", "cannotDisseminateFormat"),
        ("verb=ListRecords&resumptionToken=%%%", "badResumptionToken"),
        ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
        ("verb=GetRecord&identifier=oai:ganjina:x&metadataPrefix=oai_dc", "idDoesNotExist"),
        ("verb=GetRecord&identifier=oai:ganjina:x", "badArgument"),
        ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=section:none", "noRecordsMatch"),
    ],
)
def test_protocol_errors(client: TestClient, query: str, code: str) -> None:
    found, root = error_code(client, query)
    assert found == code
    request = root.find(f"{OAI}request")
    assert request is not None and request.text == "http://testserver/oai"
    if code in ("badVerb", "badArgument") and found in ("badVerb",):
        assert request.attrib == {}  # the protocol: no echo of arguments that were wrong


def test_responses_are_well_formed(client: TestClient) -> None:
    for query in ("verb=Identify", "verb=ListSets", "verb=ListMetadataFormats",
                  "verb=ListRecords&metadataPrefix=oai_dc"):  # fmt: skip
        code, root = error_code(client, query)
        assert code is None and root.tag == f"{OAI}OAI-PMH"
        assert root.findtext(f"{OAI}responseDate", "").endswith("Z")


def test_post_is_the_same_as_get(client: TestClient) -> None:
    got = client.get("/oai?verb=ListMetadataFormats").content
    posted = client.post("/oai", data={"verb": "ListMetadataFormats"}).content
    strip = lambda b: b.split(b"</responseDate>")[1]  # noqa: E731
    assert strip(got) == strip(posted)


def test_bounds_widen_to_the_archive_precision() -> None:
    assert bound("2024-07-13", upper=False) == "2024-07-13T00:00:00.000000Z"
    assert bound("2024-07-13", upper=True) == "2024-07-13T23:59:59.999999Z"
    assert bound("2024-07-13T08:00:00Z", upper=True) == "2024-07-13T08:00:00.999999Z"
    assert bound(None, upper=True) is None


def test_keep_alive_answers_do_not_wait_for_nagle(live: str) -> None:
    """Every connection has TCP_NODELAY (see ganjina/web/server.py): a second request on
    one connection is answered in milliseconds, not after a 40 ms delayed ACK."""
    import socket
    import time

    host, port = live.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as sock:
        timings = []
        for _ in range(4):
            started = time.perf_counter()
            sock.sendall(b"GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n")
            data = b""
            while b"Sitemap" not in data:
                data += sock.recv(65536)
            timings.append(time.perf_counter() - started)
    assert min(timings[1:]) < 0.035, timings


def test_set_lists_never_end_with_an_empty_page(archive: Archive) -> None:
    client = TestClient(create_app(archive, WebConfig(oai_page_size=2)))
    for spec, expected in (("language:ps", [2, 1]), ("language:fa-AF", [2, 2])):
        query = f"verb=ListIdentifiers&metadataPrefix=oai_dc&set={spec}"
        sizes, cursors = [], []
        while query:
            root = ET.fromstring(client.get(f"/oai?{query}").content)
            listing = root.find(f"{OAI}ListIdentifiers")
            assert listing is not None
            sizes.append(len(listing.findall(f"{OAI}header")))
            token = listing.find(f"{OAI}resumptionToken")
            assert token is not None
            cursors.append(token.get("cursor"))
            query = f"verb=ListIdentifiers&resumptionToken={token.text}" if token.text else ""
        assert sizes == expected and cursors == ["0", "2"]
