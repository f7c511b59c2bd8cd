"""Alignment quality against the gold alignments, and the aligner's checks on its inputs."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tests.support.corpora import ARES, ARES_GOLD, CORPORA, UDHR_GOLD, scored, write_pdf_text
from tests.support.render import pdf_pages, udhr_paragraphs
from unterm.align.evaluate import read_pairs
from unterm.align.model import Alignment
from unterm.align.paragraphs import align_files
from unterm.documents.model import BlockKind
from unterm.errors import MismatchError
from unterm.lang.languages import Lang


def test_a_res_77_173_reproduces_its_gold(ares: Alignment) -> None:
    s = scored(ares, ARES_GOLD)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert s.gold == 75
    assert [p.link for p in ares.pairs] == ["1-1"] * 75


def test_every_pair_carries_confidence_and_evidence(ares: Alignment) -> None:
    for pair in ares.pairs:
        assert 0.0 <= pair.score <= 1.0
        assert pair.evidence
    op9 = next(p for p in ares.pairs if ares.key(p) == "9" and ares.kind(p) is BlockKind.OPERATIVE)
    assert {"key 9", "footnote 7"} <= set(op9.evidence) and op9.score > 0.95
    dates = next(p for p in ares.pairs if ares.text(p, Lang.EN).startswith("Recalling its resolutions"))
    assert sum(e.startswith("resolution ") for e in dates.evidence) == 12
    # the real discrepancy between the versions shows in the evidence
    progress = next(p for p in ares.pairs if ares.text(p, Lang.EN).startswith("Recognizing the progress"))
    assert {"zh only: resolution 73/229", "en only: resolution 73/239"} <= set(progress.evidence)


def test_closing_lines_in_opposite_orders_pair_with_their_translations(ares: Alignment) -> None:
    closing = [
        (ares.text(p, Lang.ZH), ares.text(p, Lang.EN))
        for p in ares.pairs
        if ares.kind(p) is BlockKind.CLOSING
    ]
    assert closing == [("2022年12月14日", "14 December 2022"), ("第53次全体会议", "53rd plenary meeting")]


def test_footnotes_pair_by_number_after_the_paragraph_citing_them(ares: Alignment) -> None:
    notes = [(i, ares.key(p)) for i, p in enumerate(ares.pairs) if ares.kind(p) is BlockKind.FOOTNOTE]
    assert [k for _, k in notes] == [str(n) for n in range(1, 8)]
    for i, key in notes:
        cited_by = [
            p for p in ares.pairs[:i] if int(key) in {n for b in p.zh for n in ares.zh.blocks[b].footnotes}
        ]
        assert cited_by, f"footnote {key} is placed before the paragraph citing it"


def test_udhr_aligns_on_lengths_alone_with_its_three_to_one_preamble(udhr_files: dict[str, Path]) -> None:
    """The UDHR's <para> elements one a line: no numbers, no headings; the Chinese has an
    introductory note the English lacks and one paragraph for three English ones."""
    alignment = align_files(udhr_files["zh.txt"], udhr_files["en.txt"])
    s = scored(alignment, UDHR_GOLD)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    links = [p.link for p in alignment.pairs]
    assert links[:2] == ["1-0", "1-0"] and links.count("1-3") == 1
    three = next(p for p in alignment.pairs if p.link == "1-3")
    assert alignment.text(three, Lang.EN).startswith("Now, therefore, The General Assembly Proclaims")


def test_udhr_with_its_headings(udhr_files: dict[str, Path]) -> None:
    """With title, section and article headings every gold pair comes out exactly; the
    metric then maps the heading pair 序言/Preamble, which no gold unit holds, onto
    fragments of paragraphs, one wrong link (0.983 precision)."""
    alignment = align_files(udhr_files["zh.md"], udhr_files["en.md"])
    system = {(alignment.text(p, Lang.ZH), alignment.text(p, Lang.EN)) for p in alignment.pairs}
    gold = read_pairs(UDHR_GOLD)
    assert [pair for pair in gold if pair not in system] == []
    s = scored(alignment, UDHR_GOLD)
    assert s.recall == 1.0 and s.f1 > 0.99
    articles = [alignment.key(p) for p in alignment.pairs if alignment.kind(p) is BlockKind.HEADING]
    assert articles[-30:] == [f"article {n}" for n in range(1, 31)]


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("blank_lines", [False, True])
def test_pdf_text_of_a_res_77_173(tmp_path: Path, seed: int, blank_lines: bool) -> None:
    """Wrapped lines, bare-digit markers, footnotes at the foot of each page, running
    headers and footers, paragraphs cut by page breaks: the issue asks F1 >= 0.98."""
    zh, en = write_pdf_text(tmp_path, seed=seed, blank_lines=blank_lines)
    s = scored(align_files(zh, en), ARES_GOLD)
    assert s.f1 >= 0.98, s


def test_pdf_text_of_the_udhr(tmp_path: Path) -> None:
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        paragraphs = udhr_paragraphs(CORPORA / "udhr" / name, titles=True)
        text = pdf_pages(paragraphs, {}, zh=side == "zh", symbol="A/RES/217(III)", job="48-00001", seed=3)
        (tmp_path / f"{side}.txt").write_text(text, encoding="utf-8")
    s = scored(align_files(tmp_path / "zh.txt", tmp_path / "en.txt"), UDHR_GOLD)
    assert s.recall == 1.0 and s.f1 >= 0.97, s


def test_line_parallel_sample_with_full_width_numbers() -> None:
    folder = CORPORA / "un_ga_55_100_sample"
    alignment = align_files(folder / "UN.en-zh.zh", folder / "UN.en-zh.en")
    zh = (folder / "UN.en-zh.zh").read_text(encoding="utf-8").splitlines()
    en = (folder / "UN.en-zh.en").read_text(encoding="utf-8").splitlines()
    pairs = [(alignment.text(p, Lang.ZH), alignment.text(p, Lang.EN)) for p in alignment.pairs]
    # spaces between two Chinese characters are PDF artefacts and go (家 庭团聚 -> 家庭团聚)
    cjk_gap = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")
    assert [z for z, _ in pairs] == [cjk_gap.sub("", " ".join(z.split())) for z in zh]
    assert [e for _, e in pairs] == [" ".join(e.split()) for e in en]


@pytest.mark.parametrize("numbered", [True, False])
def test_sdg_targets_as_lists(tmp_path: Path, numbered: bool) -> None:
    """169 targets one a line, with their numbers (1.1, 11.a) or with none at all."""
    with open(CORPORA / "sdg_framework" / "derived" / "global_targets_en_zh.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for side in ("zh", "en"):
        lines = [
            (r["key"].rsplit("-", 1)[0].replace("-", ".") + " " if numbered else "") + r[side] for r in rows
        ]
        (tmp_path / f"{side}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    alignment = align_files(tmp_path / "zh.txt", tmp_path / "en.txt")
    assert [p.link for p in alignment.pairs] == ["1-1"] * 169
    got = [alignment.text(p, Lang.EN) for p in alignment.pairs]
    assert [g.split(" ", 1)[-1] if numbered else g for g in got] == [" ".join(r["en"].split()) for r in rows]


# --- inputs that cannot be aligned ----------------------------------------------------------
def test_files_in_the_wrong_order() -> None:
    with pytest.raises(MismatchError, match=r"wrong order.*give the Chinese file first"):
        align_files(ARES / "en.md", ARES / "zh.md")


def test_two_files_in_one_language() -> None:
    with pytest.raises(MismatchError, match=r"en\.md: is English, but the first file must be the Chinese"):
        align_files(ARES / "en.md", ARES / "en.md")
    with pytest.raises(MismatchError, match=r"zh\.md: is Chinese, but the second file must be the English"):
        align_files(ARES / "zh.md", ARES / "zh.md")


def test_plainly_different_documents(udhr_files: dict[str, Path]) -> None:
    with pytest.raises(MismatchError, match="share no document symbols, numbers or dates"):
        align_files(ARES / "zh.md", udhr_files["en.txt"])
