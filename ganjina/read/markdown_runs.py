"""Paragraphs a PDF-to-Markdown converter ran together, told apart by their styling.

A converter that reads a page block by block writes a block as one Markdown line. Where
the page set two paragraphs with no space between them (a first-line indent, a heading
set as a bold line, the front matter's short lines), they are one block, and so one
line: ``… bis zum Abend. _Wer gräbt, trinkt zuerst._``. The styling survives: a
run in bold, italic or underline that is *whole* — it begins where a sentence or the
line begins and ends where a sentence or the line ends — was a paragraph of its own.
An emphasised word inside a sentence (``the *Guardian* reported``) is not whole and stays.
The scan is one pass over the line's markers (linear time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ganjina.text.canonical import word_count

# an emphasis marker run, or the underline tags converters write around links
_MARK = re.compile(r"</?u>|\*{1,3}|_{1,3}")
_ANY_MARK = re.compile(r"</?u>|[*_]")
# what ends a sentence, closing quotes included
_CLOSING = tuple(".!?؟:;…»\"'”’“›)")


@dataclass(frozen=True)
class _Run:
    start: int  # where the opening marker starts
    end: int  # where the closing marker ends
    inner: str  # the run's text, markers inside it removed
    underline: bool  # a converter's <u> (a link): one word may stand alone


# a numeric date closing a run: an outlet and its date (an attribution)
_DATE_LAST = re.compile(r"[0-9۰-۹٠-٩]{1,4}[./-][0-9۰-۹٠-٩]{1,2}[./-][0-9۰-۹٠-٩]{1,4}$")


def _plain(text: str) -> str:
    return " ".join(_ANY_MARK.sub(" ", text).split())


def _runs(line: str) -> list[_Run]:
    """The outermost emphasised runs of ``line``, in order."""
    stack: list[tuple[str, int]] = []
    runs: list[_Run] = []
    for m in _MARK.finditer(line):
        token, at, after = m.group(0), m.start(), m.end()
        before_ch = line[at - 1] if at else " "
        next_ch = line[after] if after < len(line) else " "
        if token.startswith("<"):
            closes, opens = token == "</u>", token == "<u>"
            token = "<u>"
        else:
            # an underscore inside a word (a file name, an address) marks nothing
            closes = not before_ch.isspace() and not next_ch.isalnum()
            opens = not next_ch.isspace() and not before_ch.isalnum()
        if closes and stack and stack[-1][0] == token:
            _, start = stack.pop()
            if not stack:
                runs.append(_Run(start, after, _plain(line[start:after]), token == "<u>"))
        elif opens:
            stack.append((token, at))
    return runs


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_CLOSING)


def _opens_sentence(text: str) -> bool:
    """The text after a run starts a new sentence (not a lower-case continuation), or
    an address, which no sentence goes on with (``_… motto_ www.afgazad.com``)."""
    stripped = text.lstrip(" \"'“‘«(")
    first = stripped.split(maxsplit=1)[0] if stripped else ""
    if first.startswith(("www.", "http://", "https://")) or "@" in first:
        return True
    return bool(first) and not first[0].islower()


def split_styled_runs(line: str) -> list[str]:
    """The paragraphs of one Markdown line: the line itself, or its parts where a whole
    bold, italic or underlined run stands among plain text (each part keeps its markers).

    >>> split_styled_runs("The street met. _Nobody else was going to dig for us._")
    ['The street met.', '_Nobody else was going to dig for us._']
    >>> split_styled_runs("the *Guardian* reported on it. **Bold** words")
    ['the *Guardian* reported on it. **Bold** words']
    """
    found = _runs(line)
    touching = [
        (k > 0 and not line[found[k - 1].end : r.start].strip(),
         k + 1 < len(found) and not line[r.end : found[k + 1].start].strip())
        for k, r in enumerate(found)
    ]  # fmt: skip
    cuts: set[int] = set()
    for run, (touches_before, touches_after) in zip(found, touching, strict=True):
        # one emphasised word is a word set apart, not a paragraph, unless it stands
        # against another run (``<u>www.afgazad.com</u> **Dari**``)
        if not (run.underline or word_count(run.inner) >= 2 or touches_before or touches_after):
            continue
        before, after = line[: run.start], line[run.end :]
        long_run = word_count(run.inner) >= 3
        begins = not before.strip() or touches_before or _ends_sentence(_plain(before))
        ends = (
            not after.strip()
            or touches_after
            or (_opens_sentence(after) and (long_run or _ends_sentence(run.inner)))
        )
        # a run of several words that closes the line after text which does not end a
        # sentence is a heading or title run on after a byline, and a run that ends with
        # a date is an attribution run on after the last sentence: still a paragraph
        closes_line = not after.strip()
        begins = begins or (closes_line and (long_run or bool(_DATE_LAST.search(run.inner))))
        if begins and ends:
            cuts.update((run.start, run.end))
    if not cuts:
        return [line]
    bounds = [0, *sorted(cuts), len(line)]
    parts = [line[a:b].strip() for a, b in pairwise(bounds)]
    return [p for p in parts if p]
