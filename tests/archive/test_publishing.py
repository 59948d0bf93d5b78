"""Publish, correct, withdraw and restore through the Archive API, on both backends:
every version is kept, a withdrawn record leaves every public read but not the store."""

from __future__ import annotations

import pytest

from ganjina.archive import Archive
from ganjina.archive.desk import AuditNote
from ganjina.errors import ArchiveError

from .helpers import article

HTML = ("piece.html", b"<!doctype html><p>piece</p>", "text/html; charset=utf-8")


def test_publish_keeps_the_pdf_and_the_files_beside_it(archive: Archive) -> None:
    a = article("Snow closes the Salang pass", "Drivers waited for two days.")
    note = AuditNote("nadia", "publish", draft="d-1")
    article_id = archive.publish(a, b"%PDF-1.7 first", "salang.pdf", files=[HTML], audit=note)
    assert article_id == a.id
    assert archive.original(a.id).data == b"%PDF-1.7 first"  # type: ignore[union-attr]
    files = archive.published_files(a.id)
    assert list(files) == ["piece.html"] and files["piece.html"].data == HTML[1]
    # searchable at once, and on its section's list
    assert [h.id for h in archive.search("salang").hits] == [a.id]
    assert [x.id for x in archive.articles(section="european-languages").articles] == [a.id]
    entry = archive.desk.audit_log(article=a.id)[0]
    assert (entry.actor, entry.action, entry.draft) == ("nadia", "publish", "d-1")
    assert entry.detail == {"status": "new", "version": 1}


def test_a_correction_is_a_new_version_and_the_old_one_stays(archive: Archive) -> None:
    first = article("Snow closes the Salang pass", "Drivers waited for two days.")
    archive.publish(first, b"%PDF-1.7 one", "salang.pdf", files=[HTML])
    fixed = article("Snow closes the Salang pass again", "Drivers waited for three days.")
    assert fixed.id != first.id
    new_html = ("piece.html", b"<p>fixed</p>", "text/html")
    assert (
        archive.publish(fixed, b"%PDF-1.7 two", "salang.pdf", files=[new_html], replaces=first.id)
        == first.id
    )
    versions = archive.versions(first.id)
    assert [(v.number, v.current) for v in versions] == [(2, True), (1, False)]
    assert archive.get(first.id).title == "Snow closes the Salang pass again"  # type: ignore[union-attr]
    assert archive.get(first.id, version=1).title == "Snow closes the Salang pass"  # type: ignore[union-attr]
    assert archive.original(first.id, version=1).data == b"%PDF-1.7 one"  # type: ignore[union-attr]
    assert archive.published_files(first.id)["piece.html"].data == b"<p>fixed</p>"
    assert archive.published_files(first.id, version=1)["piece.html"].data == HTML[1]
    assert [h.id for h in archive.search("three").hits] == [first.id]
    assert archive.search("two").total == 0  # the index holds the current version only
    assert archive.stats()["records"] == 1


def test_withdrawn_leaves_the_site_but_not_the_store(archive: Archive) -> None:
    keep = article("Bread prices fall in Herat", "Wheat arrived.")
    gone = article("A rumour about the dam", "It was not true.")
    for a in (keep, gone):
        archive.publish(a, b"%PDF-1.7 " + a.id.encode(), f"{a.id}.pdf")
    before = archive.changes_since(0)[-1].seq
    assert archive.withdraw(gone.id, "the story was wrong", audit=AuditNote("admin", "withdraw"))
    assert not archive.withdraw(gone.id)  # already withdrawn: nothing changes
    # off every public read
    assert archive.get(gone.id) is None
    assert archive.original(gone.id) is None and archive.versions(gone.id) == []
    assert archive.search("rumour").total == 0
    assert [a.id for a in archive.articles().articles] == [keep.id]
    assert [a.id for a in archive.iter_articles()] == [keep.id]
    stats = archive.stats()
    assert stats["records"] == 1 and stats["withdrawn"] == 1
    # kept in the store, with why and when
    assert archive.get(gone.id, withdrawn=True).title == gone.title  # type: ignore[union-attr]
    assert archive.original(gone.id, withdrawn=True) is not None
    withdrawal = archive.withdrawal(gone.id)
    assert withdrawal is not None and withdrawal.note == "the story was wrong"
    # harvesters see a change: the record is now deleted
    change = archive.changes_since(before)
    assert [(c.id, c.withdrawn) for c in change] == [(gone.id, True)]
    assert archive.desk.audit_log(article=gone.id)[0].action == "withdraw"
    # a withdrawn article is not corrected behind the readers' backs
    with pytest.raises(ArchiveError, match="withdrawn"):
        archive.publish(
            article("A rumour about the dam", "Fixed."), b"%PDF x", "x.pdf", replaces=gone.id
        )
    # and back
    assert archive.restore(gone.id)
    assert archive.get(gone.id) is not None and archive.withdrawal(gone.id) is None
    assert [h.id for h in archive.search("rumour").hits] == [gone.id]
    assert archive.changes_since(before)[-1].withdrawn is False


def test_withdrawn_stays_out_of_a_rebuilt_index(archive: Archive) -> None:
    a = article("Kabul river runs dry", "A hot summer.")
    b = article("Kabul river floods", "A wet spring.")
    archive.publish(a, b"%PDF a", "a.pdf")
    archive.publish(b, b"%PDF b", "b.pdf")
    archive.withdraw(a.id)
    assert archive.reindex() == 1
    assert [h.id for h in archive.search("kabul").hits] == [b.id]
    assert archive.stats()["index"]["behind"] == 0


def test_withdrawing_an_unknown_record_is_an_error(archive: Archive) -> None:
    with pytest.raises(ArchiveError, match="no article"):
        archive.withdraw("gj-0000000000000000")
