"""``Archive`` integrity: the store, the originals and the index, with a repair plan.

What users of archive tools expect from ``fsck``: every problem found, each with what to
do about it, and the safe repairs done on request. Scrambled SQLite pages behind an
intact header, a record whose JSON no longer parses, an original whose bytes no longer
hash to its name, an index that is behind, ahead of or a stranger to its store, a 0-byte
store file beside an index that remembers records: each is one :class:`Finding`.

Only the index is ever repaired here (``reindex``): it is derived from the store. The
store of record is never rewritten by a check; its plan says how to recover it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ganjina.archive.store import is_postgres_url, serialize
from ganjina.errors import GanjinaError
from ganjina.record import Article

_CHUNK = 500
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Finding:
    """One problem: ``part`` is store, originals or index; ``repair`` says what to do."""

    part: str
    problem: str
    repair: str
    #: ``reindex`` when ``ganjina check --repair`` can mend it itself
    action: str | None = None


@dataclass
class CheckReport:
    location: str
    records: int = 0
    originals: int = 0
    indexed: int | None = None
    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["healthy"] = self.healthy
        return d


_RESTORE = (
    "restore the archive from a backup; or rebuild it by ingesting the original "
    "files again into a new archive"
)


def check_sqlite_file(root: Path) -> list[Finding]:
    """What can be told of an SQLite store without opening it as an archive."""
    db = root / "archive.sqlite3"
    if not db.exists():
        return [Finding("store", f"no store file at {db}", "pass the right --archive")]
    with open(db, "rb") as fh:
        head = fh.read(len(SQLITE_HEADER))
    if not head:
        remembered = (root / "index" / "meta.json").exists()
        extra = ", but its search index holds records" if remembered else ""
        return [Finding("store", f"{db} is empty (0 bytes){extra}", _RESTORE)]
    if head != SQLITE_HEADER:
        return [Finding("store", f"{db} is not an SQLite database", _RESTORE)]
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
    except sqlite3.DatabaseError as err:
        if getattr(err, "sqlite_errorname", "") != "SQLITE_CORRUPT":
            return [Finding("store", f"the store cannot be read: {err}", _RESTORE)]
        # damage in the schema's own pages (a store with many tables has several): the
        # check cannot start, but it is damage all the same, and .recover still helps
        rows = [(str(err),)]
    problems = [
        line.strip()
        for r in rows
        for line in str(r[0]).splitlines()
        if line.strip() not in ("ok", "*** in database main ***", "")
    ]
    if problems:
        shown = "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
        return [
            Finding(
                "store",
                f"SQLite finds the store damaged ({len(problems)} problems: {shown})",
                "stop writing to it; `sqlite3 archive.sqlite3 .recover | sqlite3 new.sqlite3` "
                "saves what can be read, or " + _RESTORE,
            )
        ]
    return []


def _rows(archive: Any, sql: str, start: Any) -> Iterator[tuple[Any, ...]]:
    """Every row of ``sql`` (keyset-paged on its first column, from after ``start``), in
    chunks, through the store's portable SQL."""
    last = start
    while True:
        rows = archive.store.derived_rows(sql, (last, _CHUNK))
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def check_records(archive: Any, report: CheckReport, tick: Callable[[], None]) -> None:
    """Every current record parses and says what its fingerprint says; its original exists."""
    bad: list[str] = []
    changed: list[str] = []
    missing: list[str] = []
    sql = (
        "SELECT num, id, record, fingerprint, sha256 FROM articles WHERE num > ? "
        "ORDER BY num LIMIT ?"
    )
    for num, id_, record, fp, sha in _rows(archive, sql, -1):
        report.records += 1
        tick()
        try:
            article = Article.from_json(record)
        except (ValueError, TypeError, KeyError, AttributeError):
            bad.append(f"{id_} (#{num})")
            continue
        if serialize(article)[1] != fp:
            changed.append(str(id_))
        if sha and not archive.store.derived_rows("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)):
            missing.append(str(id_))
    if bad:
        report.findings.append(
            Finding(
                "store",
                f"{len(bad)} records no longer parse: {', '.join(bad[:5])}",
                "re-ingest their files (`ganjina errors` and the originals say which), or "
                + _RESTORE,
            )
        )
    if changed:
        report.findings.append(
            Finding(
                "store",
                f"{len(changed)} records differ from their fingerprint (changed outside "
                f"Ganjina?): {', '.join(changed[:5])}",
                "re-ingest their files, or restore them from a backup",
            )
        )
    if missing:
        report.findings.append(
            Finding(
                "originals",
                f"{len(missing)} records have lost their original: {', '.join(missing[:5])}",
                "ingest their files again (the original is stored with them)",
            )
        )


def check_originals(archive: Any, report: CheckReport, tick: Callable[[], None]) -> None:
    """Every stored original still hashes to its name."""
    bad: list[str] = []
    sql = "SELECT sha256, data FROM blobs WHERE sha256 > ? ORDER BY sha256 LIMIT ?"
    for sha, data in _rows(archive, sql, ""):
        report.originals += 1
        tick()
        if hashlib.sha256(bytes(data)).hexdigest() != sha:
            bad.append(sha[:12])
    if bad:
        report.findings.append(
            Finding(
                "originals",
                f"{len(bad)} originals are damaged (their bytes no longer match): "
                f"{', '.join(bad[:5])}",
                "ingest those files again, or restore the archive from a backup",
            )
        )


def check_index(archive: Any, report: CheckReport) -> None:
    """The index is built, caught up and holds one document per record."""
    index = archive.index
    index.reload_state()
    try:
        seq = archive.store.max_seq()
    except GanjinaError:
        return  # the store is unreadable: found already, and an index cannot mend that
    reindex = "run `ganjina reindex` (or `ganjina check --repair`)"
    if not index.usable:
        report.findings.append(
            Finding("index", "the search index is missing or not built", reindex, "reindex")
        )
        return
    try:
        report.indexed = index.num_docs()
    except GanjinaError as err:
        report.findings.append(
            Finding("index", f"the index cannot be read: {err}", reindex, "reindex")
        )
        return
    if index.seq > seq:
        report.findings.append(
            Finding(
                "index",
                f"the index is ahead of its store (seq {index.seq} > {seq}): the store was "
                "replaced by an older copy?",
                reindex,
                "reindex",
            )
        )
    elif index.seq < seq:
        report.findings.append(
            Finding(
                "index",
                f"the index is {seq - index.seq} changes behind the store",
                "any search catches it up; or " + reindex,
                "reindex",
            )
        )
    elif report.indexed != report.records and not any(f.part == "store" for f in report.findings):
        report.findings.append(
            Finding(
                "index",
                f"the index holds {report.indexed} documents for {report.records} records",
                reindex,
                "reindex",
            )
        )


def check_archive(archive: Any, tick: Callable[[], None] = lambda: None) -> CheckReport:
    """Check an open archive; see :func:`check_location` for one that may not open."""
    report = CheckReport(archive.location)
    if not is_postgres_url(archive.location) and hasattr(archive.store, "root"):
        report.findings.extend(check_sqlite_file(archive.store.root))
    try:
        check_records(archive, report, tick)
        check_originals(archive, report, tick)
    except GanjinaError as err:
        report.findings.append(Finding("store", f"reading the store failed: {err}", _RESTORE))
    check_index(archive, report)
    return report


def check_location(target: str) -> CheckReport:
    """A report for an archive that cannot be opened at all (its first finding says why)."""
    report = CheckReport(target)
    if not is_postgres_url(target):
        report.findings.extend(check_sqlite_file(Path(target)))
    return report


def repair(archive: Any, report: CheckReport) -> None:
    """Do the repairs a check may do by itself (rebuilding the index), when the store is
    sound; note them in ``report``."""
    if any(f.part != "index" for f in report.findings):
        return  # an index rebuilt from a damaged store would only copy the damage
    if any(f.action == "reindex" for f in report.findings):
        count = archive.reindex()
        report.repaired.append(f"rebuilt the search index ({count} records)")
        report.findings = [f for f in report.findings if f.action != "reindex"]


def summary(report: CheckReport) -> str:
    """The report for a terminal: one line per finding and its repair."""
    lines = [
        f"{report.location}: {report.records} records, {report.originals} originals, "
        f"{report.indexed if report.indexed is not None else '?'} indexed"
    ]
    lines += [f"repaired: {r}" for r in report.repaired]
    for f in report.findings:
        lines.append(f"problem ({f.part}): {f.problem}")
        lines.append(f"  repair: {f.repair}")
    lines.append("healthy" if report.healthy else f"{len(report.findings)} problems found")
    return "\n".join(lines)


def to_json(report: CheckReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
