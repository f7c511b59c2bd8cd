"""Chinese PDFs in the ODS layout (corpora/ods_zh_typeset: the official Chinese text,
typeset as the real English ODS PDFs are; no official Chinese ODS PDF could be had), read
to the measure of the real English ones: every paragraph whole, no furniture in any
block, every footnote with its number and its marker turned into a reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import ARES, CORPORA
from tests.support.ods_layout import udhr_paragraphs_with_headings
from tests.support.pdf_gold import GoldRow, furniture, gold_of_units, measure
from tests.support.render import gold_units
from unterm.documents.model import BlockKind
from unterm.documents.read import read_document

TYPESET = CORPORA / "ods_zh_typeset"
UDHR = CORPORA / "udhr"


def test_the_bundled_pdfs_are_the_ones_the_helper_typesets(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_pdfs", TYPESET / "make_pdfs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for made in module.make(tmp_path):
        assert made.read_bytes() == (TYPESET / made.name).read_bytes(), made.name


def _udhr_gold(side: str) -> list[GoldRow]:
    name = "udhr_cmn_hans.xml" if side == "zh" else "udhr_eng.xml"
    from tests.support.render import Unit

    units = [Unit("para", "", p) for p in udhr_paragraphs_with_headings(UDHR / name)]
    return gold_of_units(units, "\n".join(u.text for u in units))


PAGES = {("A_RES_77_173", "zh"): 6, ("A_RES_77_173", "en"): 8, ("UDHR", "zh"): 5, ("UDHR", "en"): 5}


@pytest.mark.parametrize("side", ["zh", "en"])
@pytest.mark.parametrize("name", ["A_RES_77_173", "UDHR"])
def test_a_pdf_in_the_ods_layout_reads_whole(name: str, side: str) -> None:
    doc = read_document(TYPESET / f"{name}-{side.upper()}.pdf")
    if name == "A_RES_77_173":
        gold = gold_of_units(
            gold_units(ARES / "gold_align.tsv", side), (ARES / f"{side}.md").read_text(encoding="utf-8")
        )
    else:
        gold = _udhr_gold(side)
    m = measure(doc, gold)
    assert m.whole == m.total, m.missing
    assert (m.notes_found, m.notes_missing, m.miscited) == (m.notes, (), ())
    assert furniture(doc, PAGES[(name, side)]) == []
    assert all("<sup>" not in b.text for b in doc.blocks)


def test_the_chinese_footnotes_are_read_from_the_page_foot() -> None:
    """Seven notes at the feet of the pages, each cited by the paragraph that carries its
    raised marker, the marker out of the text (`《巴黎协定》，1` reads `《巴黎协定》，`)."""
    doc = read_document(TYPESET / "A_RES_77_173-ZH.pdf")
    notes = [b.key for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert notes == [str(n) for n in range(1, 8)]
    welcoming = next(b for b in doc.blocks if b.text.startswith("欢迎《巴黎协定》"))
    assert welcoming.footnotes == (1, 2) and welcoming.text.startswith("欢迎《巴黎协定》，鼓励")
    assert doc.symbol == "A/RES/77/173"


def test_a_paragraph_over_a_chinese_page_break_is_one() -> None:
    """Page 1 ends `…住房和城市可持续发展大会(人居` and page 2 opens `三)通过的…`."""
    doc = read_document(TYPESET / "A_RES_77_173-ZH.pdf")
    (cut,) = [b for b in doc.blocks if "大会(人居三)通过的载于上述决议附件的《新城市议程》" in b.text]
    assert cut.text.startswith("回顾其题为“新城市议程”") and cut.kind is BlockKind.PREAMBULAR
