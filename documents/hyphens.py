"""Words hyphenated at a line end, joined again or kept as compounds.

The lines of a paragraph are joined with HYPHEN_BREAK (documents.lines) where a line
ends in a hyphen after a word and the next starts in lower case; here each such break
is resolved with the document's own words first and an English vocabulary second.
"""

from __future__ import annotations

import regex

from unterm.documents.lines import HYPHEN_BREAK
from unterm.lang.dictionary import english_words

_BROKEN = regex.compile(r"(\p{L}+)-" + HYPHEN_BREAK + r"(\p{L}+)")
_INFLECTIONS = (
    ("s", ""),
    ("es", ""),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("est", ""),
    ("er", ""),
)


def words(raws: list[str]) -> set[str]:
    """The words of a document, lower case, hyphenated compounds whole (`multi-stakeholder`)
    and not counting the pieces of words broken at a line end."""
    text = " ".join(_BROKEN.sub(" ", r) for r in raws).lower()
    return set(regex.findall(r"\p{L}+(?:-\p{L}+)*", text)) | set(regex.findall(r"\p{L}+", text))


def _known(word: str) -> bool:
    """Whether a word, or the word less a common inflection, is in the English vocabulary
    (the words of CC-CEDICT's definitions, read only when a document needs them)."""
    vocabulary = english_words()
    if word in vocabulary:
        return True
    return any(
        word.endswith(ending) and word[: -len(ending)] + base in vocabulary for ending, base in _INFLECTIONS
    )


def dehyphenate(text: str, words: set[str]) -> str:
    """Words broken at a line end joined again: `Secre-` / `tary` is `Secretary`, while
    `multi-` / `stakeholder` stays `multi-stakeholder`. The document's own words decide
    first (it writes `Secretary` or `multi-stakeholder` elsewhere); then the English
    vocabulary: a joined form it knows is one word, two halves it knows are a compound,
    and anything else (`juri-` / `dical`) is a word broken by hyphenation."""

    def join(m: regex.Match[str]) -> str:
        a, b = m[1], m[2]
        whole, compound = (a + b).lower(), f"{a}-{b}".lower()
        if compound in words and whole not in words:
            return f"{a}-{b}"
        if whole in words or _known(whole):
            return a + b
        if len(b) >= 2 and all(w in words or _known(w) for w in (a.lower(), b.lower())):
            return f"{a}-{b}"
        return a + b

    return _BROKEN.sub(join, text)
