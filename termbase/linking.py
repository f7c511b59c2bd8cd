"""Competitive linking in each segment (Melamed 2000, "Models of translational
equivalence among words", Computational Linguistics 26(2)): the best-scoring pair is
linked first, and a term once linked takes no other partner in that segment. Each
segment is linked on its own, given the corpus's pair scores, so a corpus is linked a
chunk of segments at a time and the links merge (`Links.merge`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from unterm.lang.dictionary import coverage
from unterm.lang.text import normalise_zh
from unterm.termbase import english
from unterm.termbase.counts import Found, Segment
from unterm.termbase.model import Example
from unterm.termbase.pairs import EXAMPLES, Links, PairScore

MIN_LINK_SCORE = 0.35
MIN_BARE_LINK_SCORE = 0.5
WHOLE_PAIR_LEXICAL = 0.8
WHOLE_PAIR_DICE = 0.8
LONGER_FIRST = 0.03  # per English word beyond the first (three at most), see `_order`


def link(
    found: Sequence[Found], segs: Sequence[Segment], scores: Mapping[tuple[str, str], PairScore]
) -> Links:
    """Competitive linking in each segment, given the pair scores (only the pairs that
    may link need be there, see `linkable`). A term once linked takes no other
    partner there. A pair whose two terms hold the two terms of a pair linked before it
    links only where what they add is a pair too (人居署执行局 / `Executive Board of
    UN-Habitat` beyond 人居署 / `UN-Habitat`, but not 补充联合国统计委员会 / `Statistical
    Commission for delineating` beyond 统计委员会 / `Statistical Commission`). A pair one
    of whose terms holds a term linked to something else, where that term stands nowhere
    else in the segment, does not link: that part is explained already (有意义 /
    `meaningful participation` once 参与 / `participation` is linked)."""
    links = Links()
    for f, seg in zip(found, segs, strict=True):
        text = _Sides(
            normalise_zh(seg.zh), f" {' '.join(english.key(w) for w in english.plain(seg.en).split())} "
        )
        options = [
            (scores[(z, key)].score, z, key)
            for z in f.zh
            for key in f.en
            if (z, key) in scores and linkable(scores[(z, key)])
        ]
        used_zh: set[str] = set()
        used_en: set[str] = set()
        linked: list[tuple[str, str]] = []
        links.by_segment.append(linked)
        # best first; between equals, the longer terms (a name before its parts)
        for s, z, key in sorted(
            options, key=lambda o: (-_order(o, scores), -len(o[1]), -len(o[2]), o[1], o[2])
        ):
            if z in used_zh or key in used_en or not _adds_a_pair((z, key), linked, scores):
                continue
            if any(_explained(z, key, other, text) for other in linked):
                continue
            used_zh.add(z)
            used_en.add(key)
            linked.append((z, key))
            links.count[(z, key)] += 1
            links.score[(z, key)] = s
            if len(links.examples[(z, key)]) < EXAMPLES:
                links.examples[(z, key)].append(_example(seg, z, f.en[key].text))
        links.own.update(pair for pair in linked if not any(_inside(pair, other) for other in linked))
    return links


def _order(option: tuple[float, str, str], scores: Mapping[tuple[str, str], PairScore]) -> float:
    """When a pair links in its segment: by its score, a pair of several English words
    that the dictionary confirms a little earlier than its score says, so that 言论自由 /
    `freedom of expression` links before 表示 ("express") can take `expression`."""
    score, z, key = option
    words = min(key.count(" "), 3)
    bonus = LONGER_FIRST * words if scores[(z, key)].lexical >= WHOLE_PAIR_LEXICAL else 0.0
    return round(score + bonus, 3)


@dataclass(frozen=True, slots=True)
class _Sides:
    """A segment's two sides as terms are counted in them: the Chinese normalised, the
    English as the keys of its words, space around each."""

    zh: str
    en: str


def _explained(z: str, key: str, other: tuple[str, str], text: _Sides) -> bool:
    """Whether a term of the pair holds a term of another linked pair, not with its partner,
    and that term stands only inside this one in the segment."""
    z0, k0 = other[0].strip("《》"), other[1]
    bare = z.strip("《》")
    if z0 != bare and z0 in bare and f" {k0} " not in f" {key} ":
        return text.zh.count(z0) <= text.zh.count(bare)
    if k0 != key and f" {k0} " in f" {key} " and z0 not in bare:
        return text.en.count(f" {k0} ") <= text.en.count(f" {key} ")
    return False


def linkable(s: PairScore) -> bool:
    """Whether a pair may link at all: a score of MIN_LINK_SCORE, or, where the dictionary
    says nothing for it, of MIN_BARE_LINK_SCORE (two frequent words, 联合国 and
    `implementation`, co-occur often without translating each other)."""
    return s.score >= (MIN_LINK_SCORE if s.lexical else MIN_BARE_LINK_SCORE)


def _inside(pair: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether both terms of a pair are parts of the terms of another pair."""
    return pair != other and pair[0].strip("《》") in other[0] and f" {pair[1]} " in f" {other[1]} "


def _adds_a_pair(
    pair: tuple[str, str], linked: list[tuple[str, str]], scores: Mapping[tuple[str, str], PairScore]
) -> bool:
    """Whether a pair that holds a linked pair adds, on each side, words the dictionary
    pairs with each other, or is confirmed as a whole: by the dictionary (家庭暴力 /
    `domestic violence` beyond 暴力 / `violence`, though 家庭 is `family`) or by always
    occurring together (体面工作 / `decent work`, in every segment that has either)."""
    s = scores[pair]
    if s.lexical >= WHOLE_PAIR_LEXICAL or (s.together >= 2 and s.dice >= WHOLE_PAIR_DICE):
        return True
    for inner in linked:
        if _inside(inner, pair):
            zh_rest = pair[0].strip("《》").replace(inner[0].strip("《》"), "", 1)
            en_rest = f" {pair[1]} ".replace(f" {inner[1]} ", " ", 1)
            if not coverage(zh_rest, en_rest)[0]:
                return False
    return True


def _example(seg: Segment, z: str, e: str) -> Example:
    """The sentence or clause holding each term, from one aligned pair."""
    zh = _around(regex.split(r"(?<=[。；;])", normalise_zh(seg.zh)), z)
    en = _around(regex.split(r"(?<=[;.])\s+(?=[A-Z0-9(])", seg.en), e)
    return Example(zh, en, seg.document, seg.key)


def _around(parts: list[str], term: str) -> str:
    bare = term.strip("《》")
    for part in parts:
        if bare in part:
            return part.strip()
    return (parts[0] if parts else "").strip()
