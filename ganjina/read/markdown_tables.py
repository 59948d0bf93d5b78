"""GFM pipe tables in Markdown → rows of cell texts.

pymupdf4llm writes a ruled table of a PDF as a GitHub-flavoured Markdown table, pandoc
and most editors do the same: a header row, a delimiter row (``|---|:--:|``) with as many
cells, then body rows until a blank line or a line that is no row. A line with pipes but
no delimiter row under it is text (a running header ``www.afgazad.com | 2``). A body row
with fewer cells than the header is filled with empty cells, as GFM says; one with more
keeps them (GFM's renderers drop them, but no text of the body is dropped here): the
table is as wide as its widest row, the other rows filled. ``\\|`` is a pipe inside a cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["table_at"]

_DELIMITER_CELL = re.compile(r"^\s*:?-+:?\s*$")


def _cells(line: str) -> list[str]:
    """A row's cells: split at every pipe not escaped, the outer pipes dropped."""
    row = line.strip()
    cells: list[str] = []
    current: list[str] = []
    k = 0
    while k < len(row):
        ch = row[k]
        if ch == "\\" and k + 1 < len(row) and row[k + 1] == "|":
            current.append("|")
            k += 2
            continue
        if ch == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        k += 1
    cells.append("".join(current))
    if row.startswith("|"):
        cells = cells[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        cells = cells[:-1]
    return [cell.strip() for cell in cells]


def table_at(
    lines: list[str], k: int, clean: Callable[[str], str]
) -> tuple[list[list[str]], int] | None:
    """The table that starts at ``lines[k]`` (its rows, each cell made plain by
    ``clean``, the header row first) and the index of the first line after it; None
    where no table starts there."""
    header = lines[k]
    if "|" not in header or k + 1 >= len(lines):
        return None
    width = len(_cells(header))
    delimiter = _cells(lines[k + 1])
    if len(delimiter) != width or not all(_DELIMITER_CELL.match(c) for c in delimiter):
        return None
    piped = header.lstrip().startswith("|")
    rows = [_cells(header)]
    end = k + 2
    while end < len(lines):
        line = lines[end]
        is_row = line.lstrip().startswith("|") if piped else "|" in line
        if not line.strip() or not is_row:
            break
        rows.append(_cells(line))
        end += 1
    width = max(len(row) for row in rows)
    return [[clean(cell) for cell in row] + [""] * (width - len(row)) for row in rows], end
