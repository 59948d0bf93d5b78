"""The top of the first page: masthead, tag, motto, contact, section, byline, date, title.

The house style prints these in a fixed order, so they are read as a small state machine
over the first lines. Each part is optional: a missing part leaves its field empty and
the caller adds a warning. Nothing is guessed: a line is a byline only if it is not a
date, not a label and not the title.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ganjina.house.profile import Profile, SectionSpec, fold_label
from ganjina.read.layout import Line
from ganjina.text import find_dates, parse_date, stored_form

_URL = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DATE_LABEL = re.compile(r"^(?:تاریخ|نېټه|Datum|Date)\s*[:：]\s*", re.IGNORECASE)
# how many lines the front matter may take before we give up looking for the title
_MAX_FRONT_LINES = 24


@dataclass
class FrontMatter:
    site_name: str | None = None
    motto: list[str] = field(default_factory=list)
    url: str | None = None
    email: str | None = None
    section: SectionSpec | None = None
    section_labels: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    #: short lines before the title that are neither byline, date nor a known label
    skipped: list[str] = field(default_factory=list)
    translator_lines: list[str] = field(default_factory=list)
    date_text: str | None = None
    date_iso: str | None = None
    title: str | None = None
    masthead_found: bool = False
    #: index of the first body line
    body_start: int = 0


def body_size(lines: list[Line]) -> float | None:
    sizes = [ln.size for ln in lines if ln.size and len(ln.text) > 20]
    return statistics.median(sizes) if sizes else None


def _is_titleish(line: Line, base: float | None) -> bool:
    if line.hint in ("h1", "h2", "h3"):
        return True
    if base and line.size and line.size >= base * 1.12 and line.bold:
        return True
    return line.bold and line.italic


# a converter's visual order of "۱۵ وری ۱۴۰۲": month, year and day run together
_SCRAMBLED_SH_DATE = re.compile(r"^([^\W\d_]+)\s*([0-9۰-۹]{4})\s*([0-9۰-۹]{1,2})$")


_DATE_JOINERS = re.compile(r"[\s\-–—ـ/|،,()]*")


def _double_date(printed: str) -> tuple[str, str] | None:
    """A line with the date in both calendars (``۲۲ ثور ۱۴۰۲ ـ ۱۲.۰۵.۲۰۲۳``): the whole
    line is the printed date; the Gregorian one gives the ISO date. The two must agree."""
    dates = [d for d in find_dates(printed) if d.precision == "day"]
    if len(dates) < 2:
        return None
    covered = 0
    for d in dates:
        if not _DATE_JOINERS.fullmatch(printed[covered : d.span[0]]):
            return None
        covered = d.span[1]
    if not _DATE_JOINERS.fullmatch(printed[covered:]) or len({d.iso for d in dates}) != 1:
        return None
    return printed, dates[0].iso


def _date_of(text: str) -> tuple[str, str] | None:
    """(printed date, ISO date) when the whole line is a date, perhaps after a label."""
    printed = _DATE_LABEL.sub("", text.strip())
    match = parse_date(printed)
    if match is None and (m := _SCRAMBLED_SH_DATE.match(printed)):
        printed = f"{m.group(3)} {m.group(1)} {m.group(2)}"
        match = parse_date(printed)
    if match is None:
        return _double_date(printed)
    if match is None or match.precision != "day":
        return None
    return printed, match.iso


def _trailing_date(text: str) -> tuple[str, str, str] | None:
    """(byline, printed date, ISO date) for a line that ends in a full date."""
    dates = find_dates(text)
    if not dates:
        return None
    last = dates[-1]
    head = text[: last.span[0]].strip(" ,،-–")
    if last.precision != "day" or text[last.span[1] :].strip() or not head:
        return None
    return head, last.text, last.iso


def _loose(text: str) -> str:
    return "".join(ch for ch in fold_label(text) if ch.isalnum())


def _matches(text: str, candidates: tuple[str, ...]) -> bool:
    key = fold_label(text).replace(" ", "")
    return any(fold_label(c).replace(" ", "") == key for c in candidates if c)


def _starts_with(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The text after a prefix (``ترجمه:``, ``Translated by``), or None."""
    stripped = text.strip()
    for prefix in sorted(prefixes, key=len, reverse=True):
        p = prefix.strip()
        if stripped.casefold().startswith(p.casefold()):
            rest = stripped[len(p) :].lstrip(" :：")
            if rest:
                return rest
    return None


def _after_title(
    fm: FrontMatter, lines: list[Line], texts: list[str], i: int, profile: Profile | None
) -> int:
    """Byline, translators or date printed under the title (or moved there by a converter).

    Only what cannot be body text is taken: a line with a byline or translator label, a
    line that is a date, or a short line followed directly by a date line.
    """
    author_prefixes = profile.author_prefixes if profile else ()
    translator_prefixes = profile.translator_prefixes if profile else ()
    for _ in range(3):
        if i >= len(lines):
            break
        text = texts[i]
        if fm.date_text is None and (dated := _date_of(text)) is not None:
            fm.date_text, fm.date_iso = dated
        elif rest := _starts_with(text, translator_prefixes):
            fm.translator_lines.append(rest)
        elif (not fm.byline and _starts_with(text, author_prefixes)) or (
            not fm.byline
            and fm.date_text is None
            and i + 1 < len(lines)
            and len(text.split()) <= 8
            and not text.rstrip().endswith((".", "!", "?", "؟", ":"))
            and _date_of(texts[i + 1]) is not None
        ):
            fm.byline.append(text.strip())
        else:
            break
        i += 1
    return i


def _skip_unknown_masthead(lines: list[Line], texts: list[str], base: float | None) -> int:
    """A masthead the profile does not know: a prominent first line with contact lines
    (a URL or an e-mail) right under it. Skipped, not read: its name would be a guess."""
    if not lines or not _is_titleish(lines[0], base):
        return 0
    contact = [
        k for k in range(1, min(6, len(texts))) if _URL.search(texts[k]) or _EMAIL.search(texts[k])
    ]
    return contact[-1] + 1 if contact else 0


def _keep_one_byline(fm: FrontMatter, profile: Profile | None) -> None:
    """The house style prints the authors on one line. Of several short lines before the
    title, a line with a byline label wins, else the last one (nearest the date and the
    title); the others (labels the profile does not know) are left out with a warning,
    never read as names."""
    if len(fm.byline) <= 1:
        return
    prefixes = profile.author_prefixes if profile else ()
    labelled = [b for b in fm.byline if _starts_with(b, prefixes)]
    keep = labelled[:1] or fm.byline[-1:]
    fm.skipped = [b for b in fm.byline if b not in keep]
    fm.byline = keep


def read_front_matter(lines: list[Line], profile: Profile | None) -> FrontMatter:
    """Read the front matter from the first lines (the caller passes all lines)."""
    fm = FrontMatter()
    base = body_size(lines)
    i = 0
    n = min(len(lines), _MAX_FRONT_LINES)
    texts = [stored_form(ln.text) for ln in lines]
    if profile and i < n and _matches(texts[i], (profile.name or "", *profile.name_variants)):
        fm.site_name, fm.masthead_found = profile.name, True
        i += 1
    if profile and i < n and profile.tag and fold_label(texts[i]) == fold_label(profile.tag):
        i += 1
        fm.masthead_found = True
    if not fm.masthead_found:
        i = _skip_unknown_masthead(lines, texts, base)
    # the motto: everything up to the contact lines, while we are still in the masthead
    if fm.masthead_found:
        j = i
        while j < n and not _URL.search(texts[j]) and profile and not profile.section_for(texts[j]):
            j += 1
        if j < n and j - i <= 8:
            printed = [t for t in texts[i:j] if t.strip()]
            fm.motto = printed
            if (
                profile
                and profile.motto
                and _loose("".join(printed)) == _loose("".join(profile.motto))
            ):
                # the profile knows the poem exactly; a conversion may have lost its ZWNJ
                fm.motto = list(profile.motto)
            i = j
    while i < n:
        text = texts[i]
        folded = fold_label(text)
        if _EMAIL.fullmatch(text.strip()) or (
            profile and profile.email and folded == fold_label(profile.email)
        ):
            fm.email = text.strip()
        elif _URL.fullmatch(text.strip()) and not _date_of(text):
            fm.url = text.strip().removeprefix("http://").removeprefix("https://")
        elif (
            profile
            and profile.url
            and profile.email
            and profile.url in text
            and profile.email in text
        ):
            fm.url, fm.email = profile.url, profile.email
        else:
            break
        i += 1
    if i < n and profile and (joined := profile.sections_in_line(texts[i])) is not None:
        fm.section, fm.section_labels = joined
        i += 1
    while i < n and profile and (spec := profile.section_for(texts[i])) is not None:
        if fm.section is None or fm.section.id == spec.id:
            fm.section = spec
            fm.section_labels.append(texts[i].strip())
            i += 1
        else:
            break
    # byline, translators and date, in any order, until the title
    start_of_title = None
    while i < n:
        line, text = lines[i], texts[i]
        if _is_titleish(line, base):
            start_of_title = i
            break
        if (dated := _date_of(text)) is not None and fm.date_text is None:
            fm.date_text, fm.date_iso = dated
        elif fm.date_text is None and (split := _trailing_date(text)) is not None:
            # a conversion ran the byline and the date line together
            fm.byline.append(split[0])
            fm.date_text, fm.date_iso = split[1], split[2]
        elif profile and (rest := _starts_with(text, profile.translator_prefixes)):
            fm.translator_lines.append(rest)
        elif len(text.split()) <= 12 and not text.rstrip().endswith((".", "!", "?", "؟")):
            fm.byline.append(text.strip())
        else:
            break  # body text reached with no title found
        i += 1
    _keep_one_byline(fm, profile)
    if start_of_title is not None:
        title_lines = [texts[start_of_title]]
        j = start_of_title + 1
        first = lines[start_of_title]
        while (
            j < len(lines)
            and not lines[j].para_start
            and lines[j].bold == first.bold
            and lines[j].size == first.size
            and lines[j].hint in (None, first.hint)
            and first.bbox is not None
        ):
            title_lines.append(texts[j])
            j += 1
        fm.title = " ".join(t.strip() for t in title_lines)
        i = _after_title(fm, lines, texts, j, profile)
    fm.body_start = i
    return fm
