"""Counting for term mining: the candidates of each aligned segment, and how many
segments hold each term and each pair of terms. Counts of several documents merge by
addition, so a corpus is counted document by document.

A pair is counted when its terms share dictionary evidence, or when both recur (twice or
more in the corpus), or when structure ties them: the k-th bracketed short form on each
side (人居署 / UN-Habitat) with its expansion, a title in 《…》 with a quoted or
capitalised title. Candidates that never occur outside one longer candidate are
fragments of it (`dependent`).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

import regex

from unterm.align.model import Alignment
from unterm.lang.dictionary import gloss_keys, similarity
from unterm.lang.english import content_stems, match_keys
from unterm.lang.gazetteer import name_pairs
from unterm.lang.languages import Lang
from unterm.termbase import chinese, english
from unterm.termbase.model import TermType


@dataclass(frozen=True, slots=True)
class Segment:
    """One aligned pair of paragraphs, the unit of counting."""

    zh: str
    en: str
    document: str = ""
    key: str = ""


def evidence(segment: Segment) -> int:
    """What makes aligned segments one piece of evidence: their two texts, less the
    paragraph key each opens with, as a 64-bit digest. A resolution repeats paragraphs of
    earlier years under other numbers (`3. Requests ...` there, `5. Requests ...` here):
    the same text renumbered says nothing new about its terms."""
    zh_key, _, en_key = segment.key.partition("|")
    text = f"{_unkeyed(segment.zh, zh_key)}\0{_unkeyed(segment.en, en_key or zh_key)}"
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=8).digest(), "big")


def _unkeyed(text: str, key: str) -> str:
    """A text without the paragraph key it opens with (`3.`, `(a)`, `12．`), if it does."""
    first = key.split(" ")[0]
    if not first or not text.lstrip().startswith(first):
        return text
    return regex.sub(rf"^\s*{regex.escape(first)}(?:[.．、)]|(?=\s)|$)\s*", "", text, count=1)


def segments(alignment: Alignment, document: str = "") -> list[Segment]:
    """The aligned pairs of an alignment that have text on both sides (footnotes included),
    each naming its `document`: by default the symbol, else the Chinese file's name."""
    document = document or alignment.symbol or alignment.zh.name
    out = []
    for pair in alignment.pairs:
        if pair.zh and pair.en:
            zh, en = alignment.text(pair, Lang.ZH), alignment.text(pair, Lang.EN)
            if zh.strip() and en.strip():  # a footnote may be its number alone on one side
                out.append(Segment(zh, en, document, alignment.key(pair)))
    return out


@dataclass(slots=True)
class Found:
    """The candidates of one segment."""

    zh: dict[str, TermType]
    en: dict[str, english.Candidate]  # by folded key
    zh_paren: list[tuple[str, list[str]]]
    en_paren: list[tuple[str, str]]


def find(segment: Segment, reading: chinese.Reading) -> Found:
    en: dict[str, english.Candidate] = {}
    for ec in english.candidates(segment.en):
        if ec.key not in en or ec.type is TermType.TITLE:
            en[ec.key] = ec
    zh: dict[str, TermType] = {}
    for zc in chinese.candidates(segment.zh, reading, english=[c.text for c in en.values()]):
        if zh.get(zc.text) is not TermType.TITLE:
            zh[zc.text] = zc.type
    zh_paren = chinese.parentheticals(segment.zh, reading)
    en_paren = english.parentheticals(segment.en)
    for abbr, expansions in zh_paren:
        zh.setdefault(abbr, TermType.ABBREVIATION)
        for x in expansions:
            zh.setdefault(x, TermType.FULL_FORM)
    for expansion, abbr in en_paren:
        for text, kind in ((expansion, TermType.FULL_FORM), (abbr, TermType.ACRONYM)):
            key = english.key(text)
            en.setdefault(key, english.Candidate(text, key, len(text.split()), kind, True))
    return Found(zh, en, zh_paren, en_paren)


@dataclass(slots=True)
class Counts:
    """Counts over segments; counts of several documents merge by addition."""

    segments: int = 0
    zh: Counter[str] = field(default_factory=Counter)
    en: Counter[str] = field(default_factory=Counter)
    surface: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    structure: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (short form, expansion) as the texts bracket them, in each language
    short_forms: Counter[tuple[str, str]] = field(default_factory=Counter)

    def recurring(self) -> Counts:
        """The counts of the terms seen in two segments or more, and no others: all that
        counting pairs needs to know of the corpus (`add_pairs`)."""
        return Counts(
            zh=Counter({z: n for z, n in self.zh.items() if n >= 2}),
            en=Counter({k: n for k, n in self.en.items() if n >= 2}),
        )

    def merge(self, other: Counts) -> Counts:
        self.segments += other.segments
        self.zh.update(other.zh)
        self.en.update(other.en)
        for k, v in other.surface.items():
            self.surface[k].update(v)
        self.pairs.update(other.pairs)
        self.structure.update(other.structure)
        self.short_forms.update(other.short_forms)
        return self


def count_terms(found: Iterable[Found]) -> Counts:
    """How many segments hold each term (first pass)."""
    counts = Counts()
    for f in found:
        counts.segments += 1
        counts.zh.update(f.zh.keys())
        counts.en.update(f.en.keys())
        for key, c in f.en.items():
            counts.surface[key][c.text] += 1
    return counts


@cache
def _state_names() -> dict[str, tuple[str, ...]]:
    """Chinese name of a State -> the keys of its English names (lang.gazetteer)."""
    out: dict[str, list[str]] = defaultdict(list)
    for zh, en in sorted(name_pairs()):
        out[zh].append(english.key(en))
    return {zh: tuple(keys) for zh, keys in out.items()}


def structural_pairs(f: Found) -> list[tuple[str, str]]:
    """Pairs the structure of the two texts ties together: the k-th bracketed short form
    and its expansion on each side; titles in 《…》 with the quoted or capitalised titles
    that match them best;
    the official names of a State (lang.gazetteer) in both languages."""
    names = _state_names()
    out: list[tuple[str, str]] = [(z, k) for z in f.zh if z in names for k in names[z] if k in f.en]
    en_abbr = [(english.key(x), english.key(a)) for x, a in f.en_paren]
    zh_abbr = [(a, xs) for a, xs in f.zh_paren]
    if len(en_abbr) == len(zh_abbr):
        for (z_abbr, z_expansions), (e_exp, e_abbr) in zip(zh_abbr, en_abbr, strict=True):
            out.append((z_abbr, e_abbr))
            expansion = f.en[e_exp].text if e_exp in f.en else e_exp
            best = max(z_expansions, key=lambda x: similarity(x, expansion))
            out.append((best, e_exp))
    zh_titles = [z for z, t in f.zh.items() if t is TermType.TITLE]
    for z in zh_titles:
        # the English title that says it best (`Charter of the United Nations` for
        # 《联合国宪章》, not `United Nations`, which also matches)
        scored = [
            (similarity(z, c.text), key)
            for key, c in f.en.items()
            if c.type is TermType.TITLE or c.capitalised
        ]
        top = max((v for v, _ in scored), default=0.0)
        out += [(z, key) for v, key in scored if v >= 0.5 and v == top]
    return out


def _short_forms(f: Found) -> list[tuple[str, str]]:
    """(short form, expansion) relations in one segment: the English as bracketed, the
    Chinese with the expansion the English expansion confirms best."""
    out = [(english.key(a), english.key(x)) for x, a in f.en_paren]
    for abbr, expansions in f.zh_paren:
        if f.en_paren:
            best = max(expansions, key=lambda x: max(similarity(x, e) for e, _ in f.en_paren))
        else:
            best = expansions[0]
        out.append((abbr, best))
    return out


def count_pairs(found: Iterable[Found], terms: Counts) -> Counts:
    """Pair counts (second pass), given the corpus-wide term counts."""
    counts = Counts()
    for f in found:
        counts.segments += 1
        tied = set(structural_pairs(f))
        counts.short_forms.update(_short_forms(f))
        for pair in tied:
            counts.structure[pair] += 1
            counts.pairs[pair] += 1
        add_pairs(f, f.zh, terms, counts, tied)
    return counts


def add_pairs(
    f: Found, zh: Iterable[str], terms: Counts, counts: Counts, tied: set[tuple[str, str]] | None = None
) -> None:
    """Count the pairs of the Chinese terms `zh` with every English term of one segment
    that the dictionary ties to them, or that recurs as they do (see the module docstring)."""
    en_keys = {key: {k for st in content_stems(c.text) for k in match_keys(st)} for key, c in f.en.items()}
    for z in zh:
        z_keys = gloss_keys(z)
        z_recurs = terms.zh[z] >= 2
        for key, keys in en_keys.items():
            if tied and (z, key) in tied:
                continue
            if not keys.isdisjoint(z_keys) or (z_recurs and terms.en[key] >= 2):
                counts.pairs[(z, key)] += 1


def dependent(
    counts: Counter[str],
    parts: dict[str, list[str]],
    is_name: Callable[[str], bool],
    fuller_name: Callable[[str, str], bool],
) -> set[str]:
    """Candidates that never occur outside one longer candidate: fragments of a name
    (`Nations Human` of `United Nations Human Settlements Programme`, 持续发展目标 of
    可持续发展目标). The nested-term test of C-value (Frantzi, Ananiadou & Mima 2000,
    "Automatic recognition of multi-word terms", International Journal on Digital
    Libraries 3(2)), in its simplest form: a term as frequent as a term containing it,
    unless it is the head of the longer one and what the longer adds is a term elsewhere
    too.
    A candidate seen once is always inside some longer one, so it counts as a fragment
    only of a fuller name (`fuller_name`: 联合国系统行政首长 of 联合国系统行政首长协调理事会).
    A part stays when what the longer term adds to it is a name of its own: 常驻代表委员会
    in 人居署常驻代表委员会, `Executive Board` in `Executive Board of UN-Habitat`."""
    out: set[str] = set()
    for longer, inner in parts.items():
        n = counts[longer]
        for part in inner:
            if part == longer or counts[part] > n:
                continue
            if counts[part] < 2 and not fuller_name(part, longer):
                continue  # seen once, every candidate sits in some longer one: no evidence
            left = longer.replace(part, " ", 1).strip()
            rest = regex.sub(r"^\s*(?:of|for|and|on|to|the)\s+|\s+(?:of|for|and|on|to|the)\s*$", "", left)
            if rest and counts[rest] > n and is_name(rest):
                continue
            # a head with a modifier that stands on its own elsewhere: 城市发展 in
            # 可持续城市发展, `urban development` in `sustainable urban development`
            if (
                rest
                and counts[rest] > n
                and (longer.endswith(f" {part}") or (" " not in longer and longer.endswith(part)))
            ):
                continue
            # a conjunct of a coordination of two names: 气候投资基金 of 适应基金和气候投资基金
            # (one head), 联合国秘书处 of 联合国秘书处与大会 (大会 stands on its own), but not
            # 联合国住房 of 联合国住房和城市可持续发展大会
            other = regex.sub(r"^(?:和|及|与|and )|(?:和|及|与| and)$", "", left).strip()
            if other != left and counts[other] and (other[-2:] == part[-2:] or counts[other] > n):
                continue
            out.add(part)
    return out


def zh_parts(terms: Iterable[str]) -> dict[str, list[str]]:
    known = set(terms)
    return {
        t: [t[i:j] for i in range(len(t)) for j in range(i + 2, len(t) + 1) if t[i:j] in known] for t in known
    }


def en_parts(keys: Iterable[str]) -> dict[str, list[str]]:
    known = set(keys)
    out: dict[str, list[str]] = {}
    for k in known:
        words = k.split()
        out[k] = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
        out[k] = [p for p in out[k] if p in known]
    return out
