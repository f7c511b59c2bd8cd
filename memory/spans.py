"""The equivalent of a query in the other side of a pair: where a termbase or the
bilingual dictionary says the query is rendered.

A termbase's entry for the query (its Chinese term, or its English one with case and
plurals folded) gives the other side's terms, looked for as written. Otherwise the
dictionary (lang.dictionary, CC-CEDICT with unterm's supplement) links words as the
sentence aligner's lexical evidence does (align.lexical): an English word matches a
Chinese word when a gloss of the Chinese word shares its stem (lang.english.stems_match).
The words of the other side that match a word of the query, with at most two
stopwords (English) or one character (Chinese) between them, make the candidate spans,
and the one whose coverage of the query is best (lang.dictionary.similarity) is the
equivalent; none under MIN_SIMILARITY.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import regex

from unterm.lang.dictionary import coverage, headwords, renderings, similarity, words_in
from unterm.lang.english import EN_STOP, WORD, content_stems, fold, match_keys, stem, stems_match
from unterm.lang.languages import Lang
from unterm.lang.length import C, measure
from unterm.lang.text import zh_key
from unterm.memory.model import Span
from unterm.termbase.model import Termbase

MIN_SIMILARITY = 0.3
_MAX_WORD = 8  # the longest dictionary word looked up in Chinese text
_LATIN = regex.compile(r"[\p{Latin}\d][\p{Latin}\d\-./]*")
_HAN_RUN = regex.compile(r"\p{Han}+")


def _terms_for(termbase: Termbase | None, query: str, side: str) -> tuple[str, ...]:
    """The other side's terms of the termbase entries for the query, longest first."""
    if termbase is None:
        return ()
    out: set[str] = set()
    key = zh_key(query) if side == "zh" else fold(query)
    for entry in termbase.entries:
        mine, other = (entry.zh, entry.en) if side == "zh" else (entry.en, entry.zh)
        if any((zh_key(t.text) if side == "zh" else fold(t.text)) == key for t in mine):
            out.update(t.text for t in other if t.text)
    return tuple(sorted(out, key=lambda t: (-len(t), t)))


class Equivalents:
    """The equivalent spans of one query, in the other sides of the pairs it is found in."""

    def __init__(self, query: str, side: str, termbase: Termbase | None = None) -> None:
        self.query, self.side = query, side
        self.terms = _terms_for(termbase, query, side)
        if side == "zh":
            by_key: dict[str, set[str]] = {}
            for g in {g for _, _, defs in words_in(query) for d in defs for g in d}:
                for k in match_keys(g):
                    by_key.setdefault(k, set()).add(g)
            self.by_key = by_key  # the glosses of the query's dictionary words, by match key
            self.latin = {m[0].lower() for m in _LATIN.finditer(query)}
        else:
            words = WORD.findall(query)
            runs = [
                " ".join(words[i:j])
                for i in range(len(words))
                for j in range(i + 1, min(len(words), i + 6) + 1)
            ]
            found = {w for s in content_stems(query) for w in renderings(s)} | {
                w for r in runs for w in headwords(r)
            }
            self.targets = tuple(sorted(w for w in found if len(w) <= _MAX_WORD))
            self.latin = {m[0].lower() for m in _LATIN.finditer(query)}
        self._given: set[tuple[str, Span]] = set()  # the spans a termbase's term gave, as they are
        self._seen: dict[str, bool] = {}  # the other side's words: whether they match the query's
        self.options = lru_cache(maxsize=4096)(self._options)

    def spans(self, others: list[str]) -> list[Span | None]:
        """The equivalent's span in each of the other sides of the pairs a query found.

        In each, the spans that cover the query best (`_options`) are candidates, and the
        pairs vote: of the candidates that are candidates in at least half as many pairs as
        the pair's most common one, the longest is chosen (`Security Council`, not
        `meeting of the Security Council` where 会 of 理事会 glosses `meeting`; but
        `General Assembly`, not `Assembly`)."""
        options = [self._widened(other) for other in others]
        votes: Counter[str] = Counter()
        for other, spans in zip(others, options, strict=True):
            votes.update({_key(other, s) for s in spans})
        out: list[Span | None] = []
        for other, spans in zip(others, options, strict=True):
            most = max((votes[_key(other, s)] for s in spans), default=0)
            held = [s for s in spans if 2 * votes[_key(other, s)] >= most]
            chosen = max(held, key=lambda s: (s.end - s.start, -s.start)) if held else None
            out.append(chosen)
        return out

    def _widened(self, other: str) -> tuple[Span, ...]:
        """A pair's options, each English one taken over the words beside it that the
        dictionary could not match (`_extended`); a termbase's term as it is."""
        options = self.options(other)
        if self.side != "zh":
            return options
        return tuple(
            dict.fromkeys(s if (other, s) in self._given else self._extended(other, s) for s in options)
        )

    def _extended(self, other: str, span: Span) -> Span:
        """An English equivalent taken over the unmatched words beside it where the
        dictionary left part of the Chinese query without a match (最不 of 最不发达国家,
        which CC-CEDICT does not gloss `least`): one or two adjacent content words, where
        their length is nearer what the unmatched Chinese would take in English
        (lang.length: 3.56 characters a Han character) than none."""
        _, cover_zh = coverage(self.query, other[span.start : span.end])
        missing = (1 - cover_zh) * measure(self.query, Lang.ZH) * C
        if missing < 3:
            return span
        words = list(WORD.finditer(other))
        opening = next((m.start() for m in words if m[0][0].isalpha()), -1)
        before = [m for m in words if m.end() <= span.start]
        after = [m for m in words if m.start() >= span.end]
        best, least = span, missing
        for side, run in (("left", before[::-1][:2]), ("right", after[:2])):
            edge = span.start if side == "left" else span.end
            taken = 0
            for m in run:
                between = other[m.end() : edge] if side == "left" else other[edge : m.start()]
                if (
                    between.strip(" -")
                    or m[0].lower() in EN_STOP
                    or self._matches_en(m[0])
                    or m.start() == opening
                ):
                    break  # the text's first word is its verb: `Requests UN-Habitat to ...`
                taken += len(m[0])
                edge = m.start() if side == "left" else m.end()
                candidate = Span(edge, span.end) if side == "left" else Span(span.start, edge)
                if abs(missing - taken) + 2 <= least:
                    best, least = candidate, abs(missing - taken)
        return best

    def find(self, other: str) -> Span | None:
        """The equivalent's span in one other side alone."""
        return self.spans([other])[0]

    def _options(self, other: str) -> tuple[Span, ...]:
        """The spans of one other side that cover the query best: a termbase's term, or
        the dictionary's best candidates (`_candidates`) by coverage, then those that
        repeat no word (`New Urban Agenda and the new towns`)."""
        for term in self.terms:
            span = _literal(other, term, english=self.side == "zh")
            if span is not None:
                self._given.add((other, span))
                return (span,)
        pieces = self._english(other) if self.side == "zh" else self._chinese(other)
        ranked: list[tuple[tuple[float, int], Span]] = []
        for span in _candidates(pieces, other, english=self.side == "zh"):
            if self.side == "zh":
                span = _trimmed(other, span)
            elif any(p.start < span.start < p.end for p in pieces):
                continue  # it starts inside a word that renders the query: 员国 of 会员国, 女 of 妇女
            text = other[span.start : span.end]
            if text.lower() in self.latin:
                score = 1.0
            else:
                score = similarity(self.query, text) if self.side == "zh" else similarity(text, self.query)
            if score >= MIN_SIMILARITY:
                ranked.append(((round(score, 2), -_repeats(text) if self.side == "zh" else 0), span))
        if not ranked:
            return ()
        best = max(rank for rank, _ in ranked)
        return tuple(dict.fromkeys(span for rank, span in ranked if rank == best))

    def _english(self, text: str) -> list[Span]:
        """The English words that match the Chinese query's glosses."""
        return [Span(m.start(), m.end()) for m in WORD.finditer(text) if self._matches_en(m[0])]

    def _matches_en(self, word: str) -> bool:
        """Whether an English word matches a gloss of a word of the Chinese query (each
        word judged once a query)."""
        found = self._seen.get(word)
        if found is None:
            low = _POSSESSIVE.sub("", word.lower()) or word.lower()
            if low in EN_STOP:
                found = False
            elif low in self.latin:
                found = True
            else:
                st = stem(low)
                found = any(stems_match(st, g) for k in match_keys(st) for g in self.by_key.get(k, ()))
            self._seen[word] = found
        return found

    def _chinese(self, text: str) -> list[Span]:
        """The Chinese words in a text that render a word of the English query (or a run of
        its words: a dictionary word whose definition says the same), and the Latin runs
        it shares with the query."""
        out = []
        for word in self.targets:
            at = text.find(word)
            while at >= 0:
                out.append(Span(at, at + len(word)))
                at = text.find(word, at + 1)
        out += [Span(m.start(), m.end()) for m in _LATIN.finditer(text) if m[0].lower() in self.latin]
        return sorted(set(out), key=lambda s: (s.start, s.end))


# what may stand between two words of one term: up to two stopwords, but not a list's
# `and the` (`the New Urban Agenda and the new towns` is two things)
_GAP = regex.compile(r"[\s\-–—\p{L}]*")
_LIST = frozenset(["and", "or", "nor"])
_LIST_NEXT = frozenset(["the", "a", "an", "its", "their", "all", "other"])


@lru_cache(maxsize=4096)
def _joins(gap: str) -> bool:
    """Whether two English words this far apart may be one term's (see above)."""
    if _GAP.fullmatch(gap) is None:
        return False
    words = [w.lower() for w in regex.split(r"[\s\-–—]+", gap) if w]
    if len(words) > 2 or not all(w in EN_STOP for w in words):
        return False
    return not (len(words) == 2 and words[0] in _LIST and words[1] in _LIST_NEXT)


def _candidates(pieces: list[Span], text: str, *, english: bool, most: int = 8) -> Iterable[Span]:
    """Spans from a matched piece to a later one (at most `most` pieces on), where each
    gap between consecutive pieces is small: up to two stopwords in English (not a
    list's `and the`), one Han character in Chinese (not a mark: 妇女、土著 is two things)."""
    groups: list[list[Span]] = []
    for piece in pieces:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end : piece.start] if piece.start > last.end else ""
            if (
                _joins(gap)
                if english
                else (not gap or (len(gap) == 1 and _HAN_RUN.fullmatch(gap) is not None))
            ):
                groups[-1].append(piece)
                continue
        groups.append([piece])
    for group in groups:
        for i, first in enumerate(group):
            end = first.end
            for piece in group[i : i + most]:
                end = max(end, piece.end)
                yield Span(first.start, end)


@lru_cache(maxsize=1 << 14)
def _key(text: str, span: Span) -> str:
    return " ".join(text[span.start : span.end].split()).lower()


_POSSESSIVE = regex.compile(r"['’]s?$")


def _trimmed(text: str, span: Span) -> Span:
    """An English span without a possessive's ending (`Secretary-General's`)."""
    m = _POSSESSIVE.search(text, span.start, span.end)
    return Span(span.start, m.start()) if m and m.start() > span.start else span


def _repeats(english: str) -> int:
    """How many of an English text's content words repeat one before them."""
    stems = content_stems(english)
    return len(stems) - len(set(stems))


def _literal(text: str, term: str, *, english: bool) -> Span | None:
    """Where a termbase's term is in a text: as whole words, case aside, in English; as
    written in Chinese."""
    if english:
        m = regex.search(r"(?<![\p{L}\p{N}])" + regex.escape(term) + r"(?![\p{L}\p{N}])", text, regex.I)
    else:
        m = regex.search(regex.escape(term), text)
    return Span(m.start(), m.end()) if m else None
