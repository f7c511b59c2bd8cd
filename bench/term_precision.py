"""Precision of the top-ranked mined term pairs, against the recorded judgements.

Mines A/RES/77/173 (aligned by unterm) and the SDG framework (goals, targets and
indicators, paired by key) and prints how many of the top N entries a terminologist
judged correct in tests/expected/*.terms_judged.tsv, listing the wrong ones and any
entry nobody has judged yet.

usage: python -m bench.term_precision
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

from unterm.align.paragraphs import align_files
from unterm.termbase.counts import Segment
from unterm.termbase.mine import mine, mine_alignments
from unterm.termbase.model import Termbase

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
JUDGED = ROOT / "tests" / "expected"


def report(name: str, termbase: Termbase, n: int, judged_file: str) -> None:
    with open(JUDGED / judged_file, encoding="utf-8") as f:
        verdicts = {(r["zh"], r["en"]): r for r in csv.DictReader(f, delimiter="\t")}
    right = 0
    wrong: list[str] = []
    unjudged: list[str] = []
    for rank, e in enumerate(termbase.entries[:n], 1):
        key = (" | ".join(t.text for t in e.zh), " | ".join(t.text for t in e.en))
        row = verdicts.get(key)
        if row is None:
            unjudged.append(f"{rank:>4}  {key[0]} | {key[1]}")
        elif row["correct"] == "yes":
            right += 1
        else:
            wrong.append(f"{rank:>4}  {key[0]} | {key[1]}  ({row['why']})")
    print(f"{name}: {right} of the top {n} correct ({right / n:.0%}), {len(unjudged)} not judged")
    for line in wrong:
        print("   wrong", line)
    for line in unjudged:
        print("   unjudged", line)


def main() -> None:
    start = time.perf_counter()
    ares = mine_alignments(
        [align_files(CORPORA / "A_RES_77_173" / "zh.md", CORPORA / "A_RES_77_173" / "en.md")]
    )
    print(f"(A/RES/77/173 aligned and mined in {time.perf_counter() - start:.1f} s, dictionaries included)")
    report("A/RES/77/173", ares, 50, "A_RES_77_173.terms_judged.tsv")
    segs = []
    for part in ("goals", "targets", "indicators"):
        path = CORPORA / "sdg_framework" / "derived" / f"global_{part}_en_zh.tsv"
        with open(path, encoding="utf-8") as f:
            segs += [
                Segment(r["zh"], r["en"], "SDG framework", r["key"])
                for r in csv.DictReader(f, delimiter="\t")
            ]
    start = time.perf_counter()
    sdg = mine(segs=segs)
    print(f"(SDG framework, {len(segs)} segments, mined in {time.perf_counter() - start:.1f} s)")
    report("SDG framework", sdg, 100, "sdg_framework.terms_judged.tsv")


if __name__ == "__main__":
    main()
