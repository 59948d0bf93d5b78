"""``ganjina check``: the integrity of the store, the originals and the index."""

from __future__ import annotations

import sys

import click

from ganjina.cli.archive_options import archive_option, json_option
from ganjina.errors import ArchiveNotFound, GanjinaError


@click.command("check")
@archive_option
@json_option
@click.option(
    "--repair",
    is_flag=True,
    help="Also do the safe repairs (rebuild the search index when it is what is wrong). "
    "The store itself is never rewritten.",
)
def command(archive_url: str | None, as_json: bool, repair: bool) -> None:
    """Check the archive: every record readable, every original intact, the index whole.

    Reads everything once (SQLite's own integrity check, each record's JSON and
    fingerprint, each original's SHA-256, the index against the store) and prints each
    problem with what to do about it. Exit status: 0 when healthy, 1 when problems
    remain.

    \b
    Examples:
      ganjina check
      ganjina check --repair
      ganjina check --json --archive postgresql://ganjina@db/ganjina
    """
    from ganjina.archive import Archive
    from ganjina.archive.check import check_location, summary, to_json
    from ganjina.settings import get_settings

    try:
        with Archive.open(archive_url) as archive:
            report = archive.check(repair=repair)
    except ArchiveNotFound:
        raise
    except GanjinaError as err:
        # an archive that does not even open: say what can be seen from outside
        report = check_location(archive_url or get_settings().archive)
        if report.healthy:
            raise
        del err
    click.echo(to_json(report) if as_json else summary(report))
    sys.exit(0 if report.healthy else 1)
