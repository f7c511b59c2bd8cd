"""Typography: half-width punctuation in Chinese text, spacing between Chinese and digits,
unbalanced brackets and quotation marks, doubled spaces in the English.

The document is its own standard: a mark is flagged where the document otherwise uses
the other form (house style can fix the form instead, see qa.style). Findings are one
per paragraph, counting the occurrences in it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from unterm.lang.languages import Lang
from unterm.qa.model import Finding, Located, around
from unterm.qa.style import HouseStyle

FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
# a half-width mark in Chinese text: right after a Chinese character (or a closing
# quote or bracket after one), or, for the separators, right before one
_HALF_IN_CJK = regex.compile(
    r"(?<=\p{Han}[”’》」』]?\s*)[,;:?!()]|[,;:?!(](?=\s*[\p{Han}“‘《「『])|\)(?=\s*\p{Han})"
)
# a number as typeset: 2030, 1,000, 12.5%, 2020-2023, and resolution numbers (71/256)
_NUMBER = regex.compile(
    r"(?<![\p{Latin}\d/.\-])\d+(?:[./,:]\d+)*(?:\s*[-–]\s*\d+(?:[.,]\d+)*)?%?(?![\p{Latin}\d/])"
)
_PAIRS = {
    Lang.ZH: (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("【", "】"), ("「", "」")),
    Lang.EN: (("(", ")"), ("[", "]"), ("“", "”")),
}


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


def check_typography(loc: Located, style: HouseStyle) -> list[Finding]:
    return [*_halfwidth(loc, style), *_spacing(loc, style), *_unbalanced(loc), *_double_spaces(loc)]


def _zh_texts(loc: Located) -> list[tuple[int, str]]:
    a = loc.alignment
    return [(i, a.text(p, Lang.ZH)) for i, p in enumerate(a.pairs) if p.zh]


def _halfwidth(loc: Located, style: HouseStyle) -> list[Finding]:
    texts = _zh_texts(loc)
    half: Counter[str] = Counter()
    full: Counter[str] = Counter()
    found: list[tuple[int, str, list[regex.Match[str]]]] = []
    for i, text in texts:
        matches = list(_HALF_IN_CJK.finditer(text))
        half.update(m[0] for m in matches)
        full.update(c for c in text if c in FULL.values())
        if matches:
            found.append((i, text, matches))
    family = sum(full.values()) > sum(half.values())

    def flagged(mark: str) -> bool:
        if style.halfwidth_punctuation == "full-width":
            return True
        f, h = full[FULL[mark]], half[mark]
        return f > h or (f == h and f > 0 and family)

    out = []
    for i, text, matches in found:
        marks = [m for m in matches if flagged(m[0])]
        if not marks:
            continue
        counts = Counter(m[0] for m in marks)
        listed = ", ".join(f"'{mark}' ({n})" if n > 1 else f"'{mark}'" for mark, n in counts.items())
        if style.halfwidth_punctuation == "full-width":
            why = "the house style is full-width"
        else:
            why = "the document otherwise writes " + ", ".join(
                f"'{FULL[mark]}' ({_times(full[FULL[mark]])})" for mark in counts
            )
        out.append(
            loc.finding(
                "typography.halfwidth",
                i,
                f"half-width {listed} in Chinese text where {why}",
                zh_excerpt=around(text, marks[0].start(), marks[0].end(), 6),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class _Gap:
    start: int
    end: int
    spaced: bool


_HAN_AFTER = regex.compile(r"(\s*)\p{Han}")
_HAN = regex.compile(r"\p{Han}")


def _gaps(text: str) -> list[_Gap]:
    """Each boundary between a number and a Chinese character, spaced or not; in one
    pass over the text (a 5 MB paragraph takes seconds, not hours)."""
    out = []
    for m in _NUMBER.finditer(text):
        j = m.start()
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j > 0 and _HAN.match(text[j - 1]):
            out.append(_Gap(j - 1, m.end(), j < m.start()))
        right = _HAN_AFTER.match(text, m.end())
        if right:
            out.append(_Gap(m.start(), right.end(), bool(right[1])))
    return out


def _spacing(loc: Located, style: HouseStyle) -> list[Finding]:
    per_text = [(i, text, _gaps(text)) for i, text in _zh_texts(loc)]
    spaced = sum(g.spaced for _, _, gaps in per_text for g in gaps)
    tight = sum(not g.spaced for _, _, gaps in per_text for g in gaps)
    if style.cjk_digit_spacing == "space":
        wrong_is_spaced, why = False, "the house style puts a space between digits and Chinese"
    elif style.cjk_digit_spacing == "none":
        wrong_is_spaced, why = True, "the house style writes digits and Chinese without a space"
    elif spaced and tight:
        first = next(g for _, _, gaps in per_text for g in gaps)
        wrong_is_spaced = tight > spaced or (tight == spaced and not first.spaced)
        why = (
            f"the document mostly writes them without one ({tight} times against {spaced})"
            if wrong_is_spaced
            else f"the document mostly puts a space between them ({spaced} times against {tight})"
        )
    else:
        return []
    out = []
    for i, text, gaps in per_text:
        wrong = [g for g in gaps if g.spaced == wrong_is_spaced]
        if not wrong:
            continue
        form = "with a space" if wrong_is_spaced else "without a space"
        example = text[wrong[0].start : wrong[0].end]
        out.append(
            loc.finding(
                "typography.spacing",
                i,
                f"digits and Chinese written {form} ({_times(len(wrong))}, e.g. “{example}”) where {why}",
                zh_excerpt=around(text, wrong[0].start, wrong[0].end, 4),
            )
        )
    return out


def _unbalanced(loc: Located) -> list[Finding]:
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        problems: dict[Lang, list[str]] = {Lang.ZH: [], Lang.EN: []}
        first: dict[Lang, str] = {}
        for lang in Lang:
            text = a.text(p, lang)
            for opening, closing in _PAIRS[lang]:
                o, c = text.count(opening), text.count(closing)
                if o != c:
                    problems[lang].append(f"{o} {opening} against {c} {closing}")
                    at = text.find(opening if o > c else closing)
                    first.setdefault(lang, around(text, at, at + 1, 15))
            if lang is Lang.EN and text.count('"') % 2:
                problems[lang].append(f'{text.count(chr(34))} straight quotation marks "')
                at = text.find('"')
                first.setdefault(lang, around(text, at, at + 1, 15))
        if problems[Lang.ZH] or problems[Lang.EN]:
            said = "; ".join(
                f"the {'Chinese' if lang is Lang.ZH else 'English'} has " + ", ".join(problems[lang])
                for lang in Lang
                if problems[lang]
            )
            out.append(
                loc.finding(
                    "typography.unbalanced",
                    i,
                    f"unbalanced brackets or quotation marks: {said}",
                    zh_excerpt=first.get(Lang.ZH, ""),
                    en_excerpt=first.get(Lang.EN, ""),
                )
            )
    return out


def _double_spaces(loc: Located) -> list[Finding]:
    """Doubled spaces inside a line of the English as written (the clean text has them
    collapsed); each is shown by the words around it."""
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        lines = [line.strip() for b in p.en for line in a.en.blocks[b].original.splitlines()]
        hits = [
            f"{m['before'].strip('*_#')}  {m['after'].strip('*_#')}"
            for line in lines
            for m in regex.finditer(r"(?P<before>\S+) {2,}(?P<after>\S+)", line)
        ]
        if hits:
            out.append(
                loc.finding(
                    "typography.double-space",
                    i,
                    f"doubled space{'s' if len(hits) > 1 else ''} in the English ({len(hits)}): “{hits[0]}”",
                    en_excerpt=" ".join(hits[0].split()),
                )
            )
    return out
