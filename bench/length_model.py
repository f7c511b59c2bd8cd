"""Measure the length model's constants on the gold pairs in corpora/.

c is English characters per Chinese character and s2 the variance per Chinese
character of (len_en - c*len_zh) (Gale & Church 1993's model), with lengths as
unterm.lang.length.measure counts them; iterated, since the Chinese length depends on c.
Also the spread of the log length ratio, the floor the aligner adds.

usage: python -m bench.length_model
"""

from __future__ import annotations

import csv
import math
import statistics
from pathlib import Path

import regex

from unterm.align import cost
from unterm.lang.languages import Lang
from unterm.lang.length import C

ROOT = Path(__file__).resolve().parent.parent / "corpora"
_MARKUP = regex.compile(r"<sup>\d+</sup>|\*|#|\[([^\]]*)\]\(#\)")


def clean(text: str) -> str:
    return _MARKUP.sub(lambda m: m[1] or "", text)


def gold_pairs() -> dict[str, list[tuple[str, str]]]:
    csv.field_size_limit(1 << 30)
    sets: dict[str, list[tuple[str, str]]] = {}
    tsvs = {
        "A/RES/77/173": ROOT / "A_RES_77_173" / "gold_align.tsv",
        "UDHR": ROOT / "udhr" / "derived" / "udhr_en_zh_aligned.tsv",
        **{
            f"SDG {n}": ROOT / "sdg_framework" / "derived" / f"global_{n}_en_zh.tsv"
            for n in ("goals", "targets", "indicators")
        },
    }
    for name, path in tsvs.items():
        with open(path, encoding="utf-8", newline="") as f:
            sets[name] = [(clean(r["zh"]), clean(r["en"])) for r in csv.DictReader(f, delimiter="\t")]
    unpc = ROOT / "unpc_v1_devset"
    zh = (unpc / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (unpc / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    sets["UNPC devset"] = list(zip(zh, en, strict=True))
    return {k: [(z, e) for z, e in v if z.strip() and e.strip()] for k, v in sets.items()}


def fit(pairs: list[tuple[str, str]], c: float) -> tuple[float, float, float]:
    han = regex.compile(r"\p{Han}")
    lengths = []
    for z, e in pairs:
        chars = [ch for ch in z if not ch.isspace()]
        n_han = len(han.findall(z))
        lengths.append((n_han + (len(chars) - n_han) / c, float(sum(1 for ch in e if not ch.isspace()))))
    c_new = sum(e for _, e in lengths) / sum(z for z, _ in lengths)
    s2 = statistics.pvariance([(e - c_new * z) / math.sqrt(z) for z, e in lengths if z > 0])
    spread = statistics.pstdev([math.log(e / (c_new * z)) for z, e in lengths if z > 0 and e > 0])
    return c_new, s2, spread


def main() -> None:
    sets = gold_pairs()
    everything = [p for v in sets.values() for p in v]
    c = 3.2
    for _ in range(5):
        c, s2, spread = fit(everything, c)
    print(f"{'gold set':14} {'pairs':>6} {'c':>6} {'s2':>7} {'sd(log ratio)':>14}")
    for name, pairs in sets.items():
        ci, s2i, sdi = fit(pairs, c)
        print(f"{name:14} {len(pairs):6d} {ci:6.3f} {s2i:7.2f} {sdi:14.3f}")
    print(f"{'all':14} {len(everything):6d} {c:6.3f} {s2:7.2f} {spread:14.3f}")
    print(f"in use: c={C} s2={cost.S2} sd0={cost.SIGMA0} ({Lang.ZH.value} length: Han 1, other 1/c)")


if __name__ == "__main__":
    main()
