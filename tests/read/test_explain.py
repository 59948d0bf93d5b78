"""``ganjina parse --explain``: every line with the role it got and the evidence."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ganjina.cli.main import cli

ARTICLE = """\
www.afgazad.com   afgazad@gmail.com
افغانستان آزاد – آزاد افغانستان
AA-AA
European Languages
By Lena Hart
12.04.2024
The river rose overnight in Kunduz
Water reached the lower market before dawn, and shopkeepers carried what they could
to the roofs while the river kept rising for three more hours.
An unmarked line nobody claims
The district council opened two schools as shelters by noon.
"""


def _explain(path: Path, *extra: str) -> str:
    result = CliRunner().invoke(cli, ["parse", "--explain", *extra, str(path)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_line_is_shown_with_its_role_and_evidence(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    rows = json.loads(_explain(article, "--json"))["lines"]
    roles = {row["text"]: (row["role"], row["why"]) for row in rows}
    assert roles["The river rose overnight in Kunduz"][0] == "title"
    assert roles["By Lena Hart"][0] == "byline"
    assert roles["12.04.2024"][0] == "date"
    assert all(row["why"] for row in rows)  # every role says what decided it
    # no line of the file goes unexplained
    assert {ln for ln in ARTICLE.splitlines() if ln.strip()} <= {r["text"] for r in rows} | {
        ln for ln in ARTICLE.splitlines() if any(ln in r["text"] for r in rows)
    }


def test_the_explanation_comes_before_the_summary(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = _explain(article)
    assert out.index("byline") < out.index("authors")
    assert "\u2068By Lena Hart\u2069" in out  # isolated: a Dari line cannot reorder columns


def test_a_file_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["parse", "--explain", str(tmp_path / "missing.pdf")])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("no such file")


def test_a_table_is_shown_on_one_line_a_row(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "# The river rose overnight in Kunduz\n\nBy Lena Hart\n\n"
        "| District | Shelters |\n|---|---|\n| Kunduz | 2 |\n| Imam Sahib | 1 |\n",
        encoding="utf-8",
    )
    table = [ln for ln in _explain(article).splitlines() if ln.split()[1:2] == ["table"]]
    assert len(table) == 1  # its rows and cells written across, not over several lines
    assert "District | Shelters / Kunduz | 2 / Imam Sahib | 1" in table[0]
