"""Dynamic-programming alignment of two sequences of units (blocks or sentences): the
lowest-cost monotonic alignment under the costs of align.cost, and the posterior
probability of each link (forward-backward over the same costs).

Moves: 1-1, 1-0, 0-1, 2-1, 1-2, 3-1, 1-3, and a crossing of two 1-1 links (the closing
lines of a resolution come in opposite orders in Chinese and English).

A unit linked to nothing is scored by how sure the aligner is that it has no
counterpart: the probability, over all alignments, that it stands alone; no surer than
the text says against its belonging to the nearest linked group on either side (the
reader may have cut a paragraph, and the moves reach only 3-1), and never certain.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from unterm.align.cost import SWAP_PENALTY, Link, Scorer, Unit

MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3))
# A unit left alone is never certain to have no counterpart: the model cannot see one
# moved beyond its reach, or split or merged beyond 3-1 by either version's reader.
MAX_ALONE = 0.999

Move = tuple[int, int, bool, float]  # zh units, en units, crossed, cost


def _logaddexp(x: float, y: float) -> float:
    if x == -math.inf:
        return y
    if y == -math.inf:
        return x
    hi, lo = (x, y) if x > y else (y, x)
    return hi + math.log1p(math.exp(lo - hi))


@dataclass(slots=True)
class _Lattice:
    """The DP over one cost function: best paths, forward and backward log sums."""

    n: int
    m: int
    moves: Callable[[int, int], list[Move]]
    best: list[list[float]]
    back: list[list[Move]]
    alpha: list[list[float]]
    beta: list[list[float]]
    cells: list[tuple[int, int]]
    index: dict[tuple[bool, int], list[tuple[int, int]]] = field(default_factory=dict)

    @staticmethod
    def run(n: int, m: int, moves: Callable[[int, int], list[Move]]) -> _Lattice:
        inf = math.inf
        band = _Band(n, m)
        best = [[inf] * (m + 1) for _ in range(n + 1)]
        alpha = [[-inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[Move]] = [[(0, 0, False, 0.0)] * (m + 1) for _ in range(n + 1)]
        best[0][0] = alpha[0][0] = 0.0
        cells: list[tuple[int, int]] = []
        for i in range(n + 1):
            lo, hi = band(i)
            for j in range(lo, hi + 1):
                if best[i][j] == inf:
                    continue
                cells.append((i, j))
                for a, b, swapped, cost in moves(i, j):
                    ti, tj = i + a, j + b
                    if best[i][j] + cost < best[ti][tj]:
                        best[ti][tj] = best[i][j] + cost
                        back[ti][tj] = (a, b, swapped, cost)
                    alpha[ti][tj] = _logaddexp(alpha[ti][tj], alpha[i][j] - cost)
        beta = [[-inf] * (m + 1) for _ in range(n + 1)]
        beta[n][m] = 0.0
        for i, j in reversed(cells):
            for a, b, _, cost in moves(i, j):
                beta[i][j] = _logaddexp(beta[i][j], beta[i + a][j + b] - cost)
        return _Lattice(n, m, moves, best, back, alpha, beta, cells)

    @property
    def total(self) -> float:
        return self.alpha[self.n][self.m]

    def posterior(self, i: int, j: int, a: int, b: int, cost: float) -> float:
        return math.exp(min(0.0, self.alpha[i][j] - cost + self.beta[i + a][j + b] - self.total))

    def alone(self, zh: bool, k: int) -> float:
        """The probability that unit k of one side is linked to nothing, over all paths."""
        a, b = (1, 0) if zh else (0, 1)
        p = 0.0
        for i, j in self.cells_at(zh, k):
            p += sum(self.posterior(i, j, a, b, c) for x, y, _, c in self.moves(i, j) if (x, y) == (a, b))
        return min(1.0, p)

    def cells_at(self, zh: bool, k: int) -> list[tuple[int, int]]:
        """The cells the DP visited in row k (zh) or column k (en)."""
        if not self.index:
            for cell in self.cells:
                self.index.setdefault((True, cell[0]), []).append(cell)
                self.index.setdefault((False, cell[1]), []).append(cell)
        return self.index.get((zh, k), [])


def align_units(zh: Sequence[Unit], en: Sequence[Unit], *, swaps: bool = True) -> list[Link]:
    """The lowest-cost monotonic alignment of two unit sequences (see module docstring),
    each link with its posterior-based confidence."""
    n, m = len(zh), len(en)
    scorer = Scorer(zh, en)
    lattice = _Lattice.run(n, m, _moves(scorer, n, m, swaps))
    links: list[Link] = []
    i, j = n, m
    while i or j:
        a, b, swapped, cost = lattice.back[i][j]
        i, j = i - a, j - b
        p = lattice.posterior(i, j, a, b, cost)
        if swapped:
            links.append(scorer.link(i + 1, 1, j, 1, p, ("crossed",)))
            links.append(scorer.link(i, 1, j + 1, 1, p, ("crossed",)))
        else:
            links.append(scorer.link(i, a, j, b, p))
    links.reverse()
    if any(not link.zh or not link.en for link in links):
        links = _alone_scores(links, scorer, lattice)
    return links


def _moves(scorer: Scorer, n: int, m: int, swaps: bool) -> Callable[[int, int], list[Move]]:
    def moves(i: int, j: int) -> list[Move]:
        out = [(a, b, False, scorer.cost(i, a, j, b)) for a, b in MOVES if i + a <= n and j + b <= m]
        if swaps and i + 2 <= n and j + 2 <= m:
            out.append((2, 2, True, scorer.cost(i, 1, j + 1, 1) + scorer.cost(i + 1, 1, j, 1) + SWAP_PENALTY))
        return out

    return moves


def _alone_scores(links: list[Link], scorer: Scorer, lattice: _Lattice) -> list[Link]:
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
        p = min(lattice.alone(side, k), local, MAX_ALONE)
        out.append(Link(link.zh, link.en, round(p, 3), link.evidence))
    return out


class _Band:
    """Which en positions the DP visits for a zh position: all of them for a segment of
    up to 10,000 cells, else a band around the diagonal as wide as the difference in
    length plus 30 (so a run of paragraphs missing on one side still fits)."""

    def __init__(self, n: int, m: int) -> None:
        self.n, self.m = n, m
        self.width = m if n * m <= 10_000 else abs(n - m) + 30

    def __call__(self, i: int) -> tuple[int, int]:
        if self.width >= self.m:
            return 0, self.m
        centre = round(i * self.m / self.n) if self.n else 0
        return max(0, centre - self.width), min(self.m, centre + self.width)
