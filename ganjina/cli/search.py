"""``ganjina search``: search the archive with the query language."""

from __future__ import annotations

import json
import sys

import click

from ganjina.cli.archive_options import archive_option, json_option
from ganjina.errors import QueryError


def _caret(query: str, err: QueryError) -> str:
    """The query with a caret under the problem, for a terminal."""
    pos = err.position if err.position is not None else 0
    # a long query is cut to a window around the problem, so the caret stays on screen
    start = max(0, min(pos - 30, len(query) - 70))
    shown = query[start : start + 70].encode("utf-8", "backslashreplace").decode()
    lead = "…" if start else ""
    tail = "…" if start + 70 < len(query) else ""
    offset = len(query[start:pos].encode("utf-8", "backslashreplace").decode())
    return f"  {lead}{shown}{tail}\n  {' ' * (len(lead) + offset)}^"


@click.command("search")
@click.argument("query")
@archive_option
@json_option
@click.option(
    "--limit",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="How many hits to show.",
)
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many hits.")
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date", "date_asc"]),
    default="relevance",
    show_default=True,
    help="Order: best match first, newest first, or oldest first.",
)
@click.option(
    "--facets",
    is_flag=True,
    help="Also count all matches by section, language, year, source and author.",
)
@click.option(
    "--collapse",
    is_flag=True,
    help="Show records holding the same text (near-duplicates, reprints) once.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Show why each hit scored: which ways of matching (exact, name, word forms) "
    "found it and what each added.",
)
@click.option(
    "--exact",
    "no_correct",
    is_flag=True,
    help="For a query finding nothing, do not search its did-you-mean suggestion instead.",
)
def command(
    query: str,
    archive_url: str | None,
    as_json: bool,
    limit: int,
    offset: int,
    sort: str,
    facets: bool,
    collapse: bool,
    explain: bool,
    no_correct: bool,
) -> None:
    """Search the archive.

    \b
    Query language:
      flood relief            both words        "flood relief"   the phrase
      flood OR drought        either word      -football        without it
      (a OR b) c              grouping         NOT a            without it
      title: author: translator: section: lang: source:   field filters
      date:2022  date:2022-03..2022-06  date:1401  date:1401-01..1401-06
      ~"flooded villages"     the phrase in any word forms
    Dari and Pashto match whatever the ZWNJ, yeh/kaf or digit spelling. Other
    forms of a word count after the exact form (flood: flooded, کتاب: کتاب‌ها);
    places and people match in either script (Herat: هرات).

    \b
    Examples:
      ganjina search 'flood -kabul date:1401'
      ganjina search 'author:"Ahmad Karimi" lang:fa' --sort date --json
      ganjina search helmand --collapse
      ganjina search 'Mazar-i-Sharif' --explain
    """
    from ganjina.archive import Archive

    hidden: dict[str, list[str]] = {}
    with Archive.open(archive_url) as archive:
        try:
            if collapse:  # one hit per near-duplicate cluster (ganjina/links)
                from ganjina.links import Links

                result, hidden = Links(archive).search(
                    query,
                    limit=limit,
                    offset=offset,
                    sort=sort,
                    facets=facets,
                    explain=explain,
                    correct=not no_correct,
                )
            else:
                result = archive.search(
                    query,
                    limit=limit,
                    offset=offset,
                    sort=sort,
                    facets=facets,
                    explain=explain,
                    correct=not no_correct,
                )
        except QueryError as err:
            click.echo(f"ganjina: {err}\n{_caret(query, err)}", err=True)
            sys.exit(2)
    if result.behind:
        click.echo(
            f"ganjina: warning: the search index lacks the last {result.behind} changes "
            "and could not be caught up (is the disk full?); results may be incomplete",
            err=True,
        )
    if as_json:
        data = result.to_dict()
        if collapse:
            data["collapsed"] = hidden  # hit id -> the ids of the same text it stands for
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    color = sys.stdout.isatty()
    if result.corrected:
        click.echo(f"nothing found for {query!r}; showing results for {result.corrected!r}")
    for suggestion in result.suggestions:
        if suggestion.query != result.corrected:
            click.echo(f"did you mean: {suggestion.query}  ({suggestion.total} results)")
    for n, hit in enumerate(result.hits, start=offset + 1):
        meta = " · ".join(
            x for x in (hit.date, hit.section, hit.language, ", ".join(hit.authors)) if x
        )
        title = "".join(_mark(t, m, color) for t, m in hit.title_segments) or "(no title)"
        click.echo(f"{n}. {title}\n   {meta}  [{hit.id}]")
        snippet = "".join(_mark(t, m, color) for t, m in hit.snippet)
        if snippet:
            click.echo(f"   {snippet}")
        if hit.matched:
            click.echo("   " + ", ".join(f"found {f} for {q}" for f, q in hit.matched))
        for how, score in hit.explanation:
            click.echo(f"     {score:7.3f}  {how}")
        if hit.explanation:
            click.echo(f"     {hit.score:7.3f}  = score")
    shown = f"{offset + 1}–{offset + len(result.hits)} of " if result.hits else ""
    click.echo(f"{shown}{result.total} results ({result.took_ms:.1f} ms)")
    for name, counts in (result.facets or {}).items():
        if counts:
            click.echo(f"{name}: " + ", ".join(f"{v} ({c})" for v, c in counts))


def _mark(text: str, is_match: bool, color: bool) -> str:
    if not is_match:
        return text
    return click.style(text, bold=True, fg="yellow") if color else f"[{text}]"
