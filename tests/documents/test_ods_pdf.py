"""Real PDFs as the UN's Official Document System serves them (corpora/ods_en_pdf), read
against golds written by reading each PDF (tests/expected/ods_pdf): reports of the
Secretary-General, letters with annexes, a meeting record in two columns, the
typewriter era; every paragraph whole, no page furniture in any block, every footnote
with its number and its marker turned into a reference."""

from __future__ import annotations

import pytest

from tests.support.corpora import CORPORA, ROOT
from tests.support.pdf_gold import furniture, measure, read_gold
from unterm.documents.model import BlockKind, Document
from unterm.documents.read import read_document

ODS = CORPORA / "ods_en_pdf"
GOLDS = ROOT / "tests" / "expected" / "ods_pdf"
# file, symbol, pages
CASES = [
    ("S_2013_220", "S/2013/220", 24),
    ("S_2015_246", "S/2015/246", 19),
    ("S_2025_317", "S/2025/317", 13),
    ("A_80_434", "A/80/434-S/2025/632", 5),
    ("S_2025_257", "S/2025/257", 5),
    ("A_80_500", "A/80/500-S/2025/656", 3),
    ("S_PV.4507", "S/PV.4507", 11),
    ("A_49_230", "A/49/230-S/1994/822", 2),
    ("S_1996_112", "S/1996/112", 20),
]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {name: read_document(ODS / f"{name}-EN.pdf") for name, _, _ in CASES}


@pytest.mark.parametrize(("name", "symbol", "pages"), CASES)
def test_every_paragraph_is_read_whole(docs: dict[str, Document], name: str, symbol: str, pages: int) -> None:
    m = measure(docs[name], read_gold(GOLDS / f"{name}.tsv"))
    assert m.whole >= 0.98 * m.total, f"{m.whole}/{m.total} whole; not: {m.missing}"


@pytest.mark.parametrize(("name", "symbol", "pages"), CASES)
def test_no_block_holds_page_furniture(docs: dict[str, Document], name: str, symbol: str, pages: int) -> None:
    assert furniture(docs[name], pages) == []


@pytest.mark.parametrize(("name", "symbol", "pages"), CASES)
def test_every_footnote_is_found_and_cited(
    docs: dict[str, Document], name: str, symbol: str, pages: int
) -> None:
    m = measure(docs[name], read_gold(GOLDS / f"{name}.tsv"))
    assert m.notes_missing == () and m.miscited == ()
    assert all("<sup>" not in b.text for b in docs[name].blocks)


@pytest.mark.parametrize(("name", "symbol", "pages"), CASES)
def test_the_symbol_is_read_from_the_masthead(
    docs: dict[str, Document], name: str, symbol: str, pages: int
) -> None:
    assert docs[name].symbol == symbol


@pytest.mark.parametrize(("name", "symbol", "pages"), CASES)
def test_letters_and_records_read_as_what_they_are(
    docs: dict[str, Document], name: str, symbol: str, pages: int
) -> None:
    """No report, letter or meeting record has preambular paragraphs; speakers' turns and
    signature blocks have their kinds."""
    doc = docs[name]
    m = measure(doc, read_gold(GOLDS / f"{name}.tsv"))
    assert m.kinds_wrong == ()
    assert not any(b.kind is BlockKind.PREAMBULAR for b in doc.blocks)


def test_the_meeting_record_gives_each_speaker_a_turn(docs: dict[str, Document]) -> None:
    doc = docs["S_PV.4507"]
    turns = [b.text.split(":")[0] for b in doc.blocks if b.kind is BlockKind.SPEAKER]
    assert turns[:3] == [
        "The President (spoke in Russian)",
        "Ms. Bertini",
        "Mr. Levitte (France) (spoke in French)",
    ]
    assert len(turns) == 10


def test_an_annex_numbers_its_paragraphs_in_its_own_scope(docs: dict[str, Document]) -> None:
    """The letter's annex numbers points 1 to 11: keyed `annex 1` ... `annex 11`, apart
    from any paragraph of the letter itself."""
    keys = [b.key for b in docs["A_80_434"].blocks if b.kind is BlockKind.OPERATIVE]
    assert keys == [f"annex {n}" for n in range(1, 12)]


def test_a_table_keeps_its_cells_apart(docs: dict[str, Document]) -> None:
    rows = [b.text for b in docs["S_2015_246"].blocks if b.text.startswith(("Pakistan |", "Total |"))]
    assert rows == ["Pakistan | 13 | 0 | 0 | 13", "Total | 179 | 27 | 6 | 212 c"]


def test_a_paragraph_over_a_page_break_is_one(docs: dict[str, Document]) -> None:
    """S/2025/257 paragraph 3 runs from page 1 to page 2 over the page's footnote."""
    para = next(b for b in docs["S_2025_257"].blocks if b.key == "3")
    assert "The Council also asserted that the arms embargo was not to be applied" in para.text
    assert para.text.endswith("military and security institutions.")


def test_the_pdfs_are_the_ones_described() -> None:
    """corpora/ods_en_pdf holds the nine PDFs its SOURCE.txt describes, byte for byte."""
    listed = [
        ln.split("|")[1].strip()
        for ln in (ODS / "SOURCE.txt").read_text().splitlines()
        if ln.startswith("| S_") or ln.startswith("| A_")
    ]
    assert sorted(listed) == sorted(f"{name}-EN.pdf" for name, _, _ in CASES)


def test_a_raised_number_with_no_note_is_an_exponent(docs: dict[str, Document]) -> None:
    """S/2013/220 has no footnotes: its raised 2 is the square of `km`, not a marker."""
    text = " ".join(b.text for b in docs["S_2013_220"].blocks)
    assert "more than 199 km² of land" in text and all(not b.footnotes for b in docs["S_2013_220"].blocks)
