"""Shared fixtures: the real pairs aligned, and the UDHR as the files unterm reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import ARES, ARES_GOLD, CHARTER, UDHR
from tests.support.render import gold_units, udhr_paragraphs, udhr_to_markdown
from tests.support.web import charter_html, charter_markdown, charter_web_text, resolution_html
from unterm.align.model import Alignment
from unterm.align.paragraphs import align_files

# What `make test-fast` (pytest -m "not slow") leaves out, by test id prefix, with why: the
# tests that need a browser, OmegaT, a cluster, fuzzing or a wheel build, and those that run
# the whole pipeline over many inputs. One table, so that no test file has to know.
SLOW = {
    "tests/align/test_review_page.py": "Chromium",
    "tests/qa/test_browser.py": "Chromium",
    "tests/revision/test_browser.py": "Chromium",
    "tests/align/test_formats.py::test_tmx_imports_into_omegat": "OmegaT",
    "tests/termbase/test_formats.py::test_omegat_loads": "OmegaT",
    "tests/batch/": "corpus runs in process pools and on a Dask cluster",
    "tests/test_fuzz.py": "fuzzing",
    "tests/test_wheel.py": "a wheel built and installed in a new virtual environment",
    "tests/test_bench.py": "benchmark helpers in several processes",
    "tests/test_tools.py": "mypy and pyright run as a user would",
    "tests/qa/test_meaning.py::test_each_meaning_fault": "QA once per injected fault",
    "tests/qa/test_meaning.py::test_real_pairs_stay_quiet": "QA of every bundled pair",
    "tests/qa/test_checks.py::test_each_fault": "QA once per injected fault",
    "tests/align/test_dp.py::test_the_band_widens": "the DP over long sequences",
    "tests/align/test_sentences.py::test_sentence_f1_on_the_unpc": "the UNPC sentence level",
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: left out of `make test-fast` (tests/conftest.py SLOW)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(tuple(SLOW)):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def ares() -> Alignment:
    return align_files(ARES / "zh.md", ARES / "en.md")


@pytest.fixture(scope="session")
def udhr_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The UDHR turned from XML into the text unterm reads: paragraphs one a line
    (.txt), and Markdown with the title, section and article headings (.md)."""
    folder = tmp_path_factory.mktemp("udhr")
    files: dict[str, Path] = {}
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        txt = folder / f"{side}.txt"
        txt.write_text("\n".join(udhr_paragraphs(UDHR / name)) + "\n", encoding="utf-8")
        md = folder / f"{side}.md"
        md.write_text(udhr_to_markdown(UDHR / name), encoding="utf-8")
        files[f"{side}.txt"], files[f"{side}.md"] = txt, md
    return files


@pytest.fixture(scope="session")
def charter_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The UN Charter's chapters I-III as a translator gets them, both languages: the
    Markdown of the pages they came in (`md`), copied from the web page (`txt`: article
    headings on their own lines, Chinese paragraphs indented with full-width spaces and
    numbered 一、二、, English list numbers lost, blank lines in the English only), and
    the saved web page (`html`)."""
    folder = tmp_path_factory.mktemp("charter")
    files: dict[str, Path] = {}
    for side in ("zh", "en"):
        for ext, make in (("md", charter_markdown), ("txt", charter_web_text), ("html", charter_html)):
            path = folder / f"{side}.{ext}"
            path.write_text(make(CHARTER, side), encoding="utf-8")
            files[f"{side}.{ext}"] = path
    return files


@pytest.fixture(scope="session")
def ares_html(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A/RES/77/173 as web pages: the Chinese as Word saves it (`_ftn` notes), the English
    as a site generator writes it (`<ol start>`, a footnotes section)."""
    folder = tmp_path_factory.mktemp("ares_html")
    files: dict[str, Path] = {}
    for side in ("zh", "en"):
        page = resolution_html(
            gold_units(ARES_GOLD, side), (ARES / f"{side}.md").read_text(encoding="utf-8"), side
        )
        files[side] = folder / f"{side}.html"
        files[side].write_text(page, encoding="utf-8")
    return files
