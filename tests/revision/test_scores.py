"""TER and chrF: each pair's, and the document's, are what sacrebleu computes for the same
texts directly, with the settings docs/how-it-works.md "The scores: TER and chrF" names; and what the scores say of
real revisions."""

from __future__ import annotations

from pathlib import Path

import regex
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from tests.support.corpora import ARES
from tests.support.revisions import Draft
from unterm.revision import Change, Revision, revise

TER_SETTINGS = TER(normalized=True, asian_support=True, case_sensitive=True)
CHRF_SETTINGS = CHRF()


def assert_sacrebleu_agrees(r: Revision) -> None:
    for p in r.pairs:
        ter = TER_SETTINGS.sentence_score(p.draft_text, [p.final_text])
        assert (p.ter, p.ter_edits) == (ter.score, ter.num_edits), p.place
        assert p.chrf == CHRF_SETTINGS.sentence_score(p.draft_text, [p.final_text]).score, p.place
    drafts, finals = [p.draft_text for p in r.pairs], [[p.final_text for p in r.pairs]]
    assert r.ter == TER_SETTINGS.corpus_score(drafts, finals).score
    assert r.chrf == CHRF_SETTINGS.corpus_score(drafts, finals).score


def test_chinese_pairs_score_as_sacrebleu_scores_them(ares_revision: Revision) -> None:
    assert_sacrebleu_agrees(ares_revision)
    assert 0 < ares_revision.ter < 5 and 95 < ares_revision.chrf < 100  # seven of 75 pairs changed


def test_english_pairs_score_as_sacrebleu_scores_them(tmp_path: Path) -> None:
    en = Draft.of(ARES / "en.md")
    k = en.find("Takes note of the review of management", "operative")
    gone = en.find("Welcoming the Paris Agreement", "preambular")
    r = revise(en.path, en.write(tmp_path, en.replace(k, "*Takes note* of", "*Welcomes*"), en.delete(gone)))
    assert_sacrebleu_agrees(r)
    edited = next(p for p in r.pairs if p.change is Change.EDITED)
    # TER counts words: three deleted and one substituted, over the final's words
    assert edited.ter_edits == 3 and edited.ter == 100 * (3 / edited.ter_length)


def test_chinese_ter_counts_characters(ares_revision: Revision) -> None:
    """One character changed is one edit; a clause of 13 characters inserted, 13."""
    by_place = {p.draft_place: p for p in ares_revision.pairs}
    word = next(p for p in ares_revision.pairs if p.edits and p.edits[0].final == "核")
    assert word.ter_edits == 1
    # every Han character is a token (words would be a handful: the text has no spaces)
    assert word.ter_length >= len(regex.findall(r"\p{Han}", word.final_text))
    assert by_place["5"].ter_edits == 13
