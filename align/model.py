"""The values aligning produces: pairs of blocks, and the alignment of two documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from unterm.documents.model import BlockKind, Document
from unterm.errors import InputError
from unterm.lang.languages import Lang


class Review(str, Enum):
    """What a reviser did to a pair: nothing yet, changed it, or confirmed it as it is."""

    NONE = ""
    EDITED = "edited"  # joined, split, re-linked or its text corrected
    CONFIRMED = "confirmed"


def review_of(text: str, where: str) -> Review:
    """A reviewed mark as a file holds it (`edited`, `confirmed` or nothing, in any case);
    InputError naming `where` for anything else."""
    try:
        return Review(text.strip().lower())
    except ValueError:
        raise InputError(f"{where}: reviewed {text!r} is not one of edited, confirmed or empty") from None


def confidence_of(value: float, where: str, said: object = None) -> float:
    """A pair's confidence as a file holds it: a number from 0 to 1; InputError naming
    `where` for anything else (nan, inf, 1e999, a negative number)."""
    if not 0 <= value <= 1:
        shown = value if said is None else said
        raise InputError(f"{where}: score {shown!r} is not a confidence from 0 to 1")
    return float(value)


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Blocks of the Chinese and of the English document that translate each other.

    One side may be empty where the other has no counterpart. `score` is the aligner's
    confidence in [0, 1]; `evidence` names what decided the pair (`key 9`, `footnote 7`,
    `symbol A/77/444`, `length 0.91`, ...). `reviewed` says whether a reviser has
    edited or confirmed it (an alignment read back from a reviewed file).
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    evidence: tuple[str, ...] = ()
    reviewed: Review = Review.NONE

    @property
    def link(self) -> str:
        """The link type as `n-m` (Chinese blocks, English blocks)."""
        return f"{len(self.zh)}-{len(self.en)}"


@dataclass(frozen=True, slots=True)
class Row:
    """One aligned pair as text: what every tabular format writes and reads back."""

    zh: str
    en: str
    kind: str
    key: str
    score: float
    sentence: int = 0  # at sentence level, the sentence pair's number within its paragraph pair
    reviewed: Review = Review.NONE
    id: str = ""  # read from a bilingual file: the segment's own id there (a TMX tuid, an XLIFF unit id)


@dataclass(frozen=True, slots=True)
class Provenance:
    """What a file of pairs says about how it was made, where it says it: the run's
    signature, the document symbol, the level (paragraph or sentence)."""

    signature: str = ""
    document: str = ""
    level: str = ""


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two documents and the pairs that align them, in document order."""

    zh: Document
    en: Document
    pairs: tuple[AlignedPair, ...]
    options: tuple[tuple[str, str], ...] = field(default=())

    def text(self, pair: AlignedPair, lang: Lang) -> str:
        """The clean text of one side of a pair, its blocks joined."""
        doc = self.zh if lang is Lang.ZH else self.en
        idx = pair.zh if lang is Lang.ZH else pair.en
        return lang.joiner.join(doc.blocks[i].text for i in idx)

    def kind(self, pair: AlignedPair) -> BlockKind:
        """The kind of a pair: that of its first Chinese block, else its first English one."""
        if pair.zh:
            return self.zh.blocks[pair.zh[0]].kind
        return self.en.blocks[pair.en[0]].kind

    def key(self, pair: AlignedPair) -> str:
        """The paragraph key of a pair; `zh-key|en-key` where the two sides differ."""
        zk = " ".join(k for k in (self.zh.blocks[i].key for i in pair.zh) if k)
        ek = " ".join(k for k in (self.en.blocks[i].key for i in pair.en) if k)
        if zk and ek and zk != ek:
            return f"{zk}|{ek}"
        return zk or ek

    def row(self, pair: AlignedPair) -> Row:
        """A pair as text: both sides' text, its kind, key and confidence."""
        first = self.zh.blocks[pair.zh[0]] if pair.zh else self.en.blocks[pair.en[0]]
        return Row(
            self.text(pair, Lang.ZH),
            self.text(pair, Lang.EN),
            self.kind(pair).value,
            self.key(pair),
            pair.score,
            first.sentence,
            pair.reviewed,
        )

    def rows(self) -> list[Row]:
        """Every pair as text, in document order."""
        return [self.row(p) for p in self.pairs]

    def __iter__(self) -> Iterator[Row]:
        """The pairs as text (`for pair in alignment: pair.zh, pair.en`)."""
        return (self.row(p) for p in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def lines(self, pair: AlignedPair, lang: Lang) -> list[int]:
        """The first and last line of the file one side of a pair was read from."""
        return (self.zh if lang is Lang.ZH else self.en).span(pair.zh if lang is Lang.ZH else pair.en)

    @property
    def symbol(self) -> str:
        """The document symbol, from whichever side shows it."""
        return self.en.symbol or self.zh.symbol

    @property
    def level(self) -> str:
        """`paragraph`, or `sentence` for an alignment taken down to sentences."""
        return dict(self.options).get("level", "paragraph")
