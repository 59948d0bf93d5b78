"""Export records as JSONL (the exact record), CSV or Parquet (flat columns), streaming.

Records are read from the store a chunk at a time and written a row group at a time, so
memory stays flat however big the archive (a ``query`` holds only the matching record
numbers). Written to a path, the file appears complete or not at all: it is written
beside the target and renamed into place.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ganjina.errors import ArchiveError
from ganjina.record import Article

if TYPE_CHECKING:
    from ganjina.archive.facade import Archive

FORMATS = ("jsonl", "csv", "parquet")
#: the flat columns of CSV and Parquet, in order
COLUMNS = (
    "id",
    "date",
    "date_text",
    "language",
    "section",
    "title",
    "authors",
    "translators",
    "source_name",
    "source_date",
    "source_url",
    "text",
    "warnings",
    "format",
    "sha256",
)
LIST_COLUMNS = {"authors", "translators", "warnings"}
ROW_GROUP = 1000


def flat(article: Article) -> dict[str, Any]:
    """One record as the flat row of CSV and Parquet (lists stay lists)."""
    source = article.source
    return {
        "id": article.id,
        "date": article.date,
        "date_text": article.date_text,
        "language": article.language,
        "section": article.section.id if article.section else None,
        "title": article.title,
        "authors": list(article.authors),
        "translators": list(article.translators),
        "source_name": source.name if source else None,
        "source_date": source.date if source else None,
        "source_url": source.url if source else None,
        "text": article.body_text(),
        "warnings": list(article.warnings),
        "format": article.provenance.format,
        "sha256": article.provenance.sha256 or None,
    }


def write_jsonl(records: Iterable[Article], out: IO[bytes]) -> int:
    n = 0
    for article in records:
        out.write(article.to_json(indent=None).encode("utf-8") + b"\n")
        n += 1
    return n


def write_csv(records: Iterable[Article], out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    n = 0
    for article in records:
        row = flat(article)
        writer.writerow(["; ".join(row[c]) if c in LIST_COLUMNS else row[c] for c in COLUMNS])
        n += 1
    text.flush()
    text.detach()  # leave ``out`` open for the caller
    return n


def write_parquet(records: Iterable[Article], out: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [(c, pa.list_(pa.string())) if c in LIST_COLUMNS else (c, pa.string()) for c in COLUMNS]
    )
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in _chunks((flat(a) for a in records), ROW_GROUP):
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}


def export(archive: Archive, fmt: str, out: str | Path | IO[bytes], query: str | None) -> int:
    """Write the archive's records (or a query's) to ``out``; returns how many."""
    if fmt not in WRITERS:
        raise ArchiveError(f"unknown export format {fmt!r}: use {', '.join(FORMATS)}")
    write = WRITERS[fmt]
    found = archive.iter_articles(query)
    # the first record is fetched before a byte is written: a bad query fails here, and a
    # CSV header is never left on stdout in front of an error
    first = next(found, None)
    records = chain([first], found) if first is not None else iter(())
    return write_to(out, lambda fh: write(records, fh))


def write_to(out: str | Path | IO[bytes], write: Callable[[IO[bytes]], int]) -> int:
    """Run ``write`` on a binary stream, or on a file at the path ``out`` that appears
    complete or not at all (written beside it, then renamed); returns what it returns."""
    if not isinstance(out, str | Path):
        return write(out)
    target = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as err:
        raise ArchiveError(f"could not write {target}: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            n = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise ArchiveError(f"could not write {target}: {err.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def dumps_jsonl(records: Iterable[Article]) -> str:
    """JSONL as a string (small exports, tests)."""
    buf = io.BytesIO()
    write_jsonl(records, buf)
    return buf.getvalue().decode("utf-8")
