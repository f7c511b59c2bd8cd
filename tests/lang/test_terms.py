"""Finding known terms in text (lang.terms), the normal forms (lang.text) and UN
symbol lines (lang.symbols)."""

from __future__ import annotations

import pytest

from unterm.lang.languages import Lang, detect_lang
from unterm.lang.symbols import SYMBOL, symbol_line
from unterm.lang.terms import TermFinder
from unterm.lang.text import nfkc, normalise_zh, squeeze, zh_key

FINDER = TermFinder.of(
    [
        ("c1", Lang.ZH, "人居署"),
        ("c1", Lang.EN, "UN-Habitat"),
        ("c2", Lang.ZH, "人居署执行局"),
        ("c2", Lang.EN, "Executive Board of UN-Habitat"),
        ("c3", Lang.ZH, "《2030 年可持续发展议程》"),
        ("c4", Lang.EN, "Member State"),
    ]
)


def test_the_longest_term_wins() -> None:
    assert FINDER.find("人居署执行局和人居署", Lang.ZH) == [("人居署执行局", ("c2",)), ("人居署", ("c1",))]
    assert FINDER.find("the Executive Board of UN-Habitat and UN-Habitat", Lang.EN) == [
        ("Executive Board of UN-Habitat", ("c2",)),
        ("UN-Habitat", ("c1",)),
    ]


def test_terms_are_found_in_their_normal_forms() -> None:
    assert FINDER.find("落实《2030年可持续发展议程》", Lang.ZH) == [("2030年可持续发展议程", ("c3",))]
    assert FINDER.find("all Member States", Lang.EN) == [("Member States", ("c4",))]
    assert FINDER.find("MEMBER  STATE", Lang.EN) == [("MEMBER  STATE", ("c4",))]
    assert FINDER.find("non-Member-Statehood", Lang.EN) == []


def test_normal_forms() -> None:
    assert nfkc("１．（ａ）") == "1.(a)"
    assert squeeze(" a\u3000 b\n") == "a b"
    assert normalise_zh("2030 年 和 5 个") == "2030年 和 5个"
    assert zh_key("《2030 年议程》") == "2030年议程"


@pytest.mark.parametrize(
    ("line", "symbol", "masthead"),
    [
        ("A/RES/77/173", "A/RES/77/173", False),
        ("United Nations A/77/444", "A/77/444", True),
        ("联合国 A/RES/217 (III)", "A/RES/217 (III)", True),
        ("UN-Habitat/2022", "", False),  # one slash: not a symbol line
        ("See A/77/444.", "", False),
    ],
)
def test_symbol_lines(line: str, symbol: str, masthead: bool) -> None:
    assert symbol_line(line) == (symbol, masthead)


def test_symbols_in_running_text() -> None:
    text = "report (A/77/444), JIU/REP/2022/1 and CEB/2019/1/Add.5."
    assert [m[0] for m in SYMBOL.finditer(text)] == ["A/77/444", "JIU/REP/2022/1", "CEB/2019/1/Add.5"]


def test_which_language() -> None:
    assert detect_lang("大会第七十七届会议 A/77/444") is Lang.ZH
    assert detect_lang("The General Assembly") is Lang.EN
    assert detect_lang("1234 5678") is None
