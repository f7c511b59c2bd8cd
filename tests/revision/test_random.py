"""Random revisions of real texts (tests/support/random_revisions.py), as
bench/revision_accuracy.py makes them, a kind of change at a time: every change found
with its kind and place, nothing else reported. On texts whose numbering restarts in
every article (the Charter as on the UN's pages, two conventions, the ICJ Statute, a
rules of procedure) and a resolution, each revised twice: once with the numbers left as
they were, once renumbered. And a property over every text of every corpus: whatever
is changed, wherever, no pair is called unchanged whose paragraphs' texts differ."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.random_revisions import KINDS, Text, settled
from tests.support.revision_texts import score, texts, unchanged_but_different
from unterm.revision import revise

with tempfile.TemporaryDirectory() as _folder:  # the texts keep their paragraphs, not their files
    TEXTS = {t.name: t for t in texts(Path(_folder))}
CHOSEN = (
    "UN Charter web zh",
    "UN Charter web en",
    "World Heritage 1972 zh",
    "Cultural property 1970 en",
    "ICJ Statute en",
    "Rules of procedure zh",
    "A/RES/77/173 zh",
)


@pytest.mark.parametrize("kind", KINDS)
def test_every_change_of_a_kind_is_found_with_its_place(tmp_path: Path, kind: str) -> None:
    found = made = copies = 0
    for name in CHOSEN:
        tally = score(TEXTS[name], range(2), tmp_path, (kind,))
        assert tally.found == tally.made, tally.missed
        assert tally.false == tally.unequal == 0
        found += sum(tally.found.values())
        made += sum(tally.made.values())
        copies += tally.copies - tally.unreadable
    assert copies >= 12 and made >= 30  # enough changes of the kind were made to judge by


EDIT = st.tuples(
    st.floats(0, 1, exclude_max=True),  # which paragraph
    st.floats(0, 1),  # where in it
    st.integers(0, 3),  # how many characters to take out there
    st.sampled_from(
        ["", "一、", "1. ", "。", "，", "的", "各", " the", "s", "\n", "\n\n", "5．", "(a) ", "#", "**"]
    ),
)


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(TEXTS)), st.lists(EDIT, min_size=1, max_size=4))
def test_no_pair_is_unchanged_whose_texts_differ(
    name: str, edits: list[tuple[float, float, int, str]]
) -> None:
    """Characters taken out or put in anywhere in the file: in a paragraph's number, its
    markup, between paragraphs; however unterm reads the result back."""
    with tempfile.TemporaryDirectory() as folder:
        text: Text = settled(TEXTS[name], Path(folder))
        paras = list(text.paras)
        for which, where, cut, put in edits:
            k = int(which * len(paras))
            p = paras[k]
            at = int(where * len(p.text))
            paras[k] = replace(p, text=p.text[:at] + put + p.text[at + cut :])
        draft, final = Path(folder) / f"draft{text.suffix}", Path(folder) / f"final{text.suffix}"
        draft.write_text(text.render(), encoding="utf-8")
        final.write_text(text.render(paras), encoding="utf-8")
        r = revise(draft, final)
        assert not unchanged_but_different(r)
        assert all(p.draft_text.strip() for p in r.pairs if p.draft)
        assert all(p.final_text.strip() for p in r.pairs if p.final)
