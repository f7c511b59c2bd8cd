"""Lexical evidence for the aligner: a termbase's term pairs as anchors.

A paragraph holding an entry's Chinese term and one holding its English term share the
anchor `term c0012`, weighed like a number (see anchors.weight): a term recurs more than
a symbol does. Terms are found with one alternation per language, longest first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from unterm.align.anchors import Anchor, AnchorKind
from unterm.align.model import Lang
from unterm.termbase.english import fold
from unterm.termbase.lexicon import stem
from unterm.termbase.model import Termbase


def _word(w: str, last: bool) -> str:
    """A pattern for one word of an English term: as written; the last word also in the
    singular or plural (a term inflects on its head: `Member State`, `Member States`,
    while `Executives Board` is not `Executive Board`)."""
    alternatives = {regex.escape(w)}
    s = stem(w)
    if not last:
        return regex.escape(w)
    if s.isalpha():
        alternatives.add(regex.escape(s) + "(?:e?s)?")
        if s.endswith("y"):
            alternatives.add(regex.escape(s[:-1]) + "ies")
    return "(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"


def term_patterns(
    zh: Iterable[str], en: Iterable[str]
) -> tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]:
    """One pattern per language that finds any of the terms, longest first: Chinese terms
    as written; English terms case-insensitively, between word boundaries, with any
    spacing between their words and the last word singular or plural (what was found
    is looked up by its `fold`)."""
    zh_alt = "|".join(regex.escape(t) for t in sorted(set(zh), key=len, reverse=True))
    en_terms = sorted(set(en), key=len, reverse=True)
    en_alt = "|".join(
        r"\s+".join(_word(w, k == len(t.split()) - 1) for k, w in enumerate(t.split())) for t in en_terms
    )
    return (
        regex.compile(zh_alt) if zh_alt else None,
        regex.compile(r"(?<![\p{L}\d])(?:" + en_alt + r")(?![\p{L}\d])", regex.IGNORECASE)
        if en_alt
        else None,
    )


@dataclass(frozen=True, slots=True)
class TermIndex:
    zh: dict[str, str]  # Chinese term -> entry id
    en: dict[str, str]  # folded English term -> entry id
    zh_pattern: regex.Pattern[str] | None
    en_pattern: regex.Pattern[str] | None

    @staticmethod
    def of(termbase: Termbase) -> TermIndex:
        zh: dict[str, str] = {}
        en: dict[str, str] = {}
        en_forms: list[str] = []
        for entry in termbase.entries:
            for t in entry.zh:
                if len(t.text.strip("《》")) >= 2:
                    zh.setdefault(t.text.strip("《》"), entry.id)
            for t in entry.en:
                if len(t.text) >= 3:
                    en.setdefault(fold(t.text), entry.id)
                    en_forms.append(t.text)
        zh_pattern, en_pattern = term_patterns(zh, en_forms)
        return TermIndex(zh, en, zh_pattern, en_pattern)

    def anchors(self, text: str, lang: Lang) -> list[Anchor]:
        """One TERM anchor per occurrence of a termbase term in the text."""
        if lang is Lang.ZH:
            if self.zh_pattern is None:
                return []
            return [Anchor(AnchorKind.TERM, self.zh[m[0]]) for m in self.zh_pattern.finditer(text)]
        if self.en_pattern is None:
            return []
        out = []
        for m in self.en_pattern.finditer(text):
            ident = self.en.get(fold(m[0]))
            if ident:
                out.append(Anchor(AnchorKind.TERM, ident))
        return out
