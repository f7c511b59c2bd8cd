"""QA fixtures: reports on the real pairs, made once per session."""

from __future__ import annotations

import pytest

from tests.support.faults import ARES_PAIR, GLOSSARY
from unterm.align.paragraphs import align_files
from unterm.files import read_termbase
from unterm.qa.model import Report
from unterm.qa.run import run_checks
from unterm.termbase.model import Termbase


@pytest.fixture(scope="session")
def glossary() -> Termbase:
    return read_termbase(GLOSSARY)


@pytest.fixture(scope="session")
def ares_report() -> Report:
    return run_checks(align_files(*ARES_PAIR))


@pytest.fixture(scope="session")
def ares_report_with_glossary(glossary: Termbase) -> Report:
    return run_checks(align_files(*ARES_PAIR), termbase=glossary)
