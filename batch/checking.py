"""`unterm qa` over a corpus: a report per pair in an output folder (skipping those up to
date), or one table of every finding of every document (CSV or JSON Lines, a
`document` column first)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from unterm.batch.pairs import Pair
from unterm.batch.run import Failure, Progress, run
from unterm.errors import FormatError
from unterm.outputs import write_file


@dataclass(frozen=True, slots=True)
class CheckOptions:
    termbase: str | None = None
    style: str | None = None
    ignore: str | None = None
    consistency: bool = True
    workers: int = 1
    scheduler: str | None = None
    force: bool = False


@dataclass(frozen=True, slots=True)
class CheckJob:
    name: str
    zh: str
    en: str
    options: CheckOptions
    output: str | None = None  # a report of its own
    fmt: str | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    severities: tuple[str, ...]  # of each finding, most severe first
    records: tuple[dict[str, Any], ...]  # each finding, for a corpus table


@cache
def _inputs(termbase: str | None, style: str | None, ignore: str | None) -> tuple[Any, Any, Any]:
    """The termbase, house style and marks a worker reads once."""
    from unterm.files import read_termbase
    from unterm.qa.ignore import read_marks
    from unterm.qa.style import HouseStyle, read_style

    return (
        read_termbase(termbase) if termbase else None,
        read_style(Path(style)) if style else HouseStyle(),
        read_marks(Path(ignore)) if ignore else None,
    )


def check_pair(job: CheckJob) -> CheckResult:
    """Check one pair; write its report, or return its findings as records."""
    import unterm
    from unterm.files import write
    from unterm.qa.export import records
    from unterm.qa.ignore import without
    from unterm.qa.run import run_checks

    o = job.options
    termbase, style, marks = _inputs(o.termbase, o.style, o.ignore)
    report = run_checks(
        unterm.align(job.zh, job.en),
        termbase=termbase,
        style=style,
        consistency=o.consistency,
        meaning=o.consistency,
    )
    if marks is not None:
        report = without(report, marks, str(o.ignore))
    severities = tuple(f.severity.value for f in report.findings)
    if job.output:
        write(report, job.output, job.fmt, inputs=[p for p in (o.termbase, o.style, o.ignore) if p])
        return CheckResult(job.name, severities, ())
    return CheckResult(job.name, severities, tuple(records(report)))


def check_folder(
    pairs: list[Pair], folder: Path, fmt: str, options: CheckOptions, progress: Progress
) -> tuple[list[Failure], list[CheckResult]]:
    """A report per pair in `folder` (NAME.EXT), skipping those up to date."""
    jobs = []
    for pair in pairs:
        out = folder / f"{pair.name}.{fmt}"
        if not options.force and pair.older_than(out):
            progress.step(skipped=True)
            continue
        jobs.append((pair.name, CheckJob(pair.name, str(pair.zh), str(pair.en), options, str(out), fmt)))
    failures, results = [], []
    for result in run(check_pair, jobs, workers=options.workers, scheduler=options.scheduler):
        if isinstance(result, Failure):
            failures.append(result)
        else:
            results.append(result)
        progress.step(failed=isinstance(result, Failure))
    return failures, results


def check_corpus(
    pairs: list[Pair], output: Path, options: CheckOptions, progress: Progress
) -> tuple[list[Failure], list[CheckResult]]:
    """Every finding of every pair in one table (CSV or JSON Lines), in the pairs' order."""
    suffix = output.suffix.lower()
    if suffix not in (".csv", ".jsonl"):
        raise FormatError(
            f"{output}: for a corpus give a folder (a report per pair) or one findings table: .csv or .jsonl"
        )
    jobs = [(p.name, CheckJob(p.name, str(p.zh), str(p.en), options)) for p in pairs]
    failures: list[Failure] = []
    results: list[CheckResult] = []

    def checked() -> Iterator[CheckResult]:
        for result in run(check_pair, jobs, workers=options.workers, scheduler=options.scheduler):
            progress.step(failed=isinstance(result, Failure))
            if isinstance(result, Failure):
                failures.append(result)
                continue
            results.append(result)
            yield result

    inputs = [p for pair in pairs for p in (pair.zh, pair.en)]
    write_file(output, lambda out: _table(checked(), out, suffix), inputs)
    return failures, results


def _table(results: Iterator[CheckResult], out: BinaryIO, suffix: str) -> None:
    from unterm.lang.text import to_cell
    from unterm.qa.export import COLUMNS, EXTRA

    columns = ("document", *COLUMNS, *EXTRA)
    if suffix == ".csv":
        out.write("\ufeff".encode())
        out.write((",".join(columns) + "\r\n").encode("utf-8"))
    for result in results:
        for record in result.records:
            row = {"document": result.name, **record}
            if suffix == ".jsonl":
                out.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8", "replace"))
                continue
            text = io.StringIO()
            cells = [to_cell(v) if isinstance(v, str) else v for v in (row.get(c, "") for c in columns)]
            csv.writer(text, lineterminator="\r\n").writerow(cells)
            out.write(text.getvalue().encode("utf-8", "replace"))
