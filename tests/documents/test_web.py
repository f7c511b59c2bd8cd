"""Treaty and web-page text: the UN Charter's chapters I-III as Markdown pages (setext
headings), copied from the web page (headings on lines of their own, full-width indents,
一、二、 list numbers, English numbers lost, blank lines on one side only) and as saved
HTML; A/RES/77/173 as HTML with footnotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import ARES, CHARTER
from tests.support.web import charter_pages
from unterm.documents import lines as ln
from unterm.documents.model import Block, BlockKind, Document
from unterm.documents.read import parse, read_document
from unterm.errors import InputError
from unterm.lang.languages import Lang

FORMS = ["md", "txt", "html"]


def headings(doc: Document) -> list[str]:
    return [b.key for b in doc.blocks if b.kind is BlockKind.HEADING]


def structure(side: str) -> list[tuple[str, str]]:
    """What each Charter block should read as, from the pages themselves: (kind, key)."""
    out = []
    for n, page in enumerate(charter_pages(CHARTER), start=1):
        out.append(("heading", f"chapter {n}"))
        for b, en in zip(page.blocks[side], page.blocks["en"], strict=True):
            if b.heading:
                out.append(("heading", f"article {en.text.split()[-1]}"))
            else:
                out.append(("operative", str(b.number)) if b.number else ("paragraph", ""))
    return out


@pytest.mark.parametrize("form", FORMS)
def test_the_charter_reads_as_its_articles_in_every_form(charter_files: dict[str, Path], form: str) -> None:
    for side in ("zh", "en"):
        doc = read_document(charter_files[f"{side}.{form}"])
        expected = structure(side)
        if side == "en" and form == "txt":  # the web page's list numbers are lost in a copy
            expected = [("paragraph", "") if k == "operative" else (k, key) for k, key in expected]
        got = [(b.kind.value, b.key) for b in doc.blocks]
        assert len(got) == len(expected) == 32
        assert got == expected
        assert headings(doc) == [
            *["chapter 1", "article 1", "article 2"],
            *["chapter 2", "article 3", "article 4", "article 5", "article 6"],
            *["chapter 3", "article 7", "article 8"],
        ]


@pytest.mark.parametrize("form", FORMS)
def test_a_heading_is_never_joined_to_its_text(charter_files: dict[str, Path], form: str) -> None:
    """The fault the Chinese web copy met: `第三条凡曾经…`, one block."""
    doc = read_document(charter_files[f"zh.{form}"])
    for b in doc.blocks:
        if b.kind is BlockKind.HEADING:
            assert b.text in (
                "第一条",
                "第二条",
                "第三条",
                "第四条",
                "第五条",
                "第六条",
                "第七条",
                "第八条",
            ) or b.text.startswith(("第一章：", "第二章：", "第三章："))
    assert next(b.text for b in doc.blocks if b.text.startswith("凡曾经")).endswith(
        "均为联合国之创始会员国。"
    )


def test_the_web_copy_is_chosen_a_layout_from_its_own_evidence(charter_files: dict[str, Path]) -> None:
    """Blank lines before the Chinese headings only, none between its paragraphs: each
    full-width-indented line is a paragraph; the English has a blank line after each."""
    zh = charter_files["zh.txt"].read_text(encoding="utf-8")
    assert "\n\n第三条\n\u3000\u3000凡曾经" in zh and "\n\u3000\u3000一、维持" in zh
    doc = read_document(charter_files["zh.txt"])
    items = [b for b in doc.blocks if b.kind is BlockKind.OPERATIVE]
    assert [b.key for b in items][:4] == ["1", "2", "3", "4"] and items[0].text.startswith(
        "一、维持国际和平及安全"
    )
    assert len(items) == 4 + 7 + 2 + 2


def test_setext_headings_are_not_footnote_rules() -> None:
    """`Article 10` over ten dashes is a heading, though ten dashes alone are the rule
    above a page's footnotes in PDF text."""
    doc = parse("Article 10\n----------\n\nThe text of the article.\n", Lang.EN, markdown=True)
    assert [(b.kind, b.key, b.text) for b in doc.blocks] == [
        (BlockKind.HEADING, "article 10", "Article 10"),
        (BlockKind.PARAGRAPH, "", "The text of the article."),
    ]
    rule = ln.split_lines("the Paris Agreement,1 and\n----------\n1 See A/77/444.\n")
    assert [line.kind for line in rule] == [
        ln.LineKind.TEXT,
        ln.LineKind.RULE,
        ln.LineKind.TEXT,
        ln.LineKind.BLANK,
    ]


@pytest.mark.parametrize(
    ("text", "lang", "key"),
    [
        ("第一章：宗旨及原则", Lang.ZH, "chapter 1"),
        ("第十二章 国际托管制度", Lang.ZH, "chapter 12"),
        ("Chapter IV: The General Assembly", Lang.EN, "chapter 4"),
        ("CHAPTER I, PURPOSES AND PRINCIPLES", Lang.EN, "chapter 1"),
        ("Part II", Lang.EN, "part 2"),
        ("第二部分", Lang.ZH, "part 2"),
        ("Annex", Lang.EN, "annex"),
        ("附件二", Lang.ZH, "annex 2"),
        ("Article 110", Lang.EN, "article 110"),
        ("第一百一十条", Lang.ZH, "article 110"),
        ("Article 1: Use of terms and scope", Lang.EN, "article 1"),
        ("第一条　用语和范围", Lang.ZH, "article 1"),
        ("第 1 条", Lang.ZH, "article 1"),
    ],
)
def test_division_headings_have_keys(text: str, lang: Lang, key: str) -> None:
    blocks = parse(
        f"{text}\n\nThe text.\n" if lang is Lang.EN else f"{text}\n\n正文。\n", lang, markdown=True
    ).blocks
    assert (blocks[0].kind, blocks[0].key) == (BlockKind.HEADING, key)


@pytest.mark.parametrize(
    ("before", "line"),
    [
        ("The Security Council acted under", "Chapter VII of the Charter, as it may."),
        ("as set out in", "Chapter IV, paragraph 3, of the report."),
        ("但此项原则不妨碍", "第七章内执行办法之适用。"),
        (
            "This is without prejudice to the application of",
            "Article 5 of the Convention, as the case may be.",
        ),
        ("依本宪章", "第一百一十条规定而予以批准者，均为联合国之创始会员国。"),
    ],
)
def test_a_line_that_only_begins_with_a_division_continues_its_paragraph(before: str, line: str) -> None:
    lang = Lang.ZH if line.startswith("第") else Lang.EN
    blocks = parse(f"{before}\n{line}\n", lang, markdown=True).blocks
    assert len(blocks) == 1 and blocks[0].key == ""


def test_the_saved_web_page_leaves_out_navigation_scripts_and_the_footer(
    charter_files: dict[str, Path],
) -> None:
    for side, chrome in (
        ("zh", ("首页", "隐私通知", "dataLayer")),
        ("en", ("Home", "Privacy Notice", "dataLayer")),
    ):
        doc = read_document(charter_files[f"{side}.html"])
        assert doc.source_format == "html:markdown"
        assert not [b.text for b in doc.blocks if any(word in b.text for word in chrome)]
    # the English list numbers come from the <ol>, not the text
    en = read_document(charter_files["en.html"])
    assert "<ol>" in charter_files["en.html"].read_text(encoding="utf-8")
    assert [b.key for b in en.blocks if b.kind is BlockKind.OPERATIVE] == [
        *"1234",
        *"1234567",
        *"12",
        *"12",
    ]


def text_of(doc: Document, kind: BlockKind) -> list[Block]:
    return [b for b in doc.blocks if b.kind is kind]


@pytest.mark.parametrize("side", ["zh", "en"])
def test_a_resolution_as_a_web_page_reads_as_its_markdown(ares_html: dict[str, Path], side: str) -> None:
    """Footnote references (`<sup>`, Word's `_ftn` links) and the notes at the page's end
    are the Markdown's; the English operative numbers come from `<ol start>`."""
    page = read_document(ares_html[side])
    md = read_document(ARES / f"{side}.md")
    assert [(b.kind, b.key, b.footnotes) for b in page.blocks if b.kind is not BlockKind.FOOTNOTE] == [
        (b.kind, b.key, b.footnotes) for b in md.blocks if b.kind is not BlockKind.FOOTNOTE
    ]
    assert [(b.key, b.text) for b in text_of(page, BlockKind.FOOTNOTE)] == [
        (b.key, b.text) for b in text_of(md, BlockKind.FOOTNOTE)
    ]
    assert page.symbol == "A/RES/77/173"


def test_a_file_named_html_with_no_markup_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "zh.html"
    path.write_text("第一条\n联合国之宗旨为：\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"zh\.html: is named \.html but holds no HTML markup"):
        read_document(path)


def test_a_web_page_is_told_from_its_content(tmp_path: Path, charter_files: dict[str, Path]) -> None:
    path = tmp_path / "charter.txt"
    path.write_bytes(charter_files["en.html"].read_bytes())
    assert read_document(path).source_format == "html:markdown"


def test_a_list_item_that_prints_its_own_number_is_not_numbered_twice(tmp_path: Path) -> None:
    path = tmp_path / "en.html"
    path.write_text(
        "<html><body><ol><li>1. Mr. Smith reported.</li><li>U.S. delegates spoke.</li></ol>"
        '<ol type="a"><li>(a) As printed;</li><li>as numbered;</li></ol></body></html>',
        encoding="utf-8",
    )
    doc = read_document(path)
    assert [(b.key, b.text) for b in doc.blocks] == [
        ("1", "1. Mr. Smith reported."),
        ("2", "2. U.S. delegates spoke."),
        ("2 (a)", "(a) As printed;"),
        ("2 (b)", "(b) as numbered;"),
    ]


def test_a_web_page_with_no_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "zh.html"
    path.write_text(
        "<!DOCTYPE html><html><head><script>var a = 1;</script></head><body><nav>首页</nav></body></html>"
    )
    with pytest.raises(InputError, match=r"zh\.html: is a web page with no text in it"):
        read_document(path)
