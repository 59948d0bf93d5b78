"""The demo archive: the sample corpus (``samples/*/article.pdf``) read into a folder.

Each sample exists as a PDF, as Markdown and as Word; the archive would keep the three
as one record (they share a content id) but store the other two as extra "versions",
which they are not. So only the PDFs are read: one record per sample.

The folder remembers a fingerprint of what it was built from (the PDFs' names and
contents, and the reader's version) in ``demo.json``; when the samples change, it is
built again. A folder without that file is never deleted: it may be someone's archive.

    >>> build_demo(Path("samples"), Path("ganjina-demo"))  # doctest: +SKIP
    DemoBuild(path=..., records=14, rebuilt=True, seconds=3.1)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ganjina.archive import Archive
from ganjina.errors import ArchiveError
from ganjina.record import PARSER_VERSION

MARKER = "demo.json"
PATTERN = "*/article.pdf"


@dataclass(frozen=True)
class DemoBuild:
    path: Path
    records: int
    rebuilt: bool
    seconds: float


def find_samples(start: Path | None = None) -> Path:
    """``./samples`` if there is one, else the ``samples/`` of the source tree Ganjina
    runs from (an editable install)."""
    candidates = [start] if start else [Path("samples"), Path(__file__).parents[2] / "samples"]
    for candidate in candidates:
        if candidate is not None and any(candidate.glob(PATTERN)):
            return candidate
    where = start or "./samples"
    raise ArchiveError(f"no sample articles ({PATTERN}) in {where}: pass --samples DIR")


def sample_files(samples: Path) -> list[Path]:
    return sorted(samples.glob(PATTERN))


def fingerprint(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256(PARSER_VERSION.encode())
    for path in files:
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _built_from(target: Path) -> str | None:
    try:
        data = json.loads((target / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("samples") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def build_demo(samples: Path, target: Path, *, workers: int | None = None) -> DemoBuild:
    """Make ``target`` the demo archive of ``samples`` unless it already is."""
    started = time.monotonic()
    files = sample_files(samples)
    if not files:
        raise ArchiveError(f"no sample articles ({PATTERN}) in {samples}")
    wanted = fingerprint(files, samples)
    if target.exists():
        have = _built_from(target)
        if have == wanted:
            with Archive.open(target) as archive:
                records = int(archive.stats()["records"])
            return DemoBuild(target, records, False, time.monotonic() - started)
        if have is None and any(target.iterdir()):
            raise ArchiveError(
                f"{target} is not empty and is not a demo archive; choose another --archive"
            )
        shutil.rmtree(target)
    with Archive.open(target, create=True) as archive:
        report = archive.ingest(files, workers=workers)
        if report.failed:
            failure = report.failures[0]
            raise ArchiveError(f"could not read {failure.path}: {failure.message}")
        records = int(archive.stats()["records"])
    (target / MARKER).write_text(
        json.dumps({"samples": wanted, "files": len(files)}) + "\n", encoding="utf-8"
    )
    # a build product: keep it out of version control wherever it is made
    (target / ".gitignore").write_text("*\n", encoding="utf-8")
    return DemoBuild(target, records, True, time.monotonic() - started)
