"""``ganjina ingest``: read folders of article files into the archive."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import click

from ganjina.archive.paths import shown
from ganjina.cli.archive_options import archive_option, json_option
from ganjina.errors import GanjinaError

#: failures listed in the closing summary (all of them are in ``ganjina errors``)
SHOWN_FAILURES = 20


class _Bar:
    """A rich progress bar (files, files/s, ETA) fed by ``Archive.ingest``."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            transient=True,
        )
        self.task = self.progress.add_task("ingest", total=None, rate="–")

    def start(self, total: int) -> None:
        self.progress.start()
        self.progress.update(self.task, total=total)

    def advance(self, path: str, status: str) -> None:
        self.progress.advance(self.task)
        task = self.progress.tasks[0]
        speed = task.speed
        self.progress.update(self.task, rate=f"{speed:.1f}" if speed else "–")

    def stop(self) -> None:
        self.progress.stop()


@click.command("ingest")
# readable=False: an unreadable path is one failure line of the run, not a usage error
# that stops the others
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@archive_option
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Processes reading files (default: $GANJINA_WORKERS, else one per core; "
    "0 reads in this process).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Seconds one file may take to read before it is reported as failed "
    "(default: $GANJINA_READ_TIMEOUT, else 300).",
)
@json_option
def command(
    paths: tuple[Path, ...],
    archive_url: str | None,
    workers: int | None,
    progress: bool | None,
    timeout: float | None,
    as_json: bool,
) -> None:
    """Read every supported file under PATHS into the archive, with its original.

    Folders are walked; PDF, Markdown, text, DOCX and HTML files are read in parallel.
    Running it again is safe: unchanged files are skipped, changed files update their
    record (the earlier version is kept), and a run that was stopped (Ctrl-C, kill,
    power loss) finishes where it stopped. Files that cannot be read are listed at the
    end and kept in the import log (`ganjina errors`).

    Files that read but are not articles (a README, notes, the publisher's Markdown
    sources) are listed as skipped, not stored. Exit status: 0 when every file was read
    or skipped, 1 when some failed, 130 when interrupted.

    \b
    Examples:
      ganjina ingest samples/
      ganjina ingest /srv/pdf-archive --archive postgresql://ganjina@db/ganjina --workers 8
    """
    from ganjina.archive import Archive

    if not any(os.path.lexists(p) for p in paths):
        # a typo must not leave an empty archive behind: nothing is opened or made
        raise GanjinaError(f"no such file or folder: {', '.join(shown(str(p)) for p in paths)}")
    show_bar = sys.stderr.isatty() if progress is None else progress
    bar = _Bar() if show_bar else None
    interrupted = False

    def on_interrupt(signum: int, frame: Any) -> None:
        nonlocal interrupted
        interrupted = True
        signal.default_int_handler(signum, frame)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        with Archive.open(archive_url, create=True) as archive:
            try:
                report = archive.ingest(list(paths), workers=workers, progress=bar, timeout=timeout)
            finally:
                if bar:
                    bar.stop()
    except GanjinaError as err:
        if not interrupted:
            raise
        # Ctrl-C landed inside a database call (PostgreSQL's connection is then busy and
        # its rollback fails): the open transaction was never committed, so nothing is
        # half-written; say so and exit as an interrupted run, not as a broken archive
        click.echo(f"ganjina: interrupted ({err}); run it again to finish", err=True)
        sys.exit(130)
    finally:
        signal.signal(signal.SIGINT, previous)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for skipped in report.skipped[:SHOWN_FAILURES]:
            click.echo(f"skipped: {skipped.path}: {skipped.message}", err=True)
        for failure in report.failures[:SHOWN_FAILURES]:
            click.echo(f"failed: {failure.path}: {failure.message}", err=True)
        if len(report.failures) > SHOWN_FAILURES:
            more = len(report.failures) - SHOWN_FAILURES
            click.echo(f"… and {more} more (see `ganjina errors`)", err=True)
        click.echo(report.summary())
    if report.interrupted:
        sys.exit(130)
    if report.failed:
        sys.exit(1)
