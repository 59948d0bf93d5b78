"""File names as the archive keeps them: text, losslessly, whatever bytes the name has.

On POSIX a file name is bytes. Python hands a name that is not UTF-8 (Latin-1 or CP1256,
common in archives copied from old Windows machines) to us with "surrogate escapes"
(``'\\udce4'`` for the byte 0xE4), and neither SQLite nor PostgreSQL will store those.

A name that is valid UTF-8 is kept as it is, so every archive made before keeps its keys.
Any other name is kept as ``fsbytes:`` and its bytes percent-encoded. A key from
:func:`path_key` is absolute and so starts with ``/``; no such key can be mistaken for an
encoded one, and :func:`from_text` gives back the very bytes.

    >>> to_text("/srv/a/\\udce4.md")
    'fsbytes:/srv/a/%E4.md'
    >>> from_text("fsbytes:/srv/a/%E4.md") == "/srv/a/\\udce4.md"
    True
    >>> shown("/srv/a/\\udce4.md")
    '/srv/a/\\\\xe4.md'
"""

from __future__ import annotations

import os
from urllib.parse import quote, unquote_to_bytes

PREFIX = "fsbytes:"


def _is_clean(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def to_text(path: str) -> str:
    """The storable text of a path (unchanged when it is UTF-8)."""
    if _is_clean(path):
        return path
    return PREFIX + quote(os.fsencode(path), safe="/")


def from_text(text: str) -> str:
    """The path (as Python's ``os`` functions take it) that :func:`to_text` stored."""
    if text.startswith(PREFIX):
        return os.fsdecode(unquote_to_bytes(text[len(PREFIX) :]))
    return text


def path_key(path: str) -> str:
    """The files-table key of a path: absolute (so any working folder finds it), storable."""
    return to_text(os.path.abspath(path))


def shown(path: str) -> str:
    """A path for people: its undecodable bytes written ``\\xe4``, everything else as is."""
    text = from_text(path)
    if _is_clean(text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")
