"""`unterm serve`: the search page on 127.0.0.1, a search a request, a bad query answered
with the form and the line that says why; and the form used in Chromium."""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import ARTIFACTS, CHROMIUM, FLAGS, NO_CHROMIUM
from unterm.errors import InputError
from unterm.memory.serve import server


@pytest.fixture
def url(bundled: Path) -> Iterator[str]:
    httpd = server(bundled, 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.headers["Content-Security-Policy"], r.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Security-Policy"], err.read().decode("utf-8")


def test_a_search_a_request(url: str) -> None:
    status, csp, page = get(url)
    assert status == 200 and "default-src 'none'" in csp and '<form class="ask"' in page
    status, _, page = get(url + "?" + urllib.parse.urlencode({"q": "新城市议程"}))
    assert status == 200 and "新城市议程 ↔ New Urban Agenda" not in page  # the table, not the line
    assert (
        'value="新城市议程"' in page
        and "26 pairs in 1 document" in page
        and ">New Urban Agenda</span>" in page
    )
    status, _, page = get(url + "?" + urllib.parse.urlencode({"q": '"', "year": "2022"}))
    assert status == 400 and "has no letter, digit or Chinese character to look for" in page
    status, _, page = get(url + "?" + urllib.parse.urlencode({"q": "城市", "year": "twenty"}))
    assert status == 400 and "give a year (2016) or a span of years" in page
    assert get(url + "other")[0] == 404


def test_a_file_that_is_not_a_memory_is_not_served(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("notes", encoding="utf-8")
    with pytest.raises(InputError, match="not an SQLite database"):
        server(text, 0)


@pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)
def test_the_form_in_chromium(url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    problems: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 900})
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.goto(url)
            page.fill("input[name=q]", "Member States")
            page.click(".ask button")
            page.wait_for_function("document.body.dataset.ready === 'yes'")
            assert page.locator("#hits .hit").count() == 8
            assert page.locator("#hits mark.eq").first.inner_text() == "会员国"
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "search_served_phone.png"))
        finally:
            browser.close()
    assert problems == []
