"""Fuzz unterm with thousands of mutations of the real corpora (tests/support/fuzzing.py):
align (TMX, XLSX), align --level sentence (JSON), qa (HTML) on every example and terms
(TBX) on one in twenty; prints each example that breaks the property, and the counts.

usage: python -m bench.fuzz [EXAMPLES] [SEED]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings

from tests.support.fuzzing import Case, cases, run_case


def main() -> None:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    rng_seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261126
    seen = {"examples": 0, "failing": 0}
    statuses: list[str] = []
    start = time.perf_counter()

    @seed(rng_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(cases())
    def run(case: Case) -> None:
        seen["examples"] += 1
        commands = ("align", "sentence", "qa") + (("terms",) if seen["examples"] % 20 == 0 else ())
        with tempfile.TemporaryDirectory() as folder:
            problems = run_case(case, Path(folder), commands)
        if problems:
            seen["failing"] += 1
            statuses.append(f"{case.description}: {problems}")
            print(statuses[-1], flush=True)

    run()
    secs = time.perf_counter() - start
    print(
        f"{seen['examples']} examples in {secs:.0f} s (seed {rng_seed}): {seen['failing']} broke the property"
    )
    sys.exit(1 if seen["failing"] else 0)


if __name__ == "__main__":
    main()
