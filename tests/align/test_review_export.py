"""The review page's exports without a browser: the page's own script for the pairs and
their exports (align/review_pairs.js, taken from a written page) run in Node on the
page's own data, for real alignments of the bundled corpora, paragraph and sentence
level. Its TMX and TSV are unterm's writers' bytes; after edits replayed as the page
replays them, its edits file read back (`unterm align --from`) gives the TSV it exports
and the same memory. tests/align/test_review_page.py checks the same in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any, Literal

import pytest

import unterm
from tests.support.corpora import ARES, CORPORA, PDF_TEXT
from unterm.align.html import page_data
from unterm.align.model import Alignment
from unterm.files import read_reviewed, write

NODE = shutil.which("node")
DRIVER = Path(__file__).with_name("review_export.js")

pytestmark = pytest.mark.skipif(
    NODE is None, reason="no node (Debian package nodejs; `make test` installs it)"
)

# (corpus, level): the resolution as Markdown and as its PDFs, the UDHR and the Charter's
# chapters I-III as Markdown, a line-parallel sample of the UN corpus, and the resolution
# with one English paragraph moved three down (pairs with no counterpart: rows the TMX
# leaves out and the TSV keeps)
Level = Literal["paragraph", "sentence"]
CASES: list[tuple[str, Level]] = [
    ("ares", "paragraph"),
    ("ares", "sentence"),
    ("ares-pdf", "paragraph"),
    ("udhr", "paragraph"),
    ("udhr", "sentence"),
    ("charter", "paragraph"),
    ("charter", "sentence"),
    ("ga-sample", "paragraph"),
    ("ares-moved", "paragraph"),
]


def _files(corpus: str, request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, Path]:
    if corpus == "ares":
        return ARES / "zh.md", ARES / "en.md"
    if corpus == "ares-pdf":
        return PDF_TEXT / "zh.pdf", PDF_TEXT / "en.pdf"
    if corpus in ("udhr", "charter"):
        files: dict[str, Path] = request.getfixturevalue(f"{corpus}_files")
        return files["zh.md"], files["en.md"]
    if corpus == "ga-sample":
        folder = CORPORA / "un_ga_55_100_sample"
        return folder / "UN.en-zh.zh", folder / "UN.en-zh.en"
    paras = (ARES / "en.md").read_text(encoding="utf-8").split("\n\n")
    at = next(k for k, p in enumerate(paras) if p.startswith("*Reaffirming further* its commitment"))
    paras.insert(at + 3, paras.pop(at))
    (tmp_path / "en.md").write_text("\n\n".join(paras), encoding="utf-8")
    return ARES / "zh.md", tmp_path / "en.md"


def in_node(alignment: Alignment, folder: Path, ops: list[dict[str, Any]]) -> dict[str, str]:
    """The page's exports after `ops`, made by the page's script in Node on the page's data."""
    write(alignment, folder / "page.html")
    page = (folder / "page.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="unterm-data">(.*?)</script>', page, re.S)
    assert found is not None
    script = next(
        s for s in re.findall(r"<script>\n(.*?)</script>", page, re.S) if "untermReviewPairs(DATA)" in s
    )
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(DRIVER)],
        input=json.dumps({"script": script, "data": found.group(1), "ops": ops}),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out: dict[str, str] = json.loads(done.stdout)
    return out


def written(alignment: Alignment, path: Path) -> bytes:
    write(alignment, path)
    return path.read_bytes()


@pytest.mark.parametrize(("corpus", "level"), CASES)
def test_the_page_exports_the_bytes_the_writers_write(
    corpus: str, level: Level, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    alignment = unterm.align(*_files(corpus, request, tmp_path), level=level)
    assert len(alignment.pairs) >= 15
    if corpus == "ares-moved":
        assert any(not p.zh or not p.en for p in alignment.pairs)
    got = in_node(alignment, tmp_path, [])
    assert got["tmx"].encode("utf-8") == written(alignment, tmp_path / "a.tmx")
    assert got["tsv"].encode("utf-8") == written(alignment, tmp_path / "a.tsv")


def _without_signature(tmx: bytes) -> bytes:
    return re.sub(rb'    <prop type="x-signature">[^<]*</prop>\n', b"", tmx, count=1)


@pytest.mark.parametrize("level", ["paragraph", "sentence"])
def test_edits_made_on_the_page_read_back_as_its_exports(level: Level, tmp_path: Path) -> None:
    """Joined, split, a block moved (numbered paragraphs: each side keeps its keys),
    unlinked and linked again, a text corrected, confirmed: what `unterm align --from` makes of the page's edits file is the page's
    TSV, byte for byte, and its memory but for the signature (which says where it was
    read from)."""
    alignment = unterm.align(ARES / "zh.md", ARES / "en.md", level=level)
    pairs = page_data(alignment)["pairs"]
    k = next(k for k, p in enumerate(pairs) if any("2016年12月23日" in s["t"] for s in p["z"]))
    fixed = [s["t"].replace("2016年12月23日", "2016 年 12 月 23 日") for s in pairs[k]["z"]]
    ops: list[dict[str, Any]] = [
        {"op": "text", "at": k, "z": fixed, "e": [s["t"] for s in pairs[k]["e"]]},
        {"op": "join", "at": 57},  # operative paragraphs 10 and 11
        {"op": "move", "at": 57, "side": "z", "dir": 1},  # keys 10|10 11 and 11 12|12
        {"op": "join", "at": 8},
        {"op": "split", "at": 8, "z": [1, 0], "e": [1, 0]},
        {"op": "join", "at": 10},
        {"op": "move", "at": 10, "side": "z", "dir": 1},
        {"op": "unlink", "at": 20},
        {"op": "link", "at": 21, "with": 20},
        {"op": "confirm", "at": 1},
        {"op": "confirmAbove", "at": 3},
    ]
    got = in_node(alignment, tmp_path, ops)
    edits = json.loads(got["edits"])
    assert [e["op"] for e in edits["edits"]] == [o["op"] for o in ops]
    assert "".join(fixed) in [p["zh"] for p in edits["pairs"]]
    # paragraphs 10 and 11 of the operative part, one row up (two rows above were joined)
    assert [p["key"] for p in edits["pairs"][56:58]] == ["10|10 11", "11 12|12"]
    assert sum(p.get("reviewed") == "edited" for p in edits["pairs"]) >= 6
    (tmp_path / "page.edits.json").write_text(got["edits"], encoding="utf-8")
    reviewed = read_reviewed(tmp_path / "page.edits.json")
    assert got["tsv"].encode("utf-8") == written(reviewed, tmp_path / "r.tsv")
    memory = got["tmx"].encode("utf-8")
    assert b"reviewed:" in memory
    assert _without_signature(memory) == _without_signature(written(reviewed, tmp_path / "r.tmx"))
    assert got["tmx"] != in_node(alignment, tmp_path, [])["tmx"]
