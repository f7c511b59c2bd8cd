"""Termbases as tables: CSV and XLSX for SDL Trados (Glossary Converter) and memoQ.

One row per entry, the two language columns first, headed by their language tags (`en`,
`zh-CN` by default): Glossary Converter reads the header row for languages and fields,
and both tools take synonyms in one cell separated by `|`, their default (Glossary
Converter, "Separators"; memoQ's "Split alternatives in field by"). Then each term's type
and usage, the review `status`, the numbers (`confidence`, `frequency`, `association`;
numeric cells in XLSX), one example (the sentence holding the term in each language, and
where it comes from), `definition`, `note`, `source`, `known` and the entry `id`.

No cell holds a tab or a line break, and none becomes a formula in a spreadsheet: XLSX
cells are string cells, and a CSV cell that a spreadsheet would read as a formula gets a
leading apostrophe, taken off again when unterm reads the file back. CSV is UTF-8 with a
byte-order mark, for Excel. The second and third examples of an entry are not written
(TBX keeps them).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

import regex

from unterm.errors import InputError
from unterm.lang.text import from_cell, to_cell
from unterm.sheets import Sheet, write_workbook
from unterm.termbase.model import Entry, Example, Status, Term, Termbase, TermType, Usage

SYNONYMS = "|"
_NUMBERS = ("confidence", "frequency", "association")
_FIELDS = ("definition", "note", "source", "known", "id")
_BREAKS = regex.compile(r"[\t\r\n]+")


def columns(zh_tag: str = "zh-CN", en_tag: str = "en") -> list[str]:
    return [
        en_tag,
        zh_tag,
        f"{en_tag} type",
        f"{zh_tag} type",
        f"{en_tag} usage",
        f"{zh_tag} usage",
        "status",
        *_NUMBERS,
        f"{en_tag} example",
        f"{zh_tag} example",
        "example source",
        *_FIELDS,
    ]


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", text).strip()


def _row(entry: Entry, zh_tag: str, en_tag: str) -> dict[str, str | int | float]:
    example = entry.examples[0] if entry.examples else None
    return {
        en_tag: SYNONYMS.join(t.text for t in entry.en),
        zh_tag: SYNONYMS.join(t.text for t in entry.zh),
        f"{en_tag} type": SYNONYMS.join(t.type.value for t in entry.en),
        f"{zh_tag} type": SYNONYMS.join(t.type.value for t in entry.zh),
        f"{en_tag} usage": SYNONYMS.join(t.usage.value if t.usage else "" for t in entry.en),
        f"{zh_tag} usage": SYNONYMS.join(t.usage.value if t.usage else "" for t in entry.zh),
        "status": entry.status.value,
        "confidence": entry.confidence,
        "frequency": entry.frequency,
        "association": entry.association,
        f"{en_tag} example": _one_line(example.en) if example else "",
        f"{zh_tag} example": _one_line(example.zh) if example else "",
        "example source": example.source if example else "",
        "definition": _one_line(entry.definition),
        "note": _one_line(entry.note),
        "source": _one_line(entry.source),
        "known": "yes" if entry.known else "",
        "id": entry.id,
    }


def write_csv(termbase: Termbase, out: BinaryIO, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    header = columns(zh_tag, en_tag)
    writer.writerow(header)
    for entry in termbase.entries:
        row = _row(entry, zh_tag, en_tag)
        writer.writerow([_csv_value(row[c]) for c in header])
    out.write(text.getvalue().encode("utf-8-sig"))


def _csv_value(value: str | int | float) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return to_cell(value) if isinstance(value, str) else str(value)


def write_xlsx(termbase: Termbase, out: BinaryIO, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> None:
    """One sheet `termbase` (a header filter, the header row frozen), one sheet `about`
    with the signature; every text a string cell (sheets.py)."""
    header = columns(zh_tag, en_tag)
    rows = []
    for entry in termbase.entries:
        row = _row(entry, zh_tag, en_tag)
        rows.append([row[c] for c in header])
    widths = dict(zip((header[0], header[1], header[10], header[11]), (45, 30, 60, 40), strict=True))
    write_workbook(
        out,
        [
            Sheet("termbase", header, rows, widths),
            Sheet("about", ["signature"], [[termbase.signature]], header=False),
        ],
    )


def _terms(texts: str, types: str, usages: str, where: str) -> tuple[Term, ...]:
    names = [t.strip() for t in texts.split(SYNONYMS)] if texts.strip() else []
    kinds = types.split(SYNONYMS) if types else []
    uses = usages.split(SYNONYMS) if usages else []
    out = []
    for k, name in enumerate(names):
        kind = kinds[k] if k < len(kinds) and kinds[k] else TermType.FULL_FORM.value
        use = uses[k] if k < len(uses) and uses[k] else None
        try:
            out.append(Term(name, TermType(kind), Usage(use) if use else None))
        except ValueError as err:
            raise InputError(f"{where}: {err}") from None
    return tuple(out)


def _check_header(header: list[str], path: Path, zh_tag: str, en_tag: str) -> None:
    known = set(columns(zh_tag, en_tag)) | {"examples"}  # `examples`: files of earlier versions
    unknown = [c for c in header if c not in known]
    if unknown:
        raise InputError(
            f"{path}: unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"expected {en_tag!r} and {zh_tag!r} and any of {', '.join(columns(zh_tag, en_tag)[2:])}"
        )
    if en_tag not in header or zh_tag not in header:
        raise InputError(
            f"{path}: needs a column {en_tag!r} and a column {zh_tag!r} (found: {', '.join(header)})"
        )


def _example(row: dict[str, str], zh_tag: str, en_tag: str) -> tuple[Example, ...]:
    zh, en = row.get(f"{zh_tag} example", ""), row.get(f"{en_tag} example", "")
    if zh or en:
        document, _, key = row.get("example source", "").partition(" | ")
        return (Example(zh, en, document, key),)
    out = []
    for line in (row.get("examples") or "").splitlines():  # earlier versions: a line per example
        parts = [*line.split("\t"), "", "", "", ""]
        out.append(Example(zh=parts[1], en=parts[0], document=parts[2], key=parts[3]))
    return tuple(out)


def _entries(rows: list[dict[str, str]], path: Path, zh_tag: str, en_tag: str) -> Termbase:
    if not rows:
        raise InputError(f"{path}: holds no entries (the file is empty or has only a header)")
    _check_header(list(rows[0]), path, zh_tag, en_tag)
    out = []
    for n, raw in enumerate(rows, start=2):
        where = f"{path}: row {n}"
        row = {k: (v or "").strip() for k, v in raw.items()}
        try:
            out.append(
                Entry(
                    id=row.get("id") or f"c{n - 1:04d}",
                    zh=_terms(
                        row[zh_tag], row.get(f"{zh_tag} type", ""), row.get(f"{zh_tag} usage", ""), where
                    ),
                    en=_terms(
                        row[en_tag], row.get(f"{en_tag} type", ""), row.get(f"{en_tag} usage", ""), where
                    ),
                    frequency=int(float(row.get("frequency") or 0)),
                    association=float(row.get("association") or 0),
                    confidence=float(row.get("confidence") or 0),
                    examples=_example(row, zh_tag, en_tag),
                    status=Status(row.get("status") or Status.APPROVED.value),
                    definition=row.get("definition", ""),
                    note=row.get("note", ""),
                    source=row.get("source", ""),
                    known=row.get("known") == "yes",
                )
            )
        except ValueError as err:
            raise InputError(f"{where}: {err}") from None
        if not out[-1].zh and not out[-1].en:
            raise InputError(f"{where}: has neither an {en_tag} nor a {zh_tag} term")
    return Termbase(tuple(out))


def read_csv(path: Path, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> Termbase:
    text = path.read_text(encoding="utf-8-sig")
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    header = text.split("\n", 1)[0]
    # Excel writes `;` in some locales; a tab-separated export is read too
    delimiter = "," if "," in header else ";" if ";" in header else "\t" if "\t" in header else ","
    rows = [
        {k: from_cell(v or "") for k, v in r.items() if k is not None}
        for r in csv.DictReader(io.StringIO(text), delimiter=delimiter)
    ]
    return _entries(rows, path, zh_tag, en_tag)


def read_xlsx(path: Path, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> Termbase:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises several kinds for a file that is not XLSX
        raise InputError(f"{path}: is not a readable XLSX workbook ({type(err).__name__})") from None
    if not book.sheetnames:
        raise InputError(f"{path}: the workbook has no sheets")
    sheet = book["termbase"] if "termbase" in book.sheetnames else book[book.sheetnames[0]]
    table = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    if not table:
        raise InputError(f"{path}: the workbook's sheet is empty")
    header = [h.strip() for h in table[0]]
    rows = [dict(zip(header, row, strict=False)) for row in table[1:] if any(v.strip() for v in row)]
    return _entries(rows, path, zh_tag, en_tag)
