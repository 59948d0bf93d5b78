"""The attribution line: the original outlet of a reprint or translation, and its date.

The last line of an article names where it first appeared: ``World Socialist 30.03.2022``,
or with a label, ``منبع: …``, ``سرچینه: …``, ``Source: …``. Only a short line that
ends in a date, or that carries one of the profile's labels, is taken for one; anything
else stays body text (nothing is guessed).
"""

from __future__ import annotations

from ganjina.house.labels import label_at_start
from ganjina.house.patterns import OUTLET_URL
from ganjina.house.profile import Profile
from ganjina.record import Source
from ganjina.text import find_dates

_URL = OUTLET_URL
_MAX_WORDS = 14
_SHORT_NAME = 4  # words of an undated outlet's name after a label without a colon
_SENTENCE_END = (".", "!", "?", "؟")


def _label_first(line: str, profile: Profile | None) -> str:
    """``… :منبع`` (a converter put the right-to-left label last) → ``منبع: …``."""
    for prefix in profile.attribution_prefixes if profile else ():
        label = prefix.rstrip(":： ")
        if prefix.endswith(":") and line.endswith(":" + label) and not line.startswith(label):
            return f"{prefix} {line[: -len(label) - 1].strip()}"
    return line


def _url_last(line: str, profile: Profile | None) -> str:
    """``www.x.org ، ،منبع: …`` (a converter moved a right-to-left line's URL to its front)
    → ``منبع: … www.x.org``; only where one of the profile's labels follows the URL."""
    url = _URL.match(line)
    if url is None or profile is None:
        return line
    rest = line[url.end() :].lstrip(" ,،;–-—")
    if rest and label_at_start(rest, profile.attribution_prefixes):
        return f"{rest} {url.group(0)}"
    return line


def read_attribution(
    text: str, profile: Profile | None, *, labelled_only: bool = False
) -> Source | None:
    """A Source from a candidate last line, or None if it is not an attribution.

    ``labelled_only``: take it only with one of the profile's labels (``Source:``).
    """
    line = _url_last(_label_first(text.strip(), profile), profile)
    if not line or len(line.split()) > _MAX_WORDS + 2:
        return None
    found = label_at_start(line, profile.attribution_prefixes if profile else ())
    labelled = found[1] if found else None
    if labelled is None and labelled_only:
        return None
    rest = labelled if labelled is not None else line
    dates = [d for d in find_dates(rest) if d.precision == "day"]
    date = dates[-1] if dates else None
    if labelled is None:
        # unlabelled: the line must end with the date, and be short
        if date is None or rest[date.span[1] :].strip(" .,،)") or len(line.split()) > _MAX_WORDS:
            return None
        if line.endswith(_SENTENCE_END) and not rest[date.span[0] : date.span[1]].endswith("."):
            return None
    name_part = rest
    if date is not None:
        name_part = (rest[: date.span[0]] + " " + rest[date.span[1] :]).strip()
    url_match = _URL.search(name_part)
    url = url_match.group(0).rstrip(".,،)") if url_match else None
    if url_match:
        name_part = (name_part[: url_match.start()] + name_part[url_match.end() :]).strip()
    # a stop after the name ends the line, not the name
    name = name_part.strip(" ,،;:–-—()").removesuffix(".").rstrip() or None
    # a label without its colon ("First published in") may open a sentence: undated,
    # only an outlet's short name follows it
    colonless = found is not None and found[0][-1] not in ":："
    short = name is not None and len(name.split()) <= _SHORT_NAME
    if colonless and date is None and not (short and not line.endswith(_SENTENCE_END)):
        return None
    return Source(name=name, date=date.iso if date else None, url=url, text=line)
