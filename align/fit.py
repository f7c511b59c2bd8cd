"""The Chinese of a sentence cut to fit the segments a CAT tool cuts its English into.

A memory fills a CAT tool's segment only when one of its units has that segment's source
text exactly. Where the tool's rules (`--srx`) cut an English sentence that its Chinese
does not cut (OmegaT's defaults cut after a paragraph's number, `1. | Takes note`, and at
`para. | 12`, `vol. | 1771`), the Chinese is cut too, one piece per English segment, so
that the pieces together are the Chinese sentence and the tool, gluing the pieces it
fills, writes the Chinese version:

- an English segment that is a paragraph's or item's number alone (`1.`, `77/173.`,
  `(a)`) takes the same number from the start of the Chinese (`1.`, `1．`, `（a）`);
- otherwise the Chinese is cut at a punctuation mark (or before `第`, `(`, `《`) where the
  anchors (numbers, symbols, dates: lang.anchors) of each English piece fall on its side
  of the cut, nearest to the English's proportion of length;
- where no cut keeps every anchor with its counterpart (`14 | December 2022` against
  `2022年12月14日`), the first segment takes the whole Chinese and the others an empty
  translation, which OmegaT fills as translated-as-empty.
"""

from __future__ import annotations

from collections import Counter

import regex

from unterm.lang.anchors import Anchor, extract_anchors, weight
from unterm.lang.languages import Lang
from unterm.lang.text import nfkc

# a number or an item letter standing alone: 1.  77/173.  (a)  IV.  A.
_EN_NUMBER = regex.compile(r"[(\[]?(?:\d+(?:/\d+)?(?:\.\d+)*|[IVXLC]+|[ivx]+|\p{L})[.)\]]")
_ZH_NUMBER = regex.compile(
    r"\s*[(\[（［]?\s*(?:[\d０-９]+(?:[/／][\d０-９]+)?(?:[.．][\d０-９]+)*|[IVXLCⅠ-Ⅻ]+|[ivx]+|\p{L})\s*[.)\]．）］、]?\s*"
)
# where a Chinese sentence may be cut: after a mark (and the spaces after it), or before
# what opens a phrase
_ZH_CUT = regex.compile(r"(?<=[，、；：,;:。！？）)》”])\s*|(?=[第(（《“])")


def _matched(en: str, zh: str) -> float:
    """The weight of the anchors an English and a Chinese text share."""
    shared = Counter(extract_anchors(en, Lang.EN)) & Counter(extract_anchors(zh, Lang.ZH))
    return sum(weight(a) * n for a, n in shared.items())


def _anchors(text: str, lang: Lang) -> Counter[Anchor]:
    return Counter(extract_anchors(text, lang))


def _number_cut(zh: str, en: str) -> int | None:
    """Where the Chinese's own number ends, when an English segment is a number alone and
    the Chinese opens with the same one."""
    if not _EN_NUMBER.fullmatch(en.strip()):
        return None
    m = _ZH_NUMBER.match(zh)
    if m is None or not m[0].strip():
        return None
    number = regex.sub(r"[^\p{L}\p{N}/.]", "", nfkc(m[0])).rstrip(".")
    wanted = regex.sub(r"[^\p{L}\p{N}/.]", "", en).rstrip(".")
    if number.lower() != wanted.lower() or m.end() >= len(zh):
        return None
    return m.end()


def _anchor_cut(zh: str, first: str, rest: str) -> int | None:
    """The best place to cut the Chinese between an English piece and the rest, or None
    where every cut would tear an anchor from its counterpart."""
    whole = _matched(f"{first} {rest}", zh)
    share = len(first) / max(1, len(first) + len(rest) + 1)
    best: tuple[float, float, int] | None = None
    for m in _ZH_CUT.finditer(zh):
        k = m.end()
        if not 0 < k < len(zh) or not zh[:k].strip() or not zh[k:].strip():
            continue
        score = _matched(first, zh[:k]) + _matched(rest, zh[k:])
        if score < whole:
            continue  # an anchor would land on the other side of its counterpart
        if (_anchors(first, Lang.EN) and not _matched(first, zh[:k])) or (
            _anchors(rest, Lang.EN) and not _matched(rest, zh[k:])
        ):
            continue  # a piece with anchors must keep one
        key = (score, -abs(k / len(zh) - share), k)
        if best is None or key > best:
            best = key
    return best[2] if best is not None else None


def fit(zh: str, en: list[str]) -> tuple[list[str], str]:
    """The Chinese cut into one piece per English segment (see the module docstring), and
    how: `numbers`, `anchors` or `whole` (the first piece has it all)."""
    if len(en) < 2:
        return [zh], "one segment"
    pieces: list[str] = []
    rest = zh
    how = "numbers"
    for k, segment in enumerate(en[:-1]):
        cut = _number_cut(rest, segment)
        if cut is None:
            cut = _anchor_cut(rest, segment, " ".join(en[k + 1 :]))
            how = "anchors" if cut is not None else how
        if cut is None:  # this segment takes what is left, the others an empty translation
            return [*pieces, rest.strip(), *[""] * (len(en) - k - 1)], "whole"
        pieces.append(rest[:cut].strip())
        rest = rest[cut:]
    pieces.append(rest.strip())
    return pieces, how
