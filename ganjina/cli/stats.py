"""``ganjina stats``: counts by section, language and year, and the archive's health."""

from __future__ import annotations

import json
from typing import Any

import click

from ganjina.cli.archive_options import archive_option, json_option


@click.command("stats")
@archive_option
@json_option
def command(archive_url: str | None, as_json: bool) -> None:
    """Show what the archive holds and how healthy it is.

    Counts by section, language and year; records without a date, without an author or
    with reading warnings; files that failed; whether the search index is up to date.

    \b
    Examples:
      ganjina stats
      ganjina stats --json --archive postgresql://ganjina@db/ganjina
    """
    from ganjina.archive import Archive

    with Archive.open(archive_url) as archive:
        stats = archive.stats()
    if as_json:
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    click.echo(_text(stats))


def _table(title: str, rows: list[Any]) -> list[str]:
    out = [f"{title}:"]
    out += [
        f"  {value if value is not None else '(none)'!s:<28} {count:>9,}" for value, count in rows
    ]
    return out


def _text(s: dict[str, Any]) -> str:
    health = s["health"]
    index = s["index"]
    behind = index["behind"]
    lines = [
        f"archive   {s['archive']}",
        f"records   {s['records']:,} ({s['versions']:,} earlier versions, "
        f"{s['originals']:,} originals, {s['original_bytes'] / 1e6:,.1f} MB)",
        f"files     {s['files']:,} read, {health['failed_files']:,} failed",
        "index     "
        + (
            "not built"
            if behind is None
            else "up to date"
            if behind == 0
            else f"{behind:,} changes behind"
        ),
        "",
        "health:",
        f"  without a date               {health['without_date']:>9,}",
        f"  without an author            {health['without_author']:>9,}",
        f"  with warnings                {health['with_warnings']:>9,}",
        "",
    ]
    lines += [*_table("by section", s["by_section"]), ""]
    lines += [*_table("by language", s["by_language"]), ""]
    lines += _table("by year", s["by_year"])
    return "\n".join(lines)
