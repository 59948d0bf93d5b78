"""What an upload may not do: be too large, be something else than it says, unpack into
a bomb, declare entities, carry names that leave the package or the upload folder."""

from __future__ import annotations

import secrets
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ganjina.web import WebConfig, create_app
from ganjina.web.desk.config import DeskConfig
from ganjina.web.desk.uploads import safe_name

from .conftest import DeskClient, make_desk_archive
from .desk_files import (
    DARI_DOCX,
    PNG_NAMED_DOCX,
    docx_entries,
    docx_with_a_traversing_part,
    docx_with_entities,
    zip_bomb,
    zip_of,
    zip_without_a_document,
)


def refused(response: object, status: int, words: str) -> None:
    assert response.status_code == status, response.text[-400:]  # type: ignore[attr-defined]
    assert words in response.text, response.text[-400:]  # type: ignore[attr-defined]
    assert "/desk/drafts/d-" not in response.headers.get("location", "")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"", "empty.docx", "the file is empty"),
        (PNG_NAMED_DOCX, "photo.docx", "not a Word (DOCX) or Markdown file"),
        (b"%PDF-1.7\n%\xe2\xe3\n", "article.docx", "a PDF cannot become a draft"),
        (b"\x00\x01\x02binary" * 50, "notes.md", "not a Word (DOCX) or Markdown file"),
        (b"PK\x03\x04 then nothing a zip needs", "a.docx", "the file is damaged"),
        (zip_without_a_document(), "a.docx", "the file is a zip but not a Word"),
        (docx_with_entities(), "a.docx", "declares a document type"),
        (docx_with_a_traversing_part(), "a.docx", "a name that leaves it"),
        (zip_bomb(), "a.docx", "refused as a zip bomb"),
    ],
    ids=[
        "empty",
        "png",
        "pdf",
        "binary",
        "bad-zip",
        "no-document",
        "entities",
        "traversal",
        "bomb",
    ],
)
def test_a_bad_upload_is_refused_in_one_line(
    desk: Callable[..., DeskClient], data: bytes, name: str, words: str
) -> None:
    nadia = desk("nadia")
    before = nadia.get("/desk/").text.count("/desk/drafts/d-")
    refused(nadia.upload(data, name), 400, words)
    assert nadia.get("/desk/").text.count("/desk/drafts/d-") == before


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeskClient]:
    """A desk that takes 1 MB uploads unpacking to at most 4 MB in 200 parts."""
    archive = make_desk_archive(tmp_path_factory.mktemp("strict") / "archive")
    config = DeskConfig(max_upload_mb=1, max_unpacked_mb=4, max_zip_entries=200)
    client = DeskClient(create_app(archive, WebConfig(desk=config)))
    assert client.sign_in("nadia").status_code == 303
    yield client
    archive.close()


def test_a_large_upload_is_refused_before_it_is_read(strict: DeskClient) -> None:
    big = secrets.token_bytes(1024 * 1024 + 10)
    refused(strict.upload(big, "big.docx"), 413, "larger than")
    # without Content-Length (chunked) the body is counted as it arrives
    body = (b"x" * 65536 for _ in range(40))
    chunked = strict.client.post(
        "/desk/upload",
        content=body,
        headers={"content-type": "multipart/form-data; boundary=zzz"},
    )
    assert chunked.status_code == 413 and "larger than" in chunked.text


def test_a_package_that_unpacks_too_far_is_refused(strict: DeskClient) -> None:
    entries = docx_entries()
    # each part packs at a ratio a large one may not, but below the size where it is
    # checked; together they unpack to more than the limit
    for n in range(6):
        entries[f"word/media/part{n}.bin"] = b"\0" * (900 * 1024)
    refused(strict.upload(zip_of(entries), "a.docx"), 400, "would unpack to more than")
    many = docx_entries()
    many.update({f"customXml/item{n}.txt": b"x" for n in range(250)})
    refused(strict.upload(zip_of(many), "a.docx"), 400, "too many parts")
    stored = zip_of(docx_entries(), compression=zipfile.ZIP_STORED)
    assert strict.upload(stored, "stored.docx").status_code == 303  # a sound one passes


def test_uploaded_names_reach_nothing_but_the_page(desk: Callable[..., DeskClient]) -> None:
    nadia = desk("nadia")
    target = Path("/tmp") / f"ganjina-traversal-{secrets.token_hex(4)}.docx"
    sent = "../../../../.." + str(target)
    draft = nadia.upload(DARI_DOCX.read_bytes(), sent).headers["location"]
    page = nadia.get(draft).text
    assert target.name in page and "../" not in page.split("read from", 1)[1][:300]
    assert not target.exists()
    assert safe_name("..\\..\\windows\\evil.docx") == "evil.docx"
    assert safe_name("\u202egpj.docx\x00") == "gpj.docx"  # no reordering or control marks
    assert safe_name("../..") == "upload"
    # a preview file's name cannot climb out either
    for name in ("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..%5C..%5Cwin.ini"):
        assert nadia.get(f"{draft}/preview/1/{name}").status_code == 404
