"""Sentences inside a paragraph.

English ends a sentence at `.`, `!` or `?` (a closing quote or bracket may follow) before
a space and a capital, a digit or an opening quote, but not after the abbreviations UN
texts use (`para.`, `No.`, `vol.`, `Add.`, `Corr.`, `Rev.`, `e.g.`, `i.e.`, `Mr.`, `Ms.`,
`St.`, ...) or an initial, and never inside a number or a symbol (`1.25`, `A/77/444`,
`CEB/2019/1/Add.5`) or after a paragraph's own number (`13. The first`); a table note
(`a Represents the highest authorized strength.`) is a sentence of its own. Chinese ends
a sentence at 。！？ (closing quotes and brackets kept with it); where the English
paragraph has more sentences than that, the Chinese is cut at ；too (see
align.sentences for how such a piece goes back to its sentence).

The paragraph number or item letter a sentence opens with (`44.`, `(a)`) is its key:
inside a paragraph pair it marks where one of the original paragraphs starts.
"""

from __future__ import annotations

import regex

from unterm.lang.text import nfkc

ABBREVIATIONS = frozenset(
    [
        "para",
        "paras",
        "no",
        "nos",
        "vol",
        "vols",
        "add",
        "corr",
        "rev",
        "amend",
        "suppl",
        "e.g",
        "i.e",
        "mr",
        "mrs",
        "ms",
        "messrs",
        "st",
        "dr",
        "prof",
        "art",
        "arts",
        "p",
        "pp",
        "cf",
        "viz",
        "ibid",
        "op",
        "cit",
        "approx",
        "fig",
        "figs",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "sec",
        "chap",
        "ch",
        "ed",
        "eds",
        "gen",
        "gov",
        "sect",
        "rep",
        "doc",
        "res",
        "dec",
        "resp",
        "est",
        "tel",
        "ext",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "u.s",
        "u.k",
        "u.n",
    ]
)
# a sentence end: the mark, closing quotes or brackets, then space and what opens a sentence
# (a sentence may open with a lower-case item letter: `b. The activity`, `(c) States`, or
# with a table note's letter: `a Represents the highest authorized strength`)
_EN_END = regex.compile(
    r"(?<=[.!?][\"”’)\]]*)\s+(?=[\"“‘(\[]?[\p{Lu}\d]|\(?[a-z]{1,3}[.)]\s+[\"“‘(\[]?[\p{Lu}\d]|[a-z]\s+\p{Lu})"
)
# a paragraph or item number standing before the text: 13.  (a)  IV.  A.  and a
# resolution's own number before its title: 77/173.
_ENUMERATOR = regex.compile(r"[(\[]?(?:\d+(?:/\d+)?(?:\.\d+)*|[IVXLC]+|[ivx]+|\p{L})[.)\]]")
# after the mark and any closing quotes or brackets (not between the mark and them)
_ZH_END = regex.compile(r"(?<=[。！？!?][”’」』）》)]*)(?![”’」』）》)])")
_ZH_CLAUSE = regex.compile(r"(?<=[。！？!?][”’」』）》)]*)(?![”’」』）》)])|(?<=；)")


# a paragraph number or a sub-item letter opening a sentence (after NFKC: `44.`, `44．`,
# `(a)`, `（a）`), but not a number's own decimal point (`1.25 per cent`)
_KEY = regex.compile(r"^\s*(?:(?P<n>\d{1,3})\s*\.(?!\d)|\(\s*(?P<l>[a-z]{1,2}|[ivxl]{1,5})\s*\))\s*(?=\S)")


# a sub-item letter inside a sentence: `including (a) …; (b) …`
_ITEM = regex.compile(r"(?<=\S)\s*\(\s*([a-z]{1,2}|[ivxl]{1,5})\s*\)")


def sentence_key(sentence: str) -> str:
    """The paragraph number (`44`) or sub-item letter (`(a)`) a sentence opens with; ''
    for none. Inside a paragraph pair it marks where one of the original paragraphs
    starts, in either language."""
    m = _KEY.match(nfkc(sentence))
    if m is None:
        return ""
    return m["n"] or f"({m['l']})"


def inline_items(sentence: str) -> frozenset[str]:
    """The sub-item letters inside a sentence, not at its start (`(a)`, `(b)` of
    `including (a) …; (b) …`): where one version runs items into one sentence that the
    other gives a sentence each."""
    return frozenset(f"({m[1]})" for m in _ITEM.finditer(nfkc(sentence)))


def split_en(text: str) -> list[str]:
    """An English paragraph's sentences (see the module docstring)."""
    out: list[str] = []
    start = 0
    for m in _EN_END.finditer(text):
        before = text[start : m.start()]
        if _ENUMERATOR.fullmatch(before.strip()):
            continue  # a paragraph's own number: `13. The first meeting`
        word = regex.search(r"(\S+)$", before)
        token = word[1].rstrip('"”’)]') if word else ""
        if token.endswith("."):
            bare = token[:-1].lstrip('("“‘[').lower()
            if bare in ABBREVIATIONS:
                continue
            if regex.fullmatch(r"\p{Lu}", token[:-1].lstrip('("“‘[')) and _initial(before):
                continue
            if regex.fullmatch(r"(?:\p{L}\.)+\p{L}", bare):  # e.g, i.e, U.S
                continue
        out.append(before.strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


# words a letter or Roman numeral labels (`annex I.`, `section B.`): after them a single
# capital and a full stop end a sentence; elsewhere they are an initial (`A. Smith`)
_LABELS = frozenset(
    [
        "annex",
        "annexes",
        "appendix",
        "article",
        "chapter",
        "part",
        "section",
        "schedule",
        "table",
        "figure",
        "box",
        "phase",
        "category",
        "option",
        "volume",
        "group",
        "item",
        "class",
        "level",
        "type",
        "list",
        "track",
        "goal",
        "stage",
        "component",
        "window",
        "tier",
        "region",
        "zone",
        "sector",
        "plan",
        "model",
        "scenario",
        "grade",
        "round",
        "unit",
    ]
)


def _initial(before: str) -> bool:
    """Whether a single capital before a full stop is a name's initial (`A. Smith`,
    `John F. Kennedy`), not a label ending the sentence (`annex I.`, `Section B.`)."""
    words = before.split()
    return len(words) < 2 or words[-2].strip("(“‘[").lower() not in _LABELS


def split_zh(text: str, clauses: bool = False) -> list[str]:
    """A Chinese paragraph's sentences; with `clauses`, cut at ；too."""
    return [s.strip() for s in (_ZH_CLAUSE if clauses else _ZH_END).split(text) if s.strip()]


def split_pair(zh: str, en: str) -> tuple[list[str], list[str]]:
    """The sentences of a paragraph pair: the Chinese cut at ；too where the English has
    more sentences than the Chinese has full stops (a ；that may stand for an English
    sentence end)."""
    z, e = split_zh(zh), split_en(en)
    if len(z) < len(e):
        z = split_zh(zh, clauses=True)
    return z, e
