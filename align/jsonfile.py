"""JSON: everything the aligner knows of each pair, for a corpus engineer's own tools.

{"signature": ..., "document": "A/RES/77/173", "zh": {...}, "en": {...}, "pairs": [
  {"zh": text, "en": text, "kind", "key", "score", "link": "1-1", "evidence": [...],
   "zh_blocks": [block indices], "en_blocks": [...], "zh_lines": [first, last], ...}]}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from unterm.align.model import Alignment, Row
from unterm.align.rows import signature
from unterm.documents.model import Document
from unterm.errors import InputError


def _doc(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "symbol": doc.symbol,
        "encoding": doc.encoding,
        "layout": doc.source_format,
        "blocks": len(doc.blocks),
    }


def to_json(alignment: Alignment) -> dict[str, Any]:
    pairs = []
    for pair, row in zip(alignment.pairs, alignment.rows(), strict=True):
        pairs.append(
            {
                "zh": row.zh,
                "en": row.en,
                "kind": row.kind,
                "key": row.key,
                "score": row.score,
                **({"sentence": row.sentence} if alignment.level == "sentence" else {}),
                "link": pair.link,
                "evidence": list(pair.evidence),
                "zh_blocks": list(pair.zh),
                "en_blocks": list(pair.en),
                "zh_lines": alignment.zh.span(pair.zh),
                "en_lines": alignment.en.span(pair.en),
                "footnotes": sorted(
                    {n for i in pair.zh for n in alignment.zh.blocks[i].footnotes}
                    | {n for i in pair.en for n in alignment.en.blocks[i].footnotes}
                ),
            }
        )
    return {
        "signature": signature(alignment),
        "document": alignment.symbol,
        "level": alignment.level,
        "zh": _doc(alignment.zh),
        "en": _doc(alignment.en),
        "pairs": pairs,
    }


def write_json(alignment: Alignment, out: BinaryIO) -> None:
    text = json.dumps(to_json(alignment), ensure_ascii=False, indent=1) + "\n"
    out.write(text.encode("utf-8", "replace"))  # a lone surrogate (a file name's stray byte) as ?


def read_json(path: Path) -> list[Row]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: is not valid JSON (line {err.lineno}: {err.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("pairs"), list):
        raise InputError(f"{path}: is not an unterm alignment (no list of pairs)")
    return [
        Row(
            p.get("zh", ""),
            p.get("en", ""),
            p.get("kind", ""),
            p.get("key", ""),
            float(p.get("score", 0)),
            int(p.get("sentence", 0)),
        )
        for p in data["pairs"]
    ]
