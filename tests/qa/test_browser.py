"""The QA report in a real browser: Debian's Chromium, headless, driven by Playwright,
with a CJK font installed so that the page's Chinese is rendered (`make test` installs
Debian's fonts-noto-cjk).

The page must open with no console errors and no network requests; show the findings
first; find findings by Chinese text, keys and checks; move between findings with j/k
and the arrow keys and jump with Enter; keep a finding marked "not an error" across a
reload and export the list with that mark as CSV, which `unterm qa --ignore` takes; and
fit a 390-pixel phone without horizontal scrolling. Screenshots are kept in
tests/artifacts/ (qa_report.png, qa_report_clicked.png, qa_report_phone.png).
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.support.corpora import ROOT
from tests.support.faults import ARES_PAIR
from unterm.cli import app
from unterm.files import write as write_report
from unterm.lang.languages import Lang
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


def _cjk_font() -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="no Chromium installed (Debian package chromium; `make test` installs it as root)",
    ),
    pytest.mark.skipif(
        not _cjk_font(), reason="no CJK font (Debian package fonts-noto-cjk; `make test` installs it as root)"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Any:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_file(tmp_path: Path, ares_report: Report) -> Path:
    path = tmp_path / "A_RES_77_173.qa.html"
    write_report(ares_report, path)
    ARTIFACTS.mkdir(exist_ok=True)
    return path


class _Watch:
    """A page's console errors, page errors and requests."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))

    def check(self) -> None:
        assert self.problems == []
        assert [u for u in self.requests if not u.startswith(("file://", "blob:"))] == []


def _open(browser: Any, page_file: Path, width: int, height: int) -> tuple[Any, Any, _Watch]:
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    watch = _Watch(page)
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'yes'")
    return context, page, watch


def _in_view(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] < height and box["y"] + box["height"] > 0


def test_findings_first_and_found_by_chinese_text(browser: Any, page_file: Path, ares_report: Report) -> None:
    context, page, watch = _open(browser, page_file, 1400, 900)
    try:
        rows = page.locator("#findings-list tr.finding")
        assert rows.count() == len(ares_report.findings)
        # the one error is on the first screen, above the summary, which lists only the
        # checks that found something
        assert _in_view(page, "#findings-list tr.finding >> nth=0")
        assert page.locator("#findings").bounding_box()["y"] < page.locator("#summary").bounding_box()["y"]
        assert page.locator(".summary tbody tr").all_inner_texts()[0].startswith("references.mismatch")
        assert page.locator(".summary tbody tr").count() == len({f.check for f in ares_report.findings})
        # the keys and checks are not broken inside a word
        for cell in ("td.chk", "td.key"):
            heights = page.eval_on_selector_all(
                f"#findings-list {cell}", "els => els.map(e => e.offsetHeight)"
            )
            assert max(heights) < 2 * min(heights)
        page.screenshot(path=str(ARTIFACTS / "qa_report.png"))

        # a Chinese term finds every finding whose paragraph holds it, in either version
        a = ares_report.alignment
        holding = [
            f
            for f in ares_report.findings
            if "新城市议程" in "".join(a.text(a.pairs[f.pair], Lang.ZH).split())
        ]
        search = page.locator("#text-filter")
        search.fill("新城市议程")
        visible = page.locator("#findings-list tr.finding:not(.hidden)")
        assert visible.count() == len(holding) > 0
        assert page.locator("#shown").inner_text() == f"{len(holding)} of {len(ares_report.findings)} shown"
        # and 2016年 finds 2016 年 (spaces are not compared), a key finds its paragraph,
        # a check's id its findings
        search.fill("73/229")
        assert visible.count() == 1
        search.fill("preambular 13")
        assert visible.count() == sum("preambular 13" in (f.zh_key, f.en_key) for f in ares_report.findings)
        search.fill("typography.spacing")
        assert visible.count() == sum(f.check == "typography.spacing" for f in ares_report.findings)
        search.fill("")
        # the severity filter still works
        page.locator("input[name=severity][value=warning]").uncheck()
        assert visible.count() == sum(f.severity is not Severity.WARNING for f in ares_report.findings)
    finally:
        context.close()
    watch.check()


def test_keyboard_moves_between_findings_and_jumps(
    browser: Any, page_file: Path, ares_report: Report
) -> None:
    context, page, watch = _open(browser, page_file, 1400, 900)
    try:
        current = "#findings-list tr.finding.current"
        page.keyboard.press("j")
        assert page.locator(current).get_attribute("id") == "f1"
        page.keyboard.press("j")
        page.keyboard.press("ArrowDown")
        assert page.locator(current).get_attribute("id") == "f3"
        page.keyboard.press("k")
        page.keyboard.press("ArrowUp")
        assert page.locator(current).get_attribute("id") == "f1"
        # Enter goes to the finding's place: the 73/229 reference, marked on both sides
        target = f"#p{ares_report.findings[0].pair}"
        assert not _in_view(page, target)
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert _in_view(page, target)
        assert page.evaluate("location.hash") == target
        assert page.locator("mark.current").all_inner_texts() == ["73/229", "73/239"]
        page.screenshot(path=str(ARTIFACTS / "qa_report_clicked.png"))
        # typing in the search box is typing, not moving
        page.locator("#text-filter").fill("")
        page.locator("#text-filter").press("j")
        assert page.locator("#text-filter").input_value() == "j"
    finally:
        context.close()
    watch.check()


def test_marking_not_an_error_and_exporting(
    browser: Any, page_file: Path, ares_report: Report, tmp_path: Path
) -> None:
    context, page, watch = _open(browser, page_file, 1400, 900)
    marked = ares_report.findings[1]
    try:
        page.locator("#f2 button.mark").click()
        assert "marked" in (page.locator("#f2").get_attribute("class") or "")
        # kept in the page's local storage: still marked after a reload
        page.reload()
        page.wait_for_function("document.body.dataset.ready === 'yes'")
        assert page.locator("#f2 button.mark").get_attribute("aria-pressed") == "true"
        page.locator("#hide-marked").check()
        assert page.locator("#findings-list tr.finding:not(.hidden)").count() == len(ares_report.findings) - 1
        with page.expect_download() as download:
            page.locator("#export").click()
        exported = tmp_path / download.value.suggested_filename
        download.value.save_as(exported)
    finally:
        context.close()
    watch.check()
    assert exported.name == "A_RES_77_173.marks.csv"
    with open(exported, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(ares_report.findings)
    assert [r["id"] for r in rows if r["mark"] == "not an error"] == [marked.id]
    assert rows[0]["zh_excerpt"] == "73/229"  # the Chinese comes back as it was

    # a re-run with the exported marks leaves that finding out, and says so
    out = tmp_path / "again.csv"
    result = CliRunner().invoke(
        app, ["qa", *map(str, ARES_PAIR), "--ignore", str(exported), "-o", str(out), "-q"]
    )
    assert result.exit_code == 1, result.stderr  # the 73/229 error is still there
    with open(out, encoding="utf-8-sig", newline="") as f:
        again = [r["id"] for r in csv.DictReader(f)]
    assert again == [f.id for f in ares_report.findings if f is not marked]


def test_a_phone_gets_one_column(browser: Any, page_file: Path, ares_report: Report) -> None:
    context, page, watch = _open(browser, page_file, 390, 844)
    try:
        page.screenshot(path=str(ARTIFACTS / "qa_report_phone.png"))
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1] == 390  # no horizontal scrolling
        wider = page.evaluate(
            "Array.from(document.querySelectorAll('body *'))"
            ".filter(e => e.getBoundingClientRect().right > 390.5).map(e => e.tagName + '.' + e.className)"
        )
        assert wider == []
        # the side-by-side text stacks: the Chinese above the English, each the page's width
        pair = f"#p{ares_report.findings[0].pair}"
        zh = page.locator(f"{pair} td.zh").bounding_box()
        en = page.locator(f"{pair} td.en").bounding_box()
        assert zh["y"] + zh["height"] <= en["y"] and zh["width"] > 300 and en["width"] > 300
        # and its Chinese is there to read (the page shows the DOM's text, in a CJK font)
        assert "73/229" in page.locator(f"{pair} td.zh").inner_text()
        assert "认识到" in page.locator(f"{pair} td.zh").inner_text()
        page.locator("#findings-list tr.finding >> nth=0").click()
        page.wait_for_timeout(300)
        assert _in_view(page, f"{pair} mark.current >> nth=0")
    finally:
        context.close()
    watch.check()
