"""``ganjina parse``: read article files and print their records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ganjina.cli.read_options import ocr_option
from ganjina.errors import GanjinaError
from ganjina.house.recognize import Explained
from ganjina.record import Article

#: how much of a line the explanation shows
_SHOWN = 70


def _summary(article: Article) -> str:
    kinds: dict[str, int] = {}
    for block in article.blocks:
        kinds[block.type] = kinds.get(block.type, 0) + 1
    source = article.source
    rows = [
        ("title", article.title),
        ("authors", ", ".join(article.authors) or None),
        ("translators", ", ".join(article.translators) or None),
        ("date", _date_shown(article.date, article.date_text)),
        ("section", " / ".join(article.section.labels) if article.section else None),
        ("language", article.language),
        ("source", f"{source.name or '?'} {source.date or ''}".strip() if source else None),
        ("blocks", ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or None),
        ("id", article.id),
    ]
    out = [f"{name:<12}{value if value is not None else '—'}" for name, value in rows]
    out += [f"{'warning':<12}{w}" for w in article.warnings]
    return "\n".join(out)


def _date_shown(iso: str | None, printed: str | None) -> str | None:
    """The date, and as printed where it was (a web page may only declare it)."""
    if iso is None:
        return None
    return f"{iso} ({printed})" if printed else iso


def _explanation_rows(explained: Explained | None) -> list[dict[str, object]]:
    if explained is None:
        return [{"page": None, "role": "record", "why": EMBEDDED, "text": ""}]
    return [
        {"page": ln.page, "role": role, "why": why, "text": ln.text}
        for ln, role, why in explained.lines
    ]


EMBEDDED = "the record Ganjina embedded when it published this PDF (its lines are not read)"


def _explanation(rows: list[dict[str, object]]) -> str:
    out = []
    for row in rows:
        # one line a row: a table's cells and rows written across (the JSON keeps them)
        text = str(row["text"]).replace("\t", " | ").replace("\n", " / ")
        shown = text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"
        page = f"p{row['page']}" if row["page"] else "  "
        # the text is isolated so that a right-to-left line cannot reorder the columns
        out.append(f"{page:<4}{row['role']:<13}\u2068{shown}\u2069  ← {row['why']}")
    return "\n".join(out)


@click.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (the schema).")
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A site profile TOML file (default: the built-in Afghanistan Azad profile).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=None,
    metavar="SECONDS",
    help="Seconds one file may take (default: $GANJINA_READ_TIMEOUT, else 300); "
    "0 reads in this process with no limit.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Show every line with the role it was given (title, byline, date, furniture, "
    "paragraph …) and the evidence that decided it: why a field is empty.",
)
@ocr_option
def command(
    files: tuple[Path, ...],
    as_json: bool,
    profile_path: Path | None,
    timeout: float | None,
    explain: bool,
    ocr: str,
) -> None:
    """Read article files (PDF, Markdown, text, DOCX, .doc, RTF, HTML) and print their records.

    With --json, one file prints one JSON object (exactly the article schema); several
    files print a JSON array of objects, in the order given. Files that cannot be read
    get one line each on stderr, and the others are still read. Exit status: 0 when
    every file was read, 1 when any failed.

    Scanned PDFs (pages that are pictures) are read by OCR, in Dari, Pashto, English or
    German; the record then warns "read by OCR, mean confidence …" and its provenance
    names the engine and language models. OCR needs Tesseract's language packs (a
    missing one is named):

    \b
      apt-get install tesseract-ocr-fas tesseract-ocr-pus tesseract-ocr-eng \\
        tesseract-ocr-deu tesseract-ocr-script-arab

    \b
    Each file is read in a worker process within a time budget, so a hostile file is
    one line on stderr, never a hang.

    \b
    Examples:
      ganjina parse samples/en-flood-relief/article.pdf
      ganjina parse --json samples/*/article.md > records.json
      ganjina parse --timeout 30 suspicious.pdf
      ganjina parse --ocr always scanned-with-bad-text-layer.pdf
      ganjina parse --explain article.pdf       # why is the byline empty?
      ganjina parse --explain --json article.pdf | jq '.lines[] | select(.role=="date")'

    With --explain --json, each file prints {"record": …, "lines": [{page, role, why,
    text}, …]}.
    """
    from ganjina.archive.paths import shown
    from ganjina.house.profile import load_profile
    from ganjina.read.budget import DEFAULT_SECONDS, Budget
    from ganjina.read.files import read_file
    from ganjina.reader import read_explained
    from ganjina.settings import get_settings

    profile = load_profile(profile_path) if profile_path else None
    if timeout is None:
        timeout = get_settings().read_timeout or DEFAULT_SECONDS
    records: list[Article] = []
    explanations: list[list[dict[str, object]]] = []
    failed = 0
    with Budget(timeout) as budget:
        for path in files:
            try:
                data, _ = read_file(path)
                if timeout:
                    article, explained = budget.call(read_explained, data, str(path), profile, ocr)
                else:
                    article, explained = read_explained(data, str(path), profile, ocr)
            except GanjinaError as err:
                failed += 1
                click.echo(f"{shown(str(path))}: {err}", err=True)
                continue
            records.append(article)
            explanations.append(_explanation_rows(explained))
            if not as_json:
                if len(files) > 1:
                    click.echo(f"== {shown(str(path))}")
                if explain:
                    click.echo(_explanation(explanations[-1]))
                    click.echo()
                click.echo(_summary(article))
                if len(files) > 1:
                    click.echo()
    if as_json and explain:
        both = [
            {"record": r.to_dict(), "lines": lines}
            for r, lines in zip(records, explanations, strict=True)
        ]
        value: object = both[0] if len(files) == 1 and both else both
        if both or len(files) > 1:
            json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
    elif as_json:
        if len(files) == 1:
            if records:
                click.echo(records[0].to_json())
        else:
            json.dump([r.to_dict() for r in records], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
    sys.exit(1 if failed else 0)
