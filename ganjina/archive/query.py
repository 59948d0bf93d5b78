"""The search query language: parse what a user types into a small tree.

What archive users expect from a search box (Google, Europeana, Chronicling America)::

    flood relief               both words (AND is implied; ``AND`` may be written)
    "flood relief"             the exact phrase (also “…” and «…»)
    ~"flooded villages"        the phrase in any word forms (flood village, floods…)
    flood OR drought           either word; OR binds tighter than AND:
                               ``aid flood OR drought`` = aid AND (flood OR drought)
    -football  NOT football    without the word (also -"a phrase", -author:x)
    (flood OR drought) kabul   parentheses group
    title:kabul  author:"Ahmad Karimi"  translator:…  section:dari  lang:ps  source:bbc
    date:2022  date:2022-03..2022-06  date:1401  date:1401-01..1401-06  date:..1399

Dates with a year before 1700 are solar hijri (1401 = 2022-03-21..2023-03-20), others
Gregorian; digits may be Persian. Every mistake raises :class:`QueryError` with the
0-based position of the problem, never an engine error.

    >>> parse('aid "flood relief" -author:x')
    And(items=(Term(text='aid', field=None, pos=0), Phrase(text='flood relief', field=None, \
pos=4), Not(item=Term(text='x', field='author', pos=21))))
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from ganjina.errors import query_error
from ganjina.text import to_ascii_digits
from ganjina.text.calendars import solar_hijri_month_range, solar_hijri_to_gregorian

#: field name as typed -> canonical field
FIELDS = {
    "title": "title",
    "author": "author",
    "translator": "translator",
    "section": "section",
    "lang": "lang",
    "language": "lang",
    "source": "source",
    "date": "date",
}
FIELD_LIST = "title, author, translator, section, lang, source, date"

_QUOTES = {'"': '"', "“": "”", "«": "»", "„": "“"}
_STOP = set(" \t\n\r()") | set(_QUOTES)
_FIELD = re.compile(r"([A-Za-z]+):")
#: solar hijri years are written below this, Gregorian years from it
SOLAR_BEFORE = 1700
#: parentheses and NOTs nest at most this deep: the parser and the compiler recurse, and no
#: real query needs more (a deeper one is a mistake or an attack on the stack)
MAX_DEPTH = 32
#: a query longer than this is refused before it is read (the web's box allows 500)
MAX_QUERY_CHARS = 4000
#: lone surrogates are not text: they arrive from undecodable command-line bytes
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Term:
    text: str
    field: str | None
    pos: int


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None
    pos: int
    #: ``~"…"``: match the words' other forms too, not only the exact phrase
    forms: bool = False


@dataclass(frozen=True)
class DateRange:
    first: datetime.date | None
    last: datetime.date | None
    pos: int


@dataclass(frozen=True)
class Not:
    item: Node


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class All:
    """Every record (an empty query)."""


Node = Term | Phrase | DateRange | Not | And | Or | All


@dataclass(frozen=True)
class _Tok:
    kind: str  # WORD PHRASE FIELD LPAR RPAR OR AND NOT
    text: str
    pos: int
    field: str | None = None
    negated: bool = False
    quoted: bool = False
    #: where a field's value starts (errors about the value point there)
    value_pos: int = 0
    forms: bool = False


def _read_quoted(q: str, i: int) -> tuple[str, int]:
    """The text of a quote starting at ``q[i]`` and the index after its end."""
    close = _QUOTES[q[i]]
    end = q.find(close, i + 1)
    if end < 0:
        raise query_error("the quote opened at character %(at)s is never closed", i, at=i + 1)
    return q[i + 1 : end], end + 1


def _lex(q: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
            continue
        if c in "()":
            toks.append(_Tok("LPAR" if c == "(" else "RPAR", c, i))
            i += 1
            continue
        start, negated = i, False
        if c == "-" and i + 1 < n and not q[i + 1].isspace():
            negated, i = True, i + 1
        forms = q[i] == "~" and i + 1 < n and q[i + 1] in _QUOTES
        if forms:
            i += 1
        if q[i] in _QUOTES:
            text, i = _read_quoted(q, i)
            toks.append(_Tok("PHRASE", text, start, negated=negated, quoted=True, forms=forms))
            continue
        m = _FIELD.match(q, i)
        if m and not q.startswith("//", m.end()):
            i = _lex_field(q, m, start, negated, toks)
            continue
        j = i
        while j < n and q[j] not in _STOP:
            j += 1
        word = q[i:j]
        if word in ("OR", "AND", "NOT") and not negated:
            toks.append(_Tok(word, word, start))
        elif word.strip("-"):
            toks.append(_Tok("WORD", word, start, negated=negated))
        i = max(j, i + 1)
    return toks


def _lex_field(q: str, m: re.Match[str], start: int, negated: bool, toks: list[_Tok]) -> int:
    name = m.group(1).lower()
    typed = repr(m.group(1) + ":")
    if name not in FIELDS:
        raise query_error(
            "unknown field %(field)s (fields: %(fields)s)", start, field=typed, fields=FIELD_LIST
        )
    i = value_pos = m.end()
    if i < len(q) and q[i] in _QUOTES:
        text, i = _read_quoted(q, i)
        value_pos += 1
        quoted = True
    else:
        j = i
        while j < len(q) and q[j] not in _STOP:
            j += 1
        text, i, quoted = q[i:j], j, False
    if not text.strip():
        example = name + ":kabul"
        raise query_error(
            "%(field)s needs a value, e.g. %(example)s", start, field=typed, example=example
        )
    toks.append(
        _Tok(
            "FIELD",
            text,
            start,
            field=FIELDS[name],
            negated=negated,
            quoted=quoted,
            value_pos=value_pos,
        )
    )
    return i


class _Parser:
    def __init__(self, q: str) -> None:
        self.q = q
        self.toks = _lex(q)
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        if not self.toks:
            return All()
        node = self.and_seq()
        tok = self.peek()
        if tok is not None:  # only a stray ')' stops and_seq early
            raise query_error("')' at character %(at)s closes nothing", tok.pos, at=tok.pos + 1)
        return node

    def and_seq(self) -> Node:
        items: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind != "RPAR":
            if tok.kind == "AND":
                if not items:
                    raise query_error("AND needs something before it", tok.pos)
                self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind in ("RPAR", "OR", "AND"):
                    raise query_error("AND needs something after it", tok.pos)
                continue
            if tok.kind == "OR":
                raise query_error("OR needs something before it", tok.pos)
            items.append(self.or_seq())
        if not items:
            pos = tok.pos if tok is not None else len(self.q)
            raise query_error("empty group: put words between the parentheses", pos)
        return items[0] if len(items) == 1 else And(tuple(items))

    def or_seq(self) -> Node:
        items = [self.unary()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            nxt = self.peek()
            if nxt is None or nxt.kind in ("RPAR", "OR", "AND"):
                raise query_error("OR needs something after it", tok.pos)
            items.append(self.unary())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def _deeper(self, tok: _Tok) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise query_error(
                "the query nests too deeply at character %(at)s "
                "(at most %(most)s levels of parentheses and NOT)",
                tok.pos,
                at=tok.pos + 1,
                most=MAX_DEPTH,
            )

    def unary(self) -> Node:
        tok = self.take()
        if tok.kind == "NOT":
            nxt = self.peek()
            if nxt is None or nxt.kind in ("RPAR", "OR", "AND"):
                raise query_error("NOT needs something after it", tok.pos)
            self._deeper(tok)
            node: Node = Not(self.unary())
            self.depth -= 1
            return node
        if tok.kind == "LPAR":
            self._deeper(tok)
            node = self.and_seq()
            close = self.peek()
            if close is None:
                raise query_error(
                    "the '(' at character %(at)s is never closed", tok.pos, at=tok.pos + 1
                )
            self.take()
            self.depth -= 1
            return node
        if tok.kind == "RPAR":
            raise query_error("')' at character %(at)s closes nothing", tok.pos, at=tok.pos + 1)
        node = _leaf(tok)
        return Not(node) if tok.negated else node


def _leaf(tok: _Tok) -> Node:
    if tok.kind == "PHRASE":
        return Phrase(tok.text, None, tok.pos, forms=tok.forms)
    if tok.kind == "WORD":
        return Term(tok.text, None, tok.pos)
    if tok.field == "date":
        return parse_date_value(tok.text, tok.value_pos)
    if tok.quoted:
        return Phrase(tok.text, tok.field, tok.pos)
    return Term(tok.text, tok.field, tok.pos)


def parse(q: str) -> Node:
    """Parse a query into a tree, or raise :class:`QueryError` pointing at the problem."""
    if len(q) > MAX_QUERY_CHARS:
        length, most = format(len(q), ","), format(MAX_QUERY_CHARS, ",")
        raise query_error(
            "the query is too long (%(length)s characters; at most %(most)s)",
            MAX_QUERY_CHARS,
            length=length,
            most=most,
        )
    bad = _SURROGATE.search(q)
    if bad is not None:
        raise query_error(
            "character %(at)s is not text (bytes that are not UTF-8?)",
            bad.start(),
            at=bad.start() + 1,
        )
    return _Parser(q).parse()


# -- dates ------------------------------------------------------------------------------
_DATE = re.compile(r"^(\d{1,4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?$")


def parse_date_value(value: str, pos: int) -> DateRange:
    """``2022``, ``2022-03..2022-06``, ``1401-01``, ``..1399``, ``2020..`` as a day range."""
    text = to_ascii_digits(value.strip())
    if ".." in text:
        left, _, right = text.partition("..")
        if not left and not right:
            raise query_error("date:.. needs a date on at least one side", pos)
        first = _date_point(left, pos, last=False) if left else None
        last = _date_point(right, pos, last=True) if right else None
        if first and last and last < first:
            raise query_error("the date range %(range)s ends before it starts", pos, range=value)
        return DateRange(first, last, pos)
    return DateRange(_date_point(text, pos, last=False), _date_point(text, pos, last=True), pos)


def _date_point(text: str, pos: int, *, last: bool) -> datetime.date:
    m = _DATE.match(text)
    if not m:
        raise query_error(
            "%(text)s is not a date: write 2022, 2022-03, 2022-03-15 or solar 1401-01",
            pos,
            text=repr(text),
        )
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        if year >= SOLAR_BEFORE:
            return _gregorian(year, month, day, last)
        if year < 1200:
            raise ValueError(f"year {year} is out of range (solar hijri years start at 1200)")
        return _solar(year, month, day, last)
    except ValueError as err:
        english = f"impossible date '{text}': {err}"
        raise query_error(
            "impossible date %(text)s", pos, english=english, text=repr(text)
        ) from None


def _gregorian(year: int, month: int | None, day: int | None, last: bool) -> datetime.date:
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"there is no month {month}")
    if day is not None:
        return datetime.date(year, month or 1, day)
    if month is None:
        return datetime.date(year, 12, 31) if last else datetime.date(year, 1, 1)
    if not last:
        return datetime.date(year, month, 1)
    # monthrange, not "the first of next month minus a day": December 9999 has no next month
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _solar(year: int, month: int | None, day: int | None, last: bool) -> datetime.date:
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"there is no solar hijri month {month}")
    if day is not None:
        return solar_hijri_to_gregorian(year, month or 1, day)
    first_day, last_day = solar_hijri_month_range(year, month)
    return last_day if last else first_day
