"""What a cluster ingest reads: local paths, or fsspec URLs, listed on the client.

* A local path (or folder) is walked exactly as the local ingest walks it, and keyed the
  same way (its absolute path), so a local and a cluster ingest of one archive agree on
  what they have read. Workers open it by that absolute path: it must be on a file system
  they share (NFS, a mounted bucket...), unless it is small enough to be **shipped**: the
  client then reads it and sends its bytes along with the task.
* A URL (``file://``, ``s3://``, ``gcs://``, ``abfs://`` ... with the matching fsspec
  package installed) is listed with fsspec on the client and opened with fsspec on the
  workers, which need the same package and credentials. It is keyed by its URL (a
  ``file://`` URL by its local path, as above).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from ganjina.archive.ingest import _key, walk

#: by default, local files up to this size travel with their task
SHIP_MAX_BYTES = 1 << 20


@dataclass(frozen=True)
class Listed:
    """One file to read, as the client listed it."""

    key: str  #: the files-table key: absolute local path, or the URL
    name: str  #: how the user named it (what the reader is given, as in a local ingest)
    target: str  #: what a worker opens: the absolute path, or the URL
    size: int  #: -1 when the client could not see it
    mtime_ns: int  #: 0 when the file system does not say
    remote: bool  #: opened with fsspec, not ``open``


def is_url(text: str) -> bool:
    head, sep, _ = text.partition("://")
    return bool(sep) and head.isascii() and head.replace("+", "").replace("-", "").isalnum()


def list_inputs(paths: Sequence[str], suffixes: frozenset[str]) -> list[Listed]:
    """Every file under ``paths`` to read, in a stable order."""
    out: list[Listed] = []
    local: list[str] = []

    def flush() -> None:
        out.extend(_local(local, suffixes))
        local.clear()

    for given in paths:
        if is_url(given):
            flush()
            out.extend(_remote(given, suffixes))
        else:
            local.append(given)
    flush()
    return out


def _local(paths: Iterable[str], suffixes: frozenset[str]) -> Iterator[Listed]:
    for p in walk(paths, suffixes):
        name = str(p)
        key = _key(name)
        try:
            st = os.stat(key)
            size, mtime = st.st_size, st.st_mtime_ns
        except OSError:
            size, mtime = -1, 0  # named but missing: the worker says why it cannot open it
        yield Listed(key, name, key, size, mtime, remote=False)


def _remote(url: str, suffixes: frozenset[str]) -> Iterator[Listed]:
    import fsspec

    from ganjina.errors import ArchiveError

    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as err:
        raise ArchiveError(f"cannot read {url}: {err}") from None
    local = "file" in _protocols(fs)
    try:
        if fs.isdir(root):
            found: Mapping[str, Any] = fs.find(root, detail=True)
            entries = sorted(
                (path, info)
                for path, info in found.items()
                if _wanted(path, root, suffixes) and info.get("type") != "directory"
            )
        else:
            entries = [(root, fs.info(root))]
    except FileNotFoundError:
        entries = [(root, {"size": -1})]
    except OSError as err:
        raise ArchiveError(f"cannot list {url}: {err}") from None
    for path, info in entries:
        full = path if local else fs.unstrip_protocol(path)
        yield Listed(
            os.path.abspath(path) if local else full,
            full,
            fs.unstrip_protocol(path),
            int(info.get("size") if info.get("size") is not None else -1),
            _mtime_ns(info),
            remote=True,
        )


def _protocols(fs: Any) -> set[str]:
    proto = fs.protocol
    return {proto} if isinstance(proto, str) else set(proto)


def _wanted(path: str, root: str, suffixes: frozenset[str]) -> bool:
    """Hidden entries and unsupported suffixes are skipped, as in a local walk."""
    rel = PurePosixPath(path).relative_to(root) if path.startswith(root) else PurePosixPath(path)
    if any(part.startswith(".") for part in rel.parts) or rel.name.startswith("~$"):
        return False
    return rel.suffix.lower() in suffixes


def _mtime_ns(info: Mapping[str, Any]) -> int:
    """The modification time fsspec reports, under whichever name this file system uses."""
    for name in ("mtime", "LastModified", "last_modified", "updated", "modified", "created"):
        value = info.get(name)
        if isinstance(value, int | float):
            return int(value * 1_000_000_000)
        if isinstance(value, datetime):
            return int(value.timestamp() * 1_000_000_000)
        if isinstance(value, str):
            try:
                stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return int(stamp.timestamp() * 1_000_000_000)
    return 0


def read_bytes(item: Listed) -> bytes:
    """The file's bytes, read where this runs (client or worker); raises OSError."""
    if not item.remote:
        with open(item.target, "rb") as fh:
            return fh.read()
    import fsspec

    try:
        with fsspec.open(item.target, "rb") as fh:
            data: bytes = fh.read()
            return data
    except (ImportError, ValueError) as err:  # a protocol this worker lacks
        raise OSError(0, str(err)) from None
