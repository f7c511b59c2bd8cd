"""The values a revision report is made of: what became of each paragraph of the draft,
how much it changed, and the totals of a document and of a corpus."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

from unterm.documents.model import Document
from unterm.lang.languages import Lang
from unterm.signature import Signature

MOST_REVISED = 10


class Change(str, Enum):
    """What the reviser did to a paragraph (a block) of the draft."""

    UNCHANGED = "unchanged"
    EDITED = "edited"  # the same paragraph, its text changed
    INSERTED = "inserted"  # in the final only
    DELETED = "deleted"  # in the draft only
    MOVED = "moved"  # found elsewhere in the final (edited or not)
    SPLIT = "split"  # one paragraph of the draft is two or three of the final
    MERGED = "merged"  # two or three of the draft are one of the final


@dataclass(frozen=True, slots=True)
class Edit:
    """One changed span of a pair: what the draft had at `draft_at` and what the final has
    in its place at `final_at` (character offsets in the pair's texts; one side is empty
    for a pure insertion or deletion)."""

    draft: str
    final: str
    draft_at: int
    final_at: int

    @property
    def op(self) -> str:
        """`insert`, `delete` or `replace`."""
        if not self.draft:
            return "insert"
        return "delete" if not self.final else "replace"


@dataclass(frozen=True, slots=True)
class RevisedPair:
    """Blocks of the draft and the blocks of the final they became, and how much changed.

    `draft_text` and `final_text` are the blocks' clean texts joined by a line break;
    `ter` and `chrf` are sacrebleu's sentence-level TER and chrF of the draft text (the
    hypothesis) against the final text (the reference), as in post-editing: TER is the
    edits that turn the draft into the final per word (per character in Chinese) of the
    final (`ter_edits` over `ter_length`), 0 for no change; chrF is 100 for no change. `typography` marks an edited pair
    whose texts differ only in punctuation width, quotes, dashes and spacing.
    `renumbered` marks a numbered paragraph whose number changed; the numbers of numbered
    paragraphs are left out of the texts compared (they are the keys, in the places).
    `english` is the English original of the pair, where one was given.
    """

    change: Change
    draft: tuple[int, ...]
    final: tuple[int, ...]
    draft_place: str
    final_place: str
    draft_text: str
    final_text: str
    edits: tuple[Edit, ...]
    ter: float
    ter_edits: int
    ter_length: float
    chrf: float
    typography: bool = False
    renumbered: bool = False
    english: str = ""

    @property
    def changed(self) -> bool:
        return self.change is not Change.UNCHANGED

    @property
    def place(self) -> str:
        """The pair's name: the final's paragraph, and the draft's where it differs."""
        if self.final_place and self.draft_place and self.draft_place != self.final_place:
            return f"{self.final_place} (draft {self.draft_place})"
        return self.final_place or f"{self.draft_place} (draft)"


@dataclass(frozen=True, slots=True)
class Revision:
    """A draft and its final version, pair by pair in the final's order (a deleted
    paragraph where it stood in the draft), with the document's TER and chrF (sacrebleu's
    corpus scores over the pairs: all edits over the final's whole length) and how they
    were computed (`signature`)."""

    draft: Document
    final: Document
    pairs: tuple[RevisedPair, ...]
    ter: float
    chrf: float
    signature: Signature
    english: str = ""  # the English original's path, where one was given
    name: str = ""  # in a corpus: the name the two files share

    @property
    def lang(self) -> Lang:
        return self.final.lang

    @property
    def title(self) -> str:
        return self.name or self.final.symbol or self.draft.symbol or self.final.name

    def count(self, change: Change) -> int:
        return sum(1 for p in self.pairs if p.change is change)

    def counts(self) -> dict[Change, int]:
        """How many pairs of each kind, every kind listed."""
        found = Counter(p.change for p in self.pairs)
        return {c: found[c] for c in Change}

    @property
    def changed_share(self) -> float:
        """The share of pairs whose paragraphs were changed in any way (0 to 1)."""
        return sum(p.changed for p in self.pairs) / len(self.pairs) if self.pairs else 0.0

    @property
    def typography_only(self) -> int:
        return sum(1 for p in self.pairs if p.typography)

    def most_revised(self, limit: int = MOST_REVISED) -> list[RevisedPair]:
        """The paragraphs the reviser changed most, in both versions (edited, moved, split,
        merged; an inserted or deleted paragraph is all change): highest TER first, then
        most edits."""
        kept = [p for p in self.pairs if p.draft and p.final and p.changed]
        return sorted(kept, key=lambda p: (-p.ter, -p.ter_edits))[:limit]


@dataclass(frozen=True, slots=True)
class Failure:
    """A draft or final in a folder that could not be compared, and why."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """Drafts and finals compared document by document (folder mode), with the corpus's
    TER and chrF over every pair of every document."""

    revisions: tuple[Revision, ...]
    failures: tuple[Failure, ...]
    ter: float
    chrf: float
    signature: Signature

    @property
    def pairs(self) -> int:
        return sum(len(r.pairs) for r in self.revisions)

    @property
    def changed_share(self) -> float:
        changed = sum(p.changed for r in self.revisions for p in r.pairs)
        return changed / self.pairs if self.pairs else 0.0
