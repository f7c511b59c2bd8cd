"""Pairs that look untranslated or doubtful: the same text on both sides, a long run of
Latin text in the Chinese, a pair the aligner is unsure of."""

from __future__ import annotations

import regex

from unterm.lang.languages import Lang
from unterm.lang.symbols import SYMBOL
from unterm.lang.text import squeeze
from unterm.qa.model import Finding, Located
from unterm.qa.style import HouseStyle

_WORD = regex.compile(r"[A-Za-z][A-Za-z'’\-]*")
# text between Chinese characters and Chinese punctuation
_NOT_CJK = regex.compile(r"[^\p{Han}\u3000-\u303f\uff01-\uff5e“”‘’《》…—]+")
_URL = regex.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")


def _words(text: str) -> list[str]:
    text = SYMBOL.sub(" ", _URL.sub(" ", text))
    return [w for w in _WORD.findall(text) if len(w) >= 2 or w in ("a", "A", "I")]


def check_suspicious(loc: Located, style: HouseStyle) -> list[Finding]:
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if not p.zh:
            continue
        zh = a.text(p, Lang.ZH)
        en = a.text(p, Lang.EN) if p.en else ""
        if en and squeeze(zh) == squeeze(en) and len(_words(zh)) >= 2:
            out.append(
                loc.finding(
                    "suspicious.identical", i, "the Chinese is the same as the English: untranslated?"
                )
            )
            continue
        longest = max(_NOT_CJK.finditer(zh), key=lambda m: len(_words(m[0])), default=None)
        if longest is not None and len(_words(longest[0])) >= style.latin_run:
            run = longest[0].strip(" ,.;:()")
            out.append(
                loc.finding(
                    "suspicious.latin",
                    i,
                    f"{len(_words(run))} Latin words in a row in the Chinese: left untranslated?",
                    zh_excerpt=run if len(run) <= 80 else run[:80],
                )
            )
    return out


def check_confidence(loc: Located, style: HouseStyle, already: set[int]) -> list[Finding]:
    """Pairs below the confidence threshold that no other check has flagged (a pair with
    a finding already gets an editor's look)."""
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if not (p.zh and p.en) or p.score >= style.low_confidence or i in already:
            continue
        evidence = "; ".join(p.evidence) if p.evidence else "no shared anchors"
        out.append(
            loc.finding(
                "suspicious.low-confidence",
                i,
                f"the aligner is unsure these translate each other (confidence {p.score:.2f}; {evidence})",
            )
        )
    return out
