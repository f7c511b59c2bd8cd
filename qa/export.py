"""The QA report as data: JSON, CSV and XLSX, one finding a row, for an editor's own
tools, and the summary a terminal shows. Every tabular format has the columns

    check, severity, zh_key, en_key, zh_excerpt, en_excerpt, message

plus `pair` (the aligned pair's index), `zh_lines`/`en_lines` (where in each file) and
`id` (the finding's name from run to run, which `unterm qa --ignore` matches on).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from unterm.align.rows import signature
from unterm.lang.text import to_cell
from unterm.qa.model import CHECKS, Report, Severity
from unterm.sheets import Sheet, write_workbook

COLUMNS = ("check", "severity", "zh_key", "en_key", "zh_excerpt", "en_excerpt", "message")
EXTRA = ("pair", "zh_lines", "en_lines", "id")


def records(report: Report) -> list[dict[str, Any]]:
    """One dict per finding, with the columns above."""
    a = report.alignment
    out = []
    for f in report.findings:
        pair = a.pairs[f.pair] if f.pair >= 0 else None
        zh_lines = a.zh.span(pair.zh) if pair else []
        en_lines = a.en.span(pair.en) if pair else []
        out.append(
            {
                "check": f.check,
                "severity": f.severity.value,
                "zh_key": f.zh_key,
                "en_key": f.en_key,
                "zh_excerpt": f.zh_excerpt,
                "en_excerpt": f.en_excerpt,
                "message": f.message,
                "pair": f.pair,
                "zh_lines": "-".join(map(str, zh_lines)),
                "en_lines": "-".join(map(str, en_lines)),
                "id": f.id,
            }
        )
    return out


def summary(report: Report) -> dict[str, dict[str, int]]:
    """Counts by check and severity, every check listed."""
    out = {c: {s.value: 0 for s in Severity} for c in CHECKS}
    for f in report.findings:
        out[f.check][f.severity.value] += 1
    return out


def to_json(report: Report) -> dict[str, Any]:
    a = report.alignment
    return {
        "signature": str(signature(a)),
        "document": a.symbol,
        "zh": a.zh.name,
        "en": a.en.name,
        "notes": list(report.notes),
        "counts": {s.value: report.count(s) for s in Severity},
        "summary": summary(report),
        "findings": records(report),
    }


def write_json(report: Report, out: BinaryIO) -> None:
    text = json.dumps(to_json(report), ensure_ascii=False, indent=1) + "\n"
    out.write(text.encode("utf-8", "replace"))  # a lone surrogate (a file name's stray byte) as ?


def _rows(report: Report) -> list[list[Any]]:
    return [list(COLUMNS + EXTRA)] + [[r[c] for c in COLUMNS + EXTRA] for r in records(report)]


def write_csv(report: Report, out: BinaryIO) -> None:
    """One finding a row; a cell that would start a formula gets an apostrophe (to_cell)."""
    text = io.StringIO()
    rows = [[to_cell(v) if isinstance(v, str) else v for v in row] for row in _rows(report)]
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    out.write(text.getvalue().encode("utf-8-sig"))


def write_xlsx(report: Report, out: BinaryIO) -> None:
    table = _rows(report)
    about: list[list[str | int | float | None]] = [
        ["document", report.alignment.symbol],
        ["signature", str(signature(report.alignment))],
    ]
    about += [["note", n] for n in report.notes]
    widths = {"zh_excerpt": 40, "en_excerpt": 40, "message": 80}
    write_workbook(
        out,
        [
            Sheet("findings", table[0], table[1:], widths),
            Sheet("about", ["field", "value"], about, {"value": 120}),
        ],
    )


def summary_table(report: Report) -> str:
    """The summary a terminal shows: counts by check and severity, then each finding."""
    out = io.StringIO()
    counts = summary(report)
    width = max(len(c) for c in CHECKS)
    out.write(f"{'check':<{width}}  {'error':>5}  {'warning':>7}  {'info':>4}\n")
    for check, by in counts.items():
        if any(by.values()):
            out.write(f"{check:<{width}}  {by['error']:>5}  {by['warning']:>7}  {by['info']:>4}\n")
    totals = {s.value: report.count(s) for s in Severity}
    out.write(f"{'total':<{width}}  {totals['error']:>5}  {totals['warning']:>7}  {totals['info']:>4}\n")
    if report.findings:
        out.write("\n")
    for f in report.findings:
        where = f.zh_key if f.zh_key == f.en_key or not f.en_key else f"{f.zh_key or '-'} | {f.en_key}"
        out.write(f"{f.severity.value:<7}  {f.check:<{width}}  {where}: {f.message}\n")
    return out.getvalue()
