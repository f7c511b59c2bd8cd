"""Findings an editor has marked "not an error" in the report page, read back from the
CSV the page exports, so that a re-run does not report them again (`unterm qa --ignore`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from unterm.documents.tables import read_table
from unterm.errors import InputError
from unterm.qa.export import COLUMNS
from unterm.qa.model import Report, finding_id

MARK = "mark"
NOT_AN_ERROR = "not an error"


def read_marks(path: Path) -> frozenset[str]:
    """The ids of the findings a CSV exported from the report page marks "not an error"
    (as the page wrote it, or saved again by a spreadsheet in any encoding or as XLSX)."""
    table = read_table(path)
    rows = table.records()
    missing = [c for c in (*COLUMNS, MARK) if c not in table.header]
    if missing:
        raise InputError(
            f"{path}: has no column(s) {', '.join(repr(c) for c in missing)}: "
            "give the CSV the report page exports (Export CSV)"
        )
    return frozenset(
        finding_id(r["check"], r["zh_key"], r["en_key"], r["zh_excerpt"], r["en_excerpt"])
        for r in rows
        if (r[MARK] or "").strip().lower() == NOT_AN_ERROR
    )


def without(report: Report, ignored: frozenset[str], source: str) -> Report:
    """The report less the findings marked "not an error", with a note saying so."""
    kept = tuple(f for f in report.findings if f.id not in ignored)
    left_out = len(report.findings) - len(kept)
    note = f"{left_out} finding(s) marked “not an error” in {source} left out"
    return replace(report, findings=kept, notes=(*report.notes, note))
