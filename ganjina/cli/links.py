"""``ganjina links``: keep, inspect, export and evaluate the links between records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ganjina.cli.archive_options import archive_option, json_option

workers_option = click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Processes profiling records in a rebuild (default: the GANJINA_WORKERS setting).",
)


@click.group("links")
def command() -> None:
    """Near-duplicates, reprints and translations: typed relations between records.

    Ingest keeps them up to date; these commands rebuild, show, export and measure them.

    \b
    Examples:
      ganjina links rebuild
      ganjina links show gj-b423c344a1d5bb81
      ganjina links export --format csv -o relations.csv
      ganjina links evaluate tests/links/data/pairs.jsonl --outlets tests/links/data/outlets.toml
    """


@command.command("rebuild")
@archive_option
@workers_option
def rebuild(archive_url: str | None, workers: int | None) -> None:
    """Make every link again from the records (after changing the outlet table).

    \b
    Example:
      ganjina links rebuild --archive ./ganjina-archive
    """
    from ganjina.archive import Archive
    from ganjina.links import Links

    with Archive.open(archive_url) as archive:
        click.echo(Links(archive).rebuild(workers=workers).summary())


@command.command("update")
@archive_option
@workers_option
def update(archive_url: str | None, workers: int | None) -> None:
    """Link the records changed since the last update (ingest does this by itself).

    \b
    Example:
      ganjina links update
    """
    from ganjina.archive import Archive
    from ganjina.links import Links

    with Archive.open(archive_url) as archive:
        click.echo(Links(archive).update(workers=workers).summary())


@command.command("show")
@click.argument("record_id")
@archive_option
@json_option
def show(record_id: str, archive_url: str | None, as_json: bool) -> None:
    """Show a record's links: the same text elsewhere in the archive, its original or
    its translations, its outlet.

    \b
    Example:
      ganjina links show gj-b423c344a1d5bb81 --json
    """
    from ganjina.archive import Archive
    from ganjina.links import Links

    with Archive.open(archive_url) as archive:
        page = Links(archive).page(record_id)
    if not page:
        raise click.ClickException(f"no record {record_id!r} in the archive")
    if as_json:
        click.echo(json.dumps(page, ensure_ascii=False, indent=2))
        return
    outlet = page["outlet"]
    click.echo(f"{page['id']}  outlet: {outlet['name'] if outlet else '(none)'}")
    for m in page["also_in_archive"]:
        click.echo(f"  also in the archive as {m['id']}  {m['title'] or '(no title)'}")
    for key in ("translation_of", "translated_as", "translation_unknown_direction", "related"):
        for r in page[key]:
            other = r["other"]
            click.echo(f"  {r['phrase']} {other['id']}  {other['title']}  (score {r['score']:.2f})")


@command.command("explain")
@click.argument("a")
@click.argument("b")
@archive_option
@json_option
def explain(a: str, b: str, archive_url: str | None, as_json: bool) -> None:
    """Explain the pair A B: every signal with its points, the evidence of direction,
    and the decision (which is the translation, partial or full, or no link).

    \b
    Examples:
      ganjina links explain gj-b423c344a1d5bb81 gj-0c1d2e3f40516273
      ganjina links explain gj-b423c344a1d5bb81 gj-0c1d2e3f40516273 --json
    """
    from ganjina.archive import Archive
    from ganjina.errors import ArchiveError
    from ganjina.links import Links

    try:
        with Archive.open(archive_url) as archive:
            found = Links(archive).explain(a, b)
    except ArchiveError as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    decision = found["decision"] or "no link"
    if found["decision"]:
        decision += f": {found['translation']} of {found['original']}"
    click.echo(
        f"{found['a']} ({found['languages'][0]}) / {found['b']} ({found['languages'][1]}): "
        f"{decision}; {found['points']} points, score {found['score']:.2f}"
    )
    for name, value in found["signals"].items():
        click.echo(f"  {name}: {json.dumps(value, ensure_ascii=False)}")
    for r in found["stored"]:
        click.echo(f"  stored: {r['src']} {r['kind']} {r['dst']} (score {r['score']:.2f})")


@command.command("export")
@archive_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of stdout.",
)
def export(archive_url: str | None, fmt: str, output: Path | None) -> None:
    """Export every relation: src, kind, dst, score, the signals behind it, when made.

    \b
    Examples:
      ganjina links export > relations.jsonl
      ganjina links export --format csv -o relations.csv
    """
    from ganjina.archive import Archive
    from ganjina.links import Links

    with Archive.open(archive_url) as archive:
        count = Links(archive).export(output if output else sys.stdout.buffer, fmt)
    click.echo(f"exported {count} relations", err=True)


@command.command("evaluate")
@click.argument("pairs", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--outlets",
    "extra",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An extra outlet table (TOML) the set's outlets need.",
)
@click.option("--threshold", type=float, default=None, help="Points at which a pair is linked.")
@json_option
def evaluate(pairs: Path, extra: tuple[Path, ...], threshold: float | None, as_json: bool) -> None:
    """Measure translation linking (precision, recall) on a set with known answers.

    \b
    Example:
      ganjina links evaluate tests/links/data/pairs.jsonl --outlets tests/links/data/outlets.toml
    """
    from ganjina.links import OutletTable
    from ganjina.links.evaluate import evaluate as run
    from ganjina.links.evaluate import load

    result = run(load(pairs), OutletTable.load(extra), threshold)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(
        f"{result.true_pairs} true pairs, {result.linked} links made, {result.correct} right: "
        f"precision {result.precision:.3f}, recall {result.recall:.3f}, direction "
        f"{result.direction_accuracy:.3f} (threshold {result.threshold} points)"
    )
    kinds = {**result.by_kind, "follow-up (related)": result.followups}
    for title, slices in (("direction", result.by_direction), ("kind", kinds)):
        for name, tally in sorted(slices.items()):
            d = tally.to_dict()
            click.echo(
                f"  {title} {name}: {d['true_pairs']} pairs, {d['linked']} links, precision "
                f"{d['precision']:.3f}, recall {d['recall']:.3f}, "
                f"direction {d['direction_accuracy']:.3f}"
            )
    for m in result.mistakes:
        kind = f" as {m['kind']}" if m.get("kind") else ""
        one = m.get("translation") or m.get("related")
        click.echo(f"  {one}: linked to {m['linked_to']}{kind}, truth {m['truth']}")
