"""The `unterm` command: parses options, calls the stages, writes files.

Every command exits with one of the statuses of `Status` (README "Exit status"). Set
UNTERM_DEBUG=1 to see a traceback for an unexpected failure.
"""

from __future__ import annotations

import os
import sys
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from unterm.errors import FormatError, UntermError
from unterm.files import STDOUT, FileFormat, Format, Options
from unterm.termbase.model import Termbase
from unterm.version import __version__

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
    typer.echo(f"unterm: {message}", err=True)
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


def _target(output: Path | None) -> str:
    return str(output) if output is not None else STDOUT


def _to_file(output: Path | None) -> str:
    """` -> FILE` for a summary line, where the output went to a file."""
    return f" -> {output}" if output is not None and str(output) != STDOUT else ""


def _read_termbase(path: Path, options: Options | None = None) -> Termbase:
    from unterm.files import read_termbase

    return read_termbase(path, options or Options())


class Level(str, Enum):
    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


@app.command()
def align(
    zh: Annotated[
        Path, typer.Argument(help="The Chinese version: .md, .txt (UTF-8/16, GB18030), .docx, .pdf.")
    ],
    en: Annotated[Path, typer.Argument(help="The English version.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write here; the format follows the extension ('-' for stdout). Default: TSV on stdout.",
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
) -> None:
    """Align a Chinese and an English UN document paragraph by paragraph (or sentence by
    sentence with --level sentence).

    Reads .md, .txt, .docx and .pdf (with a text layer). Writes one pair a row (columns
    zh, en, kind, key, score, and sentence at sentence level) as TSV on stdout, or TMX,
    TSV, CSV, XLSX, JSON or a side-by-side HTML page with -o. A summary goes to stderr.
    """
    import unterm
    from unterm.align.model import Alignment
    from unterm.align.rows import summarise
    from unterm.files import write

    chosen = _choose(Alignment, output, fmt, Format.TSV)
    try:
        terms = _read_termbase(termbase) if termbase else None
        alignment = unterm.align(zh, en, level=level.value, termbase=terms)
        write(alignment, _target(output), chosen.name)
    except UntermError as err:
        _fail(str(err))
    if not quiet:
        typer.echo(f"unterm: {summarise(alignment)}{_to_file(output)}", err=True)


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
    alignments = []
    failed = 0
    for zh, en in pairs:
        try:
            alignments.append(unterm.align(zh, en))
        except UntermError as err:
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
            write(result, _target(output), chosen.name, options)
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
    zh: Annotated[Path, typer.Argument(help="The Chinese version.")],
    en: Annotated[Path, typer.Argument(help="The English version.")],
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
            help="Mine the document to compare its terms' renderings (a few seconds).",
        ),
    ] = True,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary table on stdout.")] = False,
) -> None:
    """Check a Chinese and an English UN document against each other for editorial review.

    Prints a summary table and the findings; -o writes the full report (HTML for a
    browser; JSON, CSV or XLSX, one finding a row). Exit status 1 when findings at or
    above --fail-on exist, or when an input cannot be used (one line on stderr says which).
    """
    import unterm
    from unterm.files import write
    from unterm.qa.export import summary_table
    from unterm.qa.model import Report, Severity
    from unterm.qa.run import run_checks
    from unterm.qa.style import HouseStyle, read_style

    if fmt is not None and output is None:
        _fail(f"--format {fmt.value} needs a file to write: give one with -o", Status.USAGE)
    chosen = _choose(Report, output, fmt, None) if output is not None else None
    to_stdout = chosen is not None and _target(output) == STDOUT
    try:
        house = read_style(style) if style else HouseStyle()
        terms = _read_termbase(termbase) if termbase else None
        report = run_checks(unterm.align(zh, en), termbase=terms, style=house, consistency=consistency)
        if chosen is not None:
            write(report, _target(output), chosen.name)
    except UntermError as err:
        _fail(str(err))
    if not quiet and not to_stdout:
        sys.stdout.write(summary_table(report))
        if output is not None:
            typer.echo(f"unterm: report -> {output}", err=True)
    if report.at_least(Severity(fail_on.value)):
        raise typer.Exit(Status.FINDINGS)


def main() -> None:
    """Entry point of the `unterm` console script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
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


if __name__ == "__main__":
    main()
