"""The interface's three languages, English, Dari and Pashto, and their catalogues.

Every string the site shows is marked: ``_("…")`` in templates, :func:`N_` in Python.
``locale/messages.pot`` holds them all; ``locale/fa_AF/LC_MESSAGES/messages.po`` has the
Dari translations and ``locale/ps/LC_MESSAGES/messages.po`` the Pashto ones. The compiled
``messages.mo`` files are committed beside the ``.po`` files so that ``pip install -e .``
is enough to run the site; a test fails when the two disagree, when a marked string is
missing from a catalogue, or when one is left untranslated::

    python -m ganjina.web.i18n update    # extract the marked strings, merge into each .po
    python -m ganjina.web.i18n compile   # .po -> .mo (after translating)
    python -m ganjina.web.i18n check     # what the test checks

Which language a request gets: ``?ui=fa`` (``en``, ``ps``) on the URL, else the ``ui``
cookie that ``/ui/<code>`` sets, else the browser's ``Accept-Language``, else English.
"""

from __future__ import annotations

import functools
import gettext
import io
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
COOKIE = "ui"


@dataclass(frozen=True)
class UiLanguage:
    #: what ``?ui=`` and the cookie say
    code: str
    #: BCP 47, for ``<html lang>``
    tag: str
    dir: str
    #: Babel's locale name, for dates, numbers and language names
    babel: str
    #: the language's own name, for the switch
    name: str


LANGUAGES: dict[str, UiLanguage] = {
    "en": UiLanguage("en", "en", "ltr", "en", "English"),
    "fa": UiLanguage("fa", "fa-AF", "rtl", "fa_AF", "دری"),
    "ps": UiLanguage("ps", "ps", "rtl", "ps", "پښتو"),
}
#: the languages with a catalogue (English is the source language), and its team's name
CATALOGUES = {"fa": "Dari", "ps": "Pashto"}
DEFAULT = "en"


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it (translated when shown)."""
    return message


@functools.cache
def translations(code: str) -> gettext.NullTranslations:
    """The catalogue of a UI language (English is the source language: no catalogue)."""
    language = LANGUAGES[code]
    if code == DEFAULT:
        return gettext.NullTranslations()
    mo = LOCALE_DIR / language.babel / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def choose(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The UI language code for a request (see the module docstring)."""
    for value in (query, cookie):
        if value in LANGUAGES:
            return value
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith(("fa", "prs")):
            return "fa"
        if tag.startswith(("ps", "pbt", "pbu")):
            return "ps"
        if tag.startswith("en"):
            return "en"
    return DEFAULT


# -- keeping the catalogues (development tools; only they need Babel's extractor) ------
_MAPPING = [("**.py", "python"), ("templates/**.html", "jinja2")]
_KEYWORDS: dict[str, Any] = {"_": None, "_m": None, "N_": None, "ngettext": (1, 2)}
_QUERY_MODULES = ("query.py", "compiler.py")


PROJECT = "Ganjina"
COPYRIGHT = "The Ganjina developers"


def po_path(code: str) -> Path:
    return LOCALE_DIR / LANGUAGES[code].babel / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every marked string of the web package, as a Babel catalogue."""
    from babel.messages.extract import extract, extract_from_dir

    catalog = Catalog(project=PROJECT, copyright_holder=COPYRIGHT, charset="utf-8")
    root = LOCALE_DIR.parent
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), _MAPPING, keywords=_KEYWORDS, comment_tags=("NOTE",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    # the search's error messages are written in the archive, each with query_error()
    for name in _QUERY_MODULES:
        path = root.parent / "archive" / name
        with path.open("rb") as handle:
            for lineno, message, comments, _context in extract(
                "python", handle, keywords={"query_error": (1,)}, comment_tags=("NOTE",)
            ):
                where = f"../archive/{name}"
                catalog.add(message, None, [(where, lineno)], auto_comments=comments)
    return catalog


def _read_po(code: str) -> Catalog:
    with po_path(code).open("rb") as handle:
        return read_po(handle, locale=LANGUAGES[code].babel, domain=DOMAIN)


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def _messages(mo: bytes) -> dict[tuple[str | None, str], str]:
    """The translations a compiled catalogue holds, without its header.

    Compared as messages, never as bytes: the header names the Babel version that wrote
    it (``Generated-By``), and any allowed version must pass the check.
    """
    catalog = read_mo(io.BytesIO(mo))
    # plural messages have list ids; a tuple makes them keys
    return {(m.context, str(m.id)): str(m.string) for m in catalog if m.id}


def update() -> None:
    """Write ``messages.pot`` and merge it into each ``.po`` (new strings untranslated)."""
    template = extract()
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True)
    for code, team in CATALOGUES.items():
        path = po_path(code)
        babel = LANGUAGES[code].babel
        catalog = (
            _read_po(code)
            if path.exists()
            else Catalog(locale=babel, domain=DOMAIN, project=PROJECT)
        )
        catalog.update(template, no_fuzzy_matching=True)
        catalog.fuzzy = False  # the header is ours, not a guess
        catalog.project, catalog.version = PROJECT, ""
        catalog.copyright_holder = COPYRIGHT
        catalog.language_team = team
        catalog.header_comment = (
            f"# {team} translations of the Ganjina web interface.\n"
            "# This file is distributed under the same license as Ganjina (AGPL-3.0-or-later).\n"
            "# Update with `python -m ganjina.web.i18n update`, then `compile`."
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, sort_output=True, ignore_obsolete=True)


def compile_mo() -> None:
    """Compile each ``.po`` into the ``.mo`` the site loads."""
    for code in CATALOGUES:
        po_path(code).with_suffix(".mo").write_bytes(_mo_bytes(_read_po(code)))


def check() -> list[str]:
    """Problems with the catalogues: strings missing or untranslated, a stale ``.mo``."""
    template = extract()
    problems = []
    for code in CATALOGUES:
        catalog = _read_po(code)
        for message in template:
            if not message.id:
                continue
            have = catalog.get(message.id)
            if have is None:
                problems.append(f"{code}: not in the .po: {message.id!r}")
                continue
            strings = have.string if isinstance(have.string, tuple) else (have.string,)
            if have.fuzzy or not all(strings):
                problems.append(f"{code}: not translated: {message.id!r}")
        mo = po_path(code).with_suffix(".mo")
        if not mo.exists() or _messages(mo.read_bytes()) != _messages(_mo_bytes(catalog)):
            problems.append(f"{code}: {mo.name} is not compiled from the .po: run `compile`")
    return problems


def main(argv: list[str]) -> int:
    commands = {"update": update, "compile": compile_mo}
    if argv and argv[0] in commands:
        commands[argv[0]]()
        return 0
    if argv and argv[0] == "check":
        problems = check()
        print("\n".join(problems) or "catalogues complete")
        return 1 if problems else 0
    print("usage: python -m ganjina.web.i18n update|compile|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
