"""Termbases mined once per test session from the real corpora."""

from __future__ import annotations

import csv

import pytest

from tests.support.corpora import ARES, CORPORA
from unterm.align.model import Alignment
from unterm.align.paragraphs import align_files
from unterm.termbase.counts import Segment
from unterm.termbase.mine import mine, mine_alignments
from unterm.termbase.model import Termbase


@pytest.fixture(scope="session")
def ares_alignment() -> Alignment:
    return align_files(ARES / "zh.md", ARES / "en.md")


@pytest.fixture(scope="session")
def ares_terms(ares_alignment: Alignment) -> Termbase:
    return mine_alignments([ares_alignment])


@pytest.fixture(scope="session")
def sdg_terms() -> Termbase:
    segs = []
    for part in ("goals", "targets", "indicators"):
        with open(CORPORA / "sdg_framework" / "derived" / f"global_{part}_en_zh.tsv", encoding="utf-8") as f:
            segs += [
                Segment(r["zh"], r["en"], "SDG framework", r["key"])
                for r in csv.DictReader(f, delimiter="\t")
            ]
    return mine(segs=segs)
