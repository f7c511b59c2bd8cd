"""What real PDF text extractors give, read as the paragraphs and footnotes it holds:
A/RES/77/173 typeset as a PDF with superscript markers (corpora/A_RES_77_173_pdf_text)
and its text as pypdf and `pdftotext -raw` extract it; a 2001 draft resolution as an
extractor gave it (corpora/mnbvc_linebreak_gold_en/453500.txt, no footnote texts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import ARES, MNBVC_TEXT, PDF_TEXT
from tests.support.render import gold_units
from tests.support.typeset import extract_pypdf, resolution_pdf
from unterm.align.evaluate import norm
from unterm.documents import markup
from unterm.documents.model import BlockKind, Document
from unterm.documents.read import parse, read_document
from unterm.lang.languages import Lang

EXTRACTED = ["zh.pdf", "zh.pdftotext.txt", "en.pdf", "en.pdftotext.txt", "en.txt"]


@pytest.fixture(scope="module")
def markdown() -> dict[str, Document]:
    return {side: read_document(ARES / f"{side}.md") for side in ("zh", "en")}


def test_the_extractors_give_the_artefacts_translators_meet() -> None:
    """Markers glued to a closing bracket, a comma or a year; the rest of a printed line
    after a raised marker on a line of its own (pdftotext -raw); markers glued to the
    next word too, and a note's number to its text (pypdf)."""
    raw = (PDF_TEXT / "zh.pdftotext.txt").read_text(encoding="utf-8")
    assert "欢迎《巴黎协定》，1\n鼓励协定" in raw and "《联合国气候变化框架公约》2\n缔约方" in raw
    assert "可持续城市发展战略，4\n作为联合\n国通过" in raw  # the printed line's rest, then the next line
    assert "9. 重申《新城市议程》7\n" in raw
    en_raw = (PDF_TEXT / "en.pdftotext.txt").read_text(encoding="utf-8")
    assert "Disaster Risk Reduction 2015–20303\ncan contribute" in en_raw
    pypdf = extract_pypdf(PDF_TEXT / "zh.pdf")
    assert "《巴黎协定》，1 鼓励" in pypdf and "\n1在《联合国气候变化框架公约》下通过" in pypdf
    assert "2015–20303 can" in extract_pypdf(PDF_TEXT / "en.pdf")


def test_the_bundled_pdf_is_the_one_the_helper_typesets(tmp_path: Path) -> None:
    pdf = tmp_path / "zh.pdf"
    resolution_pdf(
        gold_units(ARES / "gold_align.tsv", "zh"), (ARES / "zh.md").read_text(encoding="utf-8"), pdf, zh=True
    )
    assert extract_pypdf(pdf) == extract_pypdf(PDF_TEXT / "zh.pdf")


@pytest.mark.parametrize("name", EXTRACTED)
def test_pdf_text_reads_as_the_markdown(name: str, markdown: dict[str, Document]) -> None:
    """Every paragraph whole, with the same kind, key and footnote references as the
    Markdown, its markers out of the text; every footnote with its number."""
    doc = read_document(PDF_TEXT / name)
    md = markdown[name[:2]]
    body = [b for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE]
    md_body = [b for b in md.blocks if b.kind is not BlockKind.FOOTNOTE]
    assert [(b.kind, b.key, b.footnotes) for b in body] == [(b.kind, b.key, b.footnotes) for b in md_body]
    assert [norm(b.text) for b in body] == [norm(b.text) for b in md_body]
    notes = sorted((int(b.key), norm(b.text)) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE)
    assert notes == sorted((int(b.key), norm(b.text)) for b in md.blocks if b.kind is BlockKind.FOOTNOTE)


def test_a_space_a_line_end_swallowed_is_put_back_as_the_document_writes() -> None:
    """`委员会` / `2021 年`: the Chinese spaces digits, so the joined line does too."""
    doc = read_document(PDF_TEXT / "zh.pdftotext.txt")
    assert "人居署常驻代表委员会 2021 年 7 月召集的" in "".join(b.text for b in doc.blocks)


@pytest.fixture(scope="module")
def draft() -> Document:
    return read_document(MNBVC_TEXT)


def test_markers_of_a_document_without_its_footnotes(draft: Document) -> None:
    """No footnote texts came with the extraction: the markers are told by their
    sequence (1 to 9 rising), then where they are cited again (8, 1, 9)."""
    cited = [(b.kind, b.key, b.footnotes) for b in draft.blocks if b.footnotes]
    assert cited == [
        (BlockKind.PREAMBULAR, "", (1,)),
        (BlockKind.PREAMBULAR, "", (2, 3)),
        (BlockKind.PREAMBULAR, "", (4, 5)),
        (BlockKind.PREAMBULAR, "", (6, 7)),
        (BlockKind.PREAMBULAR, "", (8,)),
        (BlockKind.PREAMBULAR, "", (9,)),
        (BlockKind.OPERATIVE, "1", (8,)),
        (BlockKind.OPERATIVE, "2", (1,)),
        (BlockKind.OPERATIVE, "24", (9,)),
    ]
    text = " ".join(b.text for b in draft.blocks)
    for clean in (
        "the Vienna Declaration and Programme of Action, reaffirmed",
        "endorsed the Brussels Declaration and Programme of Action",
        "for the Decade 2001-2010, adopted",
        "United Nations Millennium Declaration and other",
    ):
        assert clean in text


@pytest.mark.parametrize(
    "rest",
    [
        "and emphasizes the need to continue deliberations",  # after `Development,8`
        "it should now be possible to reach consensus",  # after `Action,1`
        "and the follow-up thereto, in elaborating",  # after `2000,9`
    ],
)
def test_the_rest_of_a_line_after_a_marker_continues_its_paragraph(draft: Document, rest: str) -> None:
    holder = [b for b in draft.blocks if rest in b.text]
    assert len(holder) == 1 and holder[0].kind is BlockKind.OPERATIVE


def test_the_chinese_example_of_a_line_broken_after_a_marker() -> None:
    """The issue's own lines: `…科托努战略》，7` / `这是一项由最不发达国家掌控和主导` /
    `的倡议；` is one paragraph, citing note 7, among full wrapped lines (a page of them,
    its note at its foot)."""
    width = "欢迎最不发达国家在执行工作中发挥的领导作用，包括为此通过了最不发达国家"
    text = (
        f"{width}\n{width}\n又欢迎最不发达国家通过的《科托努战略》，7\n这是一项由最不发达国家掌控和主导\n的倡议；\n"
        f"{width}\n{width}\n{width}\n又回顾其各项相关决议，\n__________________\n7 A/CONF.191/11。\n"
    )
    blocks = parse(text, Lang.ZH).blocks
    holder = next(b for b in blocks if "科托努战略" in b.text)
    assert holder.text.endswith("《科托努战略》，这是一项由最不发达国家掌控和主导的倡议；")
    assert holder.footnotes == (7,)


@pytest.mark.parametrize(
    ("text", "notes", "clean", "cited"),
    [
        ("注意到秘书长的报告；6", {6}, "注意到秘书长的报告；", (6,)),
        ("《伊斯坦布尔行动纲领》2", {2}, "《伊斯坦布尔行动纲领》", (2,)),
        ("《宣言》8", {8}, "《宣言》", (8,)),
        ("the report of the Secretary-General;6", {6}, "the report of the Secretary-General;", (6,)),
        ("the Millennium Declaration8 and", {8}, "the Millennium Declaration and", (8,)),
        ("the Decade 2001-20107 adopted", {7}, "the Decade 2001-2010 adopted", (7,)),
        ("欢迎《巴黎协定》，1鼓励", {1}, "欢迎《巴黎协定》，鼓励", (1,)),
        ("Goal 11 and the 2030 Agenda", {1}, "Goal 11 and the 2030 Agenda", ()),
        ("联合国，《条约汇编》，第1771卷", {1}, "联合国，《条约汇编》，第1771卷", ()),
        ("共有87个会员国", {87}, "共有87个会员国", ()),
    ],
)
def test_a_bare_marker_is_data_where_the_document_has_that_note(
    text: str, notes: set[int], clean: str, cited: tuple[int, ...]
) -> None:
    lang = Lang.EN if text.isascii() else Lang.ZH
    (found,) = markup.choose_markers([markup.prepare(text)], notes)
    assert markup.clean(text, lang, [], found) == (clean, cited)


def test_a_lone_number_without_a_note_or_a_sequence_is_text() -> None:
    """`Agreement,3` is no marker in a document that has no note 3 and cites no 2 or 4."""
    assert markup.choose_markers([markup.prepare("the Agreement,3 and")], set()) == [[]]
    assert markup.choose_markers([markup.prepare("paragraphs 5,6 and 7")], set()) == [[]]
