"""Where a paragraph ends, and footnote markers, each rule on its own (documents.paragraphs,
documents.markup)."""

from __future__ import annotations

import pytest

from unterm.documents import lines as ln
from unterm.documents import markup
from unterm.documents import paragraphs as para
from unterm.documents.lines import Layout
from unterm.lang.languages import Lang

# a wrapped page as a PDF extractor gives it: the chapeau, a preambular paragraph over
# three lines ending in a bare footnote marker, an operative paragraph, the page's note
WRAPPED = """The General Assembly,
Recalling its resolution 56/206 of 21 December 2001 on the strengthening of the mandate
and status of the Commission on Human Settlements and the status, role and functions of the
United Nations Centre for Human Settlements (Habitat),1
1. Takes note of the report of the Secretary-General;
__________________
1 See A/77/444.
"""


def grouped(text: str, lang: Lang = Lang.EN) -> list[tuple[int | None, str]]:
    lines = ln.drop_furniture(ln.split_lines(text))
    layout, page = ln.choose_layout(lines, False)
    paras = para.repair_cuts(
        para.group(lines, layout, page, lang, para.note_starts(lines)), layout, page, lang
    )
    return [(p.footnote, p.raw(lang)) for p in paras]


def test_wrapped_lines_join_and_units_start_paragraphs() -> None:
    out = grouped(WRAPPED)
    assert [n for n, _ in out] == [None, None, None, 1]
    assert out[1][1].startswith("Recalling its resolution 56/206") and out[1][1].endswith("(Habitat),1")
    assert out[2][1] == "1. Takes note of the report of the Secretary-General;"
    assert out[3][1] == "1 See A/77/444."


@pytest.mark.parametrize(
    ("prev", "line", "layout", "ends"),
    [
        ("a short line", "next line", Layout.LINES, True),  # one paragraph a line
        ("joined in Markdown", "without a blank line", Layout.MARKDOWN, False),
        ("anything", "2. Requests the Secretary-General", Layout.MARKDOWN, True),  # a unit starts
        ("anything", "(b) To consider", Layout.WRAPPED, True),
        ("short, not full", "the next line", Layout.WRAPPED, True),  # the word would have fitted
        ("x" * 85 + " and", "the rest of the sentence", Layout.WRAPPED, False),  # a full line, mid-sentence
        (
            "x" * 85 + ";",
            "Recalling also its resolution",
            Layout.WRAPPED,
            True,
        ),  # ends and opens like paragraphs
    ],
)
def test_ends_between(prev: str, line: str, layout: Layout, ends: bool) -> None:
    assert para.ends_between(prev, line, None, layout, 90.0, Lang.EN) is ends


def test_a_paragraph_cut_by_a_page_break_is_joined_across_its_notes() -> None:
    first = "Recalling its resolution 56/206 of 21 December 2001 on the strengthening of the mandate\n"
    text = (
        "The General Assembly,\n"
        + first
        + "and status of the Commission on Human Settlements and the status, role and functions of the\n"
        "__________________\n1 See A/77/444.\n\f"
        "United Nations Centre for Human Settlements (Habitat),\n"
        "1. Takes note of the report;\n"
    )
    out = grouped(text)
    body = [t for n, t in out if n is None]
    assert body[1].startswith("Recalling") and body[1].endswith("(Habitat),")
    assert [n for n, _ in out].count(1) == 1


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        ("the Paris Agreement,1 and", [1], [1]),
        ("《巴黎协定》，1 并", [1], [1]),
        ("Goal 11 and the 2030 Agenda", [1, 2], []),  # numbers, not markers
        ("第1771卷", [1771], []),  # a count
        ("the decade 2015–20303 will", [3], [3]),  # a year with a marker glued to it
        ("the Agreement,2 and", [1, 2], []),  # only the next note expected is taken
        ("document A/77/444,1", [1], [1]),
    ],
)
def test_bare_footnote_markers(text: str, expected: list[int], found: list[int]) -> None:
    assert [n for _, _, n in markup.find_markers(text, expected)] == found


def test_clean_takes_the_markers_out_and_keeps_them_as_data() -> None:
    assert markup.clean("*Welcoming* the Paris Agreement,<sup>1</sup> and", Lang.EN, []) == (
        "Welcoming the Paris Agreement, and",
        (1,),
    )
    assert markup.clean("the Paris Agreement,1 and Goal 11 by 2030", Lang.EN, [1]) == (
        "the Paris Agreement, and Goal 11 by 2030",
        (1,),
    )
    assert markup.clean("欢迎《巴黎协定》， 1 并", Lang.ZH, []) == ("欢迎《巴黎协定》， 1 并", ())


def test_note_starts_need_the_rule_or_a_citation() -> None:
    lines = ln.split_lines("A line citing nothing\n3 apples were counted\n")
    assert para.note_starts(lines) == {}
    lines = ln.split_lines("the Agreement,1 and\n1 See A/77/444.\n")
    assert para.note_starts(lines) == {1: 1}
