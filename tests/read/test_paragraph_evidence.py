"""Where printed paragraphs start and end, from evidence a Word PDF gives: room left on a
line, a first-line indent, a wholly italic paragraph, a symbol-font bullet, an attribution
printed under the last paragraph's lines."""

from __future__ import annotations

from ganjina.house.blocks import Piece, group_pieces, join_lines
from ganjina.house.profile import builtin_profile
from ganjina.house.recognize import _attribution
from ganjina.house.repair import join_split_paragraphs
from ganjina.read.layout import Line

SIZE = 11.0
LEFT, RIGHT = 60.0, 530.0
PITCH = 15.0


def _line(text: str, top: float, left: float = LEFT, right: float = RIGHT, **kw: object) -> Line:
    return Line(text, bbox=(left, top, right, top + 12.0), size=SIZE, **kw)  # type: ignore[arg-type]


def _page(texts: list[tuple[str, float, float]], page: int = 1, **kw: object) -> list[Line]:
    """Lines (text, left, right) one under the other, no paragraph spacing."""
    return [
        _line(t, 70.0 + k * PITCH, left, right, page=page, **kw)
        for k, (t, left, right) in enumerate(texts)
    ]


def _texts(pieces: list[Piece]) -> list[str]:
    return [p.text for p in pieces]


def test_a_line_that_had_room_for_the_next_word_ended_its_paragraph() -> None:
    lines = _page(
        [
            ("The council met on Friday and spoke about the new road for", LEFT, RIGHT),
            ("the valley.", LEFT, 400.0),  # sentence ends, line still long: room for "Many"
            ("Many of the farmers who came to the meeting had walked for two hours", LEFT, RIGHT),
            ("and more.", LEFT, 110.0),
        ]
    )
    assert len(group_pieces(lines, SIZE)) == 2


def test_a_wrapped_line_is_not_ended_by_a_long_next_word() -> None:
    lines = _page(
        [
            ("The council met on Friday and spoke about the new road for the", LEFT, 500.0),
            ("reconstruction of the old bridge at the entrance of the district.", LEFT, RIGHT),
        ]
    )
    # 30 pt of room: too little for "reconstruction", so the line was wrapped
    assert len(group_pieces(lines, SIZE)) == 1


def test_a_block_indented_from_both_margins_keeps_its_own_margins() -> None:
    quote = [("A long quoted sentence that wraps inside the quote's own narrow", 100.0, 480.0)]
    quote += [("margins and ends here.", 100.0, 230.0)]
    lines = _page(quote)
    assert len(group_pieces(lines, SIZE)) == 1


def test_a_first_line_indent_starts_a_paragraph_after_a_full_line() -> None:
    lines = _page(
        [
            ("The first paragraph runs to the far margin on its last line too, done.", LEFT, RIGHT),
            ("Indented, the second paragraph opens here and runs to the far margin", 78.0, RIGHT),
            ("and goes on at the left edge of the column.", LEFT, 300.0),
        ]
    )
    pieces = group_pieces(lines, SIZE)
    assert len(pieces) == 2 and pieces[1].indented is True


def test_the_last_line_of_an_indented_block_is_no_first_line() -> None:
    lines = _page(
        [
            ("A quotation set in by a little on the left only, over several printed", 72.0, 500.0),
            ("lines, and its last line is long as well, right to here.", 72.0, 420.0),
            ("Body text after it starts at the column's edge and runs to the margin", LEFT, RIGHT),
        ]
    )
    pieces = group_pieces(lines, SIZE)
    assert "right to here." in pieces[0].text


def _indented_paragraphs(page: int, count: int) -> list[Line]:
    lines: list[Line] = []
    for k in range(count):
        top = 70.0 + 3 * k * PITCH
        lines += [
            _line(
                f"Paragraph {k} opens indented and runs on to the far margin of it",
                top,
                78.0,
                page=page,
            ),
            _line(
                "and goes on at the edge of the column till its sentence ends.",
                top + PITCH,
                page=page,
            ),
            _line("A short end.", top + 2 * PITCH, right=140.0, page=page),
        ]
    return lines


def test_in_an_indented_document_a_page_top_at_the_edge_goes_on_the_paragraph() -> None:
    lines = _indented_paragraphs(1, 3)
    lines.append(
        _line("The page's last paragraph opens indented and runs to the margin", 300.0, 78.0)
    )
    lines.append(_line("and its last line on this page ends a sentence at the margin.", 315.0))
    # a new page starts a printed paragraph (as the PDF reader marks it)
    lines.append(
        _line(
            "On the next page the paragraph goes on at the column's edge.",
            70.0,
            page=2,
            para_start=True,
        )
    )
    lines.append(_line("And ends.", 85.0, right=120.0, page=2))
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.startswith("The page's last") and pieces[-1].text.endswith("And ends.")


def _full_page(page: int, last_right: float) -> list[Line]:
    """A page filled to its foot (y 70 to 400) with paragraphs set without indents; the
    last line ends a sentence at ``last_right``."""
    lines = [
        _line(f"Line {k} of a page set full of text, with no indent at all, to the margin", top)
        for k, top in enumerate(range(70, 400, int(PITCH)))
    ]
    for ln in lines:
        ln.page = page
    last = "and the page's last line ends a sentence."
    lines[-1] = _line(last, 70.0 + 22 * PITCH, right=last_right)
    lines[-1].page = page
    return lines


def _next_page(page: int = 2) -> list[Line]:
    return [
        _line(
            "Another sentence opens on the next page at the edge of the column",
            70.0,
            page=page,
            para_start=True,
        ),
        _line("and ends here.", 85.0, right=150.0, page=page),
    ]


def test_without_first_line_indents_a_sentence_end_with_room_left_ends_the_paragraph() -> None:
    lines = [*_full_page(1, last_right=330.0), *_next_page()]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.startswith("Another sentence")


def test_a_last_line_with_no_room_for_the_next_word_goes_on_after_the_page_break() -> None:
    # the page's last line ran to the margin: "Another" did not fit, so the line was
    # wrapped and the paragraph goes on, though the line ends a sentence
    lines = [*_full_page(1, last_right=RIGHT - 2.0), *_next_page()]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.endswith("ends a sentence. Another sentence opens on the next page "
                                    "at the edge of the column and ends here.")  # fmt: skip


def test_a_page_ended_by_hand_goes_on_on_the_next_page() -> None:
    # page 2 stops after four lines, far above the foot page 1 reached: more room than
    # widow and orphan control leave, so a manual break cut the paragraph
    early = [
        _line("A paragraph on the second page runs on for a while, to the margin", 70.0, page=2),
        _line("and stops at a sentence.", 85.0, right=200.0, page=2),
    ]
    lines = [*_full_page(1, last_right=330.0), *early, *_next_page(3)]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.startswith("A paragraph on the second page")
    assert pieces[-1].text.endswith("and ends here.")


def test_in_a_two_page_article_a_page_ended_by_hand_goes_on_too() -> None:
    # with one page before the last there is no other page to show where text ends: the
    # page's height less the top margin of the next page's body stands in for it
    early = [
        _line("A paragraph on the first page runs on for a while, to the margin", 70.0),
        _line("and stops at a sentence.", 85.0, right=200.0),
    ]
    lines = [*early, *_next_page(2)]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE), page_height=470.0)
    assert [p.text[:11] for p in pieces] == ["A paragraph"]
    # a page that ran to its foot (470 less the 70 of the top margin) ends the paragraph
    full = _full_page(1, last_right=330.0)
    pieces = join_split_paragraphs(group_pieces([*full, *_next_page(2)], SIZE), page_height=470.0)
    assert pieces[-1].text.startswith("Another sentence")


def test_a_page_ended_early_before_a_picture_is_not_joined() -> None:
    early = [
        _line("A paragraph on the second page runs on for a while, to the margin", 70.0, page=2),
        _line("and stops at a sentence.", 85.0, right=200.0, page=2),
    ]
    picture = Line("", page=3, bbox=(100.0, 70.0, 400.0, 300.0), hint="image")
    lines = [*_full_page(1, last_right=330.0), *early, picture, *_next_page(3)]
    for ln in lines[-2:]:
        ln.bbox = (ln.bbox[0], ln.bbox[1] + 240.0, ln.bbox[2], ln.bbox[3] + 240.0)  # type: ignore[index]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.startswith("Another sentence")
    assert pieces[-2].text.endswith("and stops at a sentence.")


def test_a_wholly_italic_paragraph_between_roman_ones_is_a_quote() -> None:
    lines = _page([("Plain text before the quotation, a full line of it here.", LEFT, RIGHT)])
    lines[0].para_start = True
    quote = _line("Reading is the first door; we only open it for them.", 100.0, right=330.0)
    quote.italic, quote.para_start = True, True
    after = _line("Plain text after the quotation goes on in roman type.", 130.0)
    after.para_start = True
    pieces = group_pieces([*lines, quote, after], SIZE)
    assert [p.type for p in pieces] == ["paragraph", "quote", "paragraph"]


def test_an_italic_body_has_no_quotes_by_slant() -> None:
    lines = [
        _line(f"Every paragraph of this article is set in italic, number {k}.", 70.0 + 30 * k)
        for k in range(3)
    ]
    for ln in lines:
        ln.italic, ln.para_start = True, True
    assert {p.type for p in group_pieces(lines, SIZE)} == {"paragraph"}


def test_a_symbol_font_bullet_is_a_list_marker() -> None:
    lines = _page(
        [
            ("\uf0b7 Clean water for the school;", 78.0, 260.0),
            ("\uf0b7 A second room.", 78.0, 200.0),
        ]
    )
    pieces = group_pieces(lines, SIZE)
    assert [p.type for p in pieces] == ["list_item", "list_item"]
    assert pieces[0].text == "Clean water for the school;"


def test_an_attribution_under_the_last_paragraphs_lines_is_read_and_taken_out() -> None:
    lines = _page(
        [
            ("The last paragraph of the article runs over two lines and then it", LEFT, RIGHT),
            ("ends with a full stop, at the edge.", LEFT, RIGHT),
            ("Valley Courier 04.08.2020", LEFT, 200.0),
        ]
    )
    pieces = [Piece("paragraph", lines)]
    source, _ = _attribution(pieces, builtin_profile())
    assert source is not None and source.name == "Valley Courier" and source.date == "2020-08-04"
    assert pieces[0].text.endswith("at the edge.")


def test_a_paragraph_indented_like_the_typed_item_above_it_is_no_part_of_it() -> None:
    # typed markers in paragraphs with a first-line indent: the item starts at the indent,
    # and so does the paragraph after it, whose second line goes back to the column's edge
    lines = _page(
        [
            ("1) Clean the main channel before the snow melts;", 78.0, 330.0),
            # too little room left for "The" to tell by the line's end alone
            ("2) Share the night turns fairly between the upper villages.", 78.0, 505.0),
            ("The figures could not be checked independently, but they match", 78.0, 500.0),
            ("what other groups have reported in the valley over the last year.", LEFT, RIGHT),
            ("A short end.", LEFT, 140.0),
        ]
    )
    pieces = group_pieces(lines, SIZE)
    assert [p.type for p in pieces] == ["list_item", "list_item", "paragraph"]
    assert pieces[1].text.endswith("upper villages.")


def test_an_item_set_in_as_a_whole_keeps_its_wrapped_lines() -> None:
    # the item's lines stay under its marker; its wrapped line is no paragraph's first line
    lines = _page(
        [
            ("The council asked for three things:", LEFT, 250.0),
            ("1) Clean the main channel before the snow melts and before the", 78.0, RIGHT),
            ("water of the spring comes down from the hills above the village;", 78.0, RIGHT),
            ("and then the second line of that item ends it.", 78.0, 300.0),
        ]
    )
    pieces = group_pieces(lines, SIZE)
    assert [p.type for p in pieces] == ["paragraph", "list_item"]


def test_a_number_wrapped_onto_the_next_line_is_no_list_marker() -> None:
    # "… September" / "18. (AP Photo/…)": the line above had no room left for "18."
    lines = _page(
        [
            (
                "A farmer opens a sluice gate on a canal near the village, Saturday, September",
                LEFT,
                RIGHT,
            ),
            ("18. (AP Photo/Rahim Sadat)", 200.0, 360.0),
        ],
        italic=True,
    )
    pieces = group_pieces(lines, SIZE)
    assert len(pieces) == 1 and pieces[0].type == "caption"
    assert pieces[0].text.endswith("September 18. (AP Photo/Rahim Sadat)")


def test_a_numbered_item_after_a_short_line_is_still_an_item() -> None:
    lines = _page(
        [
            ("What the council asked for", LEFT, 200.0),
            ("18. More teachers for the schools of the valley", LEFT, 330.0),
        ]
    )
    assert group_pieces(lines, SIZE)[-1].type == "list_item"


def test_list_numbers_hanging_past_the_margin_do_not_move_the_column() -> None:
    # Word sets a right-to-left item's number past the right margin; the column's right
    # edge is still where the paragraphs' lines end, so the first-line indent shows
    fa = "باشندگان می‌گویند وضع از همین وقت سال گذشته تا کنون چندان دگرگون نشده است و"
    lines = _page(
        [
            ("1. آب پاک و یک تشناب در حویلی؛", 370.0, RIGHT + 10.0),
            ("2. یک اتاق دیگر برای صنف‌های پایین.", 360.0, RIGHT + 10.0),
            (fa, LEFT, RIGHT),
            ("کار ما تنها گشودن نخستین در است و بس، چنان که همه می‌دانند.", 75.0, RIGHT),
            ("کتابخانهٔ سیار هر یکشنبه در یک روستای دیگر می‌ایستد و کتاب‌ها را", LEFT, RIGHT - 18.0),
            (fa, LEFT, RIGHT),
            ("پایان.", 480.0, RIGHT),
        ],
        rtl=True,
    )
    pieces = group_pieces(lines, SIZE)
    assert [p.type for p in pieces] == ["list_item", "list_item", "paragraph", "paragraph"]
    assert pieces[3].text.startswith("کتابخانهٔ سیار")


def _ragged_page(page: int, lines: int, last_right: float) -> list[Line]:
    """A page of ``lines`` ragged lines of one paragraph ending a sentence (a page's top
    starts a printed paragraph, as the PDF reader marks it)."""
    text = "The council met on Friday and spoke about the new road for the valley"
    out = [
        _line(text, 70.0 + k * PITCH, right=RIGHT - 10.0 * (k % 3), page=page)
        for k in range(lines - 1)
    ]
    out.append(
        _line("and the farmers went home.", 70.0 + (lines - 1) * PITCH, right=last_right, page=page)
    )
    out[0].para_start = True
    return out


def _next_paragraph(page: int) -> list[Line]:
    text = "Many of them had walked for two hours to reach the meeting in the town"
    out = [_line(text, 70.0 + k * PITCH, page=page) for k in range(3)]
    out.append(_line("and back.", 70.0 + 3 * PITCH, right=120.0, page=page))
    out[0].para_start = True
    return out


def test_a_page_with_room_for_one_more_line_ended_its_paragraph() -> None:
    # the last line of page 2 left little room (too little to be sure the next word fits),
    # but the page had room for one more line, and the next page's paragraph runs three
    # lines: a paragraph that went on would have used that line
    full = _ragged_page(1, 10, 300.0)  # a full page: its last line shows the page's foot
    lines = full + _ragged_page(2, 9, RIGHT - 12.0) + _next_paragraph(3)
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.startswith("Many of them")
    # without the spare line the same page goes on into the next
    lines = full + _ragged_page(2, 10, RIGHT - 12.0) + _next_paragraph(3)
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert "went home. Many of them" in pieces[-1].text


def _page_ended_lines_early(page: int, lines_early: int) -> list[Line]:
    """A page like :func:`_full_page` that stops ``lines_early`` lines above its foot."""
    lines = _full_page(page, last_right=RIGHT)[: 22 - lines_early]
    last = _line("and stops at a sentence.", 70.0 + (22 - lines_early) * PITCH, right=200.0)
    last.page = page
    return [*lines, last]


def test_room_for_two_lines_above_a_short_paragraph_says_the_page_was_ended_by_hand() -> None:
    # three lines left free: the next page's paragraph of two lines would have started
    # (orphan control needs two), so the page was ended by hand in the paragraph
    lines = [*_full_page(1, 330.0), *_page_ended_lines_early(2, 3), *_next_page(3)]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.endswith("stops at a sentence. Another sentence opens on the next "
                                    "page at the edge of the column and ends here.")  # fmt: skip


def test_a_three_line_paragraph_may_move_whole_to_the_next_page() -> None:
    # widow control keeps a three-line paragraph together: three free lines prove nothing
    three = [*_next_page(3)]
    three.insert(1, _line("that goes on for one more line to the margin", 85.0, page=3))
    three[2] = _line("and ends here.", 100.0, right=150.0, page=3)
    lines = [*_full_page(1, 330.0), *_page_ended_lines_early(2, 3), *three]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.startswith("Another sentence")
    # nor does room for just the two lines of a two-line paragraph (no room to spare)
    lines = [*_full_page(1, 330.0), *_page_ended_lines_early(2, 2), *_next_page(3)]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE))
    assert pieces[-1].text.startswith("Another sentence")


def test_a_line_ending_with_an_opening_bracket_is_joined_without_a_space() -> None:
    # a right-to-left caption's line may end with the bracket of its Latin credit
    assert join_lines(["بر درش نشانی می‌گذارند. (", "AP Photo/Rahim Sadat)"]) == (
        "بر درش نشانی می‌گذارند. (AP Photo/Rahim Sadat)"
    )


def test_an_estimated_foot_does_not_count_single_lines_of_room() -> None:
    # two pages: the foot is only estimated from the page's height (a footer may take
    # more room than the header the next page shows), so two or three free lines there
    # prove no page ended by hand; the general bound holds
    lines = [*_page_ended_lines_early(1, 3), *_next_page(2)]
    pieces = join_split_paragraphs(group_pieces(lines, SIZE), page_height=70.0 + 412.0)
    assert pieces[-1].text.startswith("Another sentence")
