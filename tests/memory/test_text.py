"""Text as the memory searches it: the search form and its offsets back to the text as
written, and what a document's name and lines say of its symbol and date."""

from __future__ import annotations

import pytest
import regex

from unterm.lang.languages import Lang
from unterm.memory import text
from unterm.memory.text import name_symbol, name_year, searchable, text_date


@pytest.mark.parametrize(
    ("written", "lang", "form"),
    [
        ("１．　（ａ）２０３０ 年“议程”", Lang.ZH, '1.(a)2030年"议程"'),
        ("家 庭团聚", Lang.ZH, "家庭团聚"),
        ("UN Habitat 与 人居署", Lang.ZH, "un habitat与人居署"),
        ("Secretary‑General’s  report\t— ﬁnal ", Lang.EN, "secretary-general's report - final"),
        ("New Urban Agenda", Lang.EN, "new urban agenda"),
        ("a\x07b", Lang.EN, "a b"),
    ],
)
def test_the_search_form_and_its_offsets(
    written: str, lang: Lang, form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = searchable(written, lang)
    assert found.text == form
    assert len(found.offsets) == len(form) + 1
    # each character of the form comes from the character of the text it is the form of
    for k, c in enumerate(form):
        if c != " ":
            assert text._char(written[found.offsets[k]]).find(c) >= 0 or c in "-'\"", (k, c)
    # the quick path (single spaces, nothing to drop) gives what the character walk gives
    monkeypatch.setattr(text, "_ODD_SPACE", regex.compile(r"^"))
    monkeypatch.setattr(text, "_ANY_SPACE", regex.compile(r"^"))
    assert searchable(written, lang) == found


def test_a_span_of_the_form_is_the_text_as_written() -> None:
    written = "１．　（ａ）２０３０ 年议程"
    found = searchable(written, Lang.ZH)
    at = found.text.index("2030年")
    start, end = found.original(at, at + len("2030年"))
    assert written[start:end] == "２０３０ 年"


@pytest.mark.parametrize(
    ("name", "symbol", "year"),
    [
        ("A_RES_77_173", "A/RES/77/173", ""),
        ("2015/a/ac_182/l_139", "A/AC.182/L.139", "2015"),
        ("2015/e/cn_6/2015/ngo/259", "E/CN.6/2015/NGO/259", "2015"),
        ("2015/a/69/3/rev_1", "A/69/3/Rev.1", "2015"),
        ("udhr", "", ""),
        ("reports/2019/annual", "", "2019"),
    ],
)
def test_what_a_name_says(name: str, symbol: str, year: str) -> None:
    assert (name_symbol(name), name_year(name)) == (symbol, year)


def test_a_documents_date_is_its_adoption() -> None:
    lines = [
        ("header", "Resolution adopted by the General Assembly on 14 December 2022", Lang.EN),
        ("operative", "Decides to convene on 1 January 2030 a meeting", Lang.EN),
        ("closing", "54th plenary meeting 14 December 2022", Lang.EN),
    ]
    assert text_date(lines) == "2022-12-14"
    assert text_date(lines[:2]) == "2022-12-14"
    assert text_date([("closing", "2022年12月14日\n第54次全体会议", Lang.ZH)]) == "2022-12-14"
    assert text_date([("operative", "on 1 January 2030", Lang.EN)]) == ""
