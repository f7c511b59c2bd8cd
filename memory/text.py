"""Text as the memory searches it, and what a document's name and text say of its
symbol and date.

A side's search form (`searchable`) is the text lower-cased and NFKC-normalised
(full-width `１．` is `1.`), with every dash a hyphen and curly quotes straight; in
Chinese a space is kept only between two Latin letters or digits (`2030 年议程` is
`2030年议程`, a PDF's `家 庭团聚` is `家庭团聚`), in English runs of white space are one
space. Each character of the search form keeps the offset of the character it came from,
so that what is found in it is marked in the text as written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from unterm.lang.anchors import AnchorKind, extract_anchors
from unterm.lang.languages import Lang
from unterm.lang.symbols import SYMBOL

_DASH = regex.compile(r"\p{Pd}")
_QUOTES = {"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}
_WORDY = regex.compile(r"[\p{Latin}\p{N}]")
_HAN = regex.compile(r"\p{Han}")
_ODD_SPACE = regex.compile(r"[^\S ]|  |^ | $")  # white space but single spaces between characters
_ANY_SPACE = regex.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Searchable:
    """A text's search form and, for each of its characters, the offset of the character
    of the text it came from (one more entry: the text's length)."""

    text: str
    offsets: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The characters of the text as written that [start, end) of the search form
        came from."""
        first = self.offsets[start]
        last = self.offsets[end - 1] + 1 if end > start else first
        return first, last


@lru_cache(maxsize=1 << 16)
def _char(c: str) -> str:
    """A character's search form; empty for white space and control characters."""
    if c.isspace() or unicodedata.category(c) == "Cc":
        return ""
    if c in _QUOTES:
        return _QUOTES[c]
    n = _DASH.sub("-", unicodedata.normalize("NFKC", c).lower())
    return n if n.strip() else ""


@lru_cache(maxsize=1 << 16)
def _wordy(c: str) -> bool:
    return _WORDY.match(c) is not None


def searchable(text: str, lang: Lang) -> Searchable:
    """The search form of a side (see the module docstring)."""
    if not (_ODD_SPACE if lang is Lang.EN else _ANY_SPACE).search(text):
        # the common case, in a tenth of the time: each character one of the search form
        mapped = [" " if c == " " else _char(c) for c in text]
        if all(len(m) == 1 for m in mapped):
            return Searchable("".join(mapped), tuple(range(len(text) + 1)))
    out: list[str] = []
    offsets: list[int] = []
    pending = False  # white space seen since the last character kept
    english = lang is Lang.EN
    for i, c in enumerate(text):
        n = _char(c)
        if not n:
            pending = bool(out)
            continue
        if pending and (english or (_wordy(out[-1]) and _wordy(n[0]))):
            out.append(" ")
            offsets.append(i - 1)
        pending = False
        if len(n) == 1:
            out.append(n)
            offsets.append(i)
        else:
            out.extend(n)
            offsets.extend([i] * len(n))
    offsets.append(len(text))
    return Searchable("".join(out), tuple(offsets))


def search_form(text: str, lang: Lang) -> str:
    return searchable(text, lang).text


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


_YEAR = regex.compile(r"(?:19[4-9]\d|20\d\d)")
# UNPC's layout: YEAR/series/parts in lower case, `_` for a full stop (2015/a/ac_182/l_139)
_UNPC_PART = {"rev": "Rev", "add": "Add", "corr": "Corr", "amend": "Amend", "res": "RES", "pv": "PV"}


def name_symbol(name: str) -> str:
    """The document symbol a pair's name spells, where it spells one: a file or folder
    named with `_` for `/` (`A_RES_77_173`), or UNPC's layout (`2015/a/ac_182/l_139` is
    A/AC.182/L.139); empty otherwise."""
    last = name.rsplit("/", 1)[-1]
    candidate = last.replace("_", "/")
    if candidate.count("/") >= 2 and SYMBOL.fullmatch(candidate):
        return candidate
    parts = name.split("/")
    if len(parts) >= 3 and _YEAR.fullmatch(parts[0]) and parts[1].isalpha():
        out = []
        for part in parts[1:]:
            pieces = part.split("_")
            head = _UNPC_PART.get(pieces[0], pieces[0].upper())
            out.append(".".join([head, *pieces[1:]]))
        symbol = "/".join(out)
        if SYMBOL.fullmatch(symbol):
            return symbol
    return ""


def name_year(name: str) -> str:
    """A year a pair's name gives as one of its folders (UNPC's `2015/a/69/767`)."""
    return next((part for part in name.split("/") if _YEAR.fullmatch(part)), "")


def text_date(texts: Iterable[tuple[str, str, Lang]]) -> str:
    """The date a document gives itself: the last full date of its closing lines (a
    resolution's adoption), else the first one of a short header line; (kind, text,
    language) triples in document order. Empty where there is none."""
    closing: list[str] = []
    header: list[str] = []
    for kind, text, lang in texts:
        if kind not in ("closing", "header") or len(text) > 120:
            continue
        found = [a.value for a in extract_anchors(text, lang) if a.kind is AnchorKind.DATE]
        found = [d for d in found if not d.startswith("--")]
        (closing if kind == "closing" else header).extend(found)
    if closing:
        return closing[-1]
    return header[0] if header else ""
