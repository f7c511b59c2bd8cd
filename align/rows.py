"""An alignment as rows: what every output format writes and every reader gives back."""

from __future__ import annotations

from dataclasses import dataclass

from unterm import __version__
from unterm.align import dp
from unterm.align.model import Alignment, Lang

COLUMNS = ("zh", "en", "kind", "key", "score")
LOW_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned pair as text: the columns every tabular format has."""

    zh: str
    en: str
    kind: str
    key: str
    score: float
    sentence: int = 0  # at sentence level, the sentence pair's number within its paragraph pair


def rows(alignment: Alignment) -> list[Row]:
    """The pairs of an alignment as rows, in document order."""
    return [
        Row(
            alignment.text(p, Lang.ZH),
            alignment.text(p, Lang.EN),
            alignment.kind(p).value,
            alignment.key(p),
            p.score,
            (alignment.zh.blocks[p.zh[0]] if p.zh else alignment.en.blocks[p.en[0]]).sentence,
        )
        for p in alignment.pairs
    ]


def columns(alignment: Alignment) -> tuple[str, ...]:
    """The tabular columns: zh, en, kind, key, score, and at sentence level `sentence`."""
    return COLUMNS + (("sentence",) if alignment.level == "sentence" else ())


def signature(alignment: Alignment) -> str:
    """How an output was made: version, level and model constants, the inputs."""
    parts = [
        f"unterm {__version__}",
        f"level:{alignment.level}",
        f"length:c={dp.C},s2={dp.S2},sd0={dp.SIGMA0}",
        f"zh:{alignment.zh.path}({alignment.zh.source_format},{alignment.zh.encoding})",
        f"en:{alignment.en.path}({alignment.en.source_format},{alignment.en.encoding})",
    ]
    parts += [f"{k}:{v}" for k, v in alignment.options if k != "level"]
    return "|".join(parts)


@dataclass(frozen=True, slots=True)
class Summary:
    pairs: int
    one_to_one: int
    merged: int
    unmatched: int
    low: int
    lowest: tuple[Row, ...]
    level: str = "paragraph"

    def __str__(self) -> str:
        unit = "sentence pairs" if self.level == "sentence" else "pairs"
        text = (
            f"{self.pairs} {unit}: {self.one_to_one} 1-1, {self.merged} merged, "
            f"{self.unmatched} unmatched, {self.low} below {LOW_CONFIDENCE} confidence"
        )
        if self.lowest:
            shown = "; ".join(
                f"{r.score:.2f} {r.kind}{' ' + r.key if r.key else ''} “{(r.zh or r.en)[:18]}…”"
                for r in self.lowest
            )
            text += f"; lowest: {shown}"
        return text


def summarise(alignment: Alignment, show: int = 3) -> Summary:
    """Counts of link types and the lowest-confidence pairs that have both sides."""
    pairs = alignment.pairs
    both = [(p, r) for p, r in zip(pairs, rows(alignment), strict=True) if p.zh and p.en]
    lowest = tuple(r for _, r in sorted(both, key=lambda pr: pr[1].score)[:show])
    if alignment.level == "sentence":
        # a sentence pair is one block a side; how many sentences it joined is in its evidence
        merged = sum(1 for p, _ in both if p.evidence[:1] != ("sentences 1-1",))
    else:
        merged = sum(1 for p, _ in both if len(p.zh) > 1 or len(p.en) > 1)
    return Summary(
        pairs=len(pairs),
        one_to_one=len(both) - merged,
        merged=merged,
        unmatched=sum(1 for p in pairs if not p.zh or not p.en),
        low=sum(1 for p, r in both if r.score < LOW_CONFIDENCE),
        lowest=lowest,
        level=alignment.level,
    )
