"""Time and memory of `unterm align` per document pair, and across a process pool.

Each stage is a pure function of one pair, so a corpus is a map over pairs: the pool
run below is the same code a Dask cluster would run, one task a pair.

usage: python -m bench.align_speed [--repeat N] [--pool-tasks N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tests.support.render import gold_units, render_pdf_text, udhr_paragraphs
from unterm.align.paragraphs import align_files

ROOT = Path(__file__).resolve().parent.parent

CORPORA = ROOT / "corpora"


def inputs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """The pairs to time: A/RES/77/173 as Markdown and as PDF text, the UDHR, the 169
    SDG targets as bare lists (no numbers: the DP's worst case, one long segment)."""
    ares = CORPORA / "A_RES_77_173"
    pairs = {"A/RES/77/173 markdown": (ares / "zh.md", ares / "en.md")}
    gold = ares / "gold_align.tsv"
    for side in ("zh", "en"):
        text = render_pdf_text(
            gold_units(gold, side), (ares / f"{side}.md").read_text("utf-8"), zh=side == "zh"
        )
        (folder / f"ares_{side}.txt").write_text(text, encoding="utf-8")
        udhr = udhr_paragraphs(CORPORA / "udhr" / ("udhr_cmn_hans.xml" if side == "zh" else "udhr_eng.xml"))
        (folder / f"udhr_{side}.txt").write_text("\n".join(udhr) + "\n", encoding="utf-8")
    pairs["A/RES/77/173 PDF text"] = (folder / "ares_zh.txt", folder / "ares_en.txt")
    pairs["UDHR paragraphs"] = (folder / "udhr_zh.txt", folder / "udhr_en.txt")
    import csv

    with open(CORPORA / "sdg_framework" / "derived" / "global_targets_en_zh.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for side in ("zh", "en"):
        (folder / f"sdg_{side}.txt").write_text("\n".join(r[side] for r in rows) + "\n", encoding="utf-8")
    pairs["SDG targets, unnumbered"] = (folder / "sdg_zh.txt", folder / "sdg_en.txt")
    return pairs


def one(pair: tuple[Path, Path]) -> int:
    return len(align_files(*pair).pairs)


def per_pair(pairs: dict[str, tuple[Path, Path]], repeat: int) -> None:
    one(pairs["A/RES/77/173 markdown"])  # warm: imports, cn2an and num2words tables
    print(f"{'pair':26} {'pairs out':>9} {'median s':>9} {'min s':>7}")
    for name, pair in pairs.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            n = one(pair)
            times.append(time.perf_counter() - start)
        print(f"{name:26} {n:9d} {statistics.median(times):9.3f} {min(times):7.3f}")


def whole_process(ares: tuple[Path, Path], tmp: str) -> None:
    cli = []
    for _ in range(3):
        start = time.perf_counter()
        unterm = str(Path(sys.executable).with_name("unterm"))
        subprocess.run([unterm, "align", *map(str, ares), "-o", f"{tmp}/a.tmx", "-q"], check=True)
        cli.append(time.perf_counter() - start)
    print(f"\nCLI `unterm align zh.md en.md -o a.tmx`, whole process: median {statistics.median(cli):.2f} s")
    code = (
        "import resource, sys; from unterm.align.paragraphs import align_files; "
        f"align_files({str(ares[0])!r}, {str(ares[1])!r}); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    rss = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    print(f"peak memory of one process aligning A/RES/77/173: {int(rss.stdout) / 1024:.0f} MiB (max RSS)")


def pool(ares: tuple[Path, Path], count: int) -> None:
    tasks = [ares] * count
    start = time.perf_counter()
    for t in tasks[: max(8, count // 8)]:
        one(t)
    serial = (time.perf_counter() - start) / max(8, count // 8)
    workers = os.cpu_count() or 1
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as executor:
        done = sum(1 for _ in executor.map(one, tasks, chunksize=4))
    wall = time.perf_counter() - start
    print(
        f"process pool, {workers} workers: {done} pairs in {wall:.2f} s = {done / wall:.1f} pairs/s "
        f"(serial {1 / serial:.1f} pairs/s)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--pool-tasks", type=int, default=96)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pairs = inputs(Path(tmp))
        per_pair(pairs, args.repeat)
        whole_process(pairs["A/RES/77/173 markdown"], tmp)
        pool(pairs["A/RES/77/173 markdown"], args.pool_tasks)
        print(f"this process: max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
