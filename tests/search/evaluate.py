"""Relevance against the judged queries: Ganjina beside two bare baselines, one run.

    python -m tests.search.evaluate            # the table
    python -m tests.search.evaluate --json out.json --per-query

The judged corpus (``corpus.py``: the samples and the synthetic records) is stored three
ways in one process, and every query of ``judged.jsonl`` is asked of each:

* **Ganjina**: ``Archive.add_many`` into SQLite + Tantivy, then ``Archive.search`` as the
  web page asks it (``correct=True``: a query finding nothing shows its did-you-mean);
* **bare Tantivy**: title and body as raw text, Tantivy's default tokenizer;
* **SQLite FTS5**: ``unicode61 remove_diacritics 2``, ranked by ``bm25``.

The baselines get the same query, read by our parser: its words (all required), its
phrases, and its date range and section as filters of their own, so they are measured
on text matching alone. Metrics, per language and per kind of query and overall:
nDCG@10 (gain 2^grade − 1), recall@20 of the records graded 1 or 2 (out of at most 20,
since a page of 20 cannot hold more), and MRR (the first relevant record in the top 20).
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tantivy

from ganjina.archive import Archive
from ganjina.archive.query import And, DateRange, Node, Not, Or, Phrase, Term, parse
from ganjina.record import Article

from .corpus import corpus
from .judge import JUDGED

K_NDCG = 10
K_RECALL = 20
SYSTEMS = ("ganjina", "tantivy", "fts5")

Search = Callable[[str], list[str]]


# -- the query as the baselines get it ----------------------------------------------------
def plain_parts(query: str) -> tuple[list[str], list[str], tuple[str, str] | None, str | None]:
    """Words, phrases, date range (ISO) and section of a judged query."""
    words: list[str] = []
    phrases: list[str] = []
    dates: tuple[str, str] | None = None
    section: str | None = None

    def walk(n: Node) -> None:
        nonlocal dates, section
        if isinstance(n, And | Or):
            for item in n.items:
                walk(item)
        elif isinstance(n, Not):
            return
        elif isinstance(n, DateRange):
            first = n.first.isoformat() if n.first else "0000-01-01"
            last = n.last.isoformat() if n.last else "9999-12-31"
            dates = (first, last)
        elif isinstance(n, Term | Phrase) and n.field == "section":
            section = n.text
        elif isinstance(n, Phrase):
            phrases.append(n.text)
        elif isinstance(n, Term):
            words.append(n.text)

    walk(parse(query))
    return words, phrases, dates, section


def _day(iso: str | None) -> int | None:
    return int(iso.replace("-", "")) if iso else None


# -- the three systems ------------------------------------------------------------------
def ganjina(articles: list[Article], root: Path) -> tuple[Search, Archive]:
    archive = Archive.open(root / "ganjina", create=True)
    archive.add_many(articles)

    def search(query: str) -> list[str]:
        result = archive.search(query, limit=K_RECALL, correct=True)
        return [h.id for h in result.hits]

    return search, archive


def bare_tantivy(articles: list[Article]) -> Search:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title")
    sb.add_text_field("body")
    sb.add_text_field("section", tokenizer_name="raw")
    sb.add_integer_field("date", indexed=True, fast=True)
    schema = sb.build()
    index = tantivy.Index(schema)
    writer = index.writer(heap_size=50_000_000, num_threads=1)
    for a in articles:
        doc = tantivy.Document()
        doc.add_text("id", a.id or "")
        doc.add_text("title", a.title or "")
        doc.add_text("body", a.body_text())
        doc.add_text("section", a.section.id if a.section else "")
        if a.date:
            doc.add_integer("date", _day(a.date))
        writer.add_document(doc)
    writer.commit()
    index.reload()
    # the default tokenizer, to cut query words the way the text was cut
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .build()
    )

    def text_query(text: str) -> tantivy.Query | None:
        toks = analyzer.analyze(text)
        if not toks:
            return None
        per_field = []
        for name in ("title", "body"):
            if len(toks) == 1:
                per_field.append(tantivy.Query.term_query(schema, name, toks[0]))
            else:
                per_field.append(tantivy.Query.phrase_query(schema, name, list(toks)))
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in per_field])

    def search(query: str) -> list[str]:
        words, phrases, dates, section = plain_parts(query)
        must = [q for q in map(text_query, [*words, *phrases]) if q is not None]
        if dates:
            lo, hi = _day(dates[0]), _day(dates[1])
            must.append(
                tantivy.Query.range_query(schema, "date", tantivy.FieldType.Integer, lo, hi)
            )
        if section:
            must.append(tantivy.Query.term_query(schema, "section", section))
        if not must:
            return []
        q = tantivy.Query.boolean_query([(tantivy.Occur.Must, m) for m in must])
        searcher = index.searcher()
        hits = searcher.search(q, K_RECALL).hits
        return [searcher.doc(addr)["id"][0] for _score, addr in hits]

    return search


def bare_fts5(articles: list[Article]) -> Search:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.execute("CREATE TABLE meta (rowid INTEGER PRIMARY KEY, id TEXT, date TEXT, section TEXT)")
    for i, a in enumerate(articles, start=1):
        conn.execute(
            "INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)", (i, a.title, a.body_text())
        )
        section = a.section.id if a.section else None
        conn.execute("INSERT INTO meta VALUES (?, ?, ?, ?)", (i, a.id, a.date, section))

    def search(query: str) -> list[str]:
        words, phrases, dates, section = plain_parts(query)
        terms = ['"' + t.replace('"', " ") + '"' for t in [*words, *phrases] if t.strip()]
        if not terms:
            return []
        sql = "SELECT meta.id FROM fts JOIN meta ON meta.rowid = fts.rowid WHERE fts MATCH ?"
        params: list[Any] = [" AND ".join(terms)]
        if dates:
            sql += " AND meta.date BETWEEN ? AND ?"
            params += list(dates)
        if section:
            sql += " AND meta.section = ?"
            params.append(section)
        try:
            rows = conn.execute(sql + " ORDER BY bm25(fts) LIMIT ?", [*params, K_RECALL])
            return [r[0] for r in rows.fetchall()]
        except sqlite3.OperationalError:  # a query FTS5 cannot read finds nothing
            return []

    return search


# -- metrics ------------------------------------------------------------------------------
def ndcg(found: list[str], relevant: dict[str, int], k: int = K_NDCG) -> float:
    gains = [2 ** relevant.get(d, 0) - 1 for d in found[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((2**g - 1 for g in relevant.values()), reverse=True)[:k]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / best if best else 0.0


def recall(found: list[str], relevant: dict[str, int], k: int = K_RECALL) -> float:
    hit = sum(1 for d in found[:k] if relevant.get(d, 0) > 0)
    return hit / min(k, len(relevant)) if relevant else 0.0


def reciprocal_rank(found: list[str], relevant: dict[str, int]) -> float:
    for i, d in enumerate(found[:K_RECALL]):
        if relevant.get(d, 0) > 0:
            return 1 / (i + 1)
    return 0.0


def load_judged(path: Path = JUDGED) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def evaluate(workdir: Path | None = None) -> dict[str, Any]:
    """Every judged query asked of the three systems; metrics per query and grouped."""
    articles = [d.article for d in corpus()]
    judged = load_judged()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        ours, archive = ganjina(articles, Path(tmp))
        try:
            systems = {
                "ganjina": ours,
                "tantivy": bare_tantivy(articles),
                "fts5": bare_fts5(articles),
            }
            per_query = []
            for j in judged:
                row: dict[str, Any] = {k: j[k] for k in ("id", "query", "language", "kind")}
                for name, search in systems.items():
                    found = search(j["query"])
                    row[name] = {
                        "ndcg": ndcg(found, j["relevant"]),
                        "recall": recall(found, j["relevant"]),
                        "mrr": reciprocal_rank(found, j["relevant"]),
                    }
                per_query.append(row)
        finally:
            archive.close()
    return {"queries": per_query, "groups": group(per_query), "records": len(articles)}


def group(rows: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, float]]]:
    """Mean metrics per system for ``all``, each ``language``, each ``kind``."""
    buckets: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        buckets["all"].append(row)
        buckets[f"language {row['language']}"].append(row)
        buckets[f"kind {row['kind']}"].append(row)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for name, members in buckets.items():
        out[name] = {
            system: {
                metric: sum(m[system][metric] for m in members) / len(members)
                for metric in ("ndcg", "recall", "mrr")
            }
            | {"n": float(len(members))}
            for system in SYSTEMS
        }
    return out


def table(groups: dict[str, dict[str, dict[str, float]]]) -> str:
    head = f"{'':28}{'n':>4}" + "".join(f"{s + ' nDCG@10/R@20/MRR':>28}" for s in SYSTEMS)
    lines = [head]
    languages = sorted(k for k in groups if k.startswith("language"))
    kinds = sorted(k for k in groups if k.startswith("kind"))
    order = ["all", *languages, *kinds]
    for name in order:
        g = groups[name]
        cells = "".join(
            f"{g[s]['ndcg']:>14.3f} /{g[s]['recall']:.3f} /{g[s]['mrr']:.3f}" for s in SYSTEMS
        )
        lines.append(f"{name:28}{int(g['ganjina']['n']):>4}{cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="also write every figure here")
    parser.add_argument("--per-query", action="store_true", help="list each query's nDCG@10")
    args = parser.parse_args(argv)
    result = evaluate()
    print(f"# {len(result['queries'])} judged queries over {result['records']} records")
    print(table(result["groups"]))
    if args.per_query:
        for row in result["queries"]:
            scores = "  ".join(f"{s} {row[s]['ndcg']:.2f}" for s in SYSTEMS)
            print(f"{row['id']} {row['kind']:<13} {row['query']:<40} {scores}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
