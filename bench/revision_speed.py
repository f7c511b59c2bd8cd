"""Time and memory of `unterm revision`: a draft against its final, read, aligned,
scored and diffed.

Inputs: A/RES/77/173 (Chinese and English) with the revisions the tests make (a word
changed, a clause inserted, a paragraph deleted, two swapped, one split, typography),
and 1,500 UNPC development-set sentences as paragraphs with 30 clauses inserted, one
paragraph deleted and one moved 800 paragraphs on.

usage: python -m bench.revision_speed [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support.corpora import CORPORA
from tests.support.revisions import ares_zh
from unterm.revision import revise


def inputs(folder: Path) -> dict[str, tuple[Path, Path]]:
    r = ares_zh()
    pairs = {"A/RES/77/173 zh, 7 changes": (r.draft.path, r.draft.write(folder, *r.edits().values()))}
    lines = (CORPORA / "unpc_v1_devset" / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()[:1500]
    rng = random.Random(1)
    final = list(lines)
    for k in rng.sample(range(len(final)), 30):
        at = rng.randrange(len(final[k]))
        final[k] = final[k][:at] + "并酌情与各利益攸关方协商" + final[k][at:]
    del final[700]
    final.insert(900, final.pop(100))
    for name, text in (("unpc_draft.txt", lines), ("unpc_final.txt", final)):
        (folder / name).write_text("\n\n".join(text) + "\n", encoding="utf-8")
    pairs["UNPC 1,500 paragraphs, 32 changes"] = (folder / "unpc_draft.txt", folder / "unpc_final.txt")
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pairs = inputs(Path(tmp))
        revise(*pairs["A/RES/77/173 zh, 7 changes"])  # warm: imports, sacrebleu
        print(f"{'pair':34} {'pairs':>6} {'changed':>7} {'median s':>9}")
        for name, (draft, final) in pairs.items():
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                r = revise(draft, final)
                times.append(time.perf_counter() - start)
            changed = sum(p.changed for p in r.pairs)
            print(f"{name:34} {len(r.pairs):6d} {changed:7d} {statistics.median(times):9.2f}")
        draft, final = pairs["A/RES/77/173 zh, 7 changes"]
        unterm = str(Path(sys.executable).with_name("unterm"))
        whole = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(
                [unterm, "revision", str(draft), str(final), "-o", f"{tmp}/r.html", "-q"], check=True
            )
            whole.append(time.perf_counter() - start)
        print(
            f"\nCLI `unterm revision DRAFT FINAL -o r.html`, whole process: median {statistics.median(whole):.2f} s"
        )
        print(f"this process: max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
