"""python -m tests.read.variations: the quality report on the variation corpus.

Builds the corpus if the cache has none for this generator (a few minutes: LibreOffice), reads
every file with ``ganjina.parse_file`` and prints field accuracy per format, body similarity,
the variation choices that hurt most, and the commonest failures with examples.

Examples:
    python -m tests.read.variations                   # full report, text
    python -m tests.read.variations --json > r.json   # the same as JSON, for scripts
    python -m tests.read.variations --only fa-AF --formats pdf --failures 20
    python -m tests.read.variations --build-only      # build (or find) the corpus, print its folder
    python -m tests.read.variations --write-floors    # after a reader change: record new floors
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.read.variations.build import SEED, SIZE, BuildError, build
from tests.read.variations.report import FLOOR_FILE, FORMATS, run, write_floors


def _progress(enabled: bool) -> tuple[Any, Callable[[str, int, int], None] | None]:
    """A progress bar on stderr (only on a terminal) and the callback that moves it."""
    if not enabled:
        return None, None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(transient=True, console=Console(stderr=True))
    tasks: dict[str, Any] = {}

    def note(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done)

    return bar, note


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.read.variations",
        description=__doc__.split("\n\n")[1],
        epilog="\n".join(__doc__.split("Examples:")[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("--size", type=int, default=SIZE, help=f"articles (default {SIZE})")
    ap.add_argument("--seed", type=int, default=SEED, help=f"corpus seed (default {SEED})")
    ap.add_argument("--formats", default=",".join(FORMATS), help="docx,pdf,md (default: all)")
    ap.add_argument("--only", help="read only articles whose name contains this (e.g. ps, de-01)")
    ap.add_argument("--failures", type=int, default=10, help="failure kinds to show (default 10)")
    ap.add_argument("--variations", type=int, default=15, help="choices to show (default 15)")
    ap.add_argument("--corpus", type=Path, help="score this built corpus folder, do not build")
    ap.add_argument("--build-only", action="store_true", help="build the corpus, print its folder")
    ap.add_argument(
        "--write-floors",
        action="store_true",
        help=f"record today's figures as the gate's floors ({FLOOR_FILE.name}); full corpus only",
    )
    args = ap.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        print(
            f"error: unknown format {bad[0]!r} (choose from {', '.join(FORMATS)})", file=sys.stderr
        )
        return 2
    partial = args.only or args.corpus or set(formats) != set(FORMATS)
    if args.write_floors and (partial or (args.size, args.seed) != (SIZE, SEED)):
        print(
            "error: --write-floors needs the full default corpus (no --only/--formats/"
            "--corpus/--size/--seed)",
            file=sys.stderr,
        )
        return 2
    bar, note = _progress(sys.stderr.isatty())
    try:
        if bar:
            bar.start()
        if args.build_only:
            print(build(args.size, args.seed, note))
            return 0
        if args.corpus and not (args.corpus / "manifest.json").exists():
            print(f"error: {args.corpus} is no built corpus (no manifest.json)", file=sys.stderr)
            return 2
        report = run(args.size, args.seed, formats, note, args.only, args.corpus)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if bar:
            bar.stop()
    if args.write_floors:
        print(f"floors written to {write_floors(report)}: commit it", file=sys.stderr)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(report, args.failures, args.variations)
    return 0


def print_report(r: dict[str, Any], failures: int, variations: int) -> None:
    c = r["corpus"]
    print(
        f"variation corpus: {c['articles']} articles, {c['files']} files read in "
        f"{c['read_seconds']} s ({c['unreadable']} unreadable); built in {c['build_seconds']} s"
    )
    print(f"  {c['folder']}\n")
    groups = list(r["fields"])
    fields = list(dict.fromkeys(f for g in groups for f in r["fields"][g]))
    print("field accuracy (exact; md-rtl: loose)".ljust(28) + "".join(g.rjust(10) for g in groups))
    for f in fields:
        cells = []
        for g in groups:
            v = r["fields"][g].get(f)
            cells.append(f"{100 * v['accuracy']:.1f}%".rjust(10) if v else "—".rjust(10))
        print(f"  {f:<26}" + "".join(cells))
    print(
        "  "
        + "body similarity (mean)".ljust(26)
        + "".join(f"{100 * r['similarity'][g]['mean']:.1f}%".rjust(10) for g in groups)
    )
    print(
        "  "
        + "body similarity (min)".ljust(26)
        + "".join(f"{100 * r['similarity'][g]['min']:.1f}%".rjust(10) for g in groups)
    )
    print(
        "\nchecks that hold, per language: "
        + "; ".join(
            f"{lang} " + ", ".join(f"{g} {100 * v:.1f}%" for g, v in gs.items())
            for lang, gs in r["languages"].items()
        )
    )
    print("\nchoices that hurt most (check accuracy of docx+pdf+md files with that option):")
    for v in r["variations"][:variations]:
        label = f"{v['choice']}={v['option']}"
        print(
            f"  {label:<36} {100 * v['accuracy']:5.1f}%  "
            f"({v['hurt'] * 100:+.1f} pts below average, {v['files']} files)"
        )
    print("\ncommonest failures:")
    for k in r["failures"][:failures]:
        print(f"  {k['group']:<7} {k['field']:<18} {k['files']:4d} files")
        for e in k["examples"][:2]:
            print(f"      {e['file']}: {e['detail']}")


if __name__ == "__main__":
    sys.exit(main())
