"""`unterm align --from`: a table a reviser corrected in a spreadsheet, or the edits a
review page exports, back into every output format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.corpora import ARES
from tests.support.memory import edited, expected_units, joined, tmx_signature, tmx_units
from unterm.align.model import Alignment, Row
from unterm.align.rows import signature
from unterm.cli import app
from unterm.files import FileFormat, formats_for, read_reviewed, read_rows
from unterm.files import write as write_alignment
from unterm.signature import Input, Signature, digest

runner = CliRunner()


def reviser_edits(rows: list[Row]) -> list[Row]:
    """What the test's reviser does to the resolution's table: joins rows 9 and 10 (two
    preambular paragraphs), splits row 39 where both versions add ", including ...",
    unlinks row 60."""
    out = list(rows)
    r39 = out[38]
    zh_at, en_at = r39.zh.index("，包括") + 1, r39.en.index(", including") + 1
    out[38:39] = [
        edited(r39, r39.zh[:zh_at], r39.en[:en_at]),
        edited(r39, r39.zh[zh_at:], r39.en[en_at:].strip()),
    ]
    out[59:60] = [edited(out[59], en=""), edited(out[59], zh="")]
    out[8:10] = [joined(out[8], out[9])]
    return out


def table(rows: list[Row]) -> list[list[str]]:
    head = ["zh", "en", "kind", "key", "score", "reviewed"]
    return [head] + [[r.zh, r.en, r.kind, r.key, f"{r.score:.3f}", r.reviewed.value] for r in rows]


def test_an_edited_tsv_and_xlsx_give_the_expected_memory(tmp_path: Path, ares: Alignment) -> None:
    from openpyxl import load_workbook

    want = reviser_edits(ares.rows())
    assert len(want) == 76
    # the TSV of the run, rewritten with the edits and a `reviewed` column, as a spreadsheet saves it
    tsv = tmp_path / "a.tsv"
    write_alignment(ares, tsv)
    with open(tsv, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f, delimiter="\t")) == ["zh", "en", "kind", "key", "score"]
    with open(tsv, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter="\t", lineterminator="\r\n").writerows(table(want))
    # the XLSX of the run, edited in place: rows replaced, one inserted, a column added
    xlsx = tmp_path / "a.xlsx"
    write_alignment(ares, xlsx)
    book = load_workbook(xlsx)
    sheet = book["alignment"]
    sheet.insert_rows(40)  # the split adds a row; the join takes one away
    sheet.insert_rows(62)
    sheet.delete_rows(11)
    for r, values in enumerate(table(want), start=1):
        for c, value in enumerate(values, start=1):
            sheet.cell(r, c).value = value
    book.save(xlsx)

    memories = {}
    for source in (tsv, xlsx):
        out = tmp_path / f"{source.suffix[1:]}.tmx"
        result = runner.invoke(app, ["align", "--from", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.stderr
        assert result.stderr.startswith(
            "unterm: 76 pairs: 74 1-1, 0 merged, 2 unmatched, 0 below 0.5 confidence, 5 reviewed"
        )
        memories[source.suffix] = out.read_bytes()
        assert tmx_units(memories[source.suffix]) == expected_units(want)
        from translate.storage import tmx

        units = list(tmx.tmxfile.parsefile(str(out)).units)
        assert [(u.source, u.target) for u in units] == [(r.en, r.zh) for r in want if r.zh and r.en]
    # the workbook keeps the signature of the run that made it; the TSV has none to keep
    made = Signature.parse(tmx_signature(memories[".xlsx"]))
    assert made == signature(ares).with_inputs(
        Input("from", xlsx.name, digest(xlsx.read_bytes()), ("reviewed", "utf-8"))
    )


@pytest.mark.parametrize("fmt", formats_for(Alignment), ids=lambda f: f.name.value)
def test_a_reviewed_file_goes_to_every_format(tmp_path: Path, ares: Alignment, fmt: FileFormat) -> None:
    source = tmp_path / "edits.json"
    pairs = [
        {"zh": r.zh, "en": r.en, "kind": r.kind, "key": r.key, "score": r.score}
        for r in reviser_edits(ares.rows())
    ]
    for pair, row in zip(pairs, reviser_edits(ares.rows()), strict=True):
        if row.reviewed:
            pair["reviewed"] = row.reviewed.value
    source.write_text(
        json.dumps({"document": "A/RES/77/173", "signature": "s", "pairs": pairs}), encoding="utf-8"
    )
    alignment = read_reviewed(source)
    out = tmp_path / f"out{fmt.extensions[0]}"
    write_alignment(alignment, out)
    if fmt.read is not None:
        back = read_rows(out)
        want = [r for r in reviser_edits(ares.rows()) if (r.zh and r.en) or out.suffix != ".tmx"]
        assert [(r.zh, r.en, r.key, r.reviewed) for r in back] == [
            (r.zh, r.en, r.key, r.reviewed) for r in want
        ]


BAD = [
    (
        "a.tsv",
        "zh\ttext\n甲\ta\n",
        "has no English column (found: 'zh', 'text'); head it 'en' or 'English', or say which it is with --columns",
    ),
    ("a.tsv", "zh\ten\tkind\tkey\tscore\n甲\ta\theader\t\thigh\n", "row 2: score 'high' is not a number"),
    ("a.tsv", "zh\ten\tkind\n甲\ta\tchapter\n", "row 2: kind 'chapter' is not one of header, title"),
    (
        "a.tsv",
        "zh\ten\treviewed\n甲\ta\tyes\n",
        "row 2: reviewed 'yes' is not one of edited, confirmed or empty",
    ),
    ("a.tsv", "zh\ten\tkind\n\t\theader\n", "holds no pairs (no row has Chinese or English text)"),
    ("a.json", '{"pairs": [', "is not valid JSON (line 1: Expecting value)"),
    ("a.json", '{"pairs": [{"zh": 1, "en": "a"}]}', "pair 1: zh, en, kind, key and reviewed must be text"),
    (
        "a.json",
        '{"pairs": [{"zh": "甲", "en": "a", "score": "1"}]}',
        "pair 1: score '1' or sentence 0 is not a number",
    ),
    ("a.json", '{"edits": []}', "is not an unterm alignment (no list of pairs)"),
    ("a.xlsx", "PK\x03\x04 not really a workbook", "is not a readable workbook (a damaged ZIP package)"),
    (
        "a.tmx",
        "<tmx><body><tu><prop type='x-score'>?</prop></tu></body></tmx>",
        "translation unit 1: x-score or x-sentence is not a number",
    ),
    ("a.html", "<html></html>", "html is written for people and cannot be read back"),
]


@pytest.mark.parametrize(("name", "content", "problem"), BAD, ids=[b[2][:30] for b in BAD])
def test_a_bad_reviewed_file_is_one_line_and_status_3(
    tmp_path: Path, name: str, content: str, problem: str
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "x.tmx"
    result = runner.invoke(app, ["align", "--from", str(source), "-o", str(out)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"unterm: {source}: {problem}") and len(result.stderr.splitlines()) == 1
    assert not out.exists()


def test_from_takes_no_documents(tmp_path: Path) -> None:
    result = runner.invoke(app, ["align", str(ARES / "zh.md"), "--from", str(tmp_path / "a.tsv")])
    assert result.exit_code == 2 and "give no documents" in result.stderr
