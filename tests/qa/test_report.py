"""The QA report's formats and the `unterm qa` command."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
import regex
from typer.testing import CliRunner

from tests.support.faults import ARES_PAIR, GA_PAIR, GLOSSARY
from unterm.cli import app
from unterm.files import write as write_report
from unterm.qa.export import COLUMNS
from unterm.qa.html import html_report
from unterm.qa.model import Report
from unterm.qa.style import read_style

runner = CliRunner()
ZH, EN = (str(p) for p in ARES_PAIR)


def test_json_has_one_record_a_finding(tmp_path: Path, ares_report: Report) -> None:
    out = tmp_path / "r.json"
    write_report(ares_report, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["document"] == "A/RES/77/173"
    assert data["counts"] == {"error": 1, "warning": 15, "info": 0}
    assert len(data["findings"]) == len(ares_report.findings)
    first = data["findings"][0]
    assert {c: first[c] for c in COLUMNS} == {
        "check": "references.mismatch",
        "severity": "error",
        "zh_key": "preambular 13",
        "en_key": "preambular 13",
        "zh_excerpt": "73/229",
        "en_excerpt": "73/239",
        "message": "references differ: resolution 73/229 in the Chinese; resolution 73/239 in the English",
    }
    assert first["zh_lines"] == "53-53" and first["en_lines"] == "50-50"  # where to look in each file


def test_csv_and_xlsx_read_back(tmp_path: Path, ares_report: Report) -> None:
    write_report(ares_report, tmp_path / "r.csv")
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens the Chinese correctly
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    write_report(ares_report, tmp_path / "r.xlsx")
    sheet = pd.read_excel(tmp_path / "r.xlsx", sheet_name="findings", dtype=str).fillna("")
    assert list(sheet.columns[: len(COLUMNS)]) == list(COLUMNS) == list(rows[0])[: len(COLUMNS)]
    assert len(rows) == len(sheet) == len(ares_report.findings)
    for row, (_, cells) in zip(rows, sheet.iterrows(), strict=True):
        assert {c: row[c] for c in COLUMNS} == {c: cells[c] for c in COLUMNS}
    assert [r["zh_key"] for r in rows[:3]] == ["preambular 13", "header 5", "chapeau"]


def test_html_is_self_contained(ares_report: Report) -> None:
    page = html_report(ares_report)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not regex.search(r"""(?:src|href)\s*=\s*["'](?!#)""", page)  # no external resource
    assert page.count('class="finding"') == len(ares_report.findings)
    assert page.count('<tr class="pair') == len(ares_report.alignment.pairs)
    # the reference is marked on both sides, tied to finding 1
    assert '<mark class="error" data-f="f1">73/229</mark>' in page
    assert '<mark class="error" data-f="f1">73/239</mark>' in page


def test_the_command_prints_a_summary_and_fails_on_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["qa", ZH, EN, "--no-consistency", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 1  # one error: 73/229 against 73/239
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["check", "error", "warning", "info"]
    assert "references.mismatch            1        0     0" in result.stdout
    assert lines[lines.index("") + 1].startswith("error    references.mismatch        preambular 13: ")
    assert (tmp_path / "r.html").is_file()


def test_fail_on_thresholds() -> None:
    ga = [str(p) for p in GA_PAIR]
    assert runner.invoke(app, ["qa", *ga, "--no-consistency"]).exit_code == 0  # warnings only
    assert runner.invoke(app, ["qa", *ga, "--no-consistency", "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(app, ["qa", *ga, "--no-consistency", "--fail-on", "error", "-q"]).stdout == ""


def test_termbase_and_house_style_options(tmp_path: Path) -> None:
    style = tmp_path / "style.toml"
    style.write_text(
        '[typography]\ncjk-digit-spacing = "space"\n[checks]\ndisable = ["typography.halfwidth"]\n'
        '[severity]\n"references.mismatch" = "warning"\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        ["qa", ZH, EN, "--termbase", str(GLOSSARY), "--style", str(style), "-o", str(tmp_path / "r.json")],
    )
    assert result.exit_code == 0, result.stdout  # the one error is now a warning
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    checks = {f["check"] for f in data["findings"]}
    assert "typography.halfwidth" not in checks and "terms.missing" in checks
    assert any(n.startswith("termbase: 14 entries") for n in data["notes"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[typography]\ncjk-digit-spacing = 3\n", "cjk-digit-spacing must be one of"),
        ("[colours]\nred = 1\n", "unknown section(s): colours"),
        ("[checks]\ndisable = ['nonsense']\n", "[checks] disable must list check ids"),
        ("not toml at all [", "is not valid TOML"),
    ],
)
def test_a_bad_style_file(tmp_path: Path, content: str, message: str) -> None:
    style = tmp_path / "s.toml"
    style.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["qa", ZH, EN, "--style", str(style)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"unterm: {style}: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    with pytest.raises(Exception, match=regex.escape(message)):
        read_style(style)


def test_bad_inputs_and_usage(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["qa", str(tmp_path / "nope.md"), EN])
    assert missing.exit_code == 3 and "nope.md" in missing.stderr and missing.stderr.count("\n") == 1
    wrong_order = runner.invoke(app, ["qa", EN, ZH])
    assert wrong_order.exit_code == 3 and "wrong order" in wrong_order.stderr
    ext = runner.invoke(app, ["qa", ZH, EN, "-o", str(tmp_path / "r.pdf")])
    assert ext.exit_code == 2 and "unknown report extension" in ext.stderr
    assert not (tmp_path / "r.pdf").exists()
    no_file = runner.invoke(app, ["qa", ZH, EN, "--format", "json"])
    assert no_file.exit_code == 2 and "give one with -o" in no_file.stderr


def test_ignore_takes_the_pages_marks_and_refuses_other_files(tmp_path: Path, ares_report: Report) -> None:
    # the CSV `unterm qa` writes has every column but the mark; with the marks the page adds
    write_report(ares_report, tmp_path / "r.csv")
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    marks = tmp_path / "marks.csv"
    with open(marks, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.DictWriter(f, [*rows[0], "mark"])
        out.writeheader()
        out.writerows({**r, "mark": "not an error" if r["zh_key"] == "chapeau" else ""} for r in rows)
    result = runner.invoke(app, ["qa", ZH, EN, "--no-consistency", "--ignore", str(marks)])
    assert result.exit_code == 1  # the 73/229 error is not marked
    assert " chapeau: " not in result.stdout and "typography.halfwidth           0        3" in result.stdout
    # a file that is not the page's export, or no file: one line naming it, status 3
    for bad in (tmp_path / "r.csv", tmp_path / "missing.csv"):
        refused = runner.invoke(app, ["qa", ZH, EN, "--no-consistency", "--ignore", str(bad)])
        assert refused.exit_code == 3 and refused.stderr.startswith(f"unterm: {bad}: ")
        assert refused.stderr.count("\n") == 1
    assert (
        "has no column(s) 'mark'"
        in runner.invoke(app, ["qa", ZH, EN, "--ignore", str(tmp_path / "r.csv")]).stderr
    )


def test_exit_statuses_of_qa(tmp_path: Path) -> None:
    ga = [str(p) for p in GA_PAIR]
    assert runner.invoke(app, ["qa", *ga, "--no-consistency", "-q"]).exit_code == 0  # clean at error level
    assert runner.invoke(app, ["qa", ZH, EN, "--no-consistency", "-q"]).exit_code == 1  # a finding
    assert runner.invoke(app, ["qa", ZH, EN, "--no-such-option"]).exit_code == 2  # usage
    assert runner.invoke(app, ["qa", ZH]).exit_code == 2
    assert runner.invoke(app, ["qa", str(tmp_path / "zh.md"), EN]).exit_code == 3  # unusable input
