"""Every output format: written from the real alignment, read back without loss."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import BinaryIO

import pytest

from tests.support.corpora import ARES
from unterm import files
from unterm.align.html import html_page, page_data
from unterm.align.model import Alignment
from unterm.align.paragraphs import align_files
from unterm.align.rows import signature
from unterm.errors import FormatError, OutputError
from unterm.files import FileFormat, Format, choose, formats_for, read_rows
from unterm.files import write as write_alignment
from unterm.signature import Signature

READABLE = [f for f in formats_for(Alignment) if f.read is not None]


@pytest.mark.parametrize("fmt", READABLE, ids=lambda f: f.name.value)
def test_round_trip(tmp_path: Path, ares: Alignment, fmt: FileFormat) -> None:
    """The shared round trip every format with a reader must pass."""
    path = tmp_path / f"a{fmt.extensions[0]}"
    assert write_alignment(ares, path, fmt.name) is fmt
    back = read_rows(path)
    expected = ares.rows()
    if fmt.name is Format.TMX:  # a translation memory holds only pairs with both sides
        expected = [r for r in expected if r.zh and r.en]
    assert [(r.zh, r.en, r.kind, r.key) for r in back] == [(r.zh, r.en, r.kind, r.key) for r in expected]
    assert [round(r.score, 3) for r in back] == [round(r.score, 3) for r in expected]


def test_tsv_is_what_the_gold_scorer_reads(tmp_path: Path, ares: Alignment) -> None:
    path = tmp_path / "a.tsv"
    write_alignment(ares, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "zh\ten\tkind\tkey\tscore"
    assert lines[1] == "第七十七届会议\tSeventy-seventh session\theader\t\t1.000"
    assert len(lines) == 76


def test_csv_has_a_byte_order_mark_for_excel(tmp_path: Path, ares: Alignment) -> None:
    path = tmp_path / "a.csv"
    write_alignment(ares, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfzh,en,kind,key,score\r\n")


def test_xlsx_reads_back_with_pandas(tmp_path: Path, ares: Alignment) -> None:
    import pandas as pd

    path = tmp_path / "a.xlsx"
    write_alignment(ares, path)
    table = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False)
    assert list(table) == ["alignment", "about"]
    assert list(table["alignment"].columns) == ["zh", "en", "kind", "key", "score"]
    assert table["alignment"]["zh"].tolist() == [r.zh for r in ares.rows()]
    assert table["about"]["signature"][0] == str(signature(ares))


def test_tmx_loads_in_translate_toolkit(tmp_path: Path, ares: Alignment) -> None:
    from translate.storage import tmx

    path = tmp_path / "a.tmx"
    write_alignment(ares, path)
    store = tmx.tmxfile.parsefile(str(path))
    units = list(store.units)
    assert len(units) == 75
    assert store.sourcelanguage == "en"
    assert (units[0].source, units[0].target) == ("Seventy-seventh session", "第七十七届会议")
    op9 = next(u for u in units if u.source.startswith("9. Reaffirms that the New Urban Agenda"))
    assert op9.target.startswith("9. 重申《新城市议程》重新审视了")
    root = ET.parse(path).getroot()
    header = root.find("header")
    assert header is not None
    assert {
        k: header.get(k) for k in ("creationtool", "segtype", "srclang", "o-tmf", "datatype", "adminlang")
    } == {
        "creationtool": "unterm",
        "segtype": "paragraph",
        "srclang": "en",
        "o-tmf": "unterm",
        "datatype": "plaintext",
        "adminlang": "en",
    }
    tu = root.find("body/tu")
    assert tu is not None
    assert {p.get("type"): p.text for p in tu.findall("prop")}["x-document"] == "A/RES/77/173"
    langs = [v.get("{http://www.w3.org/XML/1998/namespace}lang") for v in tu.findall("tuv")]
    assert langs == ["en", "zh-CN"]


@pytest.mark.skipif(shutil.which("omegat") is None, reason="OmegaT is not installed (Debian package omegat)")
def test_tmx_imports_into_omegat(tmp_path: Path, ares: Alignment) -> None:
    """A CAT tool's import: OmegaT applies a TMX under tm/auto/ to the source text; every
    English paragraph must come out as its Chinese, and the log must show no complaint."""
    project = tmp_path / "project"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(_OMEGAT_PROJECT, encoding="utf-8")
    write_alignment(ares, project / "tm" / "auto" / "a_res_77_173.tmx")
    pairs = [r for r in ares.rows() if r.zh and r.en]
    (project / "source" / "en.txt").write_text("\n\n".join(r.en for r in pairs) + "\n", encoding="utf-8")
    run = subprocess.run(
        [
            "omegat",
            "--mode=console-translate",
            "--no-team",
            "--disable-project-locking",
            f"--config-dir={tmp_path / 'config'}",
            str(project),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "Reading of TMX file complete" in log and "Created by: unterm" in log
    assert not [
        line for line in log.splitlines() if "SEVERE" in line or "Exception" in line or "WARNING" in line
    ]
    translated = (project / "target" / "en.txt").read_text(encoding="utf-8").split("\n\n")
    assert [t.strip() for t in translated] == [r.zh for r in pairs]


_OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>ZH-CN</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneSmartChineseTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def test_json_keeps_evidence_and_line_spans(tmp_path: Path, ares: Alignment) -> None:
    import json

    path = tmp_path / "a.json"
    write_alignment(ares, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["document"] == "A/RES/77/173" and data["signature"] == str(signature(ares))
    op9 = next(p for p in data["pairs"] if p["key"] == "9" and p["kind"] == "operative")
    assert op9["zh_lines"] == [117, 125] and op9["footnotes"] == [7] and "key 9" in op9["evidence"]


def test_html_marks_low_confidence_and_unmatched_pairs(udhr_files: dict[str, Path]) -> None:
    """The review page carries every pair with its blocks, score and evidence; the
    script marks the pairs (tests/align/test_review_page.py opens it in a browser)."""
    alignment = align_files(udhr_files["zh.txt"], udhr_files["en.txt"])
    page = html_page(alignment)
    data = page_data(alignment)
    assert len(data["pairs"]) == len(alignment.pairs)
    low = [p for p in data["pairs"] if p["z"] and p["e"] and p["p"] < 0.5]
    gap = [p for p in data["pairs"] if not (p["z"] and p["e"])]
    assert len(low) == 2 and len(gap) == 2  # the 3-to-1 preamble end, the Chinese-only note
    assert [len(p["e"]) for p in low] == [1, 3]
    assert [p["v"] for p in gap] == [["no counterpart"], ["no counterpart"]]
    # article 1's two sentences: the English may be cut where its second begins
    article1 = next(p for p in data["pairs"] if p["e"] and p["e"][0]["t"].startswith("All human beings"))
    en = article1["e"][0]
    assert en["t"][en["c"][0] :].startswith("They are endowed with reason")
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in page
    assert "http:" not in page and "https:" not in page  # self-contained: nothing fetched


def test_unknown_extension_is_refused() -> None:
    with pytest.raises(FormatError, match=r"unknown output extension '\.docx'"):
        choose(Alignment, Path("out.docx"))


def test_a_failed_write_leaves_no_file(
    tmp_path: Path, ares: Alignment, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(alignment: Alignment, out: BinaryIO, options: files.Options) -> None:
        out.write(b"half")
        raise OSError("disk full")

    tsv = FileFormat(Format.TSV, Alignment, (".tsv",), broken)
    monkeypatch.setattr(files, "FORMATS", (tsv, *files.FORMATS))
    with pytest.raises(OutputError, match=r"a\.tsv: cannot be written \(disk full\)"):
        write_alignment(ares, tmp_path / "a.tsv")
    assert list(tmp_path.iterdir()) == []


def test_signature_says_how_it_was_made(ares: Alignment) -> None:
    sig = signature(ares)
    text = str(sig)
    assert text.startswith("command:align|level:paragraph|length:c=3.56,") and text.endswith("|version:0.1.0")
    # the inputs by file name and content hash, never by the path as typed
    zh = hashlib.sha256((ARES / "zh.md").read_bytes()).hexdigest()[:16]
    assert f"|input.zh:zh.md(markdown,utf-8,sha256={zh})|" in text and str(ARES) not in text
    assert Signature.parse(text) == sig
