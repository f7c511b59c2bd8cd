"""Numerals: Chinese (十一, 七十七, 一九四八), Roman (IV, XII), English number words
(three, seventy-seventh), both ways where a reader needs it (Word writes its list
numbers as `(iv)` or `十一、`, and the text never holds the digits).
"""

from __future__ import annotations

from functools import cache

import regex

# Chinese digits as they count (两 is two) and the numeral characters they combine with.
ZH_DIGIT = "〇零一二两三四五六七八九"
ZH_NUMERAL = f"[{ZH_DIGIT}十百千万]+"
_ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_ZH_WRITTEN = "〇一二三四五六七八九"


def zh_numeral(text: str) -> int:
    """The value of a Chinese numeral: 十一 = 11, 七十七 = 77, 一九四八 = 1948."""
    if all(c in _ZH_DIGITS for c in text) and len(text) > 1:  # digit by digit: 一九四八
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    from cn2an import cn2an  # deferred: importing cn2an costs ~0.1 s

    return int(cn2an(text.replace("两", "二"), "smart"))


def to_zh(n: int) -> str:
    """A number under a hundred as a Chinese numeral (十一, 二十三); larger ones in digits."""
    if n < 10:
        return _ZH_WRITTEN[n]
    if n < 20:
        return "十" + (_ZH_WRITTEN[n % 10] if n % 10 else "")
    if n < 100:
        return _ZH_WRITTEN[n // 10] + "十" + (_ZH_WRITTEN[n % 10] if n % 10 else "")
    return str(n)


def zh_date_numerals(text: str) -> str:
    """Rewrite Chinese-numeral dates in Arabic digits: 一九四八年十二月十日 = 1948年12月10日."""

    def year(m: regex.Match[str]) -> str:
        return f"{zh_numeral(m[1])}年"

    def month_day(m: regex.Match[str]) -> str:
        return f"{zh_numeral(m[1])}{m[2]}"

    text = regex.sub(r"([〇零一二三四五六七八九]{4})\s*年", year, text)
    text = regex.sub(r"(?<=年\s*\d*\s*)([一二三四五六七八九十]{1,3})(月)", month_day, text)
    return regex.sub(r"(?<=月\s*)([一二三四五六七八九十]{1,3})(日)", month_day, text)


ROMAN = r"[IVXLC]+"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_LETTERS = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(text: str) -> int:
    """The value of a Roman numeral: IV = 4, XII = 12."""
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def to_roman(n: int) -> str:
    """A number as a lower-case Roman numeral: 4 = iv, 12 = xii."""
    out = ""
    for value, letters in _ROMAN_LETTERS:
        while n >= value:
            out += letters
            n -= value
    return out


def to_letters(n: int) -> str:
    """A list counter as Word's lowerLetter writes it: a..z, then aa, bb, ..."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


@cache
def en_number_words() -> dict[str, int]:
    """English cardinals from two and ordinals from first, up to a hundred."""
    from num2words import num2words  # deferred: only needed once texts are read

    words: dict[str, int] = {}
    for n in range(1, 101):
        if n >= 2:
            words[num2words(n)] = n
        words[num2words(n, to="ordinal")] = n
    return words
