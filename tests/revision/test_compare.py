"""The parts on their own (the changed spans, the same-language cost the aligner's
programme runs with), and generality: another real text (the UDHR, in both languages)
and drafts in other input kinds (a Word file) against a Markdown final."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from tests.support.corpora import ARES, ARES_GOLD
from tests.support.render import gold_units, render_docx
from tests.support.revisions import Draft, ares_zh
from unterm.align.dp import align_units
from unterm.documents.read import read_document
from unterm.documents.units import scopes
from unterm.lang.languages import Lang
from unterm.qa.model import block_names
from unterm.revision import Change, revise
from unterm.revision.compare import SKIP, SimilarityScorer, unit
from unterm.revision.diff import edits, tokens
from unterm.revision.model import Edit


def apply(draft: str, changes: tuple[Edit, ...]) -> str:
    """The final text rebuilt from the draft and the changed spans."""
    out, at = [], 0
    for e in changes:
        assert draft[e.draft_at : e.draft_at + len(e.draft)] == e.draft
        out += [draft[at : e.draft_at], e.final]
        at = e.draft_at + len(e.draft)
    return "".join(out) + draft[at:]


@pytest.mark.parametrize("side", ["zh", "en"])
def test_changed_spans_rebuild_the_final_from_the_draft(side: str) -> None:
    """On every pair of neighbouring real paragraphs (rewrites of every degree)."""
    doc = read_document(ARES / f"{side}.md")
    lang = Lang(side)
    for a, b in pairwise(block.text for block in doc.blocks):
        changes = edits(a, b, lang)
        assert apply(a, changes) == b
        # offsets into the final agree with those into the draft
        assert all(b[e.final_at : e.final_at + len(e.final)] == e.final for e in changes)


def test_english_spans_are_whole_words_and_chinese_ones_characters() -> None:
    en = edits("Takes note of the review of management", "Welcomes the reviews of management", Lang.EN)
    assert [(e.draft, e.final) for e in en] == [("Takes note of", "Welcomes"), ("review", "reviews")]
    assert tokens("UN-Habitat's 2030 Agenda, (a)", Lang.EN) == [
        "UN-Habitat's",
        " ",
        "2030",
        " ",
        "Agenda",
        ",",
        " ",
        "(",
        "a",
        ")",
    ]
    zh = edits("其中大会认可2016年", "其中大会核可2017年", Lang.ZH)
    assert [(e.draft, e.final, e.draft_at) for e in zh] == [("认", "核", 4), ("6", "7", 9)]


def test_the_same_language_cost_pairs_like_with_like() -> None:
    doc = read_document(ARES / "zh.md")
    units = [unit(b, Lang.ZH, s) for b, s in zip(doc.blocks, scopes(doc.blocks), strict=True)]
    scorer = SimilarityScorer(units, units)
    assert scorer.cost(7, 1, 7, 1) == 0.0  # a paragraph and itself
    # two different paragraphs cost more than deleting one and inserting the other
    assert all(scorer.cost(i, 1, i + 1, 1) > 2 * SKIP for i in range(7, 40))
    # a paragraph and its two halves
    assert scorer.similarity(7, 2, 7, 2) == 1.0
    # the programme, run with it, pairs a document with itself one to one
    links = align_units(units, units, scorer=SimilarityScorer)
    assert [(link.zh, link.en) for link in links] == [((k,), (k,)) for k in range(len(units))]
    assert all(link.score > 0.99 for link in links)


def test_a_word_file_draft_against_a_markdown_final(tmp_path: Path) -> None:
    """Any input kind: the draft a Word file (list numbering, real footnotes), the final
    Markdown with one word changed: that word is the one change."""
    r = ares_zh()
    draft = tmp_path / "draft.docx"
    render_docx(gold_units(ARES_GOLD, "zh"), r.draft.text, draft, zh=True)
    final = r.draft.write(tmp_path, r.edits()["word"], name="final.md")
    revision = revise(draft, final)
    assert [(p.change, p.draft_place) for p in revision.pairs if p.changed] == [
        (Change.EDITED, "preambular 5")
    ]


def article(d: Draft, n: int) -> int:
    """The first paragraph of an article of the UDHR (the block after its heading)."""
    return next(b.index for b in d.doc.blocks if b.key == f"article {n}") + 1


@pytest.mark.parametrize("side", ["zh", "en"])
def test_the_udhr_revised(tmp_path: Path, udhr_files: dict[str, Path], side: str) -> None:
    """The UDHR as Markdown (title, preamble, 30 articles under their headings): a word
    changed in Article 3, Article 5 deleted, the first two paragraphs of the preamble
    merged, Article 1 moved to the end."""
    d = Draft.of(udhr_files[f"{side}.md"])
    word = {"zh": ("安全", "保障"), "en": ("life", "existence")}[side]
    first = d.find({"zh": "鉴于对人类家庭", "en": "Whereas recognition"}[side])
    a1, a3, a5 = article(d, 1), article(d, 3), article(d, 5)
    final = d.write(
        tmp_path,
        d.replace(a3, *word),
        d.delete(a5),
        d.merge(first, first + 1, "" if side == "zh" else " "),
        d.move(a1, len(d.doc.blocks) - 1),
    )
    r = revise(d.path, final)
    names = block_names(d.doc)
    found = {p.draft: (p.change, p.draft_place) for p in r.pairs if p.changed}
    assert found == {
        (a3,): (Change.EDITED, names[a3]),
        (a5,): (Change.DELETED, names[a5]),
        (first, first + 1): (Change.MERGED, f"{names[first]}+{names[first + 1]}"),
        (a1,): (Change.MOVED, names[a1]),
    }
    edited = next(p for p in r.pairs if p.draft == (a3,))
    assert [(e.draft, e.final) for e in edited.edits] == [word]
