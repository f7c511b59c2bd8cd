"""The wheel a translator installs (README "Install"): built with `python -m build`,
installed by pip alone into a new virtual environment, and run from a folder outside the
repository on the bundled pair. Everything unterm needs at run time (dictionaries, the
UNTERM names, the TBX schemas, the pages' scripts and styles) must be inside it: the
memory and the termbase it writes are byte for byte those of the development install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.support.corpora import ARES, ROOT


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    made = _run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)], ROOT
    )
    assert made.returncode == 0, made.stderr[-2000:]
    (found,) = out.glob("unterm-*-py3-none-any.whl")
    return found


def test_the_wheel_holds_the_package_and_its_data_and_nothing_else(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.startswith(("tests/", "bench/", "unterm/tests/", "unterm/bench/"))]
    for data in (
        "unterm/py.typed",
        "unterm/corpora/unterm_country_names/unterm_countries_zh_en.tsv",
        "unterm/corpora/unpc_v1_devset/derived/word_pairs.tsv",
        "unterm/termbase/schemas/TBXcoreStructV03.rng",
        "unterm/termbase/schemas/TBX-Basic_DCA.sch",
        "unterm/align/review.css",
    ):
        assert data in names
    # the pages' scripts and styles, wherever their package keeps them
    assert {Path(n).suffix for n in names if n.startswith("unterm/")} >= {".py", ".js", ".css"}


def test_pip_installs_it_into_a_new_environment_and_it_runs_outside_the_repository(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    installed = _run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path, clean
    )
    assert installed.returncode == 0, installed.stderr[-2000:]

    work = tmp_path / "work"
    work.mkdir()
    for side in ("zh.md", "en.md"):
        shutil.copy(ARES / side, work / side)
    unterm = str(bin_dir / "unterm")
    runs = [
        ([unterm, "align", "zh.md", "en.md", "-o", "a.tmx"], 0),
        ([unterm, "terms", "zh.md", "en.md", "-o", "t.tbx"], 0),
        ([unterm, "qa", "zh.md", "en.md", "-o", "q.html"], 1),  # the pair's one real error, 73/229
    ]
    for args, status in runs:
        done = _run(args, work, clean)
        assert done.returncode == status, done.stderr
        assert "Traceback" not in done.stderr

    # the same outputs the development install writes
    here = tmp_path / "here"
    here.mkdir()
    for args, _ in runs[:2]:
        done = _run([sys.executable, "-m", "unterm", *args[1:-1], str(here / args[-1])], work)
        assert done.returncode == 0, done.stderr
        assert (here / args[-1]).read_bytes() == (work / args[-1]).read_bytes()
    page = (work / "q.html").read_text(encoding="utf-8")
    assert "73/229" in page and "<script" in page and "<style" in page
