"""The QA report in a real browser: Debian's Chromium, headless, driven by Playwright.

The page must open with no console errors and no network requests, show the findings
list and the side-by-side view, scroll to a finding when it is clicked, and filter.
Screenshots are kept in tests/artifacts/ (qa_report.png, qa_report_clicked.png).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.corpora import ROOT
from unterm.files import write as write_report
from unterm.qa.model import Report, Severity

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# what this machine's closed network needs (no background fetches) and a root sandbox
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium installed (Debian package chromium; `make test` installs it as root)",
)


def test_the_report_in_chromium(tmp_path: Path, ares_report: Report) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    page_file = tmp_path / "A_RES_77_173.qa.html"
    write_report(ares_report, page_file)
    ARTIFACTS.mkdir(exist_ok=True)
    problems: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on(
                "console",
                lambda m: (
                    problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None
                ),
            )
            page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.wait_for_function("document.body.dataset.ready === 'yes'")
            page.screenshot(path=str(ARTIFACTS / "qa_report.png"), full_page=False)

            # the findings list and the side-by-side view are there and visible
            rows = page.locator("#findings-list tr.finding")
            assert rows.count() == len(ares_report.findings)
            assert page.locator("#pairs tr.pair").count() == len(ares_report.alignment.pairs)
            assert (
                page.locator("#shown").inner_text()
                == f"{len(ares_report.findings)} of {len(ares_report.findings)} shown"
            )
            assert rows.first.is_visible() and page.locator("#pairs").is_visible()

            # clicking the first finding (73/229 against 73/239) scrolls to its paragraph
            target = f"#p{ares_report.findings[0].pair}"
            assert not _in_view(page, target)
            rows.first.click()
            page.wait_for_timeout(200)
            assert _in_view(page, target)
            assert page.evaluate("location.hash") == target
            assert page.locator("mark.current").all_inner_texts() == ["73/229", "73/239"]
            page.screenshot(path=str(ARTIFACTS / "qa_report_clicked.png"))

            # the severity filter hides the warnings
            page.locator("input[name=severity][value=warning]").uncheck()
            visible = page.locator("#findings-list tr.finding:not(.hidden)")
            assert (
                visible.count() == sum(f.severity is not Severity.WARNING for f in ares_report.findings) == 1
            )
            # and the text filter finds by paragraph
            page.locator("input[name=severity][value=warning]").check()
            page.locator("#text-filter").fill("closing")
            assert visible.count() == 2
        finally:
            browser.close()
    assert problems == []
    assert [u for u in requests if not u.startswith("file://")] == []


def _in_view(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] < height and box["y"] + box["height"] > 0
