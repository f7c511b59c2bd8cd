"""Search results as data: TSV (a hit a row, the query's side as KWIC columns) and JSON
(everything: the hits with their spans, the renderings counted, how the search was made).

TSV is written as `unterm align` writes it, for tools and pipes: UTF-8, quoted where a
cell needs it (csv module), no byte-order mark.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from unterm.memory.model import Hit, Mode, Results, Span

KWIC = 40  # characters of context either side of the match, in a KWIC column


def kwic(text: str, spans: tuple[Span, ...], width: int = KWIC) -> tuple[str, str, str]:
    """The left context, the first match and the right context of a text, the contexts
    cut to `width` characters (at a word's start in English where one is near)."""
    if not spans:
        return "", text, ""
    s = spans[0]
    left, right = text[: s.start], text[s.end :]
    if len(left) > width:
        left = "…" + left[-width:]
    if len(right) > width:
        right = right[:width] + "…"
    return " ".join(left.split()) + (" " if left[-1:].isspace() else ""), text[s.start : s.end], right


def equivalent(hit: Hit, side: str) -> str:
    """The marked equivalent on the other side of the query's (empty where none)."""
    other = "en" if side == "zh" else "zh"
    spans = hit.spans(other)
    return " ".join(hit.text(other)[spans[0].start : spans[0].end].split()) if spans else ""


def _rows(results: Results) -> list[list[str]]:
    side = "zh" if results.side == "both" else results.side
    fuzzy = results.mode is Mode.FUZZY
    head = ["document", "date", "key", "kind", "level", "score"]
    head += ["match"] if fuzzy else ["left", "query", "right", "equivalent"]
    head += ["zh", "en"]
    out = [head]
    for h in results.hits:
        row = [h.document, h.date, h.key, h.kind, h.level.value, f"{h.score:.3f}"]
        if fuzzy:
            row.append(str(h.match))
        else:
            left, match, right = kwic(h.text(side), h.spans(side))
            row += [left, match, right, "" if results.side == "both" else equivalent(h, side)]
        row += [h.zh, h.en]
        out.append([" ".join(c.split()) for c in row])
    return out


def write_tsv(results: Results, out: BinaryIO) -> None:
    text = io.StringIO()
    csv.writer(text, delimiter="\t", lineterminator="\n").writerows(_rows(results))
    out.write(text.getvalue().encode("utf-8", "replace"))


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def to_json(results: Results) -> dict[str, Any]:
    side = results.side
    return {
        "signature": results.signature,
        "memory": results.memory,
        "query": results.query,
        "mode": results.mode.value,
        "side": side,
        "sort": results.sort.value,
        "filters": results.filters.describe(),
        "total": results.total,
        "documents": results.documents,
        "loose": results.loose,
        **({"min_match": results.min_match} if results.mode is Mode.FUZZY else {}),
        "renderings": [
            {
                "text": r.text,
                "pairs": r.pairs,
                "documents": r.documents,
                "years": [r.first, r.last] if r.first else [],
                "line": r.describe(results.query, side),
            }
            for r in results.renderings
        ],
        "hits": [
            {
                "document": h.document,
                "source": h.source,
                "date": h.date,
                "key": h.key,
                "kind": h.kind,
                "level": h.level.value,
                "score": h.score,
                **({"match": h.match} if results.mode is Mode.FUZZY else {}),
                "zh": h.zh,
                "en": h.en,
                "zh_spans": _spans(h.zh_spans),
                "en_spans": _spans(h.en_spans),
            }
            for h in results.hits
        ],
        "notes": list(results.notes),
    }


def write_json(results: Results, out: BinaryIO) -> None:
    text = json.dumps(to_json(results), ensure_ascii=False, indent=1) + "\n"
    out.write(text.encode("utf-8", "replace"))
