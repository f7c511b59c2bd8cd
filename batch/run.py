"""Running one task per document pair over a corpus: serially, in a process pool on this
machine, or on a Dask cluster, with results in the pairs' order whatever order they are
computed in, progress on stderr, and one failed pair never stopping the others.

A task is a picklable top-level function of one picklable job, returning a picklable
result; a pair that cannot be used comes back as a `Failure` (its one-line message), so
the pool and the cluster only ever carry values.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Generic, TextIO, TypeVar

from unterm.batch.progress import Bar
from unterm.outputs import write_file

J = TypeVar("J")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Failure:
    """A pair that could not be used: its name and the one line saying why."""

    name: str
    message: str
    internal: bool = False  # a fault in unterm, not in the input


def stamps(*paths: str | None) -> list[list[object]]:
    """What a pair's cached result depends on in its files: each one's path, size and
    modification time (None, a file not given, is left out)."""
    out: list[list[object]] = []
    for path in paths:
        if path:
            st = os.stat(path)
            out.append([path, st.st_size, st.st_mtime_ns])
    return out


def keep(path: str, record: dict[str, Any]) -> None:
    """A pair's cache entry, written as JSON, all or nothing."""
    data = json.dumps(record, ensure_ascii=False).encode("utf-8", "replace")

    def put(out: BinaryIO) -> None:
        out.write(data)

    write_file(Path(path), put)


def guarded(task: Callable[[J], R], job: J, name: str) -> R | Failure:
    """The task's result, or a Failure for an input it cannot use (or a fault in it)."""
    from unterm.errors import UntermError

    try:
        return task(job)
    except UntermError as err:
        return Failure(name, str(err))
    except Exception as err:
        return Failure(name, f"internal error: {type(err).__name__}: {err}", internal=True)


@dataclass(frozen=True, slots=True)
class _Call(Generic[J, R]):
    """A task bound to a job and its pair's name: what a worker runs."""

    task: Callable[[J], R]
    job: J
    name: str

    def __call__(self) -> R | Failure:
        return guarded(self.task, self.job, self.name)


def _call(call: _Call[Any, Any]) -> Any:
    return call()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run(
    task: Callable[[J], R],
    jobs: Sequence[tuple[str, J]],
    *,
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[R | Failure]:
    """The results of `task` on each (name, job), in the jobs' order."""
    calls = [_Call(task, job, name) for name, job in jobs]
    if scheduler:
        yield from _on_dask(calls, scheduler)
    elif workers <= 1 or len(calls) <= 1:
        yield from (call() for call in calls)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers) as pool:
            # chunks small enough to keep both cores busy to the end, large enough to
            # spare the pickling of one round trip per pair
            chunk = max(1, min(16, len(calls) // (workers * 8)))
            yield from pool.map(_call, calls, chunksize=chunk)


def _on_dask(calls: list[_Call[Any, Any]], address: str) -> Iterator[Any]:
    """The calls run on a Dask distributed cluster, a window at a time, in order."""
    try:
        from distributed import Client
    except ImportError:
        from unterm.errors import FormatError

        raise FormatError("--scheduler needs Dask: pip install 'unterm[dask]'") from None
    with Client(address) as client:  # type: ignore[no-untyped-call]
        window = 256
        for start in range(0, len(calls), window):
            futures = client.map(_call, calls[start : start + window], pure=False)
            yield from client.gather(futures)


@dataclass(slots=True)
class Progress:
    """Pairs done: on a terminal a bar with the count, the rate and the time left
    (batch.progress), nothing when quiet or when stderr is a file or a pipe; and the
    summary at the end."""

    total: int
    quiet: bool = False
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    done: int = 0
    failed: int = 0
    skipped: int = 0
    start: float = field(default_factory=time.perf_counter)
    bar: Bar | None = None

    def step(self, *, failed: bool = False, skipped: bool = False) -> None:
        self.done += 1
        self.failed += failed
        self.skipped += skipped
        if self.bar is None:
            self.bar = Bar(self.total, "pairs", "pairs", quiet=self.quiet, stream=self.stream)
        self.bar.advance()
        if self.done >= self.total:
            self.bar.close()

    def rate(self) -> float:
        return self.done / max(time.perf_counter() - self.start, 1e-9)

    def summary(self, unpaired: int = 0) -> str:
        if self.bar is not None:
            self.bar.close()
        secs = time.perf_counter() - self.start
        made = self.done - self.failed - self.skipped
        parts = [f"{made} pair(s) done", f"{self.failed} failed", f"{self.skipped} skipped (up to date)"]
        if unpaired:
            parts.append(f"{unpaired} file(s) without a partner")
        return f"{', '.join(parts)} in {secs:.1f} s ({self.rate():.1f} pairs/s)"
