"""The Tantivy search index: derived from the store, rebuildable, caught up after a crash.

Documents carry search keys from the text layer (``tokenize_key``), never raw text: the
text fields are split on spaces by a whitespace analyzer, so index and query are tokenized
by the same Python function. Each document points at its record by ``num`` (the store's
stable internal number); snippets are cut from the stored text in ``snippets.py``.

Beside the Tantivy files, ``ganjina-index.json`` keeps the store's change counter (``seq``)
the index has reached, the store it was built from and the index schema version. It is
written (atomically) after each Tantivy commit, so after a crash the index may be behind
the store but never ahead: re-applying changes is harmless (a document is replaced by
``num``), and :meth:`SearchIndex.catch_up` replays whatever the store changed since.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from ganjina.archive.stems import forms_of
from ganjina.archive.termmap import TermMap
from ganjina.archive.terms import keyed, terms
from ganjina.errors import ArchiveError, IndexWriteFailed
from ganjina.links.outlets import index_fields as outlet_fields
from ganjina.record import Article
from ganjina.text import loose_pashto_key

#: bump when the documents or the schema change: an older index is rebuilt (2: the
#: ``forms`` field of word forms)
SCHEMA_VERSION = 2
STATE_NAME = "ganjina-index.json"
ANALYZER = "ganjina_keys"
#: searchable text fields (all carry search-key terms separated by spaces)
TEXT_FIELDS = ("title", "body", "loose", "forms", "author", "translator", "section", "source")
#: facet name -> fast field
FACET_FIELDS = {
    "section": "f_section",
    "language": "f_lang",
    "year": "year",
    "source": "f_source",
    "author": "f_author",
}
LANGUAGE_ALIASES = {
    "fa-af": ("dari", "prs"),
    "fa": ("persian", "farsi"),
    "ps": ("pashto",),
    "en": ("english",),
    "de": ("german", "deutsch"),
}


def _schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    # i64, not u64: tantivy-py turns a Python int into an i64 term, so deleting by a u64
    # term silently matches nothing
    sb.add_integer_field("num", stored=False, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        sb.add_text_field(name, stored=False, tokenizer_name=ANALYZER)
    sb.add_text_field("lang", stored=False, tokenizer_name="raw")
    sb.add_integer_field("date", stored=False, indexed=True, fast=True)
    sb.add_integer_field("year", stored=False, indexed=True, fast=True)
    for name in ("f_section", "f_lang", "f_source", "f_author"):
        sb.add_text_field(name, stored=False, fast=True, tokenizer_name="raw")
    return sb.build()


SCHEMA = _schema()


def _analyzer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
        .filter(tantivy.Filter.remove_long(100))
        .build()
    )


def language_terms(tag: str | None) -> list[str]:
    """What ``lang:`` matches for a tag: ``fa-AF`` -> fa-af, fa, dari, prs."""
    if not tag:
        return []
    tag = tag.lower().replace("_", "-")
    out = [tag, *LANGUAGE_ALIASES.get(tag, ())]
    base = tag.split("-")[0]
    if base != tag:
        out += [base, *LANGUAGE_ALIASES.get(base, ())]
    return list(dict.fromkeys(out))


def date_number(iso: str | None) -> int | None:
    """``2024-07-13`` -> 20240713 (what the ``date`` field holds)."""
    if iso and len(iso) >= 10 and iso[:4].isdigit():
        try:
            return int(iso[:4]) * 10000 + int(iso[5:7]) * 100 + int(iso[8:10])
        except ValueError:
            return None
    return None


@dataclass(frozen=True)
class Prepared:
    """An index document's content, computed from an Article (picklable, so ingest workers
    can do the costly keying and the writer only hands it to Tantivy)."""

    num: int
    fields: tuple[tuple[str, str], ...]
    date: int | None


#: the loose Pashto key of each term (the ``loose`` field of Pashto records)
_LOOSE = TermMap(loose_pashto_key)


def prepare(article: Article, num: int = 0) -> Prepared:
    """The index document of a record (``num`` can be set later with ``replace``)."""
    body = "\n".join(b.text for b in article.blocks)
    section = article.section
    source = article.source
    texts = (keyed(article.title), keyed(body))
    fields: list[tuple[str, str]] = [("title", texts[0].terms), ("body", texts[1].terms)]
    # word forms of title and body, one stem per term (stems.py)
    fields.append(("forms", forms_of(texts, article.language)))
    if (article.language or "").lower().startswith("ps"):
        fields.append(("loose", _LOOSE.of(*texts)))
    fields += [("author", terms(a)) for a in article.authors]
    fields += [("translator", terms(t)) for t in article.translators]
    if section:
        fields.append(("section", terms(" ".join([section.id, *section.labels]))))
        fields.append(("f_section", section.id))
    if source and (source.name or source.url):
        # outlets (ganjina/links/outlets.toml): source: finds every spelling of the outlet,
        # and the facet counts it once, under its name
        source_text, outlet_name = outlet_fields(source)
        fields.append(("source", terms(source_text)))
        if outlet_name:
            fields.append(("f_source", outlet_name))
    fields += [("lang", t) for t in language_terms(article.language)]
    if article.language:
        fields.append(("f_lang", article.language))
    fields += [("f_author", a) for a in article.authors if a]
    return Prepared(num, tuple(f for f in fields if f[1]), date_number(article.date))


def _document(p: Prepared) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_integer("num", p.num)
    for name, value in p.fields:
        doc.add_text(name, value)
    if p.date is not None:
        doc.add_integer("date", p.date)
        doc.add_integer("year", p.date // 10000)
    return doc


class SearchIndex:
    """One Tantivy index folder plus its state file.

    Opening never changes anything on disk; only the archive's one writer calls the
    methods that do (:meth:`reset`, :meth:`apply`, :meth:`commit`).
    """

    def __init__(self, path: Path, store_uuid: str, *, memory_mb: int = 256) -> None:
        self.path = path
        self.store_uuid = store_uuid
        self.memory_mb = memory_mb
        self._lock = threading.RLock()
        self._writer: tantivy.IndexWriter | None = None
        self._pending = 0
        self._index: tantivy.Index | None = None
        state = self._read_state()
        valid = (
            state.get("schema") == SCHEMA_VERSION
            and state.get("store") == self.store_uuid
            and isinstance(state.get("seq"), int)
        )
        #: the store change counter this index has reached; -1 means it must be rebuilt
        self.seq: int = int(state["seq"]) if valid else -1
        #: which build of the index folder this is (a rebuild makes a new one)
        self.build: str | None = state.get("build") if valid else None

    @property
    def usable(self) -> bool:
        """True when the index holds a complete build (maybe behind the store)."""
        return self.seq >= 0

    def reload_state(self) -> None:
        """Re-read the state file: another process may have moved the index on."""
        state = self._read_state()
        if (
            state.get("schema") == SCHEMA_VERSION
            and state.get("store") == self.store_uuid
            and isinstance(state.get("seq"), int)
        ):
            if self._writer is None:  # our own writer knows better than the file
                self.seq = int(state["seq"])
                if state.get("build") != self.build:  # rebuilt by another process: reopen
                    self.build = state.get("build")
                    self._index = None
        elif self._writer is None:
            self.seq = -1
            self._index = None

    def _get_index(self) -> tantivy.Index:
        if self._index is None:
            if not self.usable:
                raise ArchiveError(
                    f"the search index at {self.path} is not built yet (run `ganjina reindex`)"
                )
            try:
                index = tantivy.Index.open(str(self.path))
            except (OSError, ValueError) as err:
                raise ArchiveError(
                    f"cannot open the search index at {self.path} ({err}); run `ganjina reindex`"
                ) from None
            index.register_tokenizer(ANALYZER, _analyzer())
            self._index = index
        return self._index

    def reset(self) -> None:
        """Start an empty index (writer only): the old one is deleted."""
        with self._lock:
            self.close()
            self._index = None
            try:
                if self.path.exists():
                    shutil.rmtree(self.path)
                self.path.mkdir(parents=True)
                index = tantivy.Index(SCHEMA, path=str(self.path), reuse=False)
            except (OSError, ValueError) as err:
                raise ArchiveError(f"cannot make the search index at {self.path}: {err}") from None
            index.register_tokenizer(ANALYZER, _analyzer())
            self._index = index
            self.build = uuid.uuid4().hex
            self._write_state(0)

    def _read_state(self) -> dict[str, Any]:
        try:
            state = json.loads((self.path / STATE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return state if isinstance(state, dict) else {}

    def _write_state(self, seq: int) -> None:
        state = {
            "schema": SCHEMA_VERSION,
            "store": self.store_uuid,
            "seq": seq,
            "build": self.build,
        }
        tmp = self.path / (STATE_NAME + ".tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(state, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path / STATE_NAME)
        except OSError as err:
            raise IndexWriteFailed(f"could not save the search index state: {err}") from None
        self.seq = seq

    # -- writing --------------------------------------------------------------------------
    def _get_writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            try:
                self._writer = self._get_index().writer(
                    heap_size=self.memory_mb * 1_000_000, num_threads=1
                )
            except ValueError as err:
                raise ArchiveError(f"the search index at {self.path} is busy: {err}") from None
        return self._writer

    def apply(self, docs: Iterable[Prepared]) -> int:
        """Add or replace documents (not yet visible: call :meth:`commit`)."""
        with self._lock:
            writer = self._get_writer()
            n = 0
            try:
                for p in docs:
                    writer.delete_documents_by_term("num", p.num)
                    writer.add_document(_document(p))
                    n += 1
            except (OSError, ValueError, RuntimeError) as err:
                # Tantivy kills its writer when a background thread fails (disk full)
                self._drop_writer()
                raise IndexWriteFailed(f"could not write the search index: {err}") from None
            self._pending += n
            return n

    def remove(self, nums: Iterable[int]) -> None:
        """Drop the documents of these records (at the next :meth:`commit`)."""
        with self._lock:
            writer = self._get_writer()
            for num in nums:
                writer.delete_documents_by_term("num", num)
                self._pending += 1

    def commit(self, seq: int) -> None:
        """Make every applied document visible and remember the store ``seq`` reached."""
        with self._lock:
            if self._writer is not None and self._pending:
                try:
                    self._writer.commit()
                except (OSError, ValueError, RuntimeError) as err:
                    # a failed commit (disk full) consumes Tantivy's writer: every later
                    # call on it raises, so it is dropped; the index stays at its last
                    # commit and the next writer catches it up from the store
                    self._drop_writer()
                    raise IndexWriteFailed(f"could not save the search index: {err}") from None
                self._pending = 0
                self._get_index().reload()
            if seq != self.seq:
                self._write_state(seq)

    def clear(self) -> None:
        """Drop every document (at the next commit)."""
        with self._lock:
            self._get_writer().delete_all_documents()
            self._pending += 1

    def _drop_writer(self) -> None:
        writer, self._writer, self._pending = self._writer, None, 0
        if writer is not None:
            with contextlib.suppress(OSError, ValueError, RuntimeError):
                writer.rollback()
        self._index = None  # reopened from what is on disk

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                try:
                    if self._pending:
                        self._writer.rollback()
                    self._writer.wait_merging_threads()
                except (OSError, ValueError, RuntimeError):
                    pass  # a writer broken by a failed commit: nothing left to save
                self._writer = None
                self._pending = 0

    # -- reading --------------------------------------------------------------------------
    def searcher(self) -> tantivy.Searcher:
        return self._get_index().searcher()

    def search(
        self,
        query: tantivy.Query,
        limit: int,
        offset: int,
        by_date: str | None,
        *,
        searcher: tantivy.Searcher | None = None,
    ) -> tuple[int, list[tuple[int, float]]]:
        """(total, [(num, score)]) for one page; ``by_date`` "desc"/"asc" sorts by date."""
        total, found = self.search_addresses(query, limit, offset, by_date, searcher=searcher)
        return total, [(num, score) for num, score, _addr in found]

    def search_addresses(
        self,
        query: tantivy.Query,
        limit: int,
        offset: int,
        by_date: str | None,
        *,
        searcher: tantivy.Searcher | None = None,
    ) -> tuple[int, list[tuple[int, float, tantivy.DocAddress]]]:
        """As :meth:`search`, with each hit's address in ``searcher`` (for explaining)."""
        searcher = searcher or self.searcher()
        if by_date:
            order = tantivy.Order.Desc if by_date == "desc" else tantivy.Order.Asc
            result = searcher.search(
                query, limit, count=True, order_by_field="date", offset=offset, order=order
            )
        else:
            result = searcher.search(query, limit, count=True, offset=offset)
        addresses = [addr for _score, addr in result.hits]
        nums = searcher.fast_field_values("num", addresses) if addresses else []
        scores = [float(score) if not by_date else 0.0 for score, _ in result.hits]
        count: int = getattr(result, "count", 0) or 0  # missing from tantivy's type stubs
        found = [
            (int(n), s, a) for n, s, a in zip(nums, scores, addresses, strict=True) if n is not None
        ]
        return count, found

    def generation(self) -> tuple[str | None, int]:
        """What identifies the index's current content for caches: build and size."""
        return self.build, self.num_docs()

    def doc_freq(self, field: str, term: str, searcher: tantivy.Searcher | None = None) -> int:
        """How many records hold ``term`` in ``field``."""
        return int((searcher or self.searcher()).doc_freq(field, term))

    def facets(self, query: tantivy.Query, size: int = 10) -> dict[str, list[tuple[str, int]]]:
        """Counts of the matching records by section, language, year, source and author."""
        aggs = {
            name: {"terms": {"field": field, "size": size}} for name, field in FACET_FIELDS.items()
        }
        raw = self.searcher().aggregate(query, aggs)
        out: dict[str, list[tuple[str, int]]] = {}
        for name in FACET_FIELDS:
            buckets = raw.get(name, {}).get("buckets", [])
            out[name] = [(_bucket_key(b["key"]), int(b["doc_count"])) for b in buckets]
        return out

    def num_docs(self) -> int:
        return int(self.searcher().num_docs)


def _bucket_key(key: Any) -> str:
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)
