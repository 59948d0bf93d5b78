"""The interface's two languages, English and Dari, and its message catalogue.

Every string the site shows is marked: ``_("…")`` in templates, :func:`N_` in Python.
``locale/messages.pot`` holds them all; ``locale/fa_AF/LC_MESSAGES/messages.po`` has the
Dari translations. The compiled ``messages.mo`` is committed beside the ``.po`` so that
``pip install -e .`` is enough to run the site; a test fails when the two disagree, when
a marked string is missing from the catalogue, or when one is left untranslated::

    python -m ganjina.web.i18n update    # extract the marked strings, merge into the .po
    python -m ganjina.web.i18n compile   # .po -> .mo (after translating)
    python -m ganjina.web.i18n check     # what the test checks

Which language a request gets: ``?ui=fa`` or ``?ui=en`` on the URL, else the ``ui``
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
}
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
        if tag.startswith("en"):
            return "en"
    return DEFAULT


# -- keeping the catalogue (development tools; only they need Babel's extractor) -------
_PO = LOCALE_DIR / "fa_AF" / "LC_MESSAGES" / f"{DOMAIN}.po"
_MAPPING = [("**.py", "python"), ("templates/**.html", "jinja2")]
_KEYWORDS: dict[str, Any] = {"_": None, "N_": None, "ngettext": (1, 2)}


PROJECT = "Ganjina"
COPYRIGHT = "The Ganjina developers"


def extract() -> Catalog:
    """Every marked string of the web package, as a Babel catalogue."""
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(project=PROJECT, copyright_holder=COPYRIGHT, charset="utf-8")
    root = LOCALE_DIR.parent
    for filename, lineno, message, comments, context in extract_from_dir(
        str(root), _MAPPING, keywords=_KEYWORDS, comment_tags=("NOTE",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _read_po() -> Catalog:
    with _PO.open("rb") as handle:
        return read_po(handle, locale="fa_AF", domain=DOMAIN)


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
    """Write ``messages.pot`` and merge it into the Dari ``.po`` (new strings untranslated)."""
    template = extract()
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as handle:
        write_po(handle, template, omit_header=False, sort_output=True)
    catalog = (
        _read_po() if _PO.exists() else Catalog(locale="fa_AF", domain=DOMAIN, project=PROJECT)
    )
    catalog.update(template, no_fuzzy_matching=True)
    catalog.fuzzy = False  # the header is ours, not a guess
    catalog.project, catalog.version = PROJECT, ""
    catalog.copyright_holder = COPYRIGHT
    catalog.language_team = "Dari"
    catalog.header_comment = (
        "# Dari translations of the Ganjina web interface.\n"
        "# This file is distributed under the same license as Ganjina (AGPL-3.0-or-later).\n"
        "# Update with `python -m ganjina.web.i18n update`, then `compile`."
    )
    _PO.parent.mkdir(parents=True, exist_ok=True)
    with _PO.open("wb") as handle:
        write_po(handle, catalog, sort_output=True, ignore_obsolete=True)


def compile_mo() -> None:
    """Compile the Dari ``.po`` into the ``.mo`` the site loads."""
    _PO.with_suffix(".mo").write_bytes(_mo_bytes(_read_po()))


def check() -> list[str]:
    """Problems with the catalogue: strings missing or untranslated, a stale ``.mo``."""
    template = extract()
    catalog = _read_po()
    problems = []
    for message in template:
        if not message.id:
            continue
        have = catalog.get(message.id)
        if have is None:
            problems.append(f"not in the .po: {message.id!r}")
            continue
        strings = have.string if isinstance(have.string, tuple) else (have.string,)
        if have.fuzzy or not all(strings):
            problems.append(f"not translated: {message.id!r}")
    mo = _PO.with_suffix(".mo")
    if not mo.exists() or _messages(mo.read_bytes()) != _messages(_mo_bytes(catalog)):
        problems.append(f"{mo.name} is not compiled from the .po: run `compile`")
    return problems


def main(argv: list[str]) -> int:
    commands = {"update": update, "compile": compile_mo}
    if argv and argv[0] in commands:
        commands[argv[0]]()
        return 0
    if argv and argv[0] == "check":
        problems = check()
        print("\n".join(problems) or "catalogue complete")
        return 1 if problems else 0
    print("usage: python -m ganjina.web.i18n update|compile|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
