"""The site as a person uses it, in Debian's Chromium driven by Playwright: searching,
reading Dari, the mirrored Dari interface, a phone-sized screen, the keyboard alone,
and axe-core's accessibility rules. Screenshots go to ``tests/screenshots/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import AXE, CHROMIUM, CHROMIUM_ARGS, DARI_ID, PASHTO_ID, SCREENSHOTS, unavailable

pytestmark = pytest.mark.browser

FOCUSABLE = 'a[href], button, input:not([type=hidden]), summary, [tabindex]:not([tabindex="-1"])'
MAIN_PAGES = [
    "/",
    "/search?q=flood",
    "/search?q=%22unclosed",
    f"/article/{DARI_ID}",
    f"/article/{PASHTO_ID}",
    "/article/gj-989e475e5abc155a",
    "/section/dari",
    "/browse",
    "/browse/solar/1402",
    "/about",
    "/article/gj-none",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    # the Content-Security-Policy must block nothing the site itself uses
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: problems.append(str(e)))
    tab.problems = problems
    yield tab
    context.close()


def shoot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_search_from_home_to_an_article_and_back(page: Any, live: str) -> None:
    page.goto(live + "/")
    shoot(page, "home")
    page.get_by_role("searchbox", name="Search the archive").fill("flood relief")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=flood+relief")
    assert page.locator("ol.hit-list > li").count() >= 1
    assert page.locator("ol.hit-list mark").count() >= 1
    shoot(page, "search")
    first = page.locator("ol.hit-list > li h2 a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url("**/article/gj-*")
    assert page.locator("h1").inner_text() == title
    page.go_back()
    page.wait_for_url("**/search?q=flood+relief")
    assert page.get_by_role("searchbox", name="Search the archive").input_value() == "flood relief"
    assert page.problems == []


def test_dari_article_is_right_to_left_and_shaped(page: Any, live: str) -> None:
    page.goto(f"{live}/article/{DARI_ID}?ui=fa")
    page.evaluate("document.fonts.ready")
    body = page.locator(".article-body")
    assert body.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # the first paragraph starts at the right edge of the text column
    column = body.bounding_box()
    first = page.locator(".article-body p").first
    first_line = first.evaluate(
        "e => { const r = document.createRange(); r.setStart(e.firstChild, 0);"
        " r.setEnd(e.firstChild, 1); return r.getBoundingClientRect().right; }"
    )
    assert abs(first_line - (column["x"] + column["width"])) < 4
    # shaped: joined letters are narrower than the same letters kept apart with ZWNJ,
    # which only happens when a shaping engine picks the contextual forms
    widths = page.evaluate(
        """() => {
          const probe = (text) => {
            const s = document.createElement('span');
            s.lang = 'fa-AF'; s.textContent = text;
            document.querySelector('.article-body').appendChild(s);
            const w = s.getBoundingClientRect().width; s.remove(); return w;
          };
          return [probe('بببببب'), probe('ب\u200cب\u200cب\u200cب\u200cب\u200cب')];
        }"""
    )
    assert widths[0] < widths[1] * 0.8, widths
    # and drawn with the web font served by the site, not a fallback
    fonts = page.evaluate(
        "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Noto Sans Arabic" in f for f in fonts), fonts
    shoot(page, "article-dari")
    assert page.problems == []


def test_dari_interface_mirrors(page: Any, live: str) -> None:
    page.goto(live + "/about")
    english = page.locator(".brand").bounding_box()
    page.get_by_role("link", name="دری").click()
    page.wait_for_url("**/about")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "fa-AF"
    brand = page.locator(".brand").bounding_box()
    switch = page.locator(".ui-switch").bounding_box()
    width = page.viewport_size["width"]
    # the brand moves from the left edge to the right edge, the switch the other way
    assert english["x"] < width / 2 < brand["x"] and switch["x"] < brand["x"]
    nav = page.locator(".site-nav li")
    assert nav.nth(0).bounding_box()["x"] > nav.nth(1).bounding_box()["x"]
    shoot(page, "about-dari-interface")
    page.goto(f"{live}/search?q=زعفران")
    assert page.locator("h1").inner_text() == "جستجو"
    shoot(page, "search-dari-interface")
    page.get_by_role("link", name="English").click()
    assert page.evaluate("document.documentElement.dir") == "ltr"


@pytest.mark.parametrize("ui", ["en", "fa"])
def test_no_horizontal_overflow_on_a_phone(browser: Any, live: str, ui: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        for path in MAIN_PAGES:
            sep = "&" if "?" in path else "?"
            page.goto(f"{live}{path}{sep}ui={ui}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (path, overflow)
        if ui == "fa":
            page.goto(f"{live}/article/{DARI_ID}?ui=fa")
            shoot(page, "article-dari-phone")
    finally:
        context.close()


def test_everything_reachable_by_keyboard(page: Any, live: str) -> None:
    for path in ("/", "/search?q=water", f"/article/{DARI_ID}", "/about?ui=fa"):
        page.goto(live + path)
        focusable = page.evaluate(
            """() => [...document.querySelectorAll(SELECTOR)]
                 .filter(e => e.offsetParent !== null || e.classList.contains('skip'))
                 .map(e => e.outerHTML)""".replace("SELECTOR", repr(FOCUSABLE))
        )
        reached = []
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        for _ in range(len(focusable) + 5):
            if page.evaluate("document.activeElement === document.body"):
                break  # past the last element: the tab order has ended
            reached.append(page.evaluate("document.activeElement.outerHTML"))
            # and each element shows that it has the focus
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", reached[-1]
            page.keyboard.press("Tab")
        missing = [f for f in focusable if f not in reached]
        assert missing == [], (path, missing[:3])
    # the skip link moves focus to the main content
    page.goto(live + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_axe_finds_no_serious_problem(browser: Any, live: str) -> None:
    if not AXE.exists():
        unavailable(f"axe-core is not installed: npm ci --prefix {AXE.parents[2]}")
    # axe is injected as a script; the site's own policy forbids every script, so this
    # one context (and only it) is told to ignore the policy
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    source = AXE.read_text(encoding="utf-8")
    failures = []
    try:
        for path in MAIN_PAGES:
            for ui in ("en", "fa"):
                sep = "&" if "?" in path else "?"
                page.goto(f"{live}{path}{sep}ui={ui}")
                page.add_script_tag(content=source)
                result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
                for v in result["violations"]:
                    if v["impact"] in ("serious", "critical"):
                        where = [n["target"] for n in v["nodes"][:3]]
                        failures.append(f"{path} [{ui}] {v['id']}: {v['help']} {where}")
    finally:
        context.close()
    assert failures == []


def test_csp_blocks_nothing_of_ours(page: Any, live: str) -> None:
    for path in MAIN_PAGES[:6]:
        page.goto(live + path)
    errors = [p for p in page.problems if "Content Security Policy" in p]
    assert errors == []


def test_names_keep_their_order_in_the_other_direction(page: Any, live: str) -> None:
    """Three Dari authors in the English interface: first name leftmost, as the
    English line runs; each name still reads right to left inside itself."""
    page.goto(f"{live}/section/dari")
    names = page.locator(".article-list li").first.locator(".meta span[dir=rtl]")
    assert names.count() == 3
    xs = [names.nth(i).bounding_box()["x"] for i in range(3)]
    ys = [names.nth(i).bounding_box()["y"] for i in range(3)]
    assert all(xs[i] < xs[i + 1] or ys[i] < ys[i + 1] for i in range(2)), (
        xs
    )  # left to right, or on a later line
