"""Real third-party Persian and Pashto files: Ganjina's text keeps up with every bare
extractor and keeps the level it has reached.

The corpus lives outside the repository (``shared/realworld``, or where
``GANJINA_REALWORLD`` points) and is read in place; ``python -m tests.read.realworld``
prints the full table. The floors are what the reader reaches now (see
docs/reading.md), less a small margin: a change that reads these files worse fails here.
"""

from __future__ import annotations

import pytest

from tests.read import realworld

#: mean similarity (title + blocks against the truth) over the PDFs and over the DOCX
PDF_MEAN_FLOOR = 0.930
DOCX_MEAN_FLOOR = 0.970
#: how far one file may stay behind the best bare extractor, and on how many files
#: (none is behind today: docs/reading.md)
BEHIND_MARGIN = 0.01
BEHIND_FILES = 0

FOLDER = realworld.corpus()
pytestmark = pytest.mark.skipif(
    FOLDER is None, reason="the real-world corpus is not on this machine (GANJINA_REALWORLD)"
)


@pytest.fixture(scope="module")
def rows() -> list[realworld.Row]:
    assert FOLDER is not None
    measured = realworld.measure(FOLDER)
    assert measured, f"no document with a truth.txt in {FOLDER}"
    return measured


def test_mean_similarity_keeps_its_floor(rows: list[realworld.Row]) -> None:
    summary = realworld.summary(rows)
    assert summary["pdf_mean"] >= PDF_MEAN_FLOOR, realworld._table(rows)
    assert summary["docx_mean"] >= DOCX_MEAN_FLOOR, realworld._table(rows)
    # and ahead of both bare extractors on average
    assert summary["pdf_mean"] > max(summary["pymupdf_mean"], summary["pdftotext_mean"])


def test_no_pdf_read_worse_than_a_bare_extractor(rows: list[realworld.Row]) -> None:
    pdfs = [r for r in rows if r.kind == "pdf"]
    behind = [r for r in pdfs if r.ganjina < r.best_bare]
    far_behind = [r.name for r in behind if r.ganjina < r.best_bare - BEHIND_MARGIN]
    assert not far_behind, realworld._table(rows)
    assert len(behind) <= BEHIND_FILES, realworld._table(rows)
