"""``ganjina export``: write the archive's records as JSONL, CSV or Parquet, or their
citations as BibTeX, RIS or CSL-JSON (``ganjina.cite``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from ganjina.cli.archive_options import archive_option

if TYPE_CHECKING:
    from ganjina.archive import Archive

RECORD_FORMATS = ("jsonl", "csv", "parquet")
CITATION_FORMATS = ("bibtex", "ris", "csl-json")


@click.command("export")
@archive_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*RECORD_FORMATS, *CITATION_FORMATS]),
    default="jsonl",
    show_default=True,
    help="jsonl: one full record per line; csv/parquet: flat columns; "
    "bibtex/ris/csl-json: a citation of each record's current version.",
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
@click.option(
    "--base-url",
    metavar="URL",
    default=None,
    help="Citations only: the public address of the site serving this archive "
    "(https://…), so that each citation links its version's permanent page.",
)
def command(
    archive_url: str | None,
    fmt: str,
    query: str | None,
    output: Path | None,
    base_url: str | None,
) -> None:
    """Export records, in constant memory however big the archive.

    Citations name the version of each record and today's date as the date accessed;
    Persian and Pashto names and titles stay in their script, and the solar hijri date
    is in a note.

    \b
    Examples:
      ganjina export > archive.jsonl
      ganjina export --format parquet -o archive.parquet
      ganjina export --format csv --query 'lang:ps date:1402' -o pashto-1402.csv
      ganjina export --format bibtex --base-url https://archive.example.org -o all.bib
      ganjina export --format ris -q 'translator:"Robert Hale"' -o hale.ris
    """
    from ganjina.archive import Archive

    if output is None and fmt == "parquet" and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: use --output FILE or redirect stdout")
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("give an http:// or https:// address", param_hint="--base-url")
    target: Path | IO[bytes] = output if output else sys.stdout.buffer
    with Archive.open(archive_url) as archive:
        if fmt in CITATION_FORMATS:
            count = _citations(archive, fmt, target, query, base_url)
        else:
            count = archive.export(fmt, target, query)
    if output is not None:
        click.echo(f"exported {count} records to {output}", err=True)


def _citations(
    archive: Archive, fmt: str, target: Path | IO[bytes], query: str | None, base_url: str | None
) -> int:
    from ganjina.cite import Context, export
    from ganjina.web.config import WebConfig
    from ganjina.web.urls import Absolute

    if base_url is None:
        click.echo("note: no --base-url, so the citations carry no web address", err=True)
    context = Context(Absolute(base_url) if base_url else None, None, WebConfig().name)
    return export(archive, fmt, target, query, context)
