"""The official names of States in Chinese and English: a gazetteer from UNTERM.

The UN Multilingual Terminology Database gives each of the 197 States a short name
(`Yemen` / 也门, `United Kingdom of Great Britain and Northern Ireland (the)` / 大不列颠及
北爱尔兰联合王国) and a formal name (`the Republic of Yemen` / 也门共和国);
corpora/unterm_country_names holds them as UNTERM publishes them (its SOURCE.txt), and
the QA checks read the same file (qa/names.py). Here the short name loses its
trailing `(the)` and the formal name its leading `the`, as running text writes them.
These names are the complete official list, so term mining can take them as known
names whatever characters they contain (也门 starts with a character that is a function
word elsewhere, 以色列 with one that is a preposition).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import regex

# the table, in the package (pyproject.toml, package data)
COUNTRIES = ("corpora", "unterm_country_names", "unterm_countries_zh_en.tsv")
_THE = regex.compile(r"\s*\((?:the|The)\)$")


@dataclass(frozen=True, slots=True)
class Country:
    """One State's names: short and formal, in each language."""

    zh_short: str
    en_short: str
    zh_formal: str
    en_formal: str

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """Its (Chinese, English) name pairs, short first, each once."""
        short = (self.zh_short, self.en_short)
        formal = (self.zh_formal, self.en_formal)
        return (short,) if formal == short else (short, formal)


@cache
def countries() -> tuple[Country, ...]:
    """The 197 States, in UNTERM's order (English short name)."""
    text = files("unterm").joinpath(*COUNTRIES).read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        out.append(
            Country(
                row["zh_short"].strip(),
                _THE.sub("", row["en_short"].strip()),
                row["zh_formal"].strip(),
                row["en_formal"].strip().removeprefix("the "),
            )
        )
    return tuple(out)


@cache
def name_pairs() -> frozenset[tuple[str, str]]:
    """Every (Chinese, English) pair of official names, short and formal."""
    return frozenset(p for c in countries() for p in c.pairs())


@cache
def zh_names() -> frozenset[str]:
    return frozenset(z for z, _ in name_pairs())


@cache
def en_names() -> frozenset[str]:
    return frozenset(e for _, e in name_pairs())
