"""Fixtures for the publisher: one Typst compiler for the whole session (it is the slow
part to set up), and small sources written into a fresh folder per test."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from ganjina.render.publish import Publisher

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

SourceFactory = Callable[..., Path]

_FRONT = """---
title: {title}
authors: [Jane Example]
date: 2023-02-14
section: {section}
language: {language}
source:
  name: Example Herald
  date: 2023-02-13
---
"""


@pytest.fixture(scope="session")
def publisher() -> Publisher:
    return Publisher()


@pytest.fixture
def write_source(tmp_path: Path) -> SourceFactory:
    """Write a Markdown source: ``write_source(body, name=..., title=..., front=...)``."""

    def make(
        body: str = "A paragraph.",
        *,
        name: str = "article.md",
        title: str = "A title",
        section: str = "european-languages",
        language: str = "en",
        front: str | None = None,
    ) -> Path:
        # a JSON string is a YAML string: "#" or ":" in a title stay text
        head = (
            front
            if front is not None
            else _FRONT.format(
                title=json.dumps(title, ensure_ascii=False), section=section, language=language
            )
        )
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(head + body + "\n", encoding="utf-8")
        return path

    return make


def sample_sources() -> list[Path]:
    return sorted(SAMPLES.glob("*/source.md"))
