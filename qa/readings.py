"""Numbers as UN texts write them where the aligner's anchors (lang.anchors) do not read
them, read for the number check only, so that the aligner's evidence stays as measured.

- dates and years in words: 一千九百四十五年六月二十六日, `the twenty-sixth day of June,
  one thousand nine hundred and forty-five`;
- English compound number words (`one thousand nine hundred and forty-five`, `two
  hundred`); fractions (三分之一, `one third`, `two-thirds`);
- ranges whose unit is written once: `0.15 to 0.20 per cent` (both ends per cent),
  `June-September 2018` and 2018年6月至9月 (both months of 2018);
- references to numbered articles and chapters (第三十五条, `Article IV`), which are
  compared however small their number.

`read` gives each reading with its place in the text; the rest of the text is read by
the anchors. `loose_values` gives every number a side writes in any form, bare Chinese
numerals included (十五会员国, which has no measure word): not enough to report a number
by, but enough to see that a number the other side has is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from unterm.lang.anchors import Anchor, AnchorKind, find_anchors
from unterm.lang.dates import MONTHS
from unterm.lang.languages import Lang
from unterm.lang.numerals import ROMAN, ZH_NUMERAL, en_number_words, roman, zh_numeral
from unterm.lang.text import nfkc


@dataclass(frozen=True, slots=True)
class Reading:
    """A number, date or month read from a text: where (start, end), as what, and whether
    it is worth reporting where the other side lacks it (see qa.numbers)."""

    anchor: Anchor
    start: int
    end: int
    surface: str
    strong: bool | None = None  # None: as qa.numbers judges anchors


_MONTH = r"(?P<{}>January|February|March|April|May|June|July|August|September|October|November|December)"
_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SMALL = r"(?:(?:" + "|".join(_TENS) + r")(?:-(?:" + "|".join(_UNITS) + r"))?|" + "|".join(_UNITS) + ")"
# `one thousand nine hundred and forty-five`, `two hundred`, `three thousand`
_EN_COMPOUND = regex.compile(
    rf"(?i)\b{_SMALL}(?:,?\s+(?:and\s+)?(?:hundred|thousand|{_SMALL})\b)*\s+(?:hundred|thousand)\b"
    rf"(?:,?\s+(?:and\s+)?(?:hundred|thousand|{_SMALL})\b)*"
)
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}  # fmt: skip
_EN_FRACTION = regex.compile(
    r"(?i)\b(?P<n>one|two|three|four|five|nine)[\s\-]+(?P<d>" + "|".join(_DENOMINATORS) + r")\b"
)
_ORDINAL = r"(?P<d>\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)"
_WORDS = rf"(?:{_SMALL}|hundred|thousand)(?:,?\s+(?:and\s+)?(?:{_SMALL}|hundred|thousand)\b)*"
_EN_DAY_OF = regex.compile(
    rf"(?i:the\s+)?{_ORDINAL}\s+day\s+of\s+{_MONTH.format('m')}"
    rf"(?:,?\s+(?:in\s+the\s+year\s+)?(?P<y>\d{{4}}|(?i:{_WORDS})))?"
)
_EN_MONTHS = regex.compile(
    _MONTH.format("m1") + r"\s*(?:-|–|—|to|and)\s*" + _MONTH.format("m2") + r",?\s+(?P<y>\d{4})\b"
)
_NUM = r"\d+(?:\.\d+)?"
_EN_PERCENTS = regex.compile(
    rf"(?<![\d.])(?P<a>{_NUM})\s*(?:-|–|to|and)\s*(?P<b>{_NUM})\s*(?:%|per\s*cent\b|percent\b)"
)
_EN_REFERENCE = regex.compile(rf"\b(?i:articles?|chapters?)\s+(?P<n>{ROMAN}|\d+(?:\.\d+)*)(?![\d.]*\d)\b")

_ZH_NUM = rf"(?:{ZH_NUMERAL}|\d+)"
_ZH_DATE = regex.compile(
    rf"(?P<y>[一二][千][〇零一二三四五六七八九十百]+|[〇零一二三四五六七八九]{{4}})\s*年"
    rf"(?:\s*(?P<m>{_ZH_NUM})\s*月(?:\s*(?P<d>{_ZH_NUM})\s*日)?)?"
)
_ZH_MONTHS = regex.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*(?:月\s*)?(?:至|到|-|–|~|～|和|及)\s*(?P<m2>\d{1,2})\s*月(?!\s*\d)"
)
_ZH_FRACTION = regex.compile(rf"(?P<d>{ZH_NUMERAL})分之(?P<n>{ZH_NUMERAL})")
_ZH_PERCENTS = regex.compile(rf"(?<![\d.])(?P<a>{_NUM})\s*(?:至|到|-|–|~|～)\s*(?P<b>{_NUM})\s*[%％]")
_ZH_REFERENCE = regex.compile(rf"第\s*(?P<n>{ZH_NUMERAL}|\d+)\s*(?=条|章)")
_ZH_RUN = regex.compile(rf"{ZH_NUMERAL}")
# Chinese words with numeral characters that are not numbers
_ZH_NOT_NUMBER = regex.compile(r"十分|千万|万一|万分|百分|三三两两|千方百计|[唯统同单逐专划之]一")

# times: 上午10时15分 = `10.15 a.m.`, 13时10分 = `1310 hours`, 零时 = `0000`
_ZH_TIME = regex.compile(
    r"(?P<p>上午|下午|晚上|晚|凌晨|早上|中午)?\s*(?P<h>\d{1,2}|零)\s*时(?!期|代|候|间|段|刻|限|效|事|态)(?:\s*(?P<m>\d{1,2})\s*分)?"
)
_EN_TIME = regex.compile(
    r"(?<![\d.,])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<p>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)"
    r"|(?<![\d.,])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*(?:hours|hrs|h\b|Z\b|GMT|UTC))"
    r"|(?<=\b(?:[Aa]t|from|[Bb]etween|until|till)\s+)(?!(?:19|20)\d\d)(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?![\d.,]*\d)"
)
# days listed after one month, without a year: 10月14日和15日, 1月7日至9日
_ZH_DAYS = regex.compile(
    r"(?<![年\d]\s*)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?P<rest>(?:\s*(?:和|及|至|到|-|–|、)\s*\d{1,2}\s*日)+)"
)
# a month named with the year it belongs to in words (每年12月, 今年10月), or in Chinese numerals (十月事件)
_ZH_MONTH = regex.compile(
    r"(?<=(?:每|今|明|去|当|同|次|上|该)年\s*)(?P<m>\d{1,2})\s*月(?!\s*\d)"
    r"|(?<!(?:\d|[〇零一二三四五六七八九十百千])\s*年\s*)(?<![\d〇零一二三四五六七八九十百千第个])"
    r"(?P<z>十[一二]|[一二三四五六七八九十])月(?!份?\s*\d)"
)
# 200多万 = `more than 2 million`; 156 734千克 is kilograms, not thousands
_ZH_ABOUT = regex.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*多\s*(?P<s>万|亿)")
_ZH_KILO = regex.compile(
    r"(?<![\d.,])(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?=千(?:克|米|瓦|焦|帕|卡))"
)
# 33 776 130.00: groups of three spaced, with decimals (the anchors read 33 776 and 130.00)
_SPACED = regex.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009]\d{3})+\.\d+(?![\d])")
_ZH_SCALE = {"万": 10**4, "亿": 10**8}
# `two decades`, `half a century`: years counted in words (loose readings only)
_EN_PERIODS = regex.compile(
    r"(?i)\b(?:(?P<n>two|three|four|five|six|seven|eight|nine|a|one)\s+decades?|(?P<half>half\s+a\s+century)|(?P<c>a\s+century))\b"
)
_EN_IN = regex.compile(
    r"(?i)\b(?P<n>one|two|three|four|five)\s+(?:in|out\s+of)\s+(?P<d>two|three|four|five|six|seven|eight|nine|ten)\b"
)
# `two million`, `a billion`
_EN_SCALE = {"million": 10**6, "billion": 10**9, "trillion": 10**12}
_EN_SCALED = regex.compile(rf"(?i)\b(?P<w>{_SMALL}|a|one)\s+(?P<s>million|billion|trillion)\b")
# `seventy five` without its hyphen
_EN_TENS_UNITS = regex.compile(
    r"(?i)\b(?P<t>"
    + "|".join(_TENS)
    + r")\s+(?P<u>one|two|three|four|five|six|seven|eight|nine)\b(?P<pc>\s*(?:per\s*cent|percent|%))?"
)


def _value(words: str) -> int | None:
    """An English cardinal in words: `one thousand nine hundred and forty-five` = 1945."""
    total = current = 0
    for w in regex.split(r"[\s,\-]+", words.lower()):
        if not w or w == "and" or w == "the":
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current or None


def _ordinal(word: str) -> int | None:
    digits = regex.match(r"(\d+)", word)
    if digits:
        return int(digits[1])
    return en_number_words().get(word.lower())


def _number(value: int | str, percent: bool = False) -> Anchor:
    return Anchor(AnchorKind.NUMBER, f"{value}{'%' if percent else ''}")


def _percent(text: str) -> str:
    from decimal import Decimal

    d = Decimal(text).normalize()
    return format(d, "f") + "%"


def _iso(year: int, month: int | None, day: int | None) -> Anchor | None:
    if month is None:
        return None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    if day is None:
        return Anchor(AnchorKind.MONTH, f"{year:04d}-{month:02d}")
    return Anchor(AnchorKind.DATE, f"{year:04d}-{month:02d}-{day:02d}")


def _zh(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    try:
        return zh_numeral(text)
    except (ValueError, KeyError):
        return None


def _en_readings(text: str) -> list[Reading]:
    out: list[Reading] = []
    for m in _EN_DAY_OF.finditer(text):
        day = _ordinal(m["d"])
        year = (int(m["y"]) if m["y"].isdigit() else _value(m["y"])) if m["y"] else None
        if day is None:
            continue
        month = MONTHS[m["m"].lower()]
        anchor = _iso(year, month, day) if year else Anchor(AnchorKind.DATE, f"--{month:02d}-{day:02d}")
        end = m.end() if year else m.end("m")
        if anchor is not None:
            out.append(Reading(anchor, m.start(), end, text[m.start() : end]))
    for m in _EN_MONTHS.finditer(text):
        for g in ("m1", "m2"):
            a = _iso(int(m["y"]), MONTHS[m[g].lower()], None)
            if a is not None:
                out.append(Reading(a, m.start(), m.end(), m[0]))
    for m in _EN_PERCENTS.finditer(text):
        out += [Reading(_number(_percent(m[g])[:-1], True), m.start(), m.end(), m[0]) for g in ("a", "b")]
    for m in _EN_FRACTION.finditer(text):
        n, d = _UNITS[m["n"].lower()], _DENOMINATORS[m["d"].lower()]
        if n < d:
            out.append(Reading(_number(f"{n}/{d}"), m.start(), m.end(), m[0], True))
    for m in _EN_COMPOUND.finditer(text):
        value = _value(m[0])
        if value:
            out.append(Reading(_number(value), m.start(), m.end(), m[0], True))
    for m in _EN_REFERENCE.finditer(text):
        ref: str | int = _decimal(m["n"]) if m["n"][0].isdigit() else roman(m["n"])
        if ref:
            out.append(Reading(_number(ref), m.start("n"), m.end(), m["n"], True))
    for m in _EN_TIME.finditer(text):
        hour = int(m["h"] or m["hh"])
        minute = int(m["m"] or m["mm"] or 0)
        if m["p"] and m["p"].lower().startswith("p") and hour < 12:
            hour += 12
        if m["p"] and m["p"].lower().startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            out.append(Reading(_time(hour, minute), m.start(), m.end(), m[0], True))
    for m in _EN_TENS_UNITS.finditer(text):
        value = _TENS[m["t"].lower()] + _UNITS[m["u"].lower()]
        out.append(Reading(_number(value, bool(m["pc"])), m.start(), m.end(), m[0], True))
    for m in _SPACED.finditer(text):
        out.append(Reading(_number(_decimal(m[0])), m.start(), m.end(), m[0]))
    for m in _EN_SCALED.finditer(text):
        count = 1 if m["w"].lower() in ("a", "one") else _value(m["w"])
        if count:
            out.append(Reading(_number(count * _EN_SCALE[m["s"].lower()]), m.start(), m.end(), m[0], True))
    for m in _EN_IN.finditer(text):
        n, d = _UNITS[m["n"].lower()], _UNITS[m["d"].lower()]
        if n < d:
            out.append(Reading(_number(f"{n}/{d}"), m.start(), m.end(), m[0], True))
    return out


def _time(hour: int, minute: int) -> Anchor:
    return Anchor(AnchorKind.NUMBER, f"{hour:02d}:{minute:02d}")


def _decimal(text: str) -> str:
    from decimal import Decimal

    d = Decimal(regex.sub(r"[,\s\u00a0\u2009]", "", text)).normalize()
    return format(d, "f")


def _zh_readings(text: str) -> list[Reading]:
    out: list[Reading] = []
    period, last = "", -1
    for m in _ZH_TIME.finditer(text):
        hour = 0 if m["h"] == "零" else int(m["h"])
        minute = int(m["m"] or 0)
        if m["p"] in ("下午", "晚上", "晚") and hour < 12:
            hour += 12
        if not m["p"] and period and regex.fullmatch(r"\s*(?:至|到|-|–|~|～)\s*", text[last : m.start()]):
            hour += 12 if period in ("下午", "晚上", "晚") and hour < 12 else 0  # 下午3时至6时
        elif m["p"]:
            period = m["p"]
        last = m.end()
        if hour < 24 and minute < 60:
            out.append(Reading(_time(hour, minute), m.start(), m.end(), m[0], True))
    for m in _ZH_DAYS.finditer(text):
        month = int(m["m"])
        for day in [m["d"], *regex.findall(r"\d{1,2}", m["rest"])]:
            if 1 <= month <= 12 and 1 <= int(day) <= 31:
                out.append(
                    Reading(
                        Anchor(AnchorKind.DATE, f"--{month:02d}-{int(day):02d}"), m.start(), m.end(), m[0]
                    )
                )
    for m in _ZH_MONTH.finditer(text):
        named = int(m["m"]) if m["m"] else _zh(m["z"])
        if named and 1 <= named <= 12:
            out.append(Reading(Anchor(AnchorKind.MONTH, f"--{named:02d}"), m.start(), m.end(), m[0]))
    for m in _ZH_ABOUT.finditer(text):
        value = _decimal(m["n"])
        from decimal import Decimal

        out.append(
            Reading(
                _number(format((Decimal(value) * _ZH_SCALE[m["s"]]).normalize(), "f")),
                m.start(),
                m.end(),
                m[0],
            )
        )
    for m in _ZH_KILO.finditer(text):
        out.append(Reading(_number(_decimal(m["n"])), m.start(), m.end(), m[0]))
    for m in _SPACED.finditer(text):
        out.append(Reading(_number(_decimal(m[0])), m.start(), m.end(), m[0]))
    for m in _ZH_DATE.finditer(text):
        year = _zh(m["y"])
        if year is None or not 1000 <= year <= 2999 or (m["m"] is None and m["y"].isdigit()):
            continue
        in_words = _iso(year, _zh(m["m"]) if m["m"] else None, _zh(m["d"]) if m["d"] else None)
        anchor = in_words or _number(year)
        out.append(Reading(anchor, m.start(), m.end(), m[0]))
    for m in _ZH_MONTHS.finditer(text):
        for g in ("m1", "m2"):
            a = _iso(int(m["y"]), int(m[g]), None)
            if a is not None:
                out.append(Reading(a, m.start(), m.end(), m[0]))
    for m in _ZH_PERCENTS.finditer(text):
        out += [Reading(_number(_percent(m[g])[:-1], True), m.start(), m.end(), m[0]) for g in ("a", "b")]
    for m in _ZH_FRACTION.finditer(text):
        if m["d"] in ("百", "千"):
            continue  # 百分之五 is per cent: the anchors read it
        d, n = _zh(m["d"]), _zh(m["n"])
        if d and n and n < d:
            out.append(Reading(_number(f"{n}/{d}"), m.start(), m.end(), m[0], True))
    for m in _ZH_REFERENCE.finditer(text):
        n = _zh(m["n"])
        if n:
            out.append(Reading(_number(n), m.start(), m.end(), m[0], True))
    return out


def read(text: str, lang: Lang) -> list[Reading]:
    """Every number, date and month of a text with its place, in order: the forms above
    first, then the anchors in what is left (their places found in the text)."""
    own = _zh_readings(text) if lang is Lang.ZH else _en_readings(text)
    kept: list[Reading] = []
    taken: list[tuple[int, int]] = []
    for r in sorted(own, key=lambda r: (r.start, -(r.end - r.start))):
        if any(s < r.end and r.start < e for s, e in taken) and (r.start, r.end) not in taken:
            continue
        kept.append(r)
        taken.append((r.start, r.end))
    chars = list(text)
    for s, e in taken:
        chars[s:e] = " " * (e - s)
    rest = "".join(chars)
    at = 0
    for anchor, surface in find_anchors(rest, lang):
        start = rest.find(surface, at)
        if start < 0:
            start = rest.find(surface)
        end = start + len(surface) if start >= 0 else -1
        kept.append(Reading(anchor, start, end, surface, _weak(rest, start, surface, lang)))
        if start >= 0:
            at = end
    return sorted(kept, key=lambda r: r.start)


def _weak(text: str, start: int, surface: str, lang: Lang) -> bool | None:
    """False for what an anchor reads that is not a quantity of the text: digits glued to
    a word (`km2`, `CO2`, `B2C`, `HFC-23`), a footnote marker glued after punctuation
    (`questions,22`, `[23]`), a Roman numeral of a lettered annex (`Annex C`), 唯一一个;
    None (judge as usual) otherwise."""
    if start < 0:
        return None
    before = text[start - 1] if start else ""
    if lang is Lang.EN:
        if surface[:1].isdigit() and (
            before.isalpha() or (before == "-" and text[start - 2 : start - 1].isalpha())
        ):
            return False
        after = text[start + len(surface) : start + len(surface) + 1]
        if surface.isdigit() and (before in ',.;:"”’)' or (before == "[" and after == "]")):
            return False
        if regex.search(r"\s[CDLM]$", surface):
            return False
    elif (surface.startswith("一") and before in "唯统同单逐专划之") or (
        before.isascii() and before.isalpha()
    ):
        return False
    return None


@cache
def _words_pattern() -> regex.Pattern[str]:
    words = sorted(en_number_words(), key=len, reverse=True)
    return regex.compile(r"(?i)\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b")


def loose_values(text: str, lang: Lang) -> set[str]:
    """Every number the text writes in any form, as anchor values: what `read` gives and,
    in Chinese, every run of numeral characters that is not part of a word (十分, 万一)."""
    values = {r.anchor.value for r in read(text, lang) if r.strong is not False}
    if lang is Lang.ZH:
        for m in _ZH_RUN.finditer(_ZH_NOT_NUMBER.sub(" ", nfkc(text))):
            n = _zh(m[0])
            if n is not None and n >= 2:
                values.add(str(n))
    else:
        values |= {str(en_number_words()[m[0].lower()]) for m in _words_pattern().finditer(text)}
        for m in _EN_PERIODS.finditer(text):
            n = 50 if m["half"] else 100 if m["c"] else 10 * (_UNITS.get(m["n"].lower()) or 1)
            values.add(str(n))
        values |= {"1/2"} if regex.search(r"(?i)\bhalf\b", text) else set()
        for m in regex.finditer(r"(?i)\ba\s+(third|quarter|fifth|tenth)\b", text):
            values.add(f"1/{_DENOMINATORS[m[1].lower()]}")
    return values
