"""``ganjina outlets``: outlets with their article counts, and the unresolved names."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ganjina.cli.archive_options import archive_option, json_option


@click.command("outlets")
@archive_option
@json_option
@click.option(
    "--outlets",
    "extra",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also read this outlet table (TOML): try additions before installing them.",
)
@click.option(
    "--toml",
    "as_toml",
    is_flag=True,
    help="Print the unresolved names as [[outlet]] entries to complete and add to a table.",
)
def command(archive_url: str | None, as_json: bool, extra: tuple[Path, ...], as_toml: bool) -> None:
    """List the outlets articles are attributed to, with counts, then the attributed names
    no outlet in the alias table claims (with a guess), so a librarian can extend it.

    The alias table is data: ganjina/links/outlets.toml, plus any other *.toml file in
    that folder (see docs/links.md). Counts follow the table at once; run
    `ganjina reindex` so the source facet and source: filter follow it too.

    \b
    Examples:
      ganjina outlets
      ganjina outlets --toml > new-outlets.toml
      ganjina outlets --outlets new-outlets.toml --json
    """
    from ganjina.archive import Archive
    from ganjina.links import Links, OutletTable

    table = OutletTable.load(extra)
    with Archive.open(archive_url) as archive:
        report = Links(archive, table).outlets()
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    if as_toml:
        for u in report.unresolved:
            hint = f"  # {u.articles} articles" + (
                f"; perhaps {u.suggestion!r}" if u.suggestion else ""
            )
            click.echo(
                f'[[outlet]]{hint}\nid = ""\nname = {json.dumps(u.name, ensure_ascii=False)}\n'
            )
        return
    for o in report.outlets:
        spellings = ", ".join(f"{name} ({n})" for name, n in o.names)
        click.echo(f"{o.articles:>7,}  {o.name}  [{o.id}]  {spellings}")
    click.echo(f"{len(report.outlets)} outlets")
    if report.unresolved:
        click.echo("\nunresolved names (add them to the outlet table):")
        for u in report.unresolved:
            guess = f"  perhaps {u.suggestion}" if u.suggestion else ""
            click.echo(f"{u.articles:>7,}  {u.name}{guess}")
