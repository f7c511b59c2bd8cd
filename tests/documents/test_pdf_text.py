"""PDF text: wrapped lines re-joined, words hyphenated at line ends re-joined, real
hyphens kept; measured on hand-labelled line breaks and on renderings of A/RES/77/173."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.corpora import ARES, ARES_GOLD, CORPORA, scored, write_pdf_text
from unterm.align.paragraphs import align_files
from unterm.documents.hyphens import dehyphenate as _dehyphenate
from unterm.documents.hyphens import words as _words
from unterm.documents.lines import HYPHEN_BREAK, Line, Para
from unterm.documents.read import line_breaks, read_document
from unterm.lang.languages import Lang

MNBVC = CORPORA / "mnbvc_linebreak_gold_en" / "validation_small.jsonl"


def test_hand_labelled_line_breaks() -> None:
    """Every one of the 56 labelled line breaks is read as the annotators labelled it:
    header and title lines apart, wrapped lines of a paragraph together."""
    right = total = 0
    for line in MNBVC.open(encoding="utf-8"):
        record = json.loads(line)
        found = line_breaks(record["raw_text"], Lang.EN)
        assert len(found) == len(record["is_hard_linebreak"])
        right += sum(g == f for g, f in zip(record["is_hard_linebreak"], found, strict=True))
        total += len(found)
    assert (right, total) == (56, 56)


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["requests the Secre-", "tary to report"], "requests the Secretary to report"),
        (["on the implemen-", "tation of"], "on the implementation of"),
        (["through multi-", "stakeholder partnerships"], "through multi-stakeholder partnerships"),
        (["the role of UN-", "Habitat in"], "the role of UN-Habitat in"),
        (["the Secretary-", "General"], "the Secretary-General"),
        (["for 2015-", "2030"], "for 2015-2030"),
        (["the juri-", "dical persons"], "the juridical persons"),
        (["and well-", "being"], "and well-being"),
        (["protection —", "and more"], "protection — and more"),
    ],
)
def test_hyphens_at_line_ends(lines: list[str], joined: str) -> None:
    raw = Para([Line(k, t) for k, t in enumerate(lines, start=1)]).raw(Lang.EN)
    assert _dehyphenate(raw, _words([raw])) == joined


def test_the_documents_own_words_decide() -> None:
    """A document that writes `co-operation` elsewhere keeps it; one that writes
    `cooperation` gets that."""
    broken = f"their co-{HYPHEN_BREAK}operation"
    assert _dehyphenate(broken, {"co-operation"}) == "their co-operation"
    assert _dehyphenate(broken, {"cooperation"}) == "their cooperation"


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_hyphenated_pdf_text_reads_as_the_markdown(tmp_path: Path, seed: int) -> None:
    zh, en = write_pdf_text(tmp_path, seed=seed, hyphenate=True)
    assert sum(1 for ln in en.read_text(encoding="utf-8").splitlines() if ln.endswith("-")) > 40
    alignment = align_files(zh, en)
    words = {w for b in read_document(ARES / "en.md").blocks for w in b.text.split()}
    assert [w for b in alignment.en.blocks for w in b.text.split() if w not in words] == []
    assert scored(alignment, ARES_GOLD).f1 == 1.0


def test_chinese_lines_join_without_spaces(tmp_path: Path) -> None:
    zh, _ = write_pdf_text(tmp_path, seed=5)
    doc = read_document(zh)
    md = read_document(ARES / "zh.md")
    # the page-cut paragraph 9 reads whole, with no space where its lines were joined
    nine = next(b for b in doc.blocks if b.key == "9")
    assert nine.text == next(b for b in md.blocks if b.key == "9").text
