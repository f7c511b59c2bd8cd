"""The architecture holds: each layer imports only the layers below it (the contract in
pyproject.toml), and importing unterm loads no model, dictionary or data library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.corpora import ROOT


def test_the_layers_contract_is_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_importing_unterm_loads_nothing_heavy() -> None:
    code = (
        "import sys, unterm; "
        "print(' '.join(m for m in ('jieba', 'pandas', 'sentencepiece', 'lxml', 'pypdf', 'pypdfium2', 'docx', 'cn2an') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout + result.stderr
