"""The bundled corpora: where they are, their gold alignments, and scoring against them."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from tests.support.render import gold_units, render_pdf_text
from unterm.align.evaluate import Score, read_pairs, score
from unterm.align.model import Alignment
from unterm.lang.languages import Lang

ROOT = Path(__file__).resolve().parent.parent.parent
CORPORA = ROOT / "corpora"
ARES = CORPORA / "A_RES_77_173"
UDHR = CORPORA / "udhr"
ARES_GOLD = ARES / "gold_align.tsv"
UDHR_GOLD = UDHR / "derived" / "udhr_en_zh_aligned.tsv"
UNPC_SENTENCES = CORPORA / "unpc_v1_devset" / "derived"
CHARTER = CORPORA / "un_charter_ch1_3"
CHARTER_GOLD = CHARTER / "gold_align.tsv"
PDF_TEXT = CORPORA / "A_RES_77_173_pdf_text"  # A/RES/77/173 typeset and extracted; its gold is ARES_GOLD
MNBVC_TEXT = (
    CORPORA / "mnbvc_linebreak_gold_en" / "453500.txt"
)  # a 2001 draft resolution as a PDF extractor gave it
SHARED = ROOT.parent / "shared"


def unpc_sentence_gold() -> tuple[list[dict[str, str]], dict[str, list[tuple[str, str]]]]:
    """The UNPC-derived paragraph pairs (group, zh, en) and, by group, their gold sentence
    units (corpora/unpc_v1_devset/make_sentence_gold.py)."""
    with open(UNPC_SENTENCES / "sentence_paragraphs.tsv", encoding="utf-8", newline="") as f:
        paragraphs = list(csv.DictReader(f, delimiter="\t"))
    gold: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with open(UNPC_SENTENCES / "sentence_gold.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            gold[r["group"]].append((r["zh"], r["en"]))
    return paragraphs, gold


def unpc_regrouped(seed: int) -> tuple[list[dict[str, str]], dict[str, list[tuple[str, str]]]]:
    """As unpc_sentence_gold, made with another seed of make_sentence_gold.build: the
    same sentence pairs in other runs, other sentences left out."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_sentence_gold", UNPC_SENTENCES.parent / "make_sentence_gold.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    table, units = module.build(seed)
    paragraphs = [{"group": g, "zh": z, "en": e} for g, z, e in table]
    gold: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for g, z, e in units:
        gold[g].append((z, e))
    return paragraphs, gold


def left_out_in_turn(
    gold: dict[str, list[tuple[str, str]]],
) -> list[tuple[str, str, tuple[str, str], tuple[str, str]]]:
    """Paragraph pairs that lack one sentence on one side, every way the gold allows: in
    each run of two or more two-sided gold units, each unit's Chinese, then its English,
    left out. (zh, en, the unit as it now is, the unit as it was.)"""
    out = []
    for units in gold.values():
        both = [(z, e) for z, e in units if z and e]
        if len(both) < 2:
            continue
        for k, (z, e) in enumerate(both):
            for alone in (("", e), (z, "")):
                run = [*both[:k], alone, *both[k + 1 :]]
                out.append(("".join(a for a, _ in run), " ".join(b for _, b in run if b), alone, (z, e)))
    return out


def scored(alignment: Alignment, gold: Path) -> Score:
    """Link precision/recall/F1 of an alignment against a gold TSV."""
    pairs = [(alignment.text(p, Lang.ZH), alignment.text(p, Lang.EN)) for p in alignment.pairs]
    return score(pairs, read_pairs(gold))


def write_pdf_text(
    folder: Path, seed: int = 0, blank_lines: bool = False, hyphenate: bool = False
) -> tuple[Path, Path]:
    """A/RES/77/173 rendered as PDF text, both sides, into folder."""
    out = []
    for side in ("zh", "en"):
        text = render_pdf_text(
            gold_units(ARES_GOLD, side),
            (ARES / f"{side}.md").read_text(encoding="utf-8"),
            zh=side == "zh",
            seed=seed,
            page_lines=(26 if side == "zh" else 30) + seed % 20,
            blank_lines=blank_lines,
            hyphenate=hyphenate,
        )
        path = folder / f"{side}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out[0], out[1]
