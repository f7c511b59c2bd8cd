"""`unterm index` over a corpus: each source (a pair of documents, or a file of pairs
unterm wrote) aligned or read by a worker at paragraph and sentence level, and written
into the memory by this process, one source a transaction.

Incremental and resumable: the memory keeps each source's fingerprint (unterm's
version, the options, and the stamps of its files, as the corpus caches of `align` and
`terms` key their entries: batch.run.stamps), so a rerun aligns only the sources that
are new or changed, removes those that went, and leaves the rest untouched; a run that
was killed has written every source it finished, and its rerun does the others. A
source that fails is reported and its earlier version kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from unterm.batch.pairs import Pair, find_pairs, is_list, read_list
from unterm.batch.run import Failure, Progress, run, stamps
from unterm.errors import InputError
from unterm.memory import store
from unterm.memory.model import IndexedDocument
from unterm.memory.sources import FILE_SUFFIXES
from unterm.signature import Signature
from unterm.version import __version__


@dataclass(frozen=True, slots=True)
class Options:
    termbase: str | None = None
    workers: int = 1
    scheduler: str | None = None
    force: bool = False


@dataclass(frozen=True, slots=True)
class Gathered:
    """The sources of a memory: pairs of documents, files of pairs, and the files that
    look like one side of a pair but have no partner."""

    pairs: tuple[Pair, ...]
    files: tuple[Path, ...]
    unpaired: tuple[Path, ...] = ()


def gather(paths: list[Path]) -> Gathered:
    """The sources the paths name: a folder or list file of pairs, a file of pairs unterm
    wrote (.tmx, .jsonl, .json), or documents two by two, Chinese before English."""
    pairs: list[Pair] = []
    files: list[Path] = []
    unpaired: list[Path] = []
    documents: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = find_pairs(path)
            pairs += found.pairs
            unpaired += found.unpaired
        elif not path.exists():
            raise InputError(f"{path}: no such file or folder")
        elif path.suffix.lower() in FILE_SUFFIXES:
            files.append(path)
        elif is_list(path):
            pairs += read_list(path).pairs
        else:
            documents.append(path)
    if len(documents) % 2:
        raise InputError(
            f"{documents[-1]}: a document without its partner: give documents two by two, Chinese then English"
        )
    for zh, en in zip(documents[::2], documents[1::2], strict=True):
        pairs.append(Pair(f"{zh.parent / zh.stem}", zh, en))
    return Gathered(tuple(pairs), tuple(files), tuple(unpaired))


@dataclass(frozen=True, slots=True)
class IndexJob:
    """What a worker needs for one source: a pair's files, or a file of pairs."""

    name: str
    zh: str = ""
    en: str = ""
    file: str = ""
    termbase: str | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    name: str
    documents: tuple[IndexedDocument, ...]


def prepare(job: IndexJob) -> Prepared:
    """One source's documents at both levels: a pair aligned, or a file read."""
    if job.file:
        from unterm.memory.sources import read_file

        return Prepared(job.name, tuple(read_file(Path(job.file))))
    import unterm
    from unterm.align.sentences import sentence_alignment
    from unterm.batch.aligning import cached_termbase
    from unterm.memory.sources import aligned

    paragraphs = unterm.align(job.zh, job.en, termbase=cached_termbase(job.termbase))
    return Prepared(job.name, (aligned(job.name, paragraphs, sentence_alignment(paragraphs)),))


def fingerprint(job: IndexJob) -> str:
    """What a source's entry in the memory depends on."""
    files = (job.file,) if job.file else (job.zh, job.en)
    return json.dumps([__version__, "index", stamps(job.termbase), stamps(*files)], ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Summary:
    """What a run did to the memory."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    units: int = 0  # units written by this run
    failures: tuple[Failure, ...] = field(default=())

    def describe(self) -> str:
        return (
            f"{self.added} source(s) added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged, {len(self.failures)} failed; {self.units} pairs written"
        )


def _jobs(gathered: Gathered, termbase: str | None) -> list[IndexJob]:
    jobs = [
        IndexJob(p.name, str(p.zh.resolve()), str(p.en.resolve()), termbase=termbase) for p in gathered.pairs
    ]
    jobs += [IndexJob(f"file:{f.resolve().as_posix()}", file=str(f.resolve())) for f in gathered.files]
    return jobs


def index_corpus(gathered: Gathered, memory: Path, options: Options, progress: Progress) -> Summary:
    """Bring the memory up to date with the sources (see the module docstring)."""
    termbase = str(Path(options.termbase).resolve()) if options.termbase else None
    jobs = _jobs(gathered, termbase)
    names = [j.name for j in jobs]
    if len(set(names)) < len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise InputError(f"{twice}: given twice (two pairs of one name, or one file twice)")
    with store.writing(memory) as conn:
        held = store.fingerprints(conn)
        todo: list[tuple[str, IndexJob]] = []
        marks: dict[str, str] = {}
        for job in jobs:
            marks[job.name] = fingerprint(job)
            if not options.force and held.get(job.name) == marks[job.name]:
                progress.step(skipped=True)
            else:
                todo.append((job.name, job))
        gone = sorted(set(held) - set(names))
        if todo or gone:
            store.set_meta(conn, {"complete": "no"})
        added = updated = units = 0
        failures: list[Failure] = []
        for result in run(prepare, todo, workers=options.workers, scheduler=options.scheduler):
            if isinstance(result, Failure):
                failures.append(result)
                progress.step(failed=True)
                continue
            kind = "file" if result.name.startswith("file:") else "pair"
            units += store.replace(conn, result.name, kind, marks[result.name], list(result.documents))
            added += result.name not in held
            updated += result.name in held
            progress.step()
        for name in gone:
            store.remove(conn, name)
        if todo or gone:
            store.set_meta(
                conn,
                {
                    "complete": "yes",
                    "signature": str(Signature("index", (("levels", "paragraph,sentence"),))),
                },
            )
    unchanged = len(jobs) - len(todo)
    return Summary(added, updated, len(gone), unchanged, units, tuple(failures))
