"""Make this folder's PDFs (run from the repository root):
`python corpora/ods_zh_typeset/make_pdfs.py`.

Two Chinese/English pairs typeset in the layout of the real ODS PDFs of ../ods_en_pdf
(tests/support/ods_layout.py): A/RES/77/173 from ../A_RES_77_173 (its footnotes at the
page foot, markers raised) and the Universal Declaration of Human Rights from ../udhr
(article headings, numbered paragraphs). Deterministic: reportlab writes with
`invariant=1`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.support.ods_layout import (  # noqa: E402
    ARES_HEAD,
    UDHR_HEAD,
    ods_pdf,
    resolution_ods_pdf,
    udhr_paragraphs_with_headings,
)
from tests.support.render import gold_units  # noqa: E402

ARES = ROOT / "corpora" / "A_RES_77_173"
UDHR = ROOT / "corpora" / "udhr"
HERE = Path(__file__).resolve().parent


def make(folder: Path = HERE) -> list[Path]:
    """Typeset the four PDFs into folder; their paths."""
    out = []
    for side in ("zh", "en"):
        path = folder / f"A_RES_77_173-{side.upper()}.pdf"
        units = gold_units(ARES / "gold_align.tsv", side)
        resolution_ods_pdf(
            units, (ARES / f"{side}.md").read_text(encoding="utf-8"), path, zh=side == "zh", head=ARES_HEAD
        )
        out.append(path)
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        path = folder / f"UDHR-{side.upper()}.pdf"
        body = udhr_paragraphs_with_headings(UDHR / name)
        pages = ods_pdf(body, {}, path, zh=side == "zh", head=UDHR_HEAD)
        ods_pdf(body, {}, path, zh=side == "zh", head=UDHR_HEAD, total=pages)
        out.append(path)
    return out


if __name__ == "__main__":
    for p in make():
        print(p.relative_to(ROOT))
