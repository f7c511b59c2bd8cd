"""What a link between units (blocks or sentences) costs, and how sure the aligner is of it.

The cost of linking a group of Chinese units to a group of English units adds up:

- a prior for the link type (1-1 is by far the most common), after Gale & Church
  (1993, "A program for aligning sentences in bilingual corpora", Computational
  Linguistics 19(1)), who also give the length model below;
- the length model: English characters are about `c` times Chinese characters with a
  variance `s2` per Chinese character (Gale & Church's model); since paragraphs vary in
  ratio however long they are, the log ratio is scored as normal with that variance
  plus a floor (sd 0.15; measured sd of the log ratio on gold paragraphs: 0.13 UDHR,
  0.17 A/RES/77/173, 0.20 overall), cost −log P(|Z| ≥ |z|). A Chinese length counts Han characters, and every other character
  (digits, Latin letters, punctuation) as 1/c, since `2022` or `A/77/444` is as long in
  both languages. c = 3.56 and s2 = 12.6 were measured on the 4,588 gold pairs of
  A/RES/77/173, the UDHR, the SDG framework and the UNPC development set
  (bench/length_model.py);
- anchors: every language-neutral anchor (symbol, resolution, date, number, footnote)
  found on both sides lowers the cost by its weight; one found on one side only
  raises it by half its weight;
- kind and key: paragraphs of different kinds cost more to link; equal keys (operative
  9 and 9) cost less, different keys much more.

Sentences inside a paragraph pair (`sentences=True`) are scored the same way, with three
differences: dictionary evidence (align.lexical) joins the length model; a sentence
that opens with a paragraph number or item letter starts a paragraph, so a link that
joins it to the sentence before it costs as much as a key clash (KEY_CROSS), and a key
on one side of a link only costs what its measured rarity says (KEY_ONE_SIDED); and a
merge (2-1, 1-2) has the prior of an omission (1-0), so that the length and dictionary
evidence, not the prior, decide between the two.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from unterm.align.lexical import lexical_cost
from unterm.documents.model import BlockKind
from unterm.lang.anchors import Anchor, weight
from unterm.lang.length import C

S2 = 12.6
SIGMA0 = 0.15
SKIP_LENGTH = 1.0

# -log prior of each move (zh units, en units).
PRIOR: dict[tuple[int, int], float] = {
    (1, 1): -math.log(0.90),
    (1, 0): -math.log(0.005),
    (0, 1): -math.log(0.005),
    (2, 1): -math.log(0.04),
    (1, 2): -math.log(0.04),
    (3, 1): -math.log(0.004),
    (1, 3): -math.log(0.004),
}
# Sentences: a merge no likelier a priori than an omission. (The UNPC development gold
# has 2 merges in 4,000 units against 128 omissions, by its construction; the UDHR has
# real merges, which a prior fitted to that gold would split: docs/benchmarks.md, "The
# sentence level".)
SENTENCE_PRIOR: dict[tuple[int, int], float] = {**PRIOR, (2, 1): PRIOR[(1, 0)], (1, 2): PRIOR[(0, 1)]}
SWAP_PENALTY = 6.0
MATCH_GAIN = 1.0
MISS_COST = 0.5
KEY_GAIN = 4.0
KEY_CLASH = 12.0
# Sentences: joining a sentence that opens with a key to the one before it crosses a
# paragraph boundary (`57. The Chief …` and `59. The Commission …` against `59. 委员会…`).
KEY_CROSS = KEY_CLASH
# Sentences: a key on one side of a link only. Of the 868 gold sentence pairs of the UNPC
# development set with a key on either side, 98 have it on one side only: −log(98/868).
KEY_ONE_SIDED = 2.2

_CLASS = {
    BlockKind.HEADER: "head",
    BlockKind.TITLE: "head",
    BlockKind.CHAPEAU: "text",
    BlockKind.PREAMBULAR: "text",
    BlockKind.PARAGRAPH: "text",
    BlockKind.OPERATIVE: "text",
    BlockKind.SUBITEM: "text",
    BlockKind.HEADING: "heading",
    BlockKind.CLOSING: "closing",
    BlockKind.FOOTNOTE: "note",
    BlockKind.SPEAKER: "text",
    BlockKind.SIGNATURE: "text",
}


# Inside the DP an anchor is its string form ("date 2022-12-14"): cheap to hash.
_WEIGHTS: dict[str, float] = {}


@dataclass(frozen=True, slots=True)
class Unit:
    """What the aligner sees of a block or a sentence."""

    length: float  # see `measure`
    anchors: tuple[Anchor, ...] = ()
    kind: BlockKind | None = None
    key: str = ""
    counts: Counter[str] = field(default_factory=Counter, compare=False, hash=False)
    # lexical evidence, where given: per content word, the keys its meaning matches on
    # (English: the word's stem; Chinese: the stems of its dictionary glosses)
    lex: tuple[frozenset[str], ...] = field(default=(), compare=False, hash=False)
    # sentences: the item keys inside the text, not at its start (`including (a) …; (b) …`)
    inline: frozenset[str] = field(default=frozenset(), compare=False, hash=False)

    @staticmethod
    def of(
        length: float,
        anchors: Sequence[Anchor],
        kind: BlockKind | None = None,
        key: str = "",
        lex: tuple[frozenset[str], ...] = (),
        inline: frozenset[str] = frozenset(),
    ) -> Unit:
        for a in anchors:
            _WEIGHTS.setdefault(str(a), weight(a))
        return Unit(length, tuple(anchors), kind, key, Counter(str(a) for a in anchors), lex, inline)


@dataclass(frozen=True, slots=True)
class Link:
    """A link the aligner chose: unit indices on each side, its confidence and evidence."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    evidence: tuple[str, ...]


def spread(lz: float, le: float) -> float:
    """Standard deviation of the log length ratio for a pair of this size: a floor of
    SIGMA0 (translation style varies however long the text) plus the per-character
    variance of the length model, which dominates for short units."""
    mean = max((lz + le / C) / 2, 0.5)
    return math.sqrt(SIGMA0**2 + S2 / (C * C * mean))


def length_z(lz: float, le: float) -> float:
    """How many standard deviations the length ratio is from the model's."""
    return math.log(le / (C * lz)) / spread(lz, le)


def length_cost(lz: float, le: float) -> float:
    """−log P(|Z| ≥ |z|) of the length ratio; for a unit with no counterpart, a cost
    that grows slowly with its length (a long paragraph is less likely to be missing
    from a translation than a heading, but not exponentially less)."""
    if lz > 0 and le > 0:
        return -_log_tail(length_z(lz, le))
    return SKIP_LENGTH * math.log1p((lz + le / C) / 20)


def _log_tail(z: float) -> float:
    """log P(|Z| ≥ |z|) for a standard normal Z, safe far in the tail."""
    d = abs(z)
    if d < 8:
        return math.log(max(math.erfc(d / math.sqrt(2)), 1e-300))
    return -(d * d) / 2 - math.log(d * math.sqrt(math.pi / 2))


def _anchor_terms(a: Counter[str], b: Counter[str]) -> tuple[float, float, float]:
    """Weights of anchors found on both sides, on one side only, and in all."""
    if not a and not b:
        return 0.0, 0.0, 0.0
    matched = missed = 0.0
    for anchor in a.keys() | b.keys():
        w = _WEIGHTS[anchor]
        x, y = a[anchor], b[anchor]
        matched += min(x, y) * w
        missed += abs(x - y) * w
    return matched, missed, 2 * matched + missed


_CACHE = 100_000  # costs kept for reuse: enough for a band's few rows, bounded for long texts


@dataclass(frozen=True, slots=True)
class Group:
    """What a cost needs of a run of consecutive units, computed once per run."""

    length: float
    counts: Counter[str]  # its anchors
    units: tuple[Unit, ...]
    kinds: tuple[BlockKind | None, ...]
    keys: tuple[str, ...]  # the units' keys, where they have one
    words: tuple[frozenset[str], ...]  # lexical evidence: each content word's match keys
    lex_keys: frozenset[str]  # all of them

    @staticmethod
    def of(units: Sequence[Unit]) -> Group:
        counts: Counter[str] = Counter()
        for u in units:
            counts.update(u.counts)
        words = tuple(w for u in units for w in u.lex)
        return Group(
            sum(u.length for u in units),
            counts,
            tuple(units),
            tuple(u.kind for u in units),
            tuple(u.key for u in units if u.key),
            words,
            frozenset().union(*words) if words else frozenset(),
        )


class Scorer:
    """Costs and confidences of candidate links between two unit sequences."""

    swap_penalty = SWAP_PENALTY

    def __init__(
        self,
        zh: Sequence[Unit],
        en: Sequence[Unit],
        *,
        sentences: bool = False,
        extra: Callable[[int, int, int, int], float] | None = None,
    ) -> None:
        self.zh = zh
        self.en = en
        self.sentences = sentences
        self.extra = extra  # more evidence, by position: align.embedding
        self.prior = SENTENCE_PRIOR if sentences else PRIOR
        self._cache: dict[tuple[int, int, int, int], float] = {}
        self._groups: tuple[dict[tuple[int, int], Group], dict[tuple[int, int], Group]] = ({}, {})
        self._kinds: dict[tuple[tuple[BlockKind | None, ...], tuple[BlockKind | None, ...]], float] = {}
        self.lexical = any(u.lex for u in zh) and any(u.lex for u in en)

    def group(self, zh: bool, start: int, size: int) -> Group:
        """The Chinese (or English) units start..start+size-1 as a Group."""
        cache = self._groups[0 if zh else 1]
        hit = cache.get((start, size))
        if hit is None:
            units = self.zh if zh else self.en
            hit = cache[(start, size)] = Group.of(units[start : start + size])
        return hit

    def _group(self, units: Sequence[Unit], start: int, size: int) -> tuple[float, Counter[str], list[Unit]]:
        g = self.group(units is self.zh, start, size)
        return g.length, g.counts, list(g.units)

    def cost(self, i: int, a: int, j: int, b: int) -> float:
        """Cost of linking zh units i..i+a−1 with en units j..j+b−1."""
        key = (i, a, j, b)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        value = self._cost(self.group(True, i, a), self.group(False, j, b))
        if a and b and self.extra is not None:
            value += self.extra(i, a, j, b)
        if len(self._cache) >= _CACHE:
            self._cache.clear()  # the DP asks for a cost again only from nearby cells
        self._cache[key] = value
        return value

    def _cost(self, zg: Group, eg: Group, *, kinds: bool = True) -> float:
        """Cost of linking two groups; `kinds=False` leaves out what the reader's kinds
        say (see merge_odds)."""
        a, b = len(zg.units), len(eg.units)
        value = self.prior.get((a, b), self.prior[(3, 1)]) + length_cost(zg.length, eg.length)
        if zg.counts or eg.counts:
            matched, missed, _ = _anchor_terms(zg.counts, eg.counts)
            value += MISS_COST * missed - MATCH_GAIN * matched
        if a and b:
            if kinds:
                pair = (zg.kinds, eg.kinds)
                kind = self._kinds.get(pair)
                if kind is None:
                    kind = self._kinds[pair] = _kind_cost(list(zg.units), list(eg.units))
                value += kind
            if zg.keys and eg.keys:
                value += -KEY_GAIN if zg.keys == eg.keys else KEY_CLASH
            if self.sentences:
                value += _sentence_key_cost(zg.units, eg.units)
            if self.lexical:
                value += lexical_cost(zg.words, eg.words)
        return value

    def merge_odds(self, zh: bool, k: int, link: Link) -> float:
        """The log odds that a unit left alone (unit k of the zh or en side) is part of a
        linked group instead, on the text alone: lengths, anchors, keys and words, not
        the kinds the reader gave the units (a paragraph's tail read as a heading is
        still its paragraph's). Positive where joining it to the link costs less than
        leaving it alone; the link need not stand next to it."""
        z, e = self._units(self.zh, link.zh), self._units(self.en, link.en)
        alone = self._units(self.zh if zh else self.en, (k,))
        empty = self._units(self.en if zh else self.zh, ())
        apart = self._cost(z, e, kinds=False) + (
            self._cost(alone, empty, kinds=False) if zh else self._cost(empty, alone, kinds=False)
        )
        if zh:
            joined = self._cost(self._units(self.zh, tuple(sorted((*link.zh, k)))), e, kinds=False)
        else:
            joined = self._cost(z, self._units(self.en, tuple(sorted((*link.en, k)))), kinds=False)
        return apart - joined

    @staticmethod
    def _units(units: Sequence[Unit], indices: tuple[int, ...]) -> Group:
        return Group.of([units[i] for i in indices])

    def link(self, i: int, a: int, j: int, b: int, posterior: float, extra: Sequence[str] = ()) -> Link:
        """The Link for a chosen move: its confidence and the evidence that decided it.

        The confidence is the posterior probability of the link among all alignments of
        the two sequences (forward-backward over the same costs), times a plausibility
        that falls once the length ratio is an outlier (beyond 1.5 standard deviations).
        """
        lz, za, zu = self._group(self.zh, i, a)
        le, ea, eu = self._group(self.en, j, b)
        zh_idx, en_idx = tuple(range(i, i + a)), tuple(range(j, j + b))
        if not a or not b:  # rescored by dp.align_units: how sure it is that there is none
            return Link(zh_idx, en_idx, round(posterior, 3), ("no counterpart", *extra))
        evidence: list[str] = list(extra)
        keys_z = [u.key for u in zu if u.key]
        keys_e = [u.key for u in eu if u.key]
        if keys_z and keys_e:
            same = keys_z == keys_e
            evidence.append(
                f"key {keys_z[0]}" if same else f"keys differ: {' '.join(keys_z)} / {' '.join(keys_e)}"
            )
        for anchor in sorted(za.keys() & ea.keys()):
            evidence.append(str(anchor))
        for anchor in sorted(za.keys() - ea.keys()):
            evidence.append(f"zh only: {anchor}")
        for anchor in sorted(ea.keys() - za.keys()):
            evidence.append(f"en only: {anchor}")
        ratio = le / (C * lz) if lz else 0.0
        evidence.append(f"length {ratio:.2f}")
        if a > 1 or b > 1:
            evidence.append(f"merged {a}-{b}")
        if _kind_cost(zu, eu) >= 1.0:
            evidence.append("kinds differ")
        score = posterior * plausibility(lz, le)
        return Link(zh_idx, en_idx, round(score, 3), tuple(evidence))


def plausibility(lz: float, le: float) -> float:
    """1 while the length ratio is within 1.5 standard deviations of the model, falling
    like a normal density beyond."""
    if lz <= 0 or le <= 0:
        return 0.0
    z = abs(length_z(lz, le))
    return math.exp(-(max(0.0, z - 1.5) ** 2) / 2)


def _kind_cost(zu: list[Unit], eu: list[Unit]) -> float:
    zk = {u.kind for u in zu if u.kind is not None}
    ek = {u.kind for u in eu if u.kind is not None}
    if not zk or not ek:
        return 0.0
    cost = 0.0
    if len(zk) > 1 or len(ek) > 1:
        # a heading merged with text is rarer still than mixed text kinds
        cost += 4.0 if BlockKind.HEADING in zk | ek else 2.0
    if not zk & ek:
        cost += 1.0 if {_CLASS[k] for k in zk} & {_CLASS[k] for k in ek} else 3.0
    # A chapeau or heading introduces what follows it: a merged group does not end in one.
    for group in (zu, eu):
        if len(group) > 1 and group[-1].kind in (BlockKind.CHAPEAU, BlockKind.HEADING):
            cost += 2.0
    return cost


def _sentence_key_cost(zu: Sequence[Unit], eu: Sequence[Unit]) -> float:
    """What keys at the start of sentences say of a link inside a paragraph pair: each
    sentence after a group's first that opens with a key (a paragraph starts there)
    costs KEY_CROSS, unless the other side runs that item into a sentence (`including
    (a) …; (b) …`); a key on one side of the link only costs KEY_ONE_SIDED."""
    cost = 0.0
    for group, other in ((zu, eu), (eu, zu)):
        inline = frozenset().union(*(u.inline for u in other))
        cost += KEY_CROSS * sum(1 for u in group[1:] if u.key and u.key not in inline)
    if any(u.key for u in zu) != any(u.key for u in eu):
        cost += KEY_ONE_SIDED
    return cost


def _key_cost(zu: list[Unit], eu: list[Unit]) -> float:
    zk = [u.key for u in zu if u.key]
    ek = [u.key for u in eu if u.key]
    if not zk or not ek:
        return 0.0
    return -KEY_GAIN if zk == ek else KEY_CLASH
