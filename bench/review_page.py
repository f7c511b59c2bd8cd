"""How fast the review page is on a long document: the UDHR repeated to 2,040 pairs.

Opens the page in Debian's Chromium (headless, through Playwright) and reports, each the
median of a few loads at desktop and at phone width: the time until the script has
drawn every pair (`readyAt`, from navigation start), the first contentful paint, the
wall time of the load as Playwright sees it, and the time one join, its undo and a TMX
export take (from the click until the layout is done).

usage: python -m bench.review_page [--copies N] [--loads N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import unterm
from tests.support.browser import CHROMIUM, FLAGS
from tests.support.corpora import UDHR
from tests.support.render import udhr_paragraphs

_TIMED = """(act) => {
  const t = performance.now();
  if (act === 'tmx') { window.unterm.tmx(); }
  else { document.querySelector(act).click(); }
  document.body.offsetHeight;
  return performance.now() - t;
}"""


def make_page(folder: Path, copies: int) -> tuple[Path, int, float]:
    """The UDHR repeated `copies` times, aligned and written as a review page."""
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        paras = udhr_paragraphs(UDHR / name)
        (folder / f"{side}.txt").write_text("\n".join(paras * copies) + "\n", encoding="utf-8")
    alignment = unterm.align(folder / "zh.txt", folder / "en.txt")
    start = time.perf_counter()
    unterm.write(alignment, folder / "big.html")
    return folder / "big.html", len(alignment.pairs), time.perf_counter() - start


def measure(browser: Any, page_file: Path, width: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(page_file.as_uri())
    page.wait_for_function("document.body.dataset.ready === 'yes'")
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    wall = time.perf_counter() - start
    out = {
        "ready ms": float(page.evaluate("Number(document.body.dataset.readyAt)")),
        "first paint ms": float(
            page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        ),
        "load wall s": wall,
    }
    page.locator(f"#pairs > li:nth-child({page.evaluate('window.unterm.pairs()') // 2}) .key").click()
    out["join ms"] = page.evaluate(_TIMED, "#pairs > li.current button[data-act=join-next]")
    out["undo ms"] = page.evaluate(_TIMED, "#undo")
    out["TMX export ms"] = page.evaluate(_TIMED, "tmx")
    context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=34, help="copies of the UDHR (34: 2,040 pairs)")
    parser.add_argument("--loads", type=int, default=5, help="loads per width; the median is shown")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_file, pairs, writing = make_page(Path(tmp), args.copies)
        print(f"{pairs} pairs; page {page_file.stat().st_size / 1e6:.2f} MB, written in {writing:.2f} s")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for width in (1400, 390):
                runs = [measure(browser, page_file, width) for _ in range(args.loads)]
                shown = ", ".join(f"{k} {statistics.median(r[k] for r in runs):.2f}" for k in runs[0])
                print(f"{width} px: {shown}")
            browser.close()


if __name__ == "__main__":
    main()
