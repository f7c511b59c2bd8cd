"""Terms over a corpus (batch.mining): the same termbase as mining the same pairs in
memory, however the segments are cut into chunks and whoever runs the passes (serially,
a process pool, a Dask cluster); a rerun aligns only the pairs not done; bad pairs are
reported and the rest mined."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import unterm
from tests.support.corpora import ARES, CORPORA, UDHR
from tests.support.render import udhr_paragraphs
from unterm.batch.mining import Options, cache_folder, mine_corpus
from unterm.batch.pairs import find_pairs
from unterm.batch.run import Progress
from unterm.cli import app
from unterm.termbase.mine import mine_alignments
from unterm.termbase.model import Termbase

GA = CORPORA / "un_ga_55_100_sample"
runner = CliRunner()


def corpus(folder: Path) -> Path:
    """Real pairs of three kinds, A/RES/77/173 twice (its texts are one piece of evidence)."""
    for k in range(2):
        (folder / f"ares_{k}.zh.md").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"ares_{k}.zh.md").write_bytes((ARES / "zh.md").read_bytes())
        (folder / f"ares_{k}.en.md").write_bytes((ARES / "en.md").read_bytes())
    (folder / "ga.zh.txt").write_bytes((GA / "UN.en-zh.zh").read_bytes())
    (folder / "ga.en.txt").write_bytes((GA / "UN.en-zh.en").read_bytes())
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        (folder / f"udhr.{side}.txt").write_text("\n".join(udhr_paragraphs(UDHR / name)), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def in_memory(folder: Path) -> Termbase:
    pairs = find_pairs(folder).pairs
    return mine_alignments([unterm.align(p.zh, p.en) for p in pairs])


def mined(folder: Path, out: Path | None, options: Options) -> tuple[Termbase, Progress]:
    pairs = find_pairs(folder).pairs
    progress = Progress(len(pairs), quiet=True)
    termbase, failures = mine_corpus(pairs, out, options, progress)
    assert failures == [] and termbase is not None
    return termbase, progress


def test_the_same_termbase_as_in_memory_in_chunks_and_in_a_pool(
    folder: Path, in_memory: Termbase, tmp_path: Path
) -> None:
    assert len(in_memory.entries) > 100
    # chunks of 97 segments: the counts, links and spans of many chunks merged
    termbase, _ = mined(folder, tmp_path / "t.tbx", Options(workers=2, chunk=97))
    assert termbase == in_memory


def test_a_rerun_aligns_only_the_pairs_not_done(folder: Path, in_memory: Termbase, tmp_path: Path) -> None:
    out = tmp_path / "t.tbx"
    first, progress = mined(folder, out, Options(chunk=500))
    assert first == in_memory and progress.skipped == 0
    cache = cache_folder(out)
    assert cache is not None
    kept = sorted(cache.glob("*.terms.json"))
    assert len(kept) == 4
    # as after a kill: one pair's segments lost, another's input changed since
    kept[0].unlink()
    os.utime(folder / "ga.zh.txt")
    again, progress = mined(folder, out, Options(chunk=500))
    assert again == in_memory and progress.skipped == 2 and progress.done == 4
    forced, progress = mined(folder, out, Options(chunk=500, force=True))
    assert forced == in_memory and progress.skipped == 0


def test_on_a_dask_cluster_the_same_termbase(folder: Path, in_memory: Termbase, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        termbase, _ = mined(
            folder, tmp_path / "t.tbx", Options(scheduler=cluster.scheduler_address, chunk=400)
        )
    assert termbase == in_memory


def test_unterm_terms_over_a_folder_reports_bad_pairs_and_mines_the_rest(
    folder: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "c"
    shutil.copytree(folder, bad)
    (bad / "empty.zh.txt").write_text("", encoding="utf-8")
    (bad / "empty.en.txt").write_text("The General Assembly,", encoding="utf-8")
    (bad / "binary.zh.txt").write_bytes(bytes(range(256)))
    (bad / "binary.en.txt").write_text("The General Assembly,", encoding="utf-8")
    (bad / "orphan.en.md").write_bytes((ARES / "en.md").read_bytes())
    out = tmp_path / "t.csv"
    result = runner.invoke(app, ["terms", str(bad), "-o", str(out), "-j", "2"])
    assert result.exit_code == 3 and out.exists()
    lines = result.stderr.splitlines()
    assert any(line.startswith("unterm: empty: ") and "empty.zh.txt" in line for line in lines)
    assert any(line.startswith("unterm: binary: ") and "binary.zh.txt" in line for line in lines)
    assert any("orphan.en.md: has no partner" in line for line in lines)
    assert any("4 pair(s) done, 2 failed" in line for line in lines)
    # the same termbase as the good pairs alone give, through the --dir alias
    alone = tmp_path / "alone.csv"
    result = runner.invoke(app, ["terms", "--dir", str(folder), "-o", str(alone), "-j", "1", "--quiet"])
    assert result.exit_code == 0 and result.stderr == ""
    # the documents are named by their paths where they have no symbol
    assert out.read_text(encoding="utf-8").replace(str(bad), str(folder)) == alone.read_text(encoding="utf-8")
