"""The web side of citations: what an article page carries, and its citation line.

``ganjina.cite`` makes the citations; this module only adapts them: absolute
addresses from the request, the archive's name from the site's configuration, and the
words of the citation line from the interface's message catalogue. Every word below
is marked with ``N_`` and translated in the ``.po`` of each interface language, so a
new language needs catalogue entries and no code.

    >>> citation_line(data["cite"], Ui.for_code("fa"))  # doctest: +SKIP
    'نسرین احمدی، دنیل اوکافور و لیلا سادات. «کابل و تهران …». ترجمهٔ شکیبا هاشمی. …'
"""

from __future__ import annotations

import functools
import re
from typing import Any

from starlette.requests import Request

from ganjina.archive.types import Version
from ganjina.cite import Citable, Context, cite_record, csl, meta
from ganjina.cite.build import CITED_KINDS, citable
from ganjina.cite.line import CslLocale, render
from ganjina.record import Article
from ganjina.web import urls
from ganjina.web.i18n import DEFAULT, N_
from ganjina.web.present import Ui
from ganjina.web.state import public_base, site

#: the CSL terms the bundled Chicago style uses for a newspaper article, in the catalogue
TERMS = (
    # NOTE: citation line: before the date a reader accessed the article ("accessed May 1, 2025")
    ("accessed", "long", N_("accessed")),
    # NOTE: citation line: between the last two of several names
    ("and", "long", N_("and")),
    # NOTE: citation line: after the first names of a long list of authors
    ("et-al", "long", N_("et al.")),
    # NOTE: citation line: before the translators' names ("Translated by Robert Hale")
    ("translator", "verb", N_("translated by")),
    # NOTE: citation line: short form of "translated by"
    ("translator", "verb-short", N_("trans.")),
    # NOTE: citation line: before the title of the original of a translation
    ("original-work-published", "long", N_("originally published as")),
    # NOTE: citation line: in place of a missing publication date
    ("no date", "short", N_("n.d.")),
    ("no date", "long", N_("no date")),
    # NOTE: citation line: the quotation marks around an article's title
    ("open-quote", "long", N_("“")),
    ("close-quote", "long", N_("”")),
    # NOTE: citation line: quotation marks inside a quoted title
    ("open-inner-quote", "long", N_("‘")),
    ("close-inner-quote", "long", N_("’")),
)
# NOTE: citation line: the order of a full date; keep the three {…} names as they are
DATE_ORDER = N_("{month} {day}, {year}")
# NOTE: citation line: which version of the record is cited
VERSION = N_("version %(n)s")
# NOTE: citation line: before the last of three or more names ("A, B, and C"); keep the spaces
SERIAL_AND = N_(", and ")
#: punctuation the style writes that a language may write differently; marked here so
#: the catalogue keeps them even if no template uses them any more
PUNCTUATION = (
    # NOTE: citation line: the comma between parts ("Kabul, May 12"); keep the space
    N_(", "),
    # NOTE: citation line: the semicolon between parts; keep the space
    N_("; "),
)
_DATE_PART = re.compile(r"\{(day|month|year)\}")


def date_order(pattern: str) -> tuple[tuple[str, str], ...]:
    """``"{day} {month} {year}"`` as CSL date parts, each with the text after it.

    >>> date_order("{month} {day}, {year}")
    (('month', ' '), ('day', ', '), ('year', ''))
    """
    found = list(_DATE_PART.finditer(pattern))
    if sorted(m.group(1) for m in found) != ["day", "month", "year"]:
        found = list(_DATE_PART.finditer(DATE_ORDER))  # a broken translation: English order
        pattern = DATE_ORDER
    ends = [m.start() for m in found[1:]] + [len(pattern)]
    return tuple((m.group(1), pattern[m.end() : end]) for m, end in zip(found, ends, strict=True))


@functools.cache
def csl_locale(code: str) -> CslLocale:
    """The citation style's words in the interface language ``code``."""
    return build_locale(Ui.for_code(code))


def build_locale(ui: Ui) -> CslLocale:
    """The style's words from ``ui``'s catalogue, months and digits."""
    code = ui.code
    months = tuple(str(m) for m in ui.locale.months["format"]["wide"].values())
    return CslLocale(
        tag=ui.tag,
        terms=tuple((name, form, ui.gettext(text)) for name, form, text in TERMS),
        months=months,
        date_order=date_order(ui.gettext(DATE_ORDER)),
        # American punctuation inside quotes is the source language's (and Chicago's)
        # convention only
        punctuation_in_quote=code == DEFAULT,
        # the serial comma first: the style writes it as ", " before the word for "and"
        punctuation=(
            (f", {ui.gettext('and')} ", ui.gettext(SERIAL_AND)),
            *((p, ui.gettext(p)) for p in PUNCTUATION),
        ),
        persian_digits=ui.persian_digits,
    )


def citation_line(cite: dict[str, Any], ui: Ui) -> str:
    """The page's citation in the interface's language (a template function)."""
    item = dict(cite["csl"])
    item["archive"] = ui.gettext(N_("Ganjina"))
    item["archive_location"] = ui.gettext(VERSION, n=cite["version"])
    return render(item, csl_locale(ui.code))


def context(request: Request) -> Context:
    """Citations made for this request: addresses on the host it came to."""
    base = public_base(request)
    return Context(urls.Absolute(base), None, site(request).config.name)


def citable_for(request: Request, id: str, version: int | None) -> Citable | None:
    return cite_record(site(request).archive, id, version, context(request))


def page_citation(
    request: Request, record: Article, version: Version, versions: int
) -> dict[str, Any]:
    """What an article page needs to be cited (the same in every interface language)."""
    from ganjina.links import Links  # only article pages and exports need the links

    # the batch form: it skips reading the record again to resolve an old id
    links = Links(site(request).archive).relations_many([record.id], CITED_KINDS)
    cited = citable(record, version, links.get(record.id, []), context(request))
    number = None if version.current else version.number
    exports = [
        {"name": name, "media_type": media, "url": urls.citation(record.id, suffix, number)}
        for suffix, media, name in meta.ALTERNATES
    ]
    return {
        "version": version.number,
        "current": version.current,
        "versions": versions,
        "stored_at": version.stored_at,
        "permalink": urls.article_version(record.id, version.number),
        "url": cited.version_url,
        "accessed": cited.accessed.isoformat(),
        "exports": exports,
        "meta": [list(pair) for pair in meta.tags(cited)],
        "schemas": [list(pair) for pair in meta.DC_SCHEMAS],
        "csl": csl.item(cited),
    }
