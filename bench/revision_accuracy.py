"""How well `unterm revision` finds a reviser's changes: random revisions of real texts,
each change made at a known place, scored against what the report says.

Every bundled corpus is revised (corpora/*: A/RES/77/173 as Markdown and as PDF text, the
UDHR with its article headings and list numbers, 300 UNPC paragraphs, GA 55/100, the SDG
targets, the MNBVC draft resolution, the UN Charter as copied from the UN's web page, the
UNTERM country names and 300 UNBIS descriptors as lists), and the treaty-like texts of
corpora/treaty_texts (two UNESCO conventions in both languages, the ICJ Statute, a rules
of procedure), each language apart. For each text and seed, six to ten paragraphs are
revised by one of the kinds of tests/support/random_revisions.py (a character or a word
inserted, a word changed, a clause added, the paragraph deleted, a new one inserted,
swapped with the next, moved five or more paragraphs away, split in two at a comma,
merged with the next, its typography changed); on odd seeds the list numbers that count
1, 2, 3, … (restarting in each article) are renumbered after the change.

A change is found when a pair holds exactly its draft paragraph(s) and exactly the final
paragraph(s) that hold them, with its kind (a swap: one of the two paragraphs moved to the
other's place); every other changed pair is a false alarm. `unchanged≠` counts pairs
reported unchanged whose texts differ (there must be none).

usage: python -m bench.revision_accuracy [--seeds N] [--only NAME]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tests.support.random_revisions import KINDS
from tests.support.revision_texts import RESTARTING, Tally, score, texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--only", default="", help="only the texts whose name holds this")
    ap.add_argument("--misses", action="store_true", help="list every change not found")
    args = ap.parse_args()
    total, restarting = Tally(), Tally()
    print(
        f"{'text':26} {'paras':>5} {'changes':>7} {'found':>6} {'share':>7} {'false':>5} {'unchanged≠':>10} {'seconds':>7}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for text in texts(Path(tmp)):
            if args.only not in text.name:
                continue
            start = time.perf_counter()
            t = score(text, range(args.seeds), Path(tmp))
            total.add(t)
            if text.name.startswith(RESTARTING):
                restarting.add(t)
            made, found = sum(t.made.values()), sum(t.found.values())
            note = f"  ({t.unreadable} of {t.copies} copies unreadable)" if t.unreadable else ""
            print(
                f"{text.name:26} {len(text.paras):5d} {made:7d} {found:6d} {found / max(1, made):7.1%} {t.false:5d} "
                f"{t.unequal:10d} {time.perf_counter() - start:7.1f}{note}"
            )
    print("\nby kind of change: found / made")
    for kind in KINDS:
        share = total.found[kind] / max(1, total.made[kind])
        print(f"  {kind:14} {total.found[kind]:5d} / {total.made[kind]:5d}  {share:7.1%}")
    for label, t in (("all texts", total), ("texts whose numbering restarts", restarting)):
        made, found = sum(t.made.values()), sum(t.found.values())
        print(
            f"{label}: {found} / {made} found ({found / max(1, made):.1%}), {t.false} false alarms, "
            f"{t.unequal} pairs unchanged with different texts, {t.unreadable} of {t.copies} copies unreadable"
        )
    if args.misses:
        print("\nnot found:")
        print("\n".join(f"  {m}" for m in total.missed))


if __name__ == "__main__":
    main()
