"""`unterm terms`: mine a termbase from pairs of documents, or a folder of them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from unterm.commands.common import (
    Status,
    check_output,
    choose,
    fail,
    read_termbase_at,
    target,
    to_file,
)
from unterm.errors import FormatError, UntermError
from unterm.files import Format, Options
from unterm.termbase.model import Termbase


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
        fail(f"give files in pairs, Chinese then English ({len(paths)} given)", Status.USAGE)
    if not paths and folder is None:
        fail("give pairs of files (ZH EN ...) or --dir DIR", Status.USAGE)
    pairs = list(zip(paths[::2], paths[1::2], strict=True))
    if folder is not None:
        if not folder.is_dir():
            fail(f"{folder}: no such folder")
        found = _pairs_in(folder)
        if not found:
            fail(f"{folder}: holds no document pairs (zh.*/en.*, NAME.zh.*/NAME.en.*, NAME_zh.*/NAME_en.*)")
        pairs += found
    return pairs


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
        fail(str(err), Status.USAGE)
    chosen = choose(Termbase, output, fmt, None) if output is not None or fmt is not None else None
    inputs = [p for pair in pairs for p in pair] + ([merge_with] if merge_with else [])
    check_output(output, *inputs)
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
    try:
        mined = unterm.mine_terms(
            alignments, min_freq=min_freq, top=top, min_confidence=0.0 if everything else 0.5
        )
        result = merge(read_termbase_at(merge_with, options), mined) if merge_with else mined
        if chosen is not None:
            write(result, target(output), chosen.name, options, inputs=inputs)
        else:
            sys.stdout.write(_ranked(result))
    except UntermError as err:
        fail(str(err))
    if not quiet:
        known = sum(1 for e in result.entries if e.known)
        typer.echo(
            f"unterm: {len(result.entries)} entries from {len(alignments)} pair(s)"
            + (f", {known} already known, {len(result.conflicts)} conflicts" if merge_with else "")
            + (f"; {failed} pair(s) failed" if failed else "")
            + to_file(output),
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
