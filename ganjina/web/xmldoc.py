"""Building the XML answers (Atom, OAI-PMH, sitemaps) with the standard library.

ElementTree escapes markup characters but not the control characters XML 1.0 forbids,
and a PDF's text layer can leave some in a record (kashida artefacts such as ``\\x1b``);
:func:`text` drops them, so every document we send parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_INVALID = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def text(value: object) -> str:
    """``value`` as text XML 1.0 allows."""
    return _INVALID.sub("", "" if value is None else str(value))


def sub(parent: ET.Element, tag: str, value: object = None, **attrib: str) -> ET.Element:
    """A child element with text ``value`` (cleaned) and attributes."""
    element = ET.SubElement(parent, tag, {k: text(v) for k, v in attrib.items()})
    if value is not None:
        element.text = text(value)
    return element


def serialize(root: ET.Element) -> bytes:
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data
