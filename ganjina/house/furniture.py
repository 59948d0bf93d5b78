"""Running headers and footers: recognised and removed without touching the text around them.

Two kinds are removed: what the site profile names (its URL and e-mail, repeated on every
page after the first, often as links), and, generically, any line that repeats at the same
place on most pages of a PDF (a header the profile does not know). Page numbers in the
header or footer zone go too. Lines of the masthead are never passed here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ganjina.house.profile import Profile, fold_label, is_site_name
from ganjina.read.layout import Line

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|seite|صفحه|مخ)\s*)?[-–(]?\s*[0-9۰-۹٠-٩]{1,4}\s*(?:(?:/|of|von|از|له)\s*[0-9۰-۹٠-٩]{1,4})?\s*[-–)]?$",
    re.IGNORECASE,
)
# "page 1 of 4" whose two runs a right-to-left conversion put in reverse order
# ("له 4 مخ 1", "از 4 صفحه 1")
_PAGE_OF_REVERSED = re.compile(
    r"^(?:of|von|از|له)\s*[0-9۰-۹٠-٩]{1,4}\s*(?:page|seite|صفحه|مخ)\s*[0-9۰-۹٠-٩]{1,4}$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"[0-9۰-۹٠-٩]+")
# the most pages an article's last page number in a text flow may say, where no number of
# the pages before it was seen
_LAST_PAGES = 30
# a page number that is only a number (dashes or brackets around it at most)
_BARE_NUMBER = re.compile(r"^[-–(]?\s*([0-9۰-۹٠-٩]{1,4})\s*[-–)]?$")
# a page number printed beside the site's URL in a footer (``www.afgazad.com | 2``,
# ``Seite 2 – afgazad.com``): the number, its word and the separators around it
_NUMBER_BESIDE = re.compile(
    r"\s*[|–—/·•-]?\s*(?:(?:page|seite|صفحه|مخ)\s*)?[0-9۰-۹٠-٩]{1,4}"
    r"(?:\s*(?:/|of|von|از|له)\s*[0-9۰-۹٠-٩]{1,4})?\s*[|–—/·•-]?\s*",
    re.IGNORECASE,
)
# a header or footer sits in the top or bottom part of the page
_ZONE = 0.12


def _profile_furniture(profile: Profile | None) -> set[str]:
    keys: set[str] = set()
    if profile is None:
        return keys
    for value in (profile.url, profile.email):
        if value:
            keys.add(fold_label(value))
            keys.add(fold_label("http://" + value))
            keys.add(fold_label("https://" + value))
    if profile.url and profile.email:
        keys.add(fold_label(f"{profile.url} {profile.email}"))
        keys.add(fold_label(f"{profile.email} {profile.url}"))
    return keys


def _in_zone(line: Line, page_height: float | None) -> bool:
    if line.bbox is None or not page_height:
        return True  # formats without geometry: position cannot rule it out
    top, bottom = line.bbox[1], line.bbox[3]
    return top < page_height * _ZONE or bottom > page_height * (1 - _ZONE)


def _url_and_number(text: str, known: set[str]) -> bool:
    """A short line of the site's URL (or e-mail) and a page number, in either order."""
    if len(text) > 80 or not known:
        return False
    rest, numbers = _NUMBER_BESIDE.subn(" ", text.strip())
    return numbers == 1 and fold_label(rest.strip()) in known


def _after_contact(text: str, profile: Profile | None) -> str | None:
    """The text after the site's URL and e-mail that open a line (either order): a
    running header a converter ran into the first line of the page's text. None where
    the line does not open so, or holds nothing else."""
    if profile is None or not profile.url or not profile.email:
        return None
    words = text.split(maxsplit=2)
    if len(words) < 3:
        return None
    url, email = fold_label(profile.url), fold_label(profile.email)
    opening = {fold_label(w).removeprefix("https://").removeprefix("http://") for w in words[:2]}
    return words[2] if opening == {url, email} else None


def repeated_lines(lines: list[Line], pages: int | None, page_height: float | None) -> set[int]:
    """Indexes of lines that repeat at the same height on most pages (PDF only): on both
    pages of a two-page file (a footer ``صفحه 1 از 2`` whose words alone say nothing a
    reader can trust, its digits' order among them), on most after the first of more."""
    if not pages or pages < 2 or not page_height:
        return set()
    where: Counter[tuple[str, int]] = Counter()
    keyed: list[tuple[str, int] | None] = []
    for line in lines:
        if line.bbox is None or not _in_zone(line, page_height):
            keyed.append(None)
            continue
        key = (_DIGITS.sub("#", fold_label(line.text)), round(line.bbox[1] / 6))
        keyed.append(key)
        where[key] += 1
    need = max(2, (pages - 1) // 2 + 1)  # on most pages after the first
    return {i for i, key in enumerate(keyed) if key is not None and where[key] >= need}


class _FlowPageNumbers:
    """Which bare numbers in a text flow without positions (a converter's Markdown) can be
    page numbers: those that count the pages on, from 1 or 2, each the one after the last
    taken (or the one after that, where a page's number was lost), and a small number as
    the flow's last line. Any other lone number (``137``, the answer an article gives) is
    the author's text. A number with a word (``page 2``, ``2 / 4``) says what it is and is
    always taken."""

    def __init__(self) -> None:
        self.last = 0  # the last page number taken (0: none yet)

    def plausible(self, text: str, last_line: bool) -> bool:
        """``last_line``: the flow's last line, where a converter leaves the last page's
        footer even where it lost the others' (``3`` after the attribution)."""
        bare = _BARE_NUMBER.match(text.strip())
        if bare is None:
            # worded: taken, and the count goes on from it (``page 2 of 4``; reversed by a
            # right-to-left conversion, ``از 4 صفحه 2``, the page's number comes last)
            numbers = _DIGITS.findall(text)
            if numbers:
                said = int(numbers[-1] if _PAGE_OF_REVERSED.match(text) else numbers[0])
                self.last = max(self.last, said)
            return True
        value = int(bare.group(1))  # (int reads Persian and Arabic-Indic digits too)
        counts_on = self.last + 1 <= value <= self.last + 2
        if not counts_on and not (last_line and self.last < value <= self.last + _LAST_PAGES):
            return False
        self.last = value
        return True


def strip_furniture(
    lines: list[Line],
    profile: Profile | None,
    *,
    pages: int | None = None,
    page_height: float | None = None,
    page_numbers_in_flow: bool = True,
) -> tuple[list[Line], list[tuple[Line, str]]]:
    """The body lines without running headers/footers, and those removed with why.
    ``page_numbers_in_flow``: whether a line without a position that holds only a page
    number's pattern may be one (not in a Word file or on a web page)."""
    known = _profile_furniture(profile)
    repeated = repeated_lines(lines, pages, page_height)
    kept: list[Line] = []
    removed: list[tuple[Line, str]] = []
    cut = False
    # a page's top in the text flow of a format without positions (a converter's
    # Markdown): where a page number or running header was printed between the lines,
    # not a DOCX header part, which is no place in the flow
    flow_cut = False
    first_page = lines[0].page if lines else 1
    pages_in_flow = _FlowPageNumbers()
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if (rest := _after_contact(line.text, profile)) is not None:
            line = replace(line, text=rest)
            cut = True  # the header marks a page's top: the paragraph above may go on
        folded = fold_label(line.text)
        why = None
        if line.hint in ("header", "footer"):
            why = f"the page {line.hint}"
        elif i in repeated:
            why = "repeated at the same place on most pages"
        elif folded in known:
            why = "the site's URL or e-mail (a running header)"
        elif _in_zone(line, page_height) and _url_and_number(line.text, known):
            why = "the site's URL and a page number"
        elif (
            profile is not None
            and (line.page != first_page or line.bbox is None)
            and _in_zone(line, page_height)
            and is_site_name(line.text, profile)
        ):
            # the masthead's own lines never come here: on a later page the site's name
            # at the top or bottom is the running header Word repeats (a format without
            # positions may not say where pages begin: there the name alone is enough)
            why = "the site's name (a running header)"
        elif (
            len(line.text) < 40
            and (_PAGE_NUMBER.match(line.text.strip()) or _PAGE_OF_REVERSED.match(line.text))
            and _in_zone(line, page_height)
            and (
                line.bbox is not None
                or (page_numbers_in_flow and pages_in_flow.plausible(line.text, i == last))
            )
        ):
            why = "a page number"
        if why is not None:
            removed.append((line, why))
            # what follows a removed header starts a new printed paragraph, unless the
            # paragraph was cut by the page break; the join rules decide that later
            if kept:
                kept[-1].soft_break_after = False
            cut = True
            flow_cut = flow_cut or (
                bool(kept) and line.bbox is None and line.hint not in ("header", "footer")
            )
            continue
        if cut:
            line.cut_before = True
            cut = False
        if flow_cut:
            line.page_top = True
            flow_cut = False
        kept.append(line)
    return kept, removed
