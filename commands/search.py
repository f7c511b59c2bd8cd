"""`unterm search`: look a word, a phrase or a symbol up in a memory, or find the
closest earlier sentences to one (--fuzzy)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from unterm.commands.common import (
    Status,
    check_output,
    choose,
    fail,
    read_termbase_at,
    target,
    terminal,
    to_file,
)
from unterm.errors import UntermError
from unterm.files import Format
from unterm.memory.model import Level, Results, Sort

if TYPE_CHECKING:
    from unterm.memory.model import Hit


def _years(text: str | None) -> tuple[int, int] | None:
    from unterm.memory.model import years

    if text is None:
        return None
    try:
        return years(text)
    except UntermError as err:
        fail(f"--{err}", Status.USAGE)


def search(
    memory: Annotated[Path, typer.Argument(help="A memory `unterm index` made.", show_default=False)],
    query: Annotated[
        str | None,
        typer.Argument(
            help='A word, a phrase, a "quoted exact phrase" or a document symbol, in Chinese or English.',
            show_default=False,
        ),
    ] = None,
    fuzzy: Annotated[
        str | None,
        typer.Option(
            "--fuzzy", help="A sentence: find the closest earlier sentences, with their match percentage."
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here: .tsv, .json or .html (a page).")
    ] = None,
    fmt: Annotated[Format | None, typer.Option("--format", "-f", help="tsv, json or html.")] = None,
    sort: Annotated[
        Sort, typer.Option("--sort", help="newest (the document's date), score (the pair's) or relevance.")
    ] = Sort.NEWEST,
    level: Annotated[
        Level | None,
        typer.Option(
            "--level", help="sentence or paragraph pairs (default: sentence, where the memory has them)."
        ),
    ] = None,
    symbol: Annotated[
        list[str] | None,
        typer.Option("--symbol", help="Only documents whose symbol (or name) starts so: A/RES/."),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option("--kind", help="Only pairs of this kind: operative, preambular, footnote..."),
    ] = None,
    year: Annotated[
        str | None, typer.Option("--year", help="Only documents of a year, or years: 2016-2022.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Show at most N pairs (all are counted).")
    ] = 50,
    termbase: Annotated[
        Path | None, typer.Option("--termbase", help="A termbase whose entries give the query's equivalents.")
    ] = None,
    min_match: Annotated[
        int, typer.Option("--min-match", min=1, max=100, help="--fuzzy: the lowest match percentage shown.")
    ] = 70,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Look a word, phrase or symbol up in a memory, or find the closest earlier sentences.

    A query in Chinese or in English (a word, a phrase, a "quoted exact phrase", a
    document symbol): every pair that holds it, the query marked on its side and its
    equivalent on the other, and the renderings counted (on stderr, and in the JSON and
    the page). With --fuzzy, the earlier sentences closest to a sentence, with the match
    percentage a CAT tool shows.

    Writes KWIC lines on a terminal, TSV when piped, or TSV, JSON or a page with -o.
    """
    from unterm.memory.model import Filters
    from unterm.memory.search import search as run

    if (query is None) == (fuzzy is None):
        fail("give a query, or --fuzzy with a sentence (not both)", Status.USAGE)
    as_text = output is None and fmt is None and terminal()
    chosen = None if as_text else choose(Results, output, fmt, Format.TSV)
    check_output(output, memory, termbase)
    filters = Filters(level, tuple(symbol or ()), tuple(kind or ()), _years(year))
    try:
        terms = read_termbase_at(termbase) if termbase else None
        results = run(
            memory, fuzzy if fuzzy is not None else str(query), fuzzy_match=fuzzy is not None, filters=filters,
            sort=sort, limit=limit, termbase=terms, min_match=min_match,
        )  # fmt: skip
        if chosen is None:
            sys.stdout.write(kwic_lines(results))
        else:
            from unterm.files import write

            write(results, target(output), chosen.name, inputs=[memory, *([termbase] if termbase else [])])
    except UntermError as err:
        fail(str(err))
    for note in results.notes:
        typer.echo(f"unterm: note: {note}", err=True)
    if not quiet:
        typer.echo(f"unterm: {results.summary()}{to_file(output)}", err=True)
        for rendering in results.renderings[:10]:
            typer.echo(f"unterm:   {rendering.describe(results.query, results.side)}", err=True)


def kwic_lines(results: Results) -> str:
    """The hits as a terminal shows them: a line of where each comes from, its query
    side with the query in bold, its other side with the equivalent underlined."""
    side = "zh" if results.side == "both" else results.side
    other = "en" if side == "zh" else "zh"
    out = []
    for h in results.hits:
        where = " · ".join(x for x in (h.document, h.date, f"¶ {h.key}" if h.key else "", h.kind) if x)
        pct = f"{h.match}%  " if h.match else ""
        out.append(f"\x1b[2m{pct}{where}\x1b[0m")
        out.append("  " + _ansi(h, side, "\x1b[1;33m"))
        out.append("  " + _ansi(h, other, "\x1b[4;32m"))
    return "\n".join(out) + ("\n" if out else "")


def _ansi(hit: Hit, side: str, style: str) -> str:
    from unterm.lang.text import printable

    text, spans = hit.text(side), hit.spans(side)
    parts, at = [], 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < at:
            continue
        parts += [printable(text[at : s.start]), style, printable(text[s.start : s.end]), "\x1b[0m"]
        at = s.end
    parts.append(printable(text[at:]))
    return " ".join("".join(parts).split())
