"""Concordance queries on the UNPC development set's memory, each checked against a plain
scan of the same pairs: a quoted phrase (and a Chinese query, quoted or not) returns
every pair that holds it and no other; an English phrase without quotes returns at
least those (it matches other inflections too); a query with FTS5 syntax characters is
text to look for, and one with nothing to look for is refused."""

from __future__ import annotations

import csv
import random
import sqlite3
import unicodedata
from pathlib import Path

import pytest
import regex

import unterm
from tests.support.corpora import CORPORA
from unterm.errors import InputError

THESAURUS = CORPORA / "unbis_thesaurus_half" / "unbis_zh_en.tsv"


def _plain(text: str, chinese: bool) -> str:
    """A side as a reader compares it by eye: NFKC, lower case, dashes and curly quotes
    alike, white space as one space (none at all in Chinese)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = regex.sub(r"\p{Pd}", "-", text).translate(str.maketrans("‘’“”", "''\"\""))
    return "".join(text.split()) if chinese else " ".join(text.split())


@pytest.fixture(scope="module")
def pairs(devset: Path) -> list[tuple[int, str, str]]:
    conn = sqlite3.connect(devset)
    rows = conn.execute("SELECT id, zh, en FROM units WHERE level = 'sentence'").fetchall()
    conn.close()
    return [(i, _plain(z, True), _plain(e, False)) for i, z, e in rows]


def scan(pairs: list[tuple[int, str, str]], query: str, chinese: bool) -> set[int]:
    if chinese:
        q = _plain(query, True)
        return {i for i, z, _ in pairs if q in z}
    pattern = regex.compile(r"(?<![\p{L}\p{N}])" + regex.escape(_plain(query, False)) + r"(?![\p{L}\p{N}])")
    return {i for i, _, e in pairs if pattern.search(e)}


def found(memory: Path, query: str) -> set[int]:
    results = unterm.search(memory, query, limit=100_000)
    assert results.total == len(results.hits)
    return {h.id for h in results.hits}


def chinese_queries(pairs: list[tuple[int, str, str]]) -> list[str]:
    """Random substrings of 1-6 Han characters of the set (a fixed seed), and the UNBIS
    labels it holds."""
    rng = random.Random(7)
    runs = [m[0] for _, z, _ in pairs for m in regex.finditer(r"\p{Han}+", z)]
    out = []
    for size in range(1, 7):
        for _ in range(8):
            run = rng.choice([r for r in runs if len(r) >= size])
            at = rng.randrange(len(run) - size + 1)
            out.append(run[at : at + size])
    text = "\n".join(z for _, z, _ in pairs)
    with open(THESAURUS, encoding="utf-8") as f:
        labels = sorted({r["zh"] for r in csv.DictReader(f, delimiter="\t") if r["zh"] in text})
    return out + labels[::10]


def english_phrases(pairs: list[tuple[int, str, str]]) -> list[str]:
    """Random runs of 1-4 words of the set (a fixed seed), and the UNBIS labels it holds."""
    rng = random.Random(11)
    out = []
    for size in range(1, 5):
        for _ in range(10):
            words = rng.choice(pairs)[2].split()
            if len(words) >= size:
                at = rng.randrange(len(words) - size + 1)
                out.append(" ".join(words[at : at + size]).strip(".,;:()\"'"))
    text = "\n".join(e for _, _, e in pairs)
    with open(THESAURUS, encoding="utf-8") as f:
        labels = sorted(
            {r["en"].lower() for r in csv.DictReader(f, delimiter="\t") if f" {r['en'].lower()} " in text}
        )
    return [p for p in out if regex.search(r"\p{L}", p)] + labels[::5]


def test_chinese_queries_return_every_pair_that_holds_them(
    devset: Path, pairs: list[tuple[int, str, str]]
) -> None:
    queries = chinese_queries(pairs)
    assert len(queries) > 60
    for query in queries:
        expected = scan(pairs, query, chinese=True)
        assert expected, query
        assert found(devset, query) == expected, query
        assert found(devset, f"“{query}”") == expected, query


def test_quoted_english_phrases_return_every_pair_that_holds_them(
    devset: Path, pairs: list[tuple[int, str, str]]
) -> None:
    phrases = english_phrases(pairs)
    assert len(phrases) > 50
    for phrase in phrases:
        expected = scan(pairs, phrase, chinese=False)
        assert expected, phrase
        assert found(devset, f'"{phrase}"') == expected, phrase
        # without quotes, every inflection of the words in this order: at least as many
        assert found(devset, phrase) >= expected, phrase


def test_the_query_is_marked_where_it_is(devset: Path) -> None:
    for query, side in (("可持续发展", "zh"), ('"Member States"', "en"), ("Security Council", "en")):
        results = unterm.search(devset, query, limit=20)
        assert results.hits
        for hit in results.hits:
            spans = hit.spans(side)
            marked = {hit.text(side)[s.start : s.end].lower() for s in spans}
            assert marked == {query.strip('"').lower()}, (query, hit.text(side))


@pytest.mark.parametrize(
    ("query", "literal"),
    [
        ('"security council', "security council"),  # an unbalanced quote
        ("Council*", "council"),
        ("NEAR(security council)", "near security council"),
        ("security -council", "security council"),
        ("security AND council", "security and council"),
        ("security OR", "security or"),
        ("^security", "security"),
        ("text:security", "text security"),
        ("安全理事会*", "安全理事会*"),
        ('安全"理事会', '安全"理事会'),
        ("(安全理事会)", "(安全理事会)"),
    ],
)
def test_fts_syntax_is_text_to_look_for(
    devset: Path, pairs: list[tuple[int, str, str]], query: str, literal: str
) -> None:
    chinese = bool(regex.search(r"\p{Han}", query))
    results = unterm.search(devset, query, limit=100_000)
    if chinese:
        assert {h.id for h in results.hits} == scan(pairs, literal, chinese=True)
    else:
        # the words of the query, in order, whatever the characters between them
        words = regex.findall(r"[\p{L}\p{N}]+", literal)
        pattern = regex.compile(r"(?<![\p{L}\p{N}])" + r"[^\p{L}\p{N}]+".join(words) + r"(?![\p{L}\p{N}])")
        expected = {i for i, _, e in pairs if pattern.search(e)}
        assert {h.id for h in results.hits} >= expected


@pytest.mark.parametrize("query", ['"', "*", "-", "()", "“”", " ", "( * ) -"])
def test_a_query_with_nothing_to_look_for_is_refused(devset: Path, query: str) -> None:
    with pytest.raises(InputError, match=r"no letter, digit or Chinese character"):
        unterm.search(devset, query)


def test_filters_sort_and_levels(devset: Path) -> None:
    every = unterm.search(devset, "安全理事会", limit=100_000)
    security = unterm.search(devset, "安全理事会", symbols=["S/"], limit=100_000)
    assert 0 < security.total < every.total
    assert all(h.document.startswith("S/") for h in security.hits)
    assert unterm.search(devset, "安全理事会", years=(2015, 2015)).total == every.total
    assert unterm.search(devset, "安全理事会", years=(2016, 2022)).total == 0
    paragraphs = unterm.search(devset, "安全理事会", level="paragraph", limit=100_000)
    assert paragraphs.total > 0 and {h.level.value for h in paragraphs.hits} == {"paragraph"}
    by_score = unterm.search(devset, "安全理事会", sort="score", limit=100_000)
    scores = [h.score for h in by_score.hits]
    assert scores == sorted(scores, reverse=True)


def test_a_symbol_is_found_on_both_sides_and_not_inside_a_longer_one(bundled: Path) -> None:
    for symbol, pairs in (
        ("A/77/444", 1),
        ("CEB/2019/1/Add.5", 1),
        ("CEB/2019/1", 0),
        ("A/55/602/Add.2", 1),
        ("A/55/602", 0),
    ):
        results = unterm.search(bundled, symbol, limit=100)
        assert results.side == "both" and results.total == pairs, symbol
        for hit in results.hits:
            for side in ("zh", "en"):
                assert [hit.text(side)[s.start : s.end] for s in hit.spans(side)] == [symbol]
