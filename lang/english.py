"""English words as unterm compares them: stopwords, a crude stem, the folded form a
term is counted and looked up in, and when two stems match."""

from __future__ import annotations

import regex

EN_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "for",
        "and",
        "on",
        "in",
        "to",
        "by",
        "with",
        "at",
        "as",
        "from",
        "or",
        "that",
        "which",
        "its",
        "their",
        "it",
        "this",
        "these",
        "those",
        "is",
        "are",
        "be",
        "been",
        "was",
        "were",
        "will",
        "shall",
        "should",
        "can",
        "may",
        "all",
        "any",
        "each",
        "other",
        "such",
        "more",
        "most",
        "also",
        "not",
        "no",
        "nor",
        "into",
        "upon",
        "through",
        "between",
        "among",
        "within",
        "without",
        "under",
        "over",
        "towards",
        "toward",
        "per",
        "via",
        "including",
    ]
)
WORD = regex.compile(r"[\p{Latin}]+(?:['’][\p{Latin}]+)?|\d+(?:\.\d+)?")


# plurals no suffix rule undoes
_IRREGULAR = {"women": "woman", "men": "man", "children": "child"}


def stem(word: str) -> str:
    """A crude English stem: lower case, plural and possessive off."""
    w = word.lower().strip("'’")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("women"):  # chairwomen, businesswomen
        return w[:-5] + "woman"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def content_stems(text: str) -> list[str]:
    """The stems of an English text's content words, in order."""
    return [stem(w) for w in WORD.findall(text) if w.lower() not in EN_STOP]


# Suffixes that make an adjective or a noun of another word, longest first: social/society,
# technical/technique/technology, economic/economy, environmental, move/movement, west/western.
_DERIVATIONS = ("ology", "ical", "ique", "ment", "ity", "ety", "ern", "ic", "al", "y")


def _root(word: str) -> str:
    """A word without its derivational suffix, where four letters or more remain."""
    for suffix in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def stems_match(a: str, b: str) -> bool:
    """Equal, or sharing a prefix of five letters or more that is most (80%) of the
    shorter word: urban/urbanization, execute/executive, but not developing/developed;
    or the same root once a derivational suffix is off (social/society, economic/economy)."""
    if a == b:
        return True
    root = _root(a)
    if root == _root(b) and (root != a or root != b):
        return True
    shorter = min(len(a), len(b))
    if shorter < 5 or a[:5] != b[:5]:
        return False
    n = 5
    while n < shorter and a[n] == b[n]:
        n += 1
    return n >= 0.8 * shorter


def fold(text: str) -> str:
    """The counting key of an English term: lower case, each word's plural folded."""
    return " ".join(stem(w) for w in regex.findall(r"[\p{L}\p{N}’'\-/.]+", text))


def match_keys(stem_: str) -> tuple[str, ...]:
    """Keys under which a stem is found: itself, its first five letters when longer, and
    its root (`~` and the root), so that stems that match (`stems_match`) share a key."""
    keys = (stem_, stem_[:5]) if len(stem_) >= 5 else (stem_,)
    root = _root(stem_)
    return (*keys, "~" + root) if root != stem_ else keys
