"""Names: a body, programme, State, conference or instrument named on one side whose
counterpart is missing on the other (`names.mismatch`).

Three sources say what a name's counterpart is:

- the document's own established names: a name mined with confidence and rendered the
  same way in the document's other paragraphs (人居署 ↔ UN-Habitat); a paragraph naming
  it on one side with none of its renderings on the other is reported, unless the name
  is only a modifier inside a longer name there (联合国 in 联合国人居署大会) or the term
  checks have said so already;
- reference terminology: the UNTERM names of States (corpora/unterm_country_names),
  where the two sides name different States;
- numerals inside names: `Habitat III` is `人居三`; a name whose numeral differs between
  the sides (`Habitat II` against `人居三`) is reported.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

import regex

from unterm.lang.english import fold
from unterm.lang.gazetteer import COUNTRIES
from unterm.lang.languages import Lang
from unterm.lang.numerals import roman, zh_numeral
from unterm.lang.text import zh_key
from unterm.qa.lexicon import segmented
from unterm.qa.model import Finding, Located, Severity
from unterm.qa.terms import MIN_SUPPORT, TermIndex, established_names, heads

if TYPE_CHECKING:
    from unterm.termbase.mine import Analysis
    from unterm.termbase.model import Termbase

_NAME = {Lang.ZH: "Chinese", Lang.EN: "English"}
_OTHER = {Lang.ZH: Lang.EN, Lang.EN: Lang.ZH}


def check_names(
    loc: Located,
    analysis: Analysis | None,
    termbase: Termbase | None,
    already: set[tuple[int, str]],
) -> list[Finding]:
    """Names whose counterpart is missing; `already` holds the (pair, form) places the
    term checks have reported."""
    out = _numbered(loc) + _states(loc)
    if analysis is not None:
        done = {f.pair for f in out}
        out += [f for f in _established(loc, analysis, termbase, already) if f.pair not in done]
    return out


# --- the document's own names --------------------------------------------------------------
def _established(
    loc: Located, analysis: Analysis, termbase: Termbase | None, already: set[tuple[int, str]]
) -> list[Finding]:
    a = loc.alignment
    index = TermIndex.of(established_names(analysis, termbase))
    pairs = [i for i, p in enumerate(a.pairs) if p.zh and p.en]
    texts = [{lang: a.text(a.pairs[i], lang) for lang in Lang} for i in pairs]
    out = []
    for lang, other in ((Lang.ZH, Lang.EN), (Lang.EN, Lang.ZH)):
        rendered: dict[str, set[int]] = defaultdict(set)
        gaps: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for k, t in enumerate(texts):
            for form, ids in index.find(t[lang], lang):
                for x in ids:
                    if index.mentions(x, t[other], other):
                        rendered[x].add(k)
                    elif not any(g == k for g, _ in gaps[x]):
                        gaps[x].append((k, form))
        for x, places in gaps.items():
            support = len(rendered[x])
            if support < MIN_SUPPORT or len(places) * 2 > support:
                continue
            for k, form in places:
                if (pairs[k], form) in already or _modifier(analysis, k, form, lang):
                    continue
                usual = " / ".join(index.preferred(x, other))
                instead = _unknown_name(analysis, k, other, index)
                out.append(_missing(loc, pairs[k], lang, form, usual, support, instead))
    return out


def _modifier(analysis: Analysis, k: int, form: str, lang: Lang) -> bool:
    """Whether the name stands only inside a longer unit of the segment whose head is
    something else (联合国 in 联合国人居署大会, `UN-Habitat` in `UN-Habitat Assembly`)."""
    found = analysis.found[k]
    key = zh_key(form) if lang is Lang.ZH else fold(form)
    units = [zh_key(z) for z in found.zh] if lang is Lang.ZH else list(found.en)
    return any(key in unit and unit != key and not heads(unit, key, lang) for unit in units)


def _unknown_name(analysis: Analysis, k: int, lang: Lang, index: TermIndex) -> str:
    """A name on this side of segment k that no established name accounts for: what a
    reviser will find where the expected one should be (环境署 for 人居署)."""
    from unterm.termbase.chinese import is_name
    from unterm.termbase.english import ACRONYM

    found = analysis.found[k]
    if lang is Lang.ZH:
        names = [z for z in found.zh if is_name(z) and not index.find(z, Lang.ZH)]
    else:
        names = [
            c.text for c in found.en.values() if ACRONYM.match(c.text) and not index.find(c.text, Lang.EN)
        ]
    return min(names, key=len) if len(names) == 1 else ""


def _missing(loc: Located, i: int, lang: Lang, form: str, usual: str, support: int, instead: str) -> Finding:
    """A name without its rendering: an error where another name stands in its place, a
    warning where none does (the other version may say `it` or `the Programme`)."""
    other = _OTHER[lang]
    there = f"; it has “{instead}” instead" if instead else " (a pronoun or a short form there?)"
    return loc.finding(
        "names.mismatch",
        i,
        f"the {_NAME[lang]} names “{form}”, which this document renders “{usual}” in {support} other "
        f"paragraphs, but the {_NAME[other]} here has no “{usual}”{there}",
        zh_excerpt=form if lang is Lang.ZH else instead,
        en_excerpt=form if lang is Lang.EN else instead,
        severity=None if instead else Severity.WARNING,
    )


# --- numerals inside names -------------------------------------------------------------------
# `Habitat III`, `Protocol II`: a capitalised word and a Roman numeral; not the numbered
# parts of documents (annex II, chapter IV), which the number check compares
_EN_NUMBERED = regex.compile(r"(?<![\p{L}\-])([A-Z][\p{L}\-]+)\s+([IVX]{1,4})(?![\p{L}\d\-])")
_PARTS = frozenset(
    [
        *("annex", "annexes", "chapter", "chapters", "article", "articles", "part", "parts"),
        *("section", "sections", "volume", "vol", "title", "schedule", "appendix", "table"),
        *("figure", "phase", "category", "tier", "stage", "level", "class", "type"),
    ]
)
# `人居三`: a name of two Han characters or more ending in a numeral from 二 to 十, before
# punctuation; not 第三, 附件二, 之一 or a count
_ZH_NUMBERED = regex.compile(r"(\p{Han}{2,})([二三四五六七八九十])(?=[)）)\]、，,;；。：:\s]|$)")
_ZH_NOT_NAME = regex.compile(r"(?:第|附件|之|卷|章|条|款|部分|期|届|次|年|月|日|个|项|第十|其中)$")


def _en_numbered(text: str) -> Counter[int]:
    return Counter(
        roman(m[2]) for m in _EN_NUMBERED.finditer(text) if m[1].lower() not in _PARTS and roman(m[2]) > 0
    )


def _zh_numbered(text: str) -> Counter[int]:
    return Counter(zh_numeral(m[2]) for m in _ZH_NUMBERED.finditer(text) if not _ZH_NOT_NAME.search(m[1]))


def _numbered(loc: Located) -> list[Finding]:
    """Pairs where both sides number a name and the numbers differ (`Habitat II` against
    `人居三`)."""
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if not (p.zh and p.en):
            continue
        zh, en = a.text(p, Lang.ZH), a.text(p, Lang.EN)
        zn, en_n = _zh_numbered(zh), _en_numbered(en)
        zh_only, en_only = zn - en_n, en_n - zn
        if not (zh_only and en_only):
            continue
        zh_names = [m[0] for m in _ZH_NUMBERED.finditer(zh) if zh_numeral(m[2]) in zh_only]
        en_names = [m[0] for m in _EN_NUMBERED.finditer(en) if roman(m[2]) in en_only]
        if not (zh_names and en_names):
            continue
        out.append(
            loc.finding(
                "names.mismatch",
                i,
                f"the numeral in a name differs: “{en_names[0]}” in the English, “{zh_names[0]}” in the "
                f"Chinese ({en_names[0].split()[0]} {_roman(zh_numeral(zh_names[0][-1]))})",
                zh_excerpt=zh_names[0],
                en_excerpt=en_names[0],
            )
        )
    return out


def _roman(n: int) -> str:
    from unterm.lang.numerals import to_roman

    return to_roman(n).upper()


# --- names of States -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _States:
    """The UNTERM names of States, found with one pattern per language."""

    zh: dict[str, str]  # form -> English short name
    en: dict[str, str]  # form -> English short name
    zh_pattern: regex.Pattern[str]
    en_pattern: regex.Pattern[str]
    zh_names: dict[str, str]  # English short name -> Chinese short name


@cache
def _states_table() -> _States:
    path = files("unterm").joinpath(*COUNTRIES)
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    zh_names: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            name = _short(row["en_short"])
            zh_names[name] = row["zh_short"]
            for form in (row["zh_short"], row["zh_formal"]):
                zh[form] = name
            for form in _en_forms(row["en_short"], row["en_formal"]):
                en[form] = name
    return _States(
        zh,
        en,
        regex.compile(_longest_first(zh)),
        regex.compile(
            r"(?<![\p{L}\-])(?:" + _longest_first(en) + r")(?![\p{L}\-])"
            r"(?!\s+dollars?)"  # `United States dollars` is a currency, 美元
        ),
        zh_names,
    )


def _longest_first(forms: dict[str, str]) -> str:
    """An alternation of the forms, longest first (`Papua New Guinea` before `Guinea`)."""
    return "|".join(regex.escape(f) for f in sorted(forms, key=len, reverse=True))


def _short(name: str) -> str:
    """`Bahamas (The)` is `Bahamas`; `Bolivia (Plurinational State of)` stays as it is."""
    return regex.sub(r"\s*\((?:the|The)\)$", "", name)


def _en_forms(short: str, formal: str) -> set[str]:
    forms = {_short(short), regex.sub(r"^the\s+", "", formal)}
    m = regex.match(r"^(.*?) \((.+) of\)$", short)  # Bolivia (Plurinational State of)
    if m:
        forms |= {short, m[1], f"{m[2]} of {m[1]}"}
    return forms


def _states_in(text: str, lang: Lang) -> set[str]:
    """The States a text names (by English short name); a Chinese name counts only where
    a word starts with it (波兰政府, not 中国 in 发展中国家)."""
    table = _states_table()
    if lang is Lang.EN:
        return {table.en[m[0]] for m in table.en_pattern.finditer(text)}
    flat, words = segmented(text)
    bounds = set(words)
    return {table.zh[m[0]] for m in table.zh_pattern.finditer(flat) if m.start() in bounds}


def _states(loc: Located) -> list[Finding]:
    """Pairs where one State is named in place of another (`Poland` against 匈牙利): one
    State on each side that the other does not name. Where more differ, the lists are
    more likely written with different editions of the names (`Swaziland`, `Cabo
    Verde`) than wrong."""
    a = loc.alignment
    table = _states_table()
    out = []
    for i, p in enumerate(a.pairs):
        if not (p.zh and p.en):
            continue
        zh, en = _states_in(a.text(p, Lang.ZH), Lang.ZH), _states_in(a.text(p, Lang.EN), Lang.EN)
        zh_only, en_only = sorted(zh - en), sorted(en - zh)
        if len(zh_only) != 1 or len(en_only) != 1:
            continue
        zh_name = table.zh_names[zh_only[0]]
        out.append(
            loc.finding(
                "names.mismatch",
                i,
                f"the English names {en_only[0]} where the Chinese names {zh_name} ({zh_only[0]})",
                zh_excerpt=zh_name,
                en_excerpt=en_only[0],
            )
        )
    return out
