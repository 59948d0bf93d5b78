"""An editor's day at the desk in Debian's Chromium, in the Dari interface and with
JavaScript switched off (the desk needs none): sign in, upload a Word file, mend the
date the reader could not read, preview, publish, find it in the site's search,
correct it, withdraw it. Screenshots of each step go to ``tests/screenshots/desk-*``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ganjina.web import create_app

from .conftest import PASSWORD, LiveServer, make_desk_archive
from .desk_files import DATE_AS_PRINTED, MISTYPED_DATE, dari_docx_with_a_mistyped_date
from .test_browser import browser, shoot  # noqa: F401  (the fixture, shared)

pytestmark = pytest.mark.browser
ZWNJ = "\u200c"


def _done(what: str) -> re.Pattern[str]:
    """The address a finished step redirects to. A regular expression, not a glob:
    Playwright's globs changed meaning between allowed versions (in 1.55 a leading
    ``**`` not followed by ``/`` matches no ``/``; in 1.65 it matches any text)."""
    return re.compile(r".*\?done=" + what + "$")


@pytest.fixture(scope="module")
def desk_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    archive = make_desk_archive(tmp_path_factory.mktemp("desk-browser") / "archive")
    with LiveServer(create_app(archive)) as server:
        yield server.url
    archive.close()


@pytest.fixture
def editor(browser: Any) -> Iterator[Any]:  # noqa: F811
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False, locale="fa-AF"
    )
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    tab.problems = problems
    yield tab
    context.close()


def mirrored(page: Any) -> None:
    """The page is the Dari interface, laid out right to left."""
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "fa-AF"
    h1 = page.locator("h1").first.bounding_box()
    width = page.viewport_size["width"]
    assert h1["x"] + h1["width"] > width / 2  # the heading stands at the right


def test_the_whole_flow_in_dari_without_javascript(
    editor: Any, desk_site: str, tmp_path: Path
) -> None:
    page = editor
    # -- sign in: Accept-Language asks for Dari
    page.goto(desk_site + "/desk/")
    page.wait_for_url("**/desk/login?next=*")
    mirrored(page)
    page.get_by_label("نام حساب").fill("nadia")
    page.get_by_label("رمز", exact=True).fill(PASSWORD)
    shoot(page, "desk-1-sign-in")
    page.get_by_role("button", name="ورود").click()
    page.wait_for_url(desk_site + "/desk/")
    assert "nadia" in page.locator(".who").inner_text()

    # -- upload the Word file
    page.get_by_role("link", name="آغاز پیش" + ZWNJ + "نویس تازه").click()
    # (without waiting, a loaded machine can look at the page mid-navigation: no document)
    page.wait_for_url(desk_site + "/desk/new")
    mirrored(page)
    upload = tmp_path / "زعفران.docx"
    upload.write_bytes(dari_docx_with_a_mistyped_date())
    page.get_by_label("فایل", exact=True).set_input_files(str(upload))
    shoot(page, "desk-2-new-draft")
    page.get_by_role("button", name="بارگذاری و خواندن").click()
    page.wait_for_url(re.compile(r".*/desk/drafts/d-[0-9a-f]{16}$"))
    draft_url = page.url
    mirrored(page)
    title = page.get_by_label("عنوان", exact=True)
    assert title.input_value().startswith("زعفران هرات") and ZWNJ in title.input_value()
    assert title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # the reader's warning stands beside the date it could not read
    date_field = page.locator("#f-date")
    assert "تاریخی ندارد" in date_field.inner_text()
    # the lines it could not place start the body, and the warning beside it quotes them
    assert MISTYPED_DATE in page.locator("#block-0-text").input_value()
    assert MISTYPED_DATE in " ".join(page.locator("#f-body .field-warning").all_inner_texts())
    shoot(page, "desk-3-draft-as-read")

    # -- mend the date, save, preview
    page.get_by_label("تاریخ", exact=True).fill(DATE_AS_PRINTED)
    page.get_by_label("نویسندگان، هر کدام در یک سطر").fill("مریم توانا")
    page.locator("#block-0-text").fill("")  # an emptied box: the stray lines go
    page.get_by_role("button", name="ذخیره و پیش" + ZWNJ + "نمایش").click()
    page.wait_for_url("**/preview")
    mirrored(page)
    images = page.locator(".page-image img")
    assert images.count() >= 1
    loaded = images.first.evaluate("e => e.complete && e.naturalWidth > 300")
    assert loaded
    shoot(page, "desk-4-preview")
    page.goto(draft_url)
    assert "۲۳ سرطان ۱۴۰۳" in page.locator(".both-calendars").inner_text()
    assert "جولای ۲۰۲۴" in page.locator(".both-calendars").inner_text()
    page.goto(draft_url + "/preview")

    # -- publish, and find it on the site
    page.get_by_role("button", name="نشر", exact=True).click()
    page.wait_for_url(_done("published"))
    assert "نشر شد" in page.locator(".done").inner_text()
    shoot(page, "desk-5-published")
    page.get_by_role("link", name="مقاله در سایت").click()
    page.wait_for_url("**/article/gj-*")
    article_url = page.url
    article_id = article_url.rsplit("/", 1)[1]
    assert page.locator("h1").inner_text().startswith("زعفران هرات")
    page.goto(desk_site + "/search?q=زعفران غوریان")
    hits = page.locator("ol.hit-list > li")
    assert hits.count() == 1 and article_id in hits.first.locator("a").first.get_attribute("href")
    mirrored(page)
    shoot(page, "desk-6-found-in-search")

    # -- correct it: a new version, the first one listed
    page.goto(f"{desk_site}/desk/articles/{article_id}")
    page.get_by_role("button", name="اصلاح آن").click()
    page.wait_for_url(draft_url)
    first_block = page.locator("#block-0-text")
    first_block.fill(first_block.input_value() + " این جمله در اصلاحیه افزوده شد.")
    page.get_by_label("چه تغییر کرد (برای تاریخچه)").fill("یک جمله افزوده شد")
    page.get_by_role("button", name="ذخیره و پیش" + ZWNJ + "نمایش").click()
    page.wait_for_url("**/preview")
    page.get_by_role("button", name="نشر اصلاحیه").click()
    page.wait_for_url(_done("corrected"))
    page.goto(f"{desk_site}/desk/articles/{article_id}")
    versions = page.locator("#versions-h + ol > li")
    assert versions.count() == 2
    assert "نسخهٔ ۲" in versions.nth(0).inner_text() and "نسخهٔ ۱" in versions.nth(1).inner_text()
    shoot(page, "desk-7-corrected-history")
    page.goto(article_url)
    assert "اصلاحیه افزوده شد" in page.locator(".article-body").inner_text()

    # -- withdraw it: gone from the site and the search, kept at the desk
    page.goto(f"{desk_site}/desk/articles/{article_id}")
    page.get_by_label("چرا پس گرفته می" + ZWNJ + "شود (در تاریخچه می" + ZWNJ + "ماند)").fill(
        "تکرار یک مقالهٔ دیگر"
    )
    page.get_by_role("button", name="پس گرفتن آن").click()
    page.wait_for_url(f"**/desk/articles/{article_id}")
    assert "پس" + ZWNJ + "گرفته" in page.locator(".status").first.inner_text()
    shoot(page, "desk-8-withdrawn")
    gone = page.goto(article_url)
    assert gone.status == 410
    mirrored(page)
    shoot(page, "desk-9-withdrawn-on-the-site")
    page.goto(desk_site + "/search?q=زعفران غوریان")
    assert page.locator("ol.hit-list > li").count() == 0
    # nothing the pages use was blocked (the 410 of the withdrawn page is the only error)
    assert [p for p in page.problems if "410" not in p] == []


def test_the_desk_on_a_phone_in_pashto(browser: Any, desk_site: str) -> None:  # noqa: F811
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(desk_site + "/ui/ps?next=/desk/login")
        page.get_by_label("د حساب نوم").fill("zarlasht")
        page.get_by_label("پټنوم", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="ننوتل").click()
        page.wait_for_url(desk_site + "/desk/")
        assert page.evaluate("document.documentElement.lang") == "ps"
        for path in ("/desk/", "/desk/new", "/desk/account"):
            page.goto(desk_site + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (path, overflow)
        page.goto(desk_site + "/desk/new")
        shoot(page, "desk-pashto-phone")
    finally:
        context.close()
