"""Revision reports: what a reviser changed between a draft and the final version of one
document, paragraph by paragraph (the kind of change, the changed spans, TER and chrF),
for one document or a folder of them.

    from unterm.revision import revise
    revision = revise("draft.md", "final.md")   # a Revision: pairs, totals
"""

from __future__ import annotations

from unterm.revision.model import Change, Corpus, Edit, RevisedPair, Revision
from unterm.revision.run import revise, revise_folders

__all__ = ["Change", "Corpus", "Edit", "RevisedPair", "Revision", "revise", "revise_folders"]
