"""What the commands say of themselves and how they end: each --help lists the formats
that command writes, flags show no value, stdout writes what a file would, a device
takes the default format, a reader that stops early is no failure, and exit status 1
comes with a line saying why."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

from tests.support.corpora import ARES
from unterm.align.model import Alignment
from unterm.cli import app
from unterm.files import formats_for
from unterm.qa.model import Report
from unterm.revision.model import Revision
from unterm.termbase.model import Termbase

runner = CliRunner()
ZH, EN = str(ARES / "zh.md"), str(ARES / "en.md")


def _help(command: str) -> str:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "250"}, terminal_width=250)
    assert result.exit_code == 0
    return result.stdout


@pytest.mark.parametrize(
    ("command", "holds"), [("align", Alignment), ("terms", Termbase), ("qa", Report), ("revision", Revision)]
)
def test_format_lists_only_what_the_command_writes(command: str, holds: type) -> None:
    line = next(line for line in _help(command).splitlines() if "--format" in line)
    listed = regex.search(r"<([a-z0-9|]+)>", line)
    assert listed is not None, line
    assert listed[1].split("|") == list(dict.fromkeys(f.name.value for f in formats_for(holds)))


@pytest.mark.parametrize("command", ["align", "terms", "qa", "revision"])
def test_flags_show_no_value(command: str) -> None:
    text = _help(command)
    assert "<bool>" not in text
    output = next(line for line in text.splitlines() if "--output" in line)
    assert regex.search(r"--output\s+-o\s+FILE\s", output), output
    quiet = next(line for line in text.splitlines() if "--quiet" in line)
    assert regex.search(r"--quiet\s+-q\s+No summary", quiet), quiet


def test_a_wrong_format_for_the_command_is_a_usage_error() -> None:
    result = runner.invoke(app, ["terms", ZH, EN, "-f", "tmx"])
    assert result.exit_code == 2 and "tmx" in result.stderr


def test_terms_on_stdout_is_one_thing_whichever_way_asked() -> None:
    plain = runner.invoke(app, ["terms", ZH, EN, "-q"])
    dash = runner.invoke(app, ["terms", ZH, EN, "-q", "-o", "-"])
    named = runner.invoke(app, ["terms", ZH, EN, "-q", "-f", "ranked"])
    assert plain.exit_code == dash.exit_code == named.exit_code == 0
    assert plain.stdout == dash.stdout == named.stdout
    assert plain.stdout.startswith("rank\tzh\ten\ttype\tfrequency\tconfidence\tstatus\n")
    glossary = runner.invoke(app, ["terms", ZH, EN, "-q", "-o", "-", "-f", "tsv"])
    assert glossary.stdout.startswith("# unterm glossary")


def test_the_omegat_glossary_on_stdout_is_the_file(tmp_path: Path) -> None:
    out = tmp_path / "glossary.utf8"
    assert runner.invoke(app, ["terms", ZH, EN, "-q", "-o", str(out)]).exit_code == 0
    assert runner.invoke(app, ["terms", ZH, EN, "-q", "-f", "tsv"]).stdout == out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [["align", ZH, EN], ["terms", ZH, EN], ["qa", ZH, EN, "--no-consistency"]],
)
def test_a_device_takes_the_default_format(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "-o", "/dev/null", "-q"])
    assert result.exit_code in (0, 1), result.stderr  # qa: 1, the resolution's own 73/229 error
    assert "extension" not in result.stderr


@pytest.mark.skipif(shutil.which("head") is None, reason="no head")
@pytest.mark.parametrize("fmt", ["tmx", "xliff", "tsv"])
def test_a_reader_that_stops_early_is_no_failure(fmt: str) -> None:
    """`unterm align ... -f tmx | head`: status 0 and nothing on stderr (it was 1, silently)."""
    run = subprocess.run(
        f"{sys.executable} -m unterm align {ZH} {EN} --level sentence -q -f {fmt} | head -c 100 >/dev/null;"
        " echo ${PIPESTATUS[0]}",
        shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    assert run.stdout.strip() == "0" and run.stderr == ""


def test_exit_status_1_is_explained() -> None:
    result = runner.invoke(app, ["qa", ZH, EN, "--no-consistency", "-q"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "unterm: 1 finding(s) at or above error (exit status 1; see --fail-on)\n"
