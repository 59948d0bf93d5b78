"""Markdown with front matter → Article: the source form of an article.

A source is what an editor writes and what the sample corpus keeps as the truth. It is
read here into the same :class:`~ganjina.record.Article` every reader produces, so that
``samples/build.py`` (the golden files) and ``ganjina publish`` share one definition.

The format::

    ---
    title: Flood relief reaches three northern provinces
    authors: [Jane Example, Omar Siddiqi]
    translators: []
    date: 2023-02-14            # ISO Gregorian; omit when the page prints no date
    date_text: 14.02.2023       # exactly as printed; derived from `date` if omitted
    section: european-languages # european-languages | dari | pashto (the site profile)
    language: en                # BCP 47; defaults from the section for dari/pashto
    source:                     # the original outlet; omit for an original article
      name: Example Herald
      date: 2023-02-13
      url: null
      text: Example Herald 13.02.2023   # the attribution line as printed
    print:                      # how the page prints things; not part of the record
      byline: "By Jane Example and Omar Siddiqi"   # default: the authors joined
      translators_line: "Translated by …"          # default: prefix + translators
      justify: true             # false: body set ragged (start-aligned), not justified
    ---
    A paragraph; consecutive lines are joined with a space.

    ## A sub-heading

    1) a numbered item (the marker is kept as printed: 1), ۱), 12))
    - a bulleted item (marker •)
    > a block quote
    ![Caption text (AP Photo/Name)](figure-1.png)

A block runs until a blank line or a line that starts another block. A line starting
with a backslash is a paragraph whose text is the rest of the line (to print a literal
``1)`` or ``-`` at the start of a paragraph). Text carries no inline markup: it is taken
as written, NFC-normalised, with ZWNJ kept.

Nothing is guessed: a missing byline, date or attribution stays empty. ``warnings`` are
left empty (a source is the truth, not a reading of it).
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ganjina.errors import ProfileError, PublishError
from ganjina.record import Article, Block, Provenance, Section, Site, Source, table_text
from ganjina.text.normal_forms import normalize

PROFILE_PATH = Path(__file__).resolve().parent.parent / "house" / "profiles" / "afgazad.toml"

# Used only where the profile file lacks a key, so the module works before (and without)
# the profile; the profile is the one place to change these.
_FALLBACK_SITE: dict[str, Any] = {
    "name": "افغانستان آزاد – آزاد افغانستان",
    "tag": "AA-AA",
    "url": "www.afgazad.com",
    "email": "afgazad@gmail.com",
    "motto": [
        "سخن از خانه و از یاد وطن باید گفت",
        "قصه‌ی کوه و در و دشت و چمن باید گفت",
        "گر چه دوریم ز کابل به هزاران فرسنگ",
        "راز دل با قلم و شعر و سخن باید گفت",
    ],
}
_FALLBACK_SECTIONS: dict[str, list[str]] = {
    "european-languages": ["European Languages", "زبانهای اروپایی"],
    "dari": ["دری", "Dari"],
    "pashto": ["پښتو", "Pashto"],
}
# The body language a section implies when the source does not say.
_SECTION_LANGUAGE = {"dari": "fa-AF", "pashto": "ps"}
_RTL_LANGUAGES = ("fa", "ps", "ar", "ur")

_FRONT_MATTER_KEYS = frozenset(
    {
        "title",
        "authors",
        "translators",
        "date",
        "date_text",
        "section",
        "language",
        "source",
        "print",
    }
)
_SOURCE_KEYS = frozenset({"name", "date", "url", "text"})
_PRINT_KEYS = frozenset({"byline", "translators_line", "justify"})

_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_HEADING_RE = re.compile(r"^#{1,6}\s+(\S.*)$")
# `)` only: "10. Januar" at the start of a German paragraph must stay a paragraph.
_NUMBERED_RE = re.compile(r"^([0-9\u06f0-\u06f9\u0660-\u0669]{1,3}\))\s+(\S.*)$")
_BULLET_RE = re.compile(r"^[-*•]\s+(\S.*)$")
_QUOTE_RE = re.compile(r"^>\s?(.*)$")
_FIGURE_RE = re.compile(r"^!\[(.+)\]\(([^()\s]+)\)$")

BULLET_MARKER = "•"
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@dataclass(frozen=True)
class SiteIdentity:
    """What every page of the site prints around the article (the masthead and so on)."""

    name: str
    tag: str
    url: str
    email: str
    motto: tuple[str, ...]
    sections: Mapping[str, tuple[str, ...]]

    def site(self) -> Site:
        return Site(name=self.name, url=self.url, email=self.email, motto="\n".join(self.motto))

    def section(self, section_id: str) -> Section:
        return Section(section_id, list(self.sections[section_id]))


@functools.cache
def site_identity(profile: Path = PROFILE_PATH) -> SiteIdentity:
    """The site identity from the profile TOML, falling back per key to built-in values."""
    data: dict[str, Any] = {}
    if profile.exists():
        try:
            data = tomllib.loads(profile.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ProfileError(f"{profile}: cannot read the site profile: {exc}") from None
    site = {**_FALLBACK_SITE, **(data.get("site") or {})}
    sections = {k: tuple(v) for k, v in _FALLBACK_SECTIONS.items()}
    for sid, sdata in (data.get("sections") or {}).items():
        if isinstance(sdata, dict) and sdata.get("labels"):
            sections[sid] = tuple(sdata["labels"])
    motto = site["motto"]
    if not (isinstance(motto, list) and all(isinstance(m, str) for m in motto)):
        raise ProfileError(f"{profile}: site.motto must be a list of lines")
    return SiteIdentity(
        name=site["name"],
        tag=site["tag"],
        url=site["url"],
        email=site["email"],
        motto=tuple(motto),
        sections=sections,
    )


@dataclass
class Figure:
    """An image of the source and the caption block that prints under it."""

    image: str
    caption: str
    block_index: int


@dataclass
class SourceDocument:
    """A parsed source: the record plus what only printing needs (images, byline form)."""

    article: Article
    figures: list[Figure] = field(default_factory=list)
    byline: str | None = None
    translators_line: str | None = None
    justify: bool = True
    path: Path | None = None

    @property
    def rtl(self) -> bool:
        return is_rtl_language(self.article.language)


def is_rtl_language(language: str | None) -> bool:
    return bool(language) and language.split("-")[0] in _RTL_LANGUAGES  # type: ignore[union-attr]


def load_source(path: str | Path) -> Article:
    """Read a source file into its Article."""
    return read_source(path).article


def read_source(path: str | Path, profile: Path = PROFILE_PATH) -> SourceDocument:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PublishError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PublishError(f"{path}: not UTF-8 text") from None
    return parse_source_document(text, path=path, profile=profile)


def parse_source(text: str, path: str | Path | None = None) -> Article:
    """Parse source text into its Article (``path`` only names it in errors/provenance)."""
    return parse_source_document(text, path=path).article


def parse_source_document(
    text: str, path: str | Path | None = None, profile: Path = PROFILE_PATH
) -> SourceDocument:
    where = str(path) if path is not None else "<source>"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    meta, body = _split_front_matter(text.lstrip("\ufeff").replace("\r\n", "\n"), where)

    unknown = sorted(set(meta) - _FRONT_MATTER_KEYS)
    if unknown:
        raise PublishError(f"{where}: unknown front matter key {unknown[0]!r}")

    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PublishError(f"{where}: no title in the front matter")

    ident = site_identity(profile)
    section_id = meta.get("section")
    if not isinstance(section_id, str) or section_id not in ident.sections:
        known = ", ".join(sorted(ident.sections))
        raise PublishError(f"{where}: unknown section {section_id!r} (known: {known})")

    language = meta.get("language", _SECTION_LANGUAGE.get(section_id))
    if not isinstance(language, str) or not _LANG_RE.match(language):
        raise PublishError(f"{where}: missing or malformed language {language!r}")
    if is_rtl_language(language) != (section_id in ("dari", "pashto")):
        raise PublishError(f"{where}: language {language!r} does not fit section {section_id!r}")

    authors = _names(meta.get("authors"), "authors", where)
    translators = _names(meta.get("translators"), "translators", where)
    date = _iso_date(meta.get("date"), "date", where)
    date_text = meta.get("date_text")
    if date_text is not None and not isinstance(date_text, str):
        raise PublishError(f"{where}: date_text must be quoted text, got {date_text!r}")
    if date_text is None and date is not None:
        date_text = format_date(date, language)
    source = _source(meta.get("source"), language, where)

    printing = meta.get("print") or {}
    if not isinstance(printing, dict) or set(printing) - _PRINT_KEYS:
        raise PublishError(f"{where}: print takes only {sorted(_PRINT_KEYS)}")
    byline = printing.get("byline")
    if byline is None and authors:
        byline = join_names(authors, language)
    translators_line = printing.get("translators_line")
    if translators_line is None and translators:
        translators_line = translator_prefix(language) + " " + join_names(translators, language)
    justify = printing.get("justify", True)
    if not isinstance(justify, bool):
        raise PublishError(f"{where}: print.justify must be true or false")
    for name in authors:
        if byline is None or name not in byline:
            raise PublishError(f"{where}: the printed byline does not name author {name!r}")
    for name in translators:
        if translators_line is None or name not in translators_line:
            raise PublishError(f"{where}: the printed translators line lacks {name!r}")

    blocks, figures = parse_body(body, where)
    article = Article(
        title=_clean(title),
        site=ident.site(),
        section=ident.section(section_id),
        language=language,
        authors=authors,
        translators=translators,
        date=date,
        date_text=_clean(date_text) if date_text else None,
        source=source,
        blocks=blocks,
        provenance=Provenance(format="markdown", sha256=sha, path=str(path) if path else None),
    )
    return SourceDocument(
        article=article,
        figures=figures,
        byline=_clean(byline) if byline else None,
        translators_line=_clean(translators_line) if translators_line else None,
        justify=justify,
        path=Path(path) if path is not None else None,
    )


_TABLE_RULE = re.compile(r"^:?-{3,}:?$")


def _table_row(table: Block, line: str) -> None:
    """One ``| a | b |`` row of a Markdown (GFM) table; a ``|---|---|`` rule right
    after the first row makes that row the header."""
    cells = [_clean(cell) for cell in line[1:-1].split("|")]
    assert table.rows is not None
    if len(table.rows) == 1 and not table.header and all(_TABLE_RULE.match(c) for c in cells):
        table.header = True
        return
    table.rows.append(cells)


def parse_body(body: str, where: str = "<source>") -> tuple[list[Block], list[Figure]]:
    """The Markdown subset → blocks (and the figures among them)."""
    blocks: list[Block] = []
    figures: list[Figure] = []
    current: Block | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.rows is not None:
            current.text = table_text(current.rows)
            blocks.append(current)
            current = None
        elif current is not None:
            current.text = _clean(current.text)
            blocks.append(current)
            current = None

    for raw in body.split("\n"):
        line = raw.strip()
        if not line:
            close()
            continue
        if line.startswith("\\"):
            close()
            current = Block("paragraph", line[1:])
        elif m := _HEADING_RE.match(line):
            close()
            blocks.append(Block("heading", _clean(m.group(1))))
        elif m := _FIGURE_RE.match(line):
            close()
            caption = _clean(m.group(1))
            figures.append(Figure(image=m.group(2), caption=caption, block_index=len(blocks)))
            blocks.append(Block("caption", caption))
        elif m := _NUMBERED_RE.match(line):
            close()
            current = Block("list_item", m.group(2), marker=m.group(1))
        elif m := _BULLET_RE.match(line):
            close()
            current = Block("list_item", m.group(1), marker=BULLET_MARKER)
        elif line.startswith("|") and line.endswith("|") and len(line) > 1:
            if current is None or current.type != "table":
                close()
                current = Block("table", "", rows=[])
            _table_row(current, line)
        elif m := _QUOTE_RE.match(line):
            if current is not None and current.type == "quote":
                current.text += " " + m.group(1)
            else:
                close()
                current = Block("quote", m.group(1))
        elif current is not None:
            current.text += " " + line
        else:
            current = Block("paragraph", line)
    close()
    empty = [b for b in blocks if not b.text]
    if empty:
        raise PublishError(f"{where}: an empty {empty[0].type} block in the body")
    if not blocks:
        raise PublishError(f"{where}: the body is empty")
    return blocks, figures


def join_names(names: list[str], language: str | None) -> str:
    """Names as a byline prints them: "A and B", "A, B und C", "الف، ب و ج"."""
    lang = (language or "").split("-")[0]
    word = {"de": "und", "fa": "و", "ps": "او", "fr": "et"}.get(lang, "and")
    comma = "،" if lang in ("fa", "ps") else ","
    if len(names) <= 1:
        return "".join(names)
    return f"{comma} ".join(names[:-1]) + f" {word} " + names[-1]


def translator_prefix(language: str | None) -> str:
    lang = (language or "").split("-")[0]
    return {"fa": "ترجمه:", "ps": "ژباړه:", "de": "Übersetzt von", "fr": "Traduit par"}.get(
        lang, "Translated by"
    )


def format_date(iso: str, language: str | None) -> str:
    """dd.mm.yyyy, in Persian digits for Dari and Pashto (the house form of a date)."""
    d = _dt.date.fromisoformat(iso)
    text = f"{d.day:02d}.{d.month:02d}.{d.year:04d}"
    return text.translate(PERSIAN_DIGITS) if is_rtl_language(language) else text


def _split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise PublishError(f"{where}: no front matter (a '---' block at the top)")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise PublishError(f"{where}: the front matter has no closing '---'") from None
    try:
        meta = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 2}" if mark is not None else ""
        raise PublishError(f"{where}: front matter is not valid YAML{at}") from None
    if not isinstance(meta, dict):
        raise PublishError(f"{where}: front matter must be a mapping of keys")
    return meta, "\n".join(lines[end + 1 :])


def _names(value: Any, key: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PublishError(f"{where}: {key} must be a list of names")
    return [_clean(v) for v in value]


def _iso_date(value: Any, key: str, where: str) -> str | None:
    # YAML turns an unquoted 2023-02-14 into a date and 2023-02-14T10:00 into a datetime.
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        raise PublishError(f"{where}: unparsable {key} {str(value)!r} (expected YYYY-MM-DD)")
    if isinstance(value, _dt.date):
        if value.year < _FIRST_GREGORIAN_YEAR:  # YAML read 1401-01-10 as a date: solar hijri
            return _solar_hijri_iso(value.year, value.month, value.day, key, where)
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        year, month, day = (int(part) for part in value.strip().split("-"))
        if year < _FIRST_GREGORIAN_YEAR:
            return _solar_hijri_iso(year, month, day, key, where)
        try:
            return _dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    elif isinstance(value, str):
        # a solar hijri day as printed: ۱۰ حمل ۱۴۰۱, 1401/01/10 (Gregorian stays ISO only)
        from ganjina.text import parse_date

        match = parse_date(value.strip())
        if match is not None and match.precision == "day" and match.calendar == "solar_hijri":
            return match.date.isoformat()
    raise PublishError(
        f"{where}: unparsable {key} {value!r} (expected YYYY-MM-DD or a solar hijri date)"
    )


# a YAML date before this year is a solar hijri date written as YYYY-MM-DD
_FIRST_GREGORIAN_YEAR = 1600


def _solar_hijri_iso(year: int, month: int, day: int, key: str, where: str) -> str:
    from ganjina.text import solar_hijri_to_gregorian

    try:
        return solar_hijri_to_gregorian(year, month, day).isoformat()
    except ValueError:
        raise PublishError(f"{where}: unparsable {key}: no day {year}-{month}-{day}") from None


def _source(value: Any, language: str, where: str) -> Source | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - _SOURCE_KEYS:
        raise PublishError(f"{where}: source must be a mapping of {sorted(_SOURCE_KEYS)}")
    for key in ("name", "url", "text"):
        if value.get(key) is not None and not isinstance(value[key], str):
            raise PublishError(f"{where}: source.{key} must be text")
    name = _clean(value["name"]) if value.get("name") else None
    date = _iso_date(value.get("date"), "source.date", where)
    text = value.get("text")
    if not text:
        if not name:
            raise PublishError(f"{where}: source needs a name or the printed text")
        prefix = {"fa": "منبع: ", "ps": "سرچینه: "}.get(language.split("-")[0], "")
        text = prefix + name + (" " + format_date(date, language) if date else "")
    return Source(name=name, date=date, url=value.get("url") or None, text=_clean(text))


def _clean(text: str) -> str:
    """NFC, whitespace runs collapsed (ZWNJ is not whitespace and is kept)."""
    return " ".join(normalize("NFC", text).split())
