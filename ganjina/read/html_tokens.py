"""An HTML tokenizer that runs in linear time on any input (the web-page reader's lexer).

The standard library's ``html.parser`` rescans the rest of the document from every ``<``
that starts a construct it cannot finish: 80 KB of ``<a b`` take 55 s there (Python
3.11), ``<!--a>`` repeated and ``<a b='>'`` repeated are quadratic too, and ``<![x>``
raises ``AssertionError``. This tokenizer follows the states of the HTML standard's
tokenizer closely enough for reading articles, and every scan it makes consumes what it
scanned, so no character is looked at more than a few times:

* a tag, comment or declaration cut off by the end of the file ends the document (the
  standard's "EOF in tag": a browser shows nothing of it either);
* a comment runs to ``-->`` (or ``--!>``), or to the end of the file;
* ``<!…>``, ``<?…>`` and ``</…>`` that are not tags are bogus comments up to ``>``;
* the content of ``script``, ``style`` and the other raw-text elements is one run of
  text up to the matching end tag; ``title`` and ``textarea`` too, with entities decoded;
* a ``<`` that starts nothing is text.

    >>> list(tokens('<p class="x">a &amp; b</p>'))
    [('start', 'p', [('class', 'x')], False), ('data', 'a & b'), ('end', 'p')]
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Literal

#: ("start", tag, attributes, self_closing) · ("end", tag) · ("data", text)
Token = (
    tuple[Literal["start"], str, list[tuple[str, str | None]], bool]
    | tuple[Literal["end"], str]
    | tuple[Literal["data"], str]
)

_SPACE = re.compile(r"[\t\n\f\r ]*")
_TAG_NAME = re.compile(r"[^\t\n\f\r />]*")
_ATTR_NAME = re.compile(r"[^\t\n\f\r />][^\t\n\f\r />=]*")
_UNQUOTED = re.compile(r"[^\t\n\f\r >]*")
_COMMENT_END = re.compile(r"--!?>")
_ASCII_LETTER = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

#: elements whose content is text up to their end tag (entities decoded in the second set)
_RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes"})
_RC_DATA = frozenset({"title", "textarea"})


class _End(Exception):
    """The file ended inside a tag: the standard drops the unfinished tag."""


class _Tokenizer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def run(self) -> Iterator[Token]:
        text, n = self.text, len(self.text)
        while self.pos < n:
            lt = text.find("<", self.pos)
            if lt < 0:
                yield ("data", html.unescape(text[self.pos :]))
                return
            if lt > self.pos:
                yield ("data", html.unescape(text[self.pos : lt]))
            self.pos = lt
            try:
                token = self._markup()
            except _End:
                return
            if token is None:
                continue
            yield token
            if token[0] == "start" and not token[3]:
                yield from self._content_of(token[1])

    def _markup(self) -> Token | None:
        """The construct starting at the ``<`` at ``pos``; None for a comment."""
        text, at = self.text, self.pos
        nxt = text[at + 1 : at + 2]
        if nxt in _ASCII_LETTER and nxt:
            self.pos = at + 1
            return self._tag("start")
        if nxt == "/":
            after = text[at + 2 : at + 3]
            if after in _ASCII_LETTER and after:
                self.pos = at + 2
                return self._tag("end")
            if after == ">":
                self.pos = at + 3  # "</>" is nothing at all
                return None
            if not after:
                self.pos = len(text)
                return ("data", "</")
            self._bogus_comment(at + 2)
            return None
        if nxt == "!":
            if text.startswith("<!--", at):
                self._comment(at + 4)
            else:
                self._bogus_comment(at + 2)
            return None
        if nxt == "?":
            self._bogus_comment(at + 1)
            return None
        self.pos = at + 1
        return ("data", "<")

    def _comment(self, start: int) -> None:
        text = self.text
        if text.startswith(">", start):  # "<!-->"
            self.pos = start + 1
            return
        if text.startswith("->", start):  # "<!--->"
            self.pos = start + 2
            return
        end = _COMMENT_END.search(text, start)
        self.pos = end.end() if end else len(text)

    def _bogus_comment(self, start: int) -> None:
        gt = self.text.find(">", start)
        self.pos = gt + 1 if gt >= 0 else len(self.text)

    def _tag(self, kind: Literal["start", "end"]) -> Token:
        text = self.text
        name_match = _TAG_NAME.match(text, self.pos)
        assert name_match is not None  # the pattern matches the empty string
        name = name_match.group().lower()
        self.pos = name_match.end()
        attrs, self_closing = self._attributes()
        if kind == "end":
            return ("end", name)
        return ("start", name, attrs, self_closing)

    def _attributes(self) -> tuple[list[tuple[str, str | None]], bool]:
        """Attributes up to the ``>`` that ends the tag; raises _End at the file's end."""
        text, n = self.text, len(self.text)
        attrs: list[tuple[str, str | None]] = []
        while True:
            self._skip_space()
            if self.pos >= n:
                raise _End
            ch = text[self.pos]
            if ch == ">":
                self.pos += 1
                return attrs, False
            if ch == "/":
                self.pos += 1
                if text.startswith(">", self.pos):
                    self.pos += 1
                    return attrs, True
                continue
            name_match = _ATTR_NAME.match(text, self.pos)
            assert name_match is not None  # ch is none of the characters it excludes
            self.pos = name_match.end()
            self._skip_space()
            value: str | None = None
            if text.startswith("=", self.pos):
                self.pos += 1
                self._skip_space()
                value = self._value()
            attrs.append((name_match.group().lower(), value))

    def _value(self) -> str:
        text = self.text
        quote = text[self.pos : self.pos + 1]
        if quote in ('"', "'") and quote:
            close = text.find(quote, self.pos + 1)
            if close < 0:
                raise _End
            value = text[self.pos + 1 : close]
            self.pos = close + 1
        else:
            match = _UNQUOTED.match(text, self.pos)
            assert match is not None
            value = match.group()
            self.pos = match.end()
        return html.unescape(value)

    def _skip_space(self) -> None:
        match = _SPACE.match(self.text, self.pos)
        assert match is not None
        self.pos = match.end()

    def _content_of(self, tag: str) -> Iterator[Token]:
        """The text of a raw-text or RCDATA element, up to (not including) its end tag."""
        if tag not in _RAW_TEXT and tag not in _RC_DATA and tag != "plaintext":
            return
        text = self.text
        if tag == "plaintext":  # nothing ends it
            end = len(text)
        else:
            closing = re.compile(rf"</{tag}[\t\n\f\r />]", re.IGNORECASE).search(text, self.pos)
            end = closing.start() if closing else len(text)
        body = text[self.pos : end]
        self.pos = end
        if body:
            yield ("data", html.unescape(body) if tag in _RC_DATA else body)


def tokens(text: str) -> Iterator[Token]:
    """The start tags, end tags and text runs of an HTML document, in order."""
    return _Tokenizer(text).run()
