"""Termbases as tables: CSV and XLSX for SDL Trados (Glossary Converter), memoQ and Phrase.

CSV and XLSX have one row per entry and one column per language, headed by its language
tag (`en`, `zh-CN` by default), then `definition`, `note`, `source`, `examples`, and the
columns that carry the rest of an entry (`id`, each language's `type` and `usage`,
`status`, `frequency`, `association`, `confidence`, `known`). Synonyms share a cell,
separated by `|`; each example is a line `English<TAB>Chinese<TAB>document<TAB>key`.
CSV is UTF-8 with a byte-order mark, for Excel.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from unterm.errors import InputError
from unterm.termbase.model import Entry, Example, Status, Term, Termbase, TermType, Usage

if TYPE_CHECKING:
    import pandas as pd

SYNONYMS = "|"
_FIELDS = (
    "definition",
    "note",
    "source",
    "examples",
    "status",
    "frequency",
    "association",
    "confidence",
    "known",
)


def columns(zh_tag: str = "zh-CN", en_tag: str = "en") -> list[str]:
    return [
        "id",
        en_tag,
        zh_tag,
        f"{en_tag} type",
        f"{zh_tag} type",
        f"{en_tag} usage",
        f"{zh_tag} usage",
        *_FIELDS,
    ]


def _row(entry: Entry, zh_tag: str, en_tag: str) -> dict[str, str]:
    return {
        "id": entry.id,
        en_tag: SYNONYMS.join(t.text for t in entry.en),
        zh_tag: SYNONYMS.join(t.text for t in entry.zh),
        f"{en_tag} type": SYNONYMS.join(t.type.value for t in entry.en),
        f"{zh_tag} type": SYNONYMS.join(t.type.value for t in entry.zh),
        f"{en_tag} usage": SYNONYMS.join(t.usage.value if t.usage else "" for t in entry.en),
        f"{zh_tag} usage": SYNONYMS.join(t.usage.value if t.usage else "" for t in entry.zh),
        "definition": entry.definition,
        "note": entry.note,
        "source": entry.source,
        "examples": "\n".join(f"{x.en}\t{x.zh}\t{x.document}\t{x.key}" for x in entry.examples),
        "status": entry.status.value,
        "frequency": str(entry.frequency),
        "association": f"{entry.association:.3f}",
        "confidence": f"{entry.confidence:.3f}",
        "known": "yes" if entry.known else "",
    }


def frame(termbase: Termbase, zh_tag: str = "zh-CN", en_tag: str = "en") -> pd.DataFrame:
    import pandas as pd  # deferred: pandas takes a while to import

    return pd.DataFrame([_row(e, zh_tag, en_tag) for e in termbase.entries], columns=columns(zh_tag, en_tag))


def write_csv(termbase: Termbase, out: BinaryIO, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> None:
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns(zh_tag, en_tag), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_row(e, zh_tag, en_tag) for e in termbase.entries)
    out.write(text.getvalue().encode("utf-8-sig"))


def write_xlsx(termbase: Termbase, out: BinaryIO, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> None:
    import pandas as pd

    with pd.ExcelWriter(out, engine="openpyxl") as xl:
        frame(termbase, zh_tag, en_tag).to_excel(xl, sheet_name="termbase", index=False)
        pd.DataFrame({"signature": [termbase.signature]}).to_excel(xl, sheet_name="about", index=False)
        sheet = xl.sheets["termbase"]
        for col, width in zip("ABC", (8, 50, 30), strict=True):
            sheet.column_dimensions[col].width = width
        sheet.freeze_panes = "B2"


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


def _entries(rows: list[dict[str, str]], path: Path, zh_tag: str, en_tag: str) -> Termbase:
    if not rows:
        raise InputError(f"{path}: holds no entries (the file is empty or has only a header)")
    known = set(columns(zh_tag, en_tag))
    header = list(rows[0])
    unknown = [c for c in header if c not in known]
    if unknown:
        raise InputError(
            f"{path}: unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"expected {en_tag!r} and {zh_tag!r} and any of {', '.join(c for c in columns(zh_tag, en_tag)[3:])}"
        )
    if en_tag not in header or zh_tag not in header:
        raise InputError(
            f"{path}: needs a column {en_tag!r} and a column {zh_tag!r} (found: {', '.join(header)})"
        )
    out = []
    for n, row in enumerate(rows, start=2):
        where = f"{path}: row {n}"

        def get(key: str, row: dict[str, str] = row) -> str:
            return (row.get(key) or "").strip()

        examples = []
        for line in (row.get("examples") or "").splitlines():
            parts = [*line.split("\t"), "", "", "", ""]
            examples.append(Example(zh=parts[1], en=parts[0], document=parts[2], key=parts[3]))
        try:
            out.append(
                Entry(
                    id=get("id") or f"c{n - 1:04d}",
                    zh=_terms(get(zh_tag), get(f"{zh_tag} type"), row.get(f"{zh_tag} usage") or "", where),
                    en=_terms(get(en_tag), get(f"{en_tag} type"), row.get(f"{en_tag} usage") or "", where),
                    frequency=int(get("frequency") or 0),
                    association=float(get("association") or 0),
                    confidence=float(get("confidence") or 0),
                    examples=tuple(examples),
                    status=Status(get("status") or Status.APPROVED.value),
                    definition=get("definition"),
                    note=get("note"),
                    source=get("source"),
                    known=get("known") == "yes",
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
    return _entries(list(csv.DictReader(io.StringIO(text), delimiter=delimiter)), path, zh_tag, en_tag)


def read_xlsx(path: Path, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> Termbase:
    import pandas as pd

    try:
        sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False)
    except Exception as err:  # openpyxl raises several kinds for a file that is not XLSX
        raise InputError(f"{path}: is not a readable XLSX workbook ({type(err).__name__})") from None
    table = sheets.get("termbase", next(iter(sheets.values())) if sheets else None)
    if table is None:
        raise InputError(f"{path}: the workbook has no sheets")
    rows = [{str(k): str(v) for k, v in rec.items()} for rec in table.to_dict("records")]
    if not rows and len(table.columns):
        rows = []
    return _entries(rows, path, zh_tag, en_tag)
