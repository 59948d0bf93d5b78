"""The citation field as a reader uses it, in Chromium with JavaScript switched off:
click the field, select all, copy, and the clipboard holds the whole citation line —
the copy "button" needs no script. Also: the field cannot be typed into, and the Dari
interface shows it right to left."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import PASHTO_ID
from .test_browser import browser  # noqa: F401  (the module's Chromium, reused)

pytestmark = pytest.mark.browser


def copy_citation(chromium: Any, live: str, path: str, label: str) -> tuple[str, str, Any]:
    """(the field's text, what the clipboard got, the field's selection) on ``path``."""
    context = chromium.new_context(java_script_enabled=False)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live)
    try:
        page = context.new_page()
        page.goto(live + path)
        field = page.get_by_label(label)
        field.click()
        page.keyboard.press("Control+A")
        page.keyboard.press("Control+C")
        page.keyboard.type("typed")  # read-only: nothing changes
        selection = field.evaluate("e => [e.selectionStart, e.selectionEnd, e.value.length]")
        # the page runs no script; Playwright's own evaluation still reads the clipboard
        copied = page.evaluate("navigator.clipboard.readText()")
        return field.input_value(), copied, (selection, field.evaluate("e => e.dir"))
    finally:
        context.close()


def test_the_citation_copies_without_javascript(browser: Any, live: str) -> None:  # noqa: F811
    text, copied, (selection, direction) = copy_citation(
        browser, live, f"/article/{PASHTO_ID}", "Chicago style"
    )
    assert "Translated by" in text and "typed" not in text
    assert f"/article/{PASHTO_ID}/v/1" in text
    assert copied == text and selection == [0, len(text), len(text)]
    assert direction == "ltr"


def test_the_dari_citation_copies_right_to_left(browser: Any, live: str) -> None:  # noqa: F811
    text, copied, (_selection, direction) = copy_citation(
        browser, live, f"/article/{PASHTO_ID}?ui=fa", "شیوهٔ شیکاگو"
    )
    assert "ترجمهٔ" in text and copied == text and direction == "rtl"
