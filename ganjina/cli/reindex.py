"""``ganjina reindex``: rebuild the search index from the store, or keep following it."""

from __future__ import annotations

import json
import threading
import time
from typing import TYPE_CHECKING

import click

from ganjina.cli.archive_options import archive_option, json_option

if TYPE_CHECKING:
    from ganjina.archive import Archive


@click.command("reindex")
@archive_option
@click.option(
    "--follow",
    is_flag=True,
    help="Keep this machine's index following a postgresql:// store until Ctrl-C: catch "
    "up (building it if it is empty), then index every change within seconds.",
)
@click.option(
    "--poll",
    type=click.FloatRange(min=0.1),
    default=2.0,
    show_default=True,
    help="With --follow: look at the store at least this often (seconds); writers also "
    "notify, so changes usually arrive sooner.",
)
@json_option
def command(archive_url: str | None, follow: bool, poll: float, as_json: bool) -> None:
    """Rebuild the search index from the store of record.

    Never needed for correctness (the index catches up by itself after a crash); use it
    after upgrading Ganjina's search keys, or if the index folder was lost or damaged.

    With --follow (a PostgreSQL store) it keeps the index of this machine
    ($GANJINA_INDEX_DIR) up to date without serving: what a search node does, for a
    node whose index another program reads. It prints a line for each catch-up.

    \b
    Examples:
      ganjina reindex --archive ./ganjina-archive
      GANJINA_INDEX_DIR=/var/lib/ganjina/index \\
          ganjina reindex --follow --archive postgresql://ganjina@db/ganjina
    """
    from ganjina.archive import Archive

    started = time.monotonic()
    with Archive.open(archive_url) as archive:
        if follow:
            _follow(archive, poll, as_json)
            return
        count = archive.reindex()
    seconds = time.monotonic() - started
    if as_json:
        click.echo(json.dumps({"indexed": count, "seconds": round(seconds, 3)}))
    else:
        click.echo(f"indexed {count} records in {seconds:.1f} s")


def _follow(archive: Archive, poll: float, as_json: bool) -> None:
    from ganjina.archive.follow import Follower, Step

    if archive.store.kind != "postgresql":
        raise click.UsageError(
            "--follow is for a postgresql:// archive; an SQLite archive's index is kept "
            "up to date by whoever writes the archive"
        )

    def report(step: Step) -> None:
        rate = step.records / step.seconds if step.seconds else 0.0
        if as_json:
            line = {"indexed": step.records, "seq": step.seq, "seconds": round(step.seconds, 3)}
            click.echo(json.dumps(line))
        else:
            click.echo(
                f"indexed {step.records} records up to change {step.seq} "
                f"in {step.seconds:.2f} s ({rate:,.0f} records/s)"
            )

    def waiting(message: str) -> None:
        click.echo(f"waiting for the store: {message}", err=True)

    follower = Follower(archive, poll_seconds=poll, on_step=report, on_error=waiting)
    if not follower.lock.acquire():
        raise click.ClickException(
            f"another process is already writing the index at {archive.index.path}"
        )
    stop = threading.Event()
    if not as_json:
        click.echo(f"following {archive.location} into {archive.index.path} (Ctrl-C stops)")
    try:
        follower.run(stop)
    except KeyboardInterrupt:
        stop.set()
    if not as_json:
        click.echo(f"stopped at change {archive.index.seq}")
