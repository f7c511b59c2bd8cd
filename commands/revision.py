"""`unterm revision`: what a reviser changed between a draft and the final version."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unterm.commands.common import (
    Status,
    choose,
    fail,
    target,
    written,
)
from unterm.errors import UntermError
from unterm.files import STDOUT, Format

if TYPE_CHECKING:
    RevisionFormat = Format
else:
    from unterm.revision.model import Revision

    RevisionFormat = written(Revision)  # the --format choices: the formats a revision report is written in


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
            "-o",
            "--output",
            metavar="FILE",
            help="Write the report here: .html, .json, .csv or .xlsx; '-' for stdout.",
        ),
    ] = None,
    fmt: Annotated[
        RevisionFormat | None,
        typer.Option("--format", "-f", help="The format, whatever the extension.", show_default=False),
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
        fail(f"give two files or two folders ({draft} and {final} are one of each)", Status.USAGE)
    if folders and english is not None and not english.is_dir():
        fail(f"--en {english}: with two folders, give a folder of English originals", Status.USAGE)
    if fmt is not None and output is None:
        fail(f"--format {fmt.value} needs a file to write: give one with -o", Status.USAGE)
    chosen = choose(Corpus if folders else Revision, output, fmt, Format.HTML) if output is not None else None
    result: Revision | Corpus
    try:
        result = (
            revise_folders(draft, final, english=english)
            if folders
            else revise(draft, final, english=english)
        )
        if isinstance(result, Corpus) and not result.revisions:
            fail(
                f"{draft} and {final}: no draft could be compared with a final of the same name "
                f"({len(result.failures)} file(s) not compared)"
            )
        if chosen is not None:
            write(result, target(output), chosen.name)
    except UntermError as err:
        fail(str(err))
    if not quiet and (chosen is None or target(output) != STDOUT):
        sys.stdout.write(summary_table(result))
        if output is not None:
            typer.echo(f"unterm: report -> {output}", err=True)
    if isinstance(result, Corpus) and result.failures:
        for failure in result.failures:
            typer.echo(f"unterm: {failure.reason} (not compared)", err=True)
        raise typer.Exit(Status.UNUSABLE)
