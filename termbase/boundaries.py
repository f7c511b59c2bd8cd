"""Where a Chinese term begins and ends, chosen with the English evidence.

jieba's words and the corpus's own vocabulary give the first Chinese candidates, and
they are often cut wrongly for a term: a verb in front (召开|联合国人居大会 "convene"),
the head missing (检查组 for 联合检查组 "Joint Inspection Unit"), a word jieba tags as a
verb at the end (预算 "budget"). Once competitive linking has paired a Chinese candidate
with an English term, the Chinese around each linked occurrence is read again: the span
may grow or shrink by up to three words at either end, and the span that best matches
the English term wins, scored as the pair itself is (termbase.pairs): how much of each
the dictionary covers, and how consistently the span and the English term occur in the
same segments across the corpus, with what they start and end with. Spans begin and end
between words (jieba's, with the names of States as one word), so 中国 is never read
inside 发展中国家.

The better spans become candidates of every segment that holds them, are counted and
scored like the others, and the segments are linked again, so a span wins its English
partner only where it outscores everything else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from unterm.lang.dictionary import coverage
from unterm.lang.text import normalise_zh
from unterm.termbase import chinese, zh_words
from unterm.termbase.counts import Counts, Found, Segment
from unterm.termbase.model import TermType
from unterm.termbase.pairs import Links, plausible_length, surface_form

# How far a span may grow or shrink, in words, at either end; how many of a pair's
# linked segments are read for spans; how much better a span must score than the term.
REACH = 3
READ_SEGMENTS = 3
MARGIN = 0.02
_SPAN_TEXT = regex.compile(r"[\p{Han}\dA-Za-z\-]+")
# parts of speech that neither open nor close a term (see termbase.chinese)
_NOT_FIRST = ("p", "c", "u", "r", "y", "e", "o", "x", "w", "f", "q")
_NOT_LAST = (*_NOT_FIRST, "d", "m", "t")
_NEVER_INSIDE = ("u", "p", "x", "w", "y", "e", "o")  # particles (的), prepositions, punctuation


@dataclass(slots=True)
class Spans:
    """The Chinese of the segments, indexed for finding spans quickly."""

    texts: list[str]
    en_segments: dict[str, set[int]]
    nominal: frozenset[str]
    bigrams: dict[str, list[int]] = field(default_factory=dict)
    _words: dict[int, list[zh_words.Token]] = field(default_factory=dict)
    _held: dict[str, list[int]] = field(default_factory=dict)

    @staticmethod
    def of(segs: Sequence[Segment], found: Sequence[Found], nominal: frozenset[str] = frozenset()) -> Spans:
        texts = [normalise_zh(s.zh) for s in segs]
        bigrams: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(texts):
            for b in {t[k : k + 2] for k in range(len(t) - 1)}:
                bigrams[b].append(i)
        en_segments: dict[str, set[int]] = defaultdict(set)
        for i, f in enumerate(found):
            for key in f.en:
                en_segments[key].add(i)
        return Spans(texts, en_segments, nominal, dict(bigrams))

    def words(self, i: int) -> list[zh_words.Token]:
        if i not in self._words:
            self._words[i] = zh_words.tokens(self.texts[i])
        return self._words[i]

    def held(self, span: str) -> list[int]:
        """The segments that hold a span between words."""
        if span not in self._held:
            posting = min((self.bigrams.get(span[k : k + 2], []) for k in range(len(span) - 1)), key=len)
            self._held[span] = [i for i in posting if span in self.texts[i] and self._between_words(i, span)]
        return self._held[span]

    def _between_words(self, i: int, span: str) -> bool:
        starts = {at for _, _, at in self.words(i)}
        ends = {at + len(w) for w, _, at in self.words(i)}
        return any(
            m.start() in starts and m.end() in ends for m in regex.finditer(regex.escape(span), self.texts[i])
        )


def better_spans(
    segs: Sequence[Segment],
    found: Sequence[Found],
    counts: Counts,
    links: Links,
    nominal: frozenset[str] = frozenset(),
) -> set[str]:
    """Find, for each linked pair, the Chinese span the English evidence prefers, and make
    each such span a candidate (counted, with its pairs) of every segment that holds it.
    Returns the spans whose counts changed. A span ends with a verb only where the corpus
    uses the verb as a noun (`nominal`, see termbase.chinese.Reading)."""
    spans = Spans.of(segs, found, nominal)
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, linked in enumerate(links.by_segment):
        for pair in linked:
            if len(where[pair]) < READ_SEGMENTS:
                where[pair].append(i)
    new: dict[str, set[str]] = defaultdict(set)
    for (z, key), segments_linked in sorted(where.items()):
        if z.startswith("《") or found[segments_linked[0]].zh.get(z) is TermType.ABBREVIATION:
            continue  # a title's marks and a bracketed short form's brackets are its boundaries
        english = surface_form(key, counts)
        best, best_score = z, _score(z, key, english, spans)
        for i in segments_linked:
            for span in _around(spans, i, z, " and " in f" {english.lower()} "):
                if _better(span, _score(span, key, english, spans), best, best_score, z, english):
                    best, best_score = span, _score(span, key, english, spans)
        if best != z:
            new[best].add(key)
    return _add(new, spans, found, counts)


def _better(span: str, score: float, best: str, best_score: float, z: str, english: str) -> bool:
    """Whether a span beats the best so far: by a margin over the term itself, or, as good,
    by saying more of the English in more characters (维持和平行动 for `peacekeeping
    operations`, where 和平行动 "peace operations" already matched `peacekeeping`)."""
    base = best_score if best != z else best_score + MARGIN
    if score > base:
        return True
    if abs(score - best_score) > MARGIN / 2:
        return False
    return _said(span, english) > _said(best, english) or (
        _said(span, english) == _said(best, english) and best != z and span < best
    )


def _said(span: str, english: str) -> float:
    """How many of a span's characters the English term's words cover."""
    return coverage(span, english)[1] * len(span)


def _score(span: str, key: str, english: str, spans: Spans) -> float:
    """The score a span would have as a pair with the English term (termbase.pairs), its
    dictionary evidence weighing the English covered twice the Chinese: a span should say
    all the English says (联合检查组 for `Joint Inspection Unit`, not 检查组), and then
    as little else as it can (联合国人居大会, not 召开联合国人居大会)."""
    held = spans.held(span)
    with_en = spans.en_segments.get(key, set())
    together = sum(1 for i in held if i in with_en)
    dice = 2 * together / (len(held) + len(with_en)) if held else 0.0
    association = dice * (1 - 1 / (1 + together))
    cover_en, cover_zh = coverage(span, english)
    score = 1 - (1 - 0.95 * (2 * cover_en + cover_zh) / 3) * (1 - 0.9 * association)
    return score * plausible_length(span, english)


def _around(spans: Spans, i: int, z: str, joined: bool = False) -> list[str]:
    """The spans around each occurrence of z in segment i (the first three): z grown or
    shrunk by up to REACH words at either end or both; with 和, 及 or 与 inside where the
    English joins its words with `and` too (`joined`)."""
    text = spans.texts[i]
    words = spans.words(i)
    starts = [at for _, _, at in words]
    ends = [at + len(w) for w, _, at in words]
    out = []
    for s0 in zh_words.places(text, z)[:READ_SEGMENTS]:
        e0 = s0 + len(z)
        lefts = [b for b in starts if b < s0][-REACH:] + [b for b in starts if s0 < b <= e0 - 2][:REACH]
        rights = [b for b in ends if b > e0][:REACH] + [b for b in ends if s0 + 2 <= b < e0][-REACH:]
        for a in [s0, *lefts]:
            for b in [e0, *rights]:
                if (a, b) != (s0, e0) and b - a >= 2 and _term_like(words, a, b, text, spans.nominal, joined):
                    out.append(text[a:b])
    return out


def _term_like(
    words: list[zh_words.Token],
    start: int,
    end: int,
    text: str,
    nominal: frozenset[str],
    joined: bool = False,
) -> bool:
    """Whether the words from start to end can be a term: no punctuation, particle or
    preposition, no function word at either end, a conjunction only as a joiner (和, 及,
    与) inside the name of a body or where the English has `and` too."""
    inside = [(w, p) for w, p, at in words if start <= at and at + len(w) <= end]
    if (
        not inside
        or not _SPAN_TEXT.fullmatch(text[start:end])
        or not regex.search(r"\p{Han}", text[start:end])
    ):
        return False
    if any(
        p.startswith(_NEVER_INSIDE) or (p.startswith("c") and w not in chinese.JOINERS) for w, p in inside
    ):
        return False
    (first, first_pos), (last, last_pos) = inside[0], inside[-1]
    if chinese.is_function_word(first) or chinese.is_function_word(last):
        return False
    if (
        first_pos.startswith(_NOT_FIRST)
        or last_pos.startswith(_NOT_LAST)
        or (first_pos == "v" and len(first) == 1)
        or (last_pos == "v" and last not in nominal)
    ):
        return False
    return joined or not any(w in chinese.JOINERS for w, _ in inside) or chinese.is_name(text[start:end])


def _add(new: dict[str, set[str]], spans: Spans, found: Sequence[Found], counts: Counts) -> set[str]:
    """Make each span a candidate of every segment that holds it and does not have it yet,
    counted there, and paired with the English terms that chose it (only: a span chosen
    for `UN-Habitat Assembly` is no evidence for another term)."""
    changed: set[str] = set()
    for span, keys in sorted(new.items()):
        for i in spans.held(span):
            f = found[i]
            if span in f.zh:
                continue
            f.zh[span] = TermType.FULL_FORM
            counts.zh[span] += 1
            counts.pairs.update((span, key) for key in sorted(keys) if key in f.en)
            changed.add(span)
    return changed
