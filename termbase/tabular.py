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

from unterm.documents.tables import language_columns, language_of, read_table
from unterm.errors import InputError
from unterm.lang.languages import Lang
from unterm.lang.text import from_cell, to_cell
from unterm.sheets import Sheet, write_workbook
from unterm.termbase.model import Entry, Example, Status, Term, Termbase, TermType, Usage

SYNONYMS = "|"
_NUMBERS = ("confidence", "frequency", "association")
_FIELDS = ("definition", "note", "source", "known", "id")
_BREAKS = regex.compile(r"[\t\r\n]+")


def columns_for(zh_tag: str = "zh-CN", en_tag: str = "en") -> list[str]:
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


def write_ranked(termbase: Termbase, out: BinaryIO) -> None:
    """The entries best first, a line each, for a person to read (the default of `unterm
    terms` on stdout): rank, the terms (synonyms after ` | `), types, frequency,
    confidence, status; tab-separated, not read back."""
    lines = ["rank\tzh\ten\ttype\tfrequency\tconfidence\tstatus"]
    for n, e in enumerate(termbase.entries, start=1):
        types = f"{e.zh[0].type.value}/{e.en[0].type.value}" if e.zh and e.en else ""
        zh = " | ".join(t.text for t in e.zh)
        en = " | ".join(t.text for t in e.en)
        lines.append(f"{n}\t{zh}\t{en}\t{types}\t{e.frequency}\t{e.confidence:.3f}\t{e.status.value}")
    out.write(("\n".join(lines) + "\n").encode("utf-8"))


def write_csv(termbase: Termbase, out: BinaryIO, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    header = columns_for(zh_tag, en_tag)
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
    header = columns_for(zh_tag, en_tag)
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


def _number(text: str | None, name: str, where: str, top: float) -> float:
    """A number from 0 to `top` (empty: 0); nan, inf and 1e999 are none."""
    try:
        value = float(text or 0)
    except ValueError:
        raise InputError(f"{where}: {name} {text!r} is not a number") from None
    if not 0 <= value <= top:
        raise InputError(f"{where}: {name} {text!r} is not a number from 0 to {top:g}")
    return value


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


def _entries(rows: list[dict[str, str]], path: Path, zh_tag: str, en_tag: str, places: list[str]) -> Termbase:
    out = []
    for n, (raw, where) in enumerate(zip(rows, places, strict=True), start=2):
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
                    frequency=int(_number(row.get("frequency"), "frequency", where, 10**9)),
                    association=_number(row.get("association"), "association", where, 1),
                    confidence=_number(row.get("confidence"), "confidence", where, 1),
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


def read_table_file(
    path: Path, *, zh_tag: str = "zh-CN", en_tag: str = "en", columns: dict[Lang, str] | None = None
) -> Termbase:
    """A termbase from a table, whatever saved it (documents.tables: CSV or text in the
    encodings Excel and LibreOffice write, XLSX, ODS; the sheet `termbase`, else the
    first). Its language columns are found by their names (`en`, `English`, `en-US`,
    `zh-CN`, `Chinese`, `中文`, `zh-Hans`, ...), by their text, or as `columns` says; their
    `type`, `usage` and `example` columns follow them (`Chinese type`). A column unterm
    does not know is kept in each entry's note (`Domain: UN-Habitat`)."""
    table = read_table(path, sheets=("termbase",))
    if not table.rows:
        raise InputError(f"{path}: holds no entries (the file is empty or has only a header)")
    langs = language_columns(table, columns)
    rename: dict[str, str] = {}
    for lang, tag in ((Lang.ZH, zh_tag), (Lang.EN, en_tag)):
        name = langs[lang]
        rename |= {name: tag, **{f"{name} {s}": f"{tag} {s}" for s in ("type", "usage", "example")}}
    header = [rename.get(h, h) for h in table.header]
    known = set(columns_for(zh_tag, en_tag)) | {"examples"}  # `examples`: files of earlier versions
    unquote = from_cell if table.delimiter in (",", ";") else str
    rows = []
    for raw in table.rows:
        row = {h: unquote(v) for h, v in zip(header, raw, strict=True) if h in known}
        extra = [
            f"{h}: {v.strip()}"
            for h, v in zip(header, raw, strict=True)
            if h not in known and h and v.strip()
        ]
        if extra:
            row["note"] = "; ".join([*([row["note"]] if row.get("note") else []), *extra])
        rows.append(row)
    return _entries(rows, path, zh_tag, en_tag, [table.place(k) for k in range(len(rows))])


def has_header(path: Path) -> bool:
    """Whether a tab-separated file opens with a header naming its languages (a table
    saved by a spreadsheet) rather than with a glossary entry (OmegaT's format)."""
    try:
        table = read_table(path)
    except InputError:
        return False
    return sum(language_of(h) is not None for h in table.header) >= 2
