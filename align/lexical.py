"""Dictionary evidence for a link between sentences: how likely its words' matches are
if the two sides translate each other, against if they do not.

Each content word of one side either matches a word of the other side (a CC-CEDICT
gloss of a Chinese word shares a stem with an English word) or not. Between sentences
that translate each other a word matches with probability p(n), between sentences
that do not with q(n), n being the other side's number of content words; each of those
gives a chance match with probability R, so

    q(n) = 1 − (1 − R)^n,    p(n) = 1 − (1 − P0)(1 − R)^n

(P0: the share of a side's words the dictionary finds in a translation, beyond
chance). The words of one sentence are not independent witnesses (a sentence full of
names the dictionary lacks matches little however well it is translated), so the count
of matched words is scored as beta-binomial, with intra-sentence correlation RHO,
rather than binomial. A link's evidence is the log-likelihood ratio of both sides'
counts. A sentence joined to a link whose other side does not translate it brings
words that match only by chance, and costs in proportion to its length: this is what
tells a 2-1 merge from a 1-1 beside a 1-0 (a sentence the other version leaves out).

Measured on the 3,870 two-sided gold units of the UNPC development set, each against its
partner and against the other sentences of its paragraph pair (`python -m
bench.lexical_model`, which gives the figures per half of the documents too): R is
0.011 to 0.015 a word on both sides for partners of 5 to 45 words; P0 is 0.44 for the
Chinese words and 0.61 for the English; RHO, pooled, 0.035.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

R = 0.012
P0_ZH = 0.44
P0_EN = 0.61
RHO = 0.035

Words = Sequence[frozenset[str]]


def matched(words: Words, other: Words) -> int:
    """How many of `words` share a key with some word of `other`."""
    if not other:
        return 0
    keys = frozenset().union(*other)
    return sum(1 for w in words if not w.isdisjoint(keys))


def rates(n_other: int, p0: float) -> tuple[float, float]:
    """(p, q): the chance that a word matches a partner of n_other words that translates
    its sentence, and one that does not."""
    chance = (1 - R) ** n_other
    return 1 - (1 - p0) * chance, 1 - chance


def log_ratio(m: int, n: int, n_other: int, p0: float) -> float:
    """log P(m of n words matched | translation) − log P(m of n | not a translation), for
    a side of n words whose partner has n_other."""
    if not n or not n_other:
        return 0.0
    p, q = rates(n_other, p0)
    return _log_beta_binomial(m, n, p) - _log_beta_binomial(m, n, q)


def _log_beta_binomial(m: int, n: int, mean: float) -> float:
    """log P(m of n) under a beta-binomial of this mean and intra-class correlation RHO,
    less the binomial coefficient (it cancels in a ratio)."""
    size = (1 - RHO) / RHO
    a, b = mean * size, (1 - mean) * size
    return (
        math.lgamma(m + a)
        + math.lgamma(n - m + b)
        - math.lgamma(n + a + b)
        - math.lgamma(a)
        - math.lgamma(b)
        + math.lgamma(a + b)
    )


def lexical_cost(zh: Words, en: Words) -> float:
    """What the dictionary evidence adds to the cost of linking these words: below 0
    where the two sides match as translations do, above where they match as strangers
    do; 0 where either side has no content words."""
    if not zh or not en:
        return 0.0
    return -(
        log_ratio(matched(zh, en), len(zh), len(en), P0_ZH)
        + log_ratio(matched(en, zh), len(en), len(zh), P0_EN)
    )
