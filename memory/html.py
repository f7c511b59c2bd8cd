"""Search results as one self-contained page: the renderings counted, then each pair as
a KWIC line (the query marked on its side, the match in a column of its own on a wide
screen) with its other side below, the equivalent marked.

No server and no network: the content security policy allows nothing but the page's
own inline style and script (search.css and search.js beside this module, inlined when
the page is written: unterm.assets). The pairs are HTML, readable without the script; the script
lets the reader show only the pairs of one rendering, filter by text, and open a
pair's whole text. On a phone's width the KWIC line becomes the sentence, wrapped.
"""

from __future__ import annotations

from html import escape as html_escape
from typing import BinaryIO

from unterm.assets import CSP, scripts, style
from unterm.lang.text import xml_safe
from unterm.memory.export import equivalent, kwic
from unterm.memory.model import Hit, Mode, Results, Span

_LANG = {"zh": "zh-CN", "en": "en"}


def escape(text: str) -> str:
    return html_escape(xml_safe(text))


def marked(text: str, spans: tuple[Span, ...], css: str = "q") -> str:
    """The text escaped, each span in a <mark>."""
    out, at = [], 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < at:
            continue
        out.append(escape(text[at : s.start]))
        out.append(f'<mark class="{css}">{escape(text[s.start : s.end])}</mark>')
        at = s.end
    out.append(escape(text[at:]))
    return "".join(out)


def _meta(hit: Hit, results: Results) -> str:
    parts = [f'<span class="doc">{escape(hit.document)}</span>']
    if hit.date:
        parts.append(f"<time>{escape(hit.date)}</time>")
    if hit.key:
        parts.append(f"¶ {escape(hit.key)}")
    if hit.kind:
        parts.append(escape(hit.kind))
    parts.append(f'<span title="the aligner\'s confidence in this pair">{hit.score:.2f}</span>')
    badge = f'<span class="pct">{hit.match}%</span>' if results.mode is Mode.FUZZY else ""
    return f'<div class="meta">{badge}{" · ".join(parts)}</div>'


def _hit(n: int, hit: Hit, results: Results, rendering: dict[str, int]) -> str:
    side = "zh" if results.side == "both" else results.side
    other = "en" if side == "zh" else "zh"
    text, spans = hit.text(side), hit.spans(side)
    if results.mode is Mode.FUZZY:
        line = f'<p class="sent" lang="{_LANG[side]}">{marked(text, spans, "diff")}</p>'
        group = ""
    else:
        left, match, right = kwic(text, spans, width=10**6)
        line = (
            f'<p class="kwic" lang="{_LANG[side]}"><span class="l"><span>{escape(left)}</span></span>'
            f'<mark class="q">{escape(match)}</mark><span class="r">{escape(right)}</span></p>'
            f'<p class="sent" lang="{_LANG[side]}">{marked(text, spans)}</p>'
        )
        eq = "" if results.side == "both" else equivalent(hit, side)
        group = f' data-r="{rendering.get(eq, -1)}"'
    css = "q" if results.side == "both" else "eq"
    other_line = (
        f'<p class="other" lang="{_LANG[other]}">{marked(hit.text(other), hit.spans(other), css)}</p>'
    )
    return f'<li class="hit" id="h{n}"{group} tabindex="0">{_meta(hit, results)}{line}{other_line}</li>'


def _renderings(results: Results) -> str:
    if not results.renderings:
        return ""
    rows = []
    for k, r in enumerate(results.renderings):
        years = "" if not r.first else str(r.first) if r.first == r.last else f"{r.first}–{r.last}"
        lang = _LANG["en" if results.side == "zh" else "zh"]
        label = f'<span lang="{lang}">{escape(r.text)}</span>' if r.text else "<i>no equivalent found</i>"
        rows.append(
            f'<tr><td><button type="button" data-r="{k}" aria-pressed="false">{label}</button></td>'
            f"<td>{r.pairs}</td><td>{r.documents}</td><td>{years}</td></tr>"
        )
    query = escape(results.query)
    return (
        f'<section id="renderings"><h2>Renderings of <q>{query}</q></h2>'
        '<table><thead><tr><th scope="col">rendering (tap to show its pairs)</th><th scope="col">pairs</th>'
        f'<th scope="col">documents</th><th scope="col">years</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        "</section>"
    )


def page_head(title: str) -> str:
    """A page's start, to its <body>: the security policy, the viewport, the style."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            style("unterm.memory", "search.css") + "</head><body>",
        ]
    )


def html_page(results: Results, form: str = "") -> str:
    """The results as a self-contained page (`form`: the search form `unterm serve`
    puts on top)."""
    fuzzy = results.mode is Mode.FUZZY
    what = "Closest earlier sentences to" if fuzzy else "Concordance of"
    rendering = {r.text: k for k, r in enumerate(results.renderings)}
    hits = "".join(_hit(n, h, results, rendering) for n, h in enumerate(results.hits, start=1))
    notes = "".join(f'<p class="note">{escape(n)}</p>' for n in results.notes)
    empty = '<p id="none">No pair holds it.</p>' if not results.hits else ""
    out = [
        page_head(f"{results.query}: unterm search"),
        f'<header>{form}<h1>{what} <q lang="{_LANG.get(results.side, "en")}">{escape(results.query)}</q></h1>',
        f'<p id="summary">{escape(results.summary())} · <code>{escape(results.memory)}</code></p>{notes}</header>',
        _renderings(results),
        '<div class="bar"><label>Filter <input type="search" id="filter" autocomplete="off" '
        'placeholder="words in either language"></label> <span id="shown" role="status" aria-live="polite"></span>'
        '<button type="button" id="clear" hidden>Show all</button></div>',
        f'<ol id="hits" class="{"fuzzy" if fuzzy else "concordance"}">{hits}</ol>{empty}',
        f"<footer>Made by {escape(results.signature)}</footer>",
        scripts("unterm.memory", "search.js") + "</body></html>",
    ]
    return "\n".join(out) + "\n"


def write_html(results: Results, out: BinaryIO) -> None:
    out.write(html_page(results).encode("utf-8", "replace"))
