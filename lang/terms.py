"""Finding known terms in running text: one pattern per language for a whole set of
terms, longest first, so that 人居署 inside 人居署执行局 is the longer term, not a second
one. Chinese terms are found in `text.zh_key` form (NFKC, `2030 年` = `2030年`, without
title marks); English terms case-insensitively, between word boundaries, with any
spacing between their words and the last word singular or plural (a term inflects on
its head: `Member State`, `Member States`, while `Executives Board` is not `Executive
Board`), and looked up by `english.fold`.

The aligner (a termbase's pairs as evidence), the QA terminology checks and term mining
all find terms this way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from unterm.lang.english import fold, stem
from unterm.lang.languages import Lang
from unterm.lang.text import zh_key


def _word(w: str, last: bool) -> str:
    """A pattern for one word of an English term: as written; the last word also in the
    singular or plural."""
    if not last:
        return regex.escape(w)
    alternatives = {regex.escape(w)}
    s = stem(w)
    if s.isalpha():
        alternatives.add(regex.escape(s) + "(?:e?s)?")
        if s.endswith("y"):
            alternatives.add(regex.escape(s[:-1]) + "ies")
    return "(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"


def term_patterns(
    zh: Iterable[str], en: Iterable[str]
) -> tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]:
    """One pattern per language that finds any of the terms, longest first (Chinese terms
    as given, English terms as described in the module docstring); None for a language
    with no terms."""
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
class TermFinder:
    """Where the terms of a set of entries occur in text, and whose they are."""

    zh: dict[str, tuple[str, ...]]  # zh_key form -> ids of the entries that have it
    en: dict[str, tuple[str, ...]]  # folded form -> ids
    zh_pattern: regex.Pattern[str] | None
    en_pattern: regex.Pattern[str] | None

    @staticmethod
    def of(terms: Iterable[tuple[str, Lang, str]]) -> TermFinder:
        """A finder for (entry id, language, term) triples; terms shorter than two
        characters (once normalised) are left out."""
        zh: dict[str, list[str]] = {}
        en: dict[str, list[str]] = {}
        en_forms: list[str] = []
        for ident, lang, text in terms:
            if lang is Lang.ZH:
                form = zh_key(text)
                if len(form) >= 2 and ident not in zh.setdefault(form, []):
                    zh[form].append(ident)
            else:
                form = fold(text)
                if len(form) >= 2:
                    if ident not in en.setdefault(form, []):
                        en[form].append(ident)
                    en_forms.append(text)
        zh_pattern, en_pattern = term_patterns(zh, en_forms)
        return TermFinder(
            {k: tuple(v) for k, v in zh.items()}, {k: tuple(v) for k, v in en.items()}, zh_pattern, en_pattern
        )

    def find(self, text: str, lang: Lang) -> list[tuple[str, tuple[str, ...]]]:
        """(form found, ids of its entries) for each term in the text, in order."""
        if lang is Lang.ZH:
            if self.zh_pattern is None:
                return []
            return [(m[0], self.zh[m[0]]) for m in self.zh_pattern.finditer(zh_key(text))]
        if self.en_pattern is None:
            return []
        out = []
        for m in self.en_pattern.finditer(text):
            ids = self.en.get(fold(m[0]))
            if ids:
                out.append((m[0], ids))
        return out
