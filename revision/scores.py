"""How much a reviser changed, as sacrebleu (Post 2018) measures it: TER (Snover et al.
2006) and chrF (Popović 2015), the draft the hypothesis and the final the reference, as
post-editing effort is measured (HTER).

The same settings serve both languages, so the scores of a Chinese and an English
revision are computed alike:

- TER with tercom's normalisation (`normalized=True`: punctuation is a token of its
  own, so a changed comma is one edit, not a changed word), its Asian support
  (`asian_support=True`: every Han character and every CJK punctuation mark is a token,
  so Chinese TER counts characters; on Chinese text this gives the very tokens of
  sacrebleu's `zh` tokeniser, and it is TER's own option, shown in its signature) and
  case kept (`case_sensitive=True`: a reviser's capital letter is an edit).
- chrF as sacrebleu defines it (character n-grams up to 6, β = 2, white space
  ignored), which is on characters in either language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sacrebleu is imported when first needed
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER


@dataclass(frozen=True, slots=True)
class Scores:
    """TER (with its number of edits) and chrF of a draft text against its final text."""

    ter: float
    ter_edits: int
    ref_length: float  # the final's length in TER's tokens
    chrf: float


@cache
def metrics() -> tuple[TER, CHRF]:
    """The two metrics, made once (sacrebleu takes a moment to import)."""
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    ter, chrf = TER(normalized=True, asian_support=True, case_sensitive=True), CHRF()
    for metric in (ter, chrf):  # sacrebleu makes a metric's signature at its first scoring
        metric.sentence_score("a", ["a"])
    return ter, chrf


def pair_scores(draft: str, final: str) -> Scores:
    """Sentence-level TER and chrF of one pair."""
    ter, chrf = metrics()
    if draft == final and draft.strip():
        # what sacrebleu gives for no change, without its search for edits and n-grams
        # (most pairs of a revision are unchanged; tests check the two agree)
        length = float(len(ter.tokenizer(final.rstrip()).split()))
        return Scores(_ter(0, length), 0, length, 100.0)
    t = ter.sentence_score(draft, [final])
    return Scores(t.score, t.num_edits, t.ref_length, chrf.sentence_score(draft, [final]).score)


def _ter(edits: float, length: float) -> float:
    """TER from its statistics, as sacrebleu computes it (an empty final: 100 where the
    draft had words, 0 where it had none)."""
    if length > 0:
        return 100 * (edits / length)
    return 100.0 if edits > 0 else 0.0


def document_scores(
    pairs: Sequence[Scores], drafts: Sequence[str], finals: Sequence[str]
) -> tuple[float, float]:
    """TER and chrF over many pairs, as sacrebleu's corpus scores: all their edits over
    the finals' total length, and chrF of their n-gram statistics summed."""
    if not pairs:
        return 0.0, 100.0
    _, chrf = metrics()
    ter = _ter(sum(p.ter_edits for p in pairs), sum(p.ref_length for p in pairs))
    return ter, chrf.corpus_score(list(drafts), [list(finals)]).score


def settings() -> tuple[tuple[str, str], ...]:
    """sacrebleu's own signatures of the two metrics, as settings of a run's signature
    (their fields joined with commas: `nrefs:1,case:lc,tok:tercom,…`)."""
    ter, chrf = metrics()
    return (
        ("ter", str(ter.get_signature()).replace("|", ",")),
        ("chrf", str(chrf.get_signature()).replace("|", ",")),
    )
