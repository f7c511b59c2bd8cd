"""`unterm qa`: check the two versions of a document, or of every pair of a corpus."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unterm.commands.common import (
    Columns,
    Jobs,
    Scheduler,
    Status,
    check_output,
    choose,
    fail,
    find_corpus,
    read_termbase_at,
    table_options,
    target,
    written,
)
from unterm.errors import UntermError
from unterm.files import STDOUT, Format

if TYPE_CHECKING:
    from unterm.batch.checking import CheckOptions
    from unterm.qa.model import Severity

    ReportFormat = Format
else:
    from unterm.qa.model import Report

    ReportFormat = written(Report)  # the --format choices: the formats a report is written in


class FailOn(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def qa(
    zh: Annotated[
        Path,
        typer.Argument(
            help="The Chinese version; or a bilingual file (TMX, XLIFF, or a table of two columns: TSV, "
            "CSV, XLSX, ODS), checked segment by segment; or a folder (or list file) of pairs.",
            show_default=False,
        ),
    ],
    en: Annotated[Path | None, typer.Argument(help="The English version (none for a corpus).")] = None,
    termbase: Annotated[
        Path | None,
        typer.Option("--termbase", help="Check terms against this termbase (TBX, CSV, XLSX, TSV)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the report here: .html, .json, .csv or .xlsx; '-' for stdout.",
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat | None,
        typer.Option("--format", "-f", help="The format, whatever the extension.", show_default=False),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit with status 1 when findings this severe or worse exist.")
    ] = FailOn.ERROR,
    style: Annotated[
        Path | None, typer.Option("--style", help="A house style (TOML) instead of the document's own.")
    ] = None,
    consistency: Annotated[
        bool,
        typer.Option(
            "--consistency/--no-consistency",
            help="Mine the document to compare its terms' renderings, and compare what the two versions "
            "say (content, omissions, names): a few seconds for the dictionaries.",
        ),
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary table on stdout.")] = False,
    ignore: Annotated[
        Path | None,
        typer.Option(
            "--ignore",
            help="Leave out the findings marked 'not an error' in this CSV (Export CSV in the HTML report).",
        ),
    ] = None,
    columns: Columns = None,
    jobs: Jobs = None,
    scheduler: Scheduler = None,
    force: Annotated[bool, typer.Option("--force", help="Redo the pairs of a corpus already done.")] = False,
) -> None:
    """Check a Chinese and an English UN document against each other for editorial review.

    Prints a summary table and the findings; -o writes the full report (HTML for a
    browser; JSON, CSV or XLSX, one finding a row). Exit status 1 when findings at or
    above --fail-on exist, 3 when an input cannot be used (one line on stderr says which).
    Given one bilingual file (a TMX, an XLIFF, a table of two columns), checks each of its
    segments and names each finding by the segment's id in the file (`translation unit
    12`, `unit u7`, `row 6`). Given a folder (or a list file) of pairs, writes a report per
    pair into the folder -o names, or every finding of the corpus into one table (.csv or
    .jsonl).
    """
    import unterm
    from unterm.batch.progress import working
    from unterm.files import write
    from unterm.qa.export import summary_table
    from unterm.qa.ignore import read_marks, without
    from unterm.qa.model import Report, Severity
    from unterm.qa.run import run_checks
    from unterm.qa.style import HouseStyle, read_style

    bilingual = en is None and _bilingual(zh)
    if en is None and not bilingual:
        from unterm.batch.checking import CheckOptions

        checks = CheckOptions(
            termbase=str(termbase) if termbase else None,
            style=str(style) if style else None,
            ignore=str(ignore) if ignore else None,
            consistency=consistency,
            workers=jobs or 0,
            scheduler=scheduler,
            force=force,
        )
        _corpus(zh, output, fmt, checks, Severity(fail_on.value), quiet)
        return
    if fmt is not None and output is None:
        fail(f"--format {fmt.value} needs a file to write: give one with -o", Status.USAGE)
    chosen = choose(Report, output, fmt, Format.HTML) if output is not None else None
    check_output(output, zh, en, termbase, style)
    to_stdout = chosen is not None and target(output) == STDOUT
    try:
        house = read_style(style) if style else HouseStyle()
        terms = read_termbase_at(termbase, table_options(columns)) if termbase else None
        marks = read_marks(ignore) if ignore else None
        if bilingual:
            from unterm.files import read_reviewed

            alignment = read_reviewed(zh, table_options(columns))
        else:
            alignment = unterm.align(zh, en)  # type: ignore[arg-type]  # en given: checked above
        with working(f"checking {len(alignment.pairs)} pairs", quiet=quiet):
            report = run_checks(
                alignment, termbase=terms, style=house, consistency=consistency, meaning=consistency
            )
        if marks is not None:
            report = without(report, marks, str(ignore))
        if chosen is not None:
            write(report, target(output), chosen.name, inputs=[p for p in (termbase, style) if p])
    except UntermError as err:
        fail(str(err))
    if not quiet and not to_stdout:
        sys.stdout.write(summary_table(report))
        if output is not None:
            typer.echo(f"unterm: report -> {output}", err=True)
    severe = report.at_least(Severity(fail_on.value))
    if severe:
        typer.echo(
            f"unterm: {len(severe)} finding(s) at or above {fail_on.value} (exit status 1; see --fail-on)",
            err=True,
        )
        raise typer.Exit(Status.FINDINGS)


def _bilingual(path: Path) -> bool:
    """Whether the one file `unterm qa` is given holds both languages (TMX, XLIFF, a table),
    not a list of pairs or a folder."""
    from unterm.align.model import Alignment
    from unterm.batch.pairs import is_list
    from unterm.files import formats_for

    readable = {e for f in formats_for(Alignment) if f.read is not None for e in f.extensions}
    return path.is_file() and path.suffix.lower() in readable and not is_list(path)


def _corpus(
    source: Path,
    output: Path | None,
    fmt: ReportFormat | None,
    checks: CheckOptions,
    fail_on: Severity,
    quiet: bool,
) -> None:
    """`unterm qa` over a folder or a list of pairs (see batch.checking)."""
    from dataclasses import replace

    from unterm.batch.checking import check_corpus, check_folder
    from unterm.batch.run import Progress, default_jobs
    from unterm.qa.model import Report, Severity

    found = find_corpus(source)
    if output is None or str(output) == STDOUT:
        fail(
            "a corpus needs -o: a folder (a report per pair) or one findings table (.csv, .jsonl)",
            Status.USAGE,
        )
    checks = replace(checks, workers=checks.workers or default_jobs())
    progress = Progress(len(found.pairs), quiet=quiet)
    try:
        if output.is_dir() or str(output).endswith("/") or not output.suffix:
            per_pair = choose(Report, Path("x.html"), fmt, None).name.value
            failures, results = check_folder(list(found.pairs), output, per_pair, checks, progress)
        else:
            failures, results = check_corpus(list(found.pairs), output, checks, progress)
    except UntermError as err:
        fail(str(err))
    for failure in failures:
        typer.echo(f"unterm: {failure.name}: {failure.message}", err=True)
    severe = sum(1 for r in results if any(Severity(s).at_least(fail_on) for s in r.severities))
    if not quiet:
        typer.echo(
            f"unterm: corpus: {progress.summary(len(found.unpaired))}; {severe} with findings at or "
            f"above {fail_on.value} -> {output}",
            err=True,
        )
    if any(f.internal for f in failures):
        raise typer.Exit(Status.INTERNAL)
    if failures or found.unpaired:
        raise typer.Exit(Status.UNUSABLE)
    if severe:
        if quiet:  # (the summary says it otherwise)
            typer.echo(
                f"unterm: {severe} pair(s) with findings at or above {fail_on.value} (exit status 1)",
                err=True,
            )
        raise typer.Exit(Status.FINDINGS)
