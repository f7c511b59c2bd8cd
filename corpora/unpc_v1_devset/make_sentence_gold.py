"""Build sentence-level gold from the UNPC v1.0 development set.

The devset's 4,000 sentence pairs come from 732 documents, a few sentences each. Here
they are grouped by document into paragraph pairs, as a translator's paragraphs would
hold them: in each document the pairs are taken in English order and cut into runs of
two to five (a last single pair joins the run before it); the Chinese sentences of a run
are joined without spaces, the English ones with a space. Only full sentences are
grouped, those that end as sentences do on both sides (。！？ and . ! ?, a closing quote
or bracket allowed): a unit that ends otherwise (a heading, a clause ending in a comma
or a semicolon, as preambular paragraphs and list items do) is a paragraph of its own
in the documents, and stays one here. In one run in six, one
sentence is taken out of one side (which side and which sentence chosen at random), so
that the other side has a sentence with no counterpart, as where a translation leaves
out or adds a sentence. The gold is then the devset's own sentence pairs, plus those
one-sided sentences.

Writes derived/sentence_paragraphs.tsv (group, zh, en: the paragraph pairs to align)
and derived/sentence_gold.tsv (group, zh, en: one gold sentence unit a row, an empty
cell for a sentence with no counterpart). Deterministic (seed 2015); `build(seed)` makes
the same kind of gold with another seed, in memory (bench/sentence_f1.py --seeds).

usage: python corpora/unpc_v1_devset/make_sentence_gold.py
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent


_ZH_END = re.compile(r"[。！？][”’」』）》)]*$")
_EN_END = re.compile(r"[.!?][\"”’)\]]*$")


def _sentence(row: dict[str, str]) -> bool:
    """Whether a pair ends as a sentence on both sides."""
    return bool(_ZH_END.search(row["zh"].strip())) and bool(_EN_END.search(row["en"].strip()))


def _stretches(pairs: list[dict[str, str]]) -> list[list[dict[str, str]]]:
    """Consecutive full sentences together; every other unit alone."""
    out: list[list[dict[str, str]]] = []
    for r in pairs:
        if _sentence(r) and out and _sentence(out[-1][-1]):
            out[-1].append(r)
        else:
            out.append([r])
    return out


def build(seed: int = 2015) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """The paragraph pairs (group, zh, en) and the gold units (group, zh, en) made with
    this seed: 2015 gives the files in derived/; another seed other runs and other
    sentences left out, from the same sentence pairs."""
    rng = random.Random(seed)
    with open(HERE / "derived" / "devset_en_zh_grouped_by_doc.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    docs: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        docs[r["doc"]].append(r)
    paragraphs: list[tuple[str, str, str]] = []
    gold: list[tuple[str, str, str]] = []
    for doc in sorted(docs):
        pairs = sorted(docs[doc], key=lambda r: tuple(int(x) for x in r["en_para:sent"].split(":")))
        runs: list[list[dict[str, str]]] = []
        for stretch in _stretches(pairs):
            if not _sentence(stretch[0]):
                runs.append(stretch)
                continue
            k = 0
            start = len(runs)
            while k < len(stretch):
                size = rng.randint(2, 5)
                runs.append(stretch[k : k + size])
                k += size
            if len(runs) - start > 1 and len(runs[-1]) == 1:
                runs[-2].extend(runs.pop())
        for n, run in enumerate(runs, start=1):
            group = f"{doc}#{n}"
            units = [(r["zh"].strip(), r["en"].strip()) for r in run]
            if len(units) >= 2 and rng.random() < 1 / 6:
                drop = rng.randrange(len(units))
                side = rng.choice(("zh", "en"))
                z, e = units[drop]
                units[drop] = ("", e) if side == "zh" else (z, "")
            paragraphs.append((group, "".join(z for z, _ in units), " ".join(e for _, e in units if e)))
            gold.extend((group, z, e) for z, e in units)
    return paragraphs, gold


def main() -> None:
    paragraphs, gold = build()
    for name, table in (("sentence_paragraphs.tsv", paragraphs), ("sentence_gold.tsv", gold)):
        with open(HERE / "derived" / name, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["group", "zh", "en"])
            w.writerows(table)
    one_sided = sum(1 for _, z, e in gold if not (z and e))
    print(f"{len(paragraphs)} paragraph pairs, {len(gold)} gold units ({one_sided} with one side only)")


if __name__ == "__main__":
    main()
