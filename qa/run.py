"""Run every QA check on one aligned document pair: a pure function of its inputs."""

from __future__ import annotations

from dataclasses import replace

from unterm.align.model import Alignment
from unterm.qa.model import Finding, Located, Report
from unterm.qa.numbers import check_numbers
from unterm.qa.structure import check_structure
from unterm.qa.style import DEFAULT_STYLE, HouseStyle
from unterm.qa.suspicious import check_confidence, check_suspicious
from unterm.qa.terms import check_consistency, check_termbase
from unterm.qa.typography import check_typography
from unterm.termbase.model import Termbase


def run_checks(
    alignment: Alignment,
    *,
    termbase: Termbase | None = None,
    style: HouseStyle = DEFAULT_STYLE,
    consistency: bool = True,
) -> Report:
    """The findings on an aligned pair, most severe first, then in document order.

    `consistency` mines the document to compare its terms' renderings (a few seconds
    the first time, for loading the dictionaries); turn it off for a quick run.
    """
    loc = Located.of(alignment)
    findings: list[Finding] = []
    findings += check_structure(loc)
    findings += check_numbers(loc)
    if termbase is not None:
        findings += check_termbase(loc, termbase)
    if consistency:
        findings += check_consistency(loc, termbase)
    findings += check_typography(loc, style)
    findings += check_suspicious(loc, style)
    findings += check_confidence(loc, style, {f.pair for f in findings})
    overrides = dict(style.severity)
    findings = [
        replace(f, severity=overrides[f.check]) if f.check in overrides else f
        for f in findings
        if f.check not in style.disabled
    ]
    findings.sort(key=lambda f: (f.severity.rank, f.pair, f.check))
    notes = [f"house style: {style.describe()}"]
    if termbase is not None:
        notes.append(f"termbase: {len(termbase)} entries")
    else:
        notes.append("no termbase: terminology checked for consistency within the document only")
    if not consistency:
        notes.append("term consistency not checked")
    return Report(alignment, tuple(findings), tuple(notes))
