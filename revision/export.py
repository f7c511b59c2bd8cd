"""A revision report as data (JSON, CSV, XLSX: one pair a row) and as the summary a
terminal shows; for one document or a corpus (folder mode). The tabular columns are

    document, pair, change, draft_place, final_place, ter, chrf, ter_edits, typography,
    renumbered, draft, final, changes, english, draft_lines, final_lines

where `changes` is the changed spans in wdiff's notation (`[-old-]{+new+}`) and the
lines are the file lines each side was read from.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from unterm.revision.model import Change, Corpus, Edit, RevisedPair, Revision

COLUMNS = (
    "document", "pair", "change", "draft_place", "final_place", "ter", "chrf", "ter_edits", "typography",
    "renumbered", "draft", "final", "changes", "english", "draft_lines", "final_lines",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "document",
    "pairs",
    "changed",
    "changed_share",
    "ter",
    "chrf",
    *(c.value for c in Change),
)


def _revisions(value: Revision | Corpus) -> tuple[Revision, ...]:
    return value.revisions if isinstance(value, Corpus) else (value,)


def wdiff(edits: tuple[Edit, ...]) -> str:
    """The changed spans in wdiff's notation: `[-deleted-]{+inserted+}`, ` … ` between,
    a paragraph break as ¶ and a span of spaces alone as ␣."""

    def shown(text: str) -> str:
        return text.replace("\n", "¶") if text.strip() else text.replace(" ", "␣").replace("\n", "¶")

    return " … ".join(
        (f"[-{shown(e.draft)}-]" if e.draft else "") + (f"{{+{shown(e.final)}+}}" if e.final else "")
        for e in edits
    )


def change_label(p: RevisedPair) -> str:
    """The kind of change as a reviser reads it: `edited (typography)`, `moved`, ..."""
    return f"{p.change.value} (typography)" if p.typography else p.change.value


def pair_record(r: Revision, k: int, p: RevisedPair) -> dict[str, Any]:
    """One pair as the columns above, and its changed spans with their places."""
    return {
        "document": r.title,
        "pair": k,
        "change": p.change.value,
        "draft_place": p.draft_place,
        "final_place": p.final_place,
        "ter": round(p.ter, 2),
        "chrf": round(p.chrf, 2),
        "ter_edits": p.ter_edits,
        "typography": p.typography,
        "renumbered": p.renumbered,
        "draft": p.draft_text,
        "final": p.final_text,
        "changes": wdiff(p.edits),
        "english": p.english,
        "draft_lines": "-".join(map(str, r.draft.span(p.draft))),
        "final_lines": "-".join(map(str, r.final.span(p.final))),
    }


def totals(r: Revision) -> dict[str, Any]:
    """A document's totals: pairs, how many changed and their share, TER, chrF, counts."""
    return {
        "document": r.title,
        "pairs": len(r.pairs),
        "changed": sum(p.changed for p in r.pairs),
        "changed_share": round(r.changed_share, 4),
        "ter": round(r.ter, 2),
        "chrf": round(r.chrf, 2),
        **{c.value: n for c, n in r.counts().items()},
    }


def revision_json(r: Revision) -> dict[str, Any]:
    records = [pair_record(r, k, p) for k, p in enumerate(r.pairs)]
    for record, p in zip(records, r.pairs, strict=True):
        record["edits"] = [
            {"op": e.op, "draft": e.draft, "final": e.final, "draft_at": e.draft_at, "final_at": e.final_at}
            for e in p.edits
        ]
        del record["document"]
    return {
        "signature": str(r.signature),
        "document": r.title,
        "language": r.lang.value,
        "draft": r.draft.name,
        "final": r.final.name,
        "english": r.english,
        "totals": {**totals(r), "typography_only": r.typography_only},
        "most_revised": [r.pairs.index(p) for p in r.most_revised()],
        "pairs": records,
    }


def to_json(value: Revision | Corpus) -> dict[str, Any]:
    if isinstance(value, Revision):
        return revision_json(value)
    return {
        "signature": str(value.signature),
        "corpus": {
            "documents": len(value.revisions),
            "failed": len(value.failures),
            "pairs": value.pairs,
            "changed_share": round(value.changed_share, 4),
            "ter": round(value.ter, 2),
            "chrf": round(value.chrf, 2),
        },
        "documents": [revision_json(r) for r in value.revisions],
        "failures": [{"document": f.name, "reason": f.reason} for f in value.failures],
    }


def write_json(value: Revision | Corpus, out: BinaryIO) -> None:
    out.write((json.dumps(to_json(value), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _rows(value: Revision | Corpus) -> list[list[Any]]:
    records = [pair_record(r, k, p) for r in _revisions(value) for k, p in enumerate(r.pairs)]
    return [list(COLUMNS)] + [[rec[c] for c in COLUMNS] for rec in records]


def write_csv(value: Revision | Corpus, out: BinaryIO) -> None:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(_rows(value))
    out.write(text.getvalue().encode("utf-8-sig"))


def write_xlsx(value: Revision | Corpus, out: BinaryIO) -> None:
    """Sheets `pairs` (one pair a row), `documents` (each document's totals) and `about`."""
    import pandas as pd  # deferred: pandas takes a while to import

    table = _rows(value)
    documents = [[totals(r)[c] for c in DOCUMENT_COLUMNS] for r in _revisions(value)]
    about = [["signature", str(value.signature)]]
    if isinstance(value, Corpus):
        about += [["failed", f"{f.name}: {f.reason}"] for f in value.failures]
    with pd.ExcelWriter(out, engine="openpyxl") as xl:
        pd.DataFrame(table[1:], columns=table[0]).to_excel(xl, sheet_name="pairs", index=False)
        pd.DataFrame(documents, columns=list(DOCUMENT_COLUMNS)).to_excel(
            xl, sheet_name="documents", index=False
        )
        pd.DataFrame(about, columns=["field", "value"]).to_excel(xl, sheet_name="about", index=False)


def _counts(r: Revision) -> str:
    shown = [f"{n} {c.value}" for c, n in r.counts().items() if n and c is not Change.UNCHANGED]
    return ", ".join(shown) or "none"


def summary_table(value: Revision | Corpus, show: int = 10) -> str:
    """What a terminal shows: each document's totals; for one document, then, its most
    revised paragraphs, the paragraphs inserted and deleted, and those renumbered."""
    out = io.StringIO()
    if isinstance(value, Corpus):
        width = max([len(r.title) for r in value.revisions] + [8])
        out.write(f"{'document':<{width}}  {'pairs':>5}  {'changed':>7}  {'TER':>6}  {'chrF':>6}  changes\n")
        for r in value.revisions:
            out.write(
                f"{r.title:<{width}}  {len(r.pairs):>5}  {r.changed_share:>7.1%}  {r.ter:>6.2f}  "
                f"{r.chrf:>6.2f}  {_counts(r)}\n"
            )
        out.write(
            f"{'corpus':<{width}}  {value.pairs:>5}  {value.changed_share:>7.1%}  {value.ter:>6.2f}  "
            f"{value.chrf:>6.2f}\n"
        )
        for f in value.failures:
            out.write(f"{f.name}: not compared: {f.reason}\n")
        return out.getvalue()
    r = value
    changed = sum(p.changed for p in r.pairs)
    out.write(
        f"{r.title}: {len(r.pairs)} pairs, {changed} changed ({r.changed_share:.1%}): {_counts(r)}"
        f"{f'; {r.typography_only} in typography only' if r.typography_only else ''}\n"
        f"TER {r.ter:.2f}  chrF {r.chrf:.2f}  (draft against final)\n"
    )
    rows = r.most_revised(show)
    if rows:
        width = max(len(p.place) for p in rows)
        out.write(
            f"\nmost revised\n{'paragraph':<{width}}  {'change':<19}  {'TER':>6}  {'chrF':>6}  what changed\n"
        )
    for p in rows:
        what = wdiff(p.edits)
        what = what if len(what) <= 60 else what[:59] + "…"
        out.write(
            f"{p.place:<{width}}  {change_label(p):<19}  {p.ter:>6.2f}  {p.chrf:>6.2f}  {what}".rstrip()
            + "\n"
        )
    for change in (Change.INSERTED, Change.DELETED):
        places = [p.place for p in r.pairs if p.change is change]
        if places:
            out.write(f"{change.value}: {'; '.join(places)}\n")
    renumbered = [p.place for p in r.pairs if p.renumbered]
    if renumbered:
        out.write(f"renumbered: {'; '.join(renumbered)}\n")
    return out.getvalue()
