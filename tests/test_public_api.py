"""The public API is small and deliberate: this test pins it."""

from __future__ import annotations

import ganjina


def test_exported_names() -> None:
    assert sorted(ganjina.__all__) == sorted(
        [
            "Archive",
            "ArchiveError",
            "Article",
            "Block",
            "GanjinaError",
            "Provenance",
            "PublishError",
            "QueryError",
            "ReadError",
            "Section",
            "Site",
            "Source",
            "__version__",
            "parse_bytes",
            "parse_file",
        ]
    )
    for name in ganjina.__all__:
        assert getattr(ganjina, name) is not None, name


def test_errors_are_one_tree() -> None:
    for name in ("ArchiveError", "PublishError", "QueryError", "ReadError"):
        assert issubclass(getattr(ganjina, name), ganjina.GanjinaError)
