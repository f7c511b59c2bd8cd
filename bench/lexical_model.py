"""The constants of the sentence-level evidence (align.lexical, align.cost), measured on
the UNPC development gold, in all and on each half of the documents; with `--cross`,
the alignment of each half with the constants measured on the other.

- R: the chance that a content word matches one given word of a sentence that does not
  translate its own (each two-sided gold unit against the other units of its paragraph
  pair), from q(n) = 1 − (1 − R)^n;
- P0_ZH, P0_EN: the share of a side's words the dictionary matches in its translation
  beyond chance, from p(n) = 1 − (1 − P0)(1 − R)^n over the gold units;
- RHO: the intra-sentence correlation of matches (the moment estimate of a
  beta-binomial's overdispersion), pooled over both sides and both kinds of pair;
- KEY_ONE_SIDED: −log of the share of gold units with a paragraph number or item letter
  on one side only, among those with one on either side.

usage: python -m bench.lexical_model [--cross]
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from unittest import mock

from bench.sentence_f1 import half, measure, row
from tests.support.corpora import unpc_sentence_gold
from unterm.align import cost, lexical, sentences
from unterm.align.evidence import lexical_keys
from unterm.align.lexical import matched
from unterm.align.split import sentence_key
from unterm.lang.languages import Lang

Words = tuple[frozenset[str], ...]
# (words of one side, their partner's or a stranger's words, side)
Observation = tuple[int, int, int, str]  # matched, words, other side's words, "zh"/"en"


@dataclass(frozen=True, slots=True)
class Constants:
    r: float
    p0_zh: float
    p0_en: float
    rho: float
    key_one_sided: float


def observations(
    groups: list[list[tuple[str, str]]],
) -> tuple[list[Observation], list[Observation], tuple[int, int]]:
    """Match counts of each gold unit's sides against its partner and against the other
    units of its paragraph pair; (units with a key on one side only, with a key at all)."""
    true: list[Observation] = []
    strange: list[Observation] = []
    one_sided = keyed = 0
    for units in groups:
        both = [(z, e) for z, e in units if z and e]
        words = [(lexical_keys(z, Lang.ZH), lexical_keys(e, Lang.EN)) for z, e in both]
        for k, (zw, ew) in enumerate(words):
            kz, ke = bool(sentence_key(both[k][0])), bool(sentence_key(both[k][1]))
            keyed += kz or ke
            one_sided += kz != ke
            for j, (zw2, ew2) in enumerate(words):
                out = true if j == k else strange
                out.append((matched(zw, ew2), len(zw), len(ew2), "zh"))
                out.append((matched(ew, zw2), len(ew), len(zw2), "en"))
    return true, strange, (one_sided, keyed)


def fit(true: list[Observation], strange: list[Observation], keys: tuple[int, int]) -> Constants:
    strange = [o for o in strange if o[1] and o[2]]
    true = [o for o in true if o[1] and o[2]]
    lo, hi = 1e-5, 0.5  # R: expected chance matches equal the observed ones
    target = sum(m for m, _, _, _ in strange)
    for _ in range(60):
        r = (lo + hi) / 2
        expected = sum(n * (1 - (1 - r) ** no) for _, n, no, _ in strange)
        lo, hi = (r, hi) if expected < target else (lo, r)
    p0 = {}
    for side in ("zh", "en"):
        obs = [o for o in true if o[3] == side]
        missed = sum(n - m for m, n, _, _ in obs)
        p0[side] = 1 - missed / sum(n * (1 - r) ** no for _, n, no, _ in obs)
    num = den = 0.0
    for obs, kind in ((true, "true"), (strange, "strange")):
        for m, n, no, side in obs:
            if n < 2:
                continue
            chance = (1 - r) ** no
            mu = 1 - (1 - p0[side]) * chance if kind == "true" else 1 - chance
            num += (m - n * mu) ** 2 / (mu * (1 - mu)) - n
            den += n * (n - 1)
    return Constants(r, p0["zh"], p0["en"], num / den, -math.log(keys[0] / keys[1]))


def main() -> None:
    paragraphs, gold = unpc_sentence_gold()
    fitted: dict[str, Constants] = {}
    print("| documents | R | P0_ZH | P0_EN | RHO | KEY_ONE_SIDED |")
    print("|---|---|---|---|---|---|")
    for name in ("all", "A", "B"):
        groups = [gold[p["group"]] for p in paragraphs if name == "all" or half(p["group"]) == name]
        c = fitted[name] = fit(*observations(groups))
        print(f"| {name} | {c.r:.4f} | {c.p0_zh:.3f} | {c.p0_en:.3f} | {c.rho:.3f} | {c.key_one_sided:.2f} |")
    print(
        f"\nin use: R {lexical.R}, P0_ZH {lexical.P0_ZH}, P0_EN {lexical.P0_EN}, RHO {lexical.RHO}, "
        f"KEY_ONE_SIDED {cost.KEY_ONE_SIDED}"
    )
    if "--cross" not in sys.argv:
        return
    print("\n| constants measured on | aligned | precision | recall | F1 | one-sided found exactly | % |")
    print("|---|---|---|---|---|---|---|")
    for source, target in (("A", "B"), ("B", "A")):
        c = fitted[source]
        with (
            mock.patch.multiple(lexical, R=c.r, P0_ZH=c.p0_zh, P0_EN=c.p0_en, RHO=c.rho),
            mock.patch.object(cost, "KEY_ONE_SIDED", c.key_one_sided),
        ):
            result, _ = measure(paragraphs, gold, sentences.sentence_pairs)
        print(row(f"half {source} | half {target}", result[target]))


if __name__ == "__main__":
    main()
