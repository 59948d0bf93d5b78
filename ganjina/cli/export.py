"""``ganjina export``: write the archive's records as JSONL, CSV or Parquet."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ganjina.cli.archive_options import archive_option


@click.command("export")
@archive_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one full record per line; csv/parquet: flat columns.",
)
@click.option(
    "--query",
    "-q",
    default=None,
    metavar="Q",
    help="Export only the records matching this search (newest first).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (made complete or not at all) instead of stdout.",
)
def command(archive_url: str | None, fmt: str, query: str | None, output: Path | None) -> None:
    """Export records, in constant memory however big the archive.

    \b
    Examples:
      ganjina export > archive.jsonl
      ganjina export --format parquet -o archive.parquet
      ganjina export --format csv --query 'lang:ps date:1402' -o pashto-1402.csv
    """
    from ganjina.archive import Archive

    if output is None and fmt == "parquet" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: use --output FILE or redirect stdout")
    with Archive.open(archive_url) as archive:
        count = archive.export(fmt, output if output else sys.stdout.buffer, query)
    if output is not None:
        click.echo(f"exported {count} records to {output}", err=True)
