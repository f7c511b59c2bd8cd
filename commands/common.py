"""What every command shares: the exit statuses, the one-line failure, choosing an output
format, refusing an output that is an input, and the pairs of a corpus."""

from __future__ import annotations

import sys
from enum import Enum, IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from unterm.errors import FormatError, UntermError
from unterm.files import STDOUT, FileFormat, Format, Options

if TYPE_CHECKING:
    from unterm.align.model import Alignment
    from unterm.batch.pairs import Pairing
    from unterm.termbase.model import Termbase


class Status(IntEnum):
    """The exit status of every unterm command."""

    DONE = 0  # done, and (qa) no finding at or above --fail-on
    FINDINGS = 1  # qa: findings at or above --fail-on
    USAGE = 2  # the command line is wrong: an unknown option, format or extension
    UNUSABLE = 3  # an input that cannot be used, or an output that cannot be written (one line names it)
    INTERNAL = 70  # a fault in unterm itself (EX_SOFTWARE); UNTERM_DEBUG=1 shows where


def written(holds: type) -> type[Format]:
    """The formats a kind of value is written in (files.FORMATS), as the choices of a
    command's --format: its help lists only those. (mypy sees Format, which they are part of.)"""
    from unterm.files import formats_for

    names = dict.fromkeys(f.name for f in formats_for(holds))
    return Enum(f"{holds.__name__}Format", [(f.name, f.value) for f in names], type=str)  # type: ignore[return-value]


# The options of a corpus run, alike in align, terms and qa.
Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Pairs of a corpus worked on at once (default: the cores)."
    ),
]
Scheduler = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        envvar="UNTERM_SCHEDULER",
        metavar="tcp://HOST:PORT",
        help="A Dask scheduler's address, for a corpus.",
    ),
]
# Which columns of a table input hold which language, where their names do not say it
Columns = Annotated[
    str | None,
    typer.Option(
        "--columns",
        metavar="zh=NAME,en=NAME",
        help="Which columns of a table given (--from, --termbase, --merge) hold the Chinese and the "
        "English, where their headings do not say it (zh, Chinese, 中文, zh-Hans, en, English, en-US ... "
        "are recognised), e.g. --columns zh=译文,en=原文.",
    ),
]


# The language tags every output that tags languages carries (TMX, XLIFF, TBX, a
# termbase's headings); default: lang.languages.ZH_TAG, EN_TAG
ZhLang = Annotated[
    str | None,
    typer.Option(
        "--zh-lang",
        "--zh-tag",
        metavar="TAG",
        help="BCP 47 tag of the Chinese in the outputs (TMX, XLIFF, TBX, table headings): zh-CN "
        "(the default), zh-Hans, zh-TW ...",
        show_default=False,
    ),
]
EnLang = Annotated[
    str | None,
    typer.Option(
        "--en-lang",
        "--en-tag",
        metavar="TAG",
        help="BCP 47 tag of the English in the outputs: en (the default), en-US, en-GB ...",
        show_default=False,
    ),
]


def tagged(zh_lang: str | None, en_lang: str | None, **options: object) -> Options:
    """The writing options with the language tags given, else the defaults; a usage error
    (status 2) for a tag that is not BCP 47."""
    from unterm.lang.languages import EN_TAG, ZH_TAG

    try:
        return Options(zh_lang or ZH_TAG, en_lang or EN_TAG, **options)  # type: ignore[arg-type]
    except FormatError as err:
        fail(str(err), Status.USAGE)


def table_options(columns: str | None, options: Options | None = None) -> Options:
    """The reading options with the language columns `--columns` names."""
    from dataclasses import replace

    from unterm.documents.tables import parse_columns
    from unterm.lang.languages import Lang

    base = options or Options()
    if not columns:
        return base
    try:
        given = parse_columns(columns)
    except UntermError as err:
        fail(str(err), Status.USAGE)
    return replace(base, zh_column=given.get(Lang.ZH, ""), en_column=given.get(Lang.EN, ""))


def fail(message: str, status: Status = Status.UNUSABLE) -> NoReturn:
    """One line on stderr, whatever the message holds (a file name's escape sequence, a
    newline, a whole paragraph), and the exit status."""
    from unterm.lang.text import printable

    line = printable(message)
    typer.echo(f"unterm: {line if len(line) <= 400 else line[:399] + '…'}", err=True)
    raise typer.Exit(status)


def choose(holds: type, output: Path | None, fmt: Format | None, default: Format | None) -> FileFormat:
    """The output format (the one named, else the file's extension, else the default for
    standard output and for a device such as /dev/null, which has no extension), or a
    usage error (status 2) naming the ones there are. A binary format is refused for a
    terminal."""
    from unterm.files import choose

    to_stdout = output is None or str(output) == STDOUT
    try:
        chosen = choose(holds, output, fmt or (default if to_stdout or _device(output) else None))
    except FormatError as err:
        fail(str(err), Status.USAGE)
    if to_stdout and not chosen.text and terminal():
        fail(f"{chosen.name.value} is a binary format: give a file to write it to with -o", Status.USAGE)
    return chosen


def _device(output: Path | None) -> bool:
    """Whether an output is a device or a pipe (/dev/null, /dev/stdout, a FIFO), not a file."""
    import stat

    try:
        return output is not None and not stat.S_ISREG(output.stat().st_mode) and not output.is_dir()
    except OSError:
        return False


def terminal() -> bool:
    """Whether standard output is a terminal (where a binary format is no use)."""
    return sys.stdout.isatty()


def check_output(output: Path | None, *inputs: Path | None) -> None:
    """Refuse, before any work, an output that is one of the inputs."""
    from unterm.outputs import refuse_inputs

    if output is not None and str(output) != STDOUT:
        try:
            refuse_inputs(output, [p for p in inputs if p is not None])
        except UntermError as err:
            fail(str(err))


def target(output: Path | None) -> str:
    return str(output) if output is not None else STDOUT


def to_file(output: Path | None) -> str:
    """` -> FILE` for a summary line, where the output went to a file."""
    return f" -> {output}" if output is not None and str(output) != STDOUT else ""


def notes(alignment: Alignment) -> None:
    """What reading changed in either document (an absurd list number), a line each."""
    for doc in (alignment.zh, alignment.en):
        for note in doc.notes:
            typer.echo(f"unterm: note: {doc.path}: {note}", err=True)


def read_termbase_at(path: Path, options: Options | None = None) -> Termbase:
    from unterm.files import read_termbase

    return read_termbase(path, options or Options())


def find_corpus(source: Path) -> Pairing:
    """The pairs of a corpus given as a folder or a list file; usage error otherwise. Each
    file with no partner gets a line."""
    from unterm.batch.pairs import find_pairs, is_list, read_list

    if not source.exists():
        fail(f"{source}: no such file or folder")
    if not source.is_dir() and not is_list(source):
        fail(f"give the English version after {source}, or a folder (or list file) of pairs", Status.USAGE)
    try:
        pairing = find_pairs(source) if source.is_dir() else read_list(source)
    except UntermError as err:
        fail(str(err))
    for path in pairing.unpaired:
        typer.echo(f"unterm: {path}: has no partner in the other language (skipped)", err=True)
    if not pairing.pairs:
        fail(
            f"{source}: holds no document pairs (NAME.zh.*/NAME.en.*, zh/NAME.*/en/NAME.*, FOLDER/zh.*/FOLDER/en.*)"
        )
    return pairing
