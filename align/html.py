"""The review page: an alignment a reviser reads, corrects and exports in a browser.

One self-contained HTML file, no server and no network (its content security policy
allows nothing but its own inline style and scripts). The pairs travel in the page as
JSON; two scripts kept beside this module and inlined when the page is written
(unterm.assets) work on them: review_pairs.js holds the pairs and the edits and exports
made on them, with no reference to the page, and review_page.js draws the page with it
(review.css its style). The page shows the pairs side by side, marks pairs below 0.5
confidence and pairs with no counterpart, shows a pair's evidence when it is clicked,
tapped or reached by keyboard, and lets the reviser join, split, move blocks between,
unlink and link pairs and correct their text, each edit undoable, kept in the browser's
local storage for this document, and exported as the TMX, TSV and edits JSON the
command line writes (`unterm align --from` reads the last two back).

For each block the page carries where its sentences end (align.split), the places a
reviser may split it.
"""

from __future__ import annotations

import hashlib
import json
from html import escape as html_escape
from typing import Any, BinaryIO

from unterm.align.model import Alignment
from unterm.align.rows import LOW_CONFIDENCE, signature, summarise
from unterm.align.split import split_en, split_zh
from unterm.assets import CSP, scripts, style
from unterm.documents.model import Block
from unterm.lang.languages import Lang
from unterm.lang.text import xml_safe
from unterm.version import __version__

_KEYS = (
    ("j / ↓, k / ↑", "next / previous pair"),
    ("n, p", "next / previous pair that needs a look (below 0.5 or unmatched, not reviewed)"),
    ("J, K", "join the pair with the next / previous one"),
    ("s", "split the pair: choose a cut on each side, then Enter"),
    ("u", "unlink the pair into a Chinese-only and an English-only row"),
    ("l", "link a one-sided row: press l, go to the other row, press l again"),
    ("e", "edit the text (Ctrl-Enter saves)"),
    ("c, C", "confirm the pair (again: unconfirm) / confirm every pair down to this one"),
    ("Ctrl-Z, Ctrl-Y", "undo / redo"),
    ("f", "show only the pairs that need a look"),
    ("Esc", "cancel a split, an edit or a link"),
    ("?", "this list"),
)


def escape(text: str) -> str:
    """Text as HTML shows it: escaped, without the characters no document may hold."""
    return html_escape(xml_safe(text))


def _utf16(text: str, at: int) -> int:
    """A character offset as JavaScript counts it (UTF-16 code units)."""
    return len(text[:at].encode("utf-16-le")) // 2


def _cuts(text: str, lang: Lang) -> list[int]:
    """Where the sentences of a block after its first begin (UTF-16 offsets)."""
    sentences = split_zh(text, clauses=True) if lang is Lang.ZH else split_en(text)
    out: list[int] = []
    at = 0
    for k, sentence in enumerate(sentences):
        found = text.find(sentence, at)
        if found < 0:
            break
        if k:
            out.append(_utf16(text, found))
        at = found + len(sentence)
    return out


def _segment(block: Block, lang: Lang) -> dict[str, Any]:
    text = xml_safe(block.text)
    return {
        "t": text,
        "d": block.kind.value,
        "k": xml_safe(block.key),
        "n": block.sentence,
        "c": _cuts(text, lang),
    }


def page_data(alignment: Alignment) -> dict[str, Any]:
    """What the page's script works on: each pair's blocks, score and evidence, and what
    the exports need (signature, document symbol, level); `id` names the alignment in
    the browser's storage."""
    pairs = []
    for pair, row in zip(alignment.pairs, alignment.rows(), strict=True):
        pairs.append(
            {
                "z": [_segment(alignment.zh.blocks[i], Lang.ZH) for i in pair.zh],
                "e": [_segment(alignment.en.blocks[i], Lang.EN) for i in pair.en],
                "p": pair.score,
                "f": f"{row.score:.3f}",
                "v": [xml_safe(e) for e in pair.evidence],
                "r": pair.reviewed.value,
            }
        )
    data: dict[str, Any] = {
        "version": __version__,
        "signature": xml_safe(str(signature(alignment))),
        "document": xml_safe(alignment.symbol),
        "level": alignment.level,
        "low": LOW_CONFIDENCE,
        "pairs": pairs,
    }
    digest = hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8", "replace"))
    return {"id": digest.hexdigest()[:20], **data}


def html_page(alignment: Alignment) -> str:
    """The alignment as a self-contained review page."""
    summary = summarise(alignment)
    title = alignment.symbol or f"{alignment.zh.path} / {alignment.en.path}"
    data = json.dumps(page_data(alignment), ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    keys = "".join(
        f"<tr><td><kbd>{html_escape(k)}</kbd></td><td>{html_escape(v)}</td></tr>" for k, v in _KEYS
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}: review the Chinese–English alignment</title>",
        style("unterm.align", "review.css") + "</head><body>",
        f"<header><h1>{escape(title)}: Chinese–English alignment</h1>",
        f'<p><span lang="zh-CN">中文</span> <code>{escape(alignment.zh.path)}</code> · English <code>{escape(alignment.en.path)}</code></p>',
        f"<p>As aligned: {escape(str(summary).split('; lowest')[0])}</p></header>",
        '<div class="bar" role="toolbar" aria-label="review">',
        '<label><input type="checkbox" id="attention"> show only pairs that need a look</label>',
        '<span class="counts" id="counts"></span>',
        '<span class="group"><button type="button" id="undo" data-act="undo" aria-keyshortcuts="Control+Z">Undo</button>',
        '<button type="button" id="redo" data-act="redo" aria-keyshortcuts="Control+Y">Redo</button></span>',
        '<span class="group">Export: <button type="button" data-act="export-tmx">TMX</button>',
        '<button type="button" data-act="export-tsv">TSV</button>',
        '<button type="button" data-act="export-json">edits (JSON)</button></span>',
        '<span class="group"><button type="button" data-act="help" aria-keyshortcuts="?">Keys ?</button>',
        '<button type="button" id="discard" data-act="discard">Discard edits</button></span></div>',
        f'<div class="legend"><span class="low-key">confidence below {LOW_CONFIDENCE}</span>',
        '<span class="gap-key">no counterpart found</span><span class="edited-key">edited</span>',
        '<span class="confirmed-key">confirmed</span>',
        "<span>click, tap or move to a pair (j/k) for its evidence and tools; ? lists the keys</span></div>",
        '<div id="status" role="status" aria-live="polite"></div>',
        '<div id="empty-filter" hidden></div>',
        "<noscript><p>This page needs JavaScript to show the pairs; the TSV and TMX outputs hold them too.</p></noscript>",
        '<div class="colhead" aria-hidden="true"><span>#</span><span>key · kind · link</span>'
        '<span lang="zh-CN">中文</span><span>English</span><span>confidence</span></div>',
        '<ol id="pairs" aria-label="aligned pairs"></ol>',
        '<dialog id="help" aria-labelledby="help-title"><h2 id="help-title">Keys</h2>',
        f'<table>{keys}</table><form method="dialog"><p><button class="primary">Close</button></p></form></dialog>',
        f"<footer>Made by {escape(str(signature(alignment)))}</footer>",
        f'<script type="application/json" id="unterm-data">{data}</script>',
        scripts("unterm.align", "review_pairs.js", "review_page.js") + "</body></html>",
    ]
    return "\n".join(out) + "\n"


def write_html(alignment: Alignment, out: BinaryIO) -> None:
    out.write(html_page(alignment).encode("utf-8"))
