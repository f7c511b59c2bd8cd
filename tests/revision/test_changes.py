"""Revisions made by the test in copies of the real A/RES/77/173 Chinese (and English):
each change must be found with its kind and place, nothing else reported changed, and
the changed spans must be exactly what the test changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.corpora import ARES
from tests.support.revisions import INSERTED_CLAUSE, Draft, ares_zh
from unterm.lang.languages import Lang
from unterm.qa.model import block_names
from unterm.revision import Change, RevisedPair, Revision, revise
from unterm.revision.diff import typographic_form

R = ares_zh()
ZH = R.draft
EN = Draft.of(ARES / "en.md")
NAMES = block_names(ZH.doc)
WORD, CLAUSE, GONE, SWAP_A, SWAP_B, SPLIT, TYPO = (
    R.word,
    R.clause,
    R.gone,
    R.swap_a,
    R.swap_b,
    R.split,
    R.typo,
)


def changed(r: Revision) -> list[RevisedPair]:
    return [p for p in r.pairs if p.changed]


def only(r: Revision, draft_block: int) -> RevisedPair:
    return next(p for p in r.pairs if draft_block in p.draft)


def check_word(r: Revision) -> None:
    p = only(r, WORD)
    assert (p.change, p.draft_place, p.final_place) == (Change.EDITED, NAMES[WORD], NAMES[WORD])
    assert [(e.op, e.draft, e.final) for e in p.edits] == [("replace", "认", "核")]
    assert p.draft_text[p.edits[0].draft_at - 4 : p.edits[0].draft_at + 1] == "其中大会认"


def check_clause(r: Revision) -> None:
    p = only(r, CLAUSE)
    assert (p.change, p.draft_place) == (Change.EDITED, "5")
    assert [(e.op, e.draft, e.final) for e in p.edits] == [("insert", "", INSERTED_CLAUSE)]
    assert p.final_text[p.edits[0].final_at :].startswith(INSERTED_CLAUSE + "通过增加")
    assert not p.renumbered and p.final_place == "5"


def check_deleted(r: Revision) -> None:
    p = only(r, GONE)
    assert (p.change, p.draft_place, p.final) == (Change.DELETED, NAMES[GONE], ())
    assert (p.ter, p.chrf) == (100.0, 0.0)


def check_swapped(r: Revision) -> None:
    a, b = only(r, SWAP_A), only(r, SWAP_B)
    assert a.change is b.change is Change.MOVED
    assert (a.draft_place, b.draft_place) == (NAMES[SWAP_A], NAMES[SWAP_B])
    # each now stands where the other stood, and in that order in the report
    assert (a.final_place, b.final_place) == (NAMES[SWAP_B], NAMES[SWAP_A])
    assert r.pairs.index(b) + 1 == r.pairs.index(a)
    assert a.edits == b.edits == () and a.ter == b.ter == 0.0


def check_split(r: Revision) -> None:
    p = only(r, SPLIT)
    assert (p.change, p.draft_place, len(p.final)) == (Change.SPLIT, "7", 2)
    assert [(e.op, e.final) for e in p.edits] == [("insert", "\n")]  # only the paragraph break
    assert p.final_text.split("\n")[0].endswith("具有适当能力，")


def check_typography(r: Revision) -> None:
    p = only(r, TYPO)
    assert (p.change, p.draft_place, p.typography) == (Change.EDITED, NAMES[TYPO], True)
    # commas made half-width, the spaces between digits and characters taken out: nothing else
    assert all(typographic_form(e.draft, Lang.ZH) == typographic_form(e.final, Lang.ZH) for e in p.edits)
    assert "2018年12月20日第73/229" in p.final_text


CHECKS: dict[str, tuple[Callable[[Revision], None], int]] = {
    # (the check, how many pairs the change touches)
    "word": (check_word, 1),
    "clause": (check_clause, 1),
    "deleted": (check_deleted, 1),
    "swapped": (check_swapped, 2),
    "split": (check_split, 1),
    "typography": (check_typography, 1),
}


def test_the_unrevised_text_is_unchanged() -> None:
    r = revise(ZH.path, ZH.path)
    assert [p.change for p in r.pairs] == [Change.UNCHANGED] * len(ZH.doc.blocks)
    assert (r.ter, r.chrf, r.changed_share) == (0.0, 100.0, 0.0)


@pytest.mark.parametrize("case", list(CHECKS))
def test_each_revision_alone_is_found_with_its_kind_and_place(tmp_path: Path, case: str) -> None:
    r = revise(ZH.path, ZH.write(tmp_path, R.edits()[case]))
    check, touched = CHECKS[case]
    check(r)
    assert len(changed(r)) == touched, [(p.change.value, p.place) for p in changed(r)]


def test_all_revisions_together(tmp_path: Path) -> None:
    r = revise(ZH.path, ZH.write(tmp_path, *R.edits().values()))
    for check, _ in CHECKS.values():
        check(r)
    assert len(changed(r)) == sum(touched for _, touched in CHECKS.values())
    assert r.counts()[Change.EDITED] == 3 and r.typography_only == 1
    # every draft block is in exactly one pair, and every final block
    assert sorted(i for p in r.pairs for i in p.draft) == list(range(len(ZH.doc.blocks)))
    assert sorted(i for p in r.pairs for i in p.final) == list(range(len(r.final.blocks)))
    # the most revised are the three edited paragraphs; the moves and the split have no edits
    assert {p.draft_place for p in r.most_revised(3)} == {NAMES[TYPO], "5", NAMES[WORD]}
    assert [p.change for p in r.most_revised()[3:]].count(Change.MOVED) == 2


def test_renumbering_after_a_deletion_is_not_an_edit(tmp_path: Path) -> None:
    """A reviser deletes operative paragraph 5 and renumbers 6 to 24 as 5 to 23."""
    first = EN.find("5. ", "operative")
    later = [b for b in EN.doc.blocks if b.kind.value == "operative" and int(b.key) > 5]
    edits = [EN.delete(first), *[EN.replace(b.index, f"{b.key}. ", f"{int(b.key) - 1}. ") for b in later]]
    r = revise(EN.path, EN.write(tmp_path, *edits))
    assert [(p.change, p.draft_place) for p in changed(r)] == [(Change.DELETED, "5")]
    renumbered = [(p.draft_place, p.final_place) for p in r.pairs if p.renumbered]
    assert renumbered[0] == ("6", "5") and renumbered[-1] == ("24", "23") and len(renumbered) == 19


def test_english_revisions_are_found_word_by_word(tmp_path: Path) -> None:
    word = EN.find("Takes note of the review of management", "operative")
    moved = EN.find("Welcoming the Paris Agreement", "preambular")
    target = EN.find("Recognizes the importance of implementing", "operative")
    merge = EN.find("Reaffirming the importance of accountability", "preambular")
    final = EN.write(
        tmp_path,
        EN.replace(word, "*Takes note* of", "*Welcomes*"),
        EN.move(moved, target),
        EN.replace(moved, "Paris Agreement", "Paris Agreement on climate change"),
        EN.merge(merge, merge + 1, " "),
    )
    r = revise(EN.path, final)
    found = {p.draft: p for p in changed(r)}
    assert set(found) == {(word,), (moved,), (merge, merge + 1)}
    assert [(e.draft, e.final) for e in found[(word,)].edits] == [("Takes note of", "Welcomes")]
    assert found[(word,)].change is Change.EDITED
    m = found[(moved,)]
    assert m.change is Change.MOVED and m.draft_place == "preambular 4"
    assert [(e.op, e.final) for e in m.edits] == [("insert", " on climate change")]
    # the moved paragraph now stands before operative paragraph 14 in the final, followed
    # by the footnotes it cites
    after = [p.final_place for p in r.pairs[r.pairs.index(m) + 1 :]]
    assert after[:3] == ["footnote 1", "footnote 2", "14"]
    assert found[(merge, merge + 1)].change is Change.MERGED
    assert [(e.op, e.draft, e.final) for e in found[(merge, merge + 1)].edits] == [("replace", "\n", " ")]
