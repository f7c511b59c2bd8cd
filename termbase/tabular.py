"""Termbases as tables: CSV and XLSX for SDL Trados (Glossary Converter), memoQ and Phrase,
and OmegaT's glossary TSV.

CSV and XLSX have one row per entry and one column per language, headed by its language
tag (`en`, `zh-CN` by default), then `definition`, `note`, `source`, `examples`, and the
columns that carry the rest of an entry (`id`, each language's `type` and `usage`,
`status`, `frequency`, `association`, `confidence`, `known`). Synonyms share a cell,
separated by `|`; each example is a line `English<TAB>Chinese<TAB>document<TAB>key`.
CSV is UTF-8 with a byte-order mark, for Excel.

OmegaT's glossary is `source<TAB>target<TAB>comment`, English to Chinese, a line per
pair of terms; the comment is a readable `key: value` list, fields separated by ` ¦ `,
from which the entry can be rebuilt.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

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


def write_csv(termbase: Termbase, path: Path, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns(zh_tag, en_tag), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(_row(e, zh_tag, en_tag) for e in termbase.entries)


def write_xlsx(termbase: Termbase, path: Path, *, zh_tag: str = "zh-CN", en_tag: str = "en") -> None:
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as xl:
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


# --- OmegaT ----------------------------------------------------------------------------------
_SEP = " ¦ "


def _comment(entry: Entry, k: int) -> str:
    fields = [
        f"id: {entry.id}",
        f"types: {entry.en[k].type.value}/{entry.zh[k].type.value}",
        f"status: {entry.status.value}",
        f"confidence: {entry.confidence:.3f}",
        f"frequency: {entry.frequency}",
        f"association: {entry.association:.3f}",
    ]
    en_use, zh_use = entry.en[k].usage, entry.zh[k].usage
    if en_use or zh_use:
        fields.append(f"usage: {en_use.value if en_use else ''}/{zh_use.value if zh_use else ''}")
    fields += [
        f"{name}: {value}"
        for name, value in (
            ("known", "yes" if entry.known else ""),
            ("definition", entry.definition),
            ("source", entry.source),
            ("note", entry.note),
        )
        if value
    ]
    if k == 0:
        fields += [f"example: {x.en} ⇔ {x.zh} ⟨{x.source}⟩" for x in entry.examples]
    return _SEP.join(f.replace("\t", " ").replace("¦", "|").replace("\n", " ") for f in fields)


def write_omegat(termbase: Termbase, path: Path) -> None:
    """OmegaT glossary: a line per pair of terms (an entry's k-th English with its k-th
    Chinese; left-over synonyms pair with the main term of the other language)."""
    lines = []
    for entry in termbase.entries:
        for k in range(max(len(entry.en), len(entry.zh))):
            en = entry.en[min(k, len(entry.en) - 1)] if entry.en else Term("")
            zh = entry.zh[min(k, len(entry.zh) - 1)] if entry.zh else Term("")
            padded = Entry(
                entry.id,
                (zh,),
                (en,),
                entry.frequency,
                entry.association,
                entry.confidence,
                entry.examples if k == 0 else (),
                entry.status,
                entry.definition,
                entry.note,
                entry.source,
                entry.known,
            )
            lines.append(f"{en.text}\t{zh.text}\t{_comment(padded, 0)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_omegat(path: Path) -> Termbase:
    text = path.read_text(encoding="utf-8-sig")
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    entries: dict[str, Entry] = {}
    order: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise InputError(f"{path}: line {n}: expected source<TAB>target[<TAB>comment], found one field")
        en, zh, comment = parts[0].strip(), parts[1].strip(), parts[2] if len(parts) > 2 else ""
        fields: dict[str, str] = {}
        examples: list[Example] = []
        for f in comment.split(_SEP) if comment else []:
            key, _, value = f.partition(": ")
            if key == "example":
                pair, _, source = value.rpartition(" ⟨")
                ex_en, _, ex_zh = pair.partition(" ⇔ ")
                document, _, key_ = source.rstrip("⟩").partition(" | ")
                examples.append(Example(ex_zh, ex_en, document, key_))
            else:
                fields[key] = value
        en_type, _, zh_type = fields.get("types", "fullForm/fullForm").partition("/")
        en_use, _, zh_use = fields.get("usage", "/").partition("/")
        try:
            en_term = Term(en, TermType(en_type or "fullForm"), Usage(en_use) if en_use else None)
            zh_term = Term(zh, TermType(zh_type or "fullForm"), Usage(zh_use) if zh_use else None)
            ident = fields.get("id") or f"c{len(order) + 1:04d}"
            if ident in entries:
                e = entries[ident]
                entries[ident] = Entry(
                    e.id,
                    e.zh + ((zh_term,) if zh_term not in e.zh else ()),
                    e.en + ((en_term,) if en_term not in e.en else ()),
                    e.frequency,
                    e.association,
                    e.confidence,
                    e.examples,
                    e.status,
                    e.definition,
                    e.note,
                    e.source,
                    e.known,
                )
                continue
            entries[ident] = Entry(
                ident,
                (zh_term,),
                (en_term,),
                int(fields.get("frequency", 0)),
                float(fields.get("association", 0)),
                float(fields.get("confidence", 0)),
                tuple(examples),
                Status(fields.get("status", "approved")),
                fields.get("definition", ""),
                fields.get("note", ""),
                fields.get("source", ""),
                fields.get("known") == "yes",
            )
            order.append(ident)
        except ValueError as err:
            raise InputError(f"{path}: line {n}: {err}") from None
    return Termbase(tuple(entries[i] for i in order))
