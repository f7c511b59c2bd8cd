"""Real documents as translators get them, aligned against their gold: the UN Charter's
chapters I-III (Markdown pages, web-page copy, saved HTML), A/RES/77/173 as a PDF and as
PDF text (pypdf, pdftotext) against its English one paragraph a line, and as web pages;
no pair crosses an article or a numbered paragraph; and a block left without a
counterpart says how sure the aligner is of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import ARES, ARES_GOLD, CHARTER_GOLD, PDF_TEXT, scored
from unterm.align.model import Alignment
from unterm.align.paragraphs import align_files
from unterm.documents.model import BlockKind, Document
from unterm.lang.languages import Lang


def scopes(doc: Document) -> list[str]:
    """The article each block stands in."""
    out, current = [], ""
    for b in doc.blocks:
        if b.kind is BlockKind.HEADING and b.key.startswith("article "):
            current = b.key
        out.append(current)
    return out


def crossings(a: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Pairs that hold blocks of two articles, or two numbered paragraphs, or whose two
    sides are numbered differently."""
    zs, es = scopes(a.zh), scopes(a.en)
    out = []
    for p in a.pairs:
        articles = {zs[i] for i in p.zh} | {es[j] for j in p.en}
        zk = [a.zh.blocks[i].key for i in p.zh if a.zh.blocks[i].kind is BlockKind.OPERATIVE]
        ek = [a.en.blocks[j].key for j in p.en if a.en.blocks[j].kind is BlockKind.OPERATIVE]
        if len(articles) > 1 or len(zk) > 1 or len(ek) > 1 or (zk and ek and zk != ek):
            out.append((p.zh, p.en))
    return out


@pytest.mark.parametrize("form", ["md", "txt", "html"])
def test_the_charter_aligns_as_its_gold_in_every_form(charter_files: dict[str, Path], form: str) -> None:
    a = align_files(charter_files[f"zh.{form}"], charter_files[f"en.{form}"])
    assert scored(a, CHARTER_GOLD).f1 == 1.0
    assert crossings(a) == []
    assert [a.zh.blocks[p.zh[0]].key for p in a.pairs if p.evidence[:1] == ("key article 1",)] == [
        "article 1"
    ]


PDF_PAIRS = [
    ("zh.pdf", "en.txt"),
    ("zh.pdftotext.txt", "en.txt"),
    ("zh.pdftotext.txt", "en.pdftotext.txt"),
    ("zh.pdf", "en.pdf"),
]


@pytest.mark.parametrize(("zh", "en"), PDF_PAIRS)
def test_a_resolution_as_pdf_text_aligns_as_its_gold(zh: str, en: str) -> None:
    a = align_files(PDF_TEXT / zh, PDF_TEXT / en)
    assert scored(a, ARES_GOLD).f1 == 1.0
    assert crossings(a) == []
    assert all(p.zh and p.en for p in a.pairs)


def test_a_resolution_as_web_pages_aligns_as_its_gold(ares_html: dict[str, Path]) -> None:
    a = align_files(ares_html["zh"], ares_html["en"])
    assert scored(a, ARES_GOLD).f1 == 1.0
    assert crossings(a) == []


def cut(alignment: Alignment) -> list[tuple[str, float]]:
    return [(alignment.text(p, Lang.ZH), p.score) for p in alignment.pairs if not p.en]


def test_a_block_without_a_counterpart_says_how_sure_that_is(tmp_path: Path) -> None:
    """Operative paragraph 13 read as a PDF extractor with no eye for footnotes gives it:
    its head, the page's three notes as paragraphs, its tail. Nothing in the English
    answers the notes or the tail: what the aligner does not join to paragraph 13 it
    leaves alone, but not as sure to have no counterpart (the tail belongs to paragraph
    13, the notes are short); paragraphs that are really missing (the Chinese UDHR's
    introductory note) are, but never certainly."""
    lines = [ln for ln in (ARES / "zh.md").read_text(encoding="utf-8").split("\n") if ln.strip()]
    k = next(i for i, ln in enumerate(lines) if ln.startswith("13. "))
    head, tail = lines[k].split("采取更")
    lines[k : k + 1] = [f"{head}采取更", "A/77/310。", "JIU/REP/2022/1。", "第 71/256 号决议，附件。", tail]
    zh = tmp_path / "zh.txt"
    zh.write_text("\n".join(lines) + "\n", encoding="utf-8")
    alone = dict(cut(align_files(zh, ARES / "en.md")))
    assert "多切实步骤支持处境脆弱群体和最脆弱国家，并首先帮助落在最后的群体；" in alone
    assert all(score < 0.5 for score in alone.values())


def test_a_paragraph_really_missing_is_scored_high_but_not_certain(udhr_files: dict[str, Path]) -> None:
    alone = cut(align_files(udhr_files["zh.md"], udhr_files["en.md"]))
    assert [text[:12] for text, _ in alone] == ["联合国大会一九四八年十二", "1948 年 12 月 "]
    assert all(0.8 <= score < 1.0 for _, score in alone)
