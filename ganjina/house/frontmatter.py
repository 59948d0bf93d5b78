"""The top of the first page: masthead, tag, motto, contact, section, byline, date, title.

Word files put these parts where their editors chose (``shared/spec/house-style.md``,
"Where the parts really stand"): the running header above the masthead, the masthead in
the page header, no motto or another poem, URL and e-mail on one line, the byline before
or after the date or on one line with it, a date in both calendars. So the front matter
is not read as a fixed sequence. Each line of the first page's top is given a role from
what it says (profile strings matched loosely, URL/e-mail/date patterns), then the title
is the most prominent line no role claimed (size, weight, heading level), the motto is
what stands unclaimed right under the site's name, and a short unlabelled line next to
the date is the byline. Lines nothing claims are never dropped: they go to the body, and
the record says so. Every decision is kept with its evidence for ``parse --explain``.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from ganjina.house.credits import SEPARATORS, split_credit
from ganjina.house.labels import framed_names, label_at_start
from ganjina.house.patterns import (
    DATE_LABEL,
    DATE_LABEL_AT_END,
    MAX_FRONT_LINE,
    TRANSLATED_FROM,
    has_contact,
    is_email,
    is_url,
)
from ganjina.house.profile import Profile, SectionSpec, fold_label, is_site_name, loose_key
from ganjina.read.layout import Line
from ganjina.text import find_dates, parse_date, stored_form
from ganjina.text.canonical import word_count
from ganjina.text.patterns import WEEKDAY_AT_END

# how many lines of the first page may belong to the front matter
_MAX_FRONT_LINES = 40
# a converter's visual order of "۱۵ وری ۱۴۰۲": month, year and day run together
_SCRAMBLED_SH_DATE = re.compile(r"^([^\W\d_]+)\s*([0-9۰-۹]{4})\s*([0-9۰-۹]{1,2})$")
_DATE_JOINERS = re.compile(r"[\s\-–—ـ/|،,()]*")
_SENTENCE_END = (".", "!", "?", "؟", ":", "؛", ";")
#: the parts of the masthead and the labels under it
_MASTHEAD_ROLES = frozenset(("site", "tag", "contact", "section"))
#: the lines that say who wrote the article and when
_CREDIT_ROLES = frozenset(("byline", "date", "translator"))
#: the roles of front-matter lines (what the body never holds)
_FRONT_ROLES = frozenset(
    (
        "byline",
        "translator",
        "date",
        "site",
        "tag",
        "motto",
        "contact",
        "section",
        "masthead",
        "furniture",
    )
)


@dataclass
class Decision:
    """What the recognizer made of one line, and why."""

    role: str
    why: str


@dataclass
class FrontMatter:
    site_name: str | None = None
    motto: list[str] = field(default_factory=list)
    url: str | None = None
    email: str | None = None
    section: SectionSpec | None = None
    section_labels: list[str] = field(default_factory=list)
    byline: list[str] = field(default_factory=list)
    #: the line each byline part was read from (parallel to ``byline``)
    byline_at: list[int] = field(default_factory=list)
    translator_lines: list[str] = field(default_factory=list)
    date_text: str | None = None
    date_iso: str | None = None
    title: str | None = None
    masthead_found: bool = False
    #: index (into the lines given) of the first body line after the front matter
    body_start: int = 0
    #: front-matter lines no role claimed: they go to the body, before everything else
    unplaced: list[int] = field(default_factory=list)
    #: line index → what was decided about it
    decisions: dict[int, Decision] = field(default_factory=dict)
    #: the text left of a line after the contact at its end was taken (a run-on motto)
    heads: dict[int, str] = field(default_factory=dict)

    def decide(self, index: int, role: str, why: str) -> None:
        self.decisions[index] = Decision(role, why)

    def add_byline(self, index: int, text: str) -> None:
        self.byline.append(text.strip())
        self.byline_at.append(index)


def body_size(lines: list[Line]) -> float | None:
    sizes = [ln.size for ln in lines if ln.size and len(ln.text) > 20]
    return statistics.median(sizes) if sizes else None


def _prominence(line: Line, base: float | None) -> float:
    """How much a line stands out: heading level, size against the body, weight."""
    score = 0.0
    if line.hint in ("h1", "h2", "h3"):
        score += 2.0 - 0.1 * int(line.hint[1])
    elif line.hint and line.hint.startswith("h"):
        score += 1.0
    if base and line.size:
        score += max(0.0, line.size / base - 1.0) * 4
    score += 0.8 * line.bold + 0.3 * line.italic
    return score


def _styled(line: Line) -> bool:
    """Whether the reader saw any typography on the line (plain text has none)."""
    return bool(line.size or line.bold or line.italic or line.hint)


def _is_titleish(line: Line, base: float | None) -> bool:
    if line.hint in ("h1", "h2", "h3"):
        return True
    if base and line.size and line.size >= base * 1.12 and line.bold:
        return True
    return line.bold and line.italic


def _is_large(line: Line, base: float | None) -> bool:
    return bool(base and line.size and line.size >= base * 1.3)


def _is_larger(line: Line, base: float | None) -> bool:
    return bool(base and line.size and line.size >= base * 1.12)


def _is_larger_italic(line: Line, base: float | None) -> bool:
    return _is_larger(line, base) and line.italic


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


def date_of(text: str) -> tuple[str, str] | None:
    """(printed date, ISO date) when the whole line is a date, perhaps after a label."""
    if len(text) > MAX_FRONT_LINE:
        return None
    printed = DATE_LABEL.sub("", text.strip())
    match = parse_date(printed)
    if match is None and (m := _SCRAMBLED_SH_DATE.match(printed)):
        printed = f"{m.group(3)} {m.group(1)} {m.group(2)}"
        match = parse_date(printed)
    if match is None:
        return _double_date(printed)
    if match.precision != "day":
        return None
    return printed, match.iso


def trailing_date(text: str) -> tuple[str, str, str] | None:
    """(head, printed date, ISO date) for a short line that ends in a full date."""
    return _date_at_edge(text, last=True)


def leading_date(text: str) -> tuple[str, str, str] | None:
    """(rest, printed date, ISO date) for a short line that starts with a full date."""
    return _date_at_edge(text, last=False)


_EDGE = " ,،-–—|"
_DAY_WORDS = 40  # how far before a date a weekday or a label is looked for


def _date_at_edge(text: str, *, last: bool) -> tuple[str, str, str] | None:
    """(the rest of the line, printed date, ISO date) when a short line ends (``last``)
    or starts with a full date and holds something else beside it."""
    if len(text) > MAX_FRONT_LINE:
        return None
    dates = find_dates(text)
    if not dates:
        return None
    date = dates[-1] if last else dates[0]
    start, end = date.span
    # the same day in the other calendar beside it (``۲۵ عقرب ۱۳۹۹ - 15.11.2020``) is
    # part of the printed date
    others = reversed(dates[:-1]) if last else iter(dates[1:])
    for other in others:
        gap = text[other.span[1] : start] if last else text[end : other.span[0]]
        if other.iso != date.iso or not _DATE_JOINERS.fullmatch(gap):
            break
        start, end = (other.span[0], end) if last else (start, other.span[1])
    # a weekday or a date label printed before the date is part of it
    # (``… Wednesday, 14 June 2023``, ``… Date: 14.06.2023``)
    head = text[max(0, start - _DAY_WORDS) : start]
    cut = start  # where the rest of the line stops
    if said := WEEKDAY_AT_END.search(head):
        start = cut = start - (len(head) - said.start())
    elif said := DATE_LABEL_AT_END.search(head):
        cut = start - (len(head) - said.start())  # the label is neither date nor name
    before, after = text[:cut], text[end:]
    rest = (before if last else after).strip(_EDGE)
    # a dash beyond the date is the separator a right-to-left conversion moved there
    beyond = after if last else before
    if date.precision != "day" or beyond.strip(_EDGE) or not rest:
        return None
    printed = date.text if (start, end) == date.span else text[start:end]
    return rest, printed, date.iso


def _matches(text: str, candidates: tuple[str, ...]) -> bool:
    key = loose_key(text)
    return bool(key) and any(loose_key(c) == key for c in candidates if c)


def starts_with(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The text after a label (``ترجمه:``, ``Translated by``), or the names a framing
    label holds (``د … لیکنه``), or None (``house/labels.py`` says how loosely)."""
    found = label_at_start(text, prefixes)
    if found is not None:
        return found[1] or None
    return framed_names(text, prefixes)


def _translator_credit(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The credit after a translator label. A label printed without a colon
    (``ترجمهٔ``, ``Translated by``) may open a title or a sentence as well, so what
    follows it must read as names (a date run on after them aside)."""
    found = label_at_start(text, prefixes)
    if found is None or not found[1]:
        framed = framed_names(text, prefixes)
        return framed if framed and _names_after_label(framed) else None
    label, rest = found
    if label[-1] in ":：":
        return rest
    split = trailing_date(rest)
    names = split[0] if split else rest
    # a colon further on ends another label (``برگردان از انگلیسی: …``): no names here
    return rest if _names_after_label(names) and not any(c in names for c in ":：") else None


def _name_like(text: str) -> bool:
    """A line that could be a byline: short, no sentence, no digits, no contact."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and not text.rstrip().endswith(_SENTENCE_END)
        and not any(ch.isdigit() for ch in text)
        and not has_contact(text)
    )


def _byline_like(text: str, profile: Profile | None) -> bool:
    """A line that could be a byline, a translator's credit run on to it or not: each
    part reads as names (``Anna Berg – Translated by Omid Sadeqi``)."""
    names, credited = split_credit(text, profile.translator_prefixes if profile else ())
    return _name_like(names) and (credited is None or _name_like(credited))


def _names_after_label(rest: str) -> bool:
    """What follows a byline label reads as names, not as a sentence that happens to
    begin with "by" (``by more than 4 metres …``): no digits, no sentence ending before
    the last word (an initial, ``A.``, is no sentence), and in a script with capitals the
    first word and at least half of the words capitalised."""
    words = rest.split()
    if not words or any(ch.isdigit() for ch in rest):
        return False
    if any(len(w) > 2 and w.endswith((".", "!", "?", "؟")) for w in words[:-1]):
        return False
    cased = [w for w in words if w[:1].isalpha() and (w[:1].isupper() or w[:1].islower())]
    if not cased:
        return True  # Arabic script: no capitals to go by
    capitals = sum(w[:1].isupper() for w in cased)
    return cased[0][:1].isupper() and 2 * capitals >= len(cased)


def _contact(fm: FrontMatter, text: str, profile: Profile | None) -> str | None:
    """Read the site's URL and e-mail from a contact line; the evidence, or None."""
    stripped = text.strip()
    if is_email(stripped):
        fm.email = fm.email or stripped
        return "an e-mail address"
    if is_url(stripped) and date_of(stripped) is None:
        fm.url = fm.url or stripped.removeprefix("http://").removeprefix("https://")
        return "a URL"
    if profile and profile.url and profile.email:
        folded = fold_label(stripped)
        url, email = fold_label(profile.url), fold_label(profile.email)
        if url in folded and email in folded and len(folded) <= len(url) + len(email) + 8:
            fm.url, fm.email = fm.url or profile.url, fm.email or profile.email
            return "the site's URL and e-mail on one line"
    return None


def _trailing_contact(fm: FrontMatter, i: int, text: str, profile: Profile | None) -> str | None:
    """A converter may run the motto and the contact line together: the text before the
    site's URL and e-mail when a line ends with them."""
    if profile is None or not profile.url or not profile.email or len(text) > MAX_FRONT_LINE:
        return None
    for contact in (f"{profile.url} {profile.email}", f"{profile.email} {profile.url}"):
        at = text.find(contact)
        if at < 0:
            continue
        head, tail = text[:at].strip(), text[at + len(contact) :].strip()
        if not head and not tail:
            continue  # the contact line alone: read as such elsewhere
        if tail and _claim_section(fm, tail, profile) is None:
            continue  # something else goes on after the contact: not a run-on masthead
        fm.url, fm.email = fm.url or profile.url, fm.email or profile.email
        if head:
            fm.heads[i] = head
        return head
    return None


def _claim_section(fm: FrontMatter, text: str, profile: Profile) -> str | None:
    """Read the section from a line of its labels (all on one line, or one) and record
    them; the evidence, or None (no label, or another section's than the one found)."""

    def agrees(spec: SectionSpec) -> bool:
        return fm.section is None or fm.section.id == spec.id

    joined = profile.sections_in_line(text)
    if joined is not None and agrees(joined[0]):
        spec, labels, why = joined[0], joined[1], "section labels on one line"
    elif (one := profile.section_for(text)) is not None and agrees(one):
        spec, labels, why = one, [text.strip()], f"a label of the {one.id} section"
    else:
        return None
    fm.section = spec
    fm.section_labels.extend(label for label in labels if label not in fm.section_labels)
    return why


def _classify(
    fm: FrontMatter, i: int, text: str, line: Line, profile: Profile | None
) -> Decision | None:
    """The role a front-matter line claims by what it says, whatever its place."""
    if profile and is_site_name(text, profile):
        fm.site_name, fm.masthead_found = profile.name, True
        return Decision("site", "the profile's site name")
    if profile and profile.tag and fold_label(text) == fold_label(profile.tag):
        fm.masthead_found = True
        return Decision("tag", "the profile's tag")
    if (why := _contact(fm, text, profile)) is not None:
        return Decision("contact", why)
    if profile and (why := _claim_section(fm, text, profile)) is not None:
        return Decision("section", why)
    if profile and fm.date_text is None:
        # ``دری – ۱۸ جوزا ۱۴۰۲``: the section's label and the date on one line
        for split in (trailing_date(text), leading_date(text)):
            if split is not None and _claim_section(fm, split[0], profile) is not None:
                fm.date_text, fm.date_iso = split[1], split[2]
                return Decision("section", "a section label and the date on one line")
    if fm.date_text is None and (dated := date_of(text)) is not None:
        fm.date_text, fm.date_iso = dated
        return Decision("date", "the whole line is a date")
    prefixes = profile.translator_prefixes if profile else ()
    # the longer form first: "برگردان از زبان آلمانی توسط …" opens with the label "برگردان"
    if profile and (credit := TRANSLATED_FROM.match(text.strip()[:MAX_FRONT_LINE])):
        fm.translator_lines.append(_undated(fm, text.strip()[credit.end() :]))
        return Decision("translator", "a credit naming the language translated from")
    if rest := _translator_credit(text, prefixes):
        fm.translator_lines.append(_undated(fm, rest))
        return Decision("translator", "a translator label")
    author_prefixes = profile.author_prefixes if profile else ()
    # a line the document marks as its author's (a web page's rel="author" or byline
    # class) is labelled by that mark
    label_rest = starts_with(text, author_prefixes)
    labelled = label_rest or (text if line.hint == "byline" else None)
    # an unlabelled name is read as a byline only in the house style (a masthead was
    # found); an ordinary document's authors come from a labelled byline alone
    house = fm.masthead_found
    # the date at the line's end, or at the end of the authors' part before a credit
    # (``Anna Berg – 03.04.2023 Translated by …``: a converter ran two lines together)
    names, credited = split_credit(text, prefixes)
    parts = [(text, "")] + ([(names, text[len(names) :])] if credited is not None else [])
    for part, credit_part in parts:
        if fm.date_text is None and (split := trailing_date(part)) is not None:
            head = starts_with(split[0], author_prefixes) or split[0]
            if labelled or (house and _byline_like(head + credit_part, profile)):
                fm.add_byline(i, split[0] + credit_part)
                fm.date_text, fm.date_iso = split[1], split[2]
                return Decision("byline", "a byline and the date on one line")
    if fm.date_text is None and (split := leading_date(text)) is not None:
        rest = starts_with(split[0], author_prefixes) or split[0]
        if starts_with(split[0], author_prefixes) or (house and _byline_like(rest, profile)):
            fm.add_byline(i, split[0])
            fm.date_text, fm.date_iso = split[1], split[2]
            return Decision("byline", "the date and a byline on one line")
    if labelled and len(text.split()) <= 14 and _names_after_label(labelled):
        fm.add_byline(i, text)
        if not label_rest:
            return Decision("byline", "marked as the author's name in the page's markup")
        return Decision("byline", "a byline label")
    if line.hint in ("header", "footer"):
        return Decision("furniture", f"the page {line.hint}")
    if _trailing_contact(fm, i, text, profile) is not None:
        return Decision("contact", "the site's URL and e-mail run on from the motto")
    return None


def _undated(fm: FrontMatter, credit: str) -> str:
    """A translator's credit with the date run on after it (``Eva Lind 03.04.2023``):
    the date is the article's, the rest the credit."""
    if fm.date_text is None and (split := trailing_date(credit)) is not None:
        fm.date_text, fm.date_iso = split[1], split[2]
        return split[0]
    return credit


def _house_without_name(
    lines: list[Line], texts: list[str], region: list[int], profile: Profile
) -> bool:
    """The house style with its name printed as a picture (a logo) or left out: the
    profile's URL or e-mail and one of its section labels both stand in the region
    (running headers included), which no other site's page prints together."""
    contact = section = False
    for i in region:
        folded = fold_label(texts[i])
        if len(folded) > MAX_FRONT_LINE:
            continue
        if (profile.url and fold_label(profile.url) in folded) or (
            profile.email and fold_label(profile.email) in folded
        ):
            contact = True
        elif lines[i].hint not in ("header", "footer") and (
            profile.section_for(texts[i]) is not None
            or profile.sections_in_line(texts[i]) is not None
        ):
            section = True
    return contact and section


def read_front_matter(lines: list[Line], profile: Profile | None) -> FrontMatter:
    """Read the front matter from the first lines (the caller passes all lines)."""
    fm = FrontMatter()
    if not lines:
        return fm
    base = body_size(lines)
    first_page = lines[0].page
    texts = [stored_form(ln.text) for ln in lines]
    region = _region(lines, texts, first_page, base)
    if profile is not None:  # the house style or not: that decides what a name may be
        fm.masthead_found = any(
            is_site_name(texts[i], profile)
            or (profile.tag and fold_label(texts[i]) == fold_label(profile.tag))
            for i in region
        ) or _house_without_name(lines, texts, region, profile)
    for i in region:
        if lines[i].hint == "image" or not texts[i].strip():
            continue
        decision = _classify(fm, i, texts[i], lines[i], profile)
        if decision is not None:
            fm.decisions[i] = decision
    if not fm.masthead_found:
        _unknown_masthead(fm, lines, texts, region, base)
    title_at = _find_title(fm, lines, texts, region, base, profile)
    end = _take_title(fm, lines, texts, title_at) if title_at is not None else None
    if end is not None:
        end = _after_title(fm, lines, texts, end, profile)
    _find_motto(fm, lines, texts, region, title_at, profile)
    _find_byline(fm, lines, texts, region, title_at, profile)
    # where the body starts: after the title (and what follows it), else after the last
    # line the front matter claimed
    if end is not None:
        # a byline found under the title (beside a date under it) belongs to the front
        # matter, and so do the translator and date lines that follow it; a title printed
        # above the masthead (a converter moved it) has the whole masthead under it
        while end in fm.decisions and fm.decisions[end].role in _FRONT_ROLES:
            end += 1
        fm.body_start = end
    else:
        claimed = [i for i in region if i in fm.decisions and fm.decisions[i].role != "furniture"]
        fm.body_start = (max(claimed) + 1) if claimed and fm.masthead_found else 0
    fm.unplaced = [
        i
        for i in region
        if i < fm.body_start
        and i not in fm.decisions
        and lines[i].hint not in ("header", "footer", "image")
        and texts[i].strip()
    ]
    for i in fm.unplaced:
        fm.decide(i, "body", "before the title, and no role claims it: kept as body text")
    _join_wrapped_byline(fm, lines)
    return fm


def _join_wrapped_byline(fm: FrontMatter, lines: list[Line]) -> None:
    """A byline the page wrapped onto a next line (``… Lea Quast – Aus dem`` /
    ``Englischen von Tom Weise – 11.08.2019``): parts read from consecutive lines
    of one paragraph are one byline, so that a credit broken by the wrap is whole."""
    joined: list[str] = []
    at: list[int] = []
    for i, text in zip(fm.byline_at, fm.byline, strict=True):
        continues = (
            at
            and i == at[-1] + 1
            and not lines[i].para_start
            and lines[i].page == lines[at[-1]].page
        )
        if continues:
            joined[-1] = f"{joined[-1]} {text}"
            at[-1] = i
        else:
            joined.append(text)
            at.append(i)
    fm.byline, fm.byline_at = joined, at


def _region(lines: list[Line], texts: list[str], first_page: int, base: float | None) -> list[int]:
    """The lines the front matter may take: the first page's (and the page headers'),
    up to the first line that is plainly body text — a long line that is no heading."""
    region = []
    for i, ln in enumerate(lines[: _MAX_FRONT_LINES * 2]):
        if ln.hint in ("header", "footer"):
            region.append(i)
            continue
        if ln.page != first_page:
            break
        words = len(texts[i].split())
        prose = words > 60 or (words > 30 and texts[i].rstrip().endswith(_SENTENCE_END))
        if prose and not _is_titleish(ln, base) and ln.hint not in ("list", "quote"):
            break
        region.append(i)
        if len(region) >= _MAX_FRONT_LINES:
            break
    return region


def _unknown_masthead(
    fm: FrontMatter, lines: list[Line], texts: list[str], region: list[int], base: float | None
) -> None:
    """A masthead the profile does not know: a prominent first line with contact lines
    (a URL or an e-mail) close under it. Its lines are left out, not read: a site name
    would be a guess, and it is no title."""
    texts_of = [i for i in region if lines[i].hint not in ("header", "footer")]
    if not texts_of or not _is_titleish(lines[texts_of[0]], base):
        return
    contact = [
        k
        for k, i in enumerate(texts_of[1:6], start=1)
        if i in fm.decisions and fm.decisions[i].role == "contact"
    ]
    if not contact:
        return
    for i in texts_of[: contact[-1]]:
        if i not in fm.decisions:
            fm.decide(i, "masthead", "a prominent first line with contact lines under it")


def _find_title(
    fm: FrontMatter,
    lines: list[Line],
    texts: list[str],
    region: list[int],
    base: float | None,
    profile: Profile | None,
) -> int | None:
    """The title: the most prominent first-page line no other role claimed.

    A generic document (no profile) takes its first heading. A line that ends a
    sentence and runs long is body text, however it is set.
    """
    unclaimed = [
        i
        for i in region
        if i not in fm.decisions
        and lines[i].hint not in ("header", "footer", "image", "list", "quote")
        and texts[i].strip()
        and len(texts[i].split()) <= 30
    ]
    candidates = [i for i in unclaimed if _is_titleish(lines[i], base)]
    # what stands unclaimed above the last masthead part is the motto or the masthead's own
    # (the masthead's parts before the body's first plain prose: a contact line the body
    # holds further down, a running header a conversion left there, is none of them)
    prose = next((i for i in unclaimed if _plain_prose(lines[i], texts[i])), len(lines))
    parts = [
        i
        for i in region
        if i < prose and i in fm.decisions and fm.decisions[i].role in _MASTHEAD_ROLES
    ]
    below = [i for i in unclaimed if not parts or i > max(parts)]
    # the byline's or date's last line: what stands under it is past the masthead and motto
    credited = max((i for i, d in fm.decisions.items() if d.role in _CREDIT_ROLES), default=None)
    lead = _lead_lines(lines, texts, below, base, profile, credited)
    if not lead and parts:
        # a title a converter moved above the masthead
        above = [i for i in unclaimed if i < min(parts)]
        lead = _lead_lines(lines, texts, above, base, profile)
    if fm.masthead_found and lead:
        # under a known masthead the title comes before the body: a bold line at body
        # size or more ahead of the first plain line is it, though a sub-heading further
        # down be set larger
        candidates = lead
    if not candidates and fm.masthead_found:
        # nothing bold or a heading: under a known masthead, a line set clearly larger
        # than the body is the title (a generic document's may be its letterhead)
        candidates = [i for i in unclaimed if _is_large(lines[i], base)]
    if not candidates and fm.masthead_found:
        # nor that: a line set larger than the body and in italic stands out as well
        candidates = [i for i in unclaimed if _is_larger_italic(lines[i], base)]
    if not candidates and fm.masthead_found:
        # a format that gives no sizes (a Markdown conversion): a bold or italic line that
        # is no sentence, bold before italic (and an italic one under the masthead's last
        # line: a motto set in italic stands among them); the lowest such
        masthead = [i for i, d in fm.decisions.items() if d.role in _MASTHEAD_ROLES]
        masthead_end = max(masthead, default=-1)
        styled = [
            i
            for i in unclaimed
            if (lines[i].bold or (lines[i].italic and i > masthead_end))
            and lines[i].size is None
            and not texts[i].rstrip().endswith(_SENTENCE_END)
        ]
        bold = [i for i in styled if lines[i].bold]
        candidates = (bold or styled)[-1:]
    if not candidates and fm.masthead_found and not any(_styled(lines[i]) for i in region):
        # plain text under a known masthead: nothing stands out, so the title is the
        # first short line no role claimed that is no sentence
        candidates = [i for i in unclaimed if not texts[i].rstrip().endswith(_SENTENCE_END)][:1]
    if not candidates and fm.masthead_found:
        # a conversion that lost the title's type but kept the masthead's: the title is the
        # short plain line beside the byline or date
        candidates = _beside_credits(fm, lines, texts, below, profile)
    if not candidates:
        return None
    if profile is None or not fm.masthead_found:
        return candidates[0]
    best = max(_prominence(lines[i], base) for i in candidates)
    return next(i for i in candidates if _prominence(lines[i], base) >= best - 1e-6)


def _beside_credits(
    fm: FrontMatter,
    lines: list[Line],
    texts: list[str],
    unclaimed: list[int],
    profile: Profile | None,
) -> list[int]:
    """The unclaimed line right above the byline and date lines, else right under them,
    when it reads as a title: four words or more, plain, no sentence, no number first.
    A plain line of names next to them (an unlabelled byline, not yet placed) belongs to
    them. Body text under the credits may be a printed line broken off its paragraph, so
    the line above is asked first."""
    credits = sorted(i for i, d in fm.decisions.items() if d.role in _CREDIT_ROLES)
    if not credits:
        return []

    def beside(i: int, step: int) -> int | None:
        """The next line with text from ``i`` in direction ``step``, over lines of names."""
        i += step
        while 0 <= i < len(lines):
            names = i in unclaimed and _reads_as_names(texts[i], profile)
            if texts[i].strip() and lines[i].hint != "image" and not names:
                return i
            i += step
        return None

    def titleish(i: int | None) -> bool:
        if i is None or i not in unclaimed or _styled(lines[i]):
            return False
        text = texts[i].strip()
        # the parts a conversion joined with ZWNJ where it lost the spaces count as words
        return (
            word_count(text) >= 4
            and len(text.split()) <= 20
            and not text.endswith(_SENTENCE_END)
            and not text[:1].isdigit()
        )

    def shorter_than_next(i: int | None) -> bool:
        """A title line stands short above the paragraph's first printed line, which
        fills the measure; a paragraph's own first line is as long as its next."""
        nxt = None if i is None else beside(i, 1)
        if i is None or nxt is None:
            return False
        return len(texts[i].strip()) < 0.75 * len(texts[nxt].strip())

    above, below = beside(credits[0], -1), beside(credits[-1], 1)
    if not shorter_than_next(below):
        below = None
    return [i for i in (above, below) if i is not None and titleish(i)][:1]


def _reads_as_names(text: str, profile: Profile | None) -> bool:
    """Every part of the line, cut at the profile's name joiners (and a translator's
    label), is a name of one to three words."""
    joiners = profile.joiners if profile else (" and ", ", ")
    labels = profile.translator_prefixes if profile else ()
    names, credited = split_credit(text.strip(SEPARATORS), labels)
    parts = [names, credited or ""]
    for joiner in joiners:
        parts = [p for part in parts for p in part.split(joiner)]
    words = [word_count(p.strip(SEPARATORS)) for p in parts if p.strip(SEPARATORS)]
    return bool(words) and all(n <= 3 for n in words) and _name_like(text)


def _plain_prose(line: Line, text: str) -> bool:
    """A line of running text: no type style, no heading, not centred, eight words or
    more (a motto's verse is centred; on a scan its italic is lost)."""
    return (
        not (line.bold or line.italic or line.hint)
        and line.align != "center"
        and len(text.split()) >= 8
    )


def _lead_lines(
    lines: list[Line],
    texts: list[str],
    unclaimed: list[int],
    base: float | None,
    profile: Profile | None,
    credited: int | None = None,
) -> list[int]:
    """The unclaimed lines set bold at body size or larger, much larger, larger and in
    italic, or as a heading, that stand before the first plain unclaimed line of text (a
    plain line that reads as names, an unlabelled byline not yet placed, does not end
    them). Under the byline or date (line ``credited``) a line merely larger than the
    body that is no sentence counts too: a regular title a size or two over the body
    (above them such a line may be a verse of the motto)."""
    lead: list[int] = []
    strong: list[int] = []  # set bold or as a heading, not only larger
    for i in unclaimed:
        line = lines[i]
        larger = (
            _is_large(line, base)
            or _is_larger_italic(line, base)
            or (
                credited is not None
                and i > credited
                and _is_larger(line, base)
                and not texts[i].rstrip().endswith(_SENTENCE_END)
            )
        )
        if _strong(line, base):
            strong.append(i)
            lead.append(i)
        elif larger:
            lead.append(i)
        elif lead or not _byline_like(texts[i], profile):
            break
    # Plain lines that are only larger lead only where no bold line or heading stands
    # before the body's first line of prose: above one, they are the masthead's (a motto
    # whose contact lines went to the running header; on a scan the sizes of
    # Arabic-script rows come out up to a fifth too large).
    if strong:
        return [i for i in lead if i >= strong[0]]
    for i in unclaimed:
        if _plain_prose(lines[i], texts[i]):
            break
        if lead and i > lead[-1] and _strong(lines[i], base):
            return []
    return lead


def _strong(line: Line, base: float | None) -> bool:
    """Set bold at body size or more, or marked as a heading."""
    at_least_body = not base or not line.size or line.size >= base - 0.25
    return (line.bold and at_least_body) or line.hint in ("h1", "h2", "h3")


def _take_title(fm: FrontMatter, lines: list[Line], texts: list[str], start: int) -> int:
    """Read the title from ``start`` and the lines that continue it; the next index."""
    first = lines[start]
    title = [texts[start]]
    fm.decide(start, "title", "the most prominent line no other role claims")
    j = start + 1
    while j < len(lines) and (
        (
            not lines[j].para_start
            and lines[j].bold == first.bold
            and lines[j].size == first.size
            and lines[j].hint in (None, first.hint)
            and first.bbox is not None
            and lines[j].page == first.page
        )
        or _wrapped_heading(first, lines[j], texts[j])
        or (j == start + 1 and _wrapped_caseless_heading(first, lines[j], texts[start], texts[j]))
        # a line break typed inside the title's paragraph (Shift+Enter): the same paragraph
        or (lines[j - 1].soft_break_after and not lines[j].para_start and bool(texts[j].strip()))
    ):
        title.append(texts[j])
        fm.decide(j, "title", "continues the title (same style, no paragraph break)")
        j += 1
    fm.title = " ".join(t.strip() for t in title)
    return j


def _wrapped_heading(first: Line, line: Line, text: str) -> bool:
    """A converter that writes each printed line of a heading as a heading of its own
    (``## **… a bridge over the**`` / ``## **river**``): the same level and style, and
    the text goes on in lower case (no heading begins so)."""
    if first.bbox is not None or line.hint is None or not line.hint.startswith("h"):
        return False
    same = (line.hint, line.bold, line.italic) == (first.hint, first.bold, first.italic)
    head = text.lstrip()[:1]
    return same and head.isalpha() and head.islower()


def _wrapped_caseless_heading(first: Line, line: Line, first_text: str, text: str) -> bool:
    """The same, in a script with no capitals (Arabic): a heading line right under the
    title's, at its level and in its style, that is shorter than it (the first printed
    line filled the measure) after a first line that ends no sentence."""
    head = text.lstrip()[:1]
    if first.bbox is not None or line.hint is None or not line.hint.startswith("h"):
        return False
    if not head.isalpha() or head.isupper() or head.islower():
        return False
    same = (line.hint, line.bold, line.italic) == (first.hint, first.bold, first.italic)
    return (
        same
        and not first_text.rstrip().endswith(_SENTENCE_END)
        and len(text.split()) < len(first_text.split())
    )


def _after_title(
    fm: FrontMatter, lines: list[Line], texts: list[str], i: int, profile: Profile | None
) -> int:
    """Byline, translators or date printed under the title (or moved there by a converter).

    Only what cannot be body text is taken: a line some role claimed already (a date, a
    labelled byline, a translator line), or a short name-like line right before a date.
    """
    for _ in range(4):
        if i >= len(lines):
            break
        if i in fm.decisions and fm.decisions[i].role in ("date", "byline", "translator"):
            i += 1
            continue
        decision = _classify(fm, i, texts[i], lines[i], profile)
        if decision is not None and decision.role in ("date", "byline", "translator"):
            fm.decisions[i] = decision
            i += 1
            continue
        nxt = i + 1
        if (
            fm.masthead_found
            and not fm.byline
            and fm.date_text is None
            and nxt < len(lines)
            and _byline_like(texts[i], profile)
            and date_of(texts[nxt]) is not None
        ):
            fm.add_byline(i, texts[i])
            fm.decide(i, "byline", "a short line right above the date")
            i += 1
            continue
        break
    return i


def _motto_after(
    fm: FrontMatter,
    lines: list[Line],
    texts: list[str],
    region: list[int],
    start: int,
    title: int | None,
) -> list[int]:
    """The unclaimed lines from ``start`` up to the next part the front matter knows
    (contact lines may stand between the tag and the poem); empty when that is no motto."""
    motto: list[int] = []
    for i in region:
        if i < start or (title is not None and i >= title):
            continue
        if i in fm.decisions:
            if i in fm.heads:  # the poem, with the contact line run on to its end
                motto.append(i)
                break
            if motto or fm.decisions[i].role not in ("contact", "furniture"):
                break
            continue  # a contact line between the tag and the poem
        if not texts[i].strip() or lines[i].hint == "image":
            continue
        motto.append(i)
        if len(motto) > 8:
            return []  # no motto is this long: something else stands there
    return motto


def _find_motto(
    fm: FrontMatter,
    lines: list[Line],
    texts: list[str],
    region: list[int],
    title: int | None,
    profile: Profile | None,
) -> None:
    """The motto is what stands unclaimed right under the site's name (or tag), up to the
    next part the front matter knows: a poem of any words, read by where it stands."""
    anchors = [i for i in region if i in fm.decisions and fm.decisions[i].role in ("site", "tag")]
    motto: list[int] = []
    for anchor in anchors:  # the masthead may print twice (in Word's first-page header too)
        motto = _motto_after(fm, lines, texts, region, anchor + 1, title)
        if motto:
            break
    if not motto:
        return
    for i in motto:
        if i not in fm.heads:
            fm.decide(i, "motto", "unclaimed lines right under the masthead")
    fm.motto = [fm.heads.get(i, texts[i]).strip() for i in motto]
    known = profile.motto if profile else ()
    if known and loose_key("".join(fm.motto)) == loose_key("".join(known)):
        # the profile knows this poem: its spelling and line breaks, which a conversion
        # may have lost (ZWNJ, the breaks between half-verses); nothing else depends on it
        fm.motto = list(known)


def _byline_candidate(line: Line, text: str, profile: Profile | None) -> bool:
    if line.hint in ("header", "footer", "image") or not _byline_like(text, profile):
        return False
    return not _matches(text, (profile.name or "",) if profile else ())


def _find_byline(
    fm: FrontMatter,
    lines: list[Line],
    texts: list[str],
    region: list[int],
    title: int | None,
    profile: Profile | None,
) -> None:
    """An unlabelled byline: a short name-like line next to the date (or to a translator
    line next to it), before the title. Names are never guessed from anything else."""
    if fm.byline or not fm.masthead_found:
        return
    group = {"date", "translator"}
    anchors = [i for i in region if i in fm.decisions and fm.decisions[i].role in group]
    inside = set(region)
    if not any(fm.decisions[i].role == "date" for i in anchors):
        # no date printed: the name-like line right above the title (or above the
        # translator's line there), under the labels
        above = title - 1 if title is not None else -1
        while (
            above in inside and above in fm.decisions and fm.decisions[above].role == "translator"
        ):
            above -= 1
        if (
            above in inside
            and above not in fm.decisions
            and _byline_candidate(lines[above], texts[above], profile)
        ):
            fm.add_byline(above, texts[above])
            fm.decide(above, "byline", "a short name-like line right above the title (no date)")
        return
    for anchor in anchors:
        for step in (-1, 1):
            i = anchor + step
            while i in inside and i in fm.decisions and fm.decisions[i].role in group:
                i += step
            # beside a date above the title, the byline is above it too; a date printed
            # under the title may have the byline under it
            crosses = title is not None and (i >= title) != (anchor > title)
            if i not in inside or i in fm.decisions or crosses:
                continue
            if not _byline_candidate(lines[i], texts[i], profile):
                continue
            fm.add_byline(i, texts[i])
            fm.decide(i, "byline", "a short unlabelled line next to the date")
            return
