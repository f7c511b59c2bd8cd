"""Language-neutral anchors: what a Chinese and an English paragraph share.

Document symbols (A/77/444), resolution and decision numbers (71/256, 217 A (III),
1/CP.21), dates (`2022 年 12 月 14 日` = `14 December 2022`), months (`2019 年 6 月` =
`June 2019`), and numbers once normalised: Arabic digits, Chinese numerals in the
contexts where they are numbers (`第十一届` = `eleventh`, `三个` = `three`, `附件二` =
`annex II`), English number words and ordinals (`53rd`, `seventy-seventh`), per cent,
millions and 万/亿. Each anchor is extracted once: the digits of a date or a symbol are
not counted again as numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache

import regex

from unterm.lang import dates, symbols
from unterm.lang.languages import Lang
from unterm.lang.numerals import ROMAN, ZH_NUMERAL, en_number_words, roman, zh_date_numerals, zh_numeral
from unterm.lang.text import nfkc


class AnchorKind(str, Enum):
    SYMBOL = "symbol"
    RESOLUTION = "resolution"
    DATE = "date"
    MONTH = "month"
    NUMBER = "number"
    FOOTNOTE = "footnote"
    TERM = "term"  # an entry of a termbase (given to the aligner as evidence)


@dataclass(frozen=True, slots=True, order=True)
class Anchor:
    kind: AnchorKind
    value: str

    def __str__(self) -> str:
        return f"{self.kind.value} {self.value}"


@cache
def weight(anchor: Anchor) -> float:
    """How much agreement on this anchor says about two paragraphs being translations.

    Symbols, resolution numbers, full dates and footnote numbers are near-unique in a
    document; years and large numbers fairly so; small numbers (`three`, `第二`) recur.
    """
    if anchor.kind in (AnchorKind.SYMBOL, AnchorKind.RESOLUTION, AnchorKind.FOOTNOTE):
        return 3.0
    if anchor.kind is AnchorKind.DATE:
        return 1.5 if anchor.value.startswith("--") else 2.5
    if anchor.kind is AnchorKind.MONTH:
        return 1.0 if anchor.value.startswith("--") else 1.5
    if anchor.kind is AnchorKind.TERM:
        return 1.0
    try:
        value = abs(Decimal(anchor.value.rstrip("%")))
    except InvalidOperation:
        return 1.0
    if value <= 10:
        return 0.5
    return 1.5 if value >= 1000 else 1.0


_Rule = tuple[regex.Pattern[str], Callable[[regex.Match[str]], Iterable[Anchor | None]]]


# A number with more digits than this is text (a serial, a run of digits), not a quantity;
# Python refuses to print integers of over 4,300 digits, and nothing a UN text counts has 30.
MAX_DIGITS = 30


def _number(value: Decimal | int | str, percent: bool = False) -> Anchor | None:
    dec = Decimal(value) if not isinstance(value, Decimal) else value
    if dec.is_nan() or dec.is_infinite() or abs(dec.adjusted()) > MAX_DIGITS:
        return None
    text = format(dec.normalize(), "f") if dec != dec.to_integral_value() else str(int(dec))
    return Anchor(AnchorKind.NUMBER, text + ("%" if percent else ""))


def _arabic(text: str) -> Decimal:
    return Decimal(regex.sub(r"[,\s\u00a0\u2009]", "", text))


_SCALES = {
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "千": 10**3,
    "万": 10**4,
    "亿": 10**8,
    "万亿": 10**12,
}
# thousands separated by commas (110,000) or, as UN Chinese prints them, by spaces (110 000)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d.,])|\d+(?:\.\d+)?"

_COMMON_NUMBERS: tuple[_Rule, ...] = (
    (
        regex.compile(
            r"(?<![\d.]|\d,)(?P<n>" + _NUM + r")\s*(?P<s>thousand|million|billion|trillion|万亿|亿|万|千)"
        ),
        lambda m: [_number(_arabic(m["n"]) * _SCALES[m["s"]])],
    ),
    (
        regex.compile(r"(?<![\d.]|\d,)(?P<n>" + _NUM + r")\s*(?:%|％|per\s*cent\b|percent\b)"),
        lambda m: [_number(_arabic(m["n"]), percent=True)],
    ),
    # `53rd`, `11th`
    (
        regex.compile(r"(?<![\d.]|\d,)(?P<n>\d+)(?:st|nd|rd|th)\b"),
        lambda m: [_number(m["n"])],
    ),
)

_ARABIC = regex.compile(r"(?<![\d.]|\d,)(?:" + _NUM + r")(?![\d])")


# --- Chinese numerals as numbers -----------------------------------------------------------
# Measure words after which a Chinese numeral is a count: 三个, 五项, 两年, 三级.
_ZH_MEASURE = "个项名国年届次级种类位倍天周岁份家所件条款段章节批轮期点方"


def _zh_count(m: regex.Match[str]) -> list[Anchor | None]:
    if m["n"] in ("百", "千", "万"):  # 千年 is a millennium, 百年 a century
        return []
    try:
        value = zh_numeral(m["n"])
    except (ValueError, KeyError):
        return []
    # 一个, 一项 are closer to an article than to a number.
    return [_number(value)] if value >= 2 else []


def _zh_ordinal(m: regex.Match[str]) -> list[Anchor | None]:
    try:
        return [_number(zh_numeral(m["n"]))]
    except (ValueError, KeyError):
        return []


_ZH_NUMBERS: tuple[_Rule, ...] = (
    (
        regex.compile(r"百分之(?P<n>" + ZH_NUMERAL + ")"),
        lambda m: [_number(zh_numeral(m["n"]), percent=True)],
    ),
    (regex.compile(r"第\s*(?P<n>" + ZH_NUMERAL + ")"), _zh_ordinal),
    # 附件二 = annex II, 人居三 = Habitat III
    (regex.compile(r"(?:附件|人居)(?P<n>[一二三四五六七八九十]+)"), _zh_ordinal),
    # 原则七 = Principle 7, 规则十二 = rule 12 (not 原则一致: a numeral followed by Han)
    (
        regex.compile(r"(?:原则|原則|规则|規則)(?P<n>[一二三四五六七八九十百]+)(?![\p{Han}])"),
        _zh_ordinal,
    ),
    (regex.compile(r"(?P<n>" + ZH_NUMERAL + ")(?=[" + _ZH_MEASURE + "])"), _zh_count),
)


# --- English number words -----------------------------------------------------------------
@cache
def _en_words_pattern() -> regex.Pattern[str]:
    alternatives = sorted(en_number_words(), key=len, reverse=True)
    return regex.compile(r"(?i)\b(?P<w>" + "|".join(regex.escape(w) for w in alternatives) + r")\b")


_EN_ROMAN = regex.compile(
    r"\b(?i:annex|tier|part|chapter|section|phase|title|article|volume|protocol)\s+(?P<n>"
    + ROMAN
    + r")\b|\bHabitat\s+(?P<n>"
    + ROMAN
    + r")\b"
)


def _en_word(m: regex.Match[str]) -> list[Anchor | None]:
    return [_number(en_number_words()[m["w"].lower()])]


def _date_anchors(read: dates.Reader) -> Callable[[regex.Match[str]], list[Anchor | None]]:
    """A date rule's reading as anchors (dates and months)."""

    def make(m: regex.Match[str]) -> list[Anchor | None]:
        return [Anchor(AnchorKind(x[0]), x[1]) if x else None for x in read(m)]

    return make


def extract_anchors(text: str, lang: Lang) -> tuple[Anchor, ...]:
    """The anchors of a clean text, in the order they occur."""
    return tuple(a for a, _ in find_anchors(text, lang))


def find_anchors(text: str, lang: Lang) -> tuple[tuple[Anchor, str], ...]:
    """The anchors of a clean text in the order they occur, each with the text it was read
    from (after NFKC normalisation, and with Chinese-numeral dates in digits)."""
    text = nfkc(text)
    if lang is Lang.ZH:
        text = zh_date_numerals(text)
    found: list[tuple[int, Anchor, str]] = []
    chars = list(text)

    def take(
        pattern: regex.Pattern[str], make: Callable[[regex.Match[str]], Iterable[Anchor | None]]
    ) -> None:
        for m in pattern.finditer("".join(chars)):
            anchors = [a for a in make(m) if a is not None]
            if not anchors:
                continue
            found.extend((m.start(), a, m[0]) for a in anchors)
            chars[m.start() : m.end()] = " " * (m.end() - m.start())

    take(symbols.SYMBOL, lambda m: [Anchor(AnchorKind.SYMBOL, m[0])])
    take(symbols.DECISION, lambda m: [Anchor(AnchorKind.RESOLUTION, m[0])])
    take(symbols.RESOLUTION_ROMAN, lambda m: [Anchor(AnchorKind.RESOLUTION, f"{m[1]} {m[2]} ({m[3]})")])
    take(symbols.RESOLUTION, lambda m: [Anchor(AnchorKind.RESOLUTION, f"{int(m[1])}/{int(m[2])}")])
    # (Chinese text quotes English dates too: `29 January 2015` in a Chinese letter)
    for pattern, read in dates.ZH_DATES + dates.EN_DATES if lang is Lang.ZH else dates.EN_DATES:
        take(pattern, _date_anchors(read))
    for pattern, make in _COMMON_NUMBERS:
        take(pattern, make)
    if lang is Lang.ZH:
        for pattern, make in _ZH_NUMBERS:
            take(pattern, make)
    else:
        take(_EN_ROMAN, lambda m: [_number(roman(m["n"]))])
        take(_en_words_pattern(), _en_word)
    take(_ARABIC, lambda m: [_number(_arabic(m[0]))])
    return tuple((a, surface) for _, a, surface in sorted(found, key=lambda p: p[0]))
