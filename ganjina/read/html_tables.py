"""HTML tables on a web page → rows of cell texts, as the other readers write them.

A data table (``<td>`` and ``<th>`` cells holding text, links and emphasis) becomes one
table: a cell that spans columns (``colspan``) is one cell, one that spans rows
(``rowspan``) keeps its text in its first row and is empty below, as the Word and PDF
readers write merged cells. A table that lays a page out rather than tabulates (its cells
hold paragraphs, headings, lists, pictures or other tables: old portals set whole pages
so) is no table: its blocks are read as the page's own, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["LAYOUT_TAGS", "TableBuilder"]

#: elements whose presence in a cell makes its table a layout table
LAYOUT_TAGS = frozenset(
    {
        "p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
        "li", "blockquote", "figure", "figcaption", "img", "table", "pre", "dl", "form",
    }
)  # fmt: skip
#: a span larger than this is taken as 1 (``colspan="100000"`` would make rows of that much)
_MAX_SPAN = 100


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or "1"
    try:
        span = int(value.strip())
    except ValueError:
        return 1
    return span if 1 <= span <= _MAX_SPAN else 1


@dataclass
class TableBuilder:
    """One ``<table>`` as it is read: its rows so far, the open row and cell."""

    #: where the table started in the collector's lines
    start: int
    rows: list[list[str]] = field(default_factory=list)
    #: whether every cell of each row was a header cell
    header_rows: list[bool] = field(default_factory=list)
    layout: bool = False
    #: the lines the collector flushed inside cells (they make way for the table)
    cell_lines: set[int] = field(default_factory=set)
    _row: list[str] | None = None
    _row_header: bool = True
    _cell: list[str] | None = None
    _column: int = 0
    #: columns still held by a cell from a row above: column → rows left
    _held: dict[int, tuple[int, int]] = field(default_factory=dict)

    @property
    def in_cell(self) -> bool:
        return self._cell is not None

    def start_row(self) -> None:
        self.end_row()
        self._row, self._row_header, self._column = [], True, 0

    def start_cell(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.end_cell()
        if self._row is None:
            self.start_row()
        assert self._row is not None
        self._skip_held()
        self._cell = []
        self._row_header = self._row_header and tag == "th"
        across, down = _span(attrs, "colspan"), _span(attrs, "rowspan")
        if down > 1:
            self._held[self._column] = (down - 1, across)
        self._column += across

    def _skip_held(self) -> None:
        """Empty cells where a cell from a row above still stands."""
        assert self._row is not None
        while self._column in self._held:
            rows_left, across = self._held[self._column]
            self._row.append("")
            if rows_left > 1:
                self._held[self._column] = (rows_left - 1, across)
            else:
                del self._held[self._column]
            self._column += across

    def data(self, text: str) -> None:
        if self._cell is not None:
            self._cell.append(text)

    def end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def end_row(self) -> None:
        self.end_cell()
        if self._row is not None:
            self._skip_held()
            if self._row:
                self.rows.append(self._row)
                self.header_rows.append(self._row_header)
        self._row = None

    def finish(self) -> tuple[list[list[str]], bool] | None:
        """The table's rows and whether its first row is a header row; None for a layout
        table or one whose cells are all empty."""
        self.end_row()
        kept = [
            (row, header)
            for row, header in zip(self.rows, self.header_rows, strict=True)
            if any(row)
        ]
        if self.layout or not kept:
            return None
        return [row for row, _ in kept], kept[0][1]
