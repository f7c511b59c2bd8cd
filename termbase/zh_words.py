"""Chinese words as term mining reads them: jieba's words with their offsets, the names of
States as one word, and the dictionary's renderings of the English terms of a segment.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import pairwise, product

import regex

from unterm.lang.chinese import segment
from unterm.lang.dictionary import cedict, headwords, renderings
from unterm.lang.english import content_stems
from unterm.lang.gazetteer import zh_names

NAME = "name"  # the part of speech of a State's name (lang.gazetteer) read as one word


Token = tuple[str, str, int]  # word, part of speech, offset in the text


def tokens(text: str) -> list[Token]:
    """jieba's words of a (normalised) text with their offsets (see `_tokens`)."""
    return list(_tokens(text))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    """jieba's words of a (normalised) text with their offsets; the name of a State
    (lang.gazetteer) is one word tagged NAME, whatever jieba made of it, where it begins
    and ends between jieba's words (中国 is no name inside 发展中国家, which jieba reads
    as one word) or opens a word whose rest is a word of its own (秘鲁|政府)."""
    words: list[Token] = []
    at = 0
    for word, pos in segment(text):
        words.append((word, pos, at))
        at += len(word)
    starts = {w[2]: k for k, w in enumerate(words)}
    ends = {w[2] + len(w[0]): k for k, w in enumerate(words)}
    out: list[Token] = []
    k = 0
    for m in _names_pattern().finditer(text):
        first = starts.get(m.start())
        if first is None or first < k:
            continue
        last = ends.get(m.end())
        rest = ""
        if last is None:
            word, pos, at = words[first]
            rest = word[m.end() - at :]
            if not (at + len(word) > m.end() and len(rest) >= 2 and rest in cedict()):
                continue
            last = first
        out += words[k:first]
        out.append((m[0], NAME, m.start()))
        if rest:
            out.append((rest, "n", m.end()))
        k = last + 1
    return tuple(out + words[k:])


@cache
def _names_pattern() -> regex.Pattern[str]:
    return regex.compile("|".join(regex.escape(n) for n in sorted(zh_names(), key=len, reverse=True)))


def rendered(text: str, words: list[Token], english: Iterable[str]) -> list[str]:
    """The dictionary's renderings of English terms where the text has them between
    words: a word whose definition says what the term says (lang.dictionary.headwords),
    or, for a term of two to six content words, adjacent words that render each of them
    (生殖|健康 for `reproductive health`, 核|安全 for `nuclear safety`). A compound jieba
    keeps whole (气候变化) is read as the dictionary words it is made of (气候|变化)."""
    terms = set(english)
    if not terms:
        return []
    starts, ends = _word_bounds(words)
    out = {
        (at, h)
        for e in terms
        for h in headwords(e)
        for at in places(text, h)
        if at in starts and at + len(h) in ends
    }
    for e in terms:
        stems = list(dict.fromkeys(content_stems(e)))
        if 2 <= len(stems) <= 6:
            out.update(_composed(text, stems, starts, ends, " and " in f" {e.lower()} "))
    return [h for _, h in sorted(out)]


def _word_bounds(words: list[Token]) -> tuple[set[int], set[int]]:
    """Where words start and end, a compound counted as the dictionary words it is made
    of where it splits into two of them."""
    starts, ends = set(), set()
    for word, pos, at in words:
        starts.add(at)
        ends.add(at + len(word))
        if len(word) >= 3 and pos != NAME:
            for k in range(1, len(word)):
                if word[:k] in cedict() and word[k:] in cedict():
                    ends.add(at + k)
                    starts.add(at + k)
    return starts, ends


def _composed(
    text: str, stems: list[str], starts: set[int], ends: set[int], joined: bool = False
) -> set[tuple[int, str]]:
    """Spans made of adjacent words that render each English stem once, in any order;
    where the English joins them with `and` (`joined`), 和, 及 or 与 may stand between
    two of them (拉丁美洲|和|加勒比 for `Latin America and the Caribbean`)."""
    found: list[list[tuple[int, int]]] = []
    for st in stems:
        places_ = [(at, at + len(w)) for w in renderings(st) for at in places(text, w)]
        places_ = [(a, b) for a, b in places_ if a in starts and b in ends]
        if not places_:
            return set()
        found.append(places_)
    out: set[tuple[int, str]] = set()
    for combo in product(*found):
        spans = sorted(combo)
        if all(_next_to(a, b, text, joined) for a, b in pairwise(spans)) and spans[-1][1] - spans[0][0] >= 2:
            out.add((spans[0][0], text[spans[0][0] : spans[-1][1]]))
    return out


def _next_to(a: tuple[int, int], b: tuple[int, int], text: str, joined: bool) -> bool:
    return a[1] == b[0] or (joined and b[0] == a[1] + 1 and text[a[1]] in "和及与")


def places(text: str, term: str) -> list[int]:
    """Where a term starts in a text, every occurrence (overlapping ones too)."""
    out = []
    at = text.find(term)
    while at >= 0:
        out.append(at)
        at = text.find(term, at + 1)
    return out
