"""Links between records: near-duplicates and reprints, outlets, translations.

The public API (see ``docs/links.md``)::

    Links(archive)                    relations, clusters, outlets of an open Archive
      .relations(id) / .cluster(id) / .page(id)     what an article page shows
      .explain(a, b)                    every signal of a pair, and the decision
      .search(query, collapse=True) / .collapse(result)
      .outlets() / .outlet_of(article) / .outlet_articles(outlet_id)
      .update() / .rebuild() / .export(out, fmt)
    Relation, Cluster, Member, RecordRef, OutletReport …   the values it returns
    Outlet, OutletTable, default_table()                    the outlet alias table

Layering: ``outlets.py`` (with its TOML data) is pure, below the archive: the search
index imports it for the ``source:`` filter and the source facet. Everything else here
sits above the archive and takes an ``Archive``. Names are exported lazily, so that
importing ``ganjina.links.outlets`` (as the index does) never imports the archive.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ganjina.links.api import Links
    from ganjina.links.engine import LinkReport
    from ganjina.links.outlets import Outlet, OutletTable, default_table
    from ganjina.links.types import (
        Cluster,
        Member,
        OutletCount,
        OutletReport,
        RecordRef,
        Relation,
        Unresolved,
    )

_WHERE = {
    "Links": "api",
    "LinkReport": "engine",
    "Outlet": "outlets",
    "OutletTable": "outlets",
    "default_table": "outlets",
    "Cluster": "types",
    "Member": "types",
    "OutletCount": "types",
    "OutletReport": "types",
    "RecordRef": "types",
    "Relation": "types",
    "Unresolved": "types",
}

__all__ = [
    "Cluster",
    "LinkReport",
    "Links",
    "Member",
    "Outlet",
    "OutletCount",
    "OutletReport",
    "OutletTable",
    "RecordRef",
    "Relation",
    "Unresolved",
    "default_table",
]
assert sorted(__all__) == sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'ganjina.links' has no attribute {name!r}")
    return getattr(importlib.import_module(f"ganjina.links.{module}"), name)
