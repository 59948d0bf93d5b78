"""The archive's public API, pinned: the web site and the links code import these."""

from __future__ import annotations

import inspect

import ganjina.archive as archive_api
from ganjina.archive import Archive


def test_exports() -> None:
    assert sorted(archive_api.__all__) == [
        "Archive",
        "ArticlePage",
        "Change",
        "Failure",
        "Hit",
        "IngestReport",
        "Original",
        "Related",
        "SearchResult",
        "Segment",
        "Suggestion",
        "Version",
        "segments_html",
    ]
    for name in archive_api.__all__:
        assert getattr(archive_api, name) is not None


def test_archive_methods() -> None:
    public = {n for n, _ in inspect.getmembers(Archive) if not n.startswith("_")}
    assert public >= {
        "open",
        "close",
        "location",
        "add",
        "add_many",
        "ingest",
        "reindex",
        "get",
        "versions",
        "original",
        "articles",
        "changes_since",
        "search",
        "stats",
        "errors",
        "export",
        "iter_articles",
        "similar",
    }
    search = inspect.signature(Archive.search)
    assert list(search.parameters) == [
        "self", "query", "limit", "offset", "sort", "facets", "explain", "correct"
    ]  # fmt: skip
    opened = inspect.signature(Archive.open)
    assert list(opened.parameters) == ["url", "create", "index_dir"]


def test_open_reads_the_environment(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ganjina.settings import get_settings

    monkeypatch.setenv("GANJINA_ARCHIVE", str(tmp_path / "env-archive"))
    get_settings.cache_clear()
    with Archive.open(create=True) as archive:
        assert archive.location == str(tmp_path / "env-archive")
