"""The review page in a real browser (Debian's Chromium, headless, through Playwright):
each edit made with the page's own buttons and keys, the memory it exports checked
against the one expected, kept over a reload, undone back to the aligner's memory; the
phone layout checked for horizontal overflow. One browser for the module.

Screenshots are kept in tests/artifacts/ (review_*.png).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import unterm
from tests.support.browser import ARTIFACTS, CHROMIUM, FLAGS, NO_CHROMIUM
from tests.support.corpora import ARES
from tests.support.memory import (
    confirmed,
    edited,
    expected_units,
    joined,
    tmx_signature,
    tmx_units,
    unsigned,
)
from unterm.align.model import Alignment, Row
from unterm.align.paragraphs import align_files
from unterm.align.rows import signature
from unterm.align.split import split_en, split_zh
from unterm.files import write as write_alignment
from unterm.signature import Input, Signature, digest

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)

# each pair as the page shows it: its Chinese and English blocks, and its review mark
_STATE = """() => Array.from(document.querySelectorAll('#pairs > li')).map(li => [
  Array.from(li.querySelectorAll('.zh .seg')).map(s => s.textContent).join(''),
  Array.from(li.querySelectorAll('.en .seg')).map(s => s.textContent).join(' '),
  li.classList.contains('edited') ? 'edited' : li.classList.contains('confirmed') ? 'confirmed' : ''])"""
# how far the page, or any pair's content, reaches past the window's width: measured with
# every pair rendered (the page skips rendering the pairs off screen, which would clip them)
_OVERFLOW = """() => {
  const all = document.createElement('style');
  all.textContent = '.pair{content-visibility:visible !important}';
  document.head.appendChild(all);
  const page = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth;
  const pairs = Array.from(document.querySelectorAll('#pairs > li')).map(li => li.scrollWidth - li.clientWidth);
  all.remove();
  return Math.max(page, ...pairs);
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a test extra")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


class Page:
    """One review page in its own browser profile, and what a reviser does on it."""

    def __init__(self, browser: Any, path: Path, width: int = 1400, height: int = 900) -> None:
        phone = width < 500
        self.context = browser.new_context(
            viewport={"width": width, "height": height},
            accept_downloads=True,
            has_touch=phone,
            is_mobile=phone,
        )
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page.on(
            "console", lambda m: self.problems.append(m.text) if m.type in ("error", "warning") else None
        )
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.as_uri())
        self.ready()
        self.phone = phone

    def ready(self) -> None:
        self.page.wait_for_function("document.body.dataset.ready === 'yes'")

    def close(self) -> None:
        self.context.close()
        assert self.problems == []
        assert [u for u in self.requests if not u.startswith(("file://", "blob:"))] == []

    def state(self) -> list[list[str]]:
        result: list[list[str]] = self.page.evaluate(_STATE)
        return result

    def pair(self, n: int) -> Any:
        return self.page.locator(f"#pairs > li:nth-child({n})")

    def select(self, n: int) -> None:
        key = self.pair(n).locator(".key")
        key.tap() if self.phone else key.click()
        assert self.current() == n

    def current(self) -> int:
        number: str = self.page.locator("#pairs > li.current .n").inner_text()
        return int(number)

    def tool(self, act: str, **data: str) -> None:
        chosen = "".join(f'[data-{k}="{v}"]' for k, v in data.items())
        button = self.page.locator(f'#pairs > li.current button[data-act="{act}"]{chosen}')
        button.tap() if self.phone else button.click()

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def export(self, what: str) -> bytes:
        with self.page.expect_download() as download:
            self.page.locator(f'.bar button[data-act="export-{what}"]').click()
        return Path(download.value.path()).read_bytes()

    def overflow(self) -> int:
        result: int = self.page.evaluate(_OVERFLOW)
        return result

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"review_{name}.png"))


def shown(rows: list[Row]) -> list[list[str]]:
    return [[r.zh, r.en, r.reviewed.value] for r in rows]


def run_from(source: Path, out: Path) -> bytes:
    """`unterm align --from SOURCE -o OUT`, the way a reviser runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "unterm", "align", "--from", str(source), "-o", str(out), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def test_each_edit_on_the_resolution(browser: Any, tmp_path: Path, ares: Alignment) -> None:
    page_file = tmp_path / "A_RES_77_173.html"
    write_alignment(ares, page_file)
    original = tmp_path / "original.tmx"
    write_alignment(ares, original)
    r = ares.rows()
    view = Page(browser, page_file)
    assert view.state() == shown(r)
    view.shot("desktop")

    # a clean alignment: the filter says that nothing needs a look
    view.page.locator("#attention").check()
    assert view.page.locator("#empty-filter").inner_text() == (
        "All 75 pairs are above 0.5 and matched. Nothing needs a look."
    )
    assert view.page.locator("#pairs > li:visible").count() == 0
    view.page.locator("#attention").uncheck()

    # the evidence of a pair, on focus (keyboard) as on click
    view.keys("j", "j", "j", "j", "j", "j", "j", "j")
    assert view.current() == 8
    assert "resolution 32/162" in view.page.locator("#pairs > li.current .evidence").inner_text()

    # join with the next pair (button), then split it back into its blocks (keys)
    view.select(9)
    view.tool("join-next")
    want = [*r[:8], joined(r[8], r[9]), *r[10:]]
    assert view.state() == shown(want)
    view.keys("s")
    assert view.page.locator("#pairs > li.current .cut[aria-pressed=true]").count() == 2
    view.shot("desktop_split")
    view.keys("Enter")
    want = [*r[:8], edited(r[8]), edited(r[9]), *r[10:]]
    assert view.state() == shown(want)

    # join with the previous pair (K); move a block to the next pair, and Ctrl-Z it back
    view.select(12)
    view.keys("K")
    want = [*want[:10], joined(r[10], r[11]), *want[12:]]
    assert view.state() == shown(want)
    view.tool("move", side="z", dir="1")
    moved = view.state()
    assert moved[10] == [r[10].zh, f"{r[10].en} {r[11].en}", "edited"]
    assert moved[11] == [r[11].zh + r[12].zh, r[12].en, "edited"]
    view.keys("Control+z")
    assert view.state() == shown(want)

    # unlink a pair (u), then link the two rows again (l, k, l)
    view.select(59)
    view.keys("u")
    assert view.state()[58:60] == [[r[59].zh, "", "edited"], ["", r[59].en, "edited"]]
    view.select(60)
    view.keys("l", "k", "l")
    want[58] = edited(r[59])
    assert view.state() == shown(want)

    # correct a text: 2016年 as the document writes it elsewhere, 2016 年
    view.select(13)
    view.keys("e")
    fixed = r[13].zh.replace("2016年12月23日", "2016 年 12 月 23 日")
    assert fixed != r[13].zh
    view.page.locator("#pairs > li.current textarea[data-side=z]").fill(fixed)
    view.keys("Control+Enter")
    want[12] = edited(r[13], zh=fixed)
    assert view.state() == shown(want)

    # confirm one pair (c), then all above the fourth (C); undo (button), redo (Ctrl-Y)
    view.select(2)
    view.keys("c")
    view.select(4)
    view.keys("C")
    want[:4] = [confirmed(x) for x in want[:4]]
    assert view.state() == shown(want)
    view.page.locator("#undo").click()
    assert [s[2] for s in view.state()[:4]] == ["", "confirmed", "", ""]
    view.keys("Control+y")
    assert view.state() == shown(want)

    # a reload loses nothing
    view.page.reload()
    view.ready()
    said = view.page.locator("#status").inner_text()
    assert view.state() == shown(want), said
    assert "earlier edits are back" in said

    # the exports: the memory expected, which translate-toolkit loads; the TSV and the edits
    # file, which `unterm align --from` turns into the same memory
    memory = view.export("tmx")
    assert tmx_units(memory) == expected_units(want)
    assert Signature.parse(tmx_signature(memory)) == replace(
        signature(ares),
        settings=(
            *signature(ares).settings,
            ("reviewed", f"{sum(1 for x in want if x.reviewed)} of 74 pairs"),
        ),
    )
    from translate.storage import tmx

    store = tmx.tmxfile(memory)
    assert [(u.source, u.target) for u in store.units] == [(x.en, x.zh) for x in want]
    table = view.export("tsv")
    (tmp_path / "edits.json").write_bytes(view.export("json"))
    assert run_from(tmp_path / "edits.json", tmp_path / "from_edits.tsv") == table
    again = run_from(tmp_path / "edits.json", tmp_path / "from_edits.tmx")
    # the same memory, whose signature names the edits file it was read from as well
    edits = tmp_path / "edits.json"
    from_edits = Input("from", "edits.json", digest(edits.read_bytes()), ("reviewed", "utf-8"))
    page_made = Signature.parse(tmx_signature(memory))
    assert page_made is not None
    assert Signature.parse(tmx_signature(again)) == page_made.with_inputs(from_edits)
    assert unsigned(again) == unsigned(memory)
    (tmp_path / "page.tsv").write_bytes(table)
    assert tmx_units(run_from(tmp_path / "page.tsv", tmp_path / "from_tsv.tmx")) == expected_units(want)

    # undo every edit: the aligner's memory, byte for byte, and nothing kept for a reload
    while view.page.locator("#undo").is_enabled():
        view.keys("Control+z")
    assert view.state() == shown(r)
    assert view.export("tmx") == original.read_bytes()
    view.page.reload()
    view.ready()
    assert view.state() == shown(r)
    view.page.locator(".bar button[data-act=help]").click()
    assert view.page.locator("#help").is_visible()
    assert "join the pair with the next / previous one" in view.page.locator("#help").inner_text()
    view.keys("Escape")
    assert not view.page.locator("#help").is_visible()
    view.close()


def test_correcting_a_wrong_alignment(browser: Any, tmp_path: Path, ares: Alignment) -> None:
    """A copy of the resolution with one English paragraph moved three paragraphs down:
    the aligner leaves its Chinese alone and pairs a neighbour with it wrongly. Three
    edits on the page give back the memory of the true pairs."""
    (tmp_path / "zh.md").write_bytes((ARES / "zh.md").read_bytes())
    paras = (ARES / "en.md").read_text(encoding="utf-8").split("\n\n")
    at = next(
        k for k, p in enumerate(paras) if p.startswith("*Reaffirming further* its commitment to promoting")
    )
    paras.insert(at + 3, paras.pop(at))
    (tmp_path / "en.md").write_text("\n\n".join(paras), encoding="utf-8")
    wrong = align_files(tmp_path / "zh.md", tmp_path / "en.md")
    page_file = tmp_path / "wrong.html"
    write_alignment(wrong, page_file)
    r = ares.rows()
    w = wrong.rows()
    assert [x.en for x in w[16:23]] != [x.en for x in r[16:23]]  # the wrong pairs
    view = Page(browser, page_file)

    view.keys("n")  # the first pair that needs a look: the Chinese left alone
    assert view.current() == 17 and view.state()[16] == [r[16].zh, "", ""]
    bad = next(n for n, x in enumerate(w, start=1) if x.zh == r[20].zh)
    view.select(bad)
    view.keys("u")  # the neighbour wrongly paired with the moved paragraph
    view.keys("K")  # its Chinese joined to the English row before it, its own
    view.select(17)
    view.tool("link")
    view.pair(next(n for n, s in enumerate(view.state(), start=1) if s[1] == r[16].en)).locator(
        ".key"
    ).click()

    scores = {(x.zh, x.en): x.score for x in w}
    want = [
        edited(x) if (x.zh, x.en) not in scores else Row(x.zh, x.en, x.kind, x.key, scores[x.zh, x.en])
        for x in r
    ]
    assert [x.reviewed.value for x in want].count("edited") == 2
    assert view.state() == shown(want)
    memory = view.export("tmx")
    assert tmx_units(memory) == expected_units(want)
    from translate.storage import tmx

    assert len(tmx.tmxfile(memory).units) == 75
    view.close()


def test_on_a_phone(browser: Any, tmp_path: Path, udhr_files: dict[str, Path]) -> None:
    """At 390 px: the two texts stacked in each pair, no horizontal scrolling in any
    state; a split at a sentence end, a merged pair split back, a block moved, by taps."""
    udhr = align_files(udhr_files["zh.txt"], udhr_files["en.txt"])
    page_file = tmp_path / "udhr.html"
    write_alignment(udhr, page_file)
    view = Page(browser, page_file, width=390, height=844)
    assert view.overflow() <= 0
    zh_box = view.pair(12).locator(".zh").bounding_box()
    en_box = view.pair(12).locator(".en").bounding_box()
    assert en_box["y"] >= zh_box["y"] + zh_box["height"] - 1  # stacked, not side by side
    view.shot("phone")

    view.page.locator("#attention").tap()
    assert view.page.locator("#pairs > li:visible").count() == 4  # two unmatched, two below 0.5
    view.page.locator("#attention").tap()

    # a confidence tapped shows its evidence
    low = next(n for n, p in enumerate(udhr.pairs, start=1) if p.zh and p.en and p.score < 0.5)
    view.pair(low).locator(".score button").tap()
    assert view.current() == low
    assert (
        "; ".join(udhr.pairs[low - 1].evidence)
        in view.page.locator("#pairs > li.current .evidence").inner_text()
    )

    # article 1: split after its first sentence, on both sides (the cuts the page offers first)
    article = next(n for n, s in enumerate(view.state(), start=1) if s[1].startswith("All human beings"))
    zh, en = split_zh(view.state()[article - 1][0]), split_en(view.state()[article - 1][1])
    view.select(article)
    view.tool("split")
    assert view.overflow() <= 0
    view.shot("phone_split")
    view.page.locator("#pairs > li.current .tools button[data-act=split-apply]").tap()
    assert view.state()[article - 1 : article + 1] == [[zh[0], en[0], "edited"], [zh[1], en[1], "edited"]]

    # the preamble's last Chinese paragraph, merged with three English ones: cut after the second
    merged = next(n for n, s in enumerate(view.state(), start=1) if s[1].startswith("Now, therefore"))
    blocks = [b for i in udhr.pairs[merged - 1].en for b in [udhr.en.blocks[i].text]]
    assert len(blocks) == 3
    view.select(merged)
    view.tool("split")
    view.tool("cut", side="e", s="2", o="0")
    view.page.locator("#pairs > li.current .tools button[data-act=split-apply]").tap()
    state = view.state()
    assert state[merged - 1][1] == f"{blocks[0]} {blocks[1]}" and state[merged] == ["", blocks[2], "edited"]
    view.tool("move", side="e", dir="1")  # the second block follows the third
    state = view.state()
    assert state[merged - 1][1] == blocks[0] and state[merged][1] == f"{blocks[1]} {blocks[2]}"
    assert view.overflow() <= 0
    view.shot("phone_edited")
    view.close()


def _families(lang: str) -> set[str]:
    """The font families fontconfig says cover a language (every name of each)."""
    listed = subprocess.run(
        ["fc-list", f":lang={lang}", "family"], capture_output=True, text=True, check=False
    )
    return {name.strip() for line in listed.stdout.splitlines() for name in line.split(",")}


def test_chinese_and_english_in_fonts_with_their_glyphs(
    browser: Any, tmp_path: Path, ares: Alignment
) -> None:
    """Every glyph of a Chinese and of an English paragraph comes from a font that covers
    its language (fonts-noto-cjk for Chinese): no missing-glyph boxes."""
    if shutil.which("fc-list") is None or not _families("zh"):
        pytest.skip("no Chinese font installed (Debian package fonts-noto-cjk; `make test` installs it)")
    page_file = tmp_path / "A_RES_77_173.html"
    write_alignment(ares, page_file)
    view = Page(browser, page_file)
    cdp = view.context.new_cdp_session(view.page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for side, lang in (("zh", "zh"), ("en", "en")):
        node = cdp.send(
            "DOM.querySelector", {"nodeId": root, "selector": f"#pairs > li:nth-child(8) .{side} .seg"}
        )
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
        used = {f["familyName"] for f in fonts if f["glyphCount"]}
        assert used and used <= _families(lang), (side, used)
    view.close()


def test_a_sentence_level_page_exports_the_memory_the_command_writes(browser: Any, tmp_path: Path) -> None:
    sentences = unterm.align(ARES / "zh.md", ARES / "en.md", level="sentence")
    write_alignment(sentences, tmp_path / "s.html")
    write_alignment(sentences, tmp_path / "s.tmx")
    write_alignment(sentences, tmp_path / "s.tsv")
    view = Page(browser, tmp_path / "s.html")
    assert view.export("tmx") == (tmp_path / "s.tmx").read_bytes()
    assert view.export("tsv") == (tmp_path / "s.tsv").read_bytes()
    view.close()
