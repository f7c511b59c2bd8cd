"""Fuzzy matches, as a CAT tool's translation memory gives them: the match percentage of
an earlier sentence against the one to translate.

The percentage is 100 × (1 − d / n): d is the edit distance (insertions, deletions,
substitutions: Levenshtein, computed by rapidfuzz) between the two sentences as tokens,
n the longer one's number of tokens; rounded down, so only the same sentence is 100%.
English tokens are words and punctuation marks, Chinese ones characters (a run of Latin
letters or digits is one token), as Trados and memoQ count by words in English and by
characters in Chinese. Case and white space are left aside (the search form,
memory.text), so `1．` and `1.` or `2030 年` and `2030年` do not lower a match.

Candidates come from the full-text index (the sentence's words, or its Chinese
trigrams, any of them, best bm25 rank first), so a lookup reads a few hundred
sentences whatever the memory's size.
"""

from __future__ import annotations

import regex
from rapidfuzz.distance import Levenshtein

from unterm.lang.languages import Lang
from unterm.memory.model import Span
from unterm.memory.text import Searchable

_EN_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]")
_ZH_TOKEN = regex.compile(r"[\p{Latin}\p{N}]+(?:[.\-/][\p{Latin}\p{N}]+)*|\S")
DEFAULT_MIN = 70
CANDIDATES = 300


def tokens(form: str, lang: Lang) -> list[tuple[int, int]]:
    """The tokens of a search form, as (start, end)."""
    pattern = _ZH_TOKEN if lang is Lang.ZH else _EN_TOKEN
    return [(m.start(), m.end()) for m in pattern.finditer(form)]


def percent(a: list[str], b: list[str]) -> int:
    """The match percentage of two token lists (see the module docstring)."""
    longest = max(len(a), len(b))
    if not longest:
        return 0
    return (100 * (longest - Levenshtein.distance(a, b))) // longest


def within_reach(n_query: int, n_other: int, least: int) -> bool:
    """Whether two sentences of these token counts can match at `least` percent: the
    distance is at least their difference in length."""
    longest = max(n_query, n_other)
    return longest > 0 and 100 * min(n_query, n_other) >= least * longest


def differences(query: list[str], found: Searchable, spans: list[tuple[int, int]]) -> tuple[Span, ...]:
    """What an earlier sentence has that the one to translate has not (its tokens
    replaced or inserted), as spans of the earlier sentence as written."""
    words = [found.text[s:e] for s, e in spans]
    out: list[Span] = []
    for op in Levenshtein.opcodes(query, words):
        if op.tag in ("replace", "insert") and op.dest_end > op.dest_start:
            start = spans[op.dest_start][0]
            end = spans[op.dest_end - 1][1]
            first, last = found.original(start, end)
            out.append(Span(first, last))
    return tuple(out)


def fts_any(form: str, lang: Lang) -> str:
    """An FTS5 expression that matches a sentence sharing any word (English) or any
    trigram of characters (Chinese) with this one: each a quoted string, OR'd."""
    if lang is Lang.EN:
        words = dict.fromkeys(w.lower() for w in regex.findall(r"[\p{L}\p{N}]+", form))
        return " OR ".join(f'"{w}"' for w in words)
    compact = form.replace('"', "")
    grams = dict.fromkeys(compact[i : i + 3] for i in range(max(0, len(compact) - 2)))
    return " OR ".join('"' + g + '"' for g in grams if len(g.strip()) == 3)
