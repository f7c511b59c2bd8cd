"""unterm at corpus scale: throughput (pairs/s, MB/s) and peak memory of the whole process
tree (unterm, its worker processes, a Dask cluster's) for `align`, `terms` and `qa` over
a folder of pairs.

Corpora: the UNPC v1.0 development set as its 732 documents (bench/mine_unpc.py writes
them), and a generated corpus of resolutions made from the bundled real paragraph pairs
(bench/corpus_maker.py). Runs: serial (-j 1), a process pool (-j 2), a LocalCluster of 2
workers (--scheduler). And the UDHR repeated 64 times as one document (3,840 paragraphs
a side, 1.2 MB) and a 10,000-paragraph document without paragraph numbers (--long):
the DP's long-document cases.

usage: python -m bench.corpus [--pairs 10000] [--runs j2] [--commands align,terms,qa]
                              [--unpc] [--udhr] [--long] [--keep DIR]
The figures in docs/benchmarks.md "A corpus" come from `python -m bench.corpus --pairs 10000
--runs j2 --commands align,terms --udhr --long` and `python -m bench.corpus --pairs 0
--unpc --runs j1,j2,dask`.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import psutil
import regex

from bench.corpus_maker import generate
from bench.mine_unpc import documents as unpc_documents
from tests.support.render import udhr_paragraphs

ROOT = Path(__file__).resolve().parent.parent
UNTERM = [sys.executable, "-m", "unterm"]


@dataclass(frozen=True, slots=True)
class Measure:
    seconds: float
    peak_mib: float
    status: int
    last_line: str


class TreePeak:
    """The largest total resident memory of some processes and all their descendants,
    sampled every 50 ms."""

    def __init__(self, *roots: int) -> None:
        self.roots = [psutil.Process(pid) for pid in roots]
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            total = 0
            for root in self.roots:
                try:
                    tree = [root, *root.children(recursive=True)]
                except psutil.Error:
                    continue
                for proc in tree:
                    with suppress(psutil.Error):
                        total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak / 2**20


def measure(args: list[str], *also: int) -> Measure:
    """Run unterm with `args`; its time, the peak memory of its tree (and of `also`'s)."""
    start = time.perf_counter()
    proc = subprocess.Popen([*UNTERM, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = TreePeak(proc.pid, *also)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    lines = [line for line in err.splitlines() if line.strip()]
    return Measure(seconds, peak.stop(), proc.returncode, lines[-1] if lines else "")


@contextmanager
def local_cluster(workers: int = 2) -> Iterator[tuple[str, int]]:
    """A Dask LocalCluster of `workers` single-threaded worker processes, in a process of
    its own: its scheduler's address and that process's pid."""
    code = (
        "import sys, time\n"
        "from distributed import LocalCluster\n"
        f"c = LocalCluster(n_workers={workers}, threads_per_worker=1, dashboard_address=None)\n"
        "print(c.scheduler_address, flush=True)\n"
        "sys.stdin.read()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdin is not None
    address = proc.stdout.readline().strip()
    try:
        yield address, proc.pid
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def command_args(command: str, folder: Path, out: Path) -> list[str]:
    """The unterm command line for a corpus run whose outputs go to `out`."""
    if command == "align":
        return ["align", str(folder), "-o", str(out / "corpus.tmx"), "-o", str(out / "corpus.zh")]
    if command == "terms":
        return ["terms", str(folder), "-o", str(out / "terms.tbx")]
    return ["qa", str(folder), "-o", str(out / "findings.csv")]


def run_one(command: str, folder: Path, run: str, pairs: int, megabytes: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        args = [*command_args(command, folder, out), "--quiet"]
        if run == "dask":
            with local_cluster() as (address, pid):
                m = measure([*args, "--scheduler", address], pid)
        else:
            m = measure([*args, "-j", run[1:]])
    rate = pairs / m.seconds
    print(
        f"  {command:5} {run:4}  {m.seconds:7.1f} s  {rate:6.1f} pairs/s  {megabytes / m.seconds:5.2f} MB/s"
        f"  peak {m.peak_mib:6.0f} MiB  exit {m.status}" + (f"  ({m.last_line})" if m.status else ""),
        flush=True,
    )


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def corpus(folder: Path, name: str, commands: list[str], runs: list[str]) -> None:
    pairs = sum(1 for p in folder.rglob("*") if p.is_file() and (p.name == "zh.txt" or ".zh." in p.name))
    mb = size_mb(folder)
    print(f"{name}: {pairs} pairs, {mb:.1f} MB", flush=True)
    for command in commands:
        for run in runs:
            run_one(command, folder, run, pairs, mb)


def udhr64(folder: Path) -> None:
    for side, xml in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        text = "\n".join(udhr_paragraphs(ROOT / "corpora" / "udhr" / xml)) + "\n"
        (folder / f"udhr64.{side}.txt").write_text(text * 64, encoding="utf-8")
    zh, en = folder / "udhr64.zh.txt", folder / "udhr64.en.txt"
    mb = (zh.stat().st_size + en.stat().st_size) / 1e6
    print(f"UDHR x64 as one document: {mb:.2f} MB", flush=True)
    for command in ("align", "qa"):
        m = measure([command, str(zh), str(en), "-o", str(folder / f"udhr64.{command}.csv"), "--quiet"])
        print(f"  {command:5}  {m.seconds:6.1f} s  peak {m.peak_mib:5.0f} MiB  exit {m.status}", flush=True)


def long_unnumbered(folder: Path, paragraphs: int = 10_000) -> None:
    """One document of `paragraphs` paragraphs a side and no paragraph numbers (the UNPC
    development set's sentence pairs, their leading numbers and letters cut, repeated
    until there are enough): the DP's long case with no key to cut it at."""
    unpc = ROOT / "corpora" / "unpc_v1_devset"
    number = regex.compile(r"^\s*(?:\(?[0-9a-z]{1,3}[.)．]|[（(][a-z0-9]+[)）])\s*")
    zh_lines = (unpc / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en_lines = (unpc / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    pairs = [(number.sub("", z), number.sub("", e)) for z, e in zip(zh_lines, en_lines, strict=True)]
    pairs = [(z, e) for z, e in pairs if z.strip() and e.strip()]
    chosen = [pairs[k % len(pairs)] for k in range(paragraphs)]
    zh, en = folder / "long.zh.txt", folder / "long.en.txt"
    zh.write_text("\n\n".join(z for z, _ in chosen) + "\n", encoding="utf-8")
    en.write_text("\n\n".join(e for _, e in chosen) + "\n", encoding="utf-8")
    mb = (zh.stat().st_size + en.stat().st_size) / 1e6
    print(f"{paragraphs:,} paragraphs without numbers as one document: {mb:.2f} MB", flush=True)
    m = measure(["align", str(zh), str(en), "-o", str(folder / "long.align.csv"), "--quiet"])
    print(f"  align  {m.seconds:6.1f} s  peak {m.peak_mib:5.0f} MiB  exit {m.status}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=1000, help="generated pairs (0: none)")
    parser.add_argument("--runs", default="j1,j2,dask", help="j1, j2 (-j N), dask (a 2-worker LocalCluster)")
    parser.add_argument("--commands", default="align,terms,qa")
    parser.add_argument("--unpc", action="store_true", help="also the 732 UNPC development documents")
    parser.add_argument("--udhr", action="store_true", help="also the UDHR x64 as one document")
    parser.add_argument("--long", action="store_true", help="also a 10,000-paragraph document, unnumbered")
    parser.add_argument("--keep", type=Path, help="make the corpora here and keep them")
    opts = parser.parse_args()
    commands, runs = opts.commands.split(","), opts.runs.split(",")
    print(f"machine: {psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB")
    work = opts.keep or Path(tempfile.mkdtemp(prefix="unterm-bench-"))
    try:
        if opts.udhr:
            (work / "udhr").mkdir(parents=True, exist_ok=True)
            udhr64(work / "udhr")
        if opts.long:
            (work / "long").mkdir(parents=True, exist_ok=True)
            long_unnumbered(work / "long")
        if opts.unpc:
            folder = work / "unpc"
            if not folder.exists():
                unpc_documents(folder)
            corpus(folder, "UNPC development set, as documents", commands, runs)
        if opts.pairs:
            folder = work / f"generated_{opts.pairs}"
            if not folder.exists():
                start = time.perf_counter()
                generate(folder, opts.pairs)
                print(f"(generated in {time.perf_counter() - start:.0f} s)")
            corpus(folder, "generated resolutions", commands, runs)
    finally:
        if opts.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
