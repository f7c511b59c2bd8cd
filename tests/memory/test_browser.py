"""The search results page in a real browser (Debian's Chromium, headless, Playwright)
at desktop width (1366 px) and a phone's (390 px): it opens with no console error and no
network request, fits a phone with no sideways scrolling, shows the KWIC line on a wide
screen and the wrapped sentence on a phone, filters the pairs by rendering and by text,
and opens a pair. Screenshots are kept in tests/artifacts/ (search_*.png)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import unterm
from tests.support.browser import ARTIFACTS, CHROMIUM, FLAGS, NO_CHROMIUM

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)


def open_page(browser: Any, page_file: Path, width: int, problems: list[str], requests: list[str]) -> Any:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'yes'")
    return page


def test_the_results_page_at_desktop_and_phone_width(bundled: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    results = unterm.search(bundled, "城市", limit=200)
    assert len(results.renderings) >= 3
    page_file = tmp_path / "results.html"
    unterm.write(results, page_file)
    fuzzy_file = tmp_path / "fuzzy.html"
    sentence = "指出《2015-2030年仙台减少灾害风险框架》有助于执行《新城市议程》。"
    unterm.write(unterm.search(bundled, sentence, fuzzy=True), fuzzy_file)
    ARTIFACTS.mkdir(exist_ok=True)
    problems: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            for width, name in ((1366, "desktop"), (390, "phone")):
                page = open_page(browser, page_file, width, problems, requests)
                page.screenshot(path=str(ARTIFACTS / f"search_{name}.png"))
                hits = page.locator("#hits .hit")
                assert hits.count() == len(results.hits)
                assert (
                    page.locator("#shown").inner_text()
                    == f"{len(results.hits)} of {len(results.hits)} pairs shown"
                )
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, (name, scroll)
                first = hits.first
                kwic, sentence_line = first.locator(".kwic"), first.locator(".sent")
                if name == "desktop":
                    assert kwic.is_visible() and not sentence_line.is_visible()
                    # the match sits in a column of its own: the same x in every line
                    xs = {
                        round(page.locator("#hits .hit .kwic mark").nth(k).bounding_box()["x"])
                        for k in range(5)
                    }
                    assert len(xs) == 1, xs
                else:
                    assert sentence_line.is_visible() and not kwic.is_visible()
                assert first.locator("mark.q").first.inner_text() == "城市"
                # a rendering shows its pairs only, and again all
                second = results.renderings[1]
                page.locator('#renderings button[data-r="1"]').click()
                assert (
                    page.locator("#shown").inner_text()
                    == f"{min(second.pairs, len(results.hits))} of {len(results.hits)} pairs shown"
                )
                visible = page.locator("#hits .hit:not([hidden]) mark.eq")
                assert {visible.nth(k).inner_text() for k in range(visible.count())} == {second.text}
                page.screenshot(path=str(ARTIFACTS / f"search_{name}_rendering.png"))
                page.locator("#clear").click()
                page.fill("#filter", "habitat")
                shown = page.locator("#hits .hit:not([hidden])")
                assert 0 < shown.count() < len(results.hits)
                assert all("habitat" in shown.nth(k).inner_text().lower() for k in range(shown.count()))
                page.fill("#filter", "")
                # a tap opens a pair: its whole sentence, its other side unclamped
                first.click()
                assert "open" in (first.get_attribute("class") or "") and sentence_line.is_visible()
                page.close()
                fuzzy = open_page(browser, fuzzy_file, width, problems, requests)
                assert fuzzy.locator(".pct").first.inner_text() == "93%"
                assert fuzzy.locator("mark.diff").first.inner_text() == "可"
                assert fuzzy.evaluate("document.documentElement.scrollWidth") <= width
                fuzzy.screenshot(path=str(ARTIFACTS / f"search_fuzzy_{name}.png"))
                fuzzy.close()
        finally:
            browser.close()
    assert problems == []
    assert all(r.startswith("file://") for r in requests), requests
