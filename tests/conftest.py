"""Shared fixtures: the real pairs aligned, and the UDHR as the files unterm reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import ARES, UDHR
from tests.support.render import udhr_paragraphs, udhr_to_markdown
from unterm.align.model import Alignment
from unterm.align.paragraphs import align_files


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
