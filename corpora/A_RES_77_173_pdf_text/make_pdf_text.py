"""Make this folder's files from ../A_RES_77_173 (run from the repository root):
`python corpora/A_RES_77_173_pdf_text/make_pdf_text.py`.

- zh.pdf, en.pdf: each side of A/RES/77/173 typeset as a PDF (tests/support/typeset.py:
  reportlab, footnote markers as superscript text runs, footnotes at the foot of each page,
  masthead, running symbol, page and job numbers, first lines indented);
- zh.pdftotext.txt, en.pdftotext.txt: their text as poppler's `pdftotext -raw` gives it
  (a raised marker ends its line: `…《巴黎协定》，1` / `鼓励协定…`), where pdftotext is
  installed;
- en.txt: the English one paragraph a line, markers glued as bare digits.

Deterministic: reportlab writes with `invariant=1`; nothing depends on the date.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.render import gold_units  # noqa: E402
from tests.support.typeset import extract_pdftotext, one_paragraph_a_line, resolution_pdf  # noqa: E402

SOURCE = ROOT / "corpora" / "A_RES_77_173"
HERE = Path(__file__).resolve().parent


def main() -> None:
    for side in ("zh", "en"):
        units = gold_units(SOURCE / "gold_align.tsv", side)
        markdown = (SOURCE / f"{side}.md").read_text(encoding="utf-8")
        resolution_pdf(units, markdown, HERE / f"{side}.pdf", zh=side == "zh")
        if shutil.which("pdftotext"):
            text = extract_pdftotext(HERE / f"{side}.pdf", "-raw")
            (HERE / f"{side}.pdftotext.txt").write_text(text, encoding="utf-8")
        if side == "en":
            (HERE / "en.txt").write_text(one_paragraph_a_line(units, markdown), encoding="utf-8")


if __name__ == "__main__":
    main()
