"""Read every file of the variation corpus with Ganjina's public API and score the reads
against the generator's truth: per field, per format, per variation choice; body similarity.

Groups: ``docx``, ``pdf``, ``md`` (the Markdown conversions of English and German) and
``md-rtl`` (those of Dari and Pashto, compared loosely, because the converter itself damages
them: see ``../shared/independent/README.md``).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import mean
from typing import Any

from tests.read.variations.build import SEED, SIZE, WORKERS, build
from tests.read.variations.compare import FIELDS, evaluate, similarity
from tests.read.variations.design import RTL
from tests.read.variations.explain import explain

FORMATS = {"docx": ".docx", "pdf": ".pdf", "md": ".pymupdf4llm.md"}
GROUPS = ("docx", "pdf", "md", "md-rtl")
STRICT = ("docx", "pdf", "md")
# The floors the gate (tests/read/test_variations.py) holds every field to.
FLOOR_FILE = Path(__file__).resolve().parent.parent / "variations_floor.json"


def _read(path: str) -> tuple[dict[str, Any] | None, str | None, float]:
    """One file through the public API; a failure is a result, never a stop."""
    from ganjina import parse_file

    started = time.perf_counter()
    try:
        return parse_file(path).to_dict(), None, time.perf_counter() - started
    except Exception as exc:  # every failed read is scored as all fields wrong
        return None, f"{type(exc).__name__}: {exc}"[:200], time.perf_counter() - started


def group_of(fmt: str, lang: str) -> str:
    return "md-rtl" if fmt == "md" and lang in RTL else fmt


def run(
    size: int = SIZE,
    seed: int = SEED,
    formats: tuple[str, ...] = tuple(FORMATS),
    progress: Callable[[str, int, int], None] | None = None,
    only: str | None = None,
    folder: Path | None = None,
) -> dict[str, Any]:
    """Build (if needed), read and score: the whole report as a JSON-ready dict. ``folder``
    scores an already built corpus instead (one made by another generator version, say)."""
    note = progress or (lambda stage, done, total: None)
    folder = folder or build(size, seed, note)
    expected = {
        p.name[: -len(".expected.json")]: json.loads(p.read_text("utf-8"))
        for p in sorted(folder.glob("*.expected.json"))
    }
    if only:
        expected = {k: v for k, v in expected.items() if only in k}
    jobs = [
        (slug, fmt, str(folder / f"{slug}{FORMATS[fmt]}")) for slug in expected for fmt in formats
    ]
    results = []
    started = time.perf_counter()
    with ProcessPoolExecutor(WORKERS) as pool:
        for done, ((slug, fmt, _path), (rec, err, secs)) in enumerate(
            zip(jobs, pool.map(_read, [j[2] for j in jobs], chunksize=4), strict=True), 1
        ):
            exp = expected[slug]
            loose = group_of(fmt, exp["language"]) == "md-rtl"
            results.append(_score(slug, fmt, exp, rec, err, secs, loose))
            note("read", done, len(jobs))
    wall = time.perf_counter() - started
    return summarise(results, folder, wall)


def _score(
    slug: str,
    fmt: str,
    exp: dict[str, Any],
    rec: dict[str, Any] | None,
    err: str | None,
    secs: float,
    loose: bool,
) -> dict[str, Any]:
    if rec is None:
        fields: dict[str, bool | None] = dict.fromkeys(FIELDS, False)
        sim = 0.0
    else:
        fields = evaluate(rec, exp, loose)
        sim = similarity(rec, exp, loose)
    return {
        "slug": slug,
        "format": fmt,
        "group": group_of(fmt, exp["language"]),
        "language": exp["language"],
        "variant": exp["variant"],
        "fields": fields,
        "similarity": sim,
        "error": err,
        "seconds": secs,
        "rec": rec,
        "exp": exp,
        "loose": loose,
    }


def summarise(results: list[dict[str, Any]], folder: Path, wall: float) -> dict[str, Any]:
    fields: dict[str, dict[str, dict[str, Any]]] = {}
    sims: dict[str, dict[str, float]] = {}
    for group in GROUPS:
        rows = [r for r in results if r["group"] == group]
        if not rows:
            continue
        fields[group] = {}
        for f in FIELDS:
            vals = [r["fields"][f] for r in rows if r["fields"].get(f) is not None]
            if vals:
                fields[group][f] = {
                    "ok": sum(vals),
                    "n": len(vals),
                    "accuracy": round(sum(vals) / len(vals), 4),
                }
        s = [r["similarity"] for r in rows]
        sims[group] = {"mean": round(mean(s), 4), "min": round(min(s), 4)}
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    return {
        "corpus": {
            "folder": str(folder),
            "articles": len({r["slug"] for r in results}),
            "files": len(results),
            "build_seconds": manifest.get("build_seconds"),
            "read_seconds": round(wall, 1),
            "unreadable": sum(1 for r in results if r["error"]),
        },
        "fields": fields,
        "similarity": sims,
        "languages": by_language(results),
        "variations": by_variation(results),
        "failures": failure_kinds(results),
        "files": [
            {k: r[k] for k in ("slug", "format", "similarity", "error")}
            | {"failed": [f for f, ok in r["fields"].items() if ok is False]}
            for r in results
        ],
    }


def by_language(results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Share of checks that hold, per article language and group."""
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        vals = [v for v in r["fields"].values() if v is not None]
        t = tally[(r["language"], r["group"])]
        t[0] += sum(vals)
        t[1] += len(vals)
    out: dict[str, dict[str, float]] = {}
    for (lang, group), (ok, n) in sorted(tally.items()):
        out.setdefault(lang, {})[group] = round(ok / n, 4)
    return out


def by_variation(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Check accuracy of the files that took each option of each choice (strict groups)."""
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in results:
        if r["group"] not in STRICT:
            continue
        vals = [v for v in r["fields"].values() if v is not None]
        for choice, option in r["variant"].items():
            t = tally[(choice, str(option))]
            t[0] += sum(vals)
            t[1] += len(vals)
            t[2] += 1
    overall = sum(t[0] for k, t in tally.items() if k[0] == "topic") / max(
        1, sum(t[1] for k, t in tally.items() if k[0] == "topic")
    )
    rows = [
        {
            "choice": c,
            "option": o,
            "files": t[2],
            "accuracy": round(t[0] / t[1], 4),
            "hurt": round(overall - t[0] / t[1], 4),
        }
        for (c, o), t in tally.items()
        if t[1]
    ]
    return sorted(rows, key=lambda x: (-x["hurt"], x["choice"]))


def failure_kinds(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """(group, field) pairs by how many files fail them, with examples of what was read."""
    kinds: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in results:
        for f, ok in r["fields"].items():
            if ok is False:
                kinds[(r["group"], f)].append(r)
    out = []
    for (group, f), rows in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        ex = [
            {
                "file": f"{r['slug']}{FORMATS[r['format']]}",
                "detail": r["error"] or explain(f, r["rec"], r["exp"], r["loose"]),
            }
            for r in rows[:3]
        ]
        out.append({"group": group, "field": f, "files": len(rows), "examples": ex})
    return out


def floors_of(report: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Today's figures in the floor file's shape: accuracy per group and field, similarity."""
    out = {g: {f: v["accuracy"] for f, v in fs.items()} for g, fs in report["fields"].items()}
    for g, s in report["similarity"].items():
        out[g]["similarity.mean"] = s["mean"]
    return out


def write_floors(report: dict[str, Any], path: Path = FLOOR_FILE) -> Path:
    """Record the report's figures as the new floors (after a reader change: commit the file)."""
    path.write_text(json.dumps(floors_of(report), indent=2, sort_keys=True) + "\n", "utf-8")
    return path
