"""`unterm index`: the aligned pairs of a corpus into a searchable memory."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unterm.commands.common import Jobs, Scheduler, Status, check_output, fail
from unterm.errors import UntermError


def index(
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="What to index: folders or list files of document pairs (as `unterm align DIR` takes them), "
            "files of pairs unterm wrote (.tmx, .jsonl, .json), or documents two by two (ZH EN).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="The memory: an SQLite file, made or brought up to date.")
    ],
    termbase: Annotated[
        Path | None,
        typer.Option("--termbase", help="A termbase whose term pairs count as evidence when aligning."),
    ] = None,
    jobs: Jobs = None,
    scheduler: Scheduler = None,
    force: Annotated[bool, typer.Option("--force", help="Align and index every source again.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
) -> None:
    """Index the aligned pairs of a corpus into a memory that `unterm search` searches.

    The pairs go in at paragraph and at sentence level. Each pair of documents is aligned (in parallel: -j, or on a Dask cluster with
    --scheduler); a TMX or JSON Lines file that unterm wrote is read as it is. A rerun
    aligns only the sources that are new or changed since the memory was last brought up
    to date, and removes those no longer given; a run that is stopped keeps what it
    finished. A source that cannot be used is reported and skipped (its earlier version
    kept), and the exit status is then 3.
    """
    from dataclasses import replace

    from unterm.batch.indexing import Options, gather, index_corpus
    from unterm.batch.run import Progress, default_jobs

    try:
        gathered = gather(list(sources))
    except UntermError as err:
        fail(str(err))
    inputs = [p for pair in gathered.pairs for p in (pair.zh, pair.en)] + list(gathered.files)
    check_output(output, *inputs, termbase)
    if not gathered.pairs and not gathered.files:
        fail(f"{' '.join(map(str, sources))}: holds no document pairs and no files of pairs")
    for path in gathered.unpaired:
        typer.echo(f"unterm: {path}: has no partner in the other language (skipped)", err=True)
    options = Options(str(termbase) if termbase else None, jobs or 0, scheduler, force)
    options = replace(options, workers=options.workers or default_jobs())
    progress = Progress(len(gathered.pairs) + len(gathered.files), quiet=quiet)
    try:
        summary = index_corpus(gathered, output, options, progress)
    except UntermError as err:
        fail(str(err))
    for failure in summary.failures:
        typer.echo(f"unterm: {failure.name}: {failure.message}", err=True)
    if not quiet:
        typer.echo(f"unterm: memory: {summary.describe()} -> {output}", err=True)
    if any(f.internal for f in summary.failures):
        raise typer.Exit(Status.INTERNAL)
    if summary.failures or gathered.unpaired:
        raise typer.Exit(Status.UNUSABLE)
