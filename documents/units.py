"""Which numbered units each block stands in: treaties, conventions, statutes and rules of
procedure number their paragraphs afresh in every article (rule, principle), annexes and
reports afresh in every part or section, so a paragraph's number says which paragraph it
is only together with the unit it stands in.

Alignment pairs two numbered paragraphs only inside the same article (`Scope.unit`);
revision compares two versions in one language, which name their units alike, and keys
each block by its whole scope (`Scope.scoped`); the reports name a numbered paragraph
with its unit where numbering restarts (`5 (article 2)`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from unterm.documents.model import Block, BlockKind
from unterm.documents.patterns import UNIT_KEYS

DIVISION_KEYS = ("chapter ", "part ", "annex")
SECTION_KEYS = ("section ",)
_NUMBERED = (BlockKind.OPERATIVE, BlockKind.SUBITEM)


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a block stands: its division (`chapter 2`, `part 3`, `annex 1`, `annex`), its
    section (`section 2`) and its article, rule or principle (`article 5`); each empty
    where the document has none around the block. A division heading starts a new
    division (no section, no article yet), a section heading a new section of it, an
    article heading a new article; a heading stands in the scope it opens."""

    division: str = ""
    section: str = ""
    unit: str = ""

    @property
    def label(self) -> str:
        """The innermost unit, as the reports name it (`article 2`); empty for none."""
        return self.unit or self.section or self.division

    def scoped(self, key: str) -> str:
        """A key made unique by its scope: `chapter 1/article 2/5`; a heading's key is
        its scope (`chapter 1/article 2`). Empty for a block with no key."""
        if not key:
            return ""
        path = [p for p in (self.division, self.section, self.unit) if p]
        if path and path[-1] == key:
            return "/".join(path)
        return "/".join([*path, key])


def scopes(blocks: Sequence[Block]) -> list[Scope]:
    """For each block (in reading order), the scope it stands in."""
    out: list[Scope] = []
    current = Scope()
    for b in blocks:
        if b.kind is BlockKind.HEADING and b.key:
            if b.key.startswith(DIVISION_KEYS):
                current = Scope(division=b.key)
            elif b.key.startswith(SECTION_KEYS):
                current = Scope(current.division, b.key)
            elif b.key.startswith(UNIT_KEYS):
                current = Scope(current.division, current.section, b.key)
        out.append(current)
    return out


def restarts(blocks: Sequence[Block]) -> bool:
    """Whether the numbering of a document's paragraphs restarts: a paragraph number
    (or sub-item key) that two of its paragraphs share."""
    counts = Counter(b.key for b in blocks if b.kind in _NUMBERED and b.key)
    return any(n > 1 for n in counts.values())
