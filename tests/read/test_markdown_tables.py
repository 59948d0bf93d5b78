"""GFM pipe tables in Markdown read as table blocks (pymupdf4llm writes a PDF's ruled
tables so; pandoc and editors write them so)."""

from __future__ import annotations

from ganjina.read.markdown import read_markdown
from ganjina.read.markdown_tables import table_at
from ganjina.reader import parse_bytes

ARTICLE = """# Wells and water in Parwan

By Sara Ahmadi

The survey counted the wells of three districts in the spring and the summer of the year.

| District | Wells | Dry |
|:---|---:|:--:|
| **Bagram** | 120 | 14 |
| [Charikar](https://example.org/charikar) | 86 | 9 |
| Istalif \\| Shakar Dara | 40 |

The figures come from the district offices and were not checked on the ground at all.
"""


def _tables(text: str) -> list[tuple[list[list[str]] | None, bool]]:
    article = parse_bytes(text.encode(), "article.md")
    return [(b.rows, b.header) for b in article.blocks if b.type == "table"]


def test_a_pipe_table_is_a_table_block() -> None:
    article = parse_bytes(ARTICLE.encode(), "article.md")
    assert [b.type for b in article.blocks] == ["paragraph", "table", "paragraph"]
    table = article.blocks[1]
    # marks undone, an escaped pipe kept in its cell, a short row filled
    assert table.rows == [
        ["District", "Wells", "Dry"],
        ["Bagram", "120", "14"],
        ["Charikar", "86", "9"],
        ["Istalif | Shakar Dara", "40", ""],
    ]
    assert table.header is True
    assert article.blocks[2].text.startswith("The figures come from")
    assert article.title == "Wells and water in Parwan"


def test_pipes_without_a_delimiter_row_are_text() -> None:
    text = "# A title of the article\n\nBy Sara Ahmadi\n\nRain | snow | hail fell in turn.\n"
    layout = read_markdown(text)
    assert not [ln for ln in layout.lines if ln.table is not None]
    assert any(ln.text == "Rain | snow | hail fell in turn." for ln in layout.lines)


def test_a_long_row_keeps_its_extra_cells_and_a_short_one_is_filled() -> None:
    # GFM's renderers drop a cell past the header's width; no text of the body is dropped
    lines = ["| a | b |", "|---|---|", "| 1 | 2 | 3 |", "| 4 |", "", "after"]
    assert table_at(lines, 0, str) == ([["a", "b", ""], ["1", "2", "3"], ["4", "", ""]], 4)
    # rows end at a line that is no row
    assert table_at(["| a | b |", "|--|--|", "| 1 | 2 |", "text"], 0, str) == (
        [["a", "b"], ["1", "2"]],
        3,
    )
    assert table_at(["| a | b |", "|---|"], 0, str) is None  # cells do not match


def test_a_right_to_left_table_keeps_the_authors_letters() -> None:
    text = (
        "# چاه‌ها و آب در پروان\n\nنوشتهٔ سارا احمدی\n\n"
        "| ولسوالی | چاه‌ها | ګڼه |\n|---|---|---|\n| بګرام | ۱۲۰ | ۱۴ |\n"
    )
    assert _tables(text) == [([["ولسوالی", "چاه‌ها", "ګڼه"], ["بګرام", "۱۲۰", "۱۴"]], True)]
