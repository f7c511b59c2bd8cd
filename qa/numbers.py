"""Numbers and references that differ between the two sides of a pair.

Both sides are read with the aligner's anchors (align.anchors), so `2022 年 12 月 14 日`
= `14 December 2022`, `第十一届` = `eleventh`, `第53次` = `53rd`, `87 个` = `87`. Values
are compared as sets: a number the Chinese repeats where the English says `it` is not
a difference.

A small number written as a word (`first`, `两`, `四年期` for `quadrennial`) has too
many idiomatic renderings to be checked on its own: it counts where it matches, but a
small word-number on one side only is not reported, nor is the number 1 (`1名` is `a`,
`one`, `the`). A number written in digits, or over ten, always is.
"""

from __future__ import annotations

from unterm.lang.anchors import Anchor, AnchorKind
from unterm.lang.languages import Lang
from unterm.qa.model import Finding, Located, around
from unterm.qa.readings import Reading, loose_values, read

_REFERENCE = (AnchorKind.SYMBOL, AnchorKind.RESOLUTION)
_NUMERIC = (AnchorKind.DATE, AnchorKind.MONTH, AnchorKind.NUMBER)
# how much of the text around a number an excerpt shows, on each side
CONTEXT = 8


def _strong(r: Reading) -> bool:
    """Whether a one-sided reading is worth reporting (see the module's note)."""
    anchor, surface = r.anchor, r.surface
    if r.strong is not None:
        return r.strong
    if anchor.kind is not AnchorKind.NUMBER:
        return True
    if anchor.value == "1":  # `1名受害者` is `one victim`, `a victim`, `the victim`
        return False
    if any(c.isascii() and c.isdigit() for c in surface):
        return True
    try:
        return float(anchor.value.rstrip("%")) > 10
    except ValueError:
        return True


def _show(anchor: Anchor, surface: str) -> str:
    if anchor.kind is AnchorKind.RESOLUTION:
        return f"resolution {anchor.value}"
    if anchor.kind is AnchorKind.SYMBOL:
        return anchor.value
    shown = " ".join(surface.split())
    return f"“{shown}”" if shown == anchor.value else f"“{shown}” ({anchor.value})"


def _describe(zh: list[Reading], en: list[Reading]) -> str:
    parts = []
    if zh:
        parts.append(", ".join(_show(r.anchor, r.surface) for r in zh) + " in the Chinese")
    if en:
        parts.append(", ".join(_show(r.anchor, r.surface) for r in en) + " in the English")
    only = " only" if not (zh and en) else ""
    return "; ".join(parts) + only


def same(value: str, others: set[str]) -> bool:
    """Whether a value is among the other side's, as UN texts write one value two ways: a
    number per cent where the other side says per cent once for a range (`0.15 to 0.20 per
    cent`), a month or day without its year where the other side gives it
    (`June-September 2018`: June is 2018-06)."""
    if value in others:
        return True
    if (value.endswith("%") and value[:-1] in others) or f"{value}%" in others:
        return True
    if value.startswith("--"):
        return any(len(o) > 5 and o[4] == "-" and o[5:] == value[2:] for o in others)
    if len(value) > 5 and value[4] == "-" and value[:4].isdigit():
        return f"--{value[5:]}" in others or value[:4] in others
    if len(value) == 4 and value.isdigit():  # `in 2015` against 2015年9月
        return any(o.startswith(f"{value}-") for o in others)
    return False


def _differences(
    zh: list[Reading], en: list[Reading], kinds: tuple[AnchorKind, ...], zh_text: str, en_text: str
) -> tuple[list[Reading], list[Reading]]:
    zh = [r for r in zh if r.anchor.kind in kinds]
    en = [r for r in en if r.anchor.kind in kinds]
    zh_values = {r.anchor.value for r in zh}
    en_values = {r.anchor.value for r in en}
    loose: dict[Lang, set[str]] = {}

    def unique(found: list[Reading], others: set[str], other: Lang, other_text: str) -> list[Reading]:
        out: dict[Anchor, Reading] = {}
        for r in found:
            if same(r.anchor.value, others) or not _strong(r):
                continue
            if r.anchor.kind is AnchorKind.NUMBER:
                if other not in loose:
                    loose[other] = loose_values(other_text, other)
                if same(r.anchor.value, loose[other]):
                    continue  # the other side writes it in words: 十五会员国, `two hundred`
            out.setdefault(r.anchor, r)
        return list(out.values())

    return unique(zh, en_values, Lang.EN, en_text), unique(en, zh_values, Lang.ZH, zh_text)


def _excerpt(text: str, found: list[Reading]) -> str:
    """The text around each reading, as it is written (so that a report marks it there)."""
    parts: list[str] = []
    for r in found:
        part = around(text, r.start, r.end, CONTEXT) if r.start >= 0 else r.surface
        if part not in parts:
            parts.append(part)
    return " … ".join(parts)


def check_numbers(loc: Located) -> list[Finding]:
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if not (p.zh and p.en):
            continue
        # a paragraph's own number is its key: structure.numbering compares those
        zh_text = Lang.ZH.joiner.join(a.zh.blocks[k].body for k in p.zh)
        en_text = Lang.EN.joiner.join(a.en.blocks[k].body for k in p.en)
        zh, en = read(zh_text, Lang.ZH), read(en_text, Lang.EN)
        for check, kinds, label in (
            ("references.mismatch", _REFERENCE, "references differ"),
            ("numbers.mismatch", _NUMERIC, "numbers differ"),
        ):
            z, e = _differences(zh, en, kinds, zh_text, en_text)
            if z or e:
                out.append(
                    loc.finding(
                        check,
                        i,
                        f"{label}: {_describe(z, e)}",
                        zh_excerpt=_excerpt(zh_text, z)
                        if check == "numbers.mismatch"
                        else " … ".join(r.surface for r in z),
                        en_excerpt=_excerpt(en_text, e)
                        if check == "numbers.mismatch"
                        else " … ".join(r.surface for r in e),
                    )
                )
    return out
