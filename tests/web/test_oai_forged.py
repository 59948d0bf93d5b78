"""Forged OAI-PMH resumption tokens (issue 13, item 11): a token is base64 JSON anyone
can write, so each wrong field, type or size must be ``badResumptionToken``, not a 500."""

from __future__ import annotations

import base64
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ganjina.web.oai_parts import Token

from .test_oai import OAI, error_code

GOOD: dict[str, Any] = {
    "verb": "ListRecords",
    "seq": 0,
    "prefix": "oai_dc",
    "start": None,
    "end": None,
    "set": None,
    "cursor": 0,
}


def forged(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def with_field(**changes: Any) -> str:
    return forged(json.dumps({**GOOD, **changes}).encode())


FORGERIES = {
    "set is a number": with_field(set=123),
    "set is a list": with_field(set=["section"]),
    "set of no kind": with_field(set="colour:red"),
    "start is a number": with_field(start=123),
    "start is no date": with_field(start="yesterday"),
    "start after end": with_field(start="2024-02-01", end="2024-01-01"),
    "seq is a string": with_field(seq="3"),
    "seq is a float": with_field(seq=3.5),
    "seq is true": with_field(seq=True),
    "seq is negative": with_field(seq=-1),
    "seq past 64 bits": with_field(seq=10**30),
    "cursor is a string": with_field(cursor="0"),
    "cursor is negative": with_field(cursor=-5),
    "cursor past 64 bits": with_field(cursor=2**64),
    "prefix of another format": with_field(prefix="mods"),
    "prefix is null": with_field(prefix=None),
    "a field too many": with_field(extra=1),
    "a field too few": forged(json.dumps({k: GOOD[k] for k in GOOD if k != "cursor"}).encode()),
    "a list, not an object": forged(b"[1, 2, 3]"),
    "deep JSON": forged(b"[" * 3000 + b"]" * 3000),  # refused unread: too long
    "deep JSON, short": forged(b"[" * 700 + b"]" * 700),
    "long but flat": forged(json.dumps({**GOOD, "set": "section:" + "x" * 5000}).encode()),
    "not JSON": forged(b"\xff\xfe{"),
}


@pytest.mark.parametrize("name", sorted(FORGERIES))
def test_forged_token_is_bad_resumption_token(client: TestClient, name: str) -> None:
    for verb in ("ListRecords", "ListIdentifiers"):
        token = FORGERIES[name]
        if verb == "ListIdentifiers":  # the same forgery, for the other list
            try:
                fields = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            except (ValueError, RecursionError):
                fields = None
            if isinstance(fields, dict):
                token = forged(json.dumps({**fields, "verb": verb}).encode())
        # POSTed: the deep forgery is longer than a URL may be
        response = client.post("/oai", data={"verb": verb, "resumptionToken": token})
        assert response.status_code == 200, (name, verb)
        error = ET.fromstring(response.content).find(f"{OAI}error")
        assert error is not None and error.get("code") == "badResumptionToken", (name, verb)


def test_a_token_the_server_wrote_still_works(client: TestClient) -> None:
    """The checks refuse forgeries, not tokens: one with a set and dates pages on."""
    token = Token("ListRecords", 0, "oai_dc", "2000-01-01", "2999-12-31", "section", 0)
    code, root = error_code(client, f"verb=ListRecords&resumptionToken={token.encode()}")
    assert code is None
    assert root.find(f"{OAI}ListRecords") is not None
