"""Term mining as passes over a corpus's aligned segments, each a map over chunks of
consecutive segments whose results merge, in order, into what the whole corpus says
(termbase.analysis runs them):

1. read: how the Chinese uses its verbs, its titles and bracketed terms
   (chinese.ReadStats), then its own vocabulary, learnt from its Han runs;
2. terms: how many segments hold each candidate (counts.count_terms);
3. pairs: how many hold each pair of candidates, once the fragments of longer
   candidates are dropped (counts.count_pairs);
4. link: competitive linking in each segment (termbase.linking), with the first
   segments each pair is linked in;
5. around: the spans around a linked term in those segments (boundaries.candidate_spans);
6. held: how many segments hold each such span between words, and with the English term
   (boundaries.held_in);
7. relink: the segments linked again, the better spans among their candidates.

A chunk's candidates (`Found`) are worked out where the chunk is read, at the stage a
pass needs (`found_in`); only counts, links and the types of terms travel back, so a
corpus read from files by worker processes is mined in memory that grows with its
vocabulary (terms, pairs of terms, spans), not with its number of segments.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Any

from unterm.lang.text import normalise_zh
from unterm.termbase import chinese
from unterm.termbase.boundaries import READ_SEGMENTS, SpanCounts, candidate_spans, choose, held_in
from unterm.termbase.counts import Counts, Found, Segment, count_pairs, count_terms, find
from unterm.termbase.entries import Types
from unterm.termbase.linking import link
from unterm.termbase.model import TermType
from unterm.termbase.pairs import Links, PairScore, score_counts
from unterm.termbase.zh_words import tokens

Pair = tuple[str, str]  # a Chinese term and an English key


class Stage(IntEnum):
    """How far a segment's candidates have come."""

    RAW = 1  # as found
    DROPPED = 2  # without the fragments of longer candidates (counts.dependent)
    SPANNED = 3  # with the better spans where the segment holds them


class Step(str, Enum):
    """A pass over the chunks (see the module docstring)."""

    READ = "read"
    TERMS = "terms"
    PAIRS = "pairs"
    LINK = "link"
    AROUND = "around"
    HELD = "held"
    RELINK = "relink"


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive segments of a corpus, and the corpus index of the first."""

    start: int
    segs: Sequence[Segment]


@dataclass(frozen=True, slots=True)
class Known:
    """What the passes so far have learnt about the whole corpus, given to each chunk."""

    reading: chinese.Reading = field(default_factory=chinese.Reading)
    drop_zh: frozenset[str] = frozenset()
    drop_en: frozenset[str] = frozenset()
    recurring: Counts = field(default_factory=Counts)  # the terms in two segments or more
    scores: Mapping[Pair, PairScore] = field(default_factory=dict)  # at least those that may link
    wanted: Mapping[str, frozenset[str]] = field(default_factory=dict)  # spans -> English keys
    spans: frozenset[str] = frozenset()  # the better spans chosen


def found_in(segs: Sequence[Segment], known: Known, stage: Stage) -> list[Found]:
    """The candidates of each segment, at a stage."""
    found = [find(s, known.reading) for s in segs]
    if stage >= Stage.DROPPED:
        drop(found, known)
    if stage >= Stage.SPANNED:
        spread(segs, found, known.spans)
    return found


def drop(found: Sequence[Found], known: Known) -> None:
    """Take off the full forms that are only ever fragments of a longer candidate."""
    for f in found:
        f.zh = {z: t for z, t in f.zh.items() if z not in known.drop_zh or t is not TermType.FULL_FORM}
        f.en = {k: c for k, c in f.en.items() if k not in known.drop_en or c.type is not TermType.FULL_FORM}


def spread(segs: Sequence[Segment], found: Sequence[Found], spans: frozenset[str]) -> None:
    """Make each better span a candidate of every segment that holds it between words."""
    if not spans:
        return
    longest = max(map(len, spans))
    for s, f in zip(segs, found, strict=True):
        text = normalise_zh(s.zh)
        for span in sorted(held_in(text, tokens(text), spans, longest)):
            f.zh.setdefault(span, TermType.FULL_FORM)


@dataclass(slots=True)
class PairCounts:
    """The pair counts of some segments, and how many of them hold each English key once
    fragments are dropped (what a span's association is measured against)."""

    counts: Counts = field(default_factory=Counts)
    en: Counter[str] = field(default_factory=Counter)

    def merge(self, later: PairCounts) -> PairCounts:
        self.counts.merge(later.counts)
        self.en.update(later.en)
        return self


@dataclass(slots=True)
class Linked:
    """The links of some segments, the types of their terms, and for each pair the first
    segments (corpus indexes) it is linked in; `short`: the pairs whose Chinese term is a
    bracketed short form in the first of them."""

    links: Links = field(default_factory=Links)
    types: Types = field(default_factory=Types)
    first: dict[Pair, list[int]] = field(default_factory=dict)
    short: set[Pair] = field(default_factory=set)

    def merge(self, later: Linked) -> Linked:
        self.links.merge(later.links)
        self.types.merge(later.types)
        for pair, at in later.first.items():
            have = self.first.setdefault(pair, [])
            if not have and pair in later.short:
                self.short.add(pair)
            have.extend(at[: READ_SEGMENTS - len(have)])
        return self


@dataclass(slots=True)
class Held:
    """For each span sought, the segments that hold it between words (`held`), those of
    them whose English has each English key sought with it (`together`), and the same
    two counts over the segments that do not have the span as a candidate yet."""

    held: Counter[str] = field(default_factory=Counter)
    fresh: Counter[str] = field(default_factory=Counter)
    together: Counter[Pair] = field(default_factory=Counter)
    fresh_together: Counter[Pair] = field(default_factory=Counter)

    def merge(self, later: Held) -> Held:
        self.held.update(later.held)
        self.fresh.update(later.fresh)
        self.together.update(later.together)
        self.fresh_together.update(later.fresh_together)
        return self


def _read(chunk: Chunk, found: list[Found], known: Known, extra: Any) -> chinese.ReadStats:
    return chinese.ReadStats.of(normalise_zh(s.zh) for s in chunk.segs)


def _terms(chunk: Chunk, found: list[Found], known: Known, extra: Any) -> Counts:
    return count_terms(found)


def _pairs(chunk: Chunk, found: list[Found], known: Known, extra: Any) -> PairCounts:
    return PairCounts(count_pairs(found, known.recurring), Counter(k for f in found for k in f.en))


def _link(chunk: Chunk, found: list[Found], known: Known, extra: Any) -> Linked:
    out = Linked(link(found, chunk.segs, known.scores), Types.of(found))
    for i, linked in enumerate(out.links.by_segment):
        for pair in linked:
            at = out.first.setdefault(pair, [])
            if not at and found[i].zh.get(pair[0]) is TermType.ABBREVIATION:
                out.short.add(pair)
            if len(at) < READ_SEGMENTS:
                at.append(chunk.start + i)
    return out


def _around(chunk: Chunk, found: list[Found], known: Known, extra: Any) -> list[list[str]]:
    """The candidate spans of each (segment, Chinese term, English term) in `extra`."""
    out = []
    for i, z, english in extra:
        text = normalise_zh(chunk.segs[i - chunk.start].zh)
        out.append(candidate_spans(text, tokens(text), z, english, known.reading.nominal))
    return out


def _held(chunk: Chunk, found: list[Found], known: Known, extra: Any) -> Held:
    out = Held()
    if not known.wanted:
        return out
    longest = max(map(len, known.wanted))
    for s, f in zip(chunk.segs, found, strict=True):
        text = normalise_zh(s.zh)
        for span in held_in(text, tokens(text), known.wanted, longest):
            fresh = span not in f.zh
            out.held[span] += 1
            if fresh:
                out.fresh[span] += 1
            for key in known.wanted[span]:
                if key in f.en:
                    out.together[(span, key)] += 1
                    if fresh:
                        out.fresh_together[(span, key)] += 1
    return out


STEPS: dict[Step, Callable[[Chunk, list[Found], Known, Any], Any]] = {
    Step.READ: _read,
    Step.TERMS: _terms,
    Step.PAIRS: _pairs,
    Step.LINK: _link,
    Step.AROUND: _around,
    Step.HELD: _held,
    Step.RELINK: _link,
}
# the stage of the candidates each pass reads (none: it reads only the text)
STAGES: dict[Step, Stage] = {
    Step.TERMS: Stage.RAW,
    Step.PAIRS: Stage.DROPPED,
    Step.LINK: Stage.DROPPED,
    Step.HELD: Stage.DROPPED,
    Step.RELINK: Stage.SPANNED,
}


def run_step(step: Step, chunk: Chunk, known: Known, extra: Any = None) -> Any:
    """One pass over one chunk, its candidates worked out afresh."""
    stage = STAGES.get(step)
    found = found_in(chunk.segs, known, stage) if stage is not None else []
    return STEPS[step](chunk, found, known, extra)


# Work on pairs of terms rather than on segments, which needs the dictionary: given to
# the worker processes where there are some, in batches.


@dataclass(frozen=True, slots=True)
class ReadingJob:
    """A corpus's read stats and its Han runs: in memory, or a file of them a line each."""

    stats: chinese.ReadStats
    runs: tuple[str, ...] | str


def learn_reading(job: ReadingJob) -> chinese.Reading:
    """The corpus's Reading (chinese.reading), its runs read from memory or the file."""
    if isinstance(job.runs, str):
        path = job.runs

        def runs() -> Any:
            with open(path, encoding="utf-8") as f:
                yield from (line.rstrip("\n") for line in f)

        return chinese.reading(job.stats, runs)
    held = job.runs
    return chinese.reading(job.stats, lambda: iter(held))


@dataclass(frozen=True, slots=True)
class ScoreJob:
    """Pairs to score: (Chinese term, English surface form, segments together, tied by
    structure, segments with the Chinese, segments with the English) each."""

    items: tuple[tuple[str, str, int, int, int, int], ...]


def score_batch(job: ScoreJob) -> list[PairScore]:
    return [score_counts(*item) for item in job.items]


@dataclass(frozen=True, slots=True)
class ChoiceJob:
    """Pairs to choose a span for: (Chinese term, English surface form, candidate spans,
    their counts) each."""

    items: tuple[tuple[str, str, tuple[str, ...], SpanCounts], ...]


def choose_batch(job: ChoiceJob) -> list[str]:
    return [choose(z, english, spans, counts) for z, english, spans, counts in job.items]
