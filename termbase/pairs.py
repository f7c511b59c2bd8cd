"""Pairs of terms: how a Chinese and an English term are scored as translations of each
other, and where competitive linking linked them."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from unterm.lang.dictionary import similarity
from unterm.lang.length import C, term_length
from unterm.termbase.counts import Counts
from unterm.termbase.model import Example


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
    """How well a Chinese term and an English term (by key) translate each other, by the
    counts of a corpus."""
    return score_counts(
        z,
        surface_form(key, counts),
        counts.pairs[(z, key)],
        counts.structure[(z, key)],
        counts.zh[z],
        counts.en[key],
    )


def score_counts(z: str, surface: str, together: int, structure: int, n_zh: int, n_en: int) -> PairScore:
    """A pair's score from what the corpus counts of it: the segments that hold both terms
    (`together`), that tie them by structure, and that hold each term."""
    dice = 2 * together / (n_zh + n_en) if together else 0.0
    lexical = similarity(z, surface)
    # one segment proves little about association; five prove a good deal
    association = dice * (1 - 1 / (1 + together))
    struct = 0.9 if structure else 0.0
    score = 1 - (1 - 0.95 * lexical) * (1 - 0.9 * association) * (1 - struct)
    return PairScore(score * plausible_length(z, surface), lexical, dice, together, structure)


EXAMPLES = 3  # the examples an entry keeps: those of the first segments its pair is linked in


@dataclass(slots=True)
class Links:
    count: Counter[tuple[str, str]] = field(default_factory=Counter)
    score: dict[tuple[str, str], float] = field(default_factory=dict)
    examples: dict[tuple[str, str], list[Example]] = field(default_factory=lambda: defaultdict(list))
    # the (zh term, en key) pairs linked in each segment, in segment order
    by_segment: list[list[tuple[str, str]]] = field(default_factory=list)
    # how often each pair was linked on its own, not inside a longer pair linked in the
    # same segment (境内流离失所 / internally displaced inside 境内流离失所者 / internally
    # displaced persons): a pair never linked on its own is a fragment
    own: Counter[tuple[str, str]] = field(default_factory=Counter)

    def merge(self, later: Links) -> Links:
        """These links and those of the segments that follow them."""
        self.count.update(later.count)
        self.score.update(later.score)
        for pair, examples in later.examples.items():
            have = self.examples[pair]
            have.extend(examples[: EXAMPLES - len(have)])
        self.by_segment.extend(later.by_segment)
        self.own.update(later.own)
        return self
