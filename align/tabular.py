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
from typing import TYPE_CHECKING, BinaryIO

from unterm.align.model import Alignment, Provenance, Review, Row, review_of
from unterm.align.rows import columns, signature
from unterm.errors import InputError
from unterm.lang.text import from_cell, to_cell
from unterm.sheets import Sheet, write_workbook

if TYPE_CHECKING:
    import pandas as pd


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


def _rows_from(records: list[dict[str, str]], path: Path) -> list[Row]:
    if not records:
        return []
    missing = [c for c in ("zh", "en") if c not in records[0]]
    if missing:
        raise InputError(f"{path}: has no column {' or '.join(missing)} (found: {', '.join(records[0])})")
    out: list[Row] = []
    for n, rec in enumerate(records, start=2):
        try:
            score = float(rec.get("score") or 0)
        except ValueError:
            raise InputError(f"{path}: row {n}: score {rec.get('score')!r} is not a number") from None
        sentence = int(rec.get("sentence") or 0) if str(rec.get("sentence") or "0").isdigit() else 0
        reviewed = review_of(rec.get("reviewed") or "", f"{path}: row {n}")
        out.append(
            Row(
                rec["zh"] or "",
                rec["en"] or "",
                rec.get("kind") or "",
                rec.get("key") or "",
                score,
                sentence,
                reviewed,
            )
        )
    return out


def read_tsv(path: Path) -> list[Row]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return _rows_from(list(csv.DictReader(f, delimiter="\t")), path)


def read_csv(path: Path) -> list[Row]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        records = list(csv.DictReader(f))
    return _rows_from([{k: from_cell(v or "") for k, v in r.items()} for r in records], path)


def read_xlsx(path: Path) -> list[Row]:
    """The rows of the sheet `alignment` (else the first sheet: a reviser may rename it)."""
    table = _sheets(path)
    sheet = table.get("alignment", next(iter(table.values()), None))
    if sheet is None:
        raise InputError(f"{path}: the workbook has no sheets")
    return _rows_from([{str(k): str(v) for k, v in rec.items()} for rec in sheet.to_dict("records")], path)


def xlsx_provenance(path: Path) -> Provenance:
    """The signature and document symbol an alignment workbook carries on its sheet
    `about`, where it has them."""
    about = _sheets(path).get("about")
    if about is None or not len(about):
        return Provenance()
    found = [str(about[c].iloc[0]) if c in about.columns else "" for c in ("signature", "document")]
    return Provenance(*found)


def _sheets(path: Path) -> dict[str, pd.DataFrame]:
    import pandas as pd

    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False)
    except Exception as err:  # zipfile, openpyxl and XML errors alike: the workbook is unusable
        raise InputError(f"{path}: is not a readable XLSX workbook ({type(err).__name__})") from None
    return {str(name): sheet for name, sheet in sheets.items()}
