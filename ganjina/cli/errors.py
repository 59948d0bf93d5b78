"""``ganjina errors``: the files ingest could not read, with the reasons."""

from __future__ import annotations

import json

import click

from ganjina.cli.archive_options import archive_option, json_option


@click.command("errors")
@archive_option
@json_option
@click.option(
    "--all",
    "history",
    is_flag=True,
    help="Every failure ever logged, including files read successfully since.",
)
def command(archive_url: str | None, as_json: bool, history: bool) -> None:
    """List the files that could not be read into records, and why.

    A file stays listed until a later ingest reads it successfully.

    \b
    Examples:
      ganjina errors
      ganjina errors --all --json > import-log.json
    """
    from ganjina.archive import Archive

    with Archive.open(archive_url) as archive:
        failures = archive.errors(history=history)
    if as_json:
        click.echo(json.dumps([f.to_dict() for f in failures], ensure_ascii=False, indent=2))
        return
    for f in failures:
        click.echo(f"{f.at[:19]}  {f.path}: {f.message}")
    click.echo(f"{len(failures)} file{'s' if len(failures) != 1 else ''} could not be read")
