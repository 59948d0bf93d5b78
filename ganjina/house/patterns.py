"""The patterns the recognizer runs over untrusted text, each in linear time.

A URL or e-mail pattern written the obvious way is quadratic on one long token (every
start position re-reads the token to its end): a 100 KB line took minutes. These start
only where a token starts (a look-behind) and never give back what a run took
(possessive quantifiers), so each character is read a bounded number of times;
``tests/read/test_patterns.py`` runs each on megabyte inputs.
"""

from __future__ import annotations

import re

#: ``www.afgazad.com``, ``https://example.org/a/b``, ``afgazad.com``
URL = re.compile(
    r"(?<![\w.@/-])(?:https?://)?+(?:www\.)?+[\w-]++(?:\.[\w-]++)++(?:/\S*+)?+", re.IGNORECASE
)
#: ``afgazad@gmail.com``
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++")
#: a URL as an attribution prints it: with a scheme, ``www.``, or a common top-level domain
OUTLET_URL = re.compile(
    r"(?<![\w.@/-])(?:(?:https?://|www\.)\S++|[\w-]++\.(?:com|org|net|de|af|uk|info|ir)\b\S*+)",
    re.IGNORECASE,
)
_DATE_LABEL_WORDS = r"(?:تاریخ|نېټه|Datum|Date)"
#: a date label before the date itself
DATE_LABEL = re.compile(r"^" + _DATE_LABEL_WORDS + r"\s*+[:：]\s*+", re.IGNORECASE)
#: the same label where a date follows it further on in a line (``Name Date: 14.06.2023``)
DATE_LABEL_AT_END = re.compile(r"(?<!\w)" + _DATE_LABEL_WORDS + r"\s*[:：]\s*$", re.IGNORECASE)

#: no front-matter line is longer; longer lines are body text and are not matched
MAX_FRONT_LINE = 300


def is_url(text: str) -> bool:
    text = text.strip()
    return len(text) <= MAX_FRONT_LINE and URL.fullmatch(text) is not None


def is_email(text: str) -> bool:
    text = text.strip()
    return len(text) <= MAX_FRONT_LINE and EMAIL.fullmatch(text) is not None


def has_contact(text: str) -> bool:
    """Whether a (short) line carries a URL or an e-mail address."""
    if len(text) > MAX_FRONT_LINE:
        return False
    return URL.search(text) is not None or EMAIL.search(text) is not None


#: a translator credit that names the language translated from, in the words German,
#: English, Dari and Pashto editors use ("Aus dem Englischen von", "Translated from the
#: Dari by", "ترجمه از انگلیسی:", "برگردان از زبان آلمانی توسط", "له انګلیسي څخه ژباړه:");
#: every part bounded, so each start position reads a few dozen characters at most
_LANGUAGE_WORD = r"[^\W\d_]{3,20}+"
TRANSLATED_FROM = re.compile(
    r"(?:aus dem \w{3,20}(?: übersetzt)? von|übersetzt aus dem \w{3,20} von"
    r"|übersetzung aus dem \w{3,20} ?+:"
    r"|translated from (?:the )?\w{3,20} by"
    r"|(?:ترجمه|برگردان)[\u0654\u06cc]?+ (?:از|ز) (?:زبان )?+"
    + _LANGUAGE_WORD
    + r"(?: به (?:دری|فارسی|پارسی))?+ ?+(?:[:：]|توسط)"
    r"|(?:ژباړه|ژباړن) ?+له " + _LANGUAGE_WORD + r"(?: ژبې)?+(?: څخه)?+ ?+[:：]"
    r"|له " + _LANGUAGE_WORD + r"(?: ژبې)?+(?: څخه)?+ ژباړه ?+[:：])\s*+(?=\S)",
    re.IGNORECASE,
)
