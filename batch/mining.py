"""`unterm terms` over a corpus, as map and reduce, in memory that grows with the corpus's
vocabulary, not with its number of documents.

Map: each pair is read and aligned by a worker, and its aligned segments are kept in a
cache folder beside the output (`.unterm.cache/`), keyed by the inputs' size and time,
so that a rerun after a kill aligns only the pairs not yet done (the map runs in a
process pool, or on a Dask cluster). Reduce, in this process: the segments, each text
once in the pairs' order (as `termbase.mine.unique` takes them), are put into chunk
files, and the passes of term mining (termbase.analysis) run over the chunks one at a
time, each giving counts, links and the types of terms, merged in order; the entries
are chosen from the merged results. A pair's candidates cannot be counted in the map:
how the Chinese is cut into words depends on the vocabulary of the whole corpus. The same passes over the
same segments in one chunk in memory are `termbase.mine.mine`: the entries are the same.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from unterm.batch.pairs import Pair
from unterm.batch.progress import Passes
from unterm.batch.run import Failure, Progress, keep, run, stamps
from unterm.lang.text import normalise_zh
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

# Segments per chunk of the passes: a chunk's candidates are worked out afresh for each
# pass, and only one chunk's are in memory at once.
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
    segs = segments(alignment)  # each names its document as the in-memory mine does
    document = alignment.symbol or alignment.zh.name
    record = {
        "key": _fingerprint(job),
        "document": document,
        "segments": [[s.zh, s.en, s.document, s.key] for s in segs],
    }
    keep(job.cache, record)
    return Segmented(job.name, document, len(segs))


def _fingerprint(job: SegmentJob) -> list[object]:
    """What a pair's segments depend on: the inputs as they are, and the version."""
    return [__version__, "terms", stamps(job.zh, job.en)]


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
    with tempfile.TemporaryDirectory(prefix="unterm-terms-") as scratch:
        folder = cache_dir or Path(scratch)
        jobs = [SegmentJob(p.name, str(p.zh), str(p.en), _cache_file(folder, p)) for p in pairs]
        done, failures = _segmented(jobs, options, progress)
        if not done:
            return None, failures
        caches = [job.cache for job in jobs if job.name in done]
        # the reduce in a process of its own, so that all it used is given back before
        # the termbase is written (a TBX is validated by Saxon): on 10,000 generated
        # pairs the peak fell from 1,001 MiB (mined in this process) to 849 MiB
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(1) as pool:
            termbase = pool.submit(_reduce, caches, options, progress.quiet).result()
    documents = sorted({s.document for s in done.values()})
    sign = signature(len(done), options.min_freq, options.top, documents, options.min_confidence)
    return replace(termbase, signature=sign), failures


def _reduce(caches: list[str], options: Options, quiet: bool) -> Termbase:
    """The entries of the pairs whose segments the cache files hold: the passes of term
    mining over chunk files of them, and the entries chosen (on a terminal, unless quiet,
    a bar for each pass over the chunks)."""
    with tempfile.TemporaryDirectory(prefix="unterm-chunks-") as scratch:
        chunks = FileChunks.write(Path(scratch), caches, options.chunk)
        chunks.passes = Passes(quiet)
        mined = run_passes(chunks, say=chunks.passes.say)  # a bar per pass, on a terminal
    built = build(mined.links, mined.scores, mined.counts, mined.types, min_freq=options.min_freq)
    return cut(built, options.top, options.min_confidence)


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


class FileChunks:
    """A corpus's segments in chunk files, the passes run over them here, a chunk at a
    time: only one chunk's segments and candidates are in memory at once. (In worker
    processes each would load the dictionaries and be sent the pair scores for each pass,
    which costs more time and memory than the passes themselves: measured on 1,000
    generated pairs, 2 workers took 93 s and 1.8 GB where this process alone takes 44 s
    and 750 MB.)"""

    def __init__(self, paths: list[str], starts: list[int], runs: str) -> None:
        self.paths, self._starts, self._runs = paths, starts, runs
        self.passes = Passes(quiet=True)  # the bar each pass draws over the chunks

    @staticmethod
    def write(folder: Path, caches: Iterable[str], size: int) -> FileChunks:
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
            for cache in caches:
                for s in _read_segments(cache):
                    key = evidence(s)
                    if key in seen:
                        continue
                    seen.add(key)
                    chunk.append(s)
                    total += 1
                    out.writelines(r + "\n" for r in chinese.han_runs(normalise_zh(s.zh)))
                    if len(chunk) >= size:
                        flush()
        if chunk or not paths:
            flush()
        return FileChunks(paths, starts, str(runs))

    @property
    def starts(self) -> Sequence[int]:
        return self._starts

    def each(self, step: Step, known: Known, extras: Mapping[int, Any] | None = None) -> Iterator[Any]:
        numbers = range(len(self.paths)) if extras is None else sorted(extras)
        for n in self.passes.over(numbers, len(numbers)):
            with open(self.paths[n], "rb") as f:
                segs: list[Segment] = pickle.load(f)
            yield run_step(step, Chunk(self._starts[n], segs), known, None if extras is None else extras[n])

    def tasks(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        return map(fn, jobs)

    def runs(self) -> str:
        return self._runs
