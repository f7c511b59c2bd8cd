"""Re-joining wrapped PDF text: line-break accuracy and dehyphenation.

1. The hand-labelled line breaks of corpora/mnbvc_linebreak_gold_en (two UN documents
   as a PDF extractor gave them): for each line break, does unterm's reader end a
   paragraph there (hard) or join the lines (soft), against the human label.
2. A/RES/77/173's English rendered as PDF text with words hyphenated at line ends
   (tests/render.py; both a typesetter's hyphenation, `implemen-` / `tation`, and breaks
   at a word's own hyphen, `multi-` / `stakeholder`, `UN-` / `Habitat`), read back: every
   word of the text read must be a word of the Markdown version.

usage: python -m bench.linebreaks [renderings]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import regex

from tests.support.corpora import ARES, write_pdf_text
from unterm.align.paragraphs import align_files
from unterm.documents.read import line_breaks, read_document
from unterm.lang.languages import Lang

ROOT = Path(__file__).resolve().parent.parent


def mnbvc() -> None:
    total = right = 0
    confusion = {(g, p): 0 for g in (True, False) for p in (True, False)}
    for line in (ROOT / "corpora" / "mnbvc_linebreak_gold_en" / "validation_small.jsonl").open(
        encoding="utf-8"
    ):
        record = json.loads(line)
        gold = record["is_hard_linebreak"]
        found = line_breaks(record["raw_text"], Lang.EN)
        assert len(found) == len(gold)
        for g, p in zip(gold, found, strict=True):
            total += 1
            right += g == p
            confusion[(g, p)] += 1
    print(f"MNBVC hand-labelled line breaks: {right}/{total} right ({right / total:.3f})")
    print(
        f"  hard found hard {confusion[(True, True)]}, hard found soft {confusion[(True, False)]}, "
        f"soft found soft {confusion[(False, False)]}, soft found hard {confusion[(False, True)]}"
    )


def hyphenation(renderings: int) -> None:
    words = {w for b in read_document(ARES / "en.md").blocks for w in b.text.split()}
    hyphens = wrong = 0
    bad: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(renderings):
            folder = Path(tmp) / str(seed)
            folder.mkdir()
            zh, en = write_pdf_text(folder, seed=seed, hyphenate=True)
            hyphens += sum(
                1 for ln in en.read_text(encoding="utf-8").splitlines() if regex.search(r"\w-$", ln)
            )
            for block in align_files(zh, en).en.blocks:
                for w in block.text.split():
                    if w not in words:
                        wrong += 1
                        bad[w] = bad.get(w, 0) + 1
    print(
        f"A/RES/77/173 as hyphenated PDF text, {renderings} renderings: {hyphens} lines ending in a "
        f"hyphen, {wrong} words read wrong"
    )
    for w, n in sorted(bad.items(), key=lambda x: -x[1])[:10]:
        print(f"  {w} ({n})")


if __name__ == "__main__":
    mnbvc()
    hyphenation(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
