"""OmegaT run headless as a translator runs it: a project with its default settings
(sentence segmentation on), the English document as source, a memory in tm/auto; what
its statistics say is left untranslated, and the target it writes. The documents the
tests and bench/omegat_fill.py measure it on are made here too."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import regex

from tests.support.corpora import ARES, CHARTER, CORPORA, PDF_TEXT, UDHR
from tests.support.render import udhr_to_markdown
from tests.support.web import charter_markdown

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>ZH-CN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def installed() -> bool:
    return shutil.which("omegat") is not None


def documents(folder: Path) -> dict[str, tuple[Path, Path]]:
    """The bundled documents as the files a translator has: the resolution (and its PDFs),
    the UDHR, the Charter's chapters I-III, and the SDG targets (A/RES/70/1) as a text of
    numbered paragraphs (`11.1 By 2030, ensure ...`), made in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(CORPORA / "sdg_framework" / "derived" / "global_targets_en_zh.tsv", encoding="utf-8") as f:
        targets = [line.rstrip("\n").split("\t") for line in f][1:]
    for side, column in (("zh", 2), ("en", 1)):
        numbered = [f"{t[0].removesuffix('-title').replace('-', '.')} {t[column]}" for t in targets]
        (folder / f"sdg.{side}.txt").write_text("\n\n".join(numbered) + "\n", encoding="utf-8")
        name = "udhr_cmn_hans.xml" if side == "zh" else "udhr_eng.xml"
        (folder / f"udhr.{side}.md").write_text(udhr_to_markdown(UDHR / name), encoding="utf-8")
        (folder / f"charter.{side}.md").write_text(charter_markdown(CHARTER, side), encoding="utf-8")
    return {
        "A/RES/77/173": (ARES / "zh.md", ARES / "en.md"),
        "UDHR": (folder / "udhr.zh.md", folder / "udhr.en.md"),
        "Charter I-III": (folder / "charter.zh.md", folder / "charter.en.md"),
        "A/RES/77/173 PDF": (PDF_TEXT / "zh.pdf", PDF_TEXT / "en.pdf"),
        "SDG targets": (folder / "sdg.zh.txt", folder / "sdg.en.txt"),
    }


@dataclass(frozen=True, slots=True)
class Run:
    """What OmegaT made of a project: its log, its segments, those left untranslated, and
    the target document's paragraphs."""

    log: str
    status: int
    total: int
    remaining: int
    target: list[str]

    @property
    def filled(self) -> int:
        return self.total - self.remaining


def translate(folder: Path, source: list[str], memory: Path) -> Run:
    """An OmegaT project in `folder` with the English paragraphs `source` and `memory` in
    tm/auto, translated by OmegaT's console mode."""
    project = folder / "project"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True, exist_ok=True)
    (project / "omegat.project").write_text(PROJECT, encoding="utf-8")
    shutil.copy(memory, project / "tm" / "auto" / memory.name)
    (project / "source" / "en.txt").write_text("\n\n".join(source) + "\n", encoding="utf-8")
    run = subprocess.run(
        ["omegat", "--mode=console-translate", "--no-team", "--disable-project-locking",
         f"--config-dir={folder / 'config'}", str(project)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    stats = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    total = regex.search(r"(?m)^Total:\s+(\d+)", stats)
    remaining = regex.search(r"(?m)^Remaining:\s+(\d+)", stats)
    assert total is not None and remaining is not None, stats
    target = (project / "target" / "en.txt").read_text(encoding="utf-8").split("\n\n")
    return Run(run.stdout + run.stderr, run.returncode, int(total[1]), int(remaining[1]), target)
