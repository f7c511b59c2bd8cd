"""Reading documents into blocks: kinds, keys, repairs, markup, encodings, bad input."""

from __future__ import annotations

import codecs
from collections import Counter
from pathlib import Path

import pytest

from tests.support.corpora import ARES, CORPORA, write_pdf_text
from unterm.documents.model import BlockKind, Document
from unterm.documents.read import parse, read_document
from unterm.errors import InputError
from unterm.lang.languages import Lang

KINDS = {
    BlockKind.HEADER: 5,
    BlockKind.TITLE: 1,
    BlockKind.CHAPEAU: 1,
    BlockKind.PREAMBULAR: 31,
    BlockKind.HEADING: 4,
    BlockKind.OPERATIVE: 24,
    BlockKind.FOOTNOTE: 7,
    BlockKind.CLOSING: 2,
}


@pytest.fixture(scope="module")
def zh() -> Document:
    return read_document(ARES / "zh.md")


@pytest.fixture(scope="module")
def en() -> Document:
    return read_document(ARES / "en.md")


def text_of(doc: Document, start: str) -> str:
    found = [b.text for b in doc.blocks if b.text.startswith(start)]
    assert len(found) == 1, f"{len(found)} blocks start with {start!r}"
    return found[0]


@pytest.mark.parametrize("side", ["zh", "en"])
@pytest.mark.parametrize(("kind", "count"), KINDS.items())
def test_each_kind_on_the_real_resolution(
    side: str, kind: BlockKind, count: int, zh: Document, en: Document
) -> None:
    doc = zh if side == "zh" else en
    assert Counter(b.kind for b in doc.blocks)[kind] == count
    assert len(doc.blocks) == sum(KINDS.values())


def test_the_resolution_in_order(zh: Document, en: Document) -> None:
    for doc in (zh, en):
        kinds = [b.kind for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE]
        assert kinds[:7] == [BlockKind.HEADER] * 5 + [BlockKind.TITLE, BlockKind.CHAPEAU]
        assert kinds[-2:] == [BlockKind.CLOSING] * 2
        assert [b.key for b in doc.blocks if b.kind is BlockKind.OPERATIVE] == [str(n) for n in range(1, 25)]
        assert [b.key for b in doc.blocks if b.kind is BlockKind.FOOTNOTE] == [str(n) for n in range(1, 8)]
        assert doc.symbol == "A/RES/77/173"
    assert [b.text for b in zh.blocks if b.kind is BlockKind.CLOSING] == ["2022年12月14日", "第53次全体会议"]
    assert [b.text for b in en.blocks if b.kind is BlockKind.CLOSING] == [
        "53rd plenary meeting",
        "14 December 2022",
    ]
    assert next(b for b in zh.blocks if b.kind is BlockKind.TITLE).key == "77/173"
    assert next(b for b in en.blocks if b.kind is BlockKind.CHAPEAU).text == "The General Assembly,"


def test_paragraphs_cut_by_page_breaks_are_joined(zh: Document, en: Document) -> None:
    op9 = next(b for b in zh.blocks if b.key == "9" and b.kind is BlockKind.OPERATIVE)
    assert "减少不平等，促进持久" in op9.text and op9.text.endswith("并保护环境；")
    assert op9.lines == (117, 125)  # across the three footnotes printed between the halves
    assert "该倡议提供了一个全面的多方利益攸关方框架，以利用《新城市议程》" in text_of(
        zh, "欢迎人居署努力共同协调"
    )
    op16 = next(b for b in en.blocks if b.key == "16" and b.kind is BlockKind.OPERATIVE)
    assert op16.text.endswith("the General Assembly and the Economic and Social Council in 2023;")
    assert "Housing and Sustainable Urban Development (Habitat III), held in Quito" in text_of(
        en, "Recalling its resolution 71/256"
    )


def test_a_title_broken_over_two_lines_is_one_block(zh: Document, en: Document) -> None:
    assert zh.blocks[2].text == "后续落实《新城市议程》和加强联合国人类住区规划署(人居署)"
    assert en.blocks[2].text.endswith(
        "strengthening of the United Nations Human Settlements Programme (UN-Habitat)"
    )
    assert (
        zh.blocks[5].text
        == "77/173. 落实联合国人类住区会议及联合国住房和城市可持续发展大会成果与加强联合国人类住区规划署"
    )


def test_markup_is_removed_and_footnote_references_kept(zh: Document, en: Document) -> None:
    for doc in (zh, en):
        for b in doc.blocks:
            assert not any(m in b.text for m in ("**", "<sup>", "](#)", "## ")), b.text
    assert text_of(zh, "欢迎《巴黎协定》").startswith("欢迎《巴黎协定》，鼓励协定所有缔约方")
    assert next(b for b in zh.blocks if b.text.startswith("欢迎《巴黎协定》")).footnotes == (1, 2)
    welcoming = next(b for b in en.blocks if b.text.startswith("Welcoming the Paris Agreement"))
    assert welcoming.footnotes == (1, 2)
    assert welcoming.text.startswith("Welcoming the Paris Agreement, and encouraging")
    assert "Climate Change that have not yet done so" in welcoming.text
    assert [b.footnotes for b in en.blocks if b.kind is BlockKind.OPERATIVE and b.footnotes] == [(6,), (7,)]
    assert next(b for b in zh.blocks if b.key == "1" and b.kind is BlockKind.FOOTNOTE).text == (
        "在《联合国气候变化框架公约》下通过，见 FCCC/CP/2015/10/Add.1，第1/CP.21号决定。"
    )
    bold = next(b for b in zh.blocks if b.text.startswith("又重申其关于《第三次发展筹资问题"))
    assert bold.original.startswith("**又重申**")  # the original keeps its markup


def test_full_width_numbers_and_sub_items_are_keys() -> None:
    doc = read_document(CORPORA / "un_ga_55_100_sample" / "UN.en-zh.zh")
    assert [b.key for b in doc.blocks if b.kind is BlockKind.OPERATIVE] == ["1", "2", "3", "4"]
    assert doc.blocks[-4].text.startswith("1．再次呼吁")
    # operative 5 and its sub-items, numbered the Chinese way, sentences from UNPC DP/2015/16
    text = "5．请执行局：\n（a）就2013年年度评价报告提出评论意见和建议；\n(b) 与全球环境基金(全环基金)共同评价小额赠款方案；\n"
    sub = parse(text, Lang.ZH)
    assert [(b.kind, b.key) for b in sub.blocks] == [
        (BlockKind.OPERATIVE, "5"),
        (BlockKind.SUBITEM, "5 (a)"),
        (BlockKind.SUBITEM, "5 (b)"),
    ]


def test_roman_sub_items_nest_under_letters() -> None:
    text = "1. Requests:\n(a) the first;\n(i) one;\n(ii) two;\n(b) the second;\n(h) eighth;\n(i) ninth;\n"
    keys = [b.key for b in parse(text, Lang.EN).blocks]
    assert keys == ["1", "1 (a)", "1 (a) (i)", "1 (a) (ii)", "1 (b)", "1 (h)", "1 (i)"]


def test_pdf_text_reads_like_the_markdown(tmp_path: Path, zh: Document, en: Document) -> None:
    zh_txt, en_txt = write_pdf_text(tmp_path)
    for md, txt in ((zh, read_document(zh_txt)), (en, read_document(en_txt))):
        assert txt.source_format == "wrapped"

        def body(doc: Document) -> list[tuple[BlockKind, str, tuple[int, ...]]]:
            return [(b.kind, b.key, b.footnotes) for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE]

        def notes(doc: Document) -> list[tuple[str, str]]:
            return sorted((b.key, b.text) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE)

        assert body(txt) == body(md)
        assert notes(txt) == notes(md)  # the same notes, wherever each layout printed them
        assert not any(s in b.text for b in txt.blocks for s in ("22-28633", "Distr.", "A/RES/77/173"))


# --- encodings and bad input ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "bom", "crlf"),
    [
        ("utf-8", b"", False),
        ("utf-8", codecs.BOM_UTF8, True),
        ("utf-16-le", codecs.BOM_UTF16_LE, True),
        ("utf-16-be", codecs.BOM_UTF16_BE, False),
        ("gb18030", b"", True),
        ("gbk", b"", False),
    ],
)
def test_encodings_read_alike(tmp_path: Path, zh: Document, encoding: str, bom: bytes, crlf: bool) -> None:
    text = (ARES / "zh.md").read_text(encoding="utf-8")
    if crlf:
        text = text.replace("\n", "\r\n")
    path = tmp_path / "zh.md"
    path.write_bytes(bom + text.encode(encoding))
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == [b.text for b in zh.blocks]
    assert [b.lines for b in doc.blocks] == [b.lines for b in zh.blocks]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\r\n\t\n", "the file is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a damaged PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "is a damaged ZIP archive"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image, not a text file"),
        (bytes(range(256)) * 8, "is not a text file"),
        (b"\xff\xfe\x00\xd8\x00\xd8", "is not valid UTF-16"),
        ("Это русский текст без китайского и английского.".encode(), "neither Chinese nor English"),
    ],
)
def test_bad_input_names_the_file_and_the_problem(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        read_document(path)
    assert str(err.value).startswith(str(path))


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.md")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "zh.md"
    path.write_text("大会，", encoding="utf-8")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError, match=r"zh\.md: permission denied$"):
        read_document(path)


def test_a_document_without_resolution_structure(udhr_files: dict[str, Path]) -> None:
    """The UDHR: headings with article keys, paragraphs, and a chapeau mid-text."""
    doc = read_document(udhr_files["en.md"])
    kinds = Counter(b.kind for b in doc.blocks)
    assert kinds == {BlockKind.HEADING: 32, BlockKind.PARAGRAPH: 59, BlockKind.CHAPEAU: 1}
    assert [b.key for b in doc.blocks if b.kind is BlockKind.HEADING][2:5] == [
        "article 1",
        "article 2",
        "article 3",
    ]
    assert next(b for b in doc.blocks if b.kind is BlockKind.CHAPEAU).text == "The General Assembly"
    zh = read_document(udhr_files["zh.md"])
    assert [b.key for b in zh.blocks if b.kind is BlockKind.HEADING][-1] == "article 30"
