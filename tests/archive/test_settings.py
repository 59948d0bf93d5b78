"""Settings: declared once, typed, documented; a bad value names its variable."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ganjina.settings import SETTINGS, Settings

DOCS = Path(__file__).resolve().parents[2] / "docs" / "archive.md"


def test_declaration_and_dataclass_agree() -> None:
    fields = {f.name: f.default for f in dataclasses.fields(Settings)}
    assert list(fields) == [s.name for s in SETTINGS]
    for s in SETTINGS:
        assert fields[s.name] == s.default, s.name
        assert s.help.strip(), s.name


def test_every_setting_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [s.env for s in SETTINGS if s.env not in text]
    assert not missing, f"undocumented settings in docs/archive.md: {missing}"


def test_read_from_environment() -> None:
    s = Settings.from_env(
        {
            "GANJINA_WORKERS": "3",
            "GANJINA_ARCHIVE": "postgresql://x/y",
            "GANJINA_INDEX_COMMIT_SECONDS": "2.5",
        }
    )
    assert (s.workers, s.archive, s.index_commit_seconds) == (3, "postgresql://x/y", 2.5)
    assert Settings.from_env({}).archive == "./ganjina-archive/"


def test_bad_value_names_the_variable() -> None:
    with pytest.raises(ValueError, match="GANJINA_WORKERS='many'"):
        Settings.from_env({"GANJINA_WORKERS": "many"})
    with pytest.raises(ValueError, match="GANJINA_BATCH_SIZE"):
        Settings.from_env({"GANJINA_BATCH_SIZE": "-1"})
