"""The passes of term mining (termbase.passes) run over a corpus in chunks, their results
merged in order, and what the merged results decide between passes: the corpus's
vocabulary, the fragments to drop, the pair scores, the better span for each linked pair.

Where the chunks are and who runs a pass over them is the `Chunks` given: one chunk in
memory that keeps its candidates from pass to pass (`InMemory`, what `mine.analyse`
uses), or files read by worker processes (batch.mining). Either way the same passes
give the same counts, scores and links.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, Protocol, TypeVar

from unterm.lang import gazetteer
from unterm.lang.text import normalise_zh
from unterm.termbase import chinese, english
from unterm.termbase.boundaries import SpanCounts
from unterm.termbase.counts import Counts, Found, Segment, dependent, en_parts, find, zh_parts
from unterm.termbase.entries import Types
from unterm.termbase.linking import linkable
from unterm.termbase.pairs import Links, PairScore, surface_form
from unterm.termbase.passes import (
    STAGES,
    STEPS,
    ChoiceJob,
    Chunk,
    Held,
    Known,
    Linked,
    Pair,
    PairCounts,
    ReadingJob,
    ScoreJob,
    Stage,
    Step,
    choose_batch,
    drop,
    learn_reading,
    score_batch,
    spread,
)

J = TypeVar("J")
R = TypeVar("R")
T = TypeVar("T")

# pairs per scoring or choosing task: enough to outweigh the cost of sending one
BATCH = 2048


class Chunks(Protocol):
    """A corpus's segments in chunks, and the means to run passes over them."""

    @property
    def starts(self) -> Sequence[int]:
        """The corpus index of each chunk's first segment, in order."""
        ...

    def each(self, step: Step, known: Known, extras: Mapping[int, Any] | None = None) -> Iterator[Any]:
        """The pass's result for each chunk, in order; with `extras`, only for the chunks
        it names (by their number), each given its extra, in the chunks' order."""
        ...

    def tasks(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        """fn of each job, in order."""
        ...

    def runs(self) -> tuple[str, ...] | str:
        """The Han runs of the corpus's Chinese, in order: in memory, or a file of them."""
        ...


@dataclass(slots=True)
class Mined:
    """What the passes learnt: counts, pair scores (all of them, or at least those linked),
    links and the types of the terms."""

    counts: Counts
    scores: dict[Pair, PairScore]
    links: Links
    types: Types


class InMemory:
    """A corpus as one chunk in memory whose candidates are kept from pass to pass, each
    worked out once and taken on to the next stage as the passes need."""

    def __init__(self, segs: Sequence[Segment]) -> None:
        self.segs = segs
        self.found: list[Found] = []
        self.stage: Stage | None = None

    @property
    def starts(self) -> Sequence[int]:
        return [0]

    def found_at(self, stage: Stage, known: Known) -> list[Found]:
        if self.stage is None:
            self.found, self.stage = [find(s, known.reading) for s in self.segs], Stage.RAW
        if stage >= Stage.DROPPED > self.stage:
            drop(self.found, known)
            self.stage = Stage.DROPPED
        if stage >= Stage.SPANNED > self.stage:
            spread(self.segs, self.found, known.spans)
            self.stage = Stage.SPANNED
        return self.found

    def each(self, step: Step, known: Known, extras: Mapping[int, Any] | None = None) -> Iterator[Any]:
        if extras is not None and 0 not in extras:
            return
        stage = STAGES.get(step)
        found = self.found_at(stage, known) if stage is not None else []
        yield STEPS[step](Chunk(0, self.segs), found, known, None if extras is None else extras[0])

    def tasks(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        return map(fn, jobs)

    def runs(self) -> tuple[str, ...]:
        return tuple(r for s in self.segs for r in chinese.han_runs(normalise_zh(s.zh)))


def run_passes(chunks: Chunks, *, keep: bool = False, say: Callable[[str], None] = lambda _: None) -> Mined:
    """Mine a corpus in passes. With `keep`, every pair score and each segment's links
    are kept (`Analysis` has them); otherwise only the scores of pairs that may link."""
    say("reading the Chinese")
    stats = _merged(chunks.each(Step.READ, Known()), chinese.ReadStats())
    reading = next(chunks.tasks(learn_reading, [ReadingJob(stats, chunks.runs())]))
    known = Known(reading)
    say("counting terms")
    terms = _merged(chunks.each(Step.TERMS, known), Counts())
    drop_zh, drop_en = fragments(terms, reading)
    known = replace(known, drop_zh=drop_zh, drop_en=drop_en, recurring=terms.recurring())
    say("counting pairs")
    paired = _merged(chunks.each(Step.PAIRS, known), PairCounts())
    terms.pairs, terms.structure, terms.short_forms = (
        paired.counts.pairs,
        paired.counts.structure,
        paired.counts.short_forms,
    )
    scores = dict(_scored(chunks, terms, terms.pairs, keep))
    say("linking")
    linked = _linked(chunks.each(Step.LINK, replace(known, scores=scores)), keep)
    say("choosing where terms begin and end")
    new, held = _better_spans(chunks, known, terms, paired.en, linked)
    changed = _count_spans(new, held, terms)
    if not changed:
        return Mined(terms, scores, linked.links, linked.types)
    for pair, score in _scored(chunks, terms, [p for p in terms.pairs if p[0] in changed], True):
        if keep or linkable(score):
            scores[pair] = score
        else:
            scores.pop(pair, None)
    say("linking again")
    known = replace(known, scores=scores, spans=frozenset(new))
    relinked = _linked(chunks.each(Step.RELINK, known), keep)
    return Mined(terms, scores, relinked.links, relinked.types)


def _merged(parts: Iterable[T], into: T) -> T:
    for part in parts:
        into = into.merge(part)  # type: ignore[attr-defined]
    return into


def _linked(parts: Iterable[Linked], keep: bool) -> Linked:
    out = Linked()
    for part in parts:
        if not keep:
            part.links.by_segment = []
        out.merge(part)
    return out


def fragments(terms: Counts, reading: chinese.Reading) -> tuple[frozenset[str], frozenset[str]]:
    """The candidates that never occur outside one longer candidate (counts.dependent),
    in each language; the names of States are terms wherever they stand, if only inside
    秘鲁政府 elsewhere."""
    drop_zh = dependent(
        terms.zh,
        zh_parts(terms.zh),
        lambda rest: rest in reading.vocab,
        lambda part, longer: chinese.is_name(longer),
    )
    drop_en = dependent(
        terms.en,
        en_parts(terms.en),
        lambda rest: bool(english.ACRONYM.match(surface_form(rest, terms))),
        lambda part, longer: english.extends_name(surface_form(part, terms), surface_form(longer, terms)),
    )
    drop_zh -= gazetteer.zh_names()
    drop_en -= {english.key(n) for n in gazetteer.en_names()}
    return frozenset(drop_zh), frozenset(drop_en)


def _batched(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _scored(
    chunks: Chunks, terms: Counts, pairs: Iterable[Pair], keep: bool
) -> Iterator[tuple[Pair, PairScore]]:
    """The score of each pair (termbase.pairs); with `keep`, of every one, else only of
    those that may link."""
    surfaces: dict[str, str] = {}

    def item(pair: Pair) -> tuple[str, str, int, int, int, int]:
        z, key = pair
        if key not in surfaces:
            surfaces[key] = surface_form(key, terms)
        return (z, surfaces[key], terms.pairs[pair], terms.structure[pair], terms.zh[z], terms.en[key])

    batches = list(_batched(pairs))
    jobs = (ScoreJob(tuple(item(p) for p in batch)) for batch in batches)
    for batch, scores in zip(batches, chunks.tasks(score_batch, jobs), strict=True):
        for pair, score in zip(batch, scores, strict=True):
            if keep or linkable(score):
                yield pair, score


def _better_spans(
    chunks: Chunks, known: Known, terms: Counts, with_en: Mapping[str, int], linked: Linked
) -> tuple[dict[str, set[str]], Held]:
    """For each linked pair, the Chinese span the English evidence prefers
    (termbase.boundaries), where it is not the term itself: span -> the English keys
    that chose it. And the counts of the segments that hold the spans."""
    english_of = {pair: surface_form(pair[1], terms) for pair in linked.first}
    # a title's marks and a bracketed short form's brackets are its boundaries
    pairs = sorted(p for p in linked.first if not p[0].startswith("《") and p not in linked.short)
    extras: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    owners: dict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        for i in linked.first[pair]:
            c = bisect_right(chunks.starts, i) - 1
            extras[c].append((i, pair[0], english_of[pair]))
            owners[c].append(pair)
    candidates: dict[Pair, list[str]] = {pair: [] for pair in pairs}
    for c, spans in zip(sorted(extras), chunks.each(Step.AROUND, known, extras), strict=True):
        for pair, around in zip(owners[c], spans, strict=True):
            candidates[pair] += around
    wanted: dict[str, set[str]] = defaultdict(set)
    for (z, key), spans in candidates.items():
        for span in (z, *spans):
            wanted[span].add(key)
    sought = replace(known, wanted={span: frozenset(keys) for span, keys in wanted.items()})
    held = _merged(chunks.each(Step.HELD, sought), Held())
    new: dict[str, set[str]] = defaultdict(set)
    for batch, bests in _choices(chunks, candidates, english_of, held, with_en):
        for (z, key), best in zip(batch, bests, strict=True):
            if best != z:
                new[best].add(key)
    return new, held


def _choices(
    chunks: Chunks,
    candidates: dict[Pair, list[str]],
    english_of: dict[Pair, str],
    held: Held,
    with_en: Mapping[str, int],
) -> Iterator[tuple[list[Pair], list[str]]]:
    """Each batch of pairs, and the span chosen for each."""

    def item(pair: Pair) -> tuple[str, str, tuple[str, ...], SpanCounts]:
        z, key = pair
        spans = candidates[pair]
        sought = {z, *spans}
        counts = SpanCounts(
            {s: held.held[s] for s in sought if held.held[s]},
            {s: held.together[(s, key)] for s in sought if held.together[(s, key)]},
            with_en.get(key, 0),
        )
        return z, english_of[pair], tuple(spans), counts

    batches = list(_batched(candidates))
    jobs = (ChoiceJob(tuple(item(p) for p in batch)) for batch in batches)
    yield from zip(batches, chunks.tasks(choose_batch, jobs), strict=True)


def _count_spans(new: Mapping[str, set[str]], held: Held, terms: Counts) -> set[str]:
    """Count each better span, and its pairs with the English terms that chose it, in the
    segments that hold it and do not have it as a candidate yet; the spans so counted."""
    changed = set()
    for span, keys in sorted(new.items()):
        if held.fresh[span]:
            terms.zh[span] += held.fresh[span]
            changed.add(span)
        for key in sorted(keys):
            if held.fresh_together[(span, key)]:
                terms.pairs[(span, key)] += held.fresh_together[(span, key)]
    return changed
