"""A termbase as evidence for the aligner: its term pairs as anchors.

A paragraph holding an entry's Chinese term and one holding its English term share the
anchor `term c0012`, weighed like a number (see lang.anchors.weight): a term recurs more
than a symbol does. Terms are found as lang.terms finds them, longest first.
"""

from __future__ import annotations

from dataclasses import dataclass

from unterm.lang.anchors import Anchor, AnchorKind
from unterm.lang.languages import Lang
from unterm.lang.terms import TermFinder
from unterm.termbase.model import Termbase


@dataclass(frozen=True, slots=True)
class TermEvidence:
    """The aligner's extra evidence (align.evidence.Evidence) from a termbase."""

    finder: TermFinder
    entries: int

    @staticmethod
    def of(termbase: Termbase) -> TermEvidence:
        finder = TermFinder.of(
            (e.id, lang, t.text) for e in termbase.entries for lang in Lang for t in e.terms(lang)
        )
        return TermEvidence(finder, len(termbase.entries))

    @property
    def name(self) -> str:
        """What the evidence is, for an output's signature."""
        return f"termbase {self.entries} entries"

    def __call__(self, text: str, lang: Lang) -> list[Anchor]:
        """One TERM anchor per occurrence of a termbase term in the text."""
        return [Anchor(AnchorKind.TERM, ids[0]) for _, ids in self.finder.find(text, lang)]
