"""The link tables in the store of record (migration ``0002_links``), in portable SQL.

=================  ==================================================================
table              holds
=================  ==================================================================
link_profiles      one row per record: language, dates, outlet, MinHash sketch, traits
link_bands         the LSH band keys of every sketch: (band, bkey, num)
link_relations     typed relations src -> dst: kind, score, signals (JSON), when made
link_state         the change counter (``seq``) linking has reached, the method version
=================  ==================================================================

All of it is derived from the records (``ganjina links rebuild`` remakes it). Records are
referred to by ``num``, the store's stable internal number; ids are joined in on reading,
so a record that gains an alias keeps its links. The SQL goes through the store's
``derived_*`` methods (``ganjina/archive/sqlstore.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from ganjina.archive.sqlstore import SqlStore
from ganjina.archive.store import Store, utcnow
from ganjina.errors import ArchiveError
from ganjina.links import sketch as sk
from ganjina.links.profile import Profile
from ganjina.links.traits import Traits

#: relations between records
KINDS = (
    "duplicate-of", "reprint-of", "translation-of", "translation-of-unknown-direction", "related"
)  # fmt: skip
NEAR_KINDS = ("duplicate-of", "reprint-of")
TRANSLATION_KINDS = ("translation-of", "translation-of-unknown-direction")
#: rows per statement or IN list
CHUNK = 500

_PROFILE_COLUMNS = (
    "num, seq, id, language, date, outlet, source_name, source_url, source_date, sketch, traits"
)


def sql_store(store: Store) -> SqlStore:
    if not isinstance(store, SqlStore):
        raise ArchiveError(f"links need an SQL store, not {type(store).__name__}")
    return store


def _in(n: int) -> str:
    return "(" + ",".join("?" * n) + ")"


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# -- state --------------------------------------------------------------------------------
def get_state(store: SqlStore, key: str) -> str | None:
    rows = store.derived_rows("SELECT value FROM link_state WHERE key = ?", (key,))
    return str(rows[0][0]) if rows else None


def set_state(store: SqlStore, key: str, value: str) -> None:
    store.derived_execute(
        "INSERT INTO link_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def clear(store: SqlStore) -> None:
    """Forget every profile, band and relation (inside a write)."""
    for table in ("link_relations", "link_bands", "link_profiles", "link_state"):
        store.derived_execute(f"DELETE FROM {table}")


# -- profiles and bands -------------------------------------------------------------------
def _profile_row(p: Profile, seq: int) -> tuple[Any, ...]:
    return (
        p.num,
        seq,
        p.id,
        p.language,
        p.date,
        p.outlet,
        p.source_name,
        p.source_url,
        p.source_date,
        sk.to_bytes(p.sketch) if p.sketch is not None else None,
        p.traits.to_json() if p.traits is not None else None,
    )


def _profile(row: Sequence[Any]) -> Profile:
    num, _seq, id, language, date, outlet, name, url, source_date, sketch, traits = row
    return Profile(
        num=int(num),
        id=id,
        language=language or "",
        date=date,
        outlet=outlet,
        source_name=name,
        source_url=url,
        source_date=source_date,
        sketch=sk.from_bytes(sketch) if sketch is not None else None,
        traits=Traits.from_json(traits) if traits else None,
    )


def put_profiles(store: SqlStore, profiles: Sequence[tuple[Profile, int]]) -> None:
    """Store profiles (with the seq of the record version they describe) and their bands;
    the caller has removed any earlier ones (:func:`drop_profiles`)."""
    store.derived_executemany(
        f"INSERT INTO link_profiles ({_PROFILE_COLUMNS}) VALUES {_in(11)}",
        [_profile_row(p, seq) for p, seq in profiles],
    )
    bands = []
    for p, _seq in profiles:
        keys = p.bands
        if keys is not None:
            bands += [(b, int(k), p.num) for b, k in enumerate(keys)]
    store.derived_executemany(
        "INSERT INTO link_bands (band, bkey, num) VALUES (?, ?, ?) "
        "ON CONFLICT (band, bkey, num) DO NOTHING",
        bands,
    )


def drop_profiles(store: SqlStore, nums: Sequence[int]) -> None:
    """Remove the profiles of ``nums`` and their band rows."""
    for part in chunks(list(nums)):
        for p in get_profiles(store, part).values():
            keys = p.bands
            if keys is not None:
                store.derived_executemany(
                    "DELETE FROM link_bands WHERE band = ? AND bkey = ? AND num = ?",
                    [(b, int(k), p.num) for b, k in enumerate(keys)],
                )
        store.derived_execute(f"DELETE FROM link_profiles WHERE num IN {_in(len(part))}", part)


def get_profiles(store: SqlStore, nums: Sequence[int]) -> dict[int, Profile]:
    out: dict[int, Profile] = {}
    for part in chunks(list(nums)):
        for row in store.derived_rows(
            f"SELECT {_PROFILE_COLUMNS} FROM link_profiles WHERE num IN {_in(len(part))}", part
        ):
            p = _profile(row)
            out[p.num] = p
    return out


def profiles_where(store: SqlStore, where: str, params: Sequence[Any]) -> dict[int, Profile]:
    """Profiles matching an SQL condition on link_profiles' columns."""
    rows = store.derived_rows(f"SELECT {_PROFILE_COLUMNS} FROM link_profiles WHERE {where}", params)
    return {int(r[0]): _profile(r) for r in rows}


def outlet_profiles(store: SqlStore, outlets: Sequence[str]) -> list[Profile]:
    """Every profile attributed to one of ``outlets`` (to read the outlets' languages)."""
    out: list[Profile] = []
    for part in chunks(sorted(set(outlets))):
        out += profiles_where(store, f"outlet IN {_in(len(part))}", part).values()
    return out


def band_matches(store: SqlStore, profiles: Sequence[Profile]) -> set[tuple[int, int]]:
    """(num of a given profile, num of a stored record) sharing an LSH band with it."""
    wanted: dict[tuple[int, int], list[int]] = {}
    for p in profiles:
        keys = p.bands
        if keys is not None:
            for b, k in enumerate(keys):
                wanted.setdefault((b, int(k)), []).append(p.num)
    out: set[tuple[int, int]] = set()
    by_band: dict[int, list[int]] = {}
    for b, k in wanted:
        by_band.setdefault(b, []).append(k)
    for band, band_keys in by_band.items():
        for part in chunks(band_keys):
            for bkey, num in store.derived_rows(
                f"SELECT bkey, num FROM link_bands WHERE band = ? AND bkey IN {_in(len(part))}",
                [band, *part],
            ):
                for mine in wanted[(band, int(bkey))]:
                    if mine != int(num):
                        out.add((mine, int(num)))
    return out


# -- relations ----------------------------------------------------------------------------
def put_relations(
    store: SqlStore, rows: Iterable[tuple[int, str, int, float, dict[str, Any]]]
) -> None:
    """Store relations ``(src, kind, dst, score, signals)``, replacing same-keyed ones."""
    made = utcnow()
    store.derived_executemany(
        "INSERT INTO link_relations (src, kind, dst, score, signals, made) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (src, kind, dst) DO UPDATE SET "
        "score = excluded.score, signals = excluded.signals, made = excluded.made",
        [
            (src, kind, dst, float(score), json.dumps(signals, ensure_ascii=False), made)
            for src, kind, dst, score, signals in rows
        ],
    )


def delete_relations(store: SqlStore, nums: Sequence[int], kinds: Sequence[str]) -> None:
    """Remove relations of the given kinds with ``nums`` at either end."""
    kind_in = _in(len(kinds))
    for part in chunks(list(nums)):
        for end in ("src", "dst"):
            store.derived_execute(
                f"DELETE FROM link_relations WHERE kind IN {kind_in} AND {end} IN {_in(len(part))}",
                [*kinds, *part],
            )


def relations_of(
    store: SqlStore, nums: Sequence[int], kinds: Sequence[str] = KINDS
) -> list[tuple[int, str, int, float, str]]:
    """Relations ``(src, kind, dst, score, signals JSON)`` touching any of ``nums``."""
    out: set[tuple[int, str, int, float, str]] = set()
    kind_in = _in(len(kinds))
    for part in chunks(list(nums)):
        for end in ("src", "dst"):
            for src, kind, dst, score, signals in store.derived_rows(
                "SELECT src, kind, dst, score, signals FROM link_relations "
                f"WHERE kind IN {kind_in} AND {end} IN {_in(len(part))}",
                [*kinds, *part],
            ):
                out.add((int(src), kind, int(dst), float(score), signals))
    return sorted(out)


def cluster_members(store: SqlStore, reps: Sequence[int]) -> dict[int, list[int]]:
    """Representative -> its members (itself first), from the near-duplicate relations."""
    out: dict[int, list[int]] = {r: [r] for r in reps}
    kinds = _in(len(NEAR_KINDS))
    for part in chunks(list(reps)):
        for src, dst in store.derived_rows(
            f"SELECT src, dst FROM link_relations WHERE kind IN {kinds} AND dst IN "
            f"{_in(len(part))} ORDER BY src",
            [*NEAR_KINDS, *part],
        ):
            out[int(dst)].append(int(src))
    return out
