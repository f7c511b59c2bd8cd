"""Dynamic-programming alignment of two sequences of units (blocks or sentences): the
lowest-cost monotonic alignment under the costs of align.cost, and the posterior
probability of each link (forward-backward over the same costs).

Moves: 1-1, 1-0, 0-1, 2-1, 1-2, 3-1, 1-3, and a crossing of two 1-1 links (the closing
lines of a resolution come in opposite orders in Chinese and English).

The programme is generic: what a link costs comes from a scorer (align.cost.Scorer for a
translation; another model, such as two versions of one text compared by similarity,
can be given in its place).

A unit linked to nothing is scored by how sure the aligner is that it has no
counterpart: the probability, over all alignments, that it stands alone; no surer than
the text says against its belonging to the nearest linked group on either side (the
reader may have cut a paragraph, and the moves reach only 3-1), and never certain.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from unterm.align.cost import Link, Scorer, Unit

MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3))
# A unit left alone is never certain to have no counterpart: the model cannot see one
# moved beyond its reach, or split or merged beyond 3-1 by either version's reader.
MAX_ALONE = 0.999


def _logaddexp(x: float, y: float) -> float:
    if x == -math.inf:
        return y
    if y == -math.inf:
        return x
    hi, lo = (x, y) if x > y else (y, x)
    return hi + math.log1p(math.exp(lo - hi))


# every move the DP makes: MOVES, then a crossing of two 1-1 links (index SWAP)
_ALL = (*MOVES, (2, 2))
SWAP = len(MOVES)
_K = len(_ALL)


class LinkScorer(Protocol):
    """What the programme asks of a cost model: the cost of linking units i..i+a-1 with
    j..j+b-1, the extra cost of crossing two 1-1 links, and the Link for a chosen move."""

    @property
    def swap_penalty(self) -> float: ...

    def cost(self, i: int, a: int, j: int, b: int) -> float: ...

    def link(self, i: int, a: int, j: int, b: int, posterior: float, extra: Sequence[str] = ()) -> Link: ...


def align_units(
    zh: Sequence[Unit],
    en: Sequence[Unit],
    *,
    swaps: bool = True,
    scorer: Callable[[Sequence[Unit], Sequence[Unit]], LinkScorer] = Scorer,
) -> list[Link]:
    """The lowest-cost monotonic alignment of two unit sequences (see module docstring),
    each link with its posterior-based confidence; `scorer` makes the cost model for the
    two sequences (by default, that of a Chinese text and its English translation).

    The DP searches a band around the diagonal (_Band): the whole grid for short
    sequences; for long ones a band of 30 cells either side, doubled and searched again
    while the best path runs along its edge (a run of paragraphs missing on one side).
    Only the band's cells are stored, row by row: best cost, forward and backward
    log-probabilities, the move that led to the best, and the costs of the moves out of
    each cell (computed once, for both passes). Memory grows with the length of the
    sequences times the band's width, not with their product.
    """
    n, m = len(zh), len(en)
    model = scorer(zh, en)
    band = _Band(n, m)
    while True:
        rows = _forward(model, band, swaps)
        if not band.narrower_than_needed(_path(rows)):
            break
        band = band.wider()
    _backward(rows)
    links = _links(rows, model, n, m)
    if isinstance(model, Scorer) and any(not link.zh or not link.en for link in links):
        links = _alone_scores(links, model, rows)
    return links


def _forward(scorer: LinkScorer, band: _Band, swaps: bool) -> list[_Row]:
    """The forward pass over the band: best costs, back-pointers and forward
    log-probabilities of every cell the alignment can reach."""
    n, m = band.n, band.m
    rows = [_Row(*band(i)) for i in range(n + 1)]
    rows[0].best[0] = rows[0].alpha[0] = 0.0
    for i in range(n + 1):
        row = rows[i]
        for j in range(row.lo, row.hi + 1):
            here = j - row.lo
            if row.best[here] == math.inf:
                continue
            costs = _move_costs(scorer, i, j, n, m, swaps)
            row.costs[here * _K : (here + 1) * _K] = costs
            row.seen[here] = 1
            for k, cost in enumerate(costs):
                if cost == math.inf:
                    continue
                a, b = _ALL[k]
                target = rows[i + a]
                t = j + b - target.lo
                if not 0 <= t < len(target.best):
                    continue  # outside the band
                if row.best[here] + cost < target.best[t]:
                    target.best[t] = row.best[here] + cost
                    target.back[t] = k
                target.alpha[t] = _logaddexp(target.alpha[t], row.alpha[here] - cost)
    return rows


def _path(rows: list[_Row]) -> list[tuple[int, int]]:
    """The cells the best path passes through, from the end back to the start."""
    i, j = len(rows) - 1, rows[-1].hi
    cells = [(i, j)]
    while i or j:
        a, b = _ALL[rows[i].back[j - rows[i].lo]]
        i, j = i - a, j - b
        cells.append((i, j))
    return cells


@dataclass(slots=True)
class _Row:
    """The band's cells of one row of the DP (one position in the Chinese sequence)."""

    lo: int
    hi: int
    best: array[float] = field(init=False)
    alpha: array[float] = field(init=False)
    beta: array[float] = field(init=False)
    back: bytearray = field(init=False)  # the move that led to the best
    seen: bytearray = field(init=False)  # 1 for a cell the forward pass reached
    costs: array[float] = field(init=False)  # _K per cell: the cost of each move out of it

    def __post_init__(self) -> None:
        width = self.hi - self.lo + 1
        self.best = array("d", [math.inf]) * width
        self.alpha = array("d", [-math.inf]) * width
        self.beta = array("d", [-math.inf]) * width
        self.back = bytearray(width)
        self.seen = bytearray(width)
        self.costs = array("d", [math.inf]) * (width * _K)


def _move_costs(scorer: LinkScorer, i: int, j: int, n: int, m: int, swaps: bool) -> array[float]:
    """The cost of each move out of cell (i, j) (infinite where it leaves the grid)."""
    out = array("d", (scorer.cost(i, a, j, b) if i + a <= n and j + b <= m else math.inf for a, b in MOVES))
    if swaps and i + 2 <= n and j + 2 <= m:
        out.append(scorer.cost(i, 1, j + 1, 1) + scorer.cost(i + 1, 1, j, 1) + scorer.swap_penalty)
    else:
        out.append(math.inf)
    return out


def _backward(rows: list[_Row]) -> None:
    """The backward log-probabilities, from the end of the grid to its start."""
    n = len(rows) - 1
    last = rows[n]
    last.beta[last.hi - last.lo] = 0.0
    for i in range(n, -1, -1):
        row = rows[i]
        for here in range(len(row.seen) - 1, -1, -1):
            if not row.seen[here]:
                continue
            j = row.lo + here
            total = row.beta[here]
            for k, cost in enumerate(row.costs[here * _K : (here + 1) * _K]):
                if cost == math.inf:
                    continue
                a, b = _ALL[k]
                target = rows[i + a]
                t = j + b - target.lo
                if 0 <= t < len(target.beta):
                    total = _logaddexp(total, target.beta[t] - cost)
            row.beta[here] = total


def _links(rows: list[_Row], scorer: LinkScorer, n: int, m: int) -> list[Link]:
    """The best path, traced back from the end, each link with its posterior."""
    end = rows[n]
    total = end.alpha[m - end.lo]
    links: list[Link] = []
    i, j = n, m
    while i or j:
        k = rows[i].back[j - rows[i].lo]
        a, b = _ALL[k]
        i, j = i - a, j - b
        row = rows[i]
        here = j - row.lo
        cost = row.costs[here * _K + k]
        target = rows[i + a]
        p = math.exp(min(0.0, row.alpha[here] - cost + target.beta[j + b - target.lo] - total))
        if k == SWAP:
            links.append(scorer.link(i + 1, 1, j, 1, p, ("crossed",)))
            links.append(scorer.link(i, 1, j + 1, 1, p, ("crossed",)))
        else:
            links.append(scorer.link(i, a, j, b, p))
    links.reverse()
    return links


def _alone(rows: list[_Row], zh: bool, k: int) -> float:
    """The probability that unit k of one side is linked to nothing, over all paths: the
    posterior of the 1-0 (0-1) move out of every cell of its row (column)."""
    n = len(rows) - 1
    end = rows[n]
    total = end.alpha[end.hi - end.lo]
    move = _ALL.index((1, 0) if zh else (0, 1))
    a, b = _ALL[move]
    p = 0.0
    for i in [k] if zh else range(n + 1):
        row = rows[i]
        if i + a > n:
            continue
        for j in range(row.lo, row.hi + 1) if zh else [k]:
            here = j - row.lo
            if not 0 <= here < len(row.seen) or not row.seen[here]:
                continue
            cost = row.costs[here * _K + move]
            target = rows[i + a]
            t = j + b - target.lo
            if cost == math.inf or not 0 <= t < len(target.beta):
                continue
            p += math.exp(min(0.0, row.alpha[here] - cost + target.beta[t] - total))
    return min(1.0, p)


def _alone_scores(links: list[Link], scorer: Scorer, rows: list[_Row]) -> list[Link]:
    """Links with nothing on one side, rescored (see the module docstring): the
    probability that the unit stands alone, no higher than the odds, on the text alone,
    against its joining the nearest linked group before or after it."""
    linked = [t for t, link in enumerate(links) if link.zh and link.en]
    out: list[Link] = []
    for t, link in enumerate(links):
        if link.zh and link.en:
            out.append(link)
            continue
        side, k = (True, link.zh[0]) if link.zh else (False, link.en[0])
        near = [
            max((u for u in linked if u < t), default=None),
            min((u for u in linked if u > t), default=None),
        ]
        odds = [scorer.merge_odds(side, k, links[u]) for u in near if u is not None]
        local = 1.0 / (1.0 + sum(math.exp(min(x, 50.0)) for x in odds))
        p = min(_alone(rows, side, k), local, MAX_ALONE)
        out.append(Link(link.zh, link.en, round(p, 3), link.evidence))
    return out


class _Band:
    """Which en positions the DP visits for a zh position: all of them for a segment of
    up to 10,000 cells, else `width` either side of the diagonal (30 to begin with)."""

    def __init__(self, n: int, m: int, width: int | None = None) -> None:
        self.n, self.m = n, m
        self.width = width if width is not None else (m if n * m <= 10_000 else 30)

    def __call__(self, i: int) -> tuple[int, int]:
        if self.width >= self.m:
            return 0, self.m
        centre = round(i * self.m / self.n) if self.n else 0
        return max(0, centre - self.width), min(self.m, centre + self.width)

    def wider(self) -> _Band:
        return _Band(self.n, self.m, min(self.width * 2, max(self.n, self.m)))

    def narrower_than_needed(self, path: list[tuple[int, int]]) -> bool:
        """Whether the best path comes within 3 cells of the band's edge where the band
        does not reach the grid's: the best alignment may lie outside it."""
        if self.width >= max(self.n, self.m):
            return False
        for i, j in path:
            lo, hi = self(i)
            if (lo > 0 and j - lo < 3) or (hi < self.m and hi - j < 3):
                return True
        return False
