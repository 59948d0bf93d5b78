"""``ganjina reindex``: rebuild the search index from the store."""

from __future__ import annotations

import time

import click

from ganjina.cli.archive_options import archive_option


@click.command("reindex")
@archive_option
def command(archive_url: str | None) -> None:
    """Rebuild the search index from the store of record.

    Never needed for correctness (the index catches up by itself after a crash); use it
    after upgrading Ganjina's search keys, or if the index folder was lost or damaged.

    \b
    Example:
      ganjina reindex --archive ./ganjina-archive
    """
    from ganjina.archive import Archive

    started = time.monotonic()
    with Archive.open(archive_url) as archive:
        count = archive.reindex()
    click.echo(f"indexed {count} records in {time.monotonic() - started:.1f} s")
