"""`unterm align` over a corpus: the layouts it finds pairs in, a file per pair or one
corpus file (TMX, Moses, JSON Lines), the same bytes serially, in a pool and on a Dask
cluster, a rerun after a kill, and bad pairs reported one line each."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.corpora import ARES, CORPORA, UDHR
from tests.support.render import udhr_paragraphs
from unterm.batch.pairs import find_pairs, read_list
from unterm.cli import app

runner = CliRunner()
GA = CORPORA / "un_ga_55_100_sample"


def corpus(folder: Path, copies: int = 2) -> Path:
    """Real pairs in the three layouts: a folder per document, NAME.zh/NAME.en, zh/ and en/."""
    for k in range(copies):
        shutil.copytree(ARES, folder / f"A_RES_77_173_{k}")
        (folder / f"ga_{k}.zh.txt").write_bytes((GA / "UN.en-zh.zh").read_bytes())
        (folder / f"ga_{k}.en.txt").write_bytes((GA / "UN.en-zh.en").read_bytes())
        for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
            (folder / side).mkdir(exist_ok=True)
            (folder / side / f"udhr_{k}.txt").write_text(
                "\n".join(udhr_paragraphs(UDHR / name)), encoding="utf-8"
            )
    return folder


def test_pairs_in_every_layout_and_the_files_without_a_partner(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=1)
    (folder / "orphan.zh.md").write_text("大会", encoding="utf-8")
    (folder / "zh" / "lonely.txt").write_text("大会", encoding="utf-8")
    pairing = find_pairs(folder)
    assert [p.name for p in pairing.pairs] == ["A_RES_77_173_0", "ga_0", "udhr_0"]
    assert [p.relative_to(folder).as_posix() for p in pairing.unpaired] == ["orphan.zh.md", "zh/lonely.txt"]
    listing = tmp_path / "pairs.list"
    listing.write_text("# zh\ten\nc/ga_0.zh.txt\tc/ga_0.en.txt\n", encoding="utf-8")
    assert [(p.name, p.zh.name) for p in read_list(listing).pairs] == [("c/ga_0", "ga_0.zh.txt")]


def test_a_moses_corpus_written_into_the_folder_is_not_read_as_a_pair(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=1)
    first = runner.invoke(app, ["align", str(folder), "-o", str(folder / "out" / "corpus.zh"), "-j", "1"])
    assert first.exit_code == 0, first.stderr
    assert [p.name for p in find_pairs(folder).pairs] == ["A_RES_77_173_0", "ga_0", "udhr_0"]
    assert find_pairs(folder).unpaired == ()


def test_a_file_per_pair_then_up_to_date(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=1)
    out = tmp_path / "out"
    result = runner.invoke(app, ["align", str(folder), "-o", f"{out}/", "--format", "tsv", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.tsv")) == [
        "A_RES_77_173_0.tsv",
        "ga_0.tsv",
        "udhr_0.tsv",
    ]
    assert "3 pair(s) done, 0 failed, 0 skipped" in result.stderr
    again = runner.invoke(app, ["align", str(folder), "-o", f"{out}/", "--format", "tsv", "-j", "1"])
    assert "0 pair(s) done, 0 failed, 3 skipped (up to date)" in again.stderr


def test_a_name_without_extension_is_a_folder_whatever_the_format(tmp_path: Path) -> None:
    """`-o aligned -f tmx`: a TMX per pair in the folder `aligned`, not one corpus TMX named `aligned`."""
    folder = corpus(tmp_path / "c", copies=1)
    out = tmp_path / "aligned"
    result = runner.invoke(app, ["align", str(folder), "-o", str(out), "-f", "tmx", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert out.is_dir()
    assert sorted(p.name for p in out.glob("*.tmx")) == ["A_RES_77_173_0.tmx", "ga_0.tmx", "udhr_0.tmx"]


@pytest.mark.parametrize("output", ["corpus.tmx", "corpus.jsonl", "corpus.zh"])
def test_one_corpus_file_the_same_serially_and_in_a_pool(tmp_path: Path, output: str) -> None:
    folder = corpus(tmp_path / "c")
    made = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs / output
        result = runner.invoke(app, ["align", str(folder), "-o", str(out), "-j", jobs, "--min-score", "0.5"])
        assert result.exit_code == 0, result.stderr
        made[jobs] = sorted((p.name, p.read_bytes()) for p in out.parent.iterdir() if p.is_file())
    assert made["1"] == made["2"]
    if output == "corpus.zh":  # a Moses pair: line-aligned, with ids
        files = dict(made["1"])
        zh, en, ids = (files[f"corpus.{x}"].decode().splitlines() for x in ("zh", "en", "ids"))
        assert len(zh) == len(en) == len(ids) > 200
        assert ids[0].split("\t")[0] == "A_RES_77_173_0" and all(float(i.split("\t")[2]) >= 0.5 for i in ids)


def test_several_corpus_files_from_one_pass_and_the_cache_they_share(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=1)
    out = tmp_path / "out"
    result = runner.invoke(app, ["align", str(folder), "-o", f"{out}/m.tmx", "-o", f"{out}/m.zh", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    assert "3 pair(s) done" in result.stderr
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["m.en", "m.ids", "m.tmx", "m.zh"]
    units = (out / "m.tmx").read_text(encoding="utf-8").count("<tu ")
    assert units == len((out / "m.zh").read_text(encoding="utf-8").splitlines()) > 100
    # each format alone, later, from the pairs already aligned
    alone = runner.invoke(app, ["align", str(folder), "-o", f"{out}/n.jsonl", "-j", "1"])
    assert "0 pair(s) done, 0 failed, 3 skipped (up to date)" in alone.stderr
    assert len((out / "n.jsonl").read_text(encoding="utf-8").splitlines()) >= units
    mixed = runner.invoke(app, ["align", str(folder), "-o", f"{out}/", "-o", f"{out}/m.tmx"])
    assert mixed.exit_code == 2 and "not both" in mixed.stderr


def test_several_formats_from_one_alignment_of_a_pair(tmp_path: Path) -> None:
    args = ["align", str(ARES / "zh.md"), str(ARES / "en.md")]
    result = runner.invoke(app, [*args, "-o", str(tmp_path / "a.tmx"), "-o", str(tmp_path / "a.tsv")])
    assert result.exit_code == 0, result.stderr
    one = runner.invoke(app, [*args, "-o", str(tmp_path / "b.tsv")])
    assert (tmp_path / "a.tsv").read_bytes() == (tmp_path / "b.tsv").read_bytes()
    assert (tmp_path / "a.tmx").read_text(encoding="utf-8").count("<tu ") > 60 and one.exit_code == 0
    both = runner.invoke(
        app, [*args, "-o", str(tmp_path / "c.tmx"), "-o", str(tmp_path / "c.tsv"), "-f", "tsv"]
    )
    assert both.exit_code == 2 and not (tmp_path / "c.tmx").exists()


def test_a_rerun_after_a_kill_finishes_the_corpus(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=4)
    clean = tmp_path / "clean" / "corpus.tmx"
    assert runner.invoke(app, ["align", str(folder), "-o", str(clean), "-j", "1"]).exit_code == 0
    out = tmp_path / "killed" / "corpus.tmx"
    run = subprocess.Popen([sys.executable, "-m", "unterm", "align", str(folder), "-o", str(out), "-j", "1"])
    cache = out.parent / ".unterm.cache"
    deadline = time.time() + 120
    while time.time() < deadline and len(list(cache.glob("*.json"))) < 4:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert not out.exists() and 4 <= len(list(cache.glob("*.json"))) < 12
    result = runner.invoke(app, ["align", str(folder), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    done = len(list(cache.glob("*.json")))
    assert done == 12 and "skipped (up to date)" in result.stderr
    assert out.read_bytes() == clean.read_bytes()
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".part")] == []


def test_bad_pairs_are_reported_and_the_rest_done(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=1)
    (folder / "empty.zh.txt").write_text("", encoding="utf-8")
    (folder / "empty.en.txt").write_text("The General Assembly,", encoding="utf-8")
    (folder / "binary.zh.txt").write_bytes(bytes(range(256)))
    (folder / "binary.en.txt").write_text("The General Assembly,", encoding="utf-8")
    (folder / "swapped.zh.md").write_bytes((ARES / "en.md").read_bytes())
    (folder / "swapped.en.md").write_bytes((ARES / "zh.md").read_bytes())
    (folder / "orphan.en.md").write_bytes((ARES / "en.md").read_bytes())
    out = tmp_path / "corpus.tmx"
    result = runner.invoke(app, ["align", str(folder), "-o", str(out), "-j", "2"])
    assert result.exit_code == 3 and out.exists()
    lines = result.stderr.splitlines()
    assert any(line.startswith("unterm: empty: ") and "the file is empty" in line for line in lines)
    assert any(line.startswith("unterm: binary: ") for line in lines)
    assert any(line.startswith("unterm: swapped: ") and "wrong order" in line for line in lines)
    assert any("orphan.en.md: has no partner" in line for line in lines)
    assert "3 pair(s) done, 3 failed" in lines[-1]


def test_on_a_dask_cluster_the_same_bytes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = corpus(tmp_path / "c")
    serial = tmp_path / "serial.tmx"
    assert runner.invoke(app, ["align", str(folder), "-o", str(serial), "-j", "1"]).exit_code == 0
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        out = tmp_path / "dask.tmx"
        result = runner.invoke(
            app, ["align", str(folder), "-o", str(out), "--scheduler", cluster.scheduler_address]
        )
        assert result.exit_code == 0, result.stderr
    assert out.read_bytes() == serial.read_bytes()


def test_qa_over_a_corpus(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "c", copies=1)
    reports = tmp_path / "reports"
    result = runner.invoke(
        app, ["qa", str(folder), "-o", f"{reports}/", "--format", "json", "--no-consistency", "-j", "2"]
    )
    assert result.exit_code == 1, result.stderr  # A/RES/77/173's real 73/229 error
    assert sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*.json")) == [
        "A_RES_77_173_0.json",
        "ga_0.json",
        "udhr_0.json",
    ]
    table = tmp_path / "findings.csv"
    result = runner.invoke(app, ["qa", str(folder), "-o", str(table), "--no-consistency", "-j", "1"])
    # A/RES/77/173's real 73/229 error; the UDHR's Chinese-only introductory note
    assert result.exit_code == 1 and "2 with findings at or above error" in result.stderr
    rows = table.read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("document,check,severity,")
    errors = [r.split(",")[:3] for r in rows[1:] if ",error," in r]
    assert ["A_RES_77_173_0", "references.mismatch", "error"] in errors
    assert {e[0] for e in errors} == {"A_RES_77_173_0", "udhr_0"}
