"""Jinja2 set up once: autoescaping everywhere, strict undefined names, and what every
template may use (the interface language, address builders, the stylesheet's address).

Article text reaches a template only as data, and autoescaping turns it into text; the
one exception is a search snippet, which :func:`ganjina.archive.segments_html` has
already escaped before wrapping matches in ``<mark>``.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup, escape
from starlette.requests import Request

from ganjina.archive import segments_html
from ganjina.web import i18n, urls
from ganjina.web.citation import citation_line
from ganjina.web.present import Ui, text_direction

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
PATH_SAFE = "/:@!$&'()*+,;=-._~"


@functools.cache
def static_url(name: str) -> str:
    """``/static/<name>?v=<hash>``: the hash changes with the file, so browsers may keep
    a copy for a year (see ``app.py``) and still see every change."""
    digest = hashlib.sha256((STATIC / name).read_bytes()).hexdigest()[:10]
    return f"/static/{name}?v={digest}"


def script_json(data: Any) -> Markup:
    """JSON safe inside ``<script type="application/ld+json">``: ``<``, ``>`` and ``&``
    become ``\\u`` escapes, which mean the same once parsed, so no text can close the
    element (the ``<script>`` sample's title proves it)."""
    text = json.dumps(data, ensure_ascii=False)
    escaped = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(escaped)


def _segments(segments: Any) -> Markup:
    # segments_html escapes every text itself; only its <mark> tags are markup
    return Markup(segments_html([(str(t), bool(m)) for t, m in segments or ()]))


#: names a plain dict has as attributes: ``d.items`` in a template is the method, as ever
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja2 with ``d.name`` read from a plain dict as ``d["name"]`` at once.

    A view's data is plain dicts, and Jinja2 tries ``getattr`` first: on a dict that is
    an AttributeError raised and caught for every ``hit.url`` or ``v.count``, an eighth
    of a search page's server time. The answer is the same: a dict has no attribute but
    the ones ``dir(dict)`` lists, which still come first.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def facet_label(ui: Ui, name: str, value: Any) -> Markup:
    """How a facet value is shown: a section or language by its name in the interface,
    a year in its digits, any other value (a source, an author) isolated as data."""
    if isinstance(value, str | int):
        # a page shows some thirty, most of them (sections, languages, years, the
        # common sources and authors) on every page again
        return _kept_facet_label(ui, name, value)
    return _facet_label(ui, name, value)


def _facet_label(ui: Ui, name: str, value: Any) -> Markup:
    if name == "section":
        return Markup.escape(ui.section(value))
    if name == "language":
        return Markup.escape(ui.language_name(value))
    if name == "year":
        return Markup.escape(ui.digits(str(value)))
    # a source's or an author's name: data, never to be translated (as
    # ``Markup(...).format(value)``, without the formatter's machinery)
    return Markup(f'<bdi translate="no">{escape(value)}</bdi>')


def byline(ui: Ui, item: dict[str, Any]) -> Markup:
    """The line of facts under a listed article or a hit: its date, section and authors
    (the names in the article's own language and direction). A function rather than a
    macro: a result page draws ten and a list twenty, and a macro's every expression
    goes through Jinja2's context calls."""
    sep = f'<span class="sep" aria-hidden="true">{escape(ui.sep.strip())}</span>'
    parts = ['<p class="meta">\n']
    date = item["date"]
    if date:
        parts.append(f'<time datetime="{escape(date)}">{escape(ui.gregorian(date))}</time>')
    section = item["section"]
    if section:
        name = escape(ui.section(section))
        parts.append(f'{sep} <a href="{escape(urls.section(section))}">{name}</a>')
    if item["authors"]:
        span = f'<span lang="{escape(item["language"] or "")}" dir="{escape(item["dir"])}">'
        names = [f"{span}{escape(name)}</span>" for name in item["authors"]]
        parts.append(f"{sep}\n" + str(escape(ui.gettext(", "))).join(names))
    parts.append("</p>\n")
    return Markup("".join(parts))


#: the labels of one interface (``Ui.for_code`` makes one object per language); a label
#: is an immutable Markup, so sharing it between pages and threads is safe
_kept_facet_label = functools.lru_cache(maxsize=8192)(_facet_label)


@functools.cache
def environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(
        urls=urls,
        static_url=static_url,
        text_direction=text_direction,
        script_json=script_json,
        languages=i18n.LANGUAGES,
        citation_line=citation_line,
        facet_label=facet_label,
        byline=byline,
    )
    env.filters["segments"] = _segments
    return env


def ui_for(request: Request) -> Ui:
    """The interface language of a request (see :func:`ganjina.web.i18n.choose`)."""
    cached: Ui | None = request.scope.get("ganjina.ui")
    if cached is not None:
        return cached
    code = i18n.choose(
        request.query_params.get("ui"),
        request.cookies.get(i18n.COOKIE),
        request.headers.get("accept-language"),
    )
    ui = Ui.for_code(code)
    request.scope["ganjina.ui"] = ui
    return ui


def render(request: Request, template: str, data: dict[str, Any], *, json_twin: bool = True) -> str:
    """``template`` with ``data``; ``json_twin`` False for a page that has none (the
    editors' desk), whose footer then links no JSON."""
    ui = ui_for(request)
    # the decoded path, encoded again: names with spaces or Persian letters stay valid URLs
    path = quote(request.url.path, safe=PATH_SAFE)
    # ``ui`` is left out of links to this page: the switch must be free to change it
    query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "ui"])
    here = path + ("?" + query if query else "")
    context = {
        **data,
        "data": data,
        "ui": ui,
        "_": ui.gettext,
        "ngettext": ui.ngettext,
        # a message with data in it: the values shown as data, never translated
        "_m": lambda message, **values: ui.message(message, values),
        "here": here,
        "json_url": (urls.json_twin(path, query) if not path.endswith(".json") else here)
        if json_twin
        else None,
        "switch": {code: f"/ui/{code}?{urlencode({'next': here})}" for code in i18n.LANGUAGES},
    }
    return environment().get_template(template).render(context)
