"""The dynamic programme on its own: costs, posteriors, the band."""

from __future__ import annotations

import random

import pytest

from unterm.align.cost import Unit, length_cost
from unterm.align.dp import _Band, align_units
from unterm.lang.anchors import Anchor, AnchorKind
from unterm.lang.length import C


def units(*lengths: float) -> list[Unit]:
    return [Unit.of(n, ()) for n in lengths]


def test_the_length_cost_is_lowest_at_the_model_ratio() -> None:
    best = length_cost(100, C * 100)
    assert best == pytest.approx(0.0, abs=1e-9)
    assert length_cost(100, C * 130) > best and length_cost(100, C * 70) > best
    # the further the ratio strays, the more it costs
    assert length_cost(100, C * 160) > length_cost(100, C * 130) > length_cost(100, C * 110)


def test_clear_one_to_one_links_are_sure() -> None:
    links = align_units(units(40, 10, 80), units(40 * C, 10 * C, 80 * C))
    assert [(link.zh, link.en) for link in links] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert all(link.score > 0.9 for link in links)


def test_an_even_choice_has_half_the_probability() -> None:
    # one Chinese unit, two English ones of the same length: either could be its partner
    links = align_units(units(30), units(30 * C, 30 * C))
    linked = next(link for link in links if link.zh and link.en)
    alone = next(link for link in links if not link.zh)
    assert linked.score == pytest.approx(0.5, abs=0.01)
    assert alone.score == pytest.approx(0.5, abs=0.01) and alone.evidence[0] == "no counterpart"


def test_a_shared_anchor_breaks_the_tie() -> None:
    date = (Anchor(AnchorKind.DATE, "2022-12-14"),)
    zh = [Unit.of(30, date)]
    en = [Unit.of(30 * C, ()), Unit.of(30 * C, date)]
    links = align_units(zh, en)
    linked = next(link for link in links if link.zh and link.en)
    assert linked.en == (1,) and linked.score > 0.9
    assert "date 2022-12-14" in linked.evidence


def test_two_paragraphs_merged_into_one() -> None:
    links = align_units(units(20, 25, 40), units(45 * C, 40 * C))
    assert [(link.zh, link.en) for link in links] == [((0, 1), (0,)), ((2,), (1,))]
    assert "merged 2-1" in links[0].evidence


def test_the_band_covers_small_segments_whole_and_large_ones_around_the_diagonal() -> None:
    small = _Band(50, 60)
    assert small(0) == (0, 60) and small(50) == (0, 60)
    big = _Band(400, 380)
    lo, hi = big(200)
    assert (lo, hi) == (190 - 30, 190 + 30)  # 30 either side of the diagonal's position
    assert big(0)[0] == 0 and big(400)[1] == 380
    assert big.wider()(200) == (190 - 60, 190 + 60)
    assert not big.narrower_than_needed([(i, round(i * 380 / 400)) for i in range(401)])
    assert big.narrower_than_needed([(200, 160)])  # on the band's edge


def test_a_long_sequence_aligns_within_the_band() -> None:
    lengths = [10 + (k * 7) % 50 for k in range(300)]
    links = align_units(units(*lengths), units(*[n * C for n in lengths]))
    assert [(link.zh, link.en) for link in links] == [((k,), (k,)) for k in range(300)]


def test_the_band_widens_until_the_best_path_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    """80 paragraphs at the start of the Chinese have no English: the best path leaves the
    first band (30 cells either side of the diagonal), which is widened until the path
    fits; the alignment is then the one the whole grid gives."""
    rng = random.Random(7)
    lengths = [rng.randint(10, 300) for _ in range(300)]
    symbol = [(Anchor(AnchorKind.SYMBOL, f"A/77/{k}"),) for k in range(300)]
    zh = [Unit.of(n, symbol[k]) for k, n in enumerate(lengths)]
    en = [Unit.of(n * C, symbol[k]) for k, n in enumerate(lengths) if k >= 80]
    widths: list[int] = []
    wider = _Band.wider

    def recorded(band: _Band) -> _Band:
        widths.append(band.width)
        return wider(band)

    monkeypatch.setattr(_Band, "wider", recorded)
    banded = [(link.zh, link.en, link.score) for link in align_units(zh, en)]
    assert widths == [30, 60]
    whole = _Band.__init__

    def the_whole_grid(band: _Band, n: int, m: int, width: int | None = None) -> None:
        whole(band, n, m, max(n, m))

    monkeypatch.setattr(_Band, "__init__", the_whole_grid)
    assert banded == [(link.zh, link.en, link.score) for link in align_units(zh, en)]
