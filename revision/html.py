"""The revision report as one self-contained HTML page, made as the QA report is (its
style and script, report.css and report.js beside this module, inlined when the page is
written by unterm.assets; a content security policy that forbids any fetch; a Chinese
font for Chinese text; usable with the keyboard and at phone width).

The totals; a chart of the edit rate along the document (an inline SVG: a bar per pair,
its height the pair's TER, its colour the kind of change, and the running mean over five
pairs as a line); the most revised paragraphs; then every pair with its changes marked
inline (deletions struck through, insertions underlined), filterable by kind of change
and text, viewable as the changes, the draft or the final. `n` and `p` jump to the next
and previous changed paragraph. In folder mode a corpus table comes first, then each
document.
"""

from __future__ import annotations

import math
from html import escape
from typing import BinaryIO

from unterm.assets import CSP, scripts, style
from unterm.lang.languages import Lang
from unterm.revision.export import change_label
from unterm.revision.model import Change, Corpus, RevisedPair, Revision

COLOURS = {
    Change.UNCHANGED: "#8a949e",
    Change.EDITED: "#b26a00",
    Change.INSERTED: "#1b7f3b",
    Change.DELETED: "#b3261e",
    Change.MOVED: "#6a3fb5",
    Change.SPLIT: "#0b63c5",
    Change.MERGED: "#0b63c5",
}
SCALE = (1, 10, 25, 50, 100)  # TER values the chart's scale marks
# each kind of change's badge, in the colour of its bars in the chart (report.css has the rest)
_BADGES = "".join(f".badge.{c.value}{{background:{colour}}}\n" for c, colour in COLOURS.items())


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _marked(p: RevisedPair) -> str:
    """The pair's text with its changes inline: what the draft had, struck through, and
    what the final has, underlined, where they differ; a paragraph break as ¶."""
    out: list[str] = []
    at = 0
    text = p.final_text if p.final else ""
    if not p.final:  # deleted: all of it
        return _tag("del", p.draft_text)
    for e in p.edits:
        out.append(escape(text[at : e.final_at]))
        out.append(_tag("del", e.draft) + _tag("ins", e.final))
        at = e.final_at + len(e.final)
    out.append(escape(text[at:]))
    return "".join(out)


def _tag(name: str, text: str) -> str:
    if not text:
        return ""
    if text == "\n":
        return f'<{name} class="break" title="paragraph break">¶</{name}>\n'
    return f"<{name}>{escape(text)}</{name}>"


def _height(ter: float) -> float:
    """A bar's height (0 to 1) for a TER: on a square-root scale, so that the few per cent
    of a light revision show and a rewritten paragraph (100 and over) is the full height."""
    return math.sqrt(max(min(ter, 100.0), 0.0) / 100)


def _chart(r: Revision, prefix: str) -> str:
    """The edit rate along the document as an inline SVG: a bar per pair, its height the
    pair's TER, linked to the pair; the running mean over five pairs as a line. The SVG
    stretches to the page's width; its scale's labels are HTML, so they stay legible."""
    n = max(len(r.pairs), 1)
    width, height = 1000.0, 100.0
    step = width / n
    bars = []
    for k, p in enumerate(r.pairs):
        h = max(_height(p.ter) * height, 6.0 if p.changed else 1.5)
        tip = f"{p.place}: {change_label(p)}, TER {p.ter:.1f}, chrF {p.chrf:.1f}"
        bars.append(
            f'<a href="#{prefix}p{k}" class="to-pair"><title>{escape(tip)}</title>'
            f'<rect x="{k * step:.2f}" y="{height - h:.2f}" width="{max(step * 0.85, 0.5):.2f}" '
            f'height="{h:.2f}" fill="{COLOURS[p.change]}"></rect></a>'
        )
    mean = []
    for k in range(len(r.pairs)):
        window = r.pairs[max(0, k - 2) : k + 3]
        value = sum(min(p.ter, 100.0) for p in window) / len(window)
        mean.append(f"{(k + 0.5) * step:.1f},{height * (1 - _height(value)):.1f}")
    grid = "".join(
        f'<line x1="0" x2="{width:.0f}" y1="{height * (1 - _height(t)):.1f}" y2="{height * (1 - _height(t)):.1f}" '
        'stroke="#e3e7eb" vector-effect="non-scaling-stroke"></line>'
        for t in SCALE
    )
    labels = "".join(f'<span style="top:{100 * (1 - _height(t)):.1f}%">{t}</span>' for t in SCALE)
    return (
        f'<figure><div class="chart"><div class="axis" aria-hidden="true">{labels}</div>'
        f'<svg viewBox="0 0 {width:.0f} {height:.0f}" preserveAspectRatio="none" role="img" '
        f'aria-label="edit rate (TER) of each pair along the document">{grid}{"".join(bars)}'
        f'<polyline points="{" ".join(mean)}" fill="none" stroke="#1d232a" stroke-width="1.5" '
        'stroke-opacity=".6" vector-effect="non-scaling-stroke"></polyline></svg></div>'
        "<figcaption>Edit rate along the document: a bar per paragraph pair in document order, its "
        "height the pair's TER on a square-root scale (an inserted or deleted paragraph is 100), its "
        "colour the kind of change (a short bar: a change with no edit, such as a move or a split); "
        "the line is the mean over five pairs. Each bar links to its pair.</figcaption></figure>"
    )


def _totals(r: Revision, prefix: str) -> list[str]:
    changed = sum(p.changed for p in r.pairs)
    buttons = "".join(
        f'<button type="button" class="badge {c.value}" data-change="{c.value}">{n} {c.value}</button>'
        for c, n in r.counts().items()
        if n
    )
    return [
        '<ul class="totals">',
        f"<li><b>{changed} of {len(r.pairs)}</b>pairs changed ({r.changed_share:.1%})</li>",
        f"<li><b>{r.ter:.2f}</b>TER (draft against final)</li>",
        f"<li><b>{r.chrf:.2f}</b>chrF</li>",
        f"<li><b>{r.typography_only}</b>in typography only</li>",
        f"<li><b>{sum(p.renumbered for p in r.pairs)}</b>renumbered</li></ul>",
        f'<div class="kinds">{buttons}</div>',
        _chart(r, prefix),
    ]


def _most_revised(r: Revision, prefix: str) -> list[str]:
    top = r.most_revised()
    out = [
        "<h3>Most revised paragraphs</h3>",
        '<table class="top"><thead><tr><th>paragraph</th><th>change</th><th class="n">TER</th>'
        '<th class="n wide">chrF</th><th class="n wide">edits</th></tr></thead><tbody>',
    ]
    for p in top:
        k = r.pairs.index(p)
        out.append(
            f'<tr class="go" tabindex="0" data-target="{prefix}p{k}"><td>{escape(p.place)}</td>'
            f'<td><span class="badge {p.change.value}">{escape(change_label(p))}</span></td>'
            f'<td class="n">{p.ter:.1f}</td><td class="n wide">{p.chrf:.1f}</td>'
            f'<td class="n wide">{p.ter_edits}</td></tr>'
        )
    if not top:
        out.append('<tr><td colspan="5">No paragraph in both versions was changed.</td></tr>')
    out.append("</tbody></table>")
    return out


def _pairs(r: Revision, prefix: str) -> list[str]:
    lang_tag = "zh-CN" if r.lang is Lang.ZH else "en"
    english = bool(r.english)
    out = [
        f'<table class="pairs" id="{prefix}pairs"><colgroup><col class="key"><col>'
        + ("<col>" if english else "")
        + '<col class="score"></colgroup>',
        "<thead><tr><th>paragraph</th><th>text, changes marked</th>"
        + ("<th>English original</th>" if english else "")
        + '<th>TER · chrF</th></tr></thead><tbody lang="'
        + lang_tag
        + '">',
    ]
    for k, p in enumerate(r.pairs):
        note = f"<div>moved from {escape(p.draft_place)}</div>" if p.change is Change.MOVED else ""
        if p.renumbered:
            note += f"<div>renumbered from {escape(p.draft_place)}</div>"
        out.append(
            f'<tr class="pair {p.change.value}" id="{prefix}p{k}" data-change="{p.change.value}">'
            f'<td class="key"><b>{escape(p.final_place or p.draft_place + " (draft)")}</b>'
            f'<span class="badge {p.change.value}">{escape(change_label(p))}</span>{note}</td>'
            f'<td class="text {r.lang.value}">{_marked(p)}</td>'
            + (f'<td class="en" lang="en">{escape(p.english)}</td>' if english else "")
            + f'<td class="score">{p.ter:.1f} · {p.chrf:.1f}</td></tr>'
        )
    out.append("</tbody></table>")
    return out


def _document(r: Revision, prefix: str, heading: str, filters: bool) -> list[str]:
    return [
        f'<section class="doc" id="{prefix}summary">{heading}',
        *_totals(r, prefix),
        *_most_revised(r, prefix),
        *(_filters() if filters else []),
        "<h3>Every paragraph</h3>",
        *_pairs(r, prefix),
        "</section>",
    ]


def _filters() -> list[str]:
    return [
        '<div class="filters" role="group" aria-label="filter the paragraphs">',
        *(
            f'<label><input type="checkbox" name="change" value="{c.value}" checked> '
            f'<span class="badge {c.value}">{c.value}</span></label>'
            for c in Change
        ),
        '<label>text <input type="search" id="text-filter" placeholder="words, paragraph…"></label>',
        '<label><input type="checkbox" id="only-changed"> only changed</label>',
        '<span role="radiogroup" aria-label="view">show '
        '<label><input type="radio" name="view" value="changes" checked> changes</label> '
        '<label><input type="radio" name="view" value="draft"> draft</label> '
        '<label><input type="radio" name="view" value="final"> final</label></span>',
        '<span id="shown"></span></div>',
    ]


def _corpus_table(c: Corpus) -> list[str]:
    out = [
        '<section id="corpus"><h2>Corpus</h2><table class="corpus"><thead><tr><th>document</th>'
        '<th class="n">pairs</th><th class="n">changed</th><th class="n">TER</th><th class="n">chrF</th>'
        '<th class="wide">changes</th></tr></thead><tbody>',
    ]
    for k, r in enumerate(c.revisions):
        kinds = ", ".join(
            f"{n} {ch.value}" for ch, n in r.counts().items() if n and ch is not Change.UNCHANGED
        )
        out.append(
            f'<tr><td><a href="#d{k}-summary">{escape(r.title)}</a></td><td class="n">{len(r.pairs)}</td>'
            f'<td class="n">{r.changed_share:.1%}</td><td class="n">{r.ter:.2f}</td>'
            f'<td class="n">{r.chrf:.2f}</td><td class="wide">{escape(kinds or "none")}</td></tr>'
        )
    out.append(
        f'<tr><th>corpus</th><th class="n">{c.pairs}</th><th class="n">{c.changed_share:.1%}</th>'
        f'<th class="n">{c.ter:.2f}</th><th class="n">{c.chrf:.2f}</th><th class="wide"></th></tr>'
    )
    out.append("</tbody></table>")
    out += [f"<p>Not compared: {escape(f.name)}: {escape(f.reason)}</p>" for f in c.failures]
    out.append("</section>")
    return out


def html_report(value: Revision | Corpus) -> str:
    """The report as one self-contained page."""
    if isinstance(value, Revision):
        r = value
        title = f"Revision report: {r.title}"
        lines = [
            f"<p>draft <code>{escape(r.draft.name)}</code> · final <code>{escape(r.final.name)}</code> · "
            f"{r.lang.name_en}</p>",
            *([f"<p>English original <code>{escape(r.english)}</code></p>"] if r.english else []),
        ]
        body = _document(r, "", "<h2>Summary</h2>", filters=True)
    else:
        title = f"Revision report: {_n(len(value.revisions), 'document')}"
        lines = [f"<p>{_n(value.pairs, 'paragraph pair')} · {len(value.failures)} not compared</p>"]
        body = _corpus_table(value) + _filters()
        for k, r in enumerate(value.revisions):
            body += _document(r, f"d{k}-", f"<h2>{escape(r.title)}</h2>", filters=False)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            style("unterm.revision", "report.css", _BADGES) + "</head><body>",
            f"<header><h1>{escape(title)}</h1>",
            *lines,
            "</header>",
            *body,
            f"<footer>unterm revision · {escape(str(value.signature))}</footer>",
            scripts("unterm.revision", "report.js") + "</body></html>",
        ]
    )


def write_html(value: Revision | Corpus, out: BinaryIO) -> None:
    out.write(html_report(value).encode("utf-8"))
