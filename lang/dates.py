"""Dates in UN text, English and Chinese, read to ISO 8601 values.

`14 December 2022` and `2022 年 12 月 14 日` are `2022-12-14`; a range (`14-16 June 2019`,
`2019 年 6 月 14 日至 16 日`) gives both ends; a day without a year (`14 January`,
`1月14日`) is `--01-14`, a month `2019-06` or, without a year, `--06`. Chinese-numeral
dates (一九四八年十二月十日) are read after `numerals.zh_date_numerals` has put them in digits.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

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


# a rule: a pattern, and what a match of it says: ("date" or "month", ISO 8601 value) items
Reader = Callable[[regex.Match[str]], list[tuple[str, str] | None]]
Rule = tuple[regex.Pattern[str], Reader]


def _dates(*values: str | None) -> list[tuple[str, str] | None]:
    return [("date", v) if v else None for v in values]


EN_DATES: tuple[Rule, ...] = (
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
        lambda m: [("month", v) if (v := _month(m["y"], _month_no(m["m"]))) else None],
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
        lambda m: [("month", f"--{_month_no(m['m'] or 'may'):02d}")],
    ),
)

ZH_DATES: tuple[Rule, ...] = (
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
        lambda m: [("month", v) if (v := _month(m["y"], m["m"])) else None],
    ),
    # without a year: 1月14日, 1月份
    (
        regex.compile(r"(?<![年\d]\s*)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
        lambda m: _dates(_day(m["m"], m["d"])),
    ),
    (
        regex.compile(r"(?<![年\d]\s*)(?P<m>\d{1,2})\s*月(?!\s*\d)"),
        lambda m: [("month", f"--{int(m['m']):02d}")] if 1 <= int(m["m"]) <= 12 else [],
    ),
)
