"""The revision report's formats (JSON, CSV, XLSX, HTML), folder mode, and the `unterm
revision` command with its exit statuses."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from tests.support.corpora import ARES
from tests.support.revisions import ares_zh
from unterm.cli import Status, app
from unterm.files import write
from unterm.revision import Change, Revision
from unterm.revision.export import COLUMNS, wdiff
from unterm.revision.html import html_report
from unterm.signature import Signature

runner = CliRunner()


def test_json_has_the_totals_and_every_pair_with_its_spans(tmp_path: Path, ares_revision: Revision) -> None:
    write(ares_revision, tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    totals = data["totals"]
    assert (data["document"], data["language"], totals["pairs"]) == ("A/RES/77/173", "zh", 75)
    assert (totals["changed"], totals["edited"], totals["moved"], totals["split"], totals["deleted"]) == (
        7,
        3,
        2,
        1,
        1,
    )
    assert totals["ter"] == round(ares_revision.ter, 2) and totals["typography_only"] == 1
    made = Signature.parse(data["signature"])  # how TER was computed
    assert made is not None and "tok:tercom,norm:yes,punct:yes,asian:yes" in made.setting("ter")
    word = next(p for p in data["pairs"] if p["changes"] == "[-认-]{+核+}")
    assert word["change"] == "edited" and word["draft_place"] == "preambular 5"
    assert word["edits"] == [{"op": "replace", "draft": "认", "final": "核", "draft_at": 39, "final_at": 39}]
    assert word["draft"][39] == "认" and word["final"][39] == "核"
    assert word["english"].startswith("Recalling its resolution 71/256")  # --en: the English beside it
    assert word["draft_lines"] == word["final_lines"] == "31-31"
    assert [data["pairs"][k]["draft_place"] for k in data["most_revised"][:3]] == [
        p.draft_place for p in ares_revision.most_revised(3)
    ]


def test_csv_and_xlsx_have_one_pair_a_row(tmp_path: Path, ares_revision: Revision) -> None:
    write(ares_revision, tmp_path / "r.csv")
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "r.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    write(ares_revision, tmp_path / "r.xlsx")
    sheet = pd.read_excel(tmp_path / "r.xlsx", sheet_name="pairs", dtype=str).fillna("")
    assert list(rows[0]) == list(sheet.columns) == list(COLUMNS)
    assert len(rows) == len(sheet) == len(ares_revision.pairs)
    for row, (_, cells) in zip(rows, sheet.iterrows(), strict=True):
        assert row["draft"] == cells["draft"] and row["changes"] == cells["changes"]
    assert [r["change"] for r in rows] == [p.change.value for p in ares_revision.pairs]
    documents = pd.read_excel(tmp_path / "r.xlsx", sheet_name="documents")
    assert documents.loc[0, "deleted"] == 1 and documents.loc[0, "pairs"] == 75


def test_the_page_marks_insertions_and_deletions_inline(ares_revision: Revision) -> None:
    page = html_report(ares_revision)
    assert "Content-Security-Policy" in page and "<script src" not in page and "://" not in page
    assert "<del>认</del><ins>核</ins>" in page
    assert '<ins class="break" title="paragraph break">¶</ins>' in page  # the split
    assert page.count('<tr class="pair ') == len(ares_revision.pairs)
    assert page.count("<rect ") == len(ares_revision.pairs)  # the chart: a bar a pair


def test_wdiff_shows_a_paragraph_break_as_a_pilcrow(ares_revision: Revision) -> None:
    split = next(p for p in ares_revision.pairs if p.change is Change.SPLIT)
    assert wdiff(split.edits) == "{+¶+}"


# --- the command ----------------------------------------------------------------------------
def test_the_command_prints_a_summary_and_writes_the_report(tmp_path: Path) -> None:
    r = ares_zh()
    final = r.draft.write(tmp_path, *r.edits().values(), name="final.md")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["revision", str(r.draft.path), str(final), "-o", str(out)])
    assert result.exit_code == Status.DONE, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "A/RES/77/173: 75 pairs, 7 changed (9.3%): 3 edited, 1 deleted, 2 moved, 1 split; "
        "1 in typography only"
    )
    assert lines[1].startswith("TER ") and "deleted: preambular 12 (draft)" in lines
    assert result.stderr == f"unterm: report -> {out}\n" and out.stat().st_size > 10_000
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # nothing half-written


def test_json_to_stdout(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["revision", str(ARES / "en.md"), str(ARES / "en.md"), "-o", "-", "-f", "json"]
    )
    assert result.exit_code == 0 and json.loads(result.stdout)["totals"]["changed"] == 0


def folders(tmp_path: Path) -> tuple[Path, Path]:
    """Drafts and finals paired by name, of different kinds, with one draft unpaired."""
    r = ares_zh()
    drafts, finals = tmp_path / "drafts", tmp_path / "finals"
    (drafts / "sub").mkdir(parents=True)
    finals.mkdir()
    (drafts / "A_RES_77_173_zh.md").write_bytes(r.draft.path.read_bytes())
    r.draft.write(finals, r.edits()["word"], r.edits()["deleted"], name="A_RES_77_173_zh.txt")
    (drafts / "sub" / "en.md").write_bytes((ARES / "en.md").read_bytes())
    (finals / "sub").mkdir()
    (finals / "sub" / "en.md").write_bytes((ARES / "en.md").read_bytes())
    (drafts / "orphan.md").write_bytes((ARES / "en.md").read_bytes())
    return drafts, finals


def test_english_originals_in_a_folder_go_with_the_chinese_of_their_name(tmp_path: Path) -> None:
    drafts, finals = folders(tmp_path)
    english = tmp_path / "english"
    english.mkdir()
    (english / "A_RES_77_173_zh.md").write_bytes((ARES / "en.md").read_bytes())
    out = tmp_path / "corpus.json"
    result = runner.invoke(
        app, ["revision", str(drafts), str(finals), "--en", str(english), "-o", str(out), "-q"]
    )
    assert result.exit_code == Status.UNUSABLE  # the orphan, as before
    documents = {d["document"]: d for d in json.loads(out.read_text(encoding="utf-8"))["documents"]}
    assert documents["A_RES_77_173_zh"]["english"].endswith("A_RES_77_173_zh.md")
    assert documents["A_RES_77_173_zh"]["pairs"][0]["english"] == "Seventy-seventh session"
    assert documents["sub/en"]["english"] == ""  # none of that name: compared without one


def test_folders_are_paired_by_name_with_a_corpus_table(tmp_path: Path) -> None:
    drafts, finals = folders(tmp_path)
    out = tmp_path / "corpus.xlsx"
    result = runner.invoke(app, ["revision", str(drafts), str(finals), "-o", str(out)])
    assert result.exit_code == Status.UNUSABLE  # the orphan could not be compared; the others were
    table = result.stdout.splitlines()
    assert table[0].split() == ["document", "pairs", "changed", "TER", "chrF", "changes"]
    assert table[1].split()[:3] == ["A_RES_77_173_zh", "75", "2.7%"]  # one edited and one deleted pair
    assert table[2].split()[:3] == ["sub/en", "75", "0.0%"]
    assert table[3].split()[:2] == ["corpus", "150"]
    assert "orphan: " in table[4] and "no final version of this name" in result.stderr
    documents = pd.read_excel(out, sheet_name="documents")
    assert list(documents["document"]) == ["A_RES_77_173_zh", "sub/en"]
    assert len(pd.read_excel(out, sheet_name="pairs")) == 150
    page = tmp_path / "corpus.html"
    runner.invoke(app, ["revision", str(drafts), str(finals), "-o", str(page), "-q"])
    html = page.read_text(encoding="utf-8")
    assert html.count('<section class="doc"') == 2 and 'href="#d1-summary"' in html
    assert 'id="d0-p0"' in html and 'id="d1-p0"' in html  # each document's pairs named apart


# (arguments, exit status, what the one line on stderr says)
BAD = [
    (["revision", "A_RES_77_173/zh.md", "missing.md"], Status.UNUSABLE, "missing.md: no such file"),
    (
        ["revision", "A_RES_77_173/zh.md", "A_RES_77_173/en.md"],
        Status.UNUSABLE,
        "A_RES_77_173/zh.md: is Chinese and A_RES_77_173/en.md is English: a revision compares two versions in one language",
    ),
    (
        ["revision", "A_RES_77_173/zh.md", "un_ga_55_100_sample/UN.en-zh.zh"],
        Status.UNUSABLE,
        "they look like different documents",
    ),
    (
        ["revision", "A_RES_77_173/en.md", "A_RES_77_173/en.md", "--en", "A_RES_77_173/en.md"],
        Status.UNUSABLE,
        "is English: the English original (--en) is for comparing two versions of a Chinese translation",
    ),
    (["revision", "A_RES_77_173", "A_RES_77_173/zh.md"], Status.USAGE, "give two files or two folders"),
    (
        ["revision", "A_RES_77_173/zh.md", "A_RES_77_173/zh.md", "-o", "r.tmx"],
        Status.USAGE,
        "unknown report extension '.tmx'",
    ),
    (
        ["revision", "A_RES_77_173/zh.md", "A_RES_77_173/zh.md", "-f", "json"],
        Status.USAGE,
        "needs a file to write",
    ),
]


@pytest.mark.parametrize(("args", "status", "line"), BAD)
def test_bad_input_is_one_line_and_a_status(
    monkeypatch: pytest.MonkeyPatch, args: list[str], status: int, line: str
) -> None:
    monkeypatch.chdir(ARES.parent)
    result = runner.invoke(app, args)
    assert result.exit_code == status
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1
    assert line in result.stderr
