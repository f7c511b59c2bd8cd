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

from collections.abc import Iterable

from unterm.lang.anchors import Anchor, AnchorKind, find_anchors
from unterm.lang.languages import Lang
from unterm.qa.model import Finding, Located

_REFERENCE = (AnchorKind.SYMBOL, AnchorKind.RESOLUTION)
_NUMERIC = (AnchorKind.DATE, AnchorKind.MONTH, AnchorKind.NUMBER)


def _strong(anchor: Anchor, surface: str) -> bool:
    """Whether a one-sided anchor is worth reporting (see the module's note)."""
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


def _describe(zh: list[tuple[Anchor, str]], en: list[tuple[Anchor, str]]) -> str:
    parts = []
    if zh:
        parts.append(", ".join(_show(*x) for x in zh) + " in the Chinese")
    if en:
        parts.append(", ".join(_show(*x) for x in en) + " in the English")
    only = " only" if not (zh and en) else ""
    return "; ".join(parts) + only


def _differences(
    zh: Iterable[tuple[Anchor, str]], en: Iterable[tuple[Anchor, str]], kinds: tuple[AnchorKind, ...]
) -> tuple[list[tuple[Anchor, str]], list[tuple[Anchor, str]]]:
    zh = [(a, s) for a, s in zh if a.kind in kinds]
    en = [(a, s) for a, s in en if a.kind in kinds]
    zh_values = {a.value for a, _ in zh}
    en_values = {a.value for a, _ in en}

    def unique(found: list[tuple[Anchor, str]], others: set[str]) -> list[tuple[Anchor, str]]:
        out: dict[Anchor, str] = {}
        for a, s in found:
            if a.value not in others and _strong(a, s):
                out.setdefault(a, s)
        return list(out.items())

    return unique(zh, en_values), unique(en, zh_values)


def check_numbers(loc: Located) -> list[Finding]:
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if not (p.zh and p.en):
            continue
        # a paragraph's own number is its key: structure.numbering compares those
        zh = find_anchors(Lang.ZH.joiner.join(a.zh.blocks[k].body for k in p.zh), Lang.ZH)
        en = find_anchors(Lang.EN.joiner.join(a.en.blocks[k].body for k in p.en), Lang.EN)
        for check, kinds, label in (
            ("references.mismatch", _REFERENCE, "references differ"),
            ("numbers.mismatch", _NUMERIC, "numbers differ"),
        ):
            z, e = _differences(zh, en, kinds)
            if z or e:
                out.append(
                    loc.finding(
                        check,
                        i,
                        f"{label}: {_describe(z, e)}",
                        zh_excerpt=" … ".join(s for _, s in z),
                        en_excerpt=" … ".join(s for _, s in e),
                    )
                )
    return out
