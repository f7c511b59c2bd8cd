"""The benchmarks' own promises."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.support.corpora import ROOT

_VECTORS = (
    "import hashlib; from bench.compare_aligners import embed; "
    "print(hashlib.sha1(embed(['联合国人类住区规划署执行局。', 'The Executive Board of UN-Habitat.']).tobytes()).hexdigest())"
)


def test_the_gloss_vectors_of_compare_aligners_are_the_same_in_every_process() -> None:
    """bench/compare_aligners.py's sentalign row hashes words into vectors: with
    Python's salted hash() its F1 changed from run to run. Two processes with different
    hash seeds give the same vectors for a sentence pair of A/RES/77/173's subject."""
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _VECTORS], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        digests.add(out.stdout.strip())
    assert len(digests) == 1
