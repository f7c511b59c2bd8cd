"""Anchor normalisers: dates, Chinese numerals, ordinals, symbols, on phrases from the corpora."""

from __future__ import annotations

import pytest

from unterm.lang.anchors import extract_anchors
from unterm.lang.languages import Lang
from unterm.lang.numerals import roman, zh_numeral

ZH, EN = Lang.ZH, Lang.EN

# (language, text, the anchors extracted, in order)
CASES = [
    # dates, with the spacing PDF conversion leaves, ranges, months, Chinese numerals
    (ZH, "2022 年 12 月 14 日大会决议", ["date 2022-12-14"]),
    (ZH, "2022年12月14日", ["date 2022-12-14"]),
    (EN, "Resolution adopted by the General Assembly on 14 December 2022", ["date 2022-12-14"]),
    (EN, "on December 14, 2022", ["date 2022-12-14"]),
    (ZH, "将于 2023 年 6 月 5 日至 9 日在内罗毕举行", ["date 2023-06-05", "date 2023-06-09"]),
    (EN, "to be held in Nairobi from 5 to 9 June 2023", ["date 2023-06-05", "date 2023-06-09"]),
    (ZH, "于 2022 年 6 月 26 至 30 日主办", ["date 2022-06-26", "date 2022-06-30"]),
    (EN, "from 30 June to 2 July 2022", ["date 2022-06-30", "date 2022-07-02"]),
    (ZH, "包括 2019 年 6 月在内罗毕召开", ["month 2019-06"]),
    (EN, "in Nairobi in June 2019", ["month 2019-06"]),
    (ZH, "联合国大会一九四八年十二月十日第217A(III)号决议", ["date 1948-12-10", "resolution 217 A (III)"]),
    (EN, "resolution 217 A (III) of 10 December 1948", ["resolution 217 A (III)", "date 1948-12-10"]),
    # Chinese numerals where they are numbers, and where they are not
    (ZH, "主办论坛第十一届会议", ["number 11"]),
    (EN, "hosting the eleventh session of the Forum", ["number 11"]),
    (ZH, "第七十七届会议", ["number 77"]),
    (EN, "Seventy-seventh session", ["number 77"]),
    (ZH, "缔约方大会第二十七届会议", ["number 27"]),
    (EN, "the twenty-seventh session of the Conference", ["number 27"]),
    (ZH, "第53次全体会议", ["number 53"]),
    (EN, "53rd plenary meeting", ["number 53"]),
    (ZH, "全体会议部分 87 个会员国发言", ["number 87"]),
    (ZH, "加速执行《新城市议程》的五个行动领域", ["number 5"]),
    (EN, "87 Member States, which highlighted five action areas", ["number 87", "number 5"]),
    (ZH, "第69/283号决议，附件二。", ["resolution 69/283", "number 2"]),
    (EN, "Resolution 69/283, annex II.", ["resolution 69/283", "number 2"]),
    (ZH, "新的“三级”指标", ["number 3"]),
    (EN, "the new tier III indicators", ["number 3"]),
    (ZH, "联合国人类住区会议(人居二)", ["number 2"]),
    (EN, "Conference on Human Settlements (Habitat II)", ["number 2"]),
    (ZH, "不让任何一个人掉队", []),
    (ZH, "千年发展目标", []),
    (ZH, "百分之四十", ["number 40%"]),
    (EN, "40 per cent", ["number 40%"]),
    (ZH, "500万美元", ["number 5000000"]),
    (EN, "US$ 5 million", ["number 5000000"]),
    (ZH, "每人每日生活费不足1.25美元", ["number 1.25"]),
    (EN, "less than $1.25 a day", ["number 1.25"]),
    (EN, "no one will be left behind, and may 2030", ["number 2030"]),
    # document symbols, resolution and decision numbers
    (ZH, "[根据第二委员会的报告(A/77/444, 第 12 段)通过]", ["number 2", "symbol A/77/444", "number 12"]),
    (
        EN,
        "[on the report of the Second Committee (A/77/444, para. 12)]",
        ["number 2", "symbol A/77/444", "number 12"],
    ),
    (ZH, "JIU/REP/2022/1。", ["symbol JIU/REP/2022/1"]),
    (EN, "CEB/2019/1/Add.5.", ["symbol CEB/2019/1/Add.5"]),
    (
        ZH,
        "见 FCCC/CP/2015/10/Add.1，第1/CP.21号决定。",
        ["symbol FCCC/CP/2015/10/Add.1", "resolution 1/CP.21"],
    ),
    (EN, "document A/CONF.192/PC/L.3 of 1 December 2000", ["symbol A/CONF.192/PC/L.3", "date 2000-12-01"]),
    (ZH, "2018 年 12 月 20 日第 73/229 号决议", ["date 2018-12-20", "resolution 73/229"]),
    (EN, "its resolution 73/239 of 20 December 2018", ["resolution 73/239", "date 2018-12-20"]),
    (EN, "the 2020–2023 strategic plan", ["number 2020", "number 2023"]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_anchors(lang: Lang, text: str, expected: list[str]) -> None:
    assert [str(a) for a in extract_anchors(text, lang)] == expected


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十一", 11),
        ("七十七", 77),
        ("二十七", 27),
        ("一九四八", 1948),
        ("两", 2),
        ("一百零五", 105),
        ("一千七百七十一", 1771),
    ],
)
def test_zh_numeral(numeral: str, value: int) -> None:
    assert zh_numeral(numeral) == value


@pytest.mark.parametrize(("numeral", "value"), [("II", 2), ("III", 3), ("IV", 4), ("IX", 9), ("XXI", 21)])
def test_roman(numeral: str, value: int) -> None:
    assert roman(numeral) == value


def test_the_real_reference_difference_shows() -> None:
    """A/RES/77/173: the Chinese cites resolution 73/229 where the English cites 73/239."""
    zh = extract_anchors("认识到在执行大会 2018 年 12 月 20 日第 73/229 号决议方面取得的进展", ZH)
    en = extract_anchors(
        "Recognizing the progress made in the implementation of its resolution 73/239 of 20 December 2018", EN
    )
    assert set(map(str, zh)) ^ set(map(str, en)) == {"resolution 73/229", "resolution 73/239"}
