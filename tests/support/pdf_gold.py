"""Golds of real PDFs read by hand (tests/expected/ods_pdf/*.tsv), and how a reading
measures against one.

A gold lists a document's paragraphs in reading order, one a row: its kind (`heading`,
`para`, `row`, `speaker`, `signature`, or `note` for a footnote), its printed label (`1.`,
`(a)`, `II.`; a footnote's number), its first four words after the label, its last three,
and the footnotes it cites. A paragraph is read whole when one block starts with its
label and first words and ends with its last words: nothing cut off, nothing glued on
(no running header, no footnote marker, no half of the next paragraph).
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

from tests.support.render import Unit, in_document_order
from unterm.documents.model import Block, BlockKind, Document


@dataclass(frozen=True, slots=True)
class GoldRow:
    kind: str
    label: str
    first: str
    last: str
    notes: tuple[int, ...]


def gold_of_units(units: list[Unit], source: str) -> list[GoldRow]:
    """A gold of a PDF typeset from a gold pair's side (tests.support.ods_layout): its
    body units in the order the source prints them, then its footnotes; a Chinese unit's
    first ten characters and last six, an English one's first four words and last three."""
    body = in_document_order([u for u in units if u.kind != "footnote"], source)
    rows = []
    for unit in body + [u for u in units if u.kind == "footnote"]:
        cited = tuple(int(n) for n in regex.findall(r"<sup>(\d+)</sup>", unit.text))
        text = norm(
            regex.sub(r"\*\*|\*|^#+\s*|<sup>\d+</sup>|\[([^\]]*)\]\(#\)", lambda m: m[1] or "", unit.text)
        )
        note = unit.kind == "footnote"
        if note:
            cited, text = (), text.split(" ", 1)[1] if regex.match(r"\d", text) else text
        if regex.search(r"\p{Han}", text):
            first, last = text.replace(" ", "")[:10], text.replace(" ", "")[-6:]
        else:
            words = text.split()
            first, last = " ".join(words[:4]), " ".join(words[-3:]) if len(words) > 4 else ""
        rows.append(GoldRow("note" if note else "para", unit.key if note else "", first, last, cited))
    return rows


def read_gold(path: Path) -> list[GoldRow]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return [
        GoldRow(r["kind"], r["label"], r["first"], r["last"], tuple(int(n) for n in r["notes"].split()))
        for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


_CJK_SPACE = regex.compile(r"(?<=[\p{Han}\p{P}])\s+|\s+(?=[\p{Han}\p{P}])")


def norm(text: str) -> str:
    """Text compared word for word: NFKC, straight quotes, cells and spaces as one space,
    no space beside a Chinese character (a Chinese gold gives characters, not words)."""
    text = unicodedata.normalize("NFKC", text).replace(" | ", " ")
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    text = " ".join(text.split())
    return _CJK_SPACE.sub("", text) if regex.search(r"\p{Han}", text) else text


def _matches(row: GoldRow, block: Block) -> bool:
    text = norm(block.text)
    start = norm(f"{row.label} {row.first}" if row.label and row.kind != "note" else row.first)
    return text.startswith(start) and text.endswith(norm(row.last or row.first))


@dataclass(frozen=True, slots=True)
class Measure:
    whole: int  # paragraphs read whole
    total: int
    missing: tuple[str, ...]  # the paragraphs not read whole, for the failure message
    notes_found: int
    notes: int
    notes_missing: tuple[str, ...]
    cited: int  # paragraphs whose footnote references are the gold's
    citing: int
    miscited: tuple[str, ...]
    kinds_wrong: tuple[str, ...]  # speakers and signatures read as something else


def measure(doc: Document, gold: list[GoldRow]) -> Measure:
    """How a Document reads against its gold (see the module docstring)."""
    body = [b for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE]
    notes = {b.key: b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE}
    paras = [r for r in gold if r.kind != "note"]
    found: dict[int, Block] = {}
    free = list(body)
    for k, row in enumerate(paras):
        hit = next((b for b in free if _matches(row, b)), None)
        if hit is not None:
            found[k] = hit
            free.remove(hit)
    missing = tuple(
        f"{r.label} {r.first} ... {r.last}".strip() for k, r in enumerate(paras) if k not in found
    )
    gold_notes = [r for r in gold if r.kind == "note"]
    notes_missing = tuple(
        f"note {r.label}: {r.first}"
        for r in gold_notes
        if r.label not in notes or not _matches(r, notes[r.label])
    )
    citing = [(k, r) for k, r in enumerate(paras) if r.notes]
    miscited = tuple(
        f"{r.first} ... cites {r.notes}, read {found[k].footnotes if k in found else 'not whole'}"
        for k, r in citing
        if k not in found or found[k].footnotes != r.notes
    )
    expected = {"speaker": BlockKind.SPEAKER, "signature": BlockKind.SIGNATURE}
    kinds_wrong = tuple(
        f"{r.first}: {found[k].kind.value}"
        for k, r in enumerate(paras)
        if r.kind in expected and k in found and found[k].kind is not expected[r.kind]
    )
    return Measure(
        len(found),
        len(paras),
        missing,
        len(gold_notes) - len(notes_missing),
        len(gold_notes),
        notes_missing,
        len(citing) - len(miscited),
        len(citing),
        miscited,
        kinds_wrong,
    )


# What an ODS PDF prints on its pages besides the text: job number, bar code, page
# numbers, recycling and accessibility marks, the typewriter era's continuation mark.
FURNITURE = regex.compile(
    r"\b\d{2}-\d{5}\b|\*\d{7,}\*|Please recycle|Accessible document|/\.\.\.|^\s*Page \d+\s*$|\(E\)\s+\d{6}"
)


def furniture(doc: Document, pages: int) -> list[str]:
    """The blocks that hold page furniture: the patterns above, a page number `k/N` of
    this document, or its symbol standing alone (a running header)."""
    folio = regex.compile(rf"(?<![\d/])\d{{1,3}}/{pages}(?![\d/])")
    out = []
    for b in doc.blocks:
        if (
            FURNITURE.search(b.text)
            or folio.search(b.text)
            or (doc.symbol and b.text.strip() in doc.symbol.split("-"))
        ):
            out.append(f"{b.index}: {b.text[:80]}")
    return out
