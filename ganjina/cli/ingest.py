"""``ganjina ingest``: read folders of article files into the archive."""

from __future__ import annotations

import json
import os
import signal
import sys
from typing import Any, NoReturn

import click

from ganjina.archive.paths import shown
from ganjina.cli.archive_options import archive_option, json_option
from ganjina.cli.read_options import ocr_option
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
            TextColumn("{task.fields[cluster]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            transient=True,
        )
        self.task = self.progress.add_task("ingest", total=None, rate="–", cluster="")

    def start(self, total: int) -> None:
        self.progress.start()
        self.progress.update(self.task, total=total)

    def advance(self, path: str, status: str) -> None:
        self.progress.advance(self.task)
        task = self.progress.tasks[0]
        speed = task.speed
        self.progress.update(self.task, rate=f"{speed:.1f}" if speed else "–")

    def cluster(self, note: str) -> None:
        """What the cluster's workers are doing (cluster ingest only)."""
        self.progress.update(self.task, cluster=note)

    def stop(self) -> None:
        self.progress.stop()


@click.command("ingest")
# strings, not Paths: a Path would fold the // of a URL (s3://bucket/...);
# readable=False: an unreadable path is one failure line of the run, not a usage error
# that stops the others
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@archive_option
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Processes reading files (default: $GANJINA_WORKERS, else one per core; "
    "0 reads in this process).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Read on the Dask cluster of this scheduler (tcp://HOST:8786); the archive must "
    "be postgresql://. PATHS may then be fsspec URLs (s3://, gcs://, file://...).",
)
@click.option(
    "--files-per-task",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    help="With --scheduler: files read and stored by one task (one transaction).",
)
@click.option(
    "--ship-max",
    metavar="BYTES",
    type=click.IntRange(min=0),
    default=1 << 20,
    show_default=True,
    help="With --scheduler: local files up to this size are sent to the workers with "
    "their task; larger ones the workers open themselves (0: never send).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=None,
    metavar="SECONDS",
    help="Seconds one file may take to read before it is recorded as failed "
    "(default: $GANJINA_READ_TIMEOUT, else 300).",
)
@click.option(
    "--store-wait",
    type=click.FloatRange(min=0),
    default=120.0,
    show_default=True,
    help="With --scheduler: seconds every writer keeps retrying an unreachable "
    "PostgreSQL before the run stops (running it again then finishes it).",
)
@click.option(
    "--connect-timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="With --scheduler: seconds to wait for the scheduler and its first worker.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar (default: when stderr is a terminal).",
)
@ocr_option
@json_option
def command(
    paths: tuple[str, ...],
    archive_url: str | None,
    workers: int | None,
    scheduler: str | None,
    files_per_task: int,
    ship_max: int,
    timeout: float | None,
    store_wait: float,
    connect_timeout: float,
    progress: bool | None,
    ocr: str,
    as_json: bool,
) -> None:
    """Read every supported file under PATHS into the archive, with its original.

    Folders are walked; PDF, Markdown, text, DOCX, HTML, Word 97–2003 (.doc) and RTF files
    are read in parallel (.doc and RTF through LibreOffice). Running it again is safe:
    unchanged files are skipped, changed files update their record (the earlier version
    is kept), and a run that was stopped (Ctrl-C, kill, power loss) finishes where it
    stopped. Files that cannot be read are listed at the
    end and kept in the import log (`ganjina errors`). Scanned PDFs are read by OCR in
    the worker processes (seconds a page); see `ganjina parse --help`.

    Files that read but are not articles (a README, notes, the publisher's Markdown
    sources) are listed as skipped, not stored. Exit status: 0 when every file was read
    or skipped, 1 when some failed, 130 when interrupted.

    \b
    Examples:
      ganjina ingest samples/
      ganjina ingest /srv/pdf-archive --archive postgresql://ganjina@db/ganjina --workers 8
      ganjina ingest /mnt/shared/pdfs s3://portal-scans/2023/ \\
          --archive postgresql://ganjina@db/ganjina --scheduler tcp://10.0.0.5:8786

    With --scheduler the files are read on a Dask cluster (docs/scale.md): each worker
    writes its results straight into the PostgreSQL archive, and the search nodes
    (`ganjina serve`, `ganjina reindex --follow`) pick them up within seconds.
    """
    from ganjina.archive import Archive
    from ganjina.cluster.inputs import is_url

    if not any(is_url(p) or os.path.lexists(p) for p in paths):
        # a typo must not leave an empty archive behind: nothing is opened or made (a URL
        # is for the cluster's workers to open)
        raise GanjinaError(f"no such file or folder: {', '.join(shown(str(p)) for p in paths)}")
    show_bar = sys.stderr.isatty() if progress is None else progress
    bar = _Bar() if show_bar else None
    interrupted = False

    def on_interrupt(signum: int, frame: Any) -> None:
        nonlocal interrupted
        interrupted = True
        signal.default_int_handler(signum, frame)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    extra: dict[str, Any] = {}
    try:
        if scheduler:
            options = _cluster_options(
                scheduler, timeout, files_per_task, ship_max, store_wait, connect_timeout
            )
            report, extra = _on_cluster(paths, archive_url, options, bar, ocr)
        else:
            with Archive.open(archive_url, create=True) as archive:
                try:
                    report = archive.ingest(
                        list(paths), workers=workers, progress=bar, timeout=timeout, ocr=ocr
                    )
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
        _exit_interrupted()
    finally:
        signal.signal(signal.SIGINT, previous)
    if as_json:
        click.echo(json.dumps(report.to_dict() | extra, ensure_ascii=False, indent=2))
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
        _exit_interrupted()
    if report.failed:
        sys.exit(1)


def _cluster_options(
    scheduler: str,
    timeout: float | None,
    files_per_task: int,
    ship_max: int,
    store_wait: float,
    connect: float,
) -> Any:
    from ganjina.archive.ingest import READ_TIMEOUT_SECONDS
    from ganjina.cluster import ClusterOptions
    from ganjina.settings import get_settings

    return ClusterOptions(
        scheduler,
        files_per_task=files_per_task,
        ship_max_bytes=ship_max,
        timeout=timeout or get_settings().read_timeout or READ_TIMEOUT_SECONDS,
        retry_seconds=store_wait,
        connect_seconds=connect,
    )


def _on_cluster(
    paths: tuple[str, ...], archive_url: str | None, options: Any, bar: _Bar | None, ocr: str
) -> tuple[Any, dict[str, Any]]:
    """The ingest on a Dask cluster (``ganjina.cluster``); returns (report, extra JSON)."""
    from ganjina.archive.store import is_postgres_url
    from ganjina.cluster import ClusterIngest
    from ganjina.settings import get_settings

    url = archive_url or get_settings().archive
    if not is_postgres_url(url):
        raise click.UsageError(
            "--scheduler needs a postgresql:// archive: the workers write into it directly"
        )
    from functools import partial

    from ganjina.archive.ingest import default_parser

    # the reading options travel to the workers with the (picklable) parser
    job = ClusterIngest(url, options, parser=partial(default_parser, ocr=ocr), progress=bar)
    try:
        report = job.run(list(paths))
    finally:
        if bar:
            bar.stop()
    return report, {"cluster": job.cluster_summary()}


def _exit_interrupted() -> NoReturn:
    """Exit 130 now. The archive is closed and the report printed; what is left are the
    interpreter's exit hooks, and the one ``concurrent.futures`` installs joins the
    manager thread of the killed worker pool, which under load was seen to wait for
    more than a minute after a Ctrl-C. Nothing of the archive depends on it."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(130)
