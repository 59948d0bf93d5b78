"""The desk's tables through ``archive.desk``, on both backends: accounts, sessions,
sign-in attempts, drafts that only ever gain revisions, an append-only audit log."""

from __future__ import annotations

import pytest

from ganjina.archive import Archive
from ganjina.archive.desk import Figure
from ganjina.archive.store import utcnow
from ganjina.errors import ArchiveError

from .helpers import article


def test_accounts_and_their_sections(archive: Archive) -> None:
    desk = archive.desk
    user = desk.add_user("nadia", "editor", "$argon2id$hash", ["dari", "pashto"])
    assert (user.role, user.sections, user.disabled) == ("editor", ("dari", "pashto"), False)
    assert user.may_publish_in("dari") and not user.may_publish_in("european-languages")
    with pytest.raises(ArchiveError, match="already"):
        desk.add_user("nadia", "admin", "x", [])
    desk.update_user("nadia", sections=["pashto"], disabled=True, password="$argon2id$new")
    again = desk.user("nadia")
    assert again is not None and again.sections == ("pashto",) and again.disabled
    assert again.password == "$argon2id$new" and "password" not in again.public()
    desk.add_user("omar", "admin", "h", [])
    assert [u.name for u in desk.users()] == ["nadia", "omar"]
    assert desk.user("omar").may_publish_in("anything")  # type: ignore[union-attr]
    assert desk.user("nobody") is None


def test_sessions_end_and_stay_recorded(archive: Archive) -> None:
    desk = archive.desk
    desk.new_session("hash-1", "nadia", "csrf-1", "127.0.0.1")
    desk.new_session("hash-2", "nadia", "csrf-2", None)
    session = desk.session("hash-1")
    assert session is not None and session.ended is None and session.csrf == "csrf-1"
    desk.end_session("hash-1", "signed out")
    ended = desk.session("hash-1")
    assert ended is not None and ended.ended_why == "signed out"
    desk.end_sessions_of("nadia", "password changed")
    assert desk.session("hash-2").ended_why == "password changed"  # type: ignore[union-attr]
    assert desk.session("hash-1").ended_why == "signed out"  # type: ignore[union-attr]


def test_failures_count_since_the_last_success(archive: Archive) -> None:
    desk = archive.desk
    start = utcnow()
    for _ in range(3):
        desk.log_login("nadia", "10.0.0.1", False, "wrong password")
    assert desk.failures(start, name="nadia") == 3
    assert desk.failures(start, address="10.0.0.1") == 3
    desk.log_login("nadia", "10.0.0.1", True, "signed in")
    assert desk.failures(start, name="nadia") == 0
    desk.log_login("nadia", "10.0.0.2", False, "wrong password")
    assert desk.failures(start, name="nadia") == 1
    assert [x["ok"] for x in desk.logins()][:2] == [False, True]


def test_drafts_gain_revisions_and_never_lose_one(archive: Archive) -> None:
    desk = archive.desk
    first = article("Draft title", section="dari", language="fa-AF")
    sha = desk.put_blob(b"\x89PNG fake", "image/png")
    desk.new_draft("d-1", "nadia", first, source_name="x.docx", figures=[Figure(sha, ".png", 0)])
    draft = desk.draft("d-1")
    assert draft is not None and (draft.revision, draft.section, draft.title) == (
        1,
        "dari",
        "Draft title",
    )
    edited = article("Better title", section="pashto", language="ps")
    assert desk.add_revision("d-1", "omar", edited, based_on=1, note="title") == 2
    with pytest.raises(ArchiveError, match="meanwhile"):
        desk.add_revision("d-1", "nadia", first, based_on=1)  # a stale form loses nothing
    revisions = desk.revisions("d-1")
    assert [(r.number, r.by, r.record.title) for r in revisions] == [
        (2, "omar", "Better title"),
        (1, "nadia", "Draft title"),
    ]
    assert revisions[0].figures == (Figure(sha, ".png", 0),)  # kept from revision 1
    assert revisions[0].source_name == "x.docx"
    assert desk.draft("d-1").section == "pashto"  # type: ignore[union-attr]
    assert desk.blob(sha) == b"\x89PNG fake"
    # an editor sees her sections' drafts, and those without a section that she started
    desk.new_draft("d-2", "nadia", article("No section yet", section=None))
    desk.new_draft("d-3", "omar", article("Omar's", section=None))
    mine = {d.id for d in desk.drafts(sections=["pashto"], user="nadia")}
    assert mine == {"d-1", "d-2"}
    assert {d.id for d in desk.drafts(sections=[], user="omar")} == {"d-3"}
    assert len(desk.drafts()) == 3
    desk.set_article("d-1", "gj-0123456789abcdef")
    assert desk.draft_of_article("gj-0123456789abcdef").id == "d-1"  # type: ignore[union-attr]


def test_audit_log_pages_newest_first(archive: Archive) -> None:
    desk = archive.desk
    for n in range(5):
        desk.audit("nadia", "save", draft="d-1", detail={"n": n, "word": "سلام"})
    desk.audit("omar", "publish", article="gj-1", draft="d-1")
    log = desk.audit_log(limit=3)
    assert [e.action for e in log] == ["publish", "save", "save"]
    older = desk.audit_log(limit=10, before=log[-1].entry)
    assert [e.detail["n"] for e in older] == [2, 1, 0]
    assert len(desk.audit_log(draft="d-1")) == 6
    assert [e.action for e in desk.audit_log(article="gj-1")] == ["publish"]
    assert older[0].detail["word"] == "سلام"
