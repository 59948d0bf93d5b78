"""The judged corpus: the sample articles plus a synthetic corpus built from ``texts.py``.

Every synthetic record is made from known parts, and remembers them (:class:`Doc`): its
topic, the place it is about and the place an aside mentions, the people named, the
sentences used. The judgments (``judge.py``) are read off those parts, never off a search
system. The generator is deterministic (one seed); ``CI`` and developers get the same
records, ids and judgments.

Spelling varies as in real files: Dari words written with a ZWNJ keep it, run together
or are written apart, and some records use Arabic yeh and kaf; some Pashto records are
typed with Persian ی/گ for ې/ګ (a Persian keyboard); places appear in their variant
spellings (Mazar-i-Sharif, Mazar-e Sharif; German Masar-e Scharif, Kundus).
"""

from __future__ import annotations

import datetime
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from ganjina.record import Article, Block, Provenance, Section

from .texts import ASIDES, PEOPLE, PLACES, TEXTS, TOPICS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SEED = 16
PER_LANGUAGE = 100
LANGUAGES = ("en", "de", "fa-AF", "ps")
ZWNJ = "\u200c"
FIRST_DAY = datetime.date(2019, 1, 1)
DAYS = 6 * 365

#: Dari records: the section a topic goes to
DARI_SECTIONS = {"election": "politics", "refugees": "politics", "water": "politics",
                 "books": "culture", "cricket": "culture"}  # fmt: skip
AUTHORS = {
    "en": ("Anna Holt", "David Reyes", "Mariam Haidari", "Tom Clarke"),
    "de": ("Sabine Kurz", "Jonas Weber", "Leyla Arslan", "Frank Roth"),
    "fa-AF": ("سیما نوری", "احمد کریمی", "فریبا رحیمی", "عبدالله رسولی"),
    "ps": ("ملالۍ زدراڼ", "شفیق الله وردک", "ګل احمد", "نجیب الله منګل"),
}


@dataclass
class Doc:
    """One record of the judged corpus and what it was made of."""

    key: str
    article: Article
    topic: str | None = None
    place: str | None = None
    #: (topic, place) of the aside sentence (place None when it names none)
    aside: tuple[str, str | None] | None = None
    people: set[str] = field(default_factory=set)
    #: (topic, "t"/"s", index) of the title and sentences used
    parts: set[tuple[str, str, int]] = field(default_factory=set)
    #: for samples: topics and places they are about (written by hand, ``judge.py``)
    sample: str | None = None


def _date(rng: random.Random) -> datetime.date:
    return FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))


def _place(rng: random.Random, name: str, lang: str) -> str:
    return rng.choice(PLACES[name][lang])


def _person(key: str, lang: str) -> str:
    name = PEOPLE[key]["latin" if lang in ("en", "de") else "arabic"]
    return name.replace("ګ", "گ") if lang == "fa-AF" else name  # Dari spelling


def _respell_dari(rng: random.Random, text: str) -> str:
    """How Dari files differ: ZWNJ kept, dropped or a space; Arabic yeh and kaf."""
    mode = rng.random()
    if mode < 0.25:
        text = text.replace(ZWNJ, "")
    elif mode < 0.5:
        text = text.replace(ZWNJ, " ")
    if rng.random() < 0.15:
        text = text.replace("ی", "ي").replace("ک", "ك")
    return text


def _respell_pashto(rng: random.Random, text: str) -> str:
    """A Pashto file typed on a Persian keyboard: ې and ګ as ی and گ."""
    if rng.random() < 0.15:
        return text.replace("ې", "ی").replace("ګ", "گ")
    return text


def _one(rng: random.Random, lang: str, i: int) -> Doc:
    topic = TOPICS[i % len(TOPICS)]
    places = list(PLACES)
    place = rng.choice(places)
    titles, sentences = TEXTS[lang][topic]
    ti = rng.randrange(len(titles))
    chosen = sorted(rng.sample(range(len(sentences)), 4))
    doc = Doc(f"syn-{lang.lower()}-{i:03d}", None, topic, place)  # type: ignore[arg-type]
    doc.parts = {(topic, "t", ti), *((topic, "s", j) for j in chosen)}
    person = rng.choice(list(PEOPLE))

    def fill(template: str, where: str) -> str:
        if "{N}" in template:
            doc.people.add(person)
        return template.format(
            P=_place(rng, where, lang),
            N=_person(person, lang),
            X=rng.randrange(12, 900),
            Y=rng.randrange(2001, 2019),
        )

    body = [fill(sentences[j], place) for j in chosen]
    other = rng.choice([t for t in TOPICS if t != topic])
    elsewhere = rng.choice([p for p in places if p != place])
    aside = ASIDES[lang][other]
    body.insert(rng.randrange(1, len(body)), fill(aside, elsewhere))
    doc.aside = (other, elsewhere if "{P}" in aside else None)
    title = fill(titles[ti], place)
    text = " ".join(body)
    if lang == "fa-AF":
        title, text = _respell_dari(rng, title), _respell_dari(rng, text)
    elif lang == "ps":
        title, text = _respell_pashto(rng, title), _respell_pashto(rng, text)
    section = {"en": "european-languages", "de": "european-languages", "ps": "pashto"}.get(
        lang
    ) or DARI_SECTIONS.get(topic, "dari")
    doc.article = Article(
        title=title,
        language=lang,
        date=_date(rng).isoformat(),
        section=Section(section, [section]),
        authors=[rng.choice(AUTHORS[lang])],
        blocks=[Block("paragraph", text)],
        provenance=Provenance("markdown", f"{SEED:02x}{i:03d}{lang}".ljust(64, "0")),
        id=doc.key,
    )
    return doc


def synthetic(per_language: int = PER_LANGUAGE) -> list[Doc]:
    """The synthetic records, the same every time."""
    out = []
    for lang in LANGUAGES:
        rng = random.Random(f"{SEED}-{lang}")
        out += [_one(rng, lang, i) for i in range(per_language)]
    return out


def samples() -> list[Doc]:
    """The sample articles as their expected records (``samples/*/expected.json``)."""
    out = []
    for path in sorted(SAMPLES.glob("*/expected.json")):
        article = Article.from_dict(json.loads(path.read_text(encoding="utf-8")))
        out.append(Doc(article.id, article, sample=path.parent.name))
    return out


def corpus() -> list[Doc]:
    return samples() + synthetic()
