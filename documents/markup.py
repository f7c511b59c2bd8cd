"""Markup and footnote markers: what Markdown-from-PDF and PDF text leave in a paragraph.

`clean()` turns one paragraph's raw text into the text a translator reads, and returns the
footnote numbers it cites as data: `<sup>1</sup>`, `[^1]`, and bare digits glued to the
end of a word or punctuation mark (`Agreement,1`, `《巴黎协定》，1`) when the number is one
of the document's footnotes.
"""

from __future__ import annotations

import regex

from unterm.lang.languages import Lang
from unterm.lang.text import CJK

SUP = regex.compile(r"<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]")
_LINK = regex.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_HTML_TAG = regex.compile(r"</?(?:sup|sub|b|i|em|strong|u|span|br)\b[^>]*>", regex.IGNORECASE)
_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = regex.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_STRAY_STARS = regex.compile(r"(?<!\S)\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?!\S)")
_SPACES = regex.compile(r"[ \t\u00a0\u3000]+")
# Space that PDF conversion leaves between two Chinese characters or Chinese punctuation.
_CJK_GAP = regex.compile(rf"(?<=[{CJK}])[ \t]+(?=[{CJK}])")
_TOKEN = regex.compile(r"\x02(\d+)\x03")

# A bare footnote marker: digits right after a letter, a closing bracket or quote, or a
# punctuation mark, and before a space, punctuation, a Chinese character (`》2缔约方`, as
# pypdf glues a raised marker into the line) or the end. Not after / - . (symbols,
# COVID-19, Add.1), not inside a longer number.
_BARE = regex.compile(
    r"(?<=[\p{L}\p{Pe}\p{Pf}”’\"'»》〉」』】）,，;；:：。])(?P<n>\d{1,3})(?=[\s\p{P}\p{Han}]|$)(?![\d/])"
)
# A year with a marker glued to it: `2015–20303 can` is 2015–2030 and footnote 3.
_YEAR_MARKER = regex.compile(r"(?<![\d/.])(?:19|20)\d\d(?P<n>\d{1,2})(?=[\s\p{P}\p{Han}]|$)")
# What a number counts when a Chinese measure word follows it (`5 个`, `第1771卷`).
_QUANTITY = regex.compile(
    r"\s?[个项名国年届次级种类位倍天周岁份家所件条款段章节批轮期点方月日号卷亿万千百%％]"
)


def strip_markup(text: str) -> str:
    """Text without Markdown and HTML markup; footnote markers are left to `clean`."""
    text = _HEADING.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)  # nested: ***x*** and **x *y* z**
    text = _STRAY_STARS.sub("", text)
    return text


Marker = tuple[int, int, int]  # start, end, footnote number


def candidates(text: str) -> list[Marker]:
    """Digits that may be a bare marker, in order (see _BARE, _YEAR_MARKER)."""
    found = [(m.start("n"), m.end("n"), int(m["n"])) for m in _BARE.finditer(text)]
    found += [(m.start("n"), m.end("n"), int(m["n"])) for m in _YEAR_MARKER.finditer(text)]
    return sorted(c for c in found if c[2] and not looks_like_quantity(text, c[0], c[1]))


def find_markers(text: str, expected: list[int]) -> list[Marker]:
    """Bare-digit footnote markers in text, as (start, end, number).

    `expected` are the footnote numbers not cited yet, in the order the document should
    cite them; a marker is taken only for the next one expected, so `2030`, `Goal 11`
    or a stray `3` are not mistaken for a footnote.
    """
    found: list[Marker] = []
    queue = list(expected)
    for start, end, n in candidates(text):
        if queue and n == queue[0]:
            found.append((start, end, n))
            queue.pop(0)
    return found


def ends_in_marker(line: str) -> bool:
    """Whether a line ends in a number glued to what precedes it, as a marker would be
    (`…战略》，7`, `Development,8`, `2001-20107`)."""
    text = line.rstrip()
    return any(c[1] == len(text) for c in candidates(text))


def choose_markers(texts: list[str], notes: set[int]) -> list[list[Marker]]:
    """The bare-digit footnote markers of a document's paragraphs (texts as `prepare`
    gives them, in reading order), per paragraph.

    A number is a new reference when it continues the references so far (1, 2, 3 ...;
    one or two may be lost) and the document has that footnote, or, where it has not,
    when the sequence supports it (the number before it was a reference, or the next
    one follows later). A number already cited is a reference again where it is glued
    to a word, a closing bracket or a punctuation mark that follows no plain number
    (`Action,1`, but not `5,6`). Markers already marked up (`<sup>`) count in the
    sequence as they stand.
    """
    flat = [(k, c) for k, text in enumerate(texts) for c in _marked_orcandidates(text)]
    last = {c[2]: i for i, (_, c) in enumerate(flat)}  # where each number occurs last
    out: list[list[Marker]] = [[] for _ in texts]
    cited: set[int] = set()
    nxt = min(notes) if notes else 1
    for i, (k, (start, end, n)) in enumerate(flat):
        if start < 0:  # marked up
            cited.add(n)
            nxt = max(nxt, n + 1)
            continue
        supported = n in notes or n - 1 in cited or last.get(n + 1, -1) > i
        if (nxt <= n <= nxt + 2 and supported) or (n in cited and _glued(texts[k], start)):
            out[k].append((start, end, n))
            cited.add(n)
            nxt = max(nxt, n + 1)
    return out


def _marked_orcandidates(text: str) -> list[Marker]:
    """Candidates of a text, and its marked-up markers as (-1, -1, n), in order."""
    marked = [(m.start(), -1, -1, int(m[1])) for m in _TOKEN.finditer(text)]
    bare = [(c[0], *c) for c in candidates(_TOKEN.sub(lambda m: "\x02" * len(m[0]), text))]
    return [c[1:] for c in sorted(marked + bare)]


_PUNCT = regex.compile(r"\p{P}")
_YEAR_END = regex.compile(r"(?<!\d)(?:19|20)\d\d$")


def _glued(text: str, start: int) -> bool:
    """A cited number stands as a marker again: glued to a letter, bracket or quote, or to
    a punctuation mark that does not follow a plain number (a year may: `2000,9`)."""
    before = text[:start]
    if not before or before[-1].isdigit():
        return False
    if not _PUNCT.match(before[-1]) or before[-1] in ")）]】》”’\"'":
        return True
    return not before[:-1][-1:].isdigit() or bool(_YEAR_END.search(before[:-1]))


def looks_like_quantity(text: str, start: int, end: int) -> bool:
    """Digits that are a count, not a marker (`第1771卷`, `5 个`)."""
    before = text[start - 1] if start else ""
    return bool(_QUANTITY.match(text, end)) or before == "第"


def prepare(raw: str) -> str:
    """A paragraph's raw text with markup removed and marked-up footnote references as
    tokens: the text `choose_markers` and `clean` read markers in."""
    text = SUP.sub(lambda m: f"\x02{m[1] or m[2]}\x03", raw)
    text = _HTML_TAG.sub("", text)
    return strip_markup(text)


def clean(
    raw: str, lang: Lang, expected: list[int], markers: list[Marker] | None = None
) -> tuple[str, tuple[int, ...]]:
    """The clean text of a paragraph and the footnote numbers it cites, in order.

    Marked-up markers (`<sup>1</sup>`, `[^1]`) are always taken; bare digits are those of
    `markers` (positions in `prepare(raw)`, see `choose_markers`), or, without them, those
    for the footnotes in `expected` (see `find_markers`).
    """
    text = prepare(raw)
    if markers is None:
        marked = {int(n) for n in _TOKEN.findall(text)}
        waiting = [n for n in expected if n not in marked]
        markers = find_markers(text, waiting) if waiting else []
    for start, end, n in reversed(markers):
        text = f"{text[:start]}\x02{n}\x03{text[end:]}"
    cited = tuple(dict.fromkeys(int(n) for n in _TOKEN.findall(text)))
    text = _TOKEN.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    if lang is Lang.ZH:
        text = _CJK_GAP.sub("", text)
    return text, cited
