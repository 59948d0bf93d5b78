"""BibTeX, in the fields biblatex defines (classic BibTeX reads the common ones).

UTF-8 throughout: Persian and Pashto names and titles stay in their script (biber and
modern BibTeX read UTF-8). What LaTeX would read as markup is escaped, so a title can
hold any character: ``{ } % & $ # _ ~ ^ \\`` become ``\\{ \\} \\% \\& \\$ \\# \\_``
``\\textasciitilde{} \\textasciicircum{} \\textbackslash{}``; line breaks become spaces.

Each name is one braced group (``{Zahra Mohseni} and {نسرین احمدی}``): BibTeX would
otherwise split it into given and family names, which the record does not know. A
title not in English is braced once more so that a style's sentence-casing leaves it
as printed. ``url`` is verbatim in biblatex and never escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ganjina.cite.model import Citable

MEDIA_TYPE = "application/x-bibtex"

_ESCAPES = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "%": r"\%",
        "&": r"\&",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
        # a field is one line; other C0 controls have no business in a citation
        **{chr(c): " " for c in range(32)},
    }
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: babel/polyglossia language names, for biblatex's hyphenation (Pashto has none)
_LANGID = {"en": "english", "de": "ngerman", "fa": "persian", "prs": "persian"}


def escape(text: str) -> str:
    """``text`` as the content of a braced BibTeX field (one pass: linear time)."""
    return text.translate(_ESCAPES)


def _names(names: Iterable[str]) -> str | None:
    braced = [f"{{{escape(n)}}}" for n in names if n]
    return " and ".join(braced) or None


def _url(url: str | None) -> str | None:
    # verbatim in biblatex: only the characters that would unbalance the field change
    if not url:
        return None
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


def fields(c: Citable) -> list[tuple[str, str]]:
    """The entry's fields in order, values already escaped; macros unbraced."""
    title = escape(c.title) if c.title else None
    if title and not c.is_english:
        title = f"{{{title}}}"
    day = c.issued
    note = [c.solar_note(), None if day or not c.date_text else f"Date as printed: {c.date_text}"]
    note.append(c.version_note())
    values: list[tuple[str, str | None]] = [
        ("author", _names(c.authors)),
        ("title", title),
        ("journal", escape(c.publisher) if c.publisher else None),
        ("entrysubtype", "newspaper"),
        ("date", c.date if day else None),
        ("year", str(day.year) if day else None),
        ("translator", _names(c.translators)),
        ("langid", _LANGID.get((c.language or "").lower().split("-")[0])),
        ("version", str(c.version)),
        ("url", _url(c.url)),
        ("urldate", c.accessed.isoformat()),
    ]
    original = c.original
    if original:
        values += [
            ("origtitle", escape(original.title) if original.title else None),
            ("origpublisher", escape(original.publisher) if original.publisher else None),
            ("origdate", original.date),
        ]
    values.append(("note", escape(". ".join(n for n in note if n))))
    out = [(k, f"{{{v}}}") for k, v in values if v]
    if day:  # the month as BibTeX's own macro, which every style understands
        out.insert(out.index(("year", f"{{{day.year}}}")) + 1, ("month", _MONTHS[day.month - 1]))
    return out


def entry(c: Citable) -> str:
    """One ``@article`` entry."""
    pairs = fields(c)
    width = max(len(k) for k, _ in pairs)
    body = ",\n".join(f"  {k.ljust(width)} = {v}" for k, v in pairs)
    return f"@article{{{c.key},\n{body}\n}}\n"


def dumps(citables: Iterable[Citable]) -> str:
    return "\n".join(entry(c) for c in citables)


def chunks(citables: Iterable[Citable]) -> Iterator[bytes]:
    """One entry at a time, a blank line between entries."""
    for n, c in enumerate(citables):
        yield (b"\n" if n else b"") + entry(c).encode("utf-8")
