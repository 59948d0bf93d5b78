"""Item 10: queries that used to overflow the stack or print a traceback."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from ganjina.archive import Archive
from ganjina.archive.query import MAX_DEPTH, DateRange, Not, Term, parse
from ganjina.cli.main import cli
from ganjina.errors import QueryError


@pytest.mark.parametrize(
    "query",
    [
        "(" * 329 + "a" + ")" * 329,  # within the web's 500 characters
        "NOT " * 1200 + "a",
        "(" * 2000,
        "a " + "(NOT " * 400 + "b",
    ],
)
def test_deep_queries_are_refused_with_a_position(query: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert "nests too deeply" in str(caught.value) or "too long" in str(caught.value)
    assert caught.value.position is not None


def test_nesting_up_to_the_limit_still_parses() -> None:
    tree = parse("(" * MAX_DEPTH + "kabul" + ")" * MAX_DEPTH)
    assert tree == Term("kabul", None, MAX_DEPTH)
    assert isinstance(parse("NOT " * (MAX_DEPTH - 1) + "x"), Not)


def test_a_lone_surrogate_is_a_query_error() -> None:
    with pytest.raises(QueryError) as caught:
        parse("flood lang:\udced\udca0")
    assert caught.value.position == 11


def test_december_9999_is_a_date() -> None:
    tree = parse("date:9999-12")
    assert tree == DateRange(datetime.date(9999, 12, 1), datetime.date(9999, 12, 31), 5)


def test_a_bad_date_points_at_its_value() -> None:
    with pytest.raises(QueryError) as caught:
        parse("flood date:2022-13")
    assert caught.value.position == len("flood date:")


def test_cli_prints_one_message_and_a_caret_for_deep_and_bad_date_queries(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    archive = str(tmp_path / "a")
    Archive.open(archive, create=True).close()
    for query, caret_at in (("(" * 329 + "a" + ")" * 329, None), ("x date:2022-13", 9)):
        result = runner.invoke(cli, ["search", "--archive", archive, query])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert result.stderr.startswith("ganjina: ")
        lines = result.stderr.splitlines()
        assert len(lines) == 3
        assert len(lines[1]) <= 80  # the query is cut around the problem
        if caret_at is not None:
            assert lines[2].index("^") == caret_at
