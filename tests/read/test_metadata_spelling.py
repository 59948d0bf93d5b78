"""A document's metadata spells a title or an attribution the page also prints: the
record takes the metadata's letters (its ZWNJ and hamza survive), in linear time."""

from __future__ import annotations

import time

from ganjina.house.recognize import _respell


def test_the_span_of_the_metadata_that_loosely_equals_the_fragment() -> None:
    # the text layer lost the ZWNJ; the metadata kept it, and its stops stay outside
    assert _respell("کتابها", "از: کتاب\u200cها، ۱۴۰۲") == "کتاب\u200cها"
    assert _respell("Kabul Times", "Source: the Kabul Times, 2021.") == "Kabul Times"
    assert _respell("Strasse", "aus der Straße.") == "Straße"  # ß folds to two letters
    assert _respell("tra", "Straße") == "tra"
    assert _respell("ssen", "Straßen") == "ßen"
    assert _respell("sen", "Straßen") == "sen"  # half of the ß is no span: as it was
    assert _respell("Nowhere", "Somewhere else") == "Nowhere"  # not found: as it was
    assert _respell("...", "anything") == "..."


def test_long_metadata_costs_linear_time() -> None:
    # a subject of 20,000 letters whose match sits at its end: the span-by-span search
    # took minutes (cubic in the length); one pass takes milliseconds
    exact = "ab " * 20_000 + "the Kabul Times"
    started = time.process_time()
    assert _respell("Kabul Times", exact) == "Kabul Times"
    assert time.process_time() - started < 2
