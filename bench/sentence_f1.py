"""Sentence-link F1 on the UNPC-derived paragraph pairs, the one-sided sentences found
exactly, with and without the dictionary evidence, and the time it takes.

corpora/unpc_v1_devset/make_sentence_gold.py groups the devset's 4,000 sentence pairs
(732 documents) into paragraph pairs; each is split and aligned as `unterm align --level
sentence` does inside a paragraph pair (unterm.align.sentences.sentence_pairs), and the
sentence pairs are scored against the gold (unterm.align.evaluate, the measure of
../shared/tools/score_alignment.py), summed over all pairs.

A gold unit with one side only (a sentence the other version lacks; 128 of them) is
found exactly when, in its paragraph pair, the aligner outputs a pair whose one side is
that sentence (equal after evaluate.norm) and whose other side is empty.

Since 128 one-sided units are few, the same is measured on paragraph pairs made by
leaving out each sentence in turn (tests.support.corpora.left_out_in_turn: in every run
of two or more gold units, each unit's Chinese, then its English; 4,926 pairs): the
share of them where the sentence left alone is found exactly.

The documents are also taken in two halves (by a hash of their symbol), so that a
setting chosen on one half can be reported on the other; and with `--seeds 1 2 3`, the
same measure is taken on paragraph pairs grouped with other seeds (other runs, other
sentences left out; make_sentence_gold.build).

usage: python -m bench.sentence_f1 [--seeds N ...]
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

from tests.support.corpora import left_out_in_turn, unpc_regrouped, unpc_sentence_gold
from unterm.align import cost, evidence, sentences
from unterm.align.evaluate import Score, one_sided, score
from unterm.lang.languages import Lang

Pairs = list[tuple[str, str]]
Paragraphs = list[dict[str, str]]
Gold = dict[str, list[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class Result:
    """Link counts, and one-sided gold units found exactly out of all."""

    links: Score
    found: int
    one_sided: int

    def __add__(self, other: Result) -> Result:
        return Result(self.links + other.links, self.found + other.found, self.one_sided + other.one_sided)


NOTHING = Result(Score(0, 0, 0), 0, 0)


def half(group: str) -> str:
    """A or B: the half of the documents a paragraph pair's document falls in."""
    symbol = group.split("#")[0]
    return "AB"[int(hashlib.md5(symbol.encode()).hexdigest(), 16) % 2]


def measure(
    paragraphs: Paragraphs, gold: Gold, align: Callable[[str, str], Pairs]
) -> tuple[dict[str, Result], float]:
    """Per half (A, B) and in all: the result of aligning every paragraph pair; seconds."""
    out = {"A": NOTHING, "B": NOTHING}
    start = time.perf_counter()
    for p in paragraphs:
        pairs = align(p["zh"], p["en"])
        units = gold[p["group"]]
        n, found = one_sided(pairs, units)
        out[half(p["group"])] += Result(score(pairs, units), found, n)
    seconds = time.perf_counter() - start
    out["all"] = out["A"] + out["B"]
    return out, seconds


@contextmanager
def lengths_and_anchors_only() -> Iterator[None]:
    with mock.patch.object(evidence, "lexical_keys", lambda text, lang: ()):
        yield


@contextmanager
def no_keys() -> Iterator[None]:
    """Sentences seen without the paragraph numbers and item letters they open with."""
    with mock.patch.object(evidence, "sentence_key", lambda sentence: ""):
        yield


@contextmanager
def paragraph_priors() -> Iterator[None]:
    """Sentences linked with the paragraphs' priors (a 2-1 eight times likelier than a 1-0)."""
    with mock.patch.object(cost, "SENTENCE_PRIOR", cost.PRIOR):
        yield


VARIANTS = {
    "lengths, anchors and keys only (no dictionary)": lengths_and_anchors_only,
    "without keys": no_keys,
    "with the paragraph-level priors": paragraph_priors,
}


def in_turn(gold: Gold, align: Callable[[str, str], Pairs]) -> tuple[int, int]:
    """(paragraph pairs lacking one sentence, of them with that sentence found exactly)."""
    cases = left_out_in_turn(gold)
    return len(cases), sum(one_sided(align(zh, en), [alone])[1] for zh, en, alone, _ in cases)


def row(name: str, r: Result, secs: float | None = None, turn: tuple[int, int] | None = None) -> str:
    s = r.links
    cells = [name, f"{s.precision:.4f}", f"{s.recall:.4f}", f"{s.f1:.4f}", f"{r.found} / {r.one_sided}"]
    cells.append(f"{100 * r.found / r.one_sided:.1f}%" if r.one_sided else "")
    if turn is not None:
        cells += [f"{turn[1]} / {turn[0]}", f"{100 * turn[1] / turn[0]:.1f}%"]
    if secs is not None:
        cells.append(f"{secs:.1f}")
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    paragraphs, gold = unpc_sentence_gold()
    evidence.lexical_keys("预热。", Lang.ZH)  # load jieba and CC-CEDICT outside the timing
    n = sum(map(len, gold.values()))
    print(f"{len(paragraphs)} paragraph pairs, {n} gold sentence units")
    print(
        "| evidence | precision | recall | F1 | one-sided found exactly | % "
        "| each sentence left out in turn: found exactly | % | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    ours, secs = measure(paragraphs, gold, sentences.sentence_pairs)
    print(
        row(
            "lengths, anchors, keys and dictionary (unterm)",
            ours["all"],
            secs,
            in_turn(gold, sentences.sentence_pairs),
        )
    )
    for name, variant in VARIANTS.items():
        with variant():
            other, secs = measure(paragraphs, gold, sentences.sentence_pairs)
            turn = in_turn(gold, sentences.sentence_pairs)
        print(row(name, other["all"], secs, turn))
    print()
    print("| documents | precision | recall | F1 | one-sided found exactly | % |")
    print("|---|---|---|---|---|---|")
    for h in ("A", "B"):
        print(row(f"half {h}", ours[h]))
    seeds = [int(a) for a in sys.argv[sys.argv.index("--seeds") + 1 :]] if "--seeds" in sys.argv else []
    if seeds:
        print()
        print("| grouping | precision | recall | F1 | one-sided found exactly | % |")
        print("|---|---|---|---|---|---|")
    for seed in seeds:
        regrouped, regrouped_gold = unpc_regrouped(seed)
        result, _ = measure(regrouped, regrouped_gold, sentences.sentence_pairs)
        for h in ("A", "B", "all"):
            print(row(f"seed {seed}, {'all documents' if h == 'all' else 'half ' + h}", result[h]))


if __name__ == "__main__":
    main()
