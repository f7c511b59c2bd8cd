"""Fuzzy lookup: the match percentage as a CAT tool computes it, and the true earlier
sentence ranked first for sentences of the UNPC development set changed as a new
version of a document changes them (a word replaced, one left out, one added, a number
changed), in both languages."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
import regex

import unterm
from unterm.lang.languages import Lang
from unterm.memory.fuzzy import percent, tokens
from unterm.memory.text import search_form


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Requests the Secretary-General to report", "Requests the Secretary-General to report", 100),
        (
            "Requests the Secretary-General to report",
            "Requests the Secretary-General to submit",
            80,
        ),  # 1 of 5 words
        ("a b c d", "a b d", 75),
        ("请秘书长提交报告", "请秘书长提出报告", 87),  # 1 character of 8
        ("", "x", 0),
    ],
)
def test_the_match_percentage(a: str, b: str, expected: int) -> None:
    lang = Lang.ZH if regex.search(r"\p{Han}", a + b) else Lang.EN
    words = [[f[s:e] for s, e in tokens(f, lang)] for f in (search_form(a, lang), search_form(b, lang))]
    assert percent(*words) == expected


def _changed(text: str, rng: random.Random, chinese: bool) -> str:
    """The sentence as a later version might have it: one edit, at a random place."""
    units = list(text) if chinese else text.split()
    k = rng.randrange(len(units))
    how = rng.choice(["replace", "delete", "insert", "number"])
    filler = "各" if chinese else "also"
    if how == "number" and (digits := [i for i, u in enumerate(units) if regex.search(r"\d", u)]):
        k = rng.choice(digits)
        units[k] = regex.sub(r"\d", lambda m: str((int(m[0]) + 1) % 10), units[k], count=1)
    elif how == "replace":
        units[k] = "新" if chinese else "further"
    elif how == "delete" and len(units) > 8:
        del units[k]
    else:
        units.insert(k, filler)
    return "".join(units) if chinese else " ".join(units)


@pytest.mark.parametrize("side", ["en", "zh"])
def test_the_true_earlier_sentence_is_ranked_first(devset: Path, side: str) -> None:
    conn = sqlite3.connect(devset)
    rows = conn.execute(f"SELECT id, {side} FROM units WHERE level = 'sentence'").fetchall()
    conn.close()
    rng = random.Random(3)
    chinese = side == "zh"
    # sentences long enough that one edit leaves them above the 70% cut
    pool = [(i, t) for i, t in rows if len(t if chinese else t.split()) >= 12]
    first = 0
    trials = rng.sample(pool, 60)
    for unit, text in trials:
        query = _changed(text, rng, chinese)
        results = unterm.search(devset, query, fuzzy=True, limit=5)
        assert results.hits, query
        top = results.hits[0]
        # the same sentence may be in several documents: any of them is the true one
        lang = Lang.ZH if chinese else Lang.EN
        if top.id == unit or search_form(top.text(side), lang) == search_form(text, lang):
            first += 1
            assert 70 <= top.match < 100 or search_form(query, lang) == search_form(text, lang)
    assert first == len(trials)


def test_a_sentence_already_in_the_memory_is_a_100_percent_match(devset: Path) -> None:
    conn = sqlite3.connect(devset)
    (en,) = conn.execute(
        "SELECT en FROM units WHERE level = 'sentence' AND length(en) > 80 LIMIT 1"
    ).fetchone()
    conn.close()
    results = unterm.search(devset, en, fuzzy=True)
    assert results.hits[0].match == 100 and results.hits[0].en == en
    assert all(h.match >= 70 for h in results.hits)
    assert [h.match for h in results.hits] == sorted((h.match for h in results.hits), reverse=True)


def test_what_differs_is_marked(devset: Path) -> None:
    conn = sqlite3.connect(devset)
    (en,) = conn.execute(
        "SELECT en FROM units WHERE level = 'sentence' AND en LIKE '% Council %' LIMIT 1"
    ).fetchone()
    conn.close()
    query = en.replace(" Council ", " Committee ", 1)
    hit = unterm.search(devset, query, fuzzy=True).hits[0]
    assert hit.en == en
    assert [hit.en[s.start : s.end] for s in hit.en_spans] == ["Council"]
