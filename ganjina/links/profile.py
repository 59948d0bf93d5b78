"""A record's link profile: everything linking needs, computed once per record version.

The profile is derived data, stored beside the record (``link_profiles``), so that a new
record is compared with the archive without reading or re-keying any old one: its MinHash
sketch and LSH band keys (near-duplicates), and its language, dates, outlet and traits
(translations). Profiles are computed in batches (the sketches of a batch in one numpy
pass) and are picklable, so ``engine.py`` can compute them in worker processes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ganjina.links import sketch as sk
from ganjina.links.outlets import OutletTable, default_table
from ganjina.links.shingles import shingle_hashes, term_hashes
from ganjina.links.traits import Traits, traits
from ganjina.record import Article

#: the archive's languages (base tags) the translation signals were made for; a record
#: in any other language the site profile names (``fr``, ``ur`` …) is linked the same
#: way, with the defaults of ``translations.WORD_DENSITY`` and ``evidence.LANGUAGE_NAMES``
ARCHIVE_LANGUAGES = frozenset({"en", "de", "fa", "ps"})
#: fewer shingles than this (about a dozen words) gives no sketch: such a text is too
#: short for its similarity to mean anything
MIN_SHINGLES = 10


def base_language(tag: str | None) -> str:
    """``fa-AF`` -> ``fa``; ``None`` -> ``""``."""
    return (tag or "").split("-")[0].lower()


@dataclass(frozen=True)
class Profile:
    """One record's link profile (see the module docstring)."""

    num: int
    id: str
    language: str
    date: str | None
    outlet: str | None
    #: the attribution as read (the outlet table may resolve it later)
    source_name: str | None
    source_url: str | None
    source_date: str | None
    #: NUM_PERM uint32 values, or None for a text too short to sketch
    sketch: npt.NDArray[np.uint32] | None
    #: for every record with a language
    traits: Traits | None

    @property
    def bands(self) -> npt.NDArray[np.int64] | None:
        if self.sketch is None:
            return None
        keys: npt.NDArray[np.int64] = sk.band_keys(self.sketch[None, :])[0]
        return keys


def profiles(
    records: Sequence[tuple[int, Article]], table: OutletTable | None = None
) -> list[Profile]:
    """The profiles of ``(num, article)`` pairs, sketched together."""
    table = table or default_table()
    terms = [term_hashes(f"{a.title or ''}\n{a.body_text()}") for _, a in records]
    shingles = [shingle_hashes(t) for t in terms]
    sketches = sk.sketch_many(shingles)
    out = []
    for i, (num, article) in enumerate(records):
        language = base_language(article.language)
        wanted = bool(language)  # every language: translations run in every direction
        source = article.source
        outlet = table.resolve_source(source)
        out.append(
            Profile(
                num=num,
                id=article.id,
                language=language,
                date=article.date or None,
                outlet=outlet.id if outlet else None,
                source_name=source.name if source else None,
                source_url=source.url if source else None,
                source_date=source.date if source else None,
                sketch=sketches[i] if len(np.unique(shingles[i])) >= MIN_SHINGLES else None,
                traits=traits(article, words=len(terms[i])) if wanted else None,
            )
        )
    return out
