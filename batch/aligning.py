"""`unterm align` over a corpus: a file per pair in an output folder, or corpus files
(TMX, Moses, JSON Lines), resumable either way.

Per-pair files are written atomically by the workers; a rerun skips a pair whose output
is newer than both its inputs. For corpus files, each pair's rows are kept in a cache
folder beside them (`.unterm.cache/`), keyed by the inputs' size and time and the options,
so that a rerun after a kill computes only the pairs not yet done, and the corpus files
are written, all or nothing, from the cache and the new results in the pairs' order, in
one pass however many there are (`-o corpus.tmx -o corpus.zh`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO

from unterm.align.model import Row
from unterm.align.srx import BUILTIN
from unterm.batch import corpus
from unterm.batch.pairs import Pair
from unterm.batch.run import Failure, Progress, keep, run, stamps
from unterm.errors import FormatError
from unterm.lang.languages import EN_TAG, ZH_TAG
from unterm.outputs import write_files
from unterm.termbase.model import Termbase
from unterm.version import __version__


@dataclass(frozen=True, slots=True)
class AlignJob:
    """What a worker needs to align one pair."""

    name: str
    zh: str
    en: str
    level: str = "paragraph"
    termbase: str | None = None
    output: str | None = None  # a file of its own, in `fmt`
    fmt: str | None = None
    cache: str | None = None  # where to keep its rows for a corpus file
    srx: str | None = None  # SRX rules to cut sentences by (a file, `omegat` or `unterm`)
    tags: tuple[str, str] = (ZH_TAG, EN_TAG)  # --zh-lang, --en-lang


@dataclass(frozen=True, slots=True)
class AlignResult:
    name: str
    rows: tuple[Row, ...]


@cache
def cached_termbase(path: str | None) -> Termbase | None:
    """A termbase, read once per worker process."""
    if path is None:
        return None
    from unterm.files import read_termbase

    return read_termbase(path)


def align_pair(job: AlignJob) -> AlignResult:
    """Align one pair; write its own file, or keep its rows in the cache."""
    import unterm
    from unterm.files import Options as Tagged
    from unterm.files import write

    termbase = cached_termbase(job.termbase)
    if job.level == "sentence":
        alignment = unterm.align(job.zh, job.en, level="sentence", termbase=termbase, srx=job.srx)
    else:
        alignment = unterm.align(job.zh, job.en, termbase=termbase)
    if job.output:
        tagged = Tagged(zh_tag=job.tags[0], en_tag=job.tags[1])
        write(alignment, job.output, job.fmt, tagged, inputs=[p for p in (job.termbase,) if p])
        return AlignResult(job.name, ())
    rows = tuple(alignment.rows())
    if job.cache:
        keep(job.cache, {"key": _fingerprint(job), "rows": [asdict(r) for r in rows]})
    return AlignResult(job.name, rows)


def _fingerprint(job: AlignJob) -> list[object]:
    """What a cached result depends on: the inputs as they are, the options, the version."""
    rules = job.srx if job.srx is None or job.srx in BUILTIN else stamps(job.srx)
    return [__version__, job.level, stamps(job.zh, job.en, job.termbase), rules]


def _cached(job: AlignJob) -> AlignResult | None:
    """The rows a cache entry holds for a job, if it is the job's as things are now."""
    if job.cache is None:
        return None
    try:
        record = json.loads(Path(job.cache).read_text(encoding="utf-8"))
        if record["key"] != json.loads(json.dumps(_fingerprint(job))):
            return None
        return AlignResult(job.name, tuple(Row(**r) for r in record["rows"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True, slots=True)
class Options:
    level: str = "paragraph"
    termbase: str | None = None
    workers: int = 1
    scheduler: str | None = None
    force: bool = False
    min_score: float = 0.0
    quiet: bool = False
    srx: str | None = None
    tags: tuple[str, str] = (ZH_TAG, EN_TAG)


def corpus_kind(output: Path, fmt: str | None) -> str:
    """`folder` (a file per pair), or the corpus format an output asks for.

    A folder wins over `fmt`: `-o aligned -f tmx` is a folder of TMX files, one a pair,
    since TMX is both a per-pair and a corpus format.
    """
    suffix = output.suffix.lower()
    if output.is_dir() or str(output).endswith(os.sep) or not suffix:
        return "folder"
    if fmt in corpus.CORPUS_FORMATS:
        return fmt
    if suffix in (".zh", ".en"):
        return "moses"
    if suffix in (".tmx", ".jsonl"):
        return suffix[1:]
    raise FormatError(
        f"{output}: for a corpus give a folder (a file per pair), or one corpus file: "
        ".tmx, .jsonl, or PREFIX.zh for a Moses pair"
    )


def align_folder(
    pairs: list[Pair], folder: Path, fmt: str, options: Options, progress: Progress
) -> list[Failure]:
    """A file per pair in `folder` (NAME.EXT), skipping those up to date."""
    jobs = []
    for pair in pairs:
        out = folder / f"{pair.name}.{fmt}"
        if not options.force and pair.older_than(out):
            progress.step(skipped=True)
            continue
        jobs.append(
            (
                pair.name,
                AlignJob(
                    pair.name,
                    str(pair.zh),
                    str(pair.en),
                    options.level,
                    options.termbase,
                    str(out),
                    fmt,
                    srx=options.srx,
                    tags=options.tags,
                ),
            )
        )
    failures = []
    for result in run(align_pair, jobs, workers=options.workers, scheduler=options.scheduler):
        failed = isinstance(result, Failure)
        if isinstance(result, Failure):
            failures.append(result)
        progress.step(failed=failed)
    return failures


def cache_folder(outputs: list[Path]) -> Path:
    """Where a corpus run keeps each pair's rows: beside its (first) corpus file, shared by
    every corpus file written there, whatever its format."""
    return outputs[0].parent / ".unterm.cache"


def _cache_file(folder: Path, pair: Pair, options: Options) -> str:
    key = "\0".join((pair.name, options.level, options.termbase or "", options.srx or ""))
    return str(folder / (hashlib.sha1(key.encode()).hexdigest()[:16] + ".json"))


def _targets(output: Path, kind: str) -> list[Path]:
    """The files one corpus output is: one, or a Moses pair's three."""
    if kind != "moses":
        return [output]
    prefix = output.with_suffix("") if output.suffix.lower() in (".zh", ".en") else output
    return [Path(f"{prefix}.zh"), Path(f"{prefix}.en"), Path(f"{prefix}.ids")]


def _writers(
    outputs: list[tuple[Path, str]], streams: list[BinaryIO], options: Options
) -> list[corpus.Writer]:
    """A writer for each corpus output, on its streams (in `_targets` order)."""
    writers: list[corpus.Writer] = []
    at = iter(streams)
    for _, kind in outputs:
        if kind == "moses":
            zh, en, ids = next(at), next(at), next(at)
            writers.append(corpus.Moses(zh, en, ids, min_score=options.min_score))
        elif kind == "tmx":
            writers.append(
                corpus.Tmx(next(at), level=options.level, min_score=options.min_score, tags=options.tags)
            )
        else:
            writers.append(corpus.Jsonl(next(at), min_score=options.min_score))
    return writers


def align_corpus(
    pairs: list[Pair], outputs: list[tuple[Path, str]], options: Options, progress: Progress
) -> tuple[list[Failure], int]:
    """Corpus files (each a TMX, a Moses pair or JSON Lines) from one pass over every pair;
    returns the failures and the units the first one holds."""
    cache_dir = cache_folder([path for path, _ in outputs])
    jobs = [
        AlignJob(
            p.name,
            str(p.zh),
            str(p.en),
            options.level,
            options.termbase,
            cache=_cache_file(cache_dir, p, options),
            srx=options.srx,
        )
        for p in pairs
    ]
    cached = {j.name: r for j in jobs if not options.force and (r := _cached(j)) is not None}
    todo = [(j.name, j) for j in jobs if j.name not in cached]
    failures: list[Failure] = []

    def documents() -> Iterator[corpus.CorpusDocument]:
        results = run(align_pair, todo, workers=options.workers, scheduler=options.scheduler)
        for job in jobs:
            result = cached.get(job.name)
            if result is None:
                computed = next(results)
                if isinstance(computed, Failure):
                    failures.append(computed)
                    progress.step(failed=True)
                    continue
                result = computed
                progress.step()
            else:
                progress.step(skipped=True)
            yield corpus.CorpusDocument(job.name, result.rows)

    written = [0]

    def write_all(streams: list[BinaryIO]) -> None:
        writers = _writers(outputs, streams, options)
        for doc in documents():
            for writer in writers:
                writer.add(doc)
        for writer in writers:
            writer.close()
        written[0] = writers[0].written

    paths = [target for path, kind in outputs for target in _targets(path, kind)]
    write_files(paths, write_all, [p for pair in pairs for p in (pair.zh, pair.en)])
    return failures, written[0]
