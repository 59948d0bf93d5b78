"""Characters a font's text mapping names wrongly, read as what the page shows.

Each repair is decided by the character's neighbours in the line, never by a word list:

* a Roman numeral letter (U+2160–U+217F) inside a Latin word is that letter: fonts that
  draw ``l`` and ``m`` with the numeral glyphs name them so (``ⅬATEX``, ``exaⅿpⅼe``);
* a hyphen bullet (U+2043) between two letters is a hyphen (``بیت⁃محور``);
* a solidus overlay (U+0337, U+0338) that takes room of its own is a slash: a
  combining overlay is drawn on a letter, never beside it (see ``pdf_line._clean``).
"""

from __future__ import annotations

import re
import unicodedata

SOLIDUS_OVERLAYS = frozenset("\u0337\u0338")
# a numeral letter with a Latin letter on either side (the run of them, at most a word)
_NUMERAL_IN_WORD = re.compile(r"(?<=[A-Za-z])[\u2160-\u217f]+|[\u2160-\u217f]+(?=[A-Za-z])")
_HYPHEN_BULLET = re.compile(r"(?<=\w)\u2043(?=\w)")
_ANY = re.compile("[\u2043\u2160-\u217f]")


def repair_mapping(text: str) -> str:
    """``text`` with the misnamed characters above read as letters and marks.

    >>> repair_mapping("\\u216cATEX و exa\\u217fp\\u217ce در بیت\\u2043محور")
    'LATEX و example در بیت-محور'
    >>> repair_mapping("فصل \\u216b و \\u2043 فهرست")  # a numeral alone, a bullet alone
    'فصل Ⅻ و ⁃ فهرست'
    """
    if _ANY.search(text) is None:
        return text  # the common line: nothing misnamed
    text = _HYPHEN_BULLET.sub("-", text)
    return _NUMERAL_IN_WORD.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
