"""`unterm align`: one pair of documents, a reviewed file (--from), or a corpus."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unterm.align.model import Alignment
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
    notes,
    read_termbase_at,
    table_options,
    tagged,
    target,
    written,
)
from unterm.errors import UntermError
from unterm.files import STDOUT, Format

if TYPE_CHECKING:
    from unterm.batch.aligning import Options as AlignRun

    AlignFormat = Format
else:
    AlignFormat = written(Alignment)  # the --format choices: the formats an alignment is written in


class Level(str, Enum):
    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


class EmbeddingModel(str, Enum):
    USE = "use"
    E5 = "e5"


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
            metavar="FILE",
            help="Write here; the format follows the extension ('-' for stdout). Default: TSV on stdout. "
            "Give it more than once to write several formats from one alignment.",
        ),
    ] = None,
    fmt: Annotated[
        AlignFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="The format, whatever the extension (.xlf is XLIFF 1.2 unless -f xliff2).",
            show_default=False,
        ),
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
    embeddings: Annotated[
        EmbeddingModel | None,
        typer.Option(
            "--embeddings",
            help="With --level sentence: a sentence-embedding model (use or e5; the 'embed' extra) "
            "as evidence for the paragraph pairs the aligner is least sure of.",
        ),
    ] = None,
    srx: Annotated[
        str | None,
        typer.Option(
            "--srx",
            metavar="FILE|omegat|unterm",
            help="Cut sentences by these SRX rules, as a CAT tool does, so that each of its segments "
            "finds a unit: an SRX file (exported from Trados, memoQ, Okapi) or OmegaT's "
            "segmentation.conf; 'omegat' for OmegaT's default rules, 'unterm' for unterm's own. "
            "Implies --level sentence.",
        ),
    ] = None,
    zh_lang: ZhLang = None,
    en_lang: EnLang = None,
    jobs: Jobs = None,
    scheduler: Scheduler = None,
    force: Annotated[bool, typer.Option("--force", help="Redo the pairs of a corpus already done.")] = False,
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score", min=0.0, max=1.0, metavar="SCORE", help="Corpus files: leave out pairs below this."
        ),
    ] = 0.0,
    source: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="Instead of two documents, a reviewed file of pairs: a TSV, CSV or XLSX edited in a "
            "spreadsheet, the edits a review page exports (.json), a TMX.",
        ),
    ] = None,
    columns: Columns = None,
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

    if source is not None and (zh or en or termbase or level is not Level.PARAGRAPH or srx):
        fail(
            "--from takes the pairs from a reviewed file: give no documents, --termbase, --level or --srx",
            Status.USAGE,
        )
    if srx is not None:
        level = Level.SENTENCE
    if embeddings and (level is not Level.SENTENCE or source is not None or en is None):
        fail(
            "--embeddings is evidence for the sentence pairs of one pair of documents: give --level sentence",
            Status.USAGE,
        )
    if source is None and zh is None:
        fail("give the Chinese and the English document (or --from a reviewed file)", Status.USAGE)
    if fmt is not None and outputs and len(outputs) > 1:
        fail("--format names the format of one output: give each -o its extension instead", Status.USAGE)
    tags = tagged(zh_lang, en_lang)
    if source is None and en is None:
        from unterm.batch.aligning import Options as Run

        assert zh is not None  # checked above
        run = Run(
            level.value,
            str(termbase) if termbase else None,
            jobs or 0,
            scheduler,
            force,
            min_score,
            quiet,
            srx,
            (tags.zh_tag, tags.en_tag),
        )
        _corpus(zh, outputs or [], fmt, run)
        return
    targets: list[Path | None] = list(outputs) if outputs else [None]
    chosen = [choose(Alignment, output, fmt, Format.TSV) for output in targets]
    for output in targets:
        check_output(output, zh, en, termbase, source)
    try:
        tables = table_options(columns, tags)
        if source is not None:
            alignment = read_reviewed(source, tables)
        else:
            assert zh is not None and en is not None  # checked above
            terms = read_termbase_at(termbase, tables) if termbase else None
            model = embeddings.value if embeddings else None
            alignment = unterm.align(
                zh,
                en,
                level=level.value,
                termbase=terms,
                embeddings=model,
                srx=srx,
                zh_lang=tags.zh_tag,
                en_lang=tags.en_tag,
            )
        for output, how in zip(targets, chosen, strict=True):
            write(alignment, target(output), how.name, tags, inputs=[p for p in (termbase, source) if p])
    except UntermError as err:
        fail(str(err))
    if not quiet:
        notes(alignment)
        files = ", ".join(str(o) for o in targets if o is not None and str(o) != STDOUT)
        typer.echo(f"unterm: {summarise(alignment)}{f' -> {files}' if files else ''}", err=True)


def _corpus(source: Path, outputs: list[Path], fmt: AlignFormat | None, run: AlignRun) -> None:
    """`unterm align` over a folder or a list of pairs (see batch.aligning)."""
    from dataclasses import replace

    from unterm.batch.aligning import align_corpus, align_folder, corpus_kind
    from unterm.batch.run import Progress, default_jobs

    found = find_corpus(source)
    if not outputs or any(str(o) == STDOUT for o in outputs):
        fail(
            "a corpus needs -o: a folder (a file per pair) or corpus files (.tmx, .jsonl, PREFIX.zh)",
            Status.USAGE,
        )
    try:
        kinds = [corpus_kind(output, fmt.value if fmt else None) for output in outputs]
    except UntermError as err:
        fail(str(err), Status.USAGE)
    if "folder" in kinds and len(outputs) > 1:
        fail("a corpus goes to one folder (a file per pair) or to corpus files, not both", Status.USAGE)
    run = replace(run, workers=run.workers or default_jobs())
    progress = Progress(len(found.pairs), quiet=run.quiet)
    units = -1
    try:
        if kinds == ["folder"]:
            per_pair = choose(Alignment, Path("x.tmx"), fmt, None).name.value
            failures = align_folder(list(found.pairs), outputs[0], per_pair, run, progress)
        else:
            targets = list(zip(outputs, kinds, strict=True))
            failures, units = align_corpus(list(found.pairs), targets, run, progress)
    except UntermError as err:
        fail(str(err))
    for failure in failures:
        typer.echo(f"unterm: {failure.name}: {failure.message}", err=True)
    if not run.quiet:
        made = f", {units} pairs written" if units >= 0 else ""
        where = ", ".join(map(str, outputs))
        typer.echo(f"unterm: corpus: {progress.summary(len(found.unpaired))}{made} -> {where}", err=True)
    if any(f.internal for f in failures):
        raise typer.Exit(Status.INTERNAL)
    if failures or found.unpaired:
        raise typer.Exit(Status.UNUSABLE)
