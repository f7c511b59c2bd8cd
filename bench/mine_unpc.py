"""Mine the whole UNPC v1.0 development set: time and peak memory.

Two runs: (1) the 4,000 aligned sentence pairs mined directly as segments; (2) the full
pipeline as a user runs it, `unterm terms --dir`, over the 732 documents the set comes
from (each document's sentences written one a line, aligned by unterm, then mined).
Each run is a separate process so its peak memory (max RSS) is its own.

usage: python -m bench.mine_unpc
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.term_recall import devset_documents

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "corpora" / "unpc_v1_devset"

DIRECT = """
import resource, sys, time
from pathlib import Path
from unterm.termbase.mine import Segment, mine
root = Path(sys.argv[1])
zh = (root / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
en = (root / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
ids = (root / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
segs = [Segment(z, e, i.split()[0]) for z, e, i in zip(zh, en, ids, strict=True)]
start = time.perf_counter()
termbase = mine(segs=segs)
seconds = time.perf_counter() - start
print(f"{len(segs)} sentence pairs -> {len(termbase)} entries in {seconds:.1f} s, "
      f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
for e in termbase.entries[:15]:
    print("  ", e.zh_text, "|", e.en_text, f"({e.frequency}x, {e.confidence:.2f})")
"""


def documents(folder: Path) -> int:
    """Write each document's sentence pairs as folder/<symbol>/zh.txt and en.txt."""
    docs = devset_documents()
    for symbol, rows in docs.items():
        target = folder / symbol.replace("/", "_")
        target.mkdir(parents=True)
        (target / "zh.txt").write_text("\n".join(z for z, _ in rows) + "\n", encoding="utf-8")
        (target / "en.txt").write_text("\n".join(e for _, e in rows) + "\n", encoding="utf-8")
    return len(docs)


def main() -> None:
    print("1. the 4,000 sentence pairs as aligned segments")
    subprocess.run([sys.executable, "-c", DIRECT, str(DEVSET)], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        n = documents(Path(tmp) / "docs")
        out = Path(tmp) / "unpc.tbx"
        unterm = str(Path(sys.executable).with_name("unterm"))
        print(f"\n2. unterm terms --dir over {n} documents (aligned, then mined)")
        start = time.perf_counter()
        run = subprocess.run(
            [unterm, "terms", "--dir", str(Path(tmp) / "docs"), "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"   exit {run.returncode} in {seconds:.1f} s, max RSS {rss:.0f} MiB; {run.stderr.strip()[:300]}"
        )


if __name__ == "__main__":
    main()
