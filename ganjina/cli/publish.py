"""``ganjina publish``: sources → house-style PDF and HTML, and the record into the archive."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click

from ganjina.errors import GanjinaError, PublishError


def _timestamp(value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("expected an ISO date or date-time, e.g. 2023-02-14") from None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _open_archive(url: str | None) -> Any:
    # imported here: the search engine loads only when a record goes into the archive
    from ganjina.archive import Archive

    return Archive.open(url, create=True)  # None: GANJINA_ARCHIVE or ./ganjina-archive/


@click.command("publish")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the PDF and HTML files (default: next to each source).",
)
@click.option(
    "--archive",
    "archive_url",
    metavar="URL",
    help="Archive to add the records to: a folder or a postgresql:// URL "
    "(default: GANJINA_ARCHIVE, else ./ganjina-archive/).",
)
@click.option("--no-archive", is_flag=True, help="Only write the files; keep the archive as it is.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Processes rendering in parallel; 0 means one per CPU core.",
)
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A site profile TOML file: another portal's identity, sections and colours "
    "(default: the built-in Afghanistan Azad profile).",
)
@click.option(
    "--timestamp",
    metavar="DATE",
    help="Write this creation date into the PDFs (default: none, for byte-identical output).",
)
def command(
    sources: tuple[Path, ...],
    out_dir: Path | None,
    archive_url: str | None,
    no_archive: bool,
    jobs: int,
    profile_path: Path | None,
    timestamp: str | None,
) -> None:
    """Publish article sources in the house style: a PDF and an HTML page each.

    A SOURCE is Markdown with YAML front matter (title, authors, translators, date,
    section, language, source) or a Word file (.docx) laid out in the house style.
    Each source gives NAME.pdf and NAME.html (NAME is the file's name, or its folder's
    for source.md), and its record goes into the archive. A source that cannot be
    published gets one line on stderr and nothing is written for it; the others are
    still published. Exit status: 0 when every source was published, 1 otherwise.

    \b
    Examples:
      ganjina publish samples/en-flood-relief/source.md --out site/
      ganjina publish drafts/*.md drafts/*.docx --out site/ -j 0
      ganjina publish article.md --no-archive
    """
    from ganjina.render.batch import add_to_archive, publish_many
    from ganjina.render.publish import Published
    from ganjina.render.sources import PROFILE_PATH

    if archive_url and no_archive:
        raise click.UsageError("--archive and --no-archive exclude each other")
    stamp = _timestamp(timestamp)
    archive = None if no_archive else _open_archive(archive_url)
    failed = 0
    try:
        results = publish_many(
            list(sources), out_dir, jobs=jobs, timestamp=stamp, profile=profile_path or PROFILE_PATH
        )
        for result in results:
            if isinstance(result, PublishError):
                failed += 1
                click.echo(f"ganjina: {result}", err=True)
                continue
            assert isinstance(result, Published)
            note = ""
            if archive is not None:
                try:
                    _, article_id = next(add_to_archive(archive, [result]))
                    note = f" (archived as {article_id})"
                except GanjinaError as err:
                    failed += 1
                    click.echo(f"ganjina: {result.source}: not archived: {err}", err=True)
            click.echo(f"{result.source} → {result.pdf}, {result.html}{note}")
    finally:
        if archive is not None:
            archive.close()
    sys.exit(1 if failed else 0)
