"""A web page's bytes → text, in the encoding the page declares.

Pages saved from older Afghan and Iranian sites are often in Windows-1256 (Arabic
Windows), European ones in Windows-1252 or ISO-8859-x, and say so in a ``<meta charset>``
or ``<meta http-equiv="Content-Type" content="…; charset=…">`` near the top. As the HTML
standard's prescan does, the first 1,024 bytes are searched for that declaration (a byte
order mark comes first; a page saved without one and without a declaration must be
UTF-8, or it is refused clearly, never decoded by a guess). Labels are taken as the
Encoding standard takes them: ``iso-8859-1``, ``latin1`` and ``us-ascii`` mean
Windows-1252, a declared UTF-16 means UTF-8 (a page that really is UTF-16 has a byte
order mark).
"""

from __future__ import annotations

import codecs
import re

from ganjina.errors import UnsupportedFormat

__all__ = ["declared_charset", "decode_html"]

_PRESCAN = 1024
_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:+-]{1,40})", re.IGNORECASE
)
#: the Encoding standard's labels that name another encoding than Python's codec would
_AS_THE_STANDARD_SAYS = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin1": "windows-1252",
    "l1": "windows-1252",
    "ascii": "windows-1252",
    "us-ascii": "windows-1252",
    "iso-8859-9": "windows-1254",
    "latin5": "windows-1254",
    "tis-620": "windows-874",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
    "x-user-defined": "windows-1252",
}


def declared_charset(data: bytes) -> str | None:
    """The encoding a page's first 1,024 bytes declare, as a Python codec name; None
    where they declare none, or one Python does not know."""
    found = _META_CHARSET.search(data[:_PRESCAN])
    if found is None:
        return None
    label = found.group(1).decode("ascii").strip().lower()
    label = _AS_THE_STANDARD_SAYS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes) -> tuple[str, str | None]:
    """The page's text, and a warning where some of its bytes are not in its encoding."""
    # (UTF-16 and UTF-32 with a byte order mark were made UTF-8 before: ``read.as_utf8``)
    if data.startswith(codecs.BOM_UTF8):
        charset, data = "utf-8", data[len(codecs.BOM_UTF8) :]
    else:
        declared = declared_charset(data)
        if declared is None:
            try:
                return data.decode("utf-8"), None
            except UnicodeDecodeError as err:
                raise UnsupportedFormat(
                    f"not UTF-8 text and no charset declared (invalid byte at offset {err.start})"
                ) from None
        charset = declared
    try:
        return data.decode(charset), None
    except UnicodeDecodeError as err:
        # as a browser shows it: each byte the encoding lacks is U+FFFD, and said so
        text = data.decode(charset, errors="replace")
        return text, (
            f"bytes not in the page's encoding ({charset}) read as U+FFFD, the first at "
            f"offset {err.start}"
        )
