"""TSV, CSV and XLSX: one pair a row, columns zh, en, kind, key, score.

CSV is written UTF-8 with a byte-order mark, so that Excel opens Chinese text
correctly, and a cell that would start a formula (`=`, `+`, `-`, `@`) with an apostrophe
(lang.text.to_cell; read back without it); TSV without either, for tools and pipes. XLSX
(sheets.write_workbook: string cells, never formulas) carries a second sheet, `about`,
with the signature of the run and the document symbol. Where a reviser has edited or confirmed pairs, a column
`reviewed` says which (`edited`, `confirmed`); the readers take it where a table has it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from unterm.align.model import Alignment, Provenance, Review, Row, confidence_of, review_of
from unterm.align.rows import columns, signature
from unterm.documents.tables import language_columns, read_table
from unterm.errors import InputError
from unterm.lang.languages import Lang
from unterm.lang.text import from_cell, to_cell
from unterm.sheets import Sheet, write_workbook


def _table(alignment: Alignment, cell: Callable[[str], str] = str) -> list[list[str]]:
    names = columns(alignment)
    sentences, reviewed = "sentence" in names, "reviewed" in names
    return [list(names)] + [
        [
            cell(r.zh),
            cell(r.en),
            r.kind,
            cell(r.key),
            f"{r.score:.3f}",
            *([str(r.sentence)] if sentences else []),
            *([r.reviewed.value] if reviewed else []),
        ]
        for r in alignment.rows()
    ]


def tsv_text(alignment: Alignment) -> str:
    """The alignment as TSV text (what `unterm align` prints without -o)."""
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(_table(alignment))
    return out.getvalue()


def write_tsv(alignment: Alignment, out: BinaryIO) -> None:
    out.write(tsv_text(alignment).encode("utf-8"))


def write_csv(alignment: Alignment, out: BinaryIO) -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(_table(alignment, to_cell))
    out.write(text.getvalue().encode("utf-8-sig"))


def write_xlsx(alignment: Alignment, out: BinaryIO) -> None:
    cols = columns(alignment)
    rows = [[_value(getattr(r, c)) for c in cols] for r in alignment.rows()]
    write_workbook(
        out,
        [
            Sheet("alignment", cols, rows, {"zh": 70, "en": 90}),
            Sheet(
                "about",
                ["signature", "document"],
                [[str(signature(alignment)), alignment.symbol]],
                {"signature": 120, "document": 20},
                header=False,
            ),
        ],
    )


def _value(value: str | float | int) -> str | float | int:
    return value.value if isinstance(value, Review) else value


def read_rows(path: Path, columns: dict[Lang, str] | None = None) -> list[Row]:
    """The pairs of a table of pairs, whatever saved it (documents.tables: TSV, CSV or text
    in the encodings Excel and LibreOffice write, XLSX, ODS; the sheet `alignment`, else
    the first: a reviser may rename it). The Chinese and English columns are found by
    their names (`zh`, `Chinese`, `中文`, `zh-Hans`; `en`, `English`, `en-US`, ...), by
    their text, or as `columns` says."""
    table = read_table(path, sheets=("alignment",))
    langs = language_columns(table, columns)
    unquote = from_cell if table.delimiter in (",", ";") else str
    out: list[Row] = []
    for k, rec in enumerate(table.records()):
        where = table.place(k)
        out.append(
            Row(
                unquote(rec[langs[Lang.ZH]]),
                unquote(rec[langs[Lang.EN]]),
                rec.get("kind", ""),
                unquote(rec.get("key", "")),
                _score(rec.get("score", ""), where),
                int(rec["sentence"]) if rec.get("sentence", "").isdigit() else 0,
                review_of(rec.get("reviewed", ""), where),
            )
        )
    return out


def _score(text: str, where: str) -> float:
    """A confidence: a number from 0 to 1 (empty: 0)."""
    try:
        score = float(text or 0)
    except ValueError:
        raise InputError(f"{where}: score {text!r} is not a number") from None
    return confidence_of(score, where, text)


def xlsx_provenance(path: Path) -> Provenance:
    """The signature and document symbol an alignment workbook carries on its sheet
    `about`, where it has them."""
    table = read_table(path, sheets=("about",))
    if table.sheet != "about":
        return Provenance()
    first = dict(zip(table.header, table.rows[0], strict=True)) if table.rows else {}
    if "signature" not in first:  # the sheet without a header row: its first row is the header
        first = {"signature": table.header[0], "document": table.header[1] if len(table.header) > 1 else ""}
    return Provenance(first.get("signature", ""), first.get("document", ""))
