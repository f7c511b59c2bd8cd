"""Term candidates in one segment, and merging mined entries into a termbase, each on its
own."""

from __future__ import annotations

from unterm.termbase import chinese, english, zh_words
from unterm.termbase.merge import merge
from unterm.termbase.model import Entry, Term, Termbase, TermType


def test_chinese_candidates_are_runs_ending_in_a_noun() -> None:
    found = {
        c.text for c in chinese.candidates("请联合国人类住区规划署执行主任向大会第七十八届会议提交报告。")
    }
    assert {"联合国人类住区规划署", "执行主任", "联合国人类住区规划署执行主任"} <= found
    assert not any(t.startswith(("请", "向")) or t.endswith(("向", "。")) for t in found)


def test_names_are_found_whatever_characters_they_hold() -> None:
    """也 and 以 are function words, not reasons to cut 也门 (Yemen) or 以色列 (Israel)."""
    found = {c.text for c in chinese.candidates("和平与安全理事会讨论了也门局势和以色列问题。")}
    assert {"也门", "以色列", "和平与安全理事会", "也门局势"} <= found
    # a State's name is one word, but 中国 is no name inside 发展中国家
    words = [w for w, _, _ in zh_words.tokens("大不列颠及北爱尔兰联合王国支持发展中国家")]
    assert words[0] == "大不列颠及北爱尔兰联合王国" and "中国" not in words


def test_the_dictionary_renders_the_english_where_jieba_misreads() -> None:
    """jieba tags 预算 (budget) a verb and 青年 (youth) a time word: the English says what
    they are."""
    text = "审议与青年有关的方案预算问题"
    assert not {"青年", "预算"} & {c.text for c in chinese.candidates(text)}
    found = {c.text for c in chinese.candidates(text, english=["youth", "programme budget", "budget"])}
    assert {"青年", "预算"} <= found


def test_english_names_of_states_are_not_coordinated() -> None:
    found = [
        c.text for c in english.candidates("the border between the Sudan and Chad and Antigua and Barbuda")
    ]
    assert "Sudan and Chad" not in found and {"Sudan", "Chad", "Antigua and Barbuda"} <= set(found)


def test_chinese_titles_and_bracketed_short_forms() -> None:
    text = "欢迎《新城市议程》，请联合国人类住区规划署(人居署)协助。"
    assert chinese.Candidate("《新城市议程》", TermType.TITLE) in chinese.candidates(text)
    short, expansions = chinese.parentheticals(text)[0]
    assert short == "人居署" and expansions[0] == "联合国人类住区规划署"


def test_english_candidates_are_noun_phrases_and_names() -> None:
    text = (
        "Requests the Executive Director of the United Nations Human Settlements Programme to submit a report"
    )
    found = [c.text for c in english.candidates(text)]
    assert "Executive Director" in found and "United Nations Human Settlements Programme" in found
    assert not any(t.split()[0].lower() in ("the", "to", "requests") for t in found)
    assert "Human Settlements" not in found  # a cut inside a name


def test_english_acronyms_with_their_expansions() -> None:
    assert english.parentheticals("the United Nations Human Settlements Programme (UN-Habitat) and") == [
        ("United Nations Human Settlements Programme", "UN-Habitat")
    ]


def test_merge_marks_known_entries_and_reports_conflicts() -> None:
    existing = Termbase(
        (
            Entry("c0001", (Term("人居署"),), (Term("UN-Habitat"),)),
            Entry("c0002", (Term("执行局"),), (Term("Executive Board"),)),
        )
    )
    mined = Termbase(
        (
            Entry("", (Term("人居署"),), (Term("UN-Habitat"),), frequency=3),
            Entry("", (Term("执行局"),), (Term("Governing Board"),), frequency=1),
            Entry("", (Term("《新城市议程》"),), (Term("New Urban Agenda"),)),
        )
    )
    merged = merge(existing, mined)
    assert [(e.id, e.zh_text, e.en_text, e.known) for e in merged.entries] == [
        ("c0001", "人居署", "UN-Habitat", True),
        ("c0002", "执行局", "Executive Board", False),
        ("c0003", "执行局", "Governing Board", False),
        ("c0004", "《新城市议程》", "New Urban Agenda", False),
    ]
    assert merged.entries[0].frequency == 3
    assert merged.conflicts == ("执行局 = Governing Board (mined) but c0002 has 执行局 = Executive Board",)
