"""Reversed meaning and numbers in words: faults made in copies of a treaty, a resolution
and UNPC documents are each found once at their place, with nothing new elsewhere; the
untouched pairs give none of these findings; and the numbers UN texts write in words or
as ranges are read as the other side writes them."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.support.faults import faulty
from tests.support.reversal_faults import GROUPS, PAIRS, Group
from unterm.align.paragraphs import align_files
from unterm.lang.languages import Lang
from unterm.qa.model import Finding, Report
from unterm.qa.numbers import same
from unterm.qa.readings import loose_values, read
from unterm.qa.run import run_checks

_CLEAN: dict[str, Report] = {}


def _where(f: Finding) -> tuple[str, str, str]:
    return (f.check, f.zh_key, f.en_key)


def _clean(name: str, folder: Path) -> Report:
    if name not in _CLEAN:
        _CLEAN[name] = run_checks(align_files(*PAIRS[name](folder)))
    return _CLEAN[name]


@pytest.mark.parametrize("group", GROUPS, ids=[g.name for g in GROUPS])
def test_each_fault_is_found_once_at_its_place(tmp_path: Path, group: Group) -> None:
    (tmp_path / "clean").mkdir()
    (tmp_path / "faulty").mkdir()
    clean = _clean(group.pair, tmp_path / "clean")
    pair = PAIRS[group.pair](tmp_path / "clean")
    report = run_checks(align_files(*faulty(tmp_path / "faulty", group.edit("zh"), group.edit("en"), pair)))
    new = Counter(map(_where, report.findings)) - Counter(map(_where, clean.findings))
    assert new == Counter((e.check, *e.where) for e in group.expected), [
        (f.check, f.zh_key, f.en_key, f.message) for f in report.findings if _where(f) in new
    ]
    for e in group.expected:
        found = next(f for f in report.findings if _where(f) == (e.check, *e.where))
        assert e.quoted in found.zh_excerpt + found.en_excerpt, found
        # the excerpts are cut from the text as it stands, so the report marks them there
        p = report.alignment.pairs[found.pair]
        for text, lang in ((found.zh_excerpt, Lang.ZH), (found.en_excerpt, Lang.EN)):
            if text and not text.endswith("…"):
                assert all(part in report.alignment.text(p, lang) for part in text.split(" … "))


@pytest.mark.parametrize("name", ["Charter", "A/RES/77/173", "A/69/743"])
def test_the_untouched_pairs_say_nothing_of_negation_or_modality(tmp_path: Path, name: str) -> None:
    found = [
        _where(f)
        for f in _clean(name, tmp_path).findings
        if f.check in ("content.negation", "content.modality")
    ]
    assert found == []


# --- numbers as UN texts write them ---------------------------------------------------------
@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("第三十五条第二项", "Article 35, paragraph 2"),
        (
            "一千九百四十五年六月二十六日",
            "the twenty-sixth day of June, one thousand nine hundred and forty-five",
        ),
        ("2018年6月至9月期间", "June-September 2018"),
        ("0.15%至0.2%", "0.15 to 0.20 per cent"),
        ("三分之二多数", "a two-thirds majority"),
        ("第四条", "article IV"),
        ("上午10时15分", "at 10.15 a.m."),
        ("13时10分", "At 1310, near the border"),
        ("10月14日和15日", "on 14 and 15 October"),
        ("200多万人", "more than 2 million people"),
        ("1 630.8千克", "1,630.8 kg"),
    ],
)
def test_a_number_in_another_form_is_the_same_number(zh: str, en: str) -> None:
    zh_values = {r.anchor.value for r in read(zh, Lang.ZH)}
    en_values = {r.anchor.value for r in read(en, Lang.EN)}
    assert zh_values and en_values
    assert all(same(v, en_values) for v in zh_values), (zh_values, en_values)
    assert all(same(v, zh_values) for v in en_values), (zh_values, en_values)


def test_a_bare_chinese_numeral_counts_where_the_other_side_has_the_number() -> None:
    # 十五会员国 has no measure word: not read as a number to report, but seen
    assert "15" in loose_values("安全理事会以联合国十五会员国组织之", Lang.ZH)
    assert "54" in loose_values("经济及社会理事会由大会选举联合国五十四会员国组织之", Lang.ZH)
    # and not in words that only look like numerals
    assert loose_values("十分重要的唯一一个办法", Lang.ZH) == set()


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("三分之一", "two-thirds"),
        ("第四条", "article VI"),
        (
            "一千九百四十五年六月二十六日",
            "the twenty-fifth day of June, one thousand nine hundred and forty-five",
        ),
        ("上午10时15分", "at 10.15 p.m."),
    ],
)
def test_a_different_number_in_those_forms_differs(zh: str, en: str) -> None:
    zh_values = {r.anchor.value for r in read(zh, Lang.ZH)}
    en_values = {r.anchor.value for r in read(en, Lang.EN)}
    assert not all(same(v, en_values) for v in zh_values)
