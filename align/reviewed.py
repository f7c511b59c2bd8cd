"""An alignment rebuilt from a file of pairs a reviser has corrected: a table edited in
Excel (TSV, CSV, XLSX), the edits a review page exports (JSON), a TMX or an XLIFF; and so
any bilingual file, which `unterm qa` checks segment by segment (each segment named as
the file names it: `translation unit 12`, `unit u7`, `row 6`).

Each row is one pair, whatever it was before: a row whose cells hold two joined
paragraphs is one pair, a row split in two is two, a row with one side emptied has no
counterpart. Each side of a row becomes one block of a document made from the rows, so
every writer writes the result as it writes a fresh alignment. What the file says of how
it was made (the run's signature, the document symbol, the level) is kept; where it says
nothing, the symbol is read from the rows as from a document (a masthead row, or a
resolution's number and chapeau).

A row that `reviewed` marks `edited` is the reviser's own link: its score is 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from unterm.align.model import AlignedPair, Alignment, Provenance, Review, Row
from unterm.documents.model import Block, BlockKind, Document
from unterm.documents.read import derive_symbol
from unterm.errors import InputError
from unterm.lang.languages import Lang
from unterm.lang.symbols import symbol_line
from unterm.lang.text import nfkc
from unterm.signature import Signature, digest

_KINDS = ", ".join(k.value for k in BlockKind)


def rebuild(
    rows: Sequence[Row], about: Provenance, path: Path, place: Callable[[int], str] = lambda n: f"row {n + 1}"
) -> Alignment:
    """The alignment a reviewed file holds; InputError, naming the file and the row
    (`place` names the n-th, 1-based, as the file counts: a table's first row is its
    header), for a kind that is none of unterm's or a file with no pair at all. Rows with
    no text on either side (a spreadsheet's emptied row) are left out."""
    kept = [(n, r) for n, r in enumerate(rows, start=1) if r.zh.strip() or r.en.strip()]
    if not kept:
        raise InputError(f"{path}: holds no pairs (no row has Chinese or English text)")
    zh_blocks: list[Block] = []
    en_blocks: list[Block] = []
    pairs: list[AlignedPair] = []
    zh_names: list[str] = []
    en_names: list[str] = []
    for n, row in kept:
        # what the file calls the row: `translation unit 12` by its own id, else `row 6`
        name = f"{place(n).rsplit(' ', 1)[0]} {row.id}" if row.id else place(n)
        kind = _kind(row.kind, f"{path}: {place(n)}")
        sides = []
        for text, blocks, names in (
            (row.zh.strip(), zh_blocks, zh_names),
            (row.en.strip(), en_blocks, en_names),
        ):
            if text:
                blocks.append(Block(len(blocks), kind, row.key, text, text, (), (n, n), row.sentence))
                names.append(name)
            sides.append((len(blocks) - 1,) if text else ())
        edited = row.reviewed is Review.EDITED
        score = 1.0 if edited else row.score
        pairs.append(
            AlignedPair(sides[0], sides[1], score, ("reviewed",) if row.reviewed else (), row.reviewed)
        )
    level = about.level or ("sentence" if any(r.sentence for r in rows) else "paragraph")
    symbol = about.document or _symbol(zh_blocks, en_blocks)
    source, sha = str(path), digest(path.read_bytes()) if path.is_file() else ""
    zh = Document(
        source, Lang.ZH, tuple(zh_blocks), symbol, "utf-8", "reviewed", digest=sha, names=tuple(zh_names)
    )
    en = Document(
        source, Lang.EN, tuple(en_blocks), symbol, "utf-8", "reviewed", digest=sha, names=tuple(en_names)
    )
    made = about.signature or str(Signature("align", (("level", level),)))
    return Alignment(zh, en, tuple(pairs), (("level", level), ("signature", made), ("from", source)))


def _kind(text: str, where: str) -> BlockKind:
    """A row's kind; an empty one (a row a reviser added) is a paragraph."""
    try:
        return BlockKind(text.strip().lower() or BlockKind.PARAGRAPH.value)
    except ValueError:
        raise InputError(f"{where}: kind {text!r} is not one of {_KINDS}") from None


def _symbol(zh: list[Block], en: list[Block]) -> str:
    for blocks in (en, zh):
        for block in blocks[:40]:
            if block.kind is BlockKind.HEADER:
                found, _ = symbol_line(nfkc(block.text).strip())
                if found:
                    return found
    return derive_symbol(en) or derive_symbol(zh)
