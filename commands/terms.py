"""`unterm terms`: mine a termbase from pairs of documents, or a folder of them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unterm.commands.common import (
    Columns,
    EnLang,
    Jobs,
    Scheduler,
    Status,
    ZhLang,
    check_output,
    choose,
    fail,
    find_corpus,
    read_termbase_at,
    table_options,
    tagged,
    target,
    to_file,
    written,
)
from unterm.errors import UntermError
from unterm.files import Format
from unterm.termbase.model import Termbase

if TYPE_CHECKING:
    from unterm.batch.mining import Options as Mining
    from unterm.batch.pairs import Pairing

    TermsFormat = Format
else:
    TermsFormat = written(Termbase)  # the --format choices: the formats a termbase is written in


def _pairs(paths: list[Path], folder: Path | None) -> tuple[list[tuple[Path, Path]], Path | None]:
    """The document pairs `unterm terms` is given as files two by two, and the folder (or
    list file) of pairs of a corpus: one path alone that is not a document, or --dir."""
    if len(paths) == 1 and folder is None and (paths[0].is_dir() or not paths[0].exists()):
        return [], paths[0]
    if len(paths) == 1 and folder is None:
        from unterm.batch.pairs import is_list

        if is_list(paths[0]):
            return [], paths[0]
    if len(paths) % 2:
        fail(f"give files in pairs, Chinese then English ({len(paths)} given)", Status.USAGE)
    if not paths and folder is None:
        fail("give pairs of files (ZH EN ...), or a folder (or list file) of pairs", Status.USAGE)
    return list(zip(paths[::2], paths[1::2], strict=True)), folder


def terms(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILES",
            help="Pairs of files: ZH EN [ZH EN ...], each Chinese before its English; or a folder (or a "
            "list file) of pairs, for a corpus.",
            show_default=False,
        ),
    ] = None,
    folder: Annotated[
        Path | None,
        typer.Option("--dir", help="A folder (or list file) of pairs, as the one argument is."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the termbase here: .tbx, .csv, .xlsx or .utf8 (OmegaT glossary); '-' for stdout.",
        ),
    ] = None,
    fmt: Annotated[
        TermsFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="The format, whatever the extension: tsv is OmegaT's glossary, ranked the entries best "
            "first as a table (the default on stdout).",
            show_default=False,
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
            "--tbx-version",
            min=2,
            max=3,
            help="2: TBX 2008, which OmegaT, translate-toolkit and CAT tools import; 3: TBX-Basic "
            "(ISO 30042:2019), validated against its schemas.",
        ),
    ] = 2,
    zh_lang: ZhLang = None,
    en_lang: EnLang = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    columns: Columns = None,
    jobs: Jobs = None,
    scheduler: Scheduler = None,
    force: Annotated[
        bool, typer.Option("--force", help="Realign the pairs of a corpus already done.")
    ] = False,
) -> None:
    """Mine Chinese-English term pairs from aligned UN documents into a termbase.

    Without -o, prints the entries ranked best first (the format `ranked`; `-f tsv` is
    OmegaT's glossary, the same as -o NAME.utf8). Given a folder (or a list
    file) of pairs, aligns them in parallel (-j, or on a Dask cluster with --scheduler),
    keeping each pair's segments beside the output so that a rerun aligns only what
    changed, and mines them in passes whose memory grows with the vocabulary. A pair that
    cannot be read or aligned is reported and skipped; the exit status is then 3.
    """
    from unterm.batch.mining import Options as Mining
    from unterm.batch.run import default_jobs
    from unterm.files import write
    from unterm.termbase.merge import merge
    from unterm.termbase.mine import DEFAULT_CUT

    pairs, source = _pairs(list(files or []), folder)
    options = tagged(zh_lang, en_lang, tbx_version=tbx_version)
    chosen = choose(Termbase, output, fmt, Format.RANKED)
    mining = Mining(
        jobs or default_jobs(), scheduler, force, min_freq, top, 0.0 if everything else DEFAULT_CUT
    )
    corpus = find_corpus(source) if source is not None else None
    inputs = [p for pair in pairs for p in pair] + ([merge_with] if merge_with else [])
    if corpus is not None:
        inputs += [p for pair in corpus.pairs for p in (pair.zh, pair.en)]
    check_output(output, *inputs)
    if corpus is not None:
        mined, done, failed, internal = _mine_corpus(pairs, corpus, output, mining, quiet)
        unpaired = len(corpus.unpaired)
    else:
        mined, done, failed = _mine_pairs(pairs, mining)
        internal, unpaired = False, 0
    try:
        result = (
            merge(read_termbase_at(merge_with, table_options(columns, options)), mined)
            if merge_with
            else mined
        )
        write(result, target(output), chosen.name, options, inputs=inputs)
    except UntermError as err:
        fail(str(err))
    if not quiet:
        known = sum(1 for e in result.entries if e.known)
        typer.echo(
            f"unterm: {len(result.entries)} entries from {done} pair(s)"
            + (f", {known} already known, {len(result.conflicts)} conflicts" if merge_with else "")
            + (f"; {failed} pair(s) failed" if failed else "")
            + to_file(output),
            err=True,
        )
        for conflict in result.conflicts:
            typer.echo(f"unterm: conflict: {conflict}", err=True)
    if internal:
        raise typer.Exit(Status.INTERNAL)
    if failed or unpaired:
        raise typer.Exit(Status.UNUSABLE)


def _mine_pairs(pairs: list[tuple[Path, Path]], mining: Mining) -> tuple[Termbase, int, int]:
    """Pairs of files aligned and mined in memory: the termbase, the pairs done and failed."""
    import unterm

    alignments = []
    failed = 0
    for zh, en in pairs:
        try:
            alignments.append(unterm.align(zh, en))
        except UntermError as err:
            if len(pairs) == 1:
                fail(str(err))
            failed += 1
            typer.echo(f"unterm: {err} (pair skipped)", err=True)
    if not alignments:
        fail(f"no pair could be aligned ({failed} failed)")
    mined = unterm.mine_terms(
        alignments, min_freq=mining.min_freq, top=mining.top, min_confidence=mining.min_confidence
    )
    return mined, len(alignments), failed


def _mine_corpus(
    files: list[tuple[Path, Path]], corpus: Pairing, output: Path | None, mining: Mining, quiet: bool
) -> tuple[Termbase, int, int, bool]:
    """A corpus mined in map and reduce passes (batch.mining), each bad pair reported: the
    termbase, the pairs done and failed, and whether a failure was unterm's own."""
    from unterm.batch.mining import mine_corpus
    from unterm.batch.pairs import Pair
    from unterm.batch.run import Progress

    pairs = [Pair(f"{zh}", zh, en) for zh, en in files] + list(corpus.pairs)
    progress = Progress(len(pairs), quiet=quiet)
    try:
        mined, failures = mine_corpus(pairs, output, mining, progress)
    except UntermError as err:
        fail(str(err))
    for failure in failures:
        typer.echo(f"unterm: {failure.name}: {failure.message}", err=True)
    if not quiet:
        typer.echo(f"unterm: corpus: {progress.summary(len(corpus.unpaired))}", err=True)
    if mined is None:
        fail(f"no pair could be aligned ({len(failures)} failed)")
    done = len(pairs) - len(failures)
    return mined, done, len(failures), any(f.internal for f in failures)
