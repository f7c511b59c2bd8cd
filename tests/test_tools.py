"""Standard tools see the package as installed: a user's script outside the repository
that imports unterm's types type-checks with plain mypy and with pyright, each finding
the one error the script holds and nothing else (an unresolved import would be another).

`make` installs unterm in setuptools' strict editable mode: a tree of links under
build/__editable__.unterm-*/ named by a plain .pth file, which static tools read as they
read any installed package (the default editable mode's import hook is invisible to them).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """\
from unterm.align.model import Alignment
from unterm.termbase.model import Termbase


def pairs(alignment: Alignment) -> int:
    return len(alignment.pairs)


def entries(termbase: Termbase) -> int:
    return len(termbase.entries)


wrong: int = pairs("not an alignment")
"""
BIN = Path(sys.executable).parent


def _env() -> dict[str, str]:
    """A user's shell with the virtual environment activated, outside the repository."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(BIN.parent)
    return env


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "uses_unterm.py"
    path.write_text(SCRIPT, encoding="utf-8")
    return path


def test_mypy_resolves_unterm_from_outside_the_repository(script: Path) -> None:
    done = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", script.name],
        cwd=script.parent,
        env=_env(),
        capture_output=True,
        text=True,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert errors == [
        'uses_unterm.py:13: error: Argument 1 to "pairs" has incompatible type "str"; expected "Alignment"  [arg-type]'
    ], done.stdout


@pytest.mark.skipif(shutil.which("pyright", path=str(BIN)) is None, reason="pyright is in the test extra")
def test_pyright_resolves_unterm_from_outside_the_repository(script: Path) -> None:
    done = subprocess.run(
        [str(BIN / "pyright"), script.name], cwd=script.parent, env=_env(), capture_output=True, text=True
    )
    errors = [line.strip() for line in done.stdout.splitlines() if " - error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"{script}:13:20 - error: Argument of type"), done.stdout
    assert "reportMissingImports" not in done.stdout and "could not be resolved" not in done.stdout
