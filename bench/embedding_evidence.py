"""Is a sentence-embedding model worth using as evidence for the sentence links the
aligner is least sure of? Its calibration, and what it gains and costs, on the UNPC
development gold.

1. Calibration (align.embedding.CALIBRATION): the cosine between the two sides of each
   two-sided gold unit, and between each unit's Chinese and the English of the other
   units of its paragraph pair: mean and sd, in all and per half of the documents.
2. Gain and cost: the sentence level without and with the evidence (align.embedding:
   paragraph pairs whose least sure link scores below GATE aligned again), on the 2,215
   paragraph pairs and on the 4,926 made by leaving out each sentence in turn
   (bench/sentence_f1.py); how many paragraph pairs were aligned again, how many texts
   embedded, the seconds (loading the model included).
3. Cross-validation: each half of the left-out-in-turn pairs aligned with the
   calibration measured on the other half.

With `--gate`, only where the aligner is unsure, without a model: how many paragraph
pairs have a link scoring below GATE, and how many of the sentences left out in turn
that it misses lie in them.

Needs the `embed` extra (not for --gate).
usage: python -m bench.embedding_evidence [--model use|e5] [--gate]
"""

from __future__ import annotations

import statistics
import sys
import time
from unittest import mock

from bench.sentence_f1 import half, measure, row
from tests.support.corpora import left_out_in_turn, unpc_sentence_gold
from unterm.align import embedding, evidence, sentences
from unterm.align.embedding import Calibration, Embeddings, Model
from unterm.align.evaluate import one_sided
from unterm.lang.languages import Lang

Gold = dict[str, list[tuple[str, str]]]


def calibrate(gold: Gold, model: Embeddings, groups: set[str]) -> Calibration:
    """Cosines of translations and of strangers among the gold units of these groups."""
    true: list[float] = []
    strange: list[float] = []
    for group in sorted(groups):
        both = [(z, e) for z, e in gold[group] if z and e]
        if not both:
            continue
        zv = model.vectors([z for z, _ in both])
        ev = model.vectors([e for _, e in both])
        for k, z in enumerate(zv):
            for j, e in enumerate(ev):
                (true if j == k else strange).append(float(z @ e))
    return Calibration(
        statistics.mean(true), statistics.stdev(true), statistics.mean(strange), statistics.stdev(strange)
    )


def in_turn(cases: list[tuple[str, str, tuple[str, str], str]], model: Embeddings | None) -> tuple[int, int]:
    found = sum(one_sided(sentences.sentence_pairs(zh, en, model), [alone])[1] for zh, en, alone, _ in cases)
    return len(cases), found


def gate() -> None:
    """Paragraph pairs below GATE, on the devset grouping and left out in turn; the
    left-out sentences missed, and of them those in a pair below GATE."""
    paragraphs, gold = unpc_sentence_gold()

    def unsure(zh: str, en: str) -> bool:
        return min(link.score for link in sentences.paragraph_sentences(zh, en)[2]) < embedding.GATE

    devset = sum(unsure(p["zh"], p["en"]) for p in paragraphs)
    cases = left_out_in_turn(gold)
    missed = [
        (zh, en) for zh, en, alone, _ in cases if not one_sided(sentences.sentence_pairs(zh, en), [alone])[1]
    ]
    print(f"below GATE {embedding.GATE}: {devset} of {len(paragraphs)} devset pairs,", end=" ")
    print(f"{sum(unsure(zh, en) for zh, en, _, _ in cases)} of {len(cases)} left out in turn;", end=" ")
    print(
        f"of the {len(missed)} left-out sentences missed, {sum(unsure(zh, en) for zh, en in missed)} lie in them"
    )


def main() -> None:
    if "--gate" in sys.argv:
        gate()
        return
    name = Model(sys.argv[sys.argv.index("--model") + 1]) if "--model" in sys.argv else Model.USE
    paragraphs, gold = unpc_sentence_gold()
    evidence.lexical_keys("预热。", Lang.ZH)  # load jieba and CC-CEDICT outside the timing
    model = Embeddings(name)
    start = time.perf_counter()
    model.vectors(["warm-up"])
    print(f"{name.value}: loaded in {time.perf_counter() - start:.1f} s")

    halves = {h: {p["group"] for p in paragraphs if half(p["group"]) == h} for h in "AB"}
    fitted = {"all": calibrate(gold, model, set(gold))} | {h: calibrate(gold, model, halves[h]) for h in "AB"}
    print("\n| documents | translations: mean | sd | strangers: mean | sd |\n|---|---|---|---|---|")
    for h, c in fitted.items():
        print(f"| {h} | {c.mean:.4f} | {c.sd:.4f} | {c.stranger_mean:.4f} | {c.stranger_sd:.4f} |")
    print(f"in use: {embedding.CALIBRATION[name]}")

    cases = [
        (zh, en, alone, half(group))
        for group, units in gold.items()
        for zh, en, alone, _ in left_out_in_turn({group: units})
    ]
    print(
        "\n| evidence | precision | recall | F1 | one-sided found exactly | % "
        "| each sentence left out in turn: found exactly | % | paragraph pairs aligned again | texts embedded | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, chosen in (("unterm", None), (f"unterm + {name.value} embeddings", Embeddings(name))):
        start = time.perf_counter()

        def align(zh: str, en: str, model: Embeddings | None = chosen) -> list[tuple[str, str]]:
            return sentences.sentence_pairs(zh, en, model)

        result, _ = measure(paragraphs, gold, align)
        turn = in_turn(cases, chosen)
        seconds = time.perf_counter() - start
        asked, texts = (chosen.asked, chosen.encoded) if chosen is not None else (0, 0)
        print(f"{row(label, result['all'], None, turn)} {asked} | {texts} | {seconds:.1f} |")

    print("\n| calibration measured on | left out in turn, aligned | found exactly | % |\n|---|---|---|---|")
    for source, target in (("A", "B"), ("B", "A")):
        with mock.patch.dict(embedding.CALIBRATION, {name: fitted[source]}):
            n, found = in_turn([c for c in cases if c[3] == target], Embeddings(name))
        print(f"| half {source} | half {target} | {found} / {n} | {100 * found / n:.1f}% |")


if __name__ == "__main__":
    main()
