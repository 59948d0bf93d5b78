"""A draft's record as a form and back: every field of the record, edited as text.

Field by field: ``title``; ``authors`` and ``translators`` one name a line; ``section``;
``language``; ``date`` in either calendar (``2024-07-13``, ``1403-04-23``, ``۲۳ سرطان
۱۴۰۳``: a year before 1700 is solar hijri, as everywhere in Ganjina); the source outlet
(``source_name``, ``source_date``, ``source_url``, ``source_text``, the line as printed);
and the body, one row a block (``block-N-type``, ``block-N-marker``, ``block-N-text``):
an emptied row is removed, the blank row at the end adds one.

Text is kept as typed apart from Unicode NFC, runs of white space made one space, and
control characters dropped; ZWNJ and every Pashto letter stay exactly as they are.
A message is a catalogue template and its values, shown beside its field.
"""

from __future__ import annotations

import ast
import dataclasses
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from ganjina.record import BLOCK_TYPES, Article, Block, Section, Source
from ganjina.text import parse_date, to_ascii_digits
from ganjina.text.calendars import solar_hijri_to_gregorian
from ganjina.web.i18n import N_

Message = tuple[str, dict[str, Any]]

#: the languages a draft may be written in first; a record's own other tag is kept
LANGUAGES = ("fa-AF", "ps", "en", "de")
#: the language a section's articles are in (the profile's three sections)
SECTION_SCRIPT = {"dari": "rtl", "pashto": "rtl", "european-languages": "ltr"}
RTL = ("fa", "ps", "prs", "ar", "ur")
MAX_TITLE = 500
MAX_NAMES = 30
MAX_NAME = 200
MAX_BLOCKS = 1500
MAX_BLOCK = 50_000
MAX_LINE = 2000
_LANG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
SOLAR_BEFORE = 1700
#: the days a date field's help and errors show as examples, in the interface's digits
#: (:meth:`ganjina.web.present.Ui.message`): the same day in each way it may be typed
DATE_EXAMPLES = {
    "gregorian_example": "2024-07-13",
    "solar_example": "1403-04-23",
    "day_in_words": "2024-07-13",
}
NOT_A_DAY = N_("not a day: write %(gregorian_example)s, %(solar_example)s or %(day_in_words)s")


def clean(text: str | None, limit: int = MAX_BLOCK) -> str:
    """NFC, control characters out, white space runs as one space (ZWNJ is not space)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text[: limit * 2])
    text = "".join(ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")
    return " ".join(text.split())[:limit]


def is_rtl(language: str | None) -> bool:
    return (language or "").split("-")[0].lower() in RTL


def parse_day(text: str) -> str | None:
    """An ISO Gregorian date from a day in either calendar; ``None`` for an empty field;
    ``ValueError`` when it is not a day."""
    text = clean(text, 100)
    if not text:
        return None
    m = _ISO.fullmatch(to_ascii_digits(text))
    if m:
        year, month, day = (int(g) for g in m.groups())
        import datetime

        if year < SOLAR_BEFORE:
            return solar_hijri_to_gregorian(year, month, day).isoformat()
        return datetime.date(year, month, day).isoformat()
    found = parse_date(text)
    if found is None or found.precision != "day":
        raise ValueError(text)
    return found.date.isoformat()


def names(text: str | None) -> list[str]:
    lines = [clean(line, MAX_NAME) for line in (text or "").splitlines()]
    return [n for n in lines if n][:MAX_NAMES]


# -- record -> form -----------------------------------------------------------------------
def form_values(article: Article) -> dict[str, Any]:
    """The record as the form's fields."""
    source = article.source
    return {
        "title": article.title or "",
        "authors": "\n".join(article.authors),
        "translators": "\n".join(article.translators),
        "section": article.section.id if article.section else "",
        "language": article.language or "",
        "date": article.date or "",
        "source_name": (source.name or "") if source else "",
        "source_date": (source.date or "") if source else "",
        "source_url": (source.url or "") if source else "",
        "source_text": source.text if source else "",
        "blocks": [
            {"type": b.type, "marker": b.marker or "", "text": b.text} for b in article.blocks
        ],
    }


# -- form -> record -----------------------------------------------------------------------
def _blocks(form: Mapping[str, Any]) -> list[Block]:
    count = form.get("blocks", "0")
    total = min(int(count), MAX_BLOCKS + 1) if str(count).isdigit() else 0
    out = []
    for i in range(total + 1):  # the blank row after the last is a new block
        text = clean(form.get(f"block-{i}-text"))
        if not text:
            continue
        kind = form.get(f"block-{i}-type")
        kind = kind if kind in BLOCK_TYPES else "paragraph"
        marker = clean(form.get(f"block-{i}-marker"), 10) or None
        out.append(Block(kind, text, marker if kind == "list_item" else None))
    return out[:MAX_BLOCKS]


def _source(form: Mapping[str, Any], errors: dict[str, Message]) -> Source | None:
    name = clean(form.get("source_name"), MAX_LINE) or None
    url = clean(form.get("source_url"), MAX_LINE) or None
    text = clean(form.get("source_text"), MAX_LINE)
    try:
        date = parse_day(form.get("source_date") or "")
    except ValueError:
        errors["source_date"] = (NOT_A_DAY, DATE_EXAMPLES)
        date = None
    if url and not url.lower().startswith(("http://", "https://")):
        errors["source_url"] = (N_("a web address starts with http:// or https://"), {})
    if not (name or url or text or date):
        return None
    return Source(name=name, date=date, url=url, text=text or (name or ""))


def from_form(
    form: Mapping[str, Any], base: Article, sections: Mapping[str, Section]
) -> tuple[Article, dict[str, Message]]:
    """The record the form describes, built on ``base`` (the revision it edits), and
    the fields that could not be read (then nothing should be saved)."""
    errors: dict[str, Message] = {}
    try:
        date = parse_day(form.get("date") or "")
    except ValueError:
        errors["date"] = (NOT_A_DAY, DATE_EXAMPLES)
        date = base.date
    language = clean(form.get("language"), 40) or None
    if language and not _LANG.fullmatch(language):
        errors["language"] = (N_("not a language tag such as fa-AF, ps, en or de"), {})
        language = base.language
    section_id = clean(form.get("section"), 100)
    section = sections.get(section_id) if section_id else None
    if section_id and section is None:
        errors["section"] = (N_("no section %(section)s"), {"section": section_id})
    record = dataclasses.replace(
        base,
        title=clean(form.get("title"), MAX_TITLE) or None,
        authors=names(form.get("authors")),
        translators=names(form.get("translators")),
        section=section if section_id else None,
        language=language,
        date=date,
        # the date line is printed the house way from the date (``printed_date``)
        date_text=None if date else base.date_text,
        source=_source(form, errors),
        blocks=_blocks(form),
        # what the reader was unsure of stays until the field it concerns is filled
        warnings=[w for w in base.warnings if not _settled(w, form)],
    )
    return record, errors


# -- what still stands in the way ---------------------------------------------------------
def problems(
    article: Article, may_publish: Sequence[str], known: Mapping[str, Section]
) -> dict[str, Message]:
    """What must be mended before the draft can be published, by field."""
    out: dict[str, Message] = {}
    if not article.title:
        out["title"] = (N_("a title is needed"), {})
    section = article.section.id if article.section else None
    if section is None:
        out["section"] = (N_("choose the section the article appears in"), {})
    elif section not in known:
        out["section"] = (N_("no section %(section)s"), {"section": section})
    elif section not in may_publish:
        out["section"] = (N_("you may not publish in this section"), {})
    if not article.language:
        out["language"] = (N_("choose the language of the article"), {})
    elif section in SECTION_SCRIPT and is_rtl(article.language) != (
        SECTION_SCRIPT[section] == "rtl"
    ):
        out["language"] = (N_("this language does not fit the section"), {})
    if not article.blocks:
        out["body"] = (N_("the body is empty"), {})
    return out


# -- the reader's warnings, by the field they concern -------------------------------------
#: (start of a warning, field, message): the reader's warnings (``house/recognize.py``)
READER_WARNINGS: tuple[tuple[str, str, str], ...] = (
    ("no section label found", "section", N_("the file has no section label")),
    ("no byline found", "authors", N_("the file names no author")),
    ("no date found", "date", N_("the file has no date the reader understood")),
    (
        "no title found",
        "title",
        N_("the reader found no title (the bold, italic line above the body)"),
    ),
    ("no source attribution found", "source", N_("the file names no source")),
    ("language not identified", "language", N_("the reader could not tell the language")),
    ("no body text found", "body", N_("the reader found no body text")),
    (
        "no known masthead",
        "title",
        N_("the file does not start with the portal's masthead: read with generic rules"),
    ),
    (
        "text layer: no ZWNJ",
        "body",
        N_("the file had no zero-width non-joiners: some were put back where certain"),
    ),
)
_FIELD_OF_FORM = {"authors": "authors", "date": "date", "title": "title", "section": "section",
                  "language": "language", "source": "source_name"}  # fmt: skip


#: the reader keeps a line of the front matter it could not place at the start of the
#: body (``house/recognize.py``), so the editor finds it there: move it or remove it
UNPLACED_LINE = "unrecognised line before the title kept in the body: "


def _unplaced_line(warning: str) -> str:
    """The line quoted (as a Python literal) in an unplaced-line warning."""
    quoted = warning[len(UNPLACED_LINE) :]
    try:
        line = ast.literal_eval(quoted)  # a literal only: no name, no call is evaluated
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return quoted
    return line if isinstance(line, str) else quoted


def warning_field(warning: str) -> tuple[str, Message]:
    """The field a reader's warning concerns and what to show for it."""
    if warning.startswith(UNPLACED_LINE):
        message = N_("a line above the title was not understood; it starts the body: %(line)s")
        return "body", (message, {"line": _unplaced_line(warning)})
    for start, field, message in READER_WARNINGS:
        if warning.startswith(start):
            return field, (message, {})
    return "body", (N_("the reader noted: %(warning)s"), {"warning": warning})


def _settled(warning: str, form: Mapping[str, Any]) -> bool:
    """A warning about an empty field no longer applies once the field is filled."""
    field, _ = warning_field(warning)
    if not warning.startswith("no ") and not warning.startswith("language not"):
        return False
    key = _FIELD_OF_FORM.get(field)
    return bool(key and clean(form.get(key), 100))


def warnings_by_field(warnings: Sequence[str]) -> dict[str, list[Message]]:
    out: dict[str, list[Message]] = {}
    for warning in warnings:
        field, message = warning_field(warning)
        out.setdefault(field, []).append(message)
    return out
