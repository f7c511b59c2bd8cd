"""The QA checks on the real corpora: what they find on the clean pairs, and faults made in
copies of them, each of which must be found exactly once and at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from tests.support.faults import GA_PAIR, Edit, faulty, key, replaced, without_line
from unterm.align.paragraphs import align_files
from unterm.lang.languages import Lang
from unterm.qa.model import Report, Severity
from unterm.qa.run import run_checks
from unterm.qa.style import HouseStyle
from unterm.termbase.model import Termbase

REAL_ERROR = (
    "references.mismatch",
    "preambular 13",
    "preambular 13",
    "references differ: resolution 73/229 in the Chinese; resolution 73/239 in the English",
)


# --- the clean A/RES/77/173 pair ------------------------------------------------------------
def test_the_real_73_229_against_73_239_is_the_only_error(ares_report: Report) -> None:
    errors = [key(f) for f in ares_report.findings if f.severity is Severity.ERROR]
    assert errors == [REAL_ERROR]
    finding = ares_report.findings[0]
    assert (finding.zh_excerpt, finding.en_excerpt) == ("73/229", "73/239")


def test_half_width_punctuation_after_chinese(ares_report: Report) -> None:
    found = [f for f in ares_report.findings if f.check == "typography.halfwidth"]
    assert [f.zh_key for f in found] == ["header 5", "chapeau", "preambular 1", "preambular 2"]
    assert found[1].zh_excerpt == "大会,"
    assert "':'" in found[3].message and "'，' (191 times)" in found[3].message
    # the document writes every parenthesis half-width: consistent, so never flagged
    assert not any("'('" in f.message for f in found)


def test_mixed_spacing_between_digits_and_chinese(ares_report: Report) -> None:
    found = [f for f in ares_report.findings if f.check == "typography.spacing"]
    # most numbers are spaced (`2018 年 12 月`); the paragraphs writing `2016年` are flagged
    assert [f.zh_key for f in found] == [
        "preambular 3",
        "footnote 2",
        "preambular 5",
        "preambular 6",
        "preambular 9",
        "preambular 10",
        "footnote 3",
        "13",
        "19",
        "closing 1",
        "closing 2",
    ]
    assert all("without a space" in f.message and "171 times against 59" in f.message for f in found)
    assert found[2].zh_excerpt.startswith("市议程”的2016年")


def test_nothing_else_is_reported_on_the_clean_pair(ares_report: Report) -> None:
    checks = {f.check for f in ares_report.findings}
    assert checks == {"references.mismatch", "typography.halfwidth", "typography.spacing"}
    flagged = {f.pair for f in ares_report.findings}
    assert len(flagged) == 16  # of 75 pairs: the other 59 are fine and carry no finding


def test_a_house_style_replaces_the_documents_own(ares_report: Report) -> None:
    a = ares_report.alignment
    spaced = run_checks(a, style=HouseStyle(cjk_digit_spacing="space"), consistency=False)
    tight = run_checks(a, style=HouseStyle(cjk_digit_spacing="none"), consistency=False)
    assert len([f for f in spaced.findings if f.check == "typography.spacing"]) == 11
    tight_found = [f for f in tight.findings if f.check == "typography.spacing"]
    assert all("with a space" in f.message for f in tight_found)
    # every Chinese paragraph with a space between a number and a Chinese character (not
    # the digits of a Latin name like COVID-19)
    gap = regex.compile(r"(?<![A-Za-z\-\d])\d[\d/\-–]* \p{Han}|\p{Han} \d")
    spaced_paragraphs = {i for i, p in enumerate(a.pairs) if p.zh and gap.search(a.text(p, Lang.ZH))}
    assert {f.pair for f in tight_found} == spaced_paragraphs
    full = run_checks(a, style=HouseStyle(halfwidth_punctuation="full-width"), consistency=False)
    halves = [f for f in full.findings if f.check == "typography.halfwidth"]
    assert any("'('" in f.message for f in halves)  # now the parentheses too


def test_the_ga_sample_has_no_errors() -> None:
    report = run_checks(align_files(*GA_PAIR))
    assert report.at_least(Severity.ERROR) == ()
    # one real inconsistency: `(联合国出版物` where the document otherwise writes `（`
    assert [(f.check, f.zh_key) for f in report.findings] == [("typography.halfwidth", "preambular 3")]


# --- faults made in copies of the real pairs -----------------------------------------------
FAULTS = [
    pytest.param(
        None,
        without_line("*Reaffirming* the importance of accountability"),
        "structure.one-sided",
        ("preambular 15", ""),
        id="English preambular paragraph deleted",
    ),
    pytest.param(
        without_line("**重申**问责制"),
        None,
        "structure.one-sided",
        ("", "preambular 15"),
        id="Chinese preambular paragraph deleted",
    ),
    pytest.param(
        None,
        without_line("7. *Reaffirms*"),
        "structure.one-sided",
        ("7", ""),
        id="English operative paragraph deleted",
    ),
    pytest.param(
        None,
        replaced("15. *Encourages*", "51. *Encourages*"),
        "structure.numbering",
        ("15", "51"),
        id="English paragraph misnumbered",
    ),
    pytest.param(
        None,
        replaced("held in Quito from 17 to 20 October 2016", "held in Quito from 17 to 21 October 2016"),
        "numbers.mismatch",
        ("preambular 5", "preambular 5"),
        id="English date changed",
    ),
    pytest.param(
        replaced("2023 年 6 月 5 日至 9 日", "2023 年 6 月 5 日至 8 日"),
        None,
        "numbers.mismatch",
        ("1", "1"),
        id="Chinese date changed",
    ),
    pytest.param(
        None,
        replaced("<sup>4</sup> CEB/2019/1/Add.5.", "<sup>4</sup> CEB/2019/1/Add.6."),
        "references.mismatch",
        ("footnote 4", "footnote 4"),
        id="English symbol changed",
    ),
    pytest.param(
        replaced("第71/243号决议", "第71/234号决议"),
        None,
        "references.mismatch",
        ("preambular 6", "preambular 6"),
        id="Chinese resolution number changed",
    ),
    pytest.param(
        None,
        without_line("<sup>6</sup> JIU/REP/2022/1."),
        "structure.footnote",
        ("footnote 6", ""),
        id="English footnote deleted",
    ),
    pytest.param(
        None,
        replaced("Agenda<sup>7</sup> readdresses", "Agenda readdresses"),
        "structure.footnote",
        ("9", "9"),
        id="English footnote reference deleted",
    ),
    pytest.param(
        None,
        replaced(
            "*Aware* that the effective implementation of the New Urban Agenda",
            "*Aware* that the effective implementation of the Habitat Agenda",
        ),
        "terms.inconsistent",
        ("preambular 20", "preambular 20"),
        id="English term swapped (no termbase)",
    ),
]


@pytest.mark.parametrize(("zh_edit", "en_edit", "check", "where"), FAULTS)
def test_each_fault_is_found_once_at_its_place(
    tmp_path: Path,
    ares_report: Report,
    zh_edit: Edit | None,
    en_edit: Edit | None,
    check: str,
    where: tuple[str, str],
) -> None:
    report = run_checks(align_files(*faulty(tmp_path, zh_edit, en_edit)))
    found = [f for f in report.findings if f.check == check and (f.zh_key, f.en_key) == where]
    assert len(found) == 1, [key(f) for f in report.findings if f.check == check]
    before = sum(f.check == check for f in ares_report.findings)
    assert sum(f.check == check for f in report.findings) == before + 1
    # and no other error appears: the errors are the clean pair's, plus this one if it is one
    errors = [key(f) for f in report.findings if f.severity is Severity.ERROR and f is not found[0]]
    assert errors == [REAL_ERROR]


def test_a_swapped_term_against_a_termbase(
    tmp_path: Path, glossary: Termbase, ares_report_with_glossary: Report
) -> None:
    edit = replaced(
        "*Aware* that the effective implementation of the New Urban Agenda",
        "*Aware* that the effective implementation of the Habitat Agenda",
    )
    report = run_checks(align_files(*faulty(tmp_path, en=edit)), termbase=glossary)
    new = set(map(key, report.findings)) - set(map(key, ares_report_with_glossary.findings))
    assert new == {
        (
            "terms.missing",
            "preambular 20",
            "preambular 20",
            "the Chinese has “新城市议程” but the English has none of its equivalents in the termbase "
            "(New Urban Agenda)",
        )
    }


def test_the_termbase_check_on_the_clean_pair(ares_report_with_glossary: Report) -> None:
    found = [key(f) for f in ares_report_with_glossary.findings if f.check.startswith("terms.")]
    # the one real case: the Chinese of preambular 14 writes 四年期全面政策审查 where the
    # termbase (and the rest of the document) has 四年度全面政策审查
    assert found == [
        (
            "terms.missing",
            "preambular 14",
            "preambular 14",
            "the English has “quadrennial comprehensive policy review” but the Chinese has none of its "
            "equivalents in the termbase (四年度全面政策审查)",
        )
    ]


def test_a_deprecated_term(tmp_path: Path, glossary: Termbase) -> None:
    from dataclasses import replace as copy

    from unterm.termbase.model import Term, Usage

    entries = list(glossary.entries)
    k = next(i for i, e in enumerate(entries) if e.en_text == "Member States")
    entries[k] = copy(entries[k], en=(*entries[k].en, Term("Member Nations", usage=Usage.DEPRECATED)))
    termbase = copy(glossary, entries=tuple(entries))
    edit = replaced("4. *Encourages* Member States", "4. *Encourages* Member Nations")
    report = run_checks(align_files(*faulty(tmp_path, en=edit)), termbase=termbase, consistency=False)
    found = [
        (f.check, f.en_key, f.en_excerpt, f.message) for f in report.findings if f.check == "terms.deprecated"
    ]
    assert found == [
        (
            "terms.deprecated",
            "4",
            "Member Nations",
            "“Member Nations” is marked deprecated in the termbase; the termbase prefers Member States",
        )
    ]
    # used where the entry's Chinese is, it still counts as the entry: no terms.missing too
    assert [f.en_key for f in report.findings if f.check == "terms.missing"] == ["preambular 14"]


def test_a_subitem_lettered_differently(tmp_path: Path) -> None:
    zh_op16 = (
        "16. **又鼓励**人居署继续协助发展中国家监测和报告《新城市议程》的执行情况：\n\n"
        "(a) 补充联合国统计委员会为国际和区域统计比较目的划定城市、城市地区和农村地区的方法；\n\n"
        "(b) 制定汇总国家以下各级城市统计数据的方法；\n\n"
        "(c) 加强关于城市和社区的可持续发展目标 11 的新的“三级”指标的核实手段；"
    )
    en_op16 = (
        "16. *Also encourages* UN-Habitat to continue to assist developing countries in monitoring and "
        "reporting on the implementation of the New Urban Agenda:\n\n"
        "(a) Complementing the method endorsed by the Statistical Commission for delineating cities, urban "
        "and rural areas for the purposes of international and regional statistical comparisons;\n\n"
        "(b) Developing methodologies for aggregating urban statistics at the subnational level;\n\n"
        "(LETTER) Strengthening the means of verification for the new tier III indicators of Sustainable "
        "Development Goal 11 on cities and communities;"
    )

    def zh(text: str) -> str:
        line = next(x for x in text.split("\n") if x.startswith("16."))
        return text.replace(line, zh_op16)

    def en(letter: str) -> Edit:
        def edit(text: str) -> str:
            line = next(x for x in text.split("\n") if x.startswith("16."))
            # the rest of paragraph 16, which the PDF put after a footnote, goes too
            return text.replace(line, en_op16.replace("LETTER", letter)).replace("\nCouncil in 2023;\n", "\n")

        return edit

    for letter in "cd":
        (tmp_path / letter).mkdir()
    right = run_checks(align_files(*faulty(tmp_path / "c", zh, en("c"))), consistency=False)
    assert not [f for f in right.findings if f.check.startswith("structure.")]
    wrong = run_checks(align_files(*faulty(tmp_path / "d", zh, en("d"))), consistency=False)
    found = [key(f) for f in wrong.findings if f.check.startswith("structure.")]
    assert found == [
        (
            "structure.numbering",
            "16 (c)",
            "16 (d)",
            "numbered 16 (c) in the Chinese but 16 (d) in the English",
        )
    ]


# --- typography and suspicious pairs, on faulty copies -------------------------------------
@pytest.mark.parametrize(
    ("zh_edit", "en_edit", "check", "where", "excerpt"),
    [
        pytest.param(
            replaced("题为“新城市议程”的2016年", "题为“新城市议程的2016年"),
            None,
            "typography.unbalanced",
            "preambular 5",
            "题为“新城市议程的2016年12月",
            id="Chinese quotation mark lost",
        ),
        pytest.param(
            None,
            replaced("(A/77/444, para. 12)]", "(A/77/444, para. 12]"),
            "typography.unbalanced",
            "header 5",
            "",
            id="English bracket lost",
        ),
        pytest.param(
            None,
            replaced("that the New Urban Agenda<sup>7</sup>", "that the  New Urban Agenda<sup>7</sup>"),
            "typography.double-space",
            "9",
            "the New",
            id="English doubled space",
        ),
    ],
)
def test_typography_faults(
    tmp_path: Path,
    zh_edit: Edit | None,
    en_edit: Edit | None,
    check: str,
    where: str,
    excerpt: str,
    ares_report: Report,
) -> None:
    report = run_checks(align_files(*faulty(tmp_path, zh_edit, en_edit)), consistency=False)
    found = [f for f in report.findings if f.check == check]
    assert len(found) == sum(f.check == check for f in ares_report.findings) + 1 == 1
    if where:
        assert where in (found[0].zh_key, found[0].en_key)
        assert excerpt in (found[0].zh_excerpt + found[0].en_excerpt)


def test_an_untranslated_paragraph(tmp_path: Path) -> None:
    """The English of preambular paragraph 20 pasted over its Chinese."""
    en_text = (
        "Aware that the effective implementation of the New Urban Agenda requires enabling policy "
        "frameworks and effective means of implementation,"
    )

    def zh(text: str) -> str:
        line = next(x for x in text.split("\n") if x.startswith("**意识到**《新城市议程》的"))
        return text.replace(line, en_text)

    def en(text: str) -> str:
        line = next(x for x in text.split("\n") if x.startswith("*Aware* that the effective"))
        return text.replace(line, en_text)

    report = run_checks(align_files(*faulty(tmp_path, zh, en)), consistency=False)
    assert [(f.check, f.zh_key) for f in report.findings if f.check.startswith("suspicious.")] == [
        ("suspicious.identical", "preambular 20")
    ]


def test_latin_text_left_in_the_chinese(tmp_path: Path) -> None:
    edit = replaced(
        "人居署继续推广和实施以人为本的智能城市旗舰方案",
        "人居署继续推广和实施 its flagship programme on people-centred smart cities",
    )
    report = run_checks(align_files(*faulty(tmp_path, zh=edit)), consistency=False)
    found = [f for f in report.findings if f.check == "suspicious.latin"]
    assert [(f.zh_key, f.zh_excerpt) for f in found] == [
        ("17", "its flagship programme on people-centred smart cities")
    ]
    assert found[0].message.startswith("7 Latin words in a row")


def test_low_confidence_pairs_of_the_udhr(udhr_files: dict[str, Path]) -> None:
    """The UDHR's Chinese turns three English preamble paragraphs into one; the pair
    before that stretch is the aligner's least certain."""
    report = run_checks(align_files(udhr_files["zh.md"], udhr_files["en.md"]), consistency=False)
    low = [f for f in report.findings if f.check == "suspicious.low-confidence"]
    assert len(low) == 1 and "confidence 0.4" in low[0].message
    merged = [f for f in report.findings if f.check == "structure.merged"]
    assert [f.message.split(":")[0] for f in merged] == [
        "1 Chinese paragraph(s) (paragraph 9) match 3 English paragraph(s) (paragraph 8+chapeau+paragraph 9)"
    ]
