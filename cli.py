"""The `unterm` command: parses options, calls the stages, writes files.

Exit status: 0 done, 1 bad input (one line on stderr naming the file and the problem),
2 usage error. Set UNTERM_DEBUG=1 to see a traceback for an unexpected failure.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from unterm import __version__
from unterm.errors import FormatError, UntermError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Align, mine terms from and check Chinese-English United Nations documents.",
)


def _fail(message: str, status: int = 1) -> NoReturn:
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


from unterm.align.formats import FORMATS, OutputFormat  # noqa: E402  (after app, for typer's choices)


@app.command()
def align(
    zh: Annotated[Path, typer.Argument(help="The Chinese version: .md or .txt (UTF-8/16, GB18030).")],
    en: Annotated[Path, typer.Argument(help="The English version.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="Write here; the format follows the extension. Default: TSV on stdout."
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat | None, typer.Option("--format", "-f", help="Output format, whatever the extension.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line on stderr.")] = False,
) -> None:
    """Align a Chinese and an English UN document paragraph by paragraph.

    Writes one pair a row (columns zh, en, kind, key, score) as TSV on stdout, or TMX,
    TSV, CSV, XLSX, JSON or a side-by-side HTML page with -o. A summary goes to stderr.
    """
    from unterm.align.align import align_files
    from unterm.align.formats import format_for, write_alignment
    from unterm.align.rows import summarise
    from unterm.align.tabular import tsv_text

    try:
        chosen = fmt or (format_for(output) if output else OutputFormat.TSV)
    except FormatError as err:
        _fail(str(err), 2)
    if output is None and FORMATS[chosen].binary:
        _fail(f"--format {chosen.value} writes a binary file: give one with -o", 2)
    try:
        alignment = align_files(zh, en)
        if output is not None:
            write_alignment(alignment, output, chosen)
        elif chosen is OutputFormat.TSV:
            sys.stdout.write(tsv_text(alignment))
        else:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"out.{chosen.value}"
                write_alignment(alignment, path, chosen)
                sys.stdout.write(path.read_text(encoding="utf-8-sig"))
    except UntermError as err:
        _fail(str(err))
    if not quiet:
        where = f" -> {output}" if output else ""
        typer.echo(f"unterm: {summarise(alignment)}{where}", err=True)


def main() -> None:
    """Entry point of the `unterm` console script."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `unterm align ... | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as err:  # never a traceback for the user; one line and a status
        if os.environ.get("UNTERM_DEBUG"):
            raise
        typer.echo(
            f"unterm: internal error: {type(err).__name__}: {err} (set UNTERM_DEBUG=1 for details)", err=True
        )
        sys.exit(3)


if __name__ == "__main__":
    main()
