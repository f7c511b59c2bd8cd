"""Revisions of texts whose paragraph numbers restart in every article: the UN Charter as
copied from the UN's web page (Chinese `一、二、` in each article, English unnumbered).
Issue 25: of the ten changes below, the Chinese report found three, and called the
numbered paragraphs `unchanged` with empty texts."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.revisions import Draft, Revise
from unterm.cli import app
from unterm.documents.model import Document
from unterm.documents.read import read_document
from unterm.errors import RevisionFault
from unterm.qa.model import block_names
from unterm.revision import Change, revise

runner = CliRunner()


Expected = dict[tuple[int, ...], tuple[Change, tuple[int, ...]]]


def charter_edits(d: Draft) -> tuple[list[Revise], Expected, Callable[[int], int]]:
    """The issue's ten changes to the Chinese web copy (the swap aside, for each the draft
    blocks it touches with the change and the final blocks it must be reported at), and
    where each draft block is in the final (one block more after the split, one less
    after the deletion)."""
    at = {key: d.find(text) for key, text in CHARTER_SPOTS.items()}
    edits = [
        d.replace(at["a1p1"], "维持国际和平及安全", "维持国际和平及安全的"),
        d.replace(at["a2p3"], "各会员国应以和平", "各会员国均应以和平"),
        d.replace(at["a4p1"], "爱好和平之国家", "爱好和平之各国家"),
        d.replace(at["a4p2"], "准许上述国家", "准许上述各国家"),
        d.replace(at["a7p2"], "依本宪章设立", "依本宪章另设立"),
        d.replace(at["a2p5"], "各会员国对于联合国", "各会员国对于本组织"),
        d.split(at["a1p3"], "促成国际合作，"),
        d.replace(at["a5"], "业经安全理事会", "业经安全理事会依本宪章"),
        d.delete(at["a2p6"]),
        d.swap(at["a2p1"], at["a2p2"]),
    ]

    def final(i: int) -> int:  # where a draft block is in the final
        return i + (i > at["a1p3"]) - (i > at["a2p6"])

    expected: Expected = {
        (at[k],): (Change.EDITED, (final(at[k]),)) for k in ("a1p1", "a2p3", "a4p1", "a4p2", "a7p2")
    }
    expected[(at["a2p5"],)] = (Change.EDITED, (final(at["a2p5"]),))
    expected[(at["a1p3"],)] = (Change.SPLIT, (at["a1p3"], at["a1p3"] + 1))
    expected[(at["a5"],)] = (Change.EDITED, (final(at["a5"]),))
    expected[(at["a2p6"],)] = (Change.DELETED, ())
    return edits, expected, final


CHARTER_SPOTS = {
    "a1p1": "一、维持国际和平及安全",
    "a1p3": "三、促成国际合作",
    "a2p1": "一、本组织系基于",
    "a2p2": "二、各会员国应一秉善意",
    "a2p3": "三、各会员国应以和平方法",
    "a2p5": "五、各会员国对于联合国",
    "a2p6": "六、本组织在维持",
    "a4p1": "一、凡其他爱好和平之国家",
    "a4p2": "二、准许上述国家",
    "a5": "联合国会员国，业经安全理事会",
    "a7p2": "二、联合国得依本宪章设立",
}


def test_every_change_to_the_charter_as_on_the_un_pages_is_found(
    tmp_path: Path, charter_files: dict[str, Path]
) -> None:
    d = Draft.of(charter_files["zh.txt"])
    edits, expected, where = charter_edits(d)
    final = d.write(tmp_path, *edits, name="final.txt")
    r = revise(d.path, final)
    found = {p.draft: (p.change, p.final) for p in r.pairs if p.changed}
    swapped = {k: v for k, v in found.items() if v[0] is Change.MOVED}
    assert {k: v for k, v in found.items() if k not in swapped} == expected
    # the swap: one of the two paragraphs moved, in the other's place
    a, b = d.find(CHARTER_SPOTS["a2p1"]), d.find(CHARTER_SPOTS["a2p2"])
    assert set(swapped) <= {(a,), (b,)} and swapped
    assert all(v[1] in ((where(a),), (where(b),)) for v in swapped.values())
    # each numbered paragraph is named with its article, in both versions
    names = block_names(d.doc)
    edited = next(p for p in r.pairs if p.draft == (d.find(CHARTER_SPOTS["a2p5"]),))
    assert edited.draft_place == edited.final_place == "5 (article 2)" == names[edited.draft[0]]
    assert [(e.draft, e.final) for e in edited.edits] == [("联合国", "本组织")]
    assert r.count(Change.UNCHANGED) == len(d.doc.blocks) - len(expected) - len(swapped)


def test_the_json_report_carries_every_pair_s_texts(tmp_path: Path, charter_files: dict[str, Path]) -> None:
    d = Draft.of(charter_files["zh.txt"])
    edits, _, _ = charter_edits(d)
    final = d.write(tmp_path, *edits, name="final.txt")
    out = tmp_path / "x.json"
    result = runner.invoke(app, ["revision", str(d.path), str(final), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "11 changed" in result.output  # the swap is two moved pairs
    pairs = json.loads(out.read_text(encoding="utf-8"))["pairs"]
    assert all(p["draft"] for p in pairs if p["draft_place"]) and all(
        p["final"] for p in pairs if p["final_place"]
    )
    assert all(p["draft"] == p["final"] for p in pairs if p["change"] == "unchanged")


def test_a_numbered_paragraph_split_in_two_and_two_merged_with_the_rest_renumbered(
    tmp_path: Path, charter_files: dict[str, Path]
) -> None:
    """Article 2, paragraph 3 cut into paragraphs 3 and 4 (4 to 7 become 5 to 8);
    Article 1, paragraphs 2 and 3 made one (4 becomes 3)."""
    d = Draft.of(charter_files["zh.txt"])
    text = d.text
    for old, new in [
        (
            "三、各会员国应以和平方法解决其国际争端，",
            "三、各会员国应以和平方法解决其国际争端，\n\u3000\u3000四、",
        ),
        ("四、各会员国在其国际", "五、各会员国在其国际"),
        ("五、各会员国对于联合国", "六、各会员国对于联合国"),
        ("六、本组织在维持", "七、本组织在维持"),
        ("七、本宪章不得", "八、本宪章不得"),
        ("增强普遍和平。\n\u3000\u3000三、促成国际合作", "增强普遍和平。促成国际合作"),
        ("四、构成一协调", "三、构成一协调"),
    ]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    final = tmp_path / "final.txt"
    final.write_text(text, encoding="utf-8")
    r = revise(d.path, final)
    a1p2, a2p3 = d.find("二、发展国际间"), d.find(CHARTER_SPOTS["a2p3"])
    assert [(p.change, p.draft, p.final_place) for p in r.pairs if p.changed] == [
        (Change.MERGED, (a1p2, a1p2 + 1), "2 (article 1)"),
        (Change.SPLIT, (a2p3,), "3 (article 2)+4 (article 2)"),
    ]
    renumbered = [(p.draft_place, p.final_place) for p in r.pairs if p.renumbered]
    assert renumbered == [
        ("4 (article 1)", "3 (article 1)"),
        *((f"{n} (article 2)", f"{n + 1} (article 2)") for n in range(4, 8)),
    ]


def test_the_english_charter_with_no_paragraph_numbers(
    tmp_path: Path, charter_files: dict[str, Path]
) -> None:
    """The English of the same page, whose list numbers copying lost: a word changed, a
    clause added, a paragraph deleted, two swapped."""
    d = Draft.of(charter_files["en.txt"])
    p5 = d.find("All Members shall give the United Nations every assistance")
    a5 = d.find("A Member of the United Nations against which")
    p6 = d.find("The Organization shall ensure that states")
    p1 = d.find("The Organization is based on the principle")
    final = d.write(
        tmp_path,
        d.replace(p5, "give the United Nations", "give the Organization"),
        d.replace(
            a5, "enforcement action has been taken", "enforcement action under this Charter has been taken"
        ),
        d.delete(p6),
        d.swap(p1, p1 + 1),
        name="final.txt",
    )
    r = revise(d.path, final)
    found = {p.draft: p.change for p in r.pairs if p.changed}
    assert found.pop((p5,)) is found.pop((a5,)) is Change.EDITED
    assert found.pop((p6,)) is Change.DELETED
    assert set(found) <= {(p1,), (p1 + 1,)} and set(found.values()) == {Change.MOVED}


def test_a_pair_with_no_text_is_a_fault_not_unchanged(charter_files: dict[str, Path]) -> None:
    """Documents given through the API with a paragraph whose text is empty: the pair
    cannot be told unchanged, and the revision says it is a fault rather than guess."""
    doc = read_document(charter_files["zh.txt"])
    k = next(b.index for b in doc.blocks if b.key == "5")
    blocks = list(doc.blocks)
    blocks[k] = replace(blocks[k], text="", original="")
    emptied = Document(doc.path, doc.lang, tuple(blocks))
    with pytest.raises(RevisionFault, match=r"paragraph\(s\) \d+ paired with no text"):
        revise(emptied, emptied)


def test_a_short_piece_split_off_or_merged_in_is_a_split_or_a_merge(
    tmp_path: Path, charter_files: dict[str, Path]
) -> None:
    """A piece too short for the programme to pay for a split (leaving it out as inserted
    costs less): `To maintain international peace and security,` cut off the head of
    Article 1's first paragraph; in another final, Article 1's chapeau `The Purposes of
    the United Nations are:` merged into that paragraph. The texts say what happened."""
    d = Draft.of(charter_files["en.txt"])
    head = d.find("To maintain international peace and security")
    chapeau = d.find("The Purposes of the United Nations are:")
    assert chapeau + 1 == head
    cut = d.write(tmp_path, d.split(head, "To maintain international peace and security,"), name="cut.txt")
    r = revise(d.path, cut)
    assert [(p.change, p.draft, p.final) for p in r.pairs if p.changed] == [
        (Change.SPLIT, (head,), (head, head + 1))
    ]
    joined = d.write(tmp_path, d.merge(chapeau, head, " "), name="joined.txt")
    r = revise(d.path, joined)
    assert [(p.change, p.draft, p.final) for p in r.pairs if p.changed] == [
        (Change.MERGED, (chapeau, head), (chapeau,))
    ]
