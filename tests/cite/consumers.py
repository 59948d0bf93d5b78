"""The real consumers of our exports, as a reference manager or a paper's build runs them.

``bibtexparser`` (with its LaTeX decoding, pylatexenc) for BibTeX, ``rispy`` for RIS and
``citeproc-py`` with the bundled Chicago style, unchanged and in CSL's own en-US
locale, for CSL-JSON.
"""

from __future__ import annotations

import json
from typing import Any

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from ganjina.cite.line import STYLE

#: pylatexenc reads LaTeX's \textasciicircum as the modifier letter (U+02C6), the glyph
#: LaTeX prints; the ASCII caret is what it stands for
_CARET = str.maketrans({"\u02c6": "^"})


def bibtex(text: str) -> list[dict[str, str]]:
    """Each entry's fields as a reader gets them: LaTeX decoded, except ``url``, which
    biblatex reads verbatim (decoding it would read ``%`` as a comment)."""
    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    raw = bibtexparser.parse_string(text)
    assert not decoded.failed_blocks and not raw.failed_blocks
    out = []
    for entry, plain in zip(decoded.entries, raw.entries, strict=True):
        fields = {f.key: str(f.value).translate(_CARET) for f in entry.fields}
        fields["ID"] = entry.key
        fields["ENTRYTYPE"] = entry.entry_type
        if "url" in fields:
            fields["url"] = str(plain.fields_dict["url"].value)
        out.append(fields)
    return out


def bibtex_names(value: str) -> list[str]:
    return [name.strip() for name in value.split(" and ")]


def ris(text: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = rispy.loads(text)
    return records


def citeproc(csl_json: str) -> list[str]:
    """Every item of a CSL-JSON export rendered as a bibliography entry (plain text)."""
    items = json.loads(csl_json)
    style = CitationStylesStyle(str(STYLE), locale="en-US", validate=False)
    out = []
    for item in items:
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"])]))
        out.append(str(bibliography.bibliography()[0]))
    return out
