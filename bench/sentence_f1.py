"""Sentence-link F1 on the UNPC-derived paragraph pairs, with and without the dictionary
evidence, and the time it takes.

corpora/unpc_v1_devset/make_sentence_gold.py groups the devset's 4,000 sentence pairs
(732 documents) into paragraph pairs; each is split and aligned as `unterm align --level
sentence` does inside a paragraph pair (unterm.align.sentences.sentence_pairs), and the
sentence pairs are scored against the gold (unterm.align.evaluate, the measure of
../shared/tools/score_alignment.py), summed over all pairs.

usage: python -m bench.sentence_f1
"""

from __future__ import annotations

import time
from unittest import mock

from tests.support.corpora import unpc_sentence_gold
from unterm.align import evidence, sentences
from unterm.align.evaluate import Score, score
from unterm.lang.languages import Lang


def measure(paragraphs: list[dict[str, str]], gold: dict[str, list[tuple[str, str]]]) -> tuple[Score, float]:
    total = Score(0, 0, 0)
    start = time.perf_counter()
    for p in paragraphs:
        total += score(sentences.sentence_pairs(p["zh"], p["en"]), gold[p["group"]])
    return total, time.perf_counter() - start


def main() -> None:
    paragraphs, gold = unpc_sentence_gold()
    evidence.lexical_keys("预热。", Lang.ZH)  # load jieba and CC-CEDICT outside the timing
    n = sum(map(len, gold.values()))
    one_sided = sum(1 for units in gold.values() for zh, en in units if not (zh and en))
    print(f"{len(paragraphs)} paragraph pairs, {n} gold sentence units ({one_sided} one-sided)")
    print("| evidence | precision | recall | F1 | seconds |")
    print("|---|---|---|---|---|")
    for name, patch in (
        ("lengths, anchors and dictionary (unterm)", None),
        ("lengths and anchors only", mock.patch.object(evidence, "lexical_keys", lambda text, lang: ())),
    ):
        if patch is None:
            total, secs = measure(paragraphs, gold)
        else:
            with patch:
                total, secs = measure(paragraphs, gold)
        print(f"| {name} | {total.precision:.4f} | {total.recall:.4f} | {total.f1:.4f} | {secs:.1f} |")


if __name__ == "__main__":
    main()
