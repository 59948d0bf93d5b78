"""Shared fixtures: the sample corpus, and a fresh temporary folder per test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def sample_dirs() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if (p / "source.md").is_file())


@pytest.fixture(scope="session")
def samples_root() -> Path:
    return SAMPLES
