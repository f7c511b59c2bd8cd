"""Chinese/English PDF pairs in the ODS layout (corpora/ods_zh_typeset) align as their
golds, and no pair runs across a numbered paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import ARES_GOLD, CORPORA, UDHR_GOLD, scored
from unterm.align.paragraphs import align_files
from unterm.documents.model import BlockKind

TYPESET = CORPORA / "ods_zh_typeset"


@pytest.mark.parametrize(("name", "gold"), [("A_RES_77_173", ARES_GOLD), ("UDHR", UDHR_GOLD)])
def test_a_pdf_pair_aligns_as_its_gold(name: str, gold: Path) -> None:
    alignment = align_files(TYPESET / f"{name}-ZH.pdf", TYPESET / f"{name}-EN.pdf")
    assert scored(alignment, gold).f1 >= 0.99
    for pair in alignment.pairs:
        keys = [
            {
                b.key
                for b in (doc.blocks[i] for i in side)
                if b.kind in (BlockKind.OPERATIVE, BlockKind.SUBITEM)
            }
            for doc, side in ((alignment.zh, pair.zh), (alignment.en, pair.en))
        ]
        assert len(keys[0]) <= 1 and keys[0] == keys[1], (pair, keys)
