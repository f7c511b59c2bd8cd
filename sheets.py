"""Writing XLSX workbooks (openpyxl) so that no cell is ever a formula and no text can
break the file: every string is a string cell, with the characters XML forbids dropped;
numbers are number cells. Every worksheet unterm writes (alignments, termbases, QA
reports) goes through here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from unterm.lang.text import xml_safe

Value = str | int | float | None


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet: its name, header, rows, column widths (by header) and whether the
    header row is frozen and filterable."""

    name: str
    columns: Sequence[str]
    rows: Sequence[Sequence[Value]]
    widths: Mapping[str, float] = field(default_factory=dict)
    header: bool = True


def write_workbook(out: BinaryIO, sheets: Sequence[Sheet]) -> None:
    """Write the sheets as one XLSX workbook to a binary stream."""
    from openpyxl import Workbook  # deferred: only needed for XLSX
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(xml_safe(sheet.name)[:31])
        table: list[Sequence[Value]] = [list(sheet.columns), *sheet.rows]
        for r, row in enumerate(table, start=1):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(value, str):
                    cell.value = xml_safe(value)
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                else:
                    cell.value = value
        for c, name in enumerate(sheet.columns, start=1):
            if name in sheet.widths:
                ws.column_dimensions[get_column_letter(c)].width = sheet.widths[name]
        if sheet.header and sheet.rows:
            ws.freeze_panes = "A2"
            ws.auto_filter.ref = ws.dimensions
    book.save(out)
