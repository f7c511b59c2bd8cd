"""Run every QA check on one aligned document pair: a pure function of its inputs."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from unterm.align.model import Alignment
from unterm.lang.languages import Lang
from unterm.qa.model import Finding, Located, Report
from unterm.qa.numbers import check_numbers
from unterm.qa.repeats import check_repeats
from unterm.qa.structure import check_structure
from unterm.qa.style import DEFAULT_STYLE, HouseStyle
from unterm.qa.suspicious import check_confidence, check_suspicious
from unterm.qa.terms import check_consistency, check_termbase, mined
from unterm.qa.typography import check_typography
from unterm.termbase.model import Status, Termbase

if TYPE_CHECKING:
    from unterm.qa.lexicon import DocumentWords, TermPairs
    from unterm.termbase.mine import Analysis

# One fault, one finding: where a check names the fault of a whole pair, the findings
# it explains at that pair are left out (a paragraph holding another's text differs from
# its counterpart in numbers, references and names too; a repeated paragraph is also
# one-sided, or merged, or numbered twice).
SUPERSEDES = {
    "content.mismatch": (
        "content.omission",
        "content.negation",
        "content.modality",
        "names.mismatch",
        "numbers.mismatch",
        "references.mismatch",
        "structure.footnote",
        "terms.missing",
        "terms.inconsistent",
        "suspicious.low-confidence",
    ),
    "structure.repeat": ("structure.one-sided", "structure.merged", "structure.numbering"),
    "names.mismatch": ("content.omission",),
}


def run_checks(
    alignment: Alignment,
    *,
    termbase: Termbase | None = None,
    style: HouseStyle = DEFAULT_STYLE,
    consistency: bool = True,
    meaning: bool = True,
) -> Report:
    """The findings on an aligned pair, most severe first, then in document order.

    `consistency` mines the document to compare its terms' renderings, and `meaning`
    compares what the two sides say (qa.content, qa.names); both load the dictionaries
    (a few seconds the first time). Turn them off for a quick run.
    """
    loc = Located.of(alignment)
    analysis = mined(loc) if consistency else None
    findings: list[Finding] = []
    findings += check_structure(loc)
    findings += check_repeats(loc)
    findings += check_numbers(loc)
    if termbase is not None:
        findings += check_termbase(loc, termbase)
    findings += check_consistency(loc, analysis, termbase)
    if meaning:
        findings += _meaning(loc, analysis, termbase, findings)
    findings += check_typography(loc, style)
    findings += check_suspicious(loc, style)
    findings = _one_per_fault(findings)
    findings += check_confidence(loc, style, {f.pair for f in findings})
    overrides = dict(style.severity)
    findings = [
        replace(f, severity=overrides[f.check]) if f.check in overrides else f
        for f in findings
        if f.check not in style.disabled
    ]
    findings.sort(key=lambda f: (f.severity.rank, f.pair, f.check))
    return Report(alignment, tuple(findings), tuple(_notes(style, termbase, consistency, meaning)))


def _meaning(
    loc: Located, analysis: Analysis | None, termbase: Termbase | None, so_far: list[Finding]
) -> list[Finding]:
    from unterm.qa.content import check_content  # deferred: loads jieba and the dictionary
    from unterm.qa.names import check_names
    from unterm.qa.polarity import check_polarity

    terms = {(f.pair, f.zh_excerpt) for f in so_far if f.check.startswith("terms.")}
    terms |= {(f.pair, f.en_excerpt) for f in so_far if f.check.startswith("terms.")}
    return (
        check_names(loc, analysis, termbase, terms)
        + check_content(loc, _words(loc, analysis, termbase))
        + check_polarity(loc)
    )


def _words(loc: Located, analysis: Analysis | None, termbase: Termbase | None) -> DocumentWords:
    """The pairs as words, covered by the dictionary, the termbase and the mined terms."""
    from unterm.qa.lexicon import document_words

    a = loc.alignment
    texts = [(i, a.text(p, Lang.ZH), a.text(p, Lang.EN)) for i, p in enumerate(a.pairs) if p.zh and p.en]
    return document_words(texts, _term_pairs(analysis, termbase))


def _term_pairs(analysis: Analysis | None, termbase: Termbase | None) -> TermPairs | None:
    from unterm.qa.lexicon import TermPairs
    from unterm.qa.terms import MIN_CONFIDENCE

    pairs: list[tuple[list[str], list[str]]] = []
    if termbase is not None:
        pairs += [
            ([t.text for t in e.zh], [t.text for t in e.en])
            for e in termbase.entries
            if e.status is not Status.REJECTED
        ]
    if analysis is not None:
        from unterm.termbase.mine import entries

        pairs += [
            ([t.text for t in e.zh], [t.text for t in e.en])
            for e in entries(analysis).entries
            if e.confidence >= MIN_CONFIDENCE
        ]
    return TermPairs.of(pairs) if pairs else None


def _one_per_fault(findings: list[Finding]) -> list[Finding]:
    """The findings less those another finding at the same pair explains (SUPERSEDES)."""
    explained: set[tuple[int, str]] = set()
    for f in findings:
        for check in SUPERSEDES.get(f.check, ()):
            explained.add((f.pair, check))
    return [f for f in findings if (f.pair, f.check) not in explained]


def _notes(style: HouseStyle, termbase: Termbase | None, consistency: bool, meaning: bool) -> list[str]:
    notes = [f"house style: {style.describe()}"]
    if termbase is not None:
        notes.append(f"termbase: {len(termbase)} entries")
    else:
        notes.append("no termbase: terminology checked for consistency within the document only")
    if not consistency:
        notes.append("term consistency not checked")
    if not meaning:
        notes.append("meaning not checked (content, omissions, names)")
    return notes
