"""A numbered paragraph's number and what it says, and the units paragraph numbers restart
in: the UN Charter as copied from the UN's web page (`一、二、` in every article), the
World Heritage Convention and the Statute of the International Court of Justice."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpora import CORPORA
from unterm.documents.model import Block, BlockKind
from unterm.documents.read import read_document
from unterm.documents.units import Scope, restarts, scopes
from unterm.qa.model import block_names

TREATIES = CORPORA / "treaty_texts"


@pytest.mark.parametrize(
    ("text", "kind", "key", "body"),
    [
        ("一、维持国际和平及安全；", BlockKind.OPERATIVE, "1", "维持国际和平及安全；"),
        ("二十三、本公约", BlockKind.OPERATIVE, "23", "本公约"),
        ("1．请秘书长提交报告；", BlockKind.OPERATIVE, "1", "请秘书长提交报告；"),
        ("２．决定", BlockKind.OPERATIVE, "2", "决定"),
        ("9. Requests the Secretary-General", BlockKind.OPERATIVE, "9", "Requests the Secretary-General"),
        ("11.1 By 2030, ensure access", BlockKind.OPERATIVE, "11.1", "By 2030, ensure access"),
        ("(a)第一项；", BlockKind.SUBITEM, "1 (a)", "第一项；"),
        ("（ii）其他国家；", BlockKind.SUBITEM, "1 (a) (ii)", "其他国家；"),
        ("(b) to set up services", BlockKind.SUBITEM, "1 (b)", "to set up services"),
        # a later sentence of a numbered paragraph, and a number with nothing after it
        ("It shall report.", BlockKind.OPERATIVE, "9", "It shall report."),
        ("5.", BlockKind.OPERATIVE, "5", "5."),
    ],
)
def test_a_body_is_the_text_after_the_number(text: str, kind: BlockKind, key: str, body: str) -> None:
    """With or without a space after the number, full-width or not: a paragraph numbered
    `一、` had an empty body, so every such paragraph of a treaty compared equal."""
    assert Block(0, kind, key, text, text).body == body


def test_every_numbered_paragraph_of_the_charter_says_something(charter_files: dict[str, Path]) -> None:
    doc = read_document(charter_files["zh.txt"])
    numbered = [b for b in doc.blocks if b.kind is BlockKind.OPERATIVE]
    assert len(numbered) == 15
    assert all(b.body and b.body != b.text and b.text.endswith(b.body) for b in numbered)
    assert len({b.body for b in numbered}) == 15


def test_the_charter_paragraphs_stand_in_their_articles(charter_files: dict[str, Path]) -> None:
    doc = read_document(charter_files["zh.txt"])
    found = {
        (s.division, s.unit, b.key) for b, s in zip(doc.blocks, scopes(doc.blocks), strict=True) if b.key
    }
    assert ("chapter 1", "article 2", "5") in found
    assert ("chapter 3", "article 7", "2") in found
    assert ("chapter 2", "article 4", "2") in found
    keys = [s.scoped(b.key) for b, s in zip(doc.blocks, scopes(doc.blocks), strict=True) if b.key]
    assert len(keys) == len(set(keys))  # every key unique once scoped
    assert "chapter 1/article 2/5" in keys and "chapter 1/article 2" in keys
    assert restarts(doc.blocks)
    names = block_names(doc)
    assert "5 (article 2)" in names and "2 (article 7)" in names and "5" not in names


@pytest.mark.parametrize(
    ("name", "key", "scope"),
    [
        ("whc_1972.en.md", "3", Scope("", "section 3", "article 8")),
        ("whc_1972.zh.md", "3", Scope("", "", "article 8")),  # `Ⅲ.` keys a section in English only
        ("icj_statute.en.md", "4", Scope("chapter 1", "", "article 12")),
    ],
)
def test_treaty_paragraphs_stand_in_their_articles(name: str, key: str, scope: Scope) -> None:
    doc = read_document(TREATIES / name)
    within = scopes(doc.blocks)
    assert scope in {within[b.index] for b in doc.blocks if b.key == key}
    assert restarts(doc.blocks)
    keys = [within[b.index].scoped(b.key) for b in doc.blocks if b.key]
    assert len(keys) == len(set(keys))


def test_a_resolution_numbered_throughout_keeps_its_plain_names() -> None:
    doc = read_document(CORPORA / "A_RES_77_173" / "zh.md")
    assert not restarts(doc.blocks)
    assert "5" in block_names(doc)
