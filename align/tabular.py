"""TSV, CSV and XLSX: one pair a row, columns zh, en, kind, key, score.

CSV is written UTF-8 with a byte-order mark, so that Excel opens Chinese text
correctly; TSV without one, for tools and pipes. XLSX carries a second sheet, `about`,
with the signature of the run.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from unterm.align.model import Alignment, Row
from unterm.align.rows import columns, signature
from unterm.errors import InputError

if TYPE_CHECKING:
    import pandas as pd


def frame(alignment: Alignment) -> pd.DataFrame:
    """The rows of an alignment as a pandas DataFrame with the tabular columns."""
    import pandas as pd  # deferred: pandas takes a while to import

    cols = columns(alignment)
    return pd.DataFrame([[getattr(r, c) for c in cols] for r in alignment.rows()], columns=list(cols))


def _table(alignment: Alignment) -> list[list[str]]:
    sentences = alignment.level == "sentence"
    return [list(columns(alignment))] + [
        [r.zh, r.en, r.kind, r.key, f"{r.score:.3f}", *([str(r.sentence)] if sentences else [])]
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
    csv.writer(text, lineterminator="\r\n").writerows(_table(alignment))
    out.write(text.getvalue().encode("utf-8-sig"))


def write_xlsx(alignment: Alignment, out: BinaryIO) -> None:
    import pandas as pd

    with pd.ExcelWriter(out, engine="openpyxl") as xl:
        frame(alignment).to_excel(xl, sheet_name="alignment", index=False)
        pd.DataFrame({"signature": [signature(alignment)]}).to_excel(xl, sheet_name="about", index=False)
        sheet = xl.sheets["alignment"]
        sheet.column_dimensions["A"].width = 70
        sheet.column_dimensions["B"].width = 90
        sheet.freeze_panes = "A2"


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
        out.append(
            Row(
                rec["zh"] or "", rec["en"] or "", rec.get("kind") or "", rec.get("key") or "", score, sentence
            )
        )
    return out


def read_tsv(path: Path) -> list[Row]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return _rows_from(list(csv.DictReader(f, delimiter="\t")), path)


def read_csv(path: Path) -> list[Row]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return _rows_from(list(csv.DictReader(f)), path)


def read_xlsx(path: Path) -> list[Row]:
    import pandas as pd

    table = pd.read_excel(path, sheet_name="alignment", dtype=str, keep_default_na=False)
    return _rows_from([{str(k): str(v) for k, v in rec.items()} for rec in table.to_dict("records")], path)
