"""Tables as people save them, through every table input: `align --from`, `qa --termbase`,
`terms --merge`, `qa --ignore`. Files saved by LibreOffice (tests/data/tables/SOURCE.txt)
and the bytes Excel writes (made here from the same sources), columns headed as teams
head them, and tables that must be refused in one line, quickly."""

from __future__ import annotations

import csv
import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.corpora import ARES, ROOT
from unterm.cli import app
from unterm.documents.tables import MAX_CELL, language_of, read_table
from unterm.errors import InputError
from unterm.files import Options, read_reviewed, read_termbase
from unterm.lang.languages import Lang

TABLES = ROOT / "tests" / "data" / "tables"
runner = CliRunner()


def _source(name: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO((TABLES / name).read_text(encoding="utf-8"))))


def _terms(termbase: object) -> list[tuple[str, str]]:
    """Each entry's English and Chinese terms, synonyms joined by `|` as the tables write them."""
    return [("|".join(t.text for t in e.en), "|".join(t.text for t in e.zh)) for e in termbase.entries]  # type: ignore[attr-defined]


def _excel(rows: list[list[str]], how: str) -> bytes:
    """The bytes Excel writes for a sheet: `CSV UTF-8`, `CSV` on Chinese Windows (the ANSI
    code page, GBK), `CSV` with a semicolon list separator, `Unicode Text` (UTF-16 LE with
    a byte-order mark, tab-separated)."""
    out = io.StringIO()
    delimiter = {"unicode-text": "\t", "semicolon": ";"}.get(how, ",")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    text = out.getvalue()
    if how == "unicode-text":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode({"utf8": "utf-8-sig", "gbk": "gbk"}.get(how, "utf-8-sig"))


GLOSSARIES = ["glossary_utf8.csv", "glossary.xlsx", "glossary.ods", "glossary_gbk.csv", "glossary_utf16.txt"]
ALIGNMENTS = ["alignment.csv", "alignment.xlsx", "alignment.ods", "alignment_gbk.csv", "alignment_utf16.txt"]


@pytest.mark.parametrize("name", GLOSSARIES)
def test_a_termbase_as_libreoffice_saves_it(name: str) -> None:
    want = _source("glossary_utf8.csv")[1:]
    termbase = read_termbase(TABLES / name)
    assert _terms(termbase) == [(r[0], r[1]) for r in want]
    assert [e.note for e in termbase.entries] == [f"Domain: {r[2]}" for r in want]


def test_a_traditional_termbase_in_big5() -> None:
    want = _source("glossary_traditional.csv")[1:]
    termbase = read_termbase(TABLES / "glossary_big5.csv")
    assert [(e.en_text, e.zh_text) for e in termbase.entries] == [(r[0], r[1]) for r in want]


@pytest.mark.parametrize("how", ["utf8", "gbk", "semicolon", "unicode-text"])
@pytest.mark.parametrize("suffix", [".csv", ".txt"])
def test_a_termbase_as_excel_saves_it(tmp_path: Path, how: str, suffix: str) -> None:
    rows = _source("glossary_utf8.csv")
    path = tmp_path / f"glossary{suffix}"
    path.write_bytes(_excel(rows, how))
    assert _terms(read_termbase(path)) == [(r[0], r[1]) for r in rows[1:]]


@pytest.mark.parametrize("name", ALIGNMENTS)
def test_a_table_of_pairs_as_libreoffice_saves_it(name: str) -> None:
    want = _source("alignment.csv")[1:]
    alignment = read_reviewed(TABLES / name)
    assert [(r.zh, r.en, r.kind, r.key, f"{r.score:.3f}") for r in alignment.rows()] == [
        tuple(r) for r in want
    ]


@pytest.mark.parametrize("how", ["utf8", "gbk", "unicode-text"])
def test_a_table_of_pairs_as_excel_saves_it(tmp_path: Path, how: str) -> None:
    rows = _source("alignment.csv")
    path = tmp_path / ("pairs.txt" if how == "unicode-text" else "pairs.csv")
    path.write_bytes(_excel(rows, how))
    out = tmp_path / "pairs.tmx"
    result = runner.invoke(app, ["align", "--from", str(path), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").count("<tu ") == len(rows) - 1


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("zh", "en"),
        ("zh-CN", "en"),
        ("ZH-CN", "EN-US"),
        ("zh_Hans", "en_GB"),
        ("zh-Hant-TW", "en"),
        ("Chinese", "English"),
        ("Chinese (Simplified)", "English (United States)"),
        ("中文", "英文"),
        ("汉语", "英语"),
        ("Target", "Source"),  # told by the text the columns hold
    ],
)
def test_language_columns_by_the_names_people_use(tmp_path: Path, zh: str, en: str) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text(f"{en},{zh}\nNew Urban Agenda,新城市议程\nExecutive Board,执行局\n", encoding="utf-8")
    entries = read_termbase(path).entries
    assert [(e.en_text, e.zh_text) for e in entries] == [
        ("New Urban Agenda", "新城市议程"),
        ("Executive Board", "执行局"),
    ]


def test_columns_named_with_an_option(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("Term,译名,Translation\nNew Urban Agenda,新城市议程,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no Chinese column"):
        read_termbase(path)
    entries = read_termbase(path, Options(zh_column="译名", en_column="Term")).entries
    assert [(e.en_text, e.zh_text, e.note) for e in entries] == [
        ("New Urban Agenda", "新城市议程", "Translation: x")
    ]
    out = tmp_path / "terms.tbx"
    merge = ["--merge", str(path), "--columns", "zh=译名,en=Term", "-o", str(out)]
    result = runner.invoke(app, ["terms", str(ARES / "zh.md"), str(ARES / "en.md"), *merge])
    assert result.exit_code == 0, result.stderr
    bad = runner.invoke(
        app, ["qa", str(ARES / "zh.md"), str(ARES / "en.md"), "--termbase", str(path), "--columns", "zh"]
    )
    assert bad.exit_code == 2 and "--columns 'zh': expected zh=NAME,en=NAME" in bad.stderr


@pytest.mark.parametrize(
    ("name", "is_"),
    [("zh-TW", Lang.ZH), ("zho", Lang.ZH), ("繁體中文", Lang.ZH), ("en-AU", Lang.EN), ("Domain", None)],
)
def test_what_a_heading_says(name: str, is_: Lang | None) -> None:
    assert language_of(name) is is_


def test_the_marks_an_editor_saved_again_in_a_spreadsheet(tmp_path: Path) -> None:
    """`qa --ignore` takes the report page's CSV after Excel on Chinese Windows saved it."""
    report = tmp_path / "qa.csv"
    done = runner.invoke(app, ["qa", str(ARES / "zh.md"), str(ARES / "en.md"), "-o", str(report)])
    assert done.exit_code == 1
    rows = list(csv.reader(io.StringIO(report.read_text(encoding="utf-8-sig"))))
    rows[0].append("mark")
    for row in rows[1:]:
        row.append("not an error" if row[rows[0].index("check")] == "references.mismatch" else "")
    marks = tmp_path / "marks.csv"
    marks.write_bytes(_excel(rows, "gbk"))
    again = runner.invoke(app, ["qa", str(ARES / "zh.md"), str(ARES / "en.md"), "--ignore", str(marks)])
    assert again.exit_code == 0, again.stderr  # the one error, 73/229, marked not an error


# What must be refused, in one line naming the file and why, and quickly.
REFUSED = [
    ("ragged.tsv", b"zh\ten\n\xe5\xa4\xa7\xe4\xbc\x9a\tGeneral Assembly\textra\n", "row 2: has 3 cells where the header names 2 columns"),
    ("quoting.csv", b'zh,en\n"\xe5\xa4\xa7\xe4\xbc\x9a,General Assembly\n', "line 2: a quote opened here is never closed"),
    ("no_header.csv", "大会,General Assembly\n执行局,Executive Board\n".encode(), "has no Chinese column"),
    ("nan.tsv", "zh\ten\tscore\n大会\tGeneral Assembly\tnan\n".encode(), "row 2: score 'nan' is not a confidence from 0 to 1"),
    ("inf.csv", "zh,en,score\n大会,General Assembly,inf\n".encode(), "row 2: score 'inf' is not a confidence from 0 to 1"),
    ("big.csv", "zh,en,score\n大会,General Assembly,1e999\n".encode(), "row 2: score '1e999' is not a confidence from 0 to 1"),
    ("huge_cell.tsv", b"zh\ten\n" + b"x" * (MAX_CELL + 10) + b"\tA\n", "line 2: a cell is longer than 1,000,000 characters"),
    ("twice.csv", "zh,en,zh\n大会,a,b\n".encode(), "row 1: the column 'zh' appears twice"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "is an old-format Excel workbook: save it as .xlsx"),
    ("deep.json", b'{"pairs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "is nested too deep to be an unterm alignment"),
    ("digits.json", b'{"pairs": [{"zh": "\xe5\xa4\xa7", "en": "a", "score": ' + b"9" * 5001 + b"}]}", "is not an unterm alignment (Exceeds the limit"),
    ("nan.json", '{"pairs": [{"zh": "大会", "en": "a", "score": NaN}]}'.encode(), "pair 1: score nan is not a confidence from 0 to 1"),
    ("x.tmx", b"<tmx><body><tu><prop type='x-score'>inf</prop><tuv xml:lang='zh'><seg>a</seg></tuv></tu></body></tmx>", "translation unit 1: score 'inf' is not a confidence"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "problem"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_table_that_cannot_be_used_is_one_line_and_status_3(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = runner.invoke(app, ["align", "--from", str(path), "-o", str(tmp_path / "out.tmx")])
    assert result.exit_code == 3, result.stderr
    assert result.stderr.startswith(f"unterm: {path}: ") and problem in result.stderr, result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "out.tmx").exists()


def _bomb(path: Path, part: str, size: int) -> None:
    """A workbook one of whose parts unpacks to `size` bytes of spaces (1 MB packed)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["zh", "en"])
    book.active.append(["大会", "General Assembly"])
    book.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z, z.open(part, "w", force_zip64=True) as f:
        chunk = b" " * 2**20
        for _ in range(size // len(chunk)):
            f.write(chunk)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"bomb{suffix}"
    _bomb(path, "xl/sharedStrings2.xml", 600 * 2**20)
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"would unpack to 6\d\d MB, more than a workbook may \(512 MB\)"):
        read_table(path)
    assert time.perf_counter() - started < 5  # read from the package's directory, not unpacked


def test_a_cell_at_the_far_end_of_a_sheet_is_refused_in_seconds(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["zh", "en"])
    book.active["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    started = time.perf_counter()
    with pytest.raises(InputError, match="holds more than 2,000,000 cells: split it into smaller tables"):
        read_table(path)
    assert time.perf_counter() - started < 30


def test_json_pairs_are_read_as_before(tmp_path: Path) -> None:
    """The defences change nothing for a good file."""
    path = tmp_path / "edits.json"
    path.write_text(
        json.dumps({"pairs": [{"zh": "大会", "en": "General Assembly", "score": 0.9}]}), encoding="utf-8"
    )
    (row,) = read_reviewed(path).rows()
    assert (row.zh, row.en, row.score) == ("大会", "General Assembly", 0.9)
