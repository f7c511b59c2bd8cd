"""The `unterm` command: parses options, calls the stages, writes files.

Every command exits with one of the statuses of `Status` (README "Exit status"). Set
UNTERM_DEBUG=1 to see a traceback for an unexpected failure.
"""

from __future__ import annotations

import os
import sys
from enum import Enum, IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from unterm.align.model import Alignment
from unterm.errors import FormatError, UntermError
from unterm.files import STDOUT, FileFormat, Format, Options
from unterm.termbase.model import Termbase
from unterm.version import __version__

if TYPE_CHECKING:
    from unterm.batch.aligning import Options as AlignRun
    from unterm.batch.checking import CheckOptions
    from unterm.batch.pairs import Pairing
    from unterm.qa.model import Severity

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Align, mine terms from and check Chinese-English United Nations documents.",
)


class Status(IntEnum):
    """The exit status of every unterm command."""

    DONE = 0  # done, and (qa) no finding at or above --fail-on
    FINDINGS = 1  # qa: findings at or above --fail-on
    USAGE = 2  # the command line is wrong: an unknown option, format or extension
    UNUSABLE = 3  # an input that cannot be used, or an output that cannot be written (one line names it)
    INTERNAL = 70  # a fault in unterm itself (EX_SOFTWARE); UNTERM_DEBUG=1 shows where


def _fail(message: str, status: Status = Status.UNUSABLE) -> NoReturn:
    """One line on stderr, whatever the message holds (a file name's escape sequence, a
    newline, a whole paragraph), and the exit status."""
    from unterm.lang.text import printable

    line = printable(message)
    typer.echo(f"unterm: {line if len(line) <= 400 else line[:399] + '…'}", err=True)
    raise typer.Exit(status)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"unterm {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Align, mine terms from and check Chinese-English United Nations documents."""


def _choose(holds: type, output: Path | None, fmt: Format | None, default: Format | None) -> FileFormat:
    """The output format (the one named, else the file's extension, else the default for
    standard output), or a usage error (status 2) naming the ones there are. A binary
    format is refused for a terminal."""
    from unterm.files import choose

    to_stdout = output is None or str(output) == STDOUT
    try:
        chosen = choose(holds, output, fmt or (default if to_stdout else None))
    except FormatError as err:
        _fail(str(err), Status.USAGE)
    if to_stdout and not chosen.text and _terminal():
        _fail(f"{chosen.name.value} is a binary format: give a file to write it to with -o", Status.USAGE)
    return chosen


def _terminal() -> bool:
    """Whether standard output is a terminal (where a binary format is no use)."""
    return sys.stdout.isatty()


def _check_output(output: Path | None, *inputs: Path | None) -> None:
    """Refuse, before any work, an output that is one of the inputs."""
    from unterm.outputs import refuse_inputs

    if output is not None and str(output) != STDOUT:
        try:
            refuse_inputs(output, [p for p in inputs if p is not None])
        except UntermError as err:
            _fail(str(err))


def _target(output: Path | None) -> str:
    return str(output) if output is not None else STDOUT


def _to_file(output: Path | None) -> str:
    """` -> FILE` for a summary line, where the output went to a file."""
    return f" -> {output}" if output is not None and str(output) != STDOUT else ""


def _notes(alignment: Alignment) -> None:
    """What reading changed in either document (an absurd list number), a line each."""
    for doc in (alignment.zh, alignment.en):
        for note in doc.notes:
            typer.echo(f"unterm: note: {doc.path}: {note}", err=True)


def _read_termbase(path: Path, options: Options | None = None) -> Termbase:
    from unterm.files import read_termbase

    return read_termbase(path, options or Options())


class Level(str, Enum):
    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


@app.command()
def align(
    zh: Annotated[
        Path | None,
        typer.Argument(
            help="The Chinese version: .md, .txt (UTF-8/16, GB18030), .docx, .pdf, .html; or a folder (or a "
            "list file) of pairs, for a corpus.",
            show_default=False,
        ),
    ] = None,
    en: Annotated[
        Path | None, typer.Argument(help="The English version (none for a corpus).", show_default=False)
    ] = None,
    outputs: Annotated[
        list[Path] | None,
        typer.Option(
            "-o",
            "--output",
            help="Write here; the format follows the extension ('-' for stdout). Default: TSV on stdout. "
            "Give it more than once to write several formats from one alignment.",
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="tmx, tsv, csv, xlsx, json or html, whatever the extension."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")] = False,
    termbase: Annotated[
        Path | None,
        typer.Option(
            "--termbase", help="A termbase whose term pairs count as evidence (TBX, CSV, XLSX, TSV)."
        ),
    ] = None,
    level: Annotated[
        Level,
        typer.Option("--level", help="paragraph, or sentence: sentences aligned inside each paragraph pair."),
    ] = Level.PARAGRAPH,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Pairs aligned at once, for a corpus (default: the cores)."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", envvar="UNTERM_SCHEDULER", help="A Dask scheduler's address, for a corpus."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo the pairs of a corpus already done.")] = False,
    min_score: Annotated[
        float, typer.Option("--min-score", min=0.0, max=1.0, help="Corpus files: leave out pairs below this.")
    ] = 0.0,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Instead of two documents, a reviewed file of pairs: a TSV, CSV or XLSX edited in a "
            "spreadsheet, the edits a review page exports (.json), a TMX.",
        ),
    ] = None,
) -> None:
    """Align a Chinese and an English UN document paragraph by paragraph (or sentence by
    sentence with --level sentence), or every pair of a corpus.

    Reads .md, .txt, .docx, .pdf (with a text layer) and .html. Writes one pair a row (columns
    zh, en, kind, key, score, and sentence at sentence level) as TSV on stdout, or TMX,
    TSV, CSV, XLSX, JSON or a review page (HTML) with -o (-o more than once: each of them).
    A summary goes to stderr.
    Given a folder (or a list file) of pairs, writes a file per pair into the folder -o
    names, or corpus files: a TMX, JSON Lines, a Moses pair (-o PREFIX.zh). With
    --from, the pairs of a reviewed file are written instead, in any of these formats.
    """
    import unterm
    from unterm.align.rows import summarise
    from unterm.files import read_reviewed, write

    if source is not None and (zh or en or termbase or level is not Level.PARAGRAPH):
        _fail(
            "--from takes the pairs from a reviewed file: give no documents, --termbase or --level",
            Status.USAGE,
        )
    if source is None and zh is None:
        _fail("give the Chinese and the English document (or --from a reviewed file)", Status.USAGE)
    if fmt is not None and outputs and len(outputs) > 1:
        _fail("--format names the format of one output: give each -o its extension instead", Status.USAGE)
    if source is None and en is None:
        from unterm.batch.aligning import Options as Run

        assert zh is not None  # checked above
        run = Run(
            level.value, str(termbase) if termbase else None, jobs or 0, scheduler, force, min_score, quiet
        )
        _align_corpus(zh, outputs or [], fmt, run)
        return
    targets: list[Path | None] = list(outputs) if outputs else [None]
    chosen = [_choose(Alignment, output, fmt, Format.TSV) for output in targets]
    for output in targets:
        _check_output(output, zh, en, termbase, source)
    try:
        if source is not None:
            alignment = read_reviewed(source)
        else:
            assert zh is not None and en is not None  # checked above
            terms = _read_termbase(termbase) if termbase else None
            alignment = unterm.align(zh, en, level=level.value, termbase=terms)
        for output, how in zip(targets, chosen, strict=True):
            write(alignment, _target(output), how.name, inputs=[p for p in (termbase, source) if p])
    except UntermError as err:
        _fail(str(err))
    if not quiet:
        _notes(alignment)
        files = ", ".join(str(o) for o in targets if o is not None and str(o) != STDOUT)
        typer.echo(f"unterm: {summarise(alignment)}{f' -> {files}' if files else ''}", err=True)


def _pairing(source: Path) -> Pairing:
    """The pairs of a corpus given as a folder or a list file; usage error otherwise. Each
    file with no partner gets a line."""
    from unterm.batch.pairs import find_pairs, is_list, read_list

    if not source.exists():
        _fail(f"{source}: no such file or folder")
    if not source.is_dir() and not is_list(source):
        _fail(f"give the English version after {source}, or a folder (or list file) of pairs", Status.USAGE)
    try:
        pairing = find_pairs(source) if source.is_dir() else read_list(source)
    except UntermError as err:
        _fail(str(err))
    for path in pairing.unpaired:
        typer.echo(f"unterm: {path}: has no partner in the other language (skipped)", err=True)
    if not pairing.pairs:
        _fail(
            f"{source}: holds no document pairs (NAME.zh.*/NAME.en.*, zh/NAME.*/en/NAME.*, FOLDER/zh.*/FOLDER/en.*)"
        )
    return pairing


def _align_corpus(source: Path, outputs: list[Path], fmt: Format | None, run: AlignRun) -> None:
    """`unterm align` over a folder or a list of pairs (see batch.aligning)."""
    from dataclasses import replace

    from unterm.batch.aligning import align_corpus, align_folder, corpus_kind
    from unterm.batch.run import Progress, default_jobs

    pairing = _pairing(source)
    if not outputs or any(str(o) == STDOUT for o in outputs):
        _fail(
            "a corpus needs -o: a folder (a file per pair) or corpus files (.tmx, .jsonl, PREFIX.zh)",
            Status.USAGE,
        )
    try:
        kinds = [corpus_kind(output, fmt.value if fmt else None) for output in outputs]
    except UntermError as err:
        _fail(str(err), Status.USAGE)
    if "folder" in kinds and len(outputs) > 1:
        _fail("a corpus goes to one folder (a file per pair) or to corpus files, not both", Status.USAGE)
    run = replace(run, workers=run.workers or default_jobs())
    progress = Progress(len(pairing.pairs), quiet=run.quiet)
    units = -1
    try:
        if kinds == ["folder"]:
            per_pair = _choose(Alignment, Path("x.tmx"), fmt, None).name.value
            failures = align_folder(list(pairing.pairs), outputs[0], per_pair, run, progress)
        else:
            targets = list(zip(outputs, kinds, strict=True))
            failures, units = align_corpus(list(pairing.pairs), targets, run, progress)
    except UntermError as err:
        _fail(str(err))
    for failure in failures:
        typer.echo(f"unterm: {failure.name}: {failure.message}", err=True)
    if not run.quiet:
        made = f", {units} pairs written" if units >= 0 else ""
        where = ", ".join(map(str, outputs))
        typer.echo(f"unterm: corpus: {progress.summary(len(pairing.unpaired))}{made} -> {where}", err=True)
    if any(f.internal for f in failures):
        raise typer.Exit(Status.INTERNAL)
    if failures or pairing.unpaired:
        raise typer.Exit(Status.UNUSABLE)


def _pairs_in(folder: Path) -> list[tuple[Path, Path]]:
    """Document pairs in a folder, at any depth: zh.* beside en.* (A_RES_77_173/zh.md), or
    NAME.zh.* beside NAME.en.*, or NAME_zh.* beside NAME_en.*."""
    out: list[tuple[Path, Path]] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        for zh_mark, en_mark in (("zh", "en"), (".zh", ".en"), ("_zh", "_en")):
            stem = path.stem if zh_mark == "zh" else path.name
            if zh_mark == "zh" and stem == "zh":
                partner = next((p for p in sorted(path.parent.glob("en.*")) if p.is_file()), None)
            elif zh_mark != "zh" and zh_mark in stem:
                partner = path.with_name(stem.replace(zh_mark, en_mark, 1))
                partner = partner if partner.is_file() else None
            else:
                continue
            if partner is not None:
                out.append((path, partner))
                break
    return out


def _pairs(paths: list[Path], folder: Path | None) -> list[tuple[Path, Path]]:
    """The document pairs `unterm terms` is given: files two by two, then a folder's."""
    if len(paths) % 2:
        _fail(f"give files in pairs, Chinese then English ({len(paths)} given)", Status.USAGE)
    if not paths and folder is None:
        _fail("give pairs of files (ZH EN ...) or --dir DIR", Status.USAGE)
    pairs = list(zip(paths[::2], paths[1::2], strict=True))
    if folder is not None:
        if not folder.is_dir():
            _fail(f"{folder}: no such folder")
        found = _pairs_in(folder)
        if not found:
            _fail(f"{folder}: holds no document pairs (zh.*/en.*, NAME.zh.*/NAME.en.*, NAME_zh.*/NAME_en.*)")
        pairs += found
    return pairs


@app.command()
def terms(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Pairs of files: ZH EN [ZH EN ...], each Chinese before its English."),
    ] = None,
    folder: Annotated[
        Path | None,
        typer.Option("--dir", help="Mine every pair in a folder: zh.*/en.*, NAME.zh.*/NAME.en.*."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the termbase here: .tbx, .csv, .xlsx or .utf8 (OmegaT glossary); '-' for stdout.",
        ),
    ] = None,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format", "-f", help="tbx, csv, xlsx or tsv (OmegaT glossary), whatever the extension."
        ),
    ] = None,
    min_freq: Annotated[
        int, typer.Option("--min-freq", min=1, help="Keep pairs linked in at least N segments.")
    ] = 1,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Keep the N best entries.")] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Keep every entry, also those below 0.5 confidence (the default cut)."),
    ] = False,
    merge_with: Annotated[
        Path | None,
        typer.Option("--merge", help="An existing termbase: known terms are marked, conflicts reported."),
    ] = None,
    tbx_version: Annotated[
        int,
        typer.Option(
            "--tbx-version", min=2, max=3, help="3: TBX-Basic (ISO 30042:2019); 2: TBX 2008 for OmegaT."
        ),
    ] = 3,
    zh_tag: Annotated[str, typer.Option("--zh-tag", help="BCP 47 tag of the Chinese.")] = "zh-CN",
    en_tag: Annotated[str, typer.Option("--en-tag", help="BCP 47 tag of the English.")] = "en",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Mine Chinese-English term pairs from aligned UN documents into a termbase.

    Without -o, prints the entries ranked best first as TSV. A pair that cannot be read
    or aligned is reported and skipped; the exit status is then 1.
    """
    import unterm
    from unterm.files import write
    from unterm.termbase.merge import merge

    pairs = _pairs(list(files or []), folder)
    try:
        options = Options(zh_tag, en_tag, tbx_version)
    except FormatError as err:
        _fail(str(err), Status.USAGE)
    chosen = _choose(Termbase, output, fmt, None) if output is not None or fmt is not None else None
    inputs = [p for pair in pairs for p in pair] + ([merge_with] if merge_with else [])
    _check_output(output, *inputs)
    alignments = []
    failed = 0
    for zh, en in pairs:
        try:
            alignments.append(unterm.align(zh, en))
        except UntermError as err:
            if len(pairs) == 1:
                _fail(str(err))
            failed += 1
            typer.echo(f"unterm: {err} (pair skipped)", err=True)
    if not alignments:
        _fail(f"no pair could be aligned ({failed} failed)")
    try:
        mined = unterm.mine_terms(
            alignments, min_freq=min_freq, top=top, min_confidence=0.0 if everything else 0.5
        )
        result = merge(_read_termbase(merge_with, options), mined) if merge_with else mined
        if chosen is not None:
            write(result, _target(output), chosen.name, options, inputs=inputs)
        else:
            sys.stdout.write(_ranked(result))
    except UntermError as err:
        _fail(str(err))
    if not quiet:
        known = sum(1 for e in result.entries if e.known)
        typer.echo(
            f"unterm: {len(result.entries)} entries from {len(alignments)} pair(s)"
            + (f", {known} already known, {len(result.conflicts)} conflicts" if merge_with else "")
            + (f"; {failed} pair(s) failed" if failed else "")
            + _to_file(output),
            err=True,
        )
        for conflict in result.conflicts:
            typer.echo(f"unterm: conflict: {conflict}", err=True)
    if failed:
        raise typer.Exit(Status.UNUSABLE)


def _ranked(termbase: Termbase) -> str:
    lines = ["rank\tzh\ten\ttype\tfrequency\tconfidence\tstatus"]
    for n, e in enumerate(termbase.entries, start=1):
        types = f"{e.zh[0].type.value}/{e.en[0].type.value}" if e.zh and e.en else ""
        zh = " | ".join(t.text for t in e.zh)
        en = " | ".join(t.text for t in e.en)
        lines.append(f"{n}\t{zh}\t{en}\t{types}\t{e.frequency}\t{e.confidence:.3f}\t{e.status.value}")
    return "\n".join(lines) + "\n"


class FailOn(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@app.command()
def qa(
    zh: Annotated[Path, typer.Argument(help="The Chinese version, or a folder (or list file) of pairs.")],
    en: Annotated[Path | None, typer.Argument(help="The English version (none for a corpus).")] = None,
    termbase: Annotated[
        Path | None,
        typer.Option("--termbase", help="Check terms against this termbase (TBX, CSV, XLSX, TSV)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write the report here: .html, .json, .csv or .xlsx; '-' for stdout."
        ),
    ] = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="html, json, csv or xlsx, whatever the extension.")
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
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Pairs checked at once, for a corpus (default: the cores)."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", envvar="UNTERM_SCHEDULER", help="A Dask scheduler's address, for a corpus."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo the pairs of a corpus already done.")] = False,
) -> None:
    """Check a Chinese and an English UN document against each other for editorial review.

    Prints a summary table and the findings; -o writes the full report (HTML for a
    browser; JSON, CSV or XLSX, one finding a row). Exit status 1 when findings at or
    above --fail-on exist, 3 when an input cannot be used (one line on stderr says which).
    Given a folder (or a list file) of pairs, writes a report per pair into the folder -o
    names, or every finding of the corpus into one table (.csv or .jsonl).
    """
    import unterm
    from unterm.files import write
    from unterm.qa.export import summary_table
    from unterm.qa.ignore import read_marks, without
    from unterm.qa.model import Report, Severity
    from unterm.qa.run import run_checks
    from unterm.qa.style import HouseStyle, read_style

    if en is None:
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
        _qa_corpus(zh, output, fmt, checks, Severity(fail_on.value), quiet)
        return
    if fmt is not None and output is None:
        _fail(f"--format {fmt.value} needs a file to write: give one with -o", Status.USAGE)
    chosen = _choose(Report, output, fmt, None) if output is not None else None
    _check_output(output, zh, en, termbase, style)
    to_stdout = chosen is not None and _target(output) == STDOUT
    try:
        house = read_style(style) if style else HouseStyle()
        terms = _read_termbase(termbase) if termbase else None
        marks = read_marks(ignore) if ignore else None
        report = run_checks(
            unterm.align(zh, en), termbase=terms, style=house, consistency=consistency, meaning=consistency
        )
        if marks is not None:
            report = without(report, marks, str(ignore))
        if chosen is not None:
            write(report, _target(output), chosen.name, inputs=[p for p in (termbase, style) if p])
    except UntermError as err:
        _fail(str(err))
    if not quiet and not to_stdout:
        sys.stdout.write(summary_table(report))
        if output is not None:
            typer.echo(f"unterm: report -> {output}", err=True)
    if report.at_least(Severity(fail_on.value)):
        raise typer.Exit(Status.FINDINGS)


def _qa_corpus(
    source: Path,
    output: Path | None,
    fmt: Format | None,
    checks: CheckOptions,
    fail_on: Severity,
    quiet: bool,
) -> None:
    """`unterm qa` over a folder or a list of pairs (see batch.checking)."""
    from dataclasses import replace

    from unterm.batch.checking import check_corpus, check_folder
    from unterm.batch.run import Progress, default_jobs
    from unterm.qa.model import Report, Severity

    pairing = _pairing(source)
    if output is None or str(output) == STDOUT:
        _fail(
            "a corpus needs -o: a folder (a report per pair) or one findings table (.csv, .jsonl)",
            Status.USAGE,
        )
    checks = replace(checks, workers=checks.workers or default_jobs())
    progress = Progress(len(pairing.pairs), quiet=quiet)
    try:
        if output.is_dir() or str(output).endswith("/") or not output.suffix:
            per_pair = _choose(Report, Path("x.html"), fmt, None).name.value
            failures, results = check_folder(list(pairing.pairs), output, per_pair, checks, progress)
        else:
            failures, results = check_corpus(list(pairing.pairs), output, checks, progress)
    except UntermError as err:
        _fail(str(err))
    for failure in failures:
        typer.echo(f"unterm: {failure.name}: {failure.message}", err=True)
    severe = sum(1 for r in results if any(Severity(s).at_least(fail_on) for s in r.severities))
    if not quiet:
        typer.echo(
            f"unterm: corpus: {progress.summary(len(pairing.unpaired))}; {severe} with findings at or "
            f"above {fail_on.value} -> {output}",
            err=True,
        )
    if any(f.internal for f in failures):
        raise typer.Exit(Status.INTERNAL)
    if failures or pairing.unpaired:
        raise typer.Exit(Status.UNUSABLE)
    if severe:
        raise typer.Exit(Status.FINDINGS)


@app.command()
def revision(
    draft: Annotated[Path, typer.Argument(help="The draft (.md, .txt, .docx, .pdf), or a folder of drafts.")],
    final: Annotated[
        Path, typer.Argument(help="The final version, or a folder of finals paired with the drafts by name.")
    ],
    english: Annotated[
        Path | None,
        typer.Option(
            "--en", help="The English original of a Chinese revision (a folder of them with folders)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write the report here: .html, .json, .csv or .xlsx; '-' for stdout."
        ),
    ] = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="html, json, csv or xlsx, whatever the extension.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stdout.")] = False,
) -> None:
    """Show what a reviser changed between a draft and the final version of a document.

    Pairs the paragraphs of the two versions (edited, moved, split, merged, inserted,
    deleted), scores each pair with TER and chrF (sacrebleu) and marks the changed
    spans. Prints a summary; -o writes the full report (HTML for a browser; JSON, CSV or
    XLSX, one pair a row). Given two folders, compares each draft with the final of the
    same name and adds a corpus table; the exit status is then 3 if any could not be
    compared (the others are reported).
    """
    from unterm.files import write
    from unterm.revision.export import summary_table
    from unterm.revision.model import Corpus, Revision
    from unterm.revision.run import revise, revise_folders

    folders = draft.is_dir() and final.is_dir()
    if draft.is_dir() != final.is_dir():
        _fail(f"give two files or two folders ({draft} and {final} are one of each)", Status.USAGE)
    if folders and english is not None and not english.is_dir():
        _fail(f"--en {english}: with two folders, give a folder of English originals", Status.USAGE)
    if fmt is not None and output is None:
        _fail(f"--format {fmt.value} needs a file to write: give one with -o", Status.USAGE)
    chosen = _choose(Corpus if folders else Revision, output, fmt, None) if output is not None else None
    result: Revision | Corpus
    try:
        result = (
            revise_folders(draft, final, english=english)
            if folders
            else revise(draft, final, english=english)
        )
        if isinstance(result, Corpus) and not result.revisions:
            _fail(
                f"{draft} and {final}: no draft could be compared with a final of the same name "
                f"({len(result.failures)} file(s) not compared)"
            )
        if chosen is not None:
            write(result, _target(output), chosen.name)
    except UntermError as err:
        _fail(str(err))
    if not quiet and (chosen is None or _target(output) != STDOUT):
        sys.stdout.write(summary_table(result))
        if output is not None:
            typer.echo(f"unterm: report -> {output}", err=True)
    if isinstance(result, Corpus) and result.failures:
        for failure in result.failures:
            typer.echo(f"unterm: {failure.reason} (not compared)", err=True)
        raise typer.Exit(Status.UNUSABLE)


def main() -> None:
    """Run the command line (the console script enters through unterm.__main__, which
    handles signals first)."""
    try:
        app()
    except BrokenPipeError:  # `unterm align ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(Status.DONE)
    except Exception as err:  # never a traceback for the user; one line and a status
        if os.environ.get("UNTERM_DEBUG"):
            raise
        typer.echo(
            f"unterm: internal error: {type(err).__name__}: {err} (set UNTERM_DEBUG=1 for details)", err=True
        )
        sys.exit(Status.INTERNAL)
