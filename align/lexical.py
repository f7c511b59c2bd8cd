"""Lexical evidence for the aligner: a termbase's term pairs as anchors.

A paragraph holding an entry's Chinese term and one holding its English term share the
anchor `term c0012`, weighed like a number (see anchors.weight): a term recurs more than
a symbol does. Terms are found with one alternation per language, longest first.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from unterm.align.anchors import Anchor, AnchorKind
from unterm.align.model import Lang
from unterm.termbase.english import fold
from unterm.termbase.model import Termbase


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
        for entry in termbase.entries:
            for t in entry.zh:
                if len(t.text.strip("《》")) >= 2:
                    zh.setdefault(t.text.strip("《》"), entry.id)
            for t in entry.en:
                if len(t.text) >= 3:
                    en.setdefault(fold(t.text), entry.id)
        zh_alt = "|".join(regex.escape(t) for t in sorted(zh, key=len, reverse=True))
        en_words = {t: r"\s+".join(regex.escape(w) for w in t.split()) for t in en}
        en_alt = "|".join(en_words[t] for t in sorted(en, key=len, reverse=True))
        return TermIndex(
            zh,
            en,
            regex.compile(zh_alt) if zh_alt else None,
            regex.compile(r"(?<![\p{L}\d])(?:" + en_alt + r")s?(?![\p{L}\d])", regex.IGNORECASE)
            if en_alt
            else None,
        )

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
