"""Link precision, recall and F1 of an alignment against a gold alignment.

The measure the project is judged by: both sides are lists of (zh, en) text pairs; text
is compared after normalisation (markup, footnote markers, punctuation, spaces and case
removed); each system segment is read as the run of gold units it contains (a piece of
a unit the system cut counts for that unit); every system pair links each gold zh unit
it holds with each gold en unit; precision and recall are over those links, against
the gold links (unit i with unit i).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

_MARKUP = regex.compile(r"<sup>\s*\d+\s*</sup>|<[^>]+>|\[([^\]]*)\]\([^)]*\)")


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    text = _MARKUP.sub(lambda m: m[1] or "", text)
    return "".join(ch for ch in text.lower() if ch.isalnum())


@dataclass(frozen=True, slots=True)
class Score:
    gold: int
    system: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        """Link counts summed: a corpus scored as the sum of its documents (micro-average)."""
        return Score(self.gold + other.gold, self.system + other.system, self.correct + other.correct)

    def __str__(self) -> str:
        return (
            f"gold_links={self.gold} system_links={self.system} precision={self.precision:.4f} "
            f"recall={self.recall:.4f} F1={self.f1:.4f}"
        )


def _units_in(segment: str, units: Sequence[str], min_piece: int = 6) -> set[int]:
    found: set[int] = set()
    pos = 0
    while pos < len(segment):
        rest = segment[pos:]
        starts = [u for u, t in enumerate(units) if t and rest.startswith(t)]
        if starts:
            u = max(starts, key=lambda k: len(units[k]))
            found.add(u)
            pos += len(units[u])
            continue
        piece = rest[:min_piece]
        holders = [u for u, t in enumerate(units) if t and piece in t]
        if not holders:
            pos += 1
            continue
        # the unit sharing the longest run with the rest of the segment
        runs = {u: _run(units[u], units[u].find(piece), rest) for u in holders}
        u = max(holders, key=lambda k: runs[k])
        found.add(u)
        pos += max(runs[u], 1)
    return found


def _run(unit: str, start: int, rest: str) -> int:
    n = 0
    while start + n < len(unit) and n < len(rest) and unit[start + n] == rest[n]:
        n += 1
    return n


def score(system: Iterable[tuple[str, str]], gold: Iterable[tuple[str, str]]) -> Score:
    """Score system (zh, en) pairs against gold (zh, en) pairs."""
    gold_pairs = [(norm(z), norm(e)) for z, e in gold]
    zh_units = [z for z, _ in gold_pairs]
    en_units = [e for _, e in gold_pairs]
    gold_links = {(i, i) for i, (z, e) in enumerate(gold_pairs) if z and e}
    links: set[tuple[int, int]] = set()
    for z, e in system:
        zn, en = norm(z), norm(e)
        if zn and en:
            for a in _units_in(zn, zh_units):
                for b in _units_in(en, en_units):
                    links.add((a, b))
    return Score(len(gold_links), len(links), len(gold_links & links))


def one_sided(system: Iterable[tuple[str, str]], gold: Iterable[tuple[str, str]]) -> tuple[int, int]:
    """(gold units with one side only, of them found exactly): a sentence or paragraph
    the other version lacks is found exactly when the system has a pair whose one side
    is that text (after normalisation) and whose other side is empty. The link measure
    sees such a unit only through the link its wrong merge adds."""
    pairs = [(norm(z), norm(e)) for z, e in system]
    zh_alone = {z for z, e in pairs if z and not e}
    en_alone = {e for z, e in pairs if e and not z}
    units = [(norm(z), norm(e)) for z, e in gold if bool(norm(z)) != bool(norm(e))]
    return len(units), sum(1 for z, e in units if (z in zh_alone if z else e in en_alone))


def read_pairs(path: Path | str) -> list[tuple[str, str]]:
    """(zh, en) pairs from a TSV file with a header naming columns `zh` and `en`."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [(r.get("zh") or "", r.get("en") or "") for r in rows]
