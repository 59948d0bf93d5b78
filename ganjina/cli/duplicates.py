"""``ganjina duplicates``: the near-duplicate clusters, with their similarity."""

from __future__ import annotations

import json

import click

from ganjina.cli.archive_options import archive_option, json_option


@click.command("duplicates")
@archive_option
@json_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Show at most this many clusters."
)
def command(archive_url: str | None, as_json: bool, limit: int | None) -> None:
    """List records that hold the same text: another conversion, a corrected typo, a
    different header, or the same text published again later (a reprint).

    Each cluster shows its representative (the earliest record) first, then every other
    member with its relation (duplicate-of, reprint-of) and its estimated similarity
    (Jaccard of word triples, 1.0 = identical). Biggest clusters first. Ingest keeps the
    clusters up to date; `ganjina links rebuild` remakes them.

    \b
    Examples:
      ganjina duplicates
      ganjina duplicates --json --limit 100 > clusters.json
    """
    from ganjina.archive import Archive
    from ganjina.links import Links

    with Archive.open(archive_url) as archive:
        clusters = []
        for cluster in Links(archive).clusters():
            clusters.append(cluster)
            if limit is not None and len(clusters) >= limit:
                break
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in clusters], ensure_ascii=False, indent=2))
        return
    for n, cluster in enumerate(clusters, start=1):
        size = len(cluster.members)
        click.echo(f"{n}. {size} records, similarity ≥ {cluster.similarity:.2f}")
        for m in cluster.members:
            r = m.record
            how = "representative" if m.kind is None else f"{m.kind} {m.similarity:.2f}"
            meta = "  ".join(x for x in (r.date or "no date", r.language or "?") if x)
            click.echo(f"   {r.id}  {meta}  {r.title or '(no title)'}  [{how}]")
    click.echo(f"{len(clusters)} cluster{'s' if len(clusters) != 1 else ''}")
