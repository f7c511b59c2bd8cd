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
partner only where it outscores everything else. Mining does this in passes over the
corpus (termbase.passes): the spans around the first linked occurrences
(`candidate_spans`), then the segments that hold each span (`held_in`), then the choice
(`choose`).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass

import regex

from unterm.lang.dictionary import coverage
from unterm.termbase import chinese, zh_words
from unterm.termbase.pairs import plausible_length

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


def candidate_spans(
    text: str, words: list[zh_words.Token], z: str, english: str, nominal: frozenset[str]
) -> list[str]:
    """The spans around each occurrence of a linked Chinese term in one segment (its
    normalised text and words) that may say its English partner better."""
    return _around(text, words, z, nominal, " and " in f" {english.lower()} ")


def choose(z: str, english: str, spans: Sequence[str], counts: SpanCounts) -> str:
    """The span the English evidence prefers for a pair: the term itself, or the first of
    its candidate spans (in the order of the segments the pair is linked in) that scores
    better (`_better`). Returns the term where none does."""
    best, best_score = z, counts.score(z, english)
    for span in spans:
        score = counts.score(span, english)
        if _better(span, score, best, best_score, z, english):
            best, best_score = span, score
    return best


@dataclass(frozen=True, slots=True)
class SpanCounts:
    """What the corpus counts of a pair's spans: for each span, the segments that hold it
    between words, and of those, the ones whose English has the pair's English term; and
    the segments whose English has it."""

    held: Mapping[str, int]
    together: Mapping[str, int]
    with_en: int

    def score(self, span: str, english: str) -> float:
        """The score a span would have as a pair with the English term (termbase.pairs),
        its dictionary evidence weighing the English covered twice the Chinese: a span
        should say all the English says (联合检查组 for `Joint Inspection Unit`, not 检查组),
        and then as little else as it can (联合国人居大会, not 召开联合国人居大会)."""
        held = self.held.get(span, 0)
        together = self.together.get(span, 0)
        dice = 2 * together / (held + self.with_en) if held else 0.0
        association = dice * (1 - 1 / (1 + together))
        cover_en, cover_zh = coverage(span, english)
        score = 1 - (1 - 0.95 * (2 * cover_en + cover_zh) / 3) * (1 - 0.9 * association)
        return score * plausible_length(span, english)


def held_in(text: str, words: list[zh_words.Token], spans: Container[str], longest: int) -> list[str]:
    """The spans (of at most `longest` characters) that a segment's normalised text holds
    between words: an occurrence begins where a word begins and ends where a word ends.
    Like `str.count`, occurrences are read from the left without overlapping."""
    bounds = sorted({at for _, _, at in words} | {at + len(w) for w, _, at in words})
    seen: dict[str, None] = {}
    for n, a in enumerate(bounds):
        for b in bounds[n + 1 :]:
            if b - a > longest:
                break
            if text[a:b] in spans:
                seen[text[a:b]] = None
    # every occurrence at word boundaries is seen above; the text holds a span where one
    # of its occurrences read from the left is
    starts = {at for _, _, at in words}
    ends = {at + len(w) for w, _, at in words}
    return [
        span
        for span in seen
        if any(m.start() in starts and m.end() in ends for m in regex.finditer(regex.escape(span), text))
    ]


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


def _around(
    text: str, words: list[zh_words.Token], z: str, nominal: frozenset[str], joined: bool = False
) -> list[str]:
    """The spans around each occurrence of z in a segment (the first three): z grown or
    shrunk by up to REACH words at either end or both; with 和, 及 or 与 inside where the
    English joins its words with `and` too (`joined`)."""
    starts = [at for _, _, at in words]
    ends = [at + len(w) for w, _, at in words]
    out = []
    for s0 in zh_words.places(text, z)[:READ_SEGMENTS]:
        e0 = s0 + len(z)
        lefts = [b for b in starts if b < s0][-REACH:] + [b for b in starts if s0 < b <= e0 - 2][:REACH]
        rights = [b for b in ends if b > e0][:REACH] + [b for b in ends if s0 + 2 <= b < e0][-REACH:]
        for a in [s0, *lefts]:
            for b in [e0, *rights]:
                if (a, b) != (s0, e0) and b - a >= 2 and _term_like(words, a, b, text, nominal, joined):
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
