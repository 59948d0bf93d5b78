"""The query language: what parses to what, and every mistake pointed at."""

from __future__ import annotations

import datetime

import pytest

from ganjina.archive.query import All, And, DateRange, Not, Or, Phrase, Term, parse
from ganjina.errors import QueryError

D = datetime.date


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("", All()),
        ("   ", All()),
        ("flood", Term("flood", None, 0)),
        ("flood relief", And((Term("flood", None, 0), Term("relief", None, 6)))),
        ("flood AND relief", And((Term("flood", None, 0), Term("relief", None, 10)))),
        ('"flood relief"', Phrase("flood relief", None, 0)),
        ("«سیل کابل»", Phrase("سیل کابل", None, 0)),
        ("“flood relief”", Phrase("flood relief", None, 0)),
        ("a OR b", Or((Term("a", None, 0), Term("b", None, 5)))),
        (
            "x a OR b y",
            And(
                (
                    Term("x", None, 0),
                    Or((Term("a", None, 2), Term("b", None, 7))),
                    Term("y", None, 9),
                )
            ),
        ),
        ("-a", Not(Term("a", None, 0))),
        ("NOT a", Not(Term("a", None, 4))),
        ('-"a b"', Not(Phrase("a b", None, 0))),
        ("(a OR b) c", And((Or((Term("a", None, 1), Term("b", None, 6))), Term("c", None, 9)))),
        ("title:kabul", Term("kabul", "title", 0)),
        ("Author:Karimi", Term("Karimi", "author", 0)),
        ('author:"Ahmad Karimi"', Phrase("Ahmad Karimi", "author", 0)),
        ("-section:sport", Not(Term("sport", "section", 0))),
        ("language:ps", Term("ps", "lang", 0)),
        ("covid-19", Term("covid-19", None, 0)),
        ("a - b", And((Term("a", None, 0), Term("b", None, 4)))),
        ("https://example.org/x", Term("https://example.org/x", None, 0)),
        ("or and not", And((Term("or", None, 0), Term("and", None, 3), Term("not", None, 7)))),
    ],
)
def test_parses(query: str, tree: object) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("query", "first", "last"),
    [
        ("date:2022", D(2022, 1, 1), D(2022, 12, 31)),
        ("date:2022-02", D(2022, 2, 1), D(2022, 2, 28)),
        ("date:2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("date:2022-12", D(2022, 12, 1), D(2022, 12, 31)),
        ("date:2022-03-15", D(2022, 3, 15), D(2022, 3, 15)),
        ("date:2022-03..2022-06", D(2022, 3, 1), D(2022, 6, 30)),
        ("date:2022/03..2022/06", D(2022, 3, 1), D(2022, 6, 30)),
        ("date:1401", D(2022, 3, 21), D(2023, 3, 20)),
        ("date:۱۴۰۱", D(2022, 3, 21), D(2023, 3, 20)),
        ("date:1401-01..1401-06", D(2022, 3, 21), D(2022, 9, 22)),
        ("date:1403-04-23", D(2024, 7, 13), D(2024, 7, 13)),
        ("date:1396-03-10", D(2017, 5, 31), D(2017, 5, 31)),
        ("date:..1399", None, D(2021, 3, 20)),
        ("date:2020..", D(2020, 1, 1), None),
        ("date:1401..2023", D(2022, 3, 21), D(2023, 12, 31)),
    ],
)
def test_dates_in_both_calendars(query: str, first: D | None, last: D | None) -> None:
    node = parse(query)
    assert isinstance(node, DateRange)
    assert (node.first, node.last) == (first, last)


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ('"flood relief', "never closed", 0),
        ('war "flood', "quote opened at character 5", 4),
        ("foo:bar", "unknown field 'foo:'", 0),
        ("kabul bogus:1", "unknown field 'bogus:'", 6),
        ("title:", "needs a value", 0),
        ('author:""', "needs a value", 0),
        ("a OR", "OR needs something after it", 2),
        ("OR a", "OR needs something before it", 0),
        ("a OR OR b", "OR needs something after it", 2),
        ("AND a", "AND needs something before it", 0),
        ("a AND", "AND needs something after it", 2),
        ("NOT", "NOT needs something after it", 0),
        ("(a", "never closed", 0),
        ("a)", "closes nothing", 1),
        ("()", "empty group", 1),
        ("date:2022-13", "no month 13", 5),
        ("date:2022-02-30", "impossible date", 5),
        ("date:1401-12-31", "impossible date", 5),
        ("date:1401-13", "no solar hijri month 13", 5),
        ("date:2023..2022", "ends before it starts", 5),
        ("date:..", "at least one side", 5),
        ("date:yesterday", "not a date", 5),
        ("date:99", "out of range", 5),
        ("x date:20220", "not a date", 7),  # the caret under the value, not the field
    ],
)
def test_mistakes_are_pointed_at(query: str, message: str, position: int) -> None:
    with pytest.raises(QueryError, match=message) as info:
        parse(query)
    assert info.value.position == position
    assert "\n" not in str(info.value)
