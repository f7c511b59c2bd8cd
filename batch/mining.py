"""`unterm terms` over a corpus, as map and reduce, in memory that grows with the corpus's
vocabulary, not with its number of documents.

Map: each pair is read and aligned by a worker, and its aligned segments are kept in a
cache folder beside the output (`.unterm.cache/`), keyed by the inputs' size and time,
so that a rerun after a kill aligns only the pairs not yet done. Reduce: the segments,
each text once in the pairs' order (as `termbase.mine.unique` takes them), are put into
chunk files, and the passes of term mining (termbase.analysis) run over the chunks in
the same workers, each returning counts, links and the types of terms, merged in order
on this side; the entries are chosen from the merged results. The same passes over the
same segments in one chunk in memory are `termbase.mine.mine`: the entries are the same.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from unterm.batch.pairs import Pair
from unterm.batch.run import Failure, Progress, run
from unterm.lang.text import normalise_zh
from unterm.outputs import write_file
from unterm.termbase import chinese
from unterm.termbase.analysis import run_passes
from unterm.termbase.counts import Segment, evidence
from unterm.termbase.entries import build
from unterm.termbase.mine import DEFAULT_CUT, cut, signature
from unterm.termbase.model import Termbase
from unterm.termbase.passes import Chunk, Known, Step, run_step
from unterm.version import __version__

J = TypeVar("J")
R = TypeVar("R")

# Segments per chunk of the passes: few enough chunks that what each is sent (the pair
# scores, the recurring terms) is sent seldom, enough that both workers stay busy; a
# chunk's candidates are worked out afresh for each pass, so its memory is a chunk's.
CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Options:
    workers: int = 1
    scheduler: str | None = None
    force: bool = False
    min_freq: int = 1
    top: int | None = None
    min_confidence: float = DEFAULT_CUT
    chunk: int = CHUNK


@dataclass(frozen=True, slots=True)
class SegmentJob:
    """What a worker needs to align one pair and keep its segments."""

    name: str
    zh: str
    en: str
    cache: str


@dataclass(frozen=True, slots=True)
class Segmented:
    """A pair aligned: its document (symbol or path) and how many segments it gave."""

    name: str
    document: str
    segments: int


def segment_pair(job: SegmentJob) -> Segmented:
    """Align one pair and keep its segments (both sides) in the cache."""
    import unterm
    from unterm.termbase.counts import segments

    alignment = unterm.align(job.zh, job.en)
    segs = segments(alignment)
    document = alignment.symbol or alignment.zh.path
    record = {
        "key": _fingerprint(job),
        "document": document,
        "segments": [[s.zh, s.en, s.document, s.key] for s in segs],
    }
    data = json.dumps(record, ensure_ascii=False).encode("utf-8", "replace")
    write_file(Path(job.cache), lambda out: _put(out, data))
    return Segmented(job.name, document, len(segs))


def _put(out: BinaryIO, data: bytes) -> None:
    out.write(data)


def _fingerprint(job: SegmentJob) -> list[object]:
    """What a pair's segments depend on: the inputs as they are, and the version."""
    stats = []
    for path in (job.zh, job.en):
        st = os.stat(path)
        stats.append([path, st.st_size, st.st_mtime_ns])
    return [__version__, "terms", stats]


def _cached(job: SegmentJob) -> Segmented | None:
    """A pair's cache entry, if it is the pair's as things are now."""
    try:
        with open(job.cache, encoding="utf-8") as f:
            record = json.load(f)
        if record["key"] != json.loads(json.dumps(_fingerprint(job))):
            return None
        return Segmented(job.name, str(record["document"]), len(record["segments"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _read_segments(path: str) -> list[Segment]:
    with open(path, encoding="utf-8") as f:
        return [Segment(*s) for s in json.load(f)["segments"]]


def cache_folder(output: Path | None) -> Path | None:
    """Where a corpus run keeps each pair's segments: beside the termbase (shared with
    `unterm align`'s cache there); none when it goes to standard output."""
    if output is None or str(output) == "-":
        return None
    return output.parent / ".unterm.cache"


def _cache_file(folder: Path, pair: Pair) -> str:
    key = "\0".join((pair.name, "terms"))
    return str(folder / (hashlib.sha1(key.encode()).hexdigest()[:16] + ".terms.json"))


def mine_corpus(
    pairs: Sequence[Pair], output: Path | None, options: Options, progress: Progress
) -> tuple[Termbase | None, list[Failure]]:
    """A termbase from every pair that can be aligned, and the pairs that could not (none
    when no pair could)."""
    cache_dir = cache_folder(output)
    scratch = Path(tempfile.mkdtemp(prefix="unterm-terms-"))
    try:
        folder = cache_dir or scratch / "pairs"
        jobs = [SegmentJob(p.name, str(p.zh), str(p.en), _cache_file(folder, p)) for p in pairs]
        done, failures = _segmented(jobs, options, progress)
        if not done:
            return None, failures
        chunks = FileChunks.write(
            scratch, [(job.cache, done[job.name]) for job in jobs if job.name in done], options
        )
        mined = run_passes(chunks, say=lambda what: _say(progress, what))
        termbase = cut(
            build(mined.links, mined.scores, mined.counts, mined.types, min_freq=options.min_freq),
            options.top,
            options.min_confidence,
        )
        documents = sorted({s.document for s in done.values()})
        sign = signature(len(done), options.min_freq, options.top, documents, options.min_confidence)
        return replace(termbase, signature=sign), failures
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _say(progress: Progress, what: str) -> None:
    """A line on what mining does now, where progress is shown."""
    if not progress.quiet:
        progress.stream.write(f"unterm: {what}\n")
        progress.stream.flush()


def _segmented(
    jobs: list[SegmentJob], options: Options, progress: Progress
) -> tuple[dict[str, Segmented], list[Failure]]:
    """The map: each pair aligned and its segments kept, or found in the cache."""
    done: dict[str, Segmented] = {}
    if not options.force:
        done = {j.name: r for j in jobs if (r := _cached(j)) is not None}
    for _ in done:
        progress.step(skipped=True)
    todo = [(j.name, j) for j in jobs if j.name not in done]
    if todo:
        Path(todo[0][1].cache).parent.mkdir(parents=True, exist_ok=True)
    failures = []
    for result in run(segment_pair, todo, workers=options.workers, scheduler=options.scheduler):
        if isinstance(result, Failure):
            failures.append(result)
            progress.step(failed=True)
        else:
            done[result.name] = result
            progress.step()
    return done, failures


@dataclass(frozen=True, slots=True)
class PassJob:
    """One pass over one chunk file."""

    step: Step
    path: str
    start: int
    known: Known
    extra: Any = None


def run_pass(job: PassJob) -> Any:
    with open(job.path, "rb") as f:
        segs: list[Segment] = pickle.load(f)
    return run_step(job.step, Chunk(job.start, segs), job.known, job.extra)


class FileChunks:
    """A corpus's segments in chunk files, the passes over them run by `batch.run` (a
    process pool or a Dask cluster), the results in the chunks' order."""

    def __init__(self, paths: list[str], starts: list[int], runs: str, options: Options) -> None:
        self.paths, self._starts, self._runs, self.options = paths, starts, runs, options

    @staticmethod
    def write(folder: Path, pairs: Iterable[tuple[str, Segmented]], options: Options) -> FileChunks:
        """Chunk files of each pair's segments (each text once, the first time it comes,
        as `termbase.mine.unique`), and the file of their Han runs."""
        seen: set[int] = set()
        paths: list[str] = []
        starts: list[int] = []
        chunk: list[Segment] = []
        total = 0
        runs = folder / "runs.txt"

        def flush() -> None:
            path = folder / f"chunk{len(paths):05d}.pickle"
            with open(path, "wb") as f:
                pickle.dump(chunk, f, protocol=pickle.HIGHEST_PROTOCOL)
            paths.append(str(path))
            starts.append(total - len(chunk))
            chunk.clear()

        with open(runs, "w", encoding="utf-8") as out:
            for cache, _ in pairs:
                for s in _read_segments(cache):
                    key = evidence(s)
                    if key in seen:
                        continue
                    seen.add(key)
                    chunk.append(s)
                    total += 1
                    out.writelines(r + "\n" for r in chinese.han_runs(normalise_zh(s.zh)))
                    if len(chunk) >= options.chunk:
                        flush()
        if chunk or not paths:
            flush()
        return FileChunks(paths, starts, str(runs), options)

    @property
    def starts(self) -> Sequence[int]:
        return self._starts

    def each(self, step: Step, known: Known, extras: Mapping[int, Any] | None = None) -> Iterator[Any]:
        numbers = range(len(self.paths)) if extras is None else sorted(extras)
        jobs = [
            (
                f"chunk {n}",
                PassJob(step, self.paths[n], self._starts[n], known, None if extras is None else extras[n]),
            )
            for n in numbers
        ]
        return self.tasks(run_pass, [job for _, job in jobs])

    def tasks(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        named = [(f"task {n}", job) for n, job in enumerate(jobs)]
        for result in run(fn, named, workers=self.options.workers, scheduler=self.options.scheduler):
            if isinstance(result, Failure):
                raise RuntimeError(f"{result.name}: {result.message}")
            yield result

    def runs(self) -> str:
        return self._runs
