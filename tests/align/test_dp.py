"""The dynamic programme on its own: costs, posteriors, the band."""

from __future__ import annotations

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
    assert hi - lo == 2 * (20 + 30)  # the length difference plus 30 either side
    assert lo <= 190 <= hi  # the diagonal's position for row 200
    assert big(0)[0] == 0 and big(400)[1] == 380


def test_a_long_sequence_aligns_within_the_band() -> None:
    lengths = [10 + (k * 7) % 50 for k in range(300)]
    links = align_units(units(*lengths), units(*[n * C for n in lengths]))
    assert [(link.zh, link.en) for link in links] == [((k,), (k,)) for k in range(300)]
