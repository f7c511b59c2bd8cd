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

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache

import regex

from unterm.align.model import Lang


class AnchorKind(str, Enum):
    SYMBOL = "symbol"
    RESOLUTION = "resolution"
    DATE = "date"
    MONTH = "month"
    NUMBER = "number"
    FOOTNOTE = "footnote"
    TERM = "term"  # an entry of a termbase (align.lexical)


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


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Case-sensitive on purpose: UN English capitalises months, and "may" is a verb.
_MONTH = (
    r"(?P<{}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
)
_RANGE_EN = r"\s*(?:to|-|–|—|and)\s*"
_RANGE_ZH = r"\s*(?:至|到|-|–|—|~|～|和|及)\s*"
_ROMAN = r"[IVXLC]+"

# A UN document symbol: series letters, then slash-separated parts (A/77/444,
# A/RES/77/173, JIU/REP/2022/1, CEB/2019/1/Add.5, A/CONF.192/PC/L.3, UNEP/EA.5/Res.1).
_SYMBOL = regex.compile(
    r"(?<![\p{Latin}\d/.])(?:[A-Z]{1,8}(?:\.\d+)?)(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+(?<![.\-])"
)
_DECISION = regex.compile(r"(?<![\d/])\d{1,3}/(?:CP|CMP|CMA|COP|MOP)\.\d{1,3}")
_RES_ROMAN = regex.compile(r"(?<!\d)(\d{1,4})\s*([A-Z])\s*\(\s*([IVXLC]+)\s*\)")
_RESOLUTION = regex.compile(r"(?<![\d/.])(\d{1,3})/(\d{1,4})(?![\d/])")


def _month_no(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _date(year: str, month: int | str, day: str) -> str | None:
    m, d = int(month), int(day)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{int(year):04d}-{m:02d}-{d:02d}"


def _day(month: int | str, day: str) -> str | None:
    """A day of a month with no year: `--01-14` (ISO 8601's form for it)."""
    m, d = int(month), int(day)
    return f"--{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None


def _month(year: str, month: int | str) -> str | None:
    m = int(month)
    return f"{int(year):04d}-{m:02d}" if 1 <= m <= 12 else None


_Rule = tuple[regex.Pattern[str], Callable[[regex.Match[str]], Iterable[Anchor | None]]]


def _dates(*values: str | None) -> list[Anchor | None]:
    return [Anchor(AnchorKind.DATE, v) if v else None for v in values]


_EN_DATES: tuple[_Rule, ...] = (
    (
        regex.compile(
            r"(?<!\d)(?P<d1>\d{1,2})\s+"
            + _MONTH.format("m1")
            + _RANGE_EN
            + r"(?P<d2>\d{1,2})\s+"
            + _MONTH.format("m2")
            + r",?\s+(?P<y>\d{4})"
        ),
        lambda m: _dates(
            _date(m["y"], _month_no(m["m1"]), m["d1"]), _date(m["y"], _month_no(m["m2"]), m["d2"])
        ),
    ),
    (
        regex.compile(
            r"(?<!\d)(?P<d1>\d{1,2})"
            + _RANGE_EN
            + r"(?P<d2>\d{1,2})\s+"
            + _MONTH.format("m")
            + r",?\s+(?P<y>\d{4})"
        ),
        lambda m: _dates(
            _date(m["y"], _month_no(m["m"]), m["d1"]), _date(m["y"], _month_no(m["m"]), m["d2"])
        ),
    ),
    (
        regex.compile(r"(?<!\d)(?P<d>\d{1,2})\s+" + _MONTH.format("m") + r",?\s+(?P<y>\d{4})"),
        lambda m: _dates(_date(m["y"], _month_no(m["m"]), m["d"])),
    ),
    (
        regex.compile(
            _MONTH.format("m") + r"\s+(?P<d1>\d{1,2})" + _RANGE_EN + r"(?P<d2>\d{1,2}),?\s+(?P<y>\d{4})"
        ),
        lambda m: _dates(
            _date(m["y"], _month_no(m["m"]), m["d1"]), _date(m["y"], _month_no(m["m"]), m["d2"])
        ),
    ),
    (
        regex.compile(_MONTH.format("m") + r"\s+(?P<d>\d{1,2}),\s+(?P<y>\d{4})"),
        lambda m: _dates(_date(m["y"], _month_no(m["m"]), m["d"])),
    ),
    (
        regex.compile(_MONTH.format("m") + r",?\s+(?P<y>\d{4})(?!\d)"),
        lambda m: [Anchor(AnchorKind.MONTH, v) if (v := _month(m["y"], _month_no(m["m"]))) else None],
    ),
    # without a year: `14 January`, `January 14`, `14 and 27 January`, `in January`
    (
        regex.compile(r"(?<!\d)(?P<d1>\d{1,2})" + _RANGE_EN + r"(?P<d2>\d{1,2})\s+" + _MONTH.format("m")),
        lambda m: _dates(_day(_month_no(m["m"]), m["d1"]), _day(_month_no(m["m"]), m["d2"])),
    ),
    (
        regex.compile(r"(?<!\d)(?P<d>\d{1,2})\s+" + _MONTH.format("m")),
        lambda m: _dates(_day(_month_no(m["m"]), m["d"])),
    ),
    (
        regex.compile(_MONTH.format("m") + r"\s+(?P<d>\d{1,2})(?![\d,.]*\d)"),
        lambda m: _dates(_day(_month_no(m["m"]), m["d"])),
    ),
    (
        regex.compile(
            r"(?:(?<=\b(?:in|of|since|until|from|to|by|during|early|late|mid-?|end|and)\s+)May|"
            r"(?P<m>January|February|March|April|June|July|August|September|October|November|December))\b"
        ),
        lambda m: [Anchor(AnchorKind.MONTH, f"--{_month_no(m['m'] or 'may'):02d}")],
    ),
)

_ZH_DATES: tuple[_Rule, ...] = (
    (
        regex.compile(
            r"(?P<y>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?"
            + _RANGE_ZH
            + r"(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日"
        ),
        lambda m: _dates(_date(m["y"], m["m1"], m["d1"]), _date(m["y"], m["m2"], m["d2"])),
    ),
    (
        regex.compile(
            r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?"
            + _RANGE_ZH
            + r"(?P<d2>\d{1,2})\s*日"
        ),
        lambda m: _dates(_date(m["y"], m["m"], m["d1"]), _date(m["y"], m["m"], m["d2"])),
    ),
    (
        regex.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
        lambda m: _dates(_date(m["y"], m["m"], m["d"])),
    ),
    (
        regex.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)"),
        lambda m: [Anchor(AnchorKind.MONTH, v) if (v := _month(m["y"], m["m"])) else None],
    ),
    # without a year: 1月14日, 1月份
    (
        regex.compile(r"(?<![年\d]\s*)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
        lambda m: _dates(_day(m["m"], m["d"])),
    ),
    (
        regex.compile(r"(?<![年\d]\s*)(?P<m>\d{1,2})\s*月(?!\s*\d)"),
        lambda m: [Anchor(AnchorKind.MONTH, f"--{int(m['m']):02d}")] if 1 <= int(m["m"]) <= 12 else [],
    ),
)


def _number(value: Decimal | int | str, percent: bool = False) -> Anchor:
    dec = Decimal(value) if not isinstance(value, Decimal) else value
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


# --- Chinese numerals ---------------------------------------------------------------------
_ZH_DIGIT = "〇零一二两三四五六七八九"
_ZH_NUMERAL = f"[{_ZH_DIGIT}十百千万]+"
_ZH_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
# Measure words after which a Chinese numeral is a count: 三个, 五项, 两年, 三级.
_ZH_MEASURE = "个项名国年届次级种类位倍天周岁份家所件条款段章节批轮期点方"


def zh_numeral(text: str) -> int:
    """The value of a Chinese numeral: 十一 = 11, 七十七 = 77, 一九四八 = 1948."""
    if all(c in _ZH_DIGITS for c in text) and len(text) > 1:  # digit by digit: 一九四八
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    from cn2an import cn2an  # deferred: importing cn2an costs ~0.1 s

    return int(cn2an(text.replace("两", "二"), "smart"))


def _zh_date_numerals(text: str) -> str:
    """Rewrite Chinese-numeral dates in Arabic digits: 一九四八年十二月十日 = 1948年12月10日."""

    def year(m: regex.Match[str]) -> str:
        return f"{zh_numeral(m[1])}年"

    def month_day(m: regex.Match[str]) -> str:
        return f"{zh_numeral(m[1])}{m[2]}"

    text = regex.sub(r"([〇零一二三四五六七八九]{4})\s*年", year, text)
    text = regex.sub(r"(?<=年\s*\d*\s*)([一二三四五六七八九十]{1,3})(月)", month_day, text)
    return regex.sub(r"(?<=月\s*)([一二三四五六七八九十]{1,3})(日)", month_day, text)


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
        regex.compile(r"百分之(?P<n>" + _ZH_NUMERAL + ")"),
        lambda m: [_number(zh_numeral(m["n"]), percent=True)],
    ),
    (regex.compile(r"第\s*(?P<n>" + _ZH_NUMERAL + ")"), _zh_ordinal),
    # 附件二 = annex II, 人居三 = Habitat III
    (regex.compile(r"(?:附件|人居)(?P<n>[一二三四五六七八九十]+)"), _zh_ordinal),
    (regex.compile(r"(?P<n>" + _ZH_NUMERAL + ")(?=[" + _ZH_MEASURE + "])"), _zh_count),
)


# --- English number words -----------------------------------------------------------------
@cache
def _en_number_words() -> dict[str, int]:
    """English cardinals from two and ordinals from first, up to a hundred."""
    from num2words import num2words  # deferred: only needed once texts are read

    words: dict[str, int] = {}
    for n in range(1, 101):
        if n >= 2:
            words[num2words(n)] = n
        words[num2words(n, to="ordinal")] = n
    return words


@cache
def _en_words_pattern() -> regex.Pattern[str]:
    alternatives = sorted(_en_number_words(), key=len, reverse=True)
    return regex.compile(r"(?i)\b(?P<w>" + "|".join(regex.escape(w) for w in alternatives) + r")\b")


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


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


_EN_ROMAN = regex.compile(
    r"\b(?i:annex|tier|part|chapter|section|phase|title|article|volume|protocol)\s+(?P<n>"
    + _ROMAN
    + r")\b|\bHabitat\s+(?P<n>"
    + _ROMAN
    + r")\b"
)


def _en_word(m: regex.Match[str]) -> list[Anchor | None]:
    return [_number(_en_number_words()[m["w"].lower()])]


def extract_anchors(text: str, lang: Lang) -> tuple[Anchor, ...]:
    """The anchors of a clean text, in the order they occur."""
    return tuple(a for a, _ in find_anchors(text, lang))


def find_anchors(text: str, lang: Lang) -> tuple[tuple[Anchor, str], ...]:
    """The anchors of a clean text in the order they occur, each with the text it was read
    from (after NFKC normalisation, and with Chinese-numeral dates in digits)."""
    text = unicodedata.normalize("NFKC", text)
    if lang is Lang.ZH:
        text = _zh_date_numerals(text)
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

    take(_SYMBOL, lambda m: [Anchor(AnchorKind.SYMBOL, m[0])])
    take(_DECISION, lambda m: [Anchor(AnchorKind.RESOLUTION, m[0])])
    take(_RES_ROMAN, lambda m: [Anchor(AnchorKind.RESOLUTION, f"{m[1]} {m[2]} ({m[3]})")])
    take(_RESOLUTION, lambda m: [Anchor(AnchorKind.RESOLUTION, f"{int(m[1])}/{int(m[2])}")])
    # (Chinese text quotes English dates too: `29 January 2015` in a Chinese letter)
    for pattern, make in _ZH_DATES + _EN_DATES if lang is Lang.ZH else _EN_DATES:
        take(pattern, make)
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
