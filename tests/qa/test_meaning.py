"""The meaning-level checks (what the two versions say, names, pasted paragraphs) on
faults a reviser catches by reading, made in copies of the real A/RES/77/173 pair, and
on real pairs nobody touched, which must stay quiet."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.support.faults import GA_PAIR, faulty, without_line
from tests.support.meaning_faults import FAULTS, Fault, real_pairs
from unterm.align.paragraphs import align_files
from unterm.lang.languages import Lang
from unterm.qa.model import Finding, Report
from unterm.qa.run import run_checks

MEANING = ("content.", "names.", "structure.repeat")


def _where(f: Finding) -> tuple[str, str, str]:
    return (f.check, f.zh_key, f.en_key)


def _report(folder: Path, fault: Fault) -> Report:
    return run_checks(align_files(*faulty(folder, fault.zh, fault.en)))


def _fault(name: str) -> Fault:
    return next(f for f in FAULTS if f.name == name)


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_each_meaning_fault_is_found_once_at_its_place(
    tmp_path: Path, ares_report: Report, fault: Fault
) -> None:
    report = _report(tmp_path, fault)
    new = Counter(map(_where, report.findings)) - Counter(map(_where, ares_report.findings))
    # one new finding, of its check, at its pair, and nothing else new
    assert new == Counter([(fault.check, *fault.where)]), [
        (f.check, f.zh_key, f.en_key, f.message) for f in report.findings if _where(f) in new
    ]
    found = next(f for f in report.findings if _where(f) == (fault.check, *fault.where))
    assert fault.quoted in found.zh_excerpt + found.en_excerpt, found
    # what it quotes is the text as it stands, so that the report can mark it there
    pair = report.alignment.pairs[found.pair]
    for excerpt, lang in ((found.zh_excerpt, Lang.ZH), (found.en_excerpt, Lang.EN)):
        if excerpt and not excerpt.endswith("…"):
            assert all(part in report.alignment.text(pair, lang) for part in excerpt.split(" … "))


def test_a_paragraph_holding_another_is_named_as_that_one(tmp_path: Path) -> None:
    report = _report(tmp_path, _fault("Chinese paragraph 11 holds the text of 12"))
    [found] = [f for f in report.findings if f.check == "content.mismatch"]
    assert (
        found.message
        == "the Chinese of 11 is the text of 12: it translates the English of 12, not that of 11"
    )


def test_a_half_left_out_is_quoted(tmp_path: Path) -> None:
    report = _report(tmp_path, _fault("Chinese paragraph 5 without its second half"))
    [found] = [f for f in report.findings if f.check == "content.omission"]
    assert found.message.startswith("the English has “invites Governments and other stakeholders")
    assert found.message.endswith(
        "with no counterpart in the Chinese: left out of the Chinese, or added to the English?"
    )
    # the whole run is marked, its start and its end
    start, end = found.en_excerpt.split(" … ")
    assert start.startswith("invites Governments") and end.endswith("relevant financial information")


def test_a_pasted_paragraph_is_a_repeat_of_the_one_it_copies(tmp_path: Path) -> None:
    report = _report(tmp_path, _fault("Chinese paragraph 4 pasted twice"))
    [found] = [f for f in report.findings if f.check == "structure.repeat"]
    assert found.message == (
        "the Chinese repeats 4: its text again (line 107, between 4 and 5), "
        "where the English has it once: pasted twice?"
    )
    assert not [f for f in report.findings if f.check.startswith("structure.") and f is not found]


def test_numerals_in_names(tmp_path: Path) -> None:
    report = _report(tmp_path, _fault("English Habitat III written Habitat II"))
    [found] = [f for f in report.findings if f.check == "names.mismatch"]
    assert found.message == (
        "the numeral in a name differs: “Habitat II” in the English, “人居三” in the Chinese (Habitat III)"
    )


def test_a_wrong_body_says_what_stands_instead(tmp_path: Path) -> None:
    report = _report(tmp_path, _fault("Chinese 人居署 replaced by 环境署"))
    [found] = [f for f in report.findings if f.check == "names.mismatch"]
    assert found.message.startswith("the English names “UN-Habitat”, which this document renders “")
    assert found.message.endswith(
        "but the Chinese here has no “联合国人类住区规划署 / 人居署”; it has “环境署” instead"
    )


def test_a_one_sided_paragraph_is_named_where_it_is(tmp_path: Path) -> None:
    report = run_checks(
        align_files(*faulty(tmp_path, en=without_line("*Reaffirming* the importance of accountability"))),
        consistency=False,
        meaning=False,
    )
    [found] = [f for f in report.findings if f.check == "structure.one-sided"]
    assert found.message == (
        "the preambular paragraph (preambular 15) is in the Chinese only (line 57, between "
        "preambular 14 and preambular 16): no English counterpart"
    )


# Real pairs nobody touched. What the new checks report there is each a true difference
# between the two versions as published (the open-sdg strings; the Chinese of some
# indicators predates their revision): 11.5.2's Chinese also counts damage to critical
# infrastructure and disruptions of basic services, which the English does not; 13.2.1's
# English adds "as reported to the secretariat of the United Nations Framework Convention
# on Climate Change", which the Chinese lacks; 17.3.1's Chinese is another indicator
# (foreign direct investment, ODA and South-South cooperation as a share of gross
# national income), its English "additional financial resources mobilized for developing
# countries from multiple sources".
QUIET = {
    "UDHR": [],
    "SDG goals": [],
    "SDG targets": [],
    "SDG indicators": [
        ("content.omission", "11.5.2", "11.5.2"),
        ("content.omission", "13.2.1", "13.2.1"),
        ("content.mismatch", "17.3.1", "17.3.1"),
    ],
    "GA 55/100": [],
}


def test_real_pairs_stay_quiet(tmp_path: Path) -> None:
    pairs = {**real_pairs(tmp_path), "GA 55/100": GA_PAIR}
    found = {
        name: [_where(f) for f in run_checks(align_files(*files)).findings if f.check.startswith(MEANING)]
        for name, files in pairs.items()
    }
    assert found == QUIET
