"""UN document symbols and resolution numbers: one pattern for each, used by the reader
(mastheads, running headers), the aligner's anchors and the QA checks.

A symbol is series letters and slash-separated parts: A/77/444, A/RES/77/173,
JIU/REP/2022/1, CEB/2019/1/Add.5, A/CONF.192/PC/L.3, UNEP/EA.5/Res.1. A resolution or
decision number: 71/256, 217 A (III), 1/CP.21.
"""

from __future__ import annotations

import regex

_BODY = r"[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+"

# a symbol in running text (not inside a longer token, no full stop or hyphen at its end)
SYMBOL = regex.compile(r"(?<![\p{Latin}\d/.])" + _BODY + r"(?<![.\-])")
DECISION = regex.compile(r"(?<![\d/])\d{1,3}/(?:CP|CMP|CMA|COP|MOP)\.\d{1,3}")
RESOLUTION_ROMAN = regex.compile(r"(?<!\d)(\d{1,4})\s*([A-Z])\s*\(\s*([IVXLC]+)\s*\)")
RESOLUTION = regex.compile(r"(?<![\d/.])(\d{1,3})/(\d{1,4})(?![\d/])")

_LINE = regex.compile(
    r"\s*(?P<masthead>United Nations\s+|联合国\s*)?(?P<s>" + _BODY + r"(?:\s?\([IVXLC]+\))?)\s*"
)


def symbol_line(text: str) -> tuple[str, bool]:
    """Where a line holds nothing but a document symbol of two or more parts (as a
    running header or a masthead prints it: `A/RES/77/173`, `United Nations A/77/444`):
    the symbol, and whether the line is a masthead (`United Nations` before it);
    ("", False) for any other line."""
    m = _LINE.fullmatch(text)
    if m is None or m["s"].count("/") < 2:
        return "", False
    return m["s"], bool(m["masthead"])


_MASTHEAD_SYMBOL = regex.compile(
    r"(?P<s>"
    + _BODY
    + r"(?:\s?\((?:[IVXLC]+|\d{4})\))?(?:\s?-\s?"
    + _BODY
    + r"(?:\s?\((?:[IVXLC]+|\d{4})\))?)*)"
)


def masthead_symbol(text: str) -> str:
    """The symbol a masthead or running header prints alone: `S/2025/257`, `S/PV.4507`,
    `S/RES/2803 (2025)`, joint symbols `A/80/434-S/2025/632`; `` for anything else."""
    m = _MASTHEAD_SYMBOL.fullmatch(text.strip().rstrip("*"))  # `S/2012/197***`: reissued
    if m is None or m["s"].endswith((".", "-")):
        return ""  # `A/70/219.` with its full stop is a footnote's text
    return regex.sub(r"\s*-\s*", "-", m["s"])
