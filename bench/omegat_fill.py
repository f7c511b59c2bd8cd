"""How many of a CAT tool's segments a sentence memory fills: OmegaT (the Debian package,
run headless) with its default settings, sentence segmentation on, the English document
as source and unterm's sentence TMX in tm/auto, for each bundled document; the memory
made with unterm's own sentences (`--level sentence`) and with OmegaT's rules (`--srx
omegat`). OmegaT's own statistics count the segments it left untranslated
(omegat/project_stats.txt, `Remaining`). The same runs are a test
(tests/align/test_srx.py::test_sentence_tmx_fills_omegat_segments).

usage: python -m bench.omegat_fill
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import unterm
from tests.support import omegat
from unterm.files import write


def main() -> None:
    if not omegat.installed():
        sys.exit("OmegaT is not installed (Debian package omegat)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        docs = omegat.documents(folder / "documents")
        print("document\tsegments\tfilled, unterm's sentences\tfilled, --srx omegat")
        for name, (zh, en) in docs.items():
            source = [r.en for r in unterm.align(zh, en) if r.en]
            cells = []
            for k, srx in enumerate((None, "omegat")):
                memory = folder / f"{k}" / "memory.tmx"
                memory.parent.mkdir()
                write(unterm.align(zh, en, level="sentence", srx=srx), memory)
                run = omegat.translate(folder / f"{k}", source, memory)
                cells.append(f"{run.filled} ({100 * run.filled / run.total:.1f}%)")
                total = run.total
            print(f"{name}\t{total}\t{cells[0]}\t{cells[1]}")
            for k in (0, 1):
                shutil.rmtree(folder / f"{k}")


if __name__ == "__main__":
    main()
