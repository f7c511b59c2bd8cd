"""How long a text is, as the length model counts it.

English text is about C = 3.56 times as many characters as Chinese, measured on the
4,588 gold pairs of A/RES/77/173, the UDHR, the SDG framework and the UNPC development
set (bench/length_model.py). A character in Chinese text that is not Han (a digit, a
Latin letter, punctuation) counts 1/C: `2022` or `A/77/444` is as long in both.
"""

from __future__ import annotations

import regex

from unterm.lang.languages import Lang

C = 3.56

_HAN = regex.compile(r"\p{Han}")


def measure(text: str, lang: Lang) -> float:
    """The length the length model uses: non-space characters; in Chinese, a character
    that is not Han counts 1/C."""
    chars = sum(1 for ch in text if not ch.isspace())
    if lang is Lang.EN:
        return float(chars)
    han = len(_HAN.findall(text))
    return han + (chars - han) / C


def term_length(term: str) -> float:
    """The length of a Chinese term, title marks 《》 not counted."""
    return measure(term.replace("《", "").replace("》", ""), Lang.ZH)
