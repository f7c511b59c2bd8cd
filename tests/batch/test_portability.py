"""What a corpus run needs of the operating system holds where Windows and macOS differ
from Linux: their process pools start workers by spawning a new interpreter (nothing
inherited by fork), so every task and its inputs must travel by pickling. A pool started
that way gives the same bytes as one serial run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.batch.test_corpus import corpus

SPAWNED = """
import multiprocessing, sys
multiprocessing.set_start_method("spawn")
from unterm.__main__ import main
sys.argv = ["unterm", *sys.argv[1:]]
main()
"""


def test_a_pool_of_spawned_workers_writes_what_a_serial_run_writes(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=2)
    outputs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"j{workers}.tmx"
        done = subprocess.run(
            [sys.executable, "-c", SPAWNED, "align", str(folder), "-j", workers, "-o", str(out), "--quiet"],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        outputs[workers] = out.read_bytes()
    assert outputs["1"] == outputs["2"] and outputs["1"].count(b"<tu ") > 100
