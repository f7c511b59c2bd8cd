"""The `unterm` command through typer's CliRunner, against expected output files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

from tests.support.corpora import ROOT
from unterm.cli import app
from unterm.signature import Signature

EXPECTED = ROOT / "tests" / "expected"
runner = CliRunner()


@pytest.fixture(autouse=True)
def in_corpora(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from corpora/, as the expected files were made, so paths in them match."""
    monkeypatch.chdir(ROOT / "corpora")


def test_tsv_on_stdout_and_a_summary_on_stderr() -> None:
    result = runner.invoke(app, ["align", "A_RES_77_173/zh.md", "A_RES_77_173/en.md"])
    assert result.exit_code == 0
    assert result.stdout == (EXPECTED / "A_RES_77_173.tsv").read_text(encoding="utf-8")
    assert result.stderr == (EXPECTED / "A_RES_77_173.summary").read_text(encoding="utf-8")


@pytest.mark.parametrize("ext", ["tsv", "csv", "xlsx", "json", "tmx", "html"])
def test_output_format_follows_the_extension(tmp_path: Path, ext: str) -> None:
    out = tmp_path / "sub" / f"a.{ext}"
    result = runner.invoke(app, ["align", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("unterm: 75 pairs: 75 1-1") and result.stderr.rstrip().endswith(
        f"-> {out}"
    )
    assert out.stat().st_size > 1000
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left behind
    if ext == "tsv":
        assert out.read_text(encoding="utf-8") == (EXPECTED / "A_RES_77_173.tsv").read_text(encoding="utf-8")


def test_format_option_without_output_prints_text_formats() -> None:
    result = runner.invoke(
        app, ["align", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "--format", "tmx", "-q"]
    )
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">")


@pytest.mark.parametrize("command", ["align", "terms", "qa"])
def test_dash_writes_every_text_format_to_stdout(command: str) -> None:
    fmt = {"align": "tmx", "terms": "tbx", "qa": "json"}[command]
    args = [command, "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "-o", "-", "--format", fmt, "-q"]
    if command == "qa":
        args.append("--no-consistency")
    result = runner.invoke(app, args)
    assert result.exit_code == (1 if command == "qa" else 0), result.stderr  # qa: the real 73/229 error
    assert result.stdout.lstrip().startswith("{" if fmt == "json" else "<?xml")


def test_a_binary_format_goes_to_a_pipe_but_not_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["align", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "--format", "xlsx", "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"PK\x03\x04")  # a ZIP: the workbook
    monkeypatch.setattr("unterm.commands.common.terminal", lambda: True)
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "unterm: xlsx is a binary format: give a file to write it to with -o\n"


# (arguments, exit status, the one line expected on stderr)
BAD = [
    (["align", "A_RES_77_173/zh.md", "missing.md"], 3, "unterm: missing.md: no such file"),
    (
        ["align", "A_RES_77_173/en.md", "A_RES_77_173/zh.md"],
        3,
        "unterm: A_RES_77_173/en.md: is English and A_RES_77_173/zh.md is Chinese: the files are in the wrong order "
        "(give the Chinese file first)",
    ),
    (
        ["align", "A_RES_77_173/zh.md", "A_RES_77_173/zh.md"],
        3,
        "unterm: A_RES_77_173/zh.md: is Chinese, but the second file must be the English version",
    ),
    (["align", "A_RES_77_173/zh.md", "udhr/udhr_eng.xml"], 3, None),  # different documents
    (
        ["align", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "-o", "out.docx"],
        2,
        "unterm: out.docx: unknown output extension '.docx'; use one of .tsv, .tab, .txt, .csv, .xlsx, .json, .tmx, .xlf, .xliff, .html, .htm",
    ),
]


@pytest.mark.parametrize(("args", "status", "line"), BAD)
def test_bad_input_is_one_line_and_a_status(args: list[str], status: int, line: str | None) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == status
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    if line is not None:
        assert result.stderr.rstrip("\n") == line
    else:
        assert "they look like different documents" in result.stderr


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02\x03" * 50, "is not a text file (it holds NUL bytes and no byte-order mark)"),
        (b"%PDF-1.4\n", "is a damaged PDF (data format error)"),
    ],
)
def test_bad_files_leave_no_output(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = tmp_path / "zh.txt"
    bad.write_bytes(content)
    out = tmp_path / "a.tmx"
    result = runner.invoke(app, ["align", str(bad), "A_RES_77_173/en.md", "-o", str(out)])
    assert result.exit_code == 3
    assert result.stderr == f"unterm: {bad}: {problem}\n"
    assert not out.exists()


def test_usage_error_exits_two() -> None:
    result = runner.invoke(app, ["align", "A_RES_77_173/zh.md"])
    assert result.exit_code == 2
    assert result.stderr == (
        "unterm: give the English version after A_RES_77_173/zh.md, or a folder (or list file) of pairs\n"
    )
    result = runner.invoke(app, ["align"])
    assert result.exit_code == 2 and "give the Chinese and the English document" in result.stderr


def test_the_console_script_never_shows_a_traceback(tmp_path: Path) -> None:
    """Through the installed entry point, as a user runs it."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("UNTERM_DEBUG", None)
    run = subprocess.run(
        [sys.executable, "-m", "unterm", "align", "A_RES_77_173/en.md", "A_RES_77_173/zh.md"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 3 and "Traceback" not in run.stderr and run.stderr.count("\n") == 1
    version = subprocess.run(
        [sys.executable, "-m", "unterm", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("unterm ")


# --- unterm terms ------------------------------------------------------------------------------
def test_terms_prints_a_ranked_table() -> None:
    result = runner.invoke(app, ["terms", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "--top", "3"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "rank\tzh\ten\ttype\tfrequency\tconfidence\tstatus"
    assert lines[2].split("\t")[:3] == [
        "2",
        "联合国人类住区规划署 | 人居署",
        "United Nations Human Settlements Programme | UN-Habitat",
    ]
    assert len(lines) == 4 and result.stderr == "unterm: 3 entries from 1 pair(s)\n"


@pytest.mark.parametrize("ext", ["tbx", "csv", "xlsx", "utf8"])
def test_terms_writes_each_format_from_a_folder(tmp_path: Path, ext: str) -> None:
    out = tmp_path / f"terms.{ext}"
    result = runner.invoke(app, ["terms", "--dir", "A_RES_77_173", "-o", str(out), "--min-freq", "2"])
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size > 1000 and result.stdout == ""
    assert result.stderr.startswith("unterm: ") and "entries from 1 pair(s)" in result.stderr


def test_terms_default_cut_and_all() -> None:
    """By default only entries of 0.5 confidence or more; --all keeps every one."""
    cut = runner.invoke(app, ["terms", "A_RES_77_173/zh.md", "A_RES_77_173/en.md"])
    every = runner.invoke(app, ["terms", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "--all"])
    assert cut.exit_code == every.exit_code == 0
    confidences = [float(line.split("\t")[5]) for line in every.stdout.splitlines()[1:]]
    kept = [float(line.split("\t")[5]) for line in cut.stdout.splitlines()[1:]]
    assert min(kept) >= 0.5 and min(confidences) < 0.5
    assert len(kept) == sum(1 for c in confidences if c >= 0.5)


def test_terms_merge_marks_known_terms_and_reports_conflicts(tmp_path: Path) -> None:
    existing = tmp_path / "team.csv"
    existing.write_text(
        "en,zh-CN,status\nUN-Habitat,人居署,approved\nExecutive Board,理事会,approved\n", encoding="utf-8"
    )
    out = tmp_path / "merged.tbx"
    result = runner.invoke(
        app,
        [
            "terms",
            "A_RES_77_173/zh.md",
            "A_RES_77_173/en.md",
            "--merge",
            str(existing),
            "-o",
            str(out),
            "--top",
            "20",
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert "1 already known, 1 conflicts" in result.stderr
    assert (
        "unterm: conflict: 执行局 = Executive Board (mined) but c0002 has 理事会 = Executive Board"
        in result.stderr
    )
    from unterm.files import read_termbase

    merged = read_termbase(out)
    assert merged.entries[0].known and merged.entries[0].frequency > 0  # UN-Habitat, found again
    assert [t.text for t in merged.entries[1].zh] == ["理事会"]  # the team's entry stands


def test_terms_skips_a_bad_pair_and_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    out = tmp_path / "t.utf8"
    result = runner.invoke(
        app,
        [
            "terms",
            str(empty),
            "A_RES_77_173/en.md",
            "A_RES_77_173/zh.md",
            "A_RES_77_173/en.md",
            "-o",
            str(out),
            "--top",
            "5",
        ],
    )
    assert result.exit_code == 3
    assert f"unterm: {empty}: the file is empty (pair skipped)" in result.stderr
    assert "5 entries from 1 pair(s); 1 pair(s) failed" in result.stderr and out.exists()


@pytest.mark.parametrize(
    ("args", "status", "line"),
    [
        (["terms", "A_RES_77_173/zh.md"], 2, "unterm: give files in pairs, Chinese then English (1 given)"),
        (["terms"], 2, "unterm: give pairs of files (ZH EN ...), or a folder (or list file) of pairs"),
        (
            ["terms", "--dir", "udhr"],
            3,
            "unterm: udhr: holds no document pairs (NAME.zh.*/NAME.en.*, zh/NAME.*/en/NAME.*, "
            "FOLDER/zh.*/FOLDER/en.*)",
        ),
        (
            ["terms", "a", "b", "--en-tag", "en_GB"],
            2,
            "unterm: language tag 'en_GB': BCP 47 tags use a hyphen (en-GB)",
        ),
        (
            ["terms", "a", "b", "-o", "t.pdf"],
            2,
            "unterm: t.pdf: unknown termbase extension '.pdf'; use one of .tbx, .csv, .xlsx, .utf8, .txt, .tab",
        ),
        (
            ["terms", "a", "b", "-o", "glossary.tsv"],
            2,
            "unterm: glossary.tsv: OmegaT does not load a glossary named .tsv (3.6 ignores it, later versions "
            "read it in the system's encoding): name it .utf8 (UTF-8 in every OmegaT), .txt or .tab, or write CSV",
        ),
    ],
)
def test_terms_usage_and_input_errors(args: list[str], status: int, line: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == status and result.stderr.rstrip("\n") == line


def test_align_takes_a_termbase_as_evidence(tmp_path: Path) -> None:
    tb = tmp_path / "t.utf8"
    assert (
        runner.invoke(
            app, ["terms", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "-o", str(tb), "-q"]
        ).exit_code
        == 0
    )
    out = tmp_path / "a.json"
    result = runner.invoke(
        app, ["align", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "--termbase", str(tb), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    made = Signature.parse(data["signature"])
    assert made is not None and regex.fullmatch(r"termbase \d+ entries", made.setting("evidence"))
    op14 = next(p for p in data["pairs"] if p["key"] == "14" and p["kind"] == "operative")
    assert any(e.startswith("term c") for e in op14["evidence"])
    # the same pairs as without the termbase; the evidence raises confidence where it was lowest
    tsv = runner.invoke(
        app, ["align", "A_RES_77_173/zh.md", "A_RES_77_173/en.md", "--termbase", str(tb), "-q"]
    )
    plain = (EXPECTED / "A_RES_77_173.tsv").read_text(encoding="utf-8").splitlines()
    with_terms = tsv.stdout.splitlines()
    assert [r.rsplit("\t", 1)[0] for r in with_terms] == [r.rsplit("\t", 1)[0] for r in plain]
    assert min(float(r.rsplit("\t", 1)[1]) for r in with_terms[1:]) > min(
        float(r.rsplit("\t", 1)[1]) for r in plain[1:]
    )
