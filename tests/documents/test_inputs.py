"""Word and PDF inputs, and telling a file's kind from its content.

The .docx and .pdf files are made by the tests from A/RES/77/173's gold units (python-docx
for Word, with real footnotes and list numbering; reportlab for PDF, from the PDF-text
rendering), then read back by unterm as a user's file would be.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.corpora import ARES, ARES_GOLD, CORPORA, scored, write_pdf_text
from tests.support.render import gold_units, render_docx, render_pdf
from unterm.align.paragraphs import align_files
from unterm.documents.docx import docx_text, format_number
from unterm.documents.model import BlockKind
from unterm.documents.read import read_document
from unterm.errors import InputError


@pytest.fixture(scope="module")
def word_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("docx")
    out = []
    for side in ("zh", "en"):
        path = folder / f"{side}.docx"
        render_docx(
            gold_units(ARES_GOLD, side),
            (ARES / f"{side}.md").read_text(encoding="utf-8"),
            path,
            zh=side == "zh",
        )
        out.append(path)
    return out[0], out[1]


def test_word_files_align_as_the_gold(word_pair: tuple[Path, Path]) -> None:
    alignment = align_files(*word_pair)
    assert scored(alignment, ARES_GOLD).f1 == 1.0
    assert alignment.zh.source_format.startswith("docx") and alignment.en.encoding == "docx"


def test_word_list_numbers_become_keys(word_pair: tuple[Path, Path]) -> None:
    """The operative paragraphs carry no digits in their text: Word numbers them."""
    with zipfile.ZipFile(word_pair[1]) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "Looks forward to" in body and "1. Looks forward" not in body
    doc = read_document(word_pair[1])
    keys = [b.key for b in doc.blocks if b.kind is BlockKind.OPERATIVE]
    assert keys == [str(n) for n in range(1, 25)]


def test_word_footnotes_are_tied_to_their_references(word_pair: tuple[Path, Path]) -> None:
    for path, md in zip(word_pair, (ARES / "zh.md", ARES / "en.md"), strict=True):
        doc, ref = read_document(path), read_document(md)
        assert [(b.key, b.text) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE] == [
            (b.key, b.text) for b in ref.blocks if b.kind is BlockKind.FOOTNOTE
        ]
        cited = {b.footnotes for b in doc.blocks if b.footnotes}
        assert cited == {b.footnotes for b in ref.blocks if b.footnotes}


def _word(folder: Path, name: str, build) -> Path:  # type: ignore[no-untyped-def]
    import docx

    document = docx.Document()
    build(document)
    path = folder / name
    document.save(str(path))
    return path


def _numbered(paragraph, num_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(num)
    props.append(num_pr)


def _list_definition(document, formats: list[tuple[str, str]]) -> int:  # type: ignore[no-untyped-def]
    """A numbering definition with the given (numFmt, lvlText) per level; its numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for k, (fmt, text) in enumerate(formats)
    )
    numbering.insert(0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return 90


def test_word_sub_items_and_chinese_list_formats(tmp_path: Path) -> None:
    """Sub-items lettered by Word (`(a)`), under a number, restarting under the next."""

    def build(document) -> None:  # type: ignore[no-untyped-def]
        num = _list_definition(document, [("decimal", "%1."), ("lowerLetter", "(%2)")])
        document.add_paragraph("The General Assembly,")
        for text, level in [
            ("Requests the Secretary-General:", 0),
            ("To report on the implementation of the present resolution;", 1),
            ("To include in that report recommendations;", 1),
            ("Decides to remain seized of the matter.", 0),
            ("Welcomes the work of the Commission;", 1),
        ]:
            _numbered(document.add_paragraph(text), num, level)

    doc = read_document(_word(tmp_path, "en.docx", build))
    assert [(b.kind.value, b.key) for b in doc.blocks] == [
        ("chapeau", ""),
        ("operative", "1"),
        ("subitem", "1 (a)"),
        ("subitem", "1 (b)"),
        ("operative", "2"),
        ("subitem", "2 (a)"),
    ]
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 24)] == ["一", "十", "十一", "二十四"]
    assert [
        format_number(n, f) for n, f in ((4, "lowerRoman"), (27, "lowerLetter"), (12, "decimalFullWidth"))
    ] == [
        "iv",
        "aa",
        "１２",
    ]


def test_word_tables_are_read_row_by_row(tmp_path: Path) -> None:
    """The SDG goals as a two-column table (number, goal) in each language."""
    import csv

    with open(CORPORA / "sdg_framework" / "derived" / "global_goals_en_zh.tsv", encoding="utf-8") as f:
        goals = list(csv.DictReader(f, delimiter="\t"))
    paths = []
    for side in ("zh", "en"):

        def build(document, side: str = side) -> None:  # type: ignore[no-untyped-def]
            document.add_paragraph("可持续发展目标" if side == "zh" else "Sustainable Development Goals")
            table = document.add_table(rows=0, cols=2)
            for goal in goals:
                cells = table.add_row().cells
                cells[0].text = goal["key"].split("-")[0]
                cells[1].text = goal[side]

        paths.append(_word(tmp_path, f"{side}.docx", build))
    text, _ = docx_text(paths[1].read_bytes(), "en.docx")
    assert f"1 | {goals[0]['en']}" in text.split("\n\n")
    alignment = align_files(*paths)
    rows = [
        (alignment.text(p, alignment.zh.lang), alignment.text(p, alignment.en.lang)) for p in alignment.pairs
    ]
    assert rows[1:] == [
        (f"{g['key'].split('-')[0]} | {g['zh']}", f"{g['key'].split('-')[0]} | {g['en']}") for g in goals
    ]


@pytest.mark.parametrize("seed", [0, 3])
def test_pdf_files_read_as_their_text(tmp_path: Path, seed: int) -> None:
    """A PDF made from the PDF-text rendering gives the same blocks as that text."""
    texts = write_pdf_text(tmp_path, seed=seed, hyphenate=True)
    pdfs = []
    for text in texts:
        pdf = text.with_suffix(".pdf")
        render_pdf(text.read_text(encoding="utf-8"), pdf, zh=text.stem == "zh")
        pdfs.append(pdf)
        from_text, from_pdf = read_document(text), read_document(pdf)
        assert [(b.kind, b.key, b.text, b.footnotes) for b in from_pdf.blocks] == [
            (b.kind, b.key, b.text, b.footnotes) for b in from_text.blocks
        ]
    alignment = align_files(*pdfs)
    assert scored(alignment, ARES_GOLD).f1 == 1.0
    assert alignment.zh.source_format == "pdf:wrapped"


def test_the_kind_is_told_from_the_content(tmp_path: Path, word_pair: tuple[Path, Path]) -> None:
    """A Word file named .txt is read as Word; a text file named .docx is refused."""
    renamed = tmp_path / "en.txt"
    shutil.copy(word_pair[1], renamed)
    assert read_document(renamed).source_format.startswith("docx")
    fake = tmp_path / "en.docx"
    fake.write_text("The General Assembly,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"is named \.docx but is not a Word document"):
        read_document(fake)
    fake_pdf = tmp_path / "en.pdf"
    fake_pdf.write_text("The General Assembly,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"is named \.pdf but is not a PDF"):
        read_document(fake_pdf)


def _password_pdf(path: Path) -> Path:
    render_pdf("The General Assembly,\nRecalling its resolution 71/256,\n", path, zh=False, password="secret")
    return path


def _image_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.rect(40, 400, 300, 300, fill=1)  # a page with a picture and no text, as a scan is
    c.showPage()
    c.save()
    return path


def _corrupt_docx(path: Path, word: Path) -> Path:
    path.write_bytes(word.read_bytes()[:3000])  # cut short, as an interrupted download
    return path


def _zip_not_docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("content.xml", "<office/>")
    return path


def _encrypted_office(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # an OLE container
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d, w: _password_pdf(d / "zh.pdf"), "is password-protected"),
        (lambda d, w: _image_pdf(d / "zh.pdf"), "has no text layer (a scanned image?): run OCR on it first"),
        (lambda d, w: _corrupt_docx(d / "zh.docx", w), "is a damaged Word file"),
        (lambda d, w: _zip_not_docx(d / "zh.docx"), "is a ZIP archive but not a Word document"),
        (lambda d, w: _encrypted_office(d / "zh.docx"), "is an encrypted (password-protected) or old-format"),
    ],
)
def test_bad_word_and_pdf_files(tmp_path: Path, word_pair: tuple[Path, Path], make, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = make(tmp_path, word_pair[0])
    with pytest.raises(InputError) as err:
        align_files(bad, word_pair[1])
    assert str(err.value).startswith(f"{bad}: ") and message in str(err.value)
    assert "\n" not in str(err.value)
    # and through the command: one line, status 1, no output file
    from typer.testing import CliRunner

    from cli import app

    out = tmp_path / "a.tmx"
    result = CliRunner().invoke(app, ["align", str(bad), str(word_pair[1]), "-o", str(out)])
    assert result.exit_code == 3 and result.stderr == f"unterm: {err.value}\n"
    assert not out.exists()


def test_mixed_up_languages(word_pair: tuple[Path, Path]) -> None:
    with pytest.raises(InputError, match="wrong order"):
        align_files(word_pair[1], word_pair[0])
    with pytest.raises(InputError, match="must be the Chinese version"):
        align_files(word_pair[1], word_pair[1])


def _patched(word: Path, out: Path, part: str, edit: Callable[[str], str]) -> Path:
    """A copy of a Word file with one part of its package rewritten."""
    with zipfile.ZipFile(word) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == part:
                changed = edit(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), f"the edit left {part} unchanged"
                data = changed.encode("utf-8")
            target.writestr(name, data)
    return out


@pytest.mark.parametrize(
    ("part", "edit", "message"),
    [
        (
            "word/footnotes.xml",
            lambda x: x.replace("</w:footnotes>", "<w:footnote"),
            "is a damaged Word file",
        ),
        ("word/numbering.xml", lambda x: x.replace('<w:lvl w:ilvl="0">', '<w:lvl w:ilvl="x">'), None),
        ("word/numbering.xml", lambda x: x.replace('<w:start w:val="1"/>', '<w:start w:val="one"/>'), None),
    ],
)
def test_malformed_word_parts(
    tmp_path: Path, word_pair: tuple[Path, Path], part: str, edit: Callable[[str], str], message: str | None
) -> None:
    """A part python-docx does not check is malformed: one line naming the file, or a
    reading that falls back to Word's default (level 0, start 1), never a crash."""
    bad = _patched(word_pair[0], tmp_path / "zh.docx", part, edit)
    if message is None:
        assert len(read_document(bad).blocks) == len(read_document(word_pair[0]).blocks)
        return
    with pytest.raises(InputError) as err:
        read_document(bad)
    assert str(err.value).startswith(f"{bad}: {message}") and "\n" not in str(err.value)


@pytest.mark.parametrize(("start", "fmt"), [("2000000000", "lowerRoman"), ("100000000000", "lowerLetter")])
def test_absurd_list_starts_are_capped_and_noted(
    tmp_path: Path, word_pair: tuple[Path, Path], start: str, fmt: str
) -> None:
    def edit(xml: str) -> str:
        return xml.replace(
            '<w:start w:val="1"/><w:numFmt w:val="decimal"/>',
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>',
        )

    bad = _patched(word_pair[0], tmp_path / "zh.docx", "word/numbering.xml", edit)
    document = read_document(bad)  # seconds and kilobytes, not minutes and gigabytes
    assert document.notes == (f"list numbering starts at {start}: counted from 9999 instead",)
    untouched = read_document(word_pair[0])
    assert len(document.blocks) == len(untouched.blocks)
    # each numbered paragraph carries a capped label: 9 `m`s for 9999, 385 letters at most
    longer = [
        len(a.original) - len(b.original) for a, b in zip(document.blocks, untouched.blocks, strict=True)
    ]
    assert max(longer) > 0 and all(d <= 400 for d in longer)
