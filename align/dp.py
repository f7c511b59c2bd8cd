"""Dynamic-programming alignment of two sequences of units (blocks or sentences): the
lowest-cost monotonic alignment under the costs of align.cost, and the posterior
probability of each link (forward-backward over the same costs).

Moves: 1-1, 1-0, 0-1, 2-1, 1-2, 3-1, 1-3, and a crossing of two 1-1 links (the closing
lines of a resolution come in opposite orders in Chinese and English).

The programme is generic: what a link costs comes from a scorer (align.cost.Scorer for a
translation; another model, such as two versions of one text compared by similarity,
can be given in its place).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

from unterm.align.cost import Link, Scorer, Unit

MOVES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3))


def _logaddexp(x: float, y: float) -> float:
    if x == -math.inf:
        return y
    if y == -math.inf:
        return x
    hi, lo = (x, y) if x > y else (y, x)
    return hi + math.log1p(math.exp(lo - hi))


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
    two sequences (by default, that of a Chinese text and its English translation)."""
    n, m = len(zh), len(en)
    model = scorer(zh, en)
    inf = math.inf
    band = _Band(n, m)

    def moves(i: int, j: int) -> list[tuple[int, int, bool, float]]:
        out = [(a, b, False, model.cost(i, a, j, b)) for a, b in MOVES if i + a <= n and j + b <= m]
        if swaps and i + 2 <= n and j + 2 <= m:
            out.append(
                (2, 2, True, model.cost(i, 1, j + 1, 1) + model.cost(i + 1, 1, j, 1) + model.swap_penalty)
            )
        return out

    best = [[inf] * (m + 1) for _ in range(n + 1)]
    alpha = [[-inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, bool, float]]] = [[(0, 0, False, 0.0)] * (m + 1) for _ in range(n + 1)]
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
    total = alpha[n][m]

    def posterior(i: int, j: int, a: int, b: int, cost: float) -> float:
        return math.exp(min(0.0, alpha[i][j] - cost + beta[i + a][j + b] - total))

    links: list[Link] = []
    i, j = n, m
    while i or j:
        a, b, swapped, cost = back[i][j]
        i, j = i - a, j - b
        p = posterior(i, j, a, b, cost)
        if swapped:
            links.append(model.link(i + 1, 1, j, 1, p, ("crossed",)))
            links.append(model.link(i, 1, j + 1, 1, p, ("crossed",)))
        else:
            links.append(model.link(i, a, j, b, p))
    links.reverse()
    return links


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
