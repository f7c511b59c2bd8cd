"""The values of a termbase: terms, concept entries with their evidence, the termbase."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from unterm.lang.languages import Lang


class TermType(str, Enum):
    """What form a term takes. The first six are TBX-Basic's termType values; a title of
    an instrument (《巴黎协定》, Paris Agreement) is written to TBX as fullForm with a note."""

    FULL_FORM = "fullForm"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"
    SHORT_FORM = "shortForm"
    VARIANT = "variant"
    PHRASE = "phrase"
    TITLE = "title"


class Usage(str, Enum):
    """How a term may be used (TBX administrativeStatus)."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"


class Status(str, Enum):
    """Where an entry stands in review: mined entries are proposed until a reviewer acts."""

    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Term:
    text: str
    type: TermType = TermType.FULL_FORM
    usage: Usage | None = None


@dataclass(frozen=True, slots=True)
class Example:
    """An aligned sentence showing a term in use, and where it comes from."""

    zh: str
    en: str
    document: str = ""  # document symbol, e.g. A/RES/77/173
    key: str = ""  # paragraph key, e.g. 9

    @property
    def source(self) -> str:
        """`A/RES/77/173 | 9`, or the symbol alone for a paragraph without a key."""
        return f"{self.document} | {self.key}" if self.key else self.document


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept: its Chinese and English terms, and the evidence that pairs them.

    `frequency` counts the aligned segments where the pair was linked; `association`
    is the Dice coefficient of the two terms over aligned segments; `confidence` in
    [0, 1] combines all the evidence (see termbase.mine). `known` marks an entry that
    an existing termbase already had.
    """

    id: str
    zh: tuple[Term, ...]
    en: tuple[Term, ...]
    frequency: int = 0
    association: float = 0.0
    confidence: float = 0.0
    examples: tuple[Example, ...] = ()
    status: Status = Status.PROPOSED
    definition: str = ""
    note: str = ""
    source: str = ""
    known: bool = False

    @property
    def zh_text(self) -> str:
        return self.zh[0].text if self.zh else ""

    @property
    def en_text(self) -> str:
        return self.en[0].text if self.en else ""

    def terms(self, lang: Lang) -> tuple[Term, ...]:
        """The entry's terms in one language."""
        return self.zh if lang is Lang.ZH else self.en


@dataclass(frozen=True, slots=True)
class Termbase:
    entries: tuple[Entry, ...]
    signature: str = ""
    conflicts: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.entries)
