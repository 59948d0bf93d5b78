"""Ruled tables on a PDF page → one Layout line hinted ``table`` that carries its cells.

A table is read where the layout is a clear grid: rules drawn on every side of every cell
(Word's "Table Grid", LibreOffice's default table), at least two rows and two columns, the
outer frame closed. The rules come from the page's vector drawings: stroked lines and
rectangles, and the thin filled rectangles Word draws each border as. Rules closer than a
double border's gap are one rule. Where a rule between two neighbouring slots of the grid
is missing, the slots are one merged cell; a merged cell that is not a rectangle means the
drawing is no grid, and its lines are read as text, as before. So are the lines of a grid
one of whose cells holds running text (sixty words or more): a boxed paragraph, a page
framed and ruled into header and body.

The cells then take the page's finished lines by position (a line's centre), so each cell's
text is in logical order with every repair the text layer got. A printed line that runs
across a rule (two cells on one baseline, close together) is cut at the rule first, before
its direction and order are read. The cells are written as the Word reader writes them: a
cell merged across columns is one cell, one merged down keeps its text in its first row and
is empty below. A row reads in the direction of its cells' text (first cell on the right
when most of the cells with letters are right to left), else in the page's direction.

Pages whose content stream draws fewer paths than a grid needs are not asked for their
drawings at all (that costs as much as a tenth of reading the page).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ganjina.read.bidi import is_rtl_text
from ganjina.read.layout import Line
from ganjina.read.pdf_glyphs import GlyphLine
from ganjina.record import table_text

__all__ = ["Grid", "cut_at_rules", "drawn_in_reading_order", "find_grids", "gather_tables"]

#: a grid of 2 × 2 cells needs six rules: a page drawing fewer paths holds none
_MIN_PATHS = 6
#: a path's line or rectangle operator in a content stream (bounded tokens: linear)
_PATH_OPERATOR = re.compile(rb"\s(?:re|l)\s")
#: the thickness below which a filled rectangle is a rule, not a shaded area (points)
_THIN = 2.5
#: rules this close (points) are one: a double border, or a border drawn cell by cell
_SAME_RULE = 4.0
#: how far (points) a rule may stop short of the rule it meets
_TOUCH = 2.0
#: the share of a cell's side a rule must cover to part two cells
_COVERS = 0.8
#: the share of the frame's sides that must be drawn
_FRAME = 0.9
#: a cell narrower or lower than this (points) is the gap of a double border, not a cell
_MIN_CELL = 4.0
#: more rules than this on a page (joined) make a drawing: the rules are matched pair by
#: pair, so this bounds the work on any input (a table of 100 rows × 20 columns has 123)
_MAX_RULES = 600
#: a grid of more slots than this is a mesh (graph paper, a chart's grid), not a table
_MAX_SLOTS = 5_000
#: a cell holding this many words holds running text: its grid frames prose, not a table
_PROSE_WORDS = 60
#: more path operators than this in a page's content: a drawing (and no more are counted)
_MAX_PATHS = 200_000


@dataclass(frozen=True, slots=True)
class _Rule:
    horizontal: bool
    at: float  # y of a horizontal rule, x of a vertical one
    start: float
    end: float


@dataclass
class Grid:
    """A ruled table: the rule positions across (``xs``) and down (``ys``), and for each
    slot ``(row, column)`` the cell (a merged region of slots) it belongs to."""

    xs: list[float]
    ys: list[float]
    #: per slot, the index of its cell in ``cells``
    slot_cell: dict[tuple[int, int], int]
    #: per cell: (first row, last row, first column, last column), columns left to right
    cells: list[tuple[int, int, int, int]]
    #: the page's lines that fall in each cell, in reading order
    taken: dict[int, list[Line]] = field(default_factory=dict)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def cell_at(self, x: float, y: float) -> int | None:
        if not (self.xs[0] < x < self.xs[-1] and self.ys[0] < y < self.ys[-1]):
            return None
        column = bisect.bisect_right(self.xs, x) - 1
        row = bisect.bisect_right(self.ys, y) - 1
        return self.slot_cell.get((row, column))


def _may_hold_rules(page: Any) -> bool:
    try:
        stream = page.read_contents()
    except (RuntimeError, ValueError):
        return False
    found = 0
    for _ in _PATH_OPERATOR.finditer(stream):
        found += 1
        if found > _MAX_PATHS:
            return False
    return found >= _MIN_PATHS


def _ink(colour: Any) -> bool:
    """Whether a fill or stroke colour shows on white paper (grey or RGB: some component
    darker than nearly white; CMYK: some colorant laid down)."""
    if not colour:
        return False
    values = [float(c) for c in colour]
    if len(values) == 4:
        return max(values) > 0.1
    return min(values) < 0.9


def _rules(page: Any) -> list[_Rule]:
    """Every axis-parallel rule the page draws."""
    out: list[_Rule] = []
    for path in page.get_cdrawings():
        kind = path.get("type") or ""
        stroked = "s" in kind and _ink(path.get("color"))
        filled = "f" in kind and _ink(path.get("fill"))
        if not (stroked or filled):
            continue
        for item in path.get("items") or ():
            if item[0] == "l" and stroked:
                (x0, y0), (x1, y1) = item[1], item[2]
                if abs(y0 - y1) <= 0.5:
                    out.append(_Rule(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
                elif abs(x0 - x1) <= 0.5:
                    out.append(_Rule(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
            elif item[0] == "re":
                x0, y0, x1, y1 = item[1]
                x0, x1 = min(x0, x1), max(x0, x1)
                y0, y1 = min(y0, y1), max(y0, y1)
                width, height = x1 - x0, y1 - y0
                if height <= _THIN and width > 3 * height:
                    out.append(_Rule(True, (y0 + y1) / 2, x0, x1))
                elif width <= _THIN and height > 3 * width:
                    out.append(_Rule(False, (x0 + x1) / 2, y0, y1))
                elif stroked:  # a box: its four sides
                    out += [_Rule(True, y0, x0, x1), _Rule(True, y1, x0, x1)]
                    out += [_Rule(False, x0, y0, y1), _Rule(False, x1, y0, y1)]
    return out


def _joined(rules: list[_Rule]) -> list[_Rule]:
    """Segments of one rule joined (Word draws a border cell by cell)."""
    out: list[_Rule] = []
    for rule in sorted(rules, key=lambda r: (r.horizontal, round(r.at), r.start)):
        last = out[-1] if out else None
        if (
            last is not None
            and last.horizontal == rule.horizontal
            and abs(last.at - rule.at) <= 1.0
            and rule.start <= last.end + _TOUCH
        ):
            out[-1] = _Rule(last.horizontal, last.at, last.start, max(last.end, rule.end))
        else:
            out.append(rule)
    return out


def _positions(values: list[float]) -> list[float]:
    """Positions closer than ``_SAME_RULE`` taken as one (their mean)."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= _SAME_RULE:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _at_positions(rules: list[_Rule], positions: list[float]) -> list[list[_Rule]]:
    """The rules standing at each position (the nearest), so that a slot's side is
    looked up among its own position's rules, not among all of them."""
    out: list[list[_Rule]] = [[] for _ in positions]
    for rule in rules:
        k = bisect.bisect_left(positions, rule.at)
        near = min((j for j in (k - 1, k) if 0 <= j < len(positions)),
                   key=lambda j: abs(positions[j] - rule.at))  # fmt: skip
        if abs(positions[near] - rule.at) <= _SAME_RULE:
            out[near].append(rule)
    return out


def _coverage(rules: list[_Rule], start: float, end: float) -> float:
    """The share of ``start…end`` that the rules (of one position) cover."""
    spans = sorted(
        (max(r.start, start), min(r.end, end)) for r in rules if r.end > start and r.start < end
    )
    covered, reach = 0.0, start
    for a, b in spans:
        a = max(a, reach)
        if b > a:
            covered += b - a
            reach = b
    return covered / (end - start) if end > start else 0.0


def _components(rules: list[_Rule]) -> list[list[_Rule]]:
    """The rules in groups that touch one another (a horizontal meets a vertical)."""
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    across = [i for i, r in enumerate(rules) if r.horizontal]
    down = [i for i, r in enumerate(rules) if not r.horizontal]
    for i in across:
        h = rules[i]
        for j in down:
            v = rules[j]
            if (
                v.start - _TOUCH <= h.at <= v.end + _TOUCH
                and h.start - _TOUCH <= v.at <= h.end + _TOUCH
            ):
                parent[root(i)] = root(j)
    groups: dict[int, list[_Rule]] = {}
    for i, r in enumerate(rules):
        groups.setdefault(root(i), []).append(r)
    return list(groups.values())


def _grid(rules: list[_Rule]) -> Grid | None:
    across = [r for r in rules if r.horizontal]
    down = [r for r in rules if not r.horizontal]
    ys = _positions([r.at for r in across])
    xs = _positions([r.at for r in down])
    if len(ys) < 3 or len(xs) < 3:
        return None  # fewer than two rows or two columns: a frame, a rule, a box
    rows, columns = len(ys) - 1, len(xs) - 1
    if rows * columns > _MAX_SLOTS:
        return None  # a mesh, not a table
    at_y, at_x = _at_positions(across, ys), _at_positions(down, xs)
    frame = (
        _coverage(at_y[0], xs[0], xs[-1]),
        _coverage(at_y[-1], xs[0], xs[-1]),
        _coverage(at_x[0], ys[0], ys[-1]),
        _coverage(at_x[-1], ys[0], ys[-1]),
    )
    if min(frame) < _FRAME:
        return None
    parent = {(r, c): (r, c) for r in range(rows) for c in range(columns)}

    def root(slot: tuple[int, int]) -> tuple[int, int]:
        while parent[slot] != slot:
            parent[slot] = parent[parent[slot]]  # path halving: near-constant time
            slot = parent[slot]
        return slot

    for r in range(rows):
        for c in range(columns):
            if c + 1 < columns and _coverage(at_x[c + 1], ys[r], ys[r + 1]) < _COVERS:
                parent[root((r, c + 1))] = root((r, c))
            if r + 1 < rows and _coverage(at_y[r + 1], xs[c], xs[c + 1]) < _COVERS:
                parent[root((r + 1, c))] = root((r, c))
    regions: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for slot in parent:
        regions.setdefault(root(slot), []).append(slot)
    cells: list[tuple[int, int, int, int]] = []
    slot_cell: dict[tuple[int, int], int] = {}
    for slots in sorted(regions.values()):
        top, bottom = min(s[0] for s in slots), max(s[0] for s in slots)
        left, right = min(s[1] for s in slots), max(s[1] for s in slots)
        if len(slots) != (bottom - top + 1) * (right - left + 1):
            return None  # a merged cell that is no rectangle: not a grid
        if xs[right + 1] - xs[left] < _MIN_CELL or ys[bottom + 1] - ys[top] < _MIN_CELL:
            return None
        for slot in slots:
            slot_cell[slot] = len(cells)
        cells.append((top, bottom, left, right))
    if len(cells) < 4 and rows * columns >= 4:
        return None  # all but merged away: a frame with a rule or two inside
    return Grid(xs, ys, slot_cell, cells)


def find_grids(page: Any) -> list[Grid]:
    """The ruled tables of one page (none where its content draws too few paths)."""
    if page.rotation or not _may_hold_rules(page):
        return []  # (a turned page's drawings and text would need turning alike)
    rules = _joined(_rules(page))
    if len(rules) > _MAX_RULES:
        return []  # a drawing, not a page of text with tables: its text is read as lines
    grids = []
    for group in _components(rules):
        grid = _grid(group)
        if grid is not None:
            grids.append(grid)
    return grids


def _cut(line: GlyphLine, cuts: list[float]) -> list[GlyphLine]:
    """The line in parts between the cuts; each part's ``place`` says where the uncut
    line stood and, last, the order in which the stream began drawing the part (the
    cells of a row are drawn one after another, in the author's order)."""
    parts = [GlyphLine() for _ in range(len(cuts) + 1)]
    first: dict[int, int] = {}
    for k, g in enumerate(line.glyphs):
        at = bisect.bisect_right(cuts, (g.x0 + g.x1) / 2)
        parts[at].take(g)
        first.setdefault(at, k)
    top, x0, _ = line.place or (round(line.top, 1), line.x0, 0)
    kept = [at for at in range(len(parts)) if parts[at].glyphs]
    for rank, at in enumerate(sorted(kept, key=first.__getitem__)):
        parts[at].place = (top, x0, rank)
        parts[at].drawn = line.drawn
    return [parts[at] for at in kept]


def cut_at_rules(lines: list[GlyphLine], grids: list[Grid]) -> list[GlyphLine]:
    """The page's printed lines, each one that runs across a rule between two cells cut
    there (not where the rule stops short: inside a cell merged across)."""
    if not grids:
        return lines
    out: list[GlyphLine] = []
    for line in lines:
        middle = (line.top + line.bottom) / 2
        cuts: list[float] = []
        for grid in grids:
            if not grid.ys[0] < middle < grid.ys[-1]:
                continue
            row = bisect.bisect_right(grid.ys, middle) - 1
            for c, x in enumerate(grid.xs[1:-1]):
                parted = grid.slot_cell[(row, c)] != grid.slot_cell[(row, c + 1)]
                if parted and line.x0 < x < line.x1:
                    cuts.append(x)
        out += _cut(line, sorted(cuts)) if cuts else [line]
    return out


def _drawn_direction(grid: Grid, drawn: dict[int, tuple[int, int]]) -> bool | None:
    """True where the stream drew the cells of the rows from the right, False where from
    the left, None where it does not say (fewer than 90 % of neighbouring pairs agree)."""
    first: dict[int, tuple[int, int]] = {}
    for k, lines in grid.taken.items():
        keys = [drawn[id(ln)] for ln in lines if id(ln) in drawn]
        if keys:
            first[k] = min(keys)
    from_left = from_right = 0
    for r in range(len(grid.ys) - 1):
        cells = list(dict.fromkeys(grid.slot_cell[(r, c)] for c in range(len(grid.xs) - 1)))
        seen = [first[k] for k in cells if k in first and grid.cells[k][0] == r]
        for left, right in itertools.pairwise(seen):
            from_left += left < right
            from_right += right < left
    pairs = from_left + from_right
    if pairs == 0 or max(from_left, from_right) < 0.9 * pairs:
        return None
    return from_right > from_left


def _direction(texts: list[str]) -> bool | None:
    """True where most cells with letters read right to left, None where it is even."""
    lettered = [is_rtl_text(text) for text in texts if any(ch.isalpha() for ch in text)]
    rtl = sum(lettered)
    ltr = len(lettered) - rtl
    return None if rtl == ltr else rtl > ltr


def _rows(grid: Grid, texts: list[str], rtl: bool) -> list[list[str]]:
    rows: list[list[str]] = []
    columns = len(grid.xs) - 1
    order = range(columns - 1, -1, -1) if rtl else range(columns)
    for r in range(len(grid.ys) - 1):
        row: list[str] = []
        indexes: list[int] = []
        for c in order:
            index = grid.slot_cell[(r, c)]
            top, _, left, right = grid.cells[index]
            if c != (right if rtl else left):
                continue  # inside a cell merged across: written once, at its first column
            row.append(texts[index] if top == r else "")
            indexes.append(index)
        rows += _unruled_rows(grid, r, indexes) or [row]
    return rows


#: a cell's line that fills less than this share of the cell's width was not wrapped
_UNWRAPPED = 0.8


def _bands(lines: list[Line]) -> list[tuple[float, float, str]]:
    """A cell's lines by printed line: (centre, width, text), top to bottom."""
    bands: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: ln.bbox[1] if ln.bbox else 0.0):
        assert ln.bbox is not None
        centre = (ln.bbox[1] + ln.bbox[3]) / 2
        last = bands[-1][0].bbox if bands else None
        if last is not None and abs((last[1] + last[3]) / 2 - centre) <= 2.0:
            bands[-1].append(ln)
        else:
            bands.append([ln])
    out = []
    for band in bands:
        boxes = [ln.bbox for ln in band if ln.bbox is not None]
        width = max(b[2] for b in boxes) - min(b[0] for b in boxes)
        out.append(((boxes[0][1] + boxes[0][3]) / 2, width, " ".join(ln.text for ln in band)))
    return out


def _unruled_rows(grid: Grid, r: int, indexes: list[int]) -> list[list[str]] | None:
    """The rows of one ruled row whose cells hold several entries each, one under another
    with no rule between (a LaTeX table ruled only under its header): every cell that
    has text has the same number of printed lines, side by side, and none but the last
    fills its cell. None where the row is one row."""
    split: list[list[tuple[float, float, str]]] = []
    for index in indexes:
        top, bottom, left, right = grid.cells[index]
        if top != r or bottom != r:
            return None  # a cell merged down runs beside it: its lines are one entry
        bands = _bands(grid.taken.get(index, []))
        width = grid.xs[right + 1] - grid.xs[left]
        # a wrapped entry fills every line but its last; an entry column is as wide as
        # its widest entry (LaTeX sizes a column so), which may well be the last line
        if any(w >= _UNWRAPPED * width for _, w, _ in bands[:-1]):
            return None
        split.append(bands)
    filled = [bands for bands in split if bands]
    if len(filled) < 2 or len({len(bands) for bands in filled}) != 1 or len(filled[0]) < 2:
        return None
    for bands in filled[1:]:
        if any(abs(a[0] - b[0]) > 2.0 for a, b in zip(bands, filled[0], strict=True)):
            return None
    count = len(filled[0])
    return [[bands[i][2] if bands else "" for bands in split] for i in range(count)]


def drawn_in_reading_order(rtl_orders: dict[str, int]) -> bool:
    """Whether the document's stream draws in the author's order, from how it drew its
    right-to-left lines (``BuiltLine.order`` counts). Word and LibreOffice draw a line's
    runs in the author's order (the stream steps back at each run: "runs", "reversed",
    "logical"), and a table's cells so too; a producer whose stream never steps back
    (XeTeX draws everything from the left) draws a right-to-left table's cells from the
    left, and its order says nothing. A document without right-to-left lines: yes."""
    lines = sum(rtl_orders.values())
    stepped = lines - rtl_orders.get("visual", 0) - rtl_orders.get("positions", 0)
    return lines == 0 or stepped >= max(2, 0.1 * lines)


def gather_tables(
    lines: list[Line], grids: list[Grid], drawn: dict[int, tuple[int, int]] | None = None
) -> list[Line]:
    """The page's lines with those inside a ruled table replaced by one table line, where
    the table's first line stood. A table whose cells are all empty changes nothing.
    ``drawn``: by ``id`` of a line, the order in which the content stream drew it."""
    if not grids:
        return lines
    place: dict[int, tuple[Grid, int]] = {}
    for line in lines:
        if line.bbox is None or line.hint == "image" or not line.text:
            continue
        x = (line.bbox[0] + line.bbox[2]) / 2
        y = (line.bbox[1] + line.bbox[3]) / 2
        for grid in grids:
            cell = grid.cell_at(x, y)
            if cell is not None:
                grid.taken.setdefault(cell, []).append(line)
                place[id(line)] = (grid, cell)
                break
    framed = {id(grid) for grid in grids if _frames_prose(grid)}
    place = {key: found for key, found in place.items() if id(found[0]) not in framed}
    out: list[Line] = []
    done: set[int] = set()
    outside = [ln for ln in lines if id(ln) not in place and ln.text]
    page_rtl = 2 * sum(ln.rtl for ln in outside) > len(outside)
    for line in lines:
        found = place.get(id(line))
        if found is None:
            out.append(line)
            continue
        grid = found[0]
        if id(grid) in done:
            continue
        done.add(id(grid))
        out.append(_table_line(grid, page_rtl, line.page, drawn or {}))
    return out


def _frames_prose(grid: Grid) -> bool:
    """Whether a cell holds running text: a box around a paragraph or a page framed and
    ruled (a header, a margin column), whose lines are the article's own, not a table's."""
    return any(
        sum(len(ln.text.split()) for ln in lines) >= _PROSE_WORDS for lines in grid.taken.values()
    )


def _table_line(grid: Grid, page_rtl: bool, page: int, drawn: dict[int, tuple[int, int]]) -> Line:
    cells = range(len(grid.cells))
    texts = [" ".join(ln.text for ln in grid.taken.get(k, [])).strip() for k in cells]
    # the producer's order first (Word and LibreOffice draw a row's cells in the order
    # the author wrote them), then the cells' own script, then the page's direction
    found = _drawn_direction(grid, drawn)
    if found is None:
        found = _direction(texts)
    rtl = page_rtl if found is None else found
    rows = [row for row in _rows(grid, texts, rtl) if any(row)]
    sizes = sorted(ln.size for lines in grid.taken.values() for ln in lines if ln.size)
    return Line(
        text=table_text(rows),
        page=page,
        bbox=grid.bbox,
        size=sizes[len(sizes) // 2] if sizes else None,
        rtl=rtl,
        hint="table",
        para_start=True,
        table=rows,
    )
