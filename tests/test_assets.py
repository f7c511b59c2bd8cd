"""The pages' scripts and styles (unterm.assets): every .js and .css file of the package is
package data the wheel carries, and none can end the element it is inlined into early."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from tests.support.corpora import ROOT
from unterm.assets import asset, scripts, style

# the package's own page files: not the tests' (tests/align/review_export.js drives Node)
FILES = sorted(
    p
    for p in ROOT.glob("*/*")
    if p.suffix in (".js", ".css") and p.parts[-2] not in ("tests", "bench", "build")
)


def test_the_pages_have_their_files() -> None:
    assert {p.relative_to(ROOT).as_posix() for p in FILES} >= {
        "align/review.css",
        "align/review_pairs.js",
        "align/review_page.js",
        "qa/report.css",
        "qa/report.js",
        "revision/report.css",
        "revision/report.js",
    }


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_page_file_is_package_data(path: Path) -> None:
    with open(ROOT / "pyproject.toml", "rb") as f:
        data = tomllib.load(f)["tool"]["setuptools"]["package-data"]
    globs = data.get(f"unterm.{path.parent.name}", [])
    assert any(fnmatch(path.name, g) for g in globs), f"{path.name} is not in package-data {globs}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_page_file_ends_its_element_early(path: Path) -> None:
    text = asset(f"unterm.{path.parent.name}", path.name)
    assert text == path.read_text(encoding="utf-8")
    tag = "script" if path.suffix == ".js" else "style"
    assert not re.search(f"</{tag}", text, re.IGNORECASE)
    element = (
        scripts(f"unterm.{path.parent.name}", path.name)
        if tag == "script"
        else style(f"unterm.{path.parent.name}", path.name)
    )
    assert element == f"<{tag}>\n{text}</{tag}>"
