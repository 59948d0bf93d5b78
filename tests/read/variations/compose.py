"""Compose one article's content (the truth) from the sentence pools and its drawn layout.

The result, a ``Spec``, is both what the Word writer prints and what a correct read must give
back: every expected check is derived from it, never from the files built from it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import jdatetime

from tests.read.variations import furniture, text_de, text_en, text_fa, text_ps
from tests.read.variations.design import RTL, draw

POOLS: dict[str, ModuleType] = {"en": text_en, "de": text_de, "fa-AF": text_fa, "ps": text_ps}
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
SOLAR_MONTHS = {
    "fa-AF": [
        "حمل",
        "ثور",
        "جوزا",
        "سرطان",
        "اسد",
        "سنبله",
        "میزان",
        "عقرب",
        "قوس",
        "جدی",
        "دلو",
        "حوت",
    ],
    "ps": [
        "وری",
        "غویی",
        "غبرګولی",
        "چنګاښ",
        "زمری",
        "وږی",
        "تله",
        "لړم",
        "لیندۍ",
        "مرغومی",
        "سلواغه",
        "کب",
    ],
}
LENGTH = {"short": (4, 6, 3, 5), "medium": (7, 9, 3, 6), "long": (10, 12, 4, 7)}


@dataclass
class Piece:
    """One printed body paragraph: kind is a block type, or ``photo`` for the image."""

    kind: str
    text: str = ""
    marker: str | None = None
    split_at: int | None = None  # a manual page break at this character offset
    page_break_before: bool = False


@dataclass
class Spec:
    slug: str
    lang: str
    variant: dict[str, Any]
    section_labels: list[str]
    motto: list[str]
    title: str
    authors: list[str]
    translators: list[str]
    byline_line: str | None  # the printed byline, with translators when on one line
    translator_line: str | None  # a translator line of its own
    date: str | None
    date_text: str | None
    date_line: str | None  # the printed date line, or None when it shares the byline
    body: list[Piece]
    source_name: str | None = None
    source_date: str | None = None
    attribution: str | None = None
    credit_name: str = ""
    image_seed: int = 0
    footer: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def digits(lang: str, text: str, persian: bool | None = None) -> str:
    use = lang in RTL if persian is None else persian
    return text.translate(PERSIAN_DIGITS) if use else text


def gregorian(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def solar(lang: str, day: dt.date) -> str:
    j = jdatetime.date.fromgregorian(date=day)
    return digits(lang, f"{j.day} {SOLAR_MONTHS[lang][j.month - 1]} {j.year}")


class Filler:
    """Fills a template's slots; numbers in the article's digits, places mostly its own."""

    def __init__(self, rng: random.Random, pool: ModuleType, lang: str, place: str) -> None:
        self.rng, self.pool, self.lang, self.place = rng, pool, lang, place

    def __call__(self, template: str) -> str:
        r, p = self.rng, self.pool
        others = [x for x in p.PLACES if x != self.place]
        return template.format(
            place=self.place if r.random() < 0.75 else r.choice(others),
            place2=r.choice(others),
            n=digits(self.lang, str(r.randint(3, 19))),
            n2=digits(self.lang, str(r.randint(2, 9))),
            big=digits(self.lang, str(r.randrange(120, 4800, 10))),
            day=r.choice(p.DAYS),
            month=r.choice(p.MONTHS),
        )


def _names(rng: random.Random, pool: ModuleType, count: int, foreign: bool) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        if foreign and hasattr(pool, "FOREIGN"):
            name = rng.choice(pool.FOREIGN)
        else:
            name = f"{rng.choice(pool.GIVEN)} {rng.choice(pool.FAMILY)}"
        if name not in names:
            names.append(name)
    return names


def _join(lang: str, pool: ModuleType, names: list[str]) -> str:
    comma = "، " if lang in RTL else ", "
    return names[0] if len(names) == 1 else comma.join(names[:-1]) + pool.AND + names[-1]


def compose(slug: str, lang: str, rng: random.Random, used_titles: set[str]) -> Spec:
    """The whole article: layout drawn first, then content in that layout's terms."""
    v = draw(rng, lang)
    pool = POOLS[lang]
    topic_name = rng.choice(sorted(pool.TOPICS))
    topic = pool.TOPICS[topic_name]
    place = rng.choice(pool.PLACES)
    fill = Filler(rng, pool, lang, place)
    title = _title(rng, topic, pool, place, used_titles)
    spec = Spec(
        slug=slug,
        lang=lang,
        variant=v | {"topic": topic_name},
        section_labels=list(
            furniture.SECTION_LABELS[lang][0 if v["section_label"] == "pair" else 1]
        ),
        motto=_motto(rng, v),
        title=title,
        authors=[],
        translators=[],
        byline_line=None,
        translator_line=None,
        date=None,
        date_text=None,
        date_line=None,
        body=[],
        image_seed=rng.randrange(1 << 30),
    )
    _front(spec, rng, pool)
    spec.body = _body(rng, v, topic, pool, fill, lang)
    _attribution(spec, rng, pool)
    spec.credit_name = _credit(rng, v, lang)
    for piece in spec.body:
        if piece.kind == "caption" and spec.credit_name:
            piece.text = f"{piece.text} {spec.credit_name}"
    spec.footer = _footer(v, lang)
    return spec


def _title(
    rng: random.Random, topic: dict[str, Any], pool: ModuleType, place: str, used: set[str]
) -> str:
    """A title about the article's own place; another place only when that title is taken."""
    for attempt in range(200):
        where = place if attempt < 4 else rng.choice(pool.PLACES)
        title = str(rng.choice(topic["titles"])).format(place=where)
        if title not in used:
            used.add(title)
            return title
    raise RuntimeError("title pool exhausted: add title templates")


def _motto(rng: random.Random, v: dict[str, Any]) -> list[str]:
    if v["motto"] == "ferdowsi":
        return list(furniture.FERDOWSI)
    if v["motto"] == "other_poem":
        return list(rng.choice(furniture.OTHER_POEMS))
    return []


def _front(spec: Spec, rng: random.Random, pool: ModuleType) -> None:
    """Byline, translators and date: the names, and the lines they are printed on."""
    v, lang = spec.variant, spec.lang
    translated = v["translators"] > 0
    if v["missing"] != "no_byline":
        spec.authors = _names(rng, pool, v["authors"], foreign=translated)
    if translated:
        spec.translators = _names(rng, pool, v["translators"], foreign=False)
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    spec.extra["day"] = day.isoformat()
    if v["missing"] != "no_date":
        spec.date = day.isoformat()
        spec.date_text = _date_text(rng, v["date_form"], lang, day)
    byline = None
    if spec.authors:
        prefix = rng.choice(pool.AUTHOR_PREFIXES[1:]) if v["byline_prefix"] == "prefix" else ""
        byline = prefix + _join(lang, pool, spec.authors)
    if spec.translators:
        spec.translator_line = rng.choice(pool.TRANSLATOR_PREFIXES) + _join(
            lang, pool, spec.translators
        )
        if v["translator_place"] == "with_byline" and byline:
            byline, spec.translator_line = f"{byline} – {spec.translator_line}", None
    spec.byline_line = byline
    spec.date_line = spec.date_text
    if v["byline_order"] == "one_line" and byline and spec.date_text:
        sep = rng.choice([", ", " – ", " | "] if lang not in RTL else ["، ", " – ", " | "])
        spec.byline_line = byline + sep + spec.date_text
        spec.date_line = None


def _date_text(rng: random.Random, form: str, lang: str, day: dt.date) -> str:
    if form == "gregorian_latin":
        return gregorian(day)
    if form == "gregorian_persian":
        return digits(lang, gregorian(day), True)
    if form == "solar":
        return solar(lang, day)
    greg = digits(lang, gregorian(day), rng.random() < 0.5)
    return f"{solar(lang, day)} - {greg}" if rng.random() < 0.6 else f"{greg} - {solar(lang, day)}"


def _sentences(rng: random.Random, topic: dict[str, Any], pool: ModuleType) -> Iterator[str]:
    """Sentence templates without repetition until the bag is empty, then a fresh bag."""
    while True:
        bag = list(topic["sentences"]) + list(pool.GENERAL)
        rng.shuffle(bag)
        yield from bag


def _body(
    rng: random.Random,
    v: dict[str, Any],
    topic: dict[str, Any],
    pool: ModuleType,
    fill: Filler,
    lang: str,
) -> list[Piece]:
    lo, hi, s_lo, s_hi = LENGTH[v["length"]]
    source = _sentences(rng, topic, pool)
    paragraphs = [
        [fill(next(source)) for _ in range(rng.randint(s_lo, s_hi))]
        for _ in range(rng.randint(lo, hi))
    ]
    pieces = [Piece("paragraph", " ".join(p)) for p in paragraphs]
    if v["page_break"] == "in_paragraph":
        _split_one(rng, pieces, paragraphs)
    inserts: list[tuple[int, list[Piece]]] = []
    if v["list_kind"] != "none":
        inserts.append((rng.randint(1, 2), _list(rng, v, topic, lang)))
    if v["photo"] != "none":
        caption = Piece("caption", fill(rng.choice(topic["captions"])))
        photo = [Piece("photo"), caption] if v["photo"] == "below" else [caption, Piece("photo")]
        inserts.append((rng.randint(2, 3), photo))
    if v["quote"] != "none":
        inserts.append(
            (rng.randint(3, max(3, len(pieces) - 1)), [Piece("quote", rng.choice(topic["quotes"]))])
        )
    if v["subheadings"] != "none":
        heads = rng.sample(topic["headings"], k=min(len(topic["headings"]), 1 + len(pieces) // 5))
        slots = rng.sample(range(2, len(pieces)), k=min(len(heads), len(pieces) - 2))
        inserts += [(at, [Piece("heading", h)]) for at, h in zip(slots, heads, strict=True)]
    for at, group in sorted(inserts, key=lambda x: -x[0]):
        pieces[at:at] = group
    return pieces


def _split_one(rng: random.Random, pieces: list[Piece], paragraphs: list[list[str]]) -> None:
    """A manual page break between two sentences of a long paragraph after the first two."""
    candidates = [i for i, p in enumerate(paragraphs) if i >= 2 and len(p) >= 4] or [
        len(pieces) - 1
    ]
    i = rng.choice(candidates)
    sentences = paragraphs[i]
    k = max(1, len(sentences) // 2)
    pieces[i].split_at = len(" ".join(sentences[:k])) + 1


def _list(rng: random.Random, v: dict[str, Any], topic: dict[str, Any], lang: str) -> list[Piece]:
    items = rng.sample(topic["list_items"], k=rng.randint(3, 5))
    if lang not in RTL:
        items = [i[0].upper() + i[1:] for i in items]
    stop = "؛" if lang in RTL else ";"
    items = [t + (stop if n < len(items) - 1 else ".") for n, t in enumerate(items)]
    kind = v["list_kind"]
    style = (
        rng.choice(["{})", "{}.", "{} -"])
        if kind.startswith("typed_n") or kind in ("typed_latin", "typed_persian")
        else ""
    )
    pieces = []
    for n, text in enumerate(items, 1):
        if kind in ("typed_latin", "typed_persian"):
            marker = digits(lang, style.format(n), kind == "typed_persian")
        elif kind in ("typed_bullet", "word_bullets"):
            marker = "•"
        else:
            marker = f"{n}."
        pieces.append(Piece("list_item", text, marker))
    if v["page_break"] == "before_list_item":
        pieces[rng.randint(1, len(pieces) - 1)].page_break_before = True
    return pieces


def _attribution(spec: Spec, rng: random.Random, pool: ModuleType) -> None:
    v, lang = spec.variant, spec.lang
    if v["missing"] == "no_attribution":
        return
    outlet = rng.choice(pool.OUTLETS)
    prefix = (
        rng.choice(pool.ATTRIBUTION_PREFIXES[1:]) if v["attribution_prefix"] == "prefix" else ""
    )
    dated = v["attribution_date"] == "yes" or not prefix  # an unlabelled outlet needs its date
    day = dt.date.fromisoformat(spec.extra["day"]) - dt.timedelta(days=rng.randint(1, 6))
    spec.source_name = outlet
    if dated:
        spec.source_date = day.isoformat()
        when = digits(lang, gregorian(day), lang in RTL and rng.random() < 0.6)
        comma = "، " if lang in RTL else ", "
        spec.attribution = f"{prefix}{outlet}{comma if prefix else ' '}{when}"
    else:
        spec.attribution = prefix + outlet
    v["attribution_date"] = "yes" if dated else "no"


def _credit(rng: random.Random, v: dict[str, Any], lang: str) -> str:
    form = v["credit"]
    if form == "n/a":
        return ""
    if form == "native":
        word = "عکس" if lang == "fa-AF" else "انځور"
        return f"({word}: {rng.choice(furniture.NATIVE_CREDIT_NAMES[lang])})"
    return str(furniture.CREDITS[form][lang]).format(name=rng.choice(furniture.CREDIT_NAMES))


def _footer(v: dict[str, Any], lang: str) -> str | None:
    form = v["footer"]
    if form == "none":
        return None
    template = furniture.FOOTERS[form]
    return str(template[lang] if isinstance(template, dict) else template)
