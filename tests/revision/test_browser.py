"""The revision report in a real browser: Debian's Chromium, headless, driven by
Playwright, at desktop width and at a phone's (390 px).

The page must open with no console errors and no network requests, fit a phone's width
with no sideways scrolling, jump to a paragraph from the most revised list and from the
chart, filter by kind of change and text, show the draft or the final, and go from change
to change with `n` and `p`. Screenshots are kept in tests/artifacts/ (revision_*.png).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.qa.test_browser import ARTIFACTS, CHROMIUM, FLAGS
from unterm.files import write
from unterm.revision import Change, RevisedPair, Revision

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium installed (Debian package chromium; `make test` installs it as root)",
)


def open_page(
    browser: Any, page_file: Path, width: int, height: int, problems: list[str], requests: list[str]
) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'yes'")
    return page


def word_pair(pairs: tuple[RevisedPair, ...]) -> int:
    return next(k for k, q in enumerate(pairs) if q.edits and q.edits[0].final == "核")


def in_view(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] < height and box["y"] + box["height"] > 0


def test_the_revision_report_in_chromium(tmp_path: Path, ares_revision: Revision) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    page_file = tmp_path / "A_RES_77_173.revision.html"
    write(ares_revision, page_file)
    ARTIFACTS.mkdir(exist_ok=True)
    pairs = ares_revision.pairs
    changed = [k for k, p in enumerate(pairs) if p.changed]
    problems: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = open_page(browser, page_file, 1400, 900, problems, requests)
            page.screenshot(path=str(ARTIFACTS / "revision_report.png"))
            assert page.locator("tr.pair").count() == len(pairs)
            assert page.locator("#shown").inner_text() == f"{len(pairs)} of {len(pairs)} pairs shown"
            assert page.locator("svg rect").count() == len(pairs)

            # the most revised paragraph, clicked, comes into view
            top = pairs.index(ares_revision.most_revised()[0])
            assert not in_view(page, f"#p{top}")
            page.locator("tr.go").first.click()
            page.wait_for_timeout(200)
            assert in_view(page, f"#p{top}") and page.evaluate("location.hash") == f"#p{top}"
            page.screenshot(path=str(ARTIFACTS / "revision_report_clicked.png"))

            # a bar of the chart leads to its pair (the deleted paragraph's)
            gone = next(k for k, q in enumerate(pairs) if q.change is Change.DELETED)
            page.evaluate("window.scrollTo(0, 0)")
            page.locator(f'svg a[href="#p{gone}"]').click()
            page.wait_for_timeout(200)
            assert in_view(page, f"#p{gone}")
            assert page.locator(f"#p{gone} del").inner_text() == pairs[gone].draft_text

            # n and p go from change to change
            page.evaluate("window.scrollTo(0, 0)")
            page.keyboard.press("n")
            page.wait_for_timeout(150)
            assert page.evaluate("location.hash") == f"#p{changed[0]}"
            page.keyboard.press("n")
            page.wait_for_timeout(150)
            assert page.evaluate("location.hash") == f"#p{changed[1]}"
            page.keyboard.press("p")
            page.wait_for_timeout(150)
            assert page.evaluate("location.hash") == f"#p{changed[0]}"

            # only the changed paragraphs; then only the moves; then a text
            page.locator("#only-changed").check()
            assert page.locator("tr.pair:visible").count() == len(changed)
            page.locator("#only-changed").uncheck()
            page.locator("button.badge.moved").click()
            assert page.locator("tr.pair:visible").count() == 2
            for kind in Change:
                page.locator(f"input[name=change][value={kind.value}]").check()
            page.locator("#text-filter").fill("核可")
            # (the word's pair, and the deleted paragraph, whose draft had 核可 too)
            found = [k for k, q in enumerate(pairs) if "核可" in q.draft_text + q.final_text]
            assert len(found) == 2 and word_pair(pairs) in found
            assert page.locator("tr.pair:visible").count() == len(found)
            page.locator("#text-filter").fill("")

            # the final alone: insertions shown as text, deletions hidden
            word = word_pair(pairs)
            page.locator("input[name=view][value=final]").check()
            assert page.locator(f"#p{word} td.text").inner_text() == pairs[word].final_text
            page.locator("input[name=view][value=draft]").check()
            assert page.locator(f"#p{word} td.text").inner_text() == pairs[word].draft_text

            phone = open_page(browser, page_file, 390, 844, problems, requests)
            # nothing wider than the phone: no sideways scrolling
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
            phone.screenshot(path=str(ARTIFACTS / "revision_report_phone.png"))
            phone.locator("tr.go").first.click()
            phone.wait_for_timeout(200)
            assert in_view(phone, f"#p{top}")
            assert phone.evaluate("document.documentElement.scrollWidth") <= 390
            phone.screenshot(path=str(ARTIFACTS / "revision_report_phone_pair.png"))
        finally:
            browser.close()
    assert problems == []
    assert [u for u in requests if not u.startswith("file://")] == []
