"""`unterm search` and `unterm index` at the command line: the formats, and bad input
(a file that is not a memory, a damaged one, one another process is writing, a query
with nothing to look for): one line on stderr, status 3, nothing written or lost."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.memory.conftest import three_documents
from unterm.cli import app

runner = CliRunner()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture
def memory(bundled: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "memory.sqlite"
    shutil.copy(bundled, copy)
    return copy


def test_tsv_json_and_a_page(memory: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", str(memory), "新城市议程", "--limit", "3"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:10] == [
        "document",
        "date",
        "key",
        "kind",
        "level",
        "score",
        "left",
        "query",
        "right",
        "equivalent",
    ]
    assert len(lines) == 4
    assert all(
        line.split("\t")[7] == "新城市议程" and line.split("\t")[9] == "New Urban Agenda"
        for line in lines[1:]
    )
    assert result.stderr.splitlines()[:2] == [
        "unterm: 26 pairs in 1 document, 3 shown; level sentence",
        "unterm:   新城市议程 ↔ New Urban Agenda: 26 pairs in 1 document, 2022",
    ]
    out = tmp_path / "results.json"
    assert (
        runner.invoke(app, ["search", str(memory), "New Urban Agenda", "-o", str(out), "-q"]).exit_code == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (
        data["total"] == 26
        and data["renderings"][0]["line"] == "新城市议程 ↔ New Urban Agenda: 26 pairs in 1 document, 2022"
    )
    page = tmp_path / "results.html"
    assert (
        runner.invoke(app, ["search", str(memory), "New Urban Agenda", "-o", str(page), "-q"]).exit_code == 0
    )
    assert "Content-Security-Policy" in page.read_text(encoding="utf-8")
    refused = runner.invoke(app, ["search", str(memory), "x", "-f", "xlsx"])
    assert refused.exit_code == 2
    assert (
        one_line(refused.stderr)
        == "unterm: --format xlsx: a search result is written as one of tsv, json, html"
    )


def test_fuzzy_at_the_command_line(memory: Path) -> None:
    sentence = "Noting that the Sendai Framework for Disaster Risk Reduction 2015–2030 could contribute to implementing the New Urban Agenda,"
    result = runner.invoke(app, ["search", str(memory), "--fuzzy", sentence])
    assert result.exit_code == 0, result.stderr
    row = result.stdout.splitlines()[1].split("\t")
    assert row[6] == "80" and row[8].startswith("Noting that the Sendai Framework")
    both = runner.invoke(app, ["search", str(memory), "x", "--fuzzy", sentence])
    assert both.exit_code == 2


@pytest.mark.parametrize("query", ['"', "*", "-", "( )"])
def test_a_query_with_nothing_to_look_for(memory: Path, query: str) -> None:
    result = runner.invoke(app, ["search", str(memory), query])
    assert result.exit_code == 3 and result.stdout == ""
    assert (
        one_line(result.stderr)
        == f"unterm: query {query!r}: has no letter, digit or Chinese character to look for"
    )


@pytest.mark.parametrize(
    "query", ['"New Urban', "Agenda*", "NEAR(urban agenda)", "urban -agenda", '新城市议程"', "AND"]
)
def test_fts_syntax_in_a_query_is_text(memory: Path, query: str) -> None:
    result = runner.invoke(app, ["search", str(memory), query])
    assert result.exit_code == 0, result.stderr
    assert "unterm:" in result.stderr and "Error" not in result.stderr


def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('a', '1')")
    conn.commit()
    conn.close()
    return path


def test_a_foreign_sqlite_file_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    foreign = _foreign(tmp_path / "contacts.sqlite")
    before = digest(foreign)
    result = runner.invoke(app, ["search", str(foreign), "新城市议程"])
    assert result.exit_code == 3
    assert (
        one_line(result.stderr)
        == f"unterm: {foreign}: is an SQLite database but not an unterm memory (made by another program?)"
    )
    corpus = three_documents(tmp_path / "corpus")
    result = runner.invoke(app, ["index", str(corpus), "-o", str(foreign)])
    assert result.exit_code == 3 and "left as it is; give another name" in one_line(result.stderr)
    assert digest(foreign) == before


@pytest.mark.parametrize("command", ["search", "index"])
def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, command: str) -> None:
    text = tmp_path / "notes.sqlite"
    text.write_text("my notes\n", encoding="utf-8")
    args = (
        ["search", str(text), "x"]
        if command == "search"
        else ["index", str(three_documents(tmp_path / "c")), "-o", str(text)]
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 3 and "not an SQLite" in one_line(result.stderr)
    assert text.read_text(encoding="utf-8") == "my notes\n"


def test_a_damaged_memory_is_reported_and_left_as_it_is(memory: Path, tmp_path: Path) -> None:
    data = bytearray(memory.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 4096] = b"\xa5" * 4096  # a page of the file overwritten
    memory.write_bytes(bytes(data))
    before = digest(memory)
    results = [
        runner.invoke(app, ["search", str(memory), q]) for q in ("新城市议程", "New Urban Agenda", "城市")
    ]
    indexed = runner.invoke(app, ["index", str(three_documents(tmp_path / "c")), "-o", str(memory)])
    for result in [*results, indexed]:
        if result.exit_code == 0:  # the page overwritten held nothing this search reads
            continue
        assert result.exit_code == 3, result.stderr
        assert "is damaged" in one_line(result.stderr)
    assert indexed.exit_code == 3
    assert digest(memory) == before


LOCK = """
import fcntl, sys, time
f = open(sys.argv[1], "rb")
fcntl.flock(f, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_memory_being_written_by_another_process(memory: Path, tmp_path: Path) -> None:
    before = digest(memory)
    holder = subprocess.Popen([sys.executable, "-c", LOCK, str(memory)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = runner.invoke(app, ["index", str(three_documents(tmp_path / "c")), "-o", str(memory)])
        assert result.exit_code == 3
        assert one_line(result.stderr) == (
            f"unterm: {memory}: is being written by another process (unterm index); try again when it is done"
        )
        assert digest(memory) == before
        # a search meanwhile answers from what the memory holds, and says so
        searched = runner.invoke(app, ["search", str(memory), "新城市议程", "-q"])
        assert searched.exit_code == 0 and len(searched.stdout.splitlines()) == 27
        assert one_line(searched.stderr).startswith(
            f"unterm: note: {memory}: is being written by another process"
        )
    finally:
        holder.kill()
        holder.wait()
    assert (
        runner.invoke(app, ["index", str(three_documents(tmp_path / "d")), "-o", str(memory), "-q"]).exit_code
        == 0
    )


def test_the_memory_is_never_an_output_of_search(memory: Path) -> None:
    before = digest(memory)
    result = runner.invoke(app, ["search", str(memory), "城市", "-o", str(memory.with_suffix(".tsv"))])
    assert result.exit_code == 0
    result = runner.invoke(app, ["search", str(memory), "城市", "-o", str(memory), "-f", "tsv"])
    assert result.exit_code == 3 and "input" in one_line(result.stderr)
    assert digest(memory) == before


def test_kwic_lines_for_a_terminal(memory: Path) -> None:
    import unterm
    from unterm.commands.search import kwic_lines

    lines = kwic_lines(unterm.search(memory, "新城市议程", limit=2)).splitlines()
    assert len(lines) == 6
    assert lines[0] == "\x1b[2mA/RES/77/173 · 2022-12-14 · header\x1b[0m"
    assert "\x1b[1;33m新城市议程\x1b[0m" in lines[1] and "\x1b[4;32mNew Urban Agenda\x1b[0m" in lines[2]


def test_a_year_that_is_not_one(memory: Path) -> None:
    result = runner.invoke(app, ["search", str(memory), "城市", "--year", "2016-x"])
    assert result.exit_code == 2
    assert (
        one_line(result.stderr)
        == "unterm: --year '2016-x': give a year (2016) or a span of years (2016-2022)"
    )
