"""JSON: everything the aligner knows of each pair, for a corpus engineer's own tools.

{"signature": ..., "document": "A/RES/77/173", "zh": {...}, "en": {...}, "pairs": [
  {"zh": text, "en": text, "kind", "key", "score", "link": "1-1", "evidence": [...],
   "zh_blocks": [block indices], "en_blocks": [...], "zh_lines": [first, last], ...}]}

A pair a reviser has edited or confirmed also has `"reviewed": "edited"` or `"confirmed"`.
The edits a review page exports (align/html.py) hold `pairs` of the same shape, so this
reader reads them too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, BinaryIO

from unterm.align.model import Alignment, Provenance, Row, confidence_of, review_of
from unterm.align.rows import signature
from unterm.documents.model import Document
from unterm.errors import InputError


def _doc(doc: Document) -> dict[str, Any]:
    return {
        "file": doc.name,
        "sha256": doc.digest,
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
                **({"reviewed": row.reviewed.value} if row.reviewed else {}),
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
        "signature": str(signature(alignment)),
        "document": alignment.symbol,
        "level": alignment.level,
        "zh": _doc(alignment.zh),
        "en": _doc(alignment.en),
        "pairs": pairs,
    }


def write_json(alignment: Alignment, out: BinaryIO) -> None:
    text = json.dumps(to_json(alignment), ensure_ascii=False, indent=1) + "\n"
    out.write(text.encode("utf-8", "replace"))  # a lone surrogate (a file name's stray byte) as ?


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: is not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise InputError(f"{path}: is not valid JSON (line {err.lineno}: {err.msg})") from None
    except RecursionError:
        raise InputError(f"{path}: is nested too deep to be an unterm alignment") from None
    except ValueError as err:  # an integer of thousands of digits
        raise InputError(f"{path}: is not an unterm alignment ({err})") from None
    if not isinstance(data, dict) or not isinstance(data.get("pairs"), list):
        raise InputError(f"{path}: is not an unterm alignment (no list of pairs)")
    return data


def read_json(path: Path) -> list[Row]:
    """The pairs of an unterm alignment JSON, or of the edits a review page exports."""
    return [_row(p, f"{path}: pair {n}") for n, p in enumerate(_load(path)["pairs"], start=1)]


def _row(pair: object, where: str) -> Row:
    if not isinstance(pair, dict):
        raise InputError(f"{where}: is not an object with zh and en")
    texts = [pair.get(k, "") for k in ("zh", "en", "kind", "key", "reviewed")]
    if not all(isinstance(t, str) for t in texts):
        raise InputError(f"{where}: zh, en, kind, key and reviewed must be text")
    score, sentence = pair.get("score", 0), pair.get("sentence", 0)
    if isinstance(score, bool) or not isinstance(score, (int, float)) or not isinstance(sentence, int):
        raise InputError(f"{where}: score {score!r} or sentence {sentence!r} is not a number")
    zh, en, kind, key, reviewed = texts
    return Row(zh, en, kind, key, confidence_of(score, where), sentence, review_of(reviewed, where))


def json_provenance(path: Path) -> Provenance:
    """The signature, document symbol and level an alignment JSON gives."""
    data = _load(path)
    found = [data.get(k) for k in ("signature", "document", "level")]
    return Provenance(*(v if isinstance(v, str) else "" for v in found))
