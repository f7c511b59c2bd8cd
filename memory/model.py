"""The values of a memory: what is indexed (a document and its units) and what a search
gives back (hits with their marked spans, the renderings counted, the results)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from unterm.errors import InputError

_YEARS = re.compile(r"\s*(\d{4})(?:\s*[-–]\s*(\d{4}))?\s*")


def years(text: str) -> tuple[int, int]:
    """A year (`2016`) or a span of years (`2016-2022`) as (first, last); InputError for
    anything else."""
    m = _YEARS.fullmatch(text)
    if m is None:
        raise InputError(f"year {text!r}: give a year (2016) or a span of years (2016-2022)")
    first, last = int(m[1]), int(m[2] or m[1])
    return min(first, last), max(first, last)


class Level(str, Enum):
    """The unit a pair is: a paragraph pair, or a sentence pair inside one."""

    PARAGRAPH = "paragraph"
    SENTENCE = "sentence"


class Sort(str, Enum):
    """The order of the hits."""

    NEWEST = "newest"  # the document's date, newest first; undated last
    SCORE = "score"  # the aligner's confidence in the pair, highest first
    RELEVANCE = "relevance"  # the full-text index's bm25 rank (fuzzy: the match percentage)


class Mode(str, Enum):
    """What a search was: a concordance of a word or phrase, or a lookup of the closest
    earlier sentences (fuzzy)."""

    CONCORDANCE = "concordance"
    FUZZY = "fuzzy"


@dataclass(frozen=True, slots=True)
class Unit:
    """One aligned pair as the memory holds it. `paragraph` is, for a sentence pair, the
    position of the paragraph pair it is in (its `position` at paragraph level)."""

    level: Level
    position: int
    zh: str
    en: str
    key: str = ""
    kind: str = ""
    score: float = 0.0
    sentence: int = 0
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class IndexedDocument:
    """A document's pairs, ready to go into the memory: its name (the pair's name, or the
    id a corpus file gives), its symbol and date where known (ISO 8601: `2022-12-14`,
    or a year), and the files it was read from."""

    name: str
    symbol: str
    date: str
    units: tuple[Unit, ...]
    zh_path: str = ""
    en_path: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of one side of a pair."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A pair a search found: its text, where it comes from, the spans of the query on
    its side (`zh_spans` or `en_spans`) and of the equivalent on the other side, and for a
    fuzzy lookup the match percentage."""

    id: int
    document: str  # the symbol where known, else the document's name
    date: str
    key: str
    kind: str
    level: Level
    score: float
    zh: str
    en: str
    zh_spans: tuple[Span, ...] = ()
    en_spans: tuple[Span, ...] = ()
    match: int = 0  # fuzzy: the match percentage, 0-100
    source: str = ""  # the document's name in the corpus (the pair's name, a file's id)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None

    def text(self, side: str) -> str:
        return self.zh if side == "zh" else self.en

    def spans(self, side: str) -> tuple[Span, ...]:
        return self.zh_spans if side == "zh" else self.en_spans


@dataclass(frozen=True, slots=True)
class Rendering:
    """One way the query is rendered on the other side, and how often: `pairs` pairs in
    `documents` documents, dated `first` to `last` (years; 0 where none is dated).
    `text` is empty for the pairs in which no equivalent was found."""

    text: str
    pairs: int
    documents: int
    first: int = 0
    last: int = 0

    def describe(self, query: str, side: str) -> str:
        """`新城市议程 ↔ New Urban Agenda: 412 pairs in 96 documents, 2016-2022`."""
        other = self.text or "(no equivalent found)"
        pair = f"{query} ↔ {other}" if side == "zh" else f"{other} ↔ {query}"
        years = ""
        if self.first:
            years = f", {self.first}" if self.first == self.last else f", {self.first}-{self.last}"
        return f"{pair}: {self.pairs} pair{'s' * (self.pairs != 1)} in {self.documents} document{'s' * (self.documents != 1)}{years}"


@dataclass(frozen=True, slots=True)
class Filters:
    """What a search is limited to: a level, document symbol (or name) prefixes, kinds of
    paragraph, a span of years (inclusive)."""

    level: Level | None = None
    symbols: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    years: tuple[int, int] | None = None

    def describe(self) -> str:
        parts = []
        if self.level:
            parts.append(f"level {self.level.value}")
        if self.symbols:
            parts.append("symbol " + " or ".join(f"{s}…" for s in self.symbols))
        if self.kinds:
            parts.append("kind " + " or ".join(self.kinds))
        if self.years:
            a, b = self.years
            parts.append(f"year {a}" if a == b else f"years {a}-{b}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Results:
    """What a search found: the hits shown (at most the limit asked for, in the order
    asked for), how many pairs match in all and in how many documents, the renderings
    of the query (a concordance) and how the search was made.

    `side` is the language the query was looked for in (`zh`, `en`, or `both` for a
    symbol); `loose` says the words were found, but not in the query's order."""

    query: str
    mode: Mode
    side: str
    hits: tuple[Hit, ...]
    total: int
    documents: int
    renderings: tuple[Rendering, ...]
    filters: Filters
    sort: Sort
    memory: str
    signature: str
    loose: bool = False
    min_match: int = 0
    notes: tuple[str, ...] = ()  # what the reader should know: the memory being written meanwhile

    def summary(self) -> str:
        """One line: what matched, where."""
        what = "sentence" if self.mode is Mode.FUZZY else "pair"
        line = f"{self.total} {what}{'s' * (self.total != 1)} in {self.documents} document{'s' * (self.documents != 1)}"
        if self.mode is Mode.FUZZY:
            line += f" at {self.min_match}% or more"
        if self.loose:
            line += " (the words, not in this order)"
        if len(self.hits) < self.total:
            line += f", {len(self.hits)} shown"
        limits = self.filters.describe()
        return line + (f"; {limits}" if limits else "")
