"""`unterm qa` on a bilingual file (TMX, XLIFF, a two-column table): each segment checked
as an aligned pair, each finding named by the segment's id in the file. Faults are
injected into files of the real resolution and must be found where they were put."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from tests.support.corpora import ARES, ROOT
from unterm.align.model import Alignment
from unterm.cli import app
from unterm.files import Format, read_reviewed
from unterm.files import write as write_alignment
from unterm.qa.run import run_checks

runner = CliRunner()
GLOSSARY = ROOT / "tests" / "data" / "un_glossary.csv"
# (what is changed in the Chinese of the pair that holds it, what it becomes, the check)
FAULTS = [
    ("2023 年 6 月 5 日至 9 日", "2023 年 6 月 15 日至 9 日", "numbers.mismatch"),
    ("A/77/444", "A/77/445", "references.mismatch"),
    ("鼓励人居署继续支持各国实施", "鼓励人类住区署继续支持各国实施", "terms.missing"),
]
# a fault the resolution itself has (73/229 in the Chinese for 73/239): found in every form
KNOWN = ("references.mismatch", "73/229")


def _faulty(alignment: Alignment) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """The pairs with the faults put in, and, for each fault's check, the 1-based row it is in."""
    rows = [(r.zh, r.en) for r in alignment.rows()]
    where: dict[str, int] = {}
    for old, new, check in FAULTS:
        n = next(k for k, (zh, _) in enumerate(rows) if old in zh)
        rows[n] = (rows[n][0].replace(old, new, 1), rows[n][1])
        where[check] = n + 1
    return rows, where


def _findings(path: Path, *extra: str) -> list[dict[str, str]]:
    out = path.with_suffix(".findings.json")
    result = runner.invoke(app, ["qa", str(path), "--termbase", str(GLOSSARY), *extra, "-o", str(out)])
    assert result.exit_code == 1, result.output  # errors found
    findings: list[dict[str, str]] = json.loads(out.read_text(encoding="utf-8"))["findings"]
    return findings


def _tmx(tmp_path: Path, ares: Alignment) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "memory.tmx"
    write_alignment(ares, path)
    text = path.read_text(encoding="utf-8")
    rows, where = _faulty(ares)
    for (zh, _), (old, _) in zip(rows, [(r.zh, r.en) for r in ares.rows()], strict=True):
        if zh != old:
            text = text.replace(f"<seg>{old}</seg>", f"<seg>{zh}</seg>", 1)
    return path_with(path, text), {c: f"translation unit {n}" for c, n in where.items()}


def path_with(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_tmx_with_faults_put_in(tmp_path: Path, ares: Alignment) -> None:
    path, where = _tmx(tmp_path, ares)
    findings = _findings(path)
    for check, unit in where.items():
        assert [f for f in findings if f["check"] == check and f["zh_key"] == unit], (check, unit)
    assert [f for f in findings if f["check"] == KNOWN[0] and KNOWN[1] in f["zh_excerpt"]]
    errors = {(f["check"], f["zh_key"]) for f in findings if f["severity"] == "error"}
    # nothing else is an error: each fault found once, where it was put, and the known one
    assert len(errors) == 3, errors


def test_another_tools_xliff_with_faults_put_in(tmp_path: Path, ares: Alignment) -> None:
    """An XLIFF 2.0 as a CAT tool writes it: its own unit ids, no unterm notes."""
    rows, where = _faulty(ares)
    units = "".join(
        f'<unit id="seg-{n * 10}"><segment><source>{_x(en)}</source><target>{_x(zh)}</target></segment></unit>'
        for n, (zh, en) in enumerate(rows, start=1)
        if zh and en
    )
    path = tmp_path / "review.xlf"
    path.write_text(
        '<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
        f'srcLang="en-US" trgLang="zh-CN"><file id="f">{units}</file></xliff>',
        encoding="utf-8",
    )
    findings = _findings(path)
    for check, n in where.items():
        assert [f for f in findings if f["check"] == check and f["zh_key"] == f"unit seg-{n * 10}"], check


def test_a_two_column_table_saved_by_excel(tmp_path: Path, ares: Alignment) -> None:
    """English and Chinese columns under the names people give them, saved as GBK."""
    rows, where = _faulty(ares)
    out = io.StringIO()
    table = csv.writer(out)
    table.writerow(["英文", "中文"])
    table.writerows([(en, zh) for zh, en in rows])
    path = tmp_path / "pairs.csv"
    path.write_bytes(out.getvalue().encode("gb18030"))
    findings = _findings(path)
    for check, n in where.items():
        assert [f for f in findings if f["check"] == check and f["zh_key"] == f"row {n + 1}"], check


def test_a_segment_left_untranslated_is_one_sided(tmp_path: Path, ares: Alignment) -> None:
    path = tmp_path / "memory.xlf"
    write_alignment(ares, path, Format.XLIFF2)
    text = path.read_text(encoding="utf-8")
    op2 = next(r.zh for r in ares.rows() if r.zh.startswith("2. "))
    path.write_text(text.replace(f"<target>{_x(op2)}</target>", "", 1), encoding="utf-8")
    report = run_checks(read_reviewed(path), consistency=False, meaning=False)
    one_sided = [f for f in report.findings if f.check == "structure.one-sided"]
    assert [f.en_key for f in one_sided] == [f"unit u{_row(ares, op2)}"]


def _row(ares: Alignment, zh: str) -> int:
    return next(n for n, r in enumerate(ares.rows(), start=1) if r.zh == zh)


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


def test_a_list_of_pairs_is_still_a_corpus(tmp_path: Path) -> None:
    """One argument that lists document pairs is a corpus, whatever it is called."""
    for side in ("zh.md", "en.md"):
        (tmp_path / side).write_bytes((ARES / side).read_bytes())
    listing = tmp_path / "pairs.tsv"
    listing.write_text("zh.md\ten.md\n", encoding="utf-8")
    result = runner.invoke(app, ["qa", str(listing)])
    assert result.exit_code == 2 and "a corpus needs -o" in result.output
