"""What changed inside a pair: the changed spans, character by character in Chinese and
word by word in English, and whether a change is typography only."""

from __future__ import annotations

from difflib import SequenceMatcher

import regex

from unterm.lang.languages import Lang
from unterm.lang.text import nfkc
from unterm.revision.model import Edit

# English: a word (letters, digits, and the hyphens and apostrophes inside it), a run of
# white space, or one other character
_EN_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*|\s+|.", regex.DOTALL)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "‐": "-"})


def tokens(text: str, lang: Lang) -> list[str]:
    """The units a diff compares: characters in Chinese (a Han character is a morpheme,
    and Chinese has no spaces to find words by), words in English."""
    return list(text) if lang is Lang.ZH else _EN_TOKEN.findall(text)


def edits(draft: str, final: str, lang: Lang) -> tuple[Edit, ...]:
    """The spans that differ between the two texts, in order. An unchanged stretch of one
    character (Chinese) or of white space (English) between two changes is taken into
    the change, so that a rewritten clause reads as one replacement and not as a
    scatter of single letters the two happen to share."""
    a, b = tokens(draft, lang), tokens(final, lang)
    ops: list[list[str]] = []  # [tag, draft text, final text]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ops.append([tag, "".join(a[i1:i2]), "".join(b[j1:j2])])
    merged: list[list[str]] = []
    for k, op in enumerate(ops):
        between = 0 < k < len(ops) - 1 and ops[k - 1][0] != "equal" and ops[k + 1][0] != "equal"
        if op[0] == "equal" and between and _slight(op[1], lang):
            op = ["replace", op[1], op[2]]
        if merged and op[0] != "equal" and merged[-1][0] != "equal":
            merged[-1][1] += op[1]
            merged[-1][2] += op[2]
        else:
            merged.append(op)
    out: list[Edit] = []
    at_draft = at_final = 0
    for kind, x, y in merged:
        if kind != "equal":
            out.append(Edit(x, y, at_draft, at_final))
        at_draft += len(x)
        at_final += len(y)
    return tuple(out)


def _slight(text: str, lang: Lang) -> bool:
    return len(text) <= 1 if lang is Lang.ZH else not text.strip()


def typographic_form(text: str, lang: Lang) -> str:
    """A text with its typography made uniform: full-width forms as half-width (NFKC),
    curly quotes as straight ones, dashes as hyphens, and no space in Chinese (where
    spacing between digits and characters is house style) or single spaces in English.
    Two texts with the same form differ in typography only."""
    text = nfkc(text).translate(_QUOTES)
    return "".join(text.split()) if lang is Lang.ZH else " ".join(text.split())
