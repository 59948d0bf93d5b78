"""Build the independent link evaluation set (tune.jsonl, heldout.jsonl) from its sources.

The articles are written by hand, one TOML file per story cluster under ``src/tune/`` and
``src/heldout/``; this script only dresses them as Ganjina records (docs/article.schema.json)
and adds the answers. It derives nothing a scorer could not see: ``date_text`` is printed
from ``date`` in the style the source names, the share of a partial translation is counted
from the original's words, and the legacy ``original`` field is copied from the
``translation-of`` answer. See README.md beside this file for the format.

    python tests/links/data/independent/build.py            # write the two JSONL files
    python tests/links/data/independent/build.py --check    # exit 1 if they are stale
    python tests/links/data/independent/build.py --counts   # the README's count tables
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

import jdatetime

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
SPLITS = ("tune", "heldout")
LANGUAGES = ("en", "de", "fa-AF", "ps")
# every ordered pair of the four languages: the directions the archive holds
DIRECTIONS = tuple(f"{a}→{b}" for a in LANGUAGES for b in LANGUAGES if a != b)
LINK_KINDS = ("translation-of", "reprint-of", "related", "translation-of-unknown-direction")

SITE = {
    "name": "افغانستان آزاد – آزاد افغانستان",
    "url": "www.afgazad.com",
    "email": None,
    "motto": None,
}
SECTIONS = {
    "en": {"id": "european-languages", "labels": ["European Languages", "زبانهای اروپایی"]},
    "de": {"id": "european-languages", "labels": ["European Languages", "زبانهای اروپایی"]},
    "fa-AF": {"id": "dari", "labels": ["دری", "Dari"]},
    "ps": {"id": "pashto", "labels": ["پښتو", "Pashto"]},
}
# the solar hijri months in Afghan Dari and in Pashto, Hamal/Wray first; a split string
# because the Arabic-script list literal reads right to left in most editors (SIM905)
DARI_MONTHS = "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت".split()  # noqa: SIM905
PASHTO_MONTHS = "وری غویی غبرګولی چنګاښ زمری وږی تله لړم لیندۍ مرغومی سلواغه کب".split()  # noqa: SIM905
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
EN_MONTHS = "January February March April May June July August September October November December"
DE_MONTHS = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"


def date_text(iso: str, style: str) -> str:
    """The portal date as the page prints it, in one of the house's styles."""
    day = dt.date.fromisoformat(iso)
    solar = jdatetime.date.fromgregorian(date=day)
    printers = {
        "dotted": lambda: day.strftime("%d.%m.%Y"),
        "dotted-fa": lambda: day.strftime("%d.%m.%Y").translate(PERSIAN_DIGITS),
        "long-en": lambda: f"{day.day} {EN_MONTHS.split()[day.month - 1]} {day.year}",
        "long-de": lambda: f"{day.day}. {DE_MONTHS.split()[day.month - 1]} {day.year}",
        "solar-fa": lambda: f"{solar.day} {DARI_MONTHS[solar.month - 1]} {solar.year}".translate(
            PERSIAN_DIGITS
        ),
        "solar-ps": lambda: f"{solar.day} {PASHTO_MONTHS[solar.month - 1]} {solar.year}".translate(
            PERSIAN_DIGITS
        ),
    }
    if style not in printers:
        raise ValueError(f"unknown date_style {style!r}")
    return printers[style]()


def words(text: str) -> int:
    return len(text.split())


def load_sources(split: str) -> list[dict]:
    """Every article of one split, with its cluster and source file attached."""
    articles = []
    for path in sorted((HERE / "src" / split).glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data.get("split") != split:
            raise ValueError(f"{path.name}: split {data.get('split')!r}, expected {split!r}")
        for article in data["article"]:
            article["_cluster"] = data["cluster"]
            article["_path"] = path.relative_to(REPO).as_posix()
            articles.append(article)
    return articles


def expected_links(article: dict, by_id: dict[str, dict]) -> list[dict]:
    """The answers from this record, each partial translation with its share counted."""
    links = []
    for link in article.get("expected", []):
        link = dict(link)
        if link["kind"] == "translation-of":
            link.setdefault("partial", False)
        if link.get("partial"):
            body = by_id[link["to"]]["body"]
            covered = sum(words(body[i]) for i in link["covers"])
            link["share"] = round(covered / sum(words(p) for p in body), 2)
        links.append(link)
    return links


def record(article: dict, by_id: dict[str, dict], split: str) -> dict:
    """One Ganjina record (schema fields), the legacy answer fields, and ``eval``."""
    body = article["body"]
    source = article.get("source")
    if source is not None:
        source = {
            "name": source.get("name"),
            "date": source.get("date"),
            "url": source.get("url"),
            "text": source["text"],
        }
    text = article["title"] + "\n\n" + "\n\n".join(body)
    links = expected_links(article, by_id)
    original = [x["to"] for x in links if x["kind"] == "translation-of"]
    return {
        "id": article["id"],
        "site": SITE,
        "section": SECTIONS[article["language"]],
        "language": article["language"],
        "title": article["title"],
        "authors": article.get("authors", []),
        "translators": article.get("translators", []),
        "date": article["date"],
        "date_text": date_text(article["date"], article["date_style"]),
        "source": source,
        "blocks": [{"type": "paragraph", "text": p, "marker": None, "page": None} for p in body],
        "provenance": {
            "path": article["_path"],
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "format": "text",
            "pages": None,
            "parser_version": "independent-set-1",
        },
        "warnings": [],
        # the fields of tests/links/data/pairs.jsonl, same meaning
        "key": article["id"],
        "body": body,
        "original": original[0] if original else None,
        "eval": {
            "split": split,
            "cluster": article["_cluster"],
            "role": article["role"],
            "expected": links,
            "tolerated": tolerated_links(article, by_id),
            "distractor_for": article.get("distractor_for", []),
            "signals": article.get("signals", []),
            "written_first": article.get("written_first"),
            "note": article.get("note", "").strip(),
        },
    }


def tolerated_links(article: dict, by_id: dict[str, dict]) -> list[dict]:
    """Links neither right nor wrong: a follow-up `related` to its predecessor's translations."""
    out = []
    for link in article.get("expected", []):
        if link["kind"] != "related":
            continue
        for other in by_id.values():
            for theirs in other.get("expected", []):
                if theirs["kind"] == "translation-of" and theirs["to"] == link["to"]:
                    out.append({"kind": "related", "to": other["id"]})
    return out


def build(split: str) -> list[dict]:
    articles = load_sources(split)
    by_id = {a["id"]: a for a in articles}
    if len(by_id) != len(articles):
        raise ValueError(f"{split}: an id is used twice")
    records = [record(a, by_id, split) for a in articles]
    # archive order, so the file's order tells nothing about which record is the original
    return sorted(records, key=lambda r: (r["date"], r["id"]))


def jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def direction(src: dict, dst: dict) -> str:
    """`original→translation`, the way the issue names directions."""
    return f"{dst['language']}→{src['language']}"


def link_kind(link: dict) -> str:
    """The kind a per-kind report counts: partial and full translations apart."""
    if link["kind"] == "translation-of":
        return "partial translation" if link["partial"] else "full translation"
    return {
        "reprint-of": "reprint",
        "related": "follow-up (related)",
        "translation-of-unknown-direction": "unknown direction",
    }[link["kind"]]


def counts(records_by_split: dict[str, list[dict]]) -> str:
    """Markdown tables: true links per direction and kind, distractor pairs per kind."""
    links: Counter[tuple[str, str, str]] = Counter()
    traps: Counter[tuple[str, str, str]] = Counter()
    for split, records in records_by_split.items():
        by_id = {r["id"]: r for r in records}
        for r in records:
            for link in r["eval"]["expected"]:
                dst = by_id[link["to"]]
                where = direction(r, dst)
                if link["kind"] == "translation-of-unknown-direction":
                    where = "~".join(sorted((r["language"], dst["language"])))
                links[(where, link_kind(link), split)] += 1
            for trap in r["eval"]["distractor_for"]:
                pair = "~".join(sorted((r["language"], by_id[trap["id"]]["language"])))
                traps[(pair, trap["why"], split)] += 1
    lines = [
        f"articles: tune {len(records_by_split['tune'])}, "
        f"heldout {len(records_by_split['heldout'])}",
        "",
    ]
    lines += table(links, "direction (original→translation; earlier→later)", "kind")
    lines += ["", *table(traps, "language pair", "distractor")]
    return "\n".join(lines) + "\n"


def table(counter: Counter[tuple[str, str, str]], row_name: str, col_name: str) -> list[str]:
    rows = sorted({k[0] for k in counter}, key=lambda d: (d not in DIRECTIONS, d))
    cols = sorted({k[1] for k in counter})
    out = [f"| {row_name} | " + " | ".join(cols) + " | total |", "|---|" + "---|" * (len(cols) + 1)]
    for row in rows:
        cells = []
        for col in cols:
            tune, held = counter[(row, col, "tune")], counter[(row, col, "heldout")]
            cells.append(f"{tune}+{held}" if tune or held else "")
        total = sum(v for k, v in counter.items() if k[0] == row)
        out.append(f"| {row} | " + " | ".join(cells) + f" | {total} |")
    sums = []
    for col in cols:
        tune = sum(v for k, v in counter.items() if k[1] == col and k[2] == "tune")
        held = sum(v for k, v in counter.items() if k[1] == col and k[2] == "heldout")
        sums.append(f"{tune}+{held}")
    out.append("| **all** | " + " | ".join(sums) + f" | {sum(counter.values())} |")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if a JSONL file is stale")
    parser.add_argument("--counts", action="store_true", help="print the README's tables")
    args = parser.parse_args()
    built = {split: build(split) for split in SPLITS}
    if args.counts:
        print(counts(built), end="")
        return 0
    stale = []
    for split, records in built.items():
        path = HERE / f"{split}.jsonl"
        text = jsonl(records)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{path.relative_to(REPO)}: {len(records)} records")
    if stale:
        print(f"stale: {', '.join(stale)} (run {Path(__file__).name})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
