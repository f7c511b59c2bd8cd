"""Mutations of the real corpora through the whole pipeline (tests/support/fuzzing.py):
every run ends done with whole outputs, or with one line and status 3. A few hundred
examples here, derandomised so that CI sees the same ones; `python -m bench.fuzz` runs
thousands."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.support.fuzzing import Case, cases, run_case


@settings(
    max_examples=250,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(cases())
def test_mutated_corpora_never_break_unterm(case: Case) -> None:
    with tempfile.TemporaryDirectory() as folder:
        problems = run_case(case, Path(folder))
    assert not problems, f"{case.description}: {problems}"
