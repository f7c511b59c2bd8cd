"""The two languages unterm works between, and which one a text is in."""

from __future__ import annotations

from enum import Enum

import regex

_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")


# The BCP 47 tags outputs carry unless --zh-lang / --en-lang say otherwise (TMX, XLIFF,
# TBX, a termbase's column headings). The one place the default is decided: a later change
# may make the Chinese one depend on the input (zh-Hant for traditional characters).
ZH_TAG = "zh-CN"
EN_TAG = "en"


class Lang(str, Enum):
    """The two languages unterm works between."""

    ZH = "zh"
    EN = "en"

    @property
    def joiner(self) -> str:
        """What goes between two pieces of text joined into one: nothing in Chinese."""
        return "" if self is Lang.ZH else " "

    @property
    def name_en(self) -> str:
        """The language's English name, for messages."""
        return "Chinese" if self is Lang.ZH else "English"


def script_shares(text: str) -> tuple[float, float]:
    """The shares of Han characters and of Latin letters among all letters of a text."""
    han = len(_HAN.findall(text))
    latin = len(_LATIN.findall(text))
    total = han + latin
    if not total:
        return 0.0, 0.0
    return han / total, latin / total


def detect_lang(text: str) -> Lang | None:
    """Chinese or English by script, or None for a text that is neither.

    Chinese UN text carries Latin symbols (A/77/444, COVID-19) but stays mostly Han;
    English text has next to no Han, so 10% Han characters is a safe dividing line.
    """
    han, latin = script_shares(text)
    if han >= 0.10:
        return Lang.ZH
    if latin >= 0.5:
        return Lang.EN
    return None
