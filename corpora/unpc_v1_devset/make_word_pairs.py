"""Learn Chinese-English word pairs CC-CEDICT lacks from the UNPC v1.0 development set.

The QA meaning checks (qa.lexicon) ask, word by word, whether the other version of a
paragraph translates each word; CC-CEDICT answers for most, and not for the words UN
prose renders its own way (脆弱 `vulnerable`, 审查 `review`, 利益攸关方 `stakeholder`,
城市 `urban`). These are learnt here from the devset's 4,000 sentence pairs (732 UN
documents of 2015, none of them among the texts the checks are tested on): in each
sentence pair the words the dictionary already pairs are set aside, and over what is
left each Chinese word is tied to the English word it occurs with most (Dice over
sentences), where that is also the English word's best and both occur together in at
least MIN_TOGETHER sentences with a Dice of at least MIN_DICE.

Writes derived/word_pairs.tsv (zh, en: an English stem, together, dice), read by
qa.lexicon. Deterministic.

usage: python corpora/unpc_v1_devset/make_word_pairs.py
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

from unterm.lang.english import stem
from unterm.qa.lexicon import cover, en_words, zh_words

HERE = Path(__file__).resolve().parent
MIN_TOGETHER = 3
MIN_DICE = 0.3


def main() -> None:
    zh_lines = (HERE / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en_lines = (HERE / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    nz: Counter[str] = Counter()
    ne: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    for zh, en in zip(zh_lines, en_lines, strict=True):
        zh_side, en_side = cover(zh_words(zh), en_words(en))
        zs = {w.text for w, c in zip(zh_side.words, zh_side.covered, strict=True) if not c}
        es = {stem(w.text.lower()) for w, c in zip(en_side.words, en_side.covered, strict=True) if not c}
        nz.update(zs)
        ne.update(es)
        together.update((z, e) for z in zs for e in es)
    best_en: dict[str, tuple[float, str]] = {}
    best_zh: dict[str, tuple[float, str]] = {}
    ties: dict[str, int] = defaultdict(int)
    for (z, e), k in together.items():
        if k < MIN_TOGETHER:
            continue
        dice = 2 * k / (nz[z] + ne[e])
        if dice < MIN_DICE:
            continue
        for best, word, other in ((best_en, z, e), (best_zh, e, z)):
            if word not in best or dice > best[word][0]:
                best[word] = (dice, other)
            elif dice == best[word][0]:
                ties[word] += 1
    rows = sorted(
        (z, e, together[(z, e)], round(d, 3))
        for z, (d, e) in best_en.items()
        if best_zh.get(e, (0.0, ""))[1] == z and not ties[z]
    )
    with open(HERE / "derived" / "word_pairs.tsv", "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, delimiter="\t", lineterminator="\n")
        out.writerow(["zh", "en", "together", "dice"])
        out.writerows(rows)
    print(f"{len(rows)} word pairs from {len(zh_lines)} sentence pairs -> derived/word_pairs.tsv")


if __name__ == "__main__":
    main()
