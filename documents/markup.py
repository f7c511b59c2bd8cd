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
# punctuation mark, and before a space, punctuation or the end. Not after / - . (symbols,
# COVID-19, Add.1), not inside a longer number.
_BARE = regex.compile(
    r"(?<=[\p{L}\p{Pe}\p{Pf}”’\"'»》〉」』】）,，;；:：])(?P<n>\d{1,3})(?=[\s\p{P}]|$)(?![\d/])"
)
# A year with a marker glued to it: `2015–20303 can` is 2015–2030 and footnote 3.
_YEAR_MARKER = regex.compile(r"(?<![\d/.])(?:19|20)\d\d(?P<n>\d{1,2})(?=[\s\p{P}]|$)")


def strip_markup(text: str) -> str:
    """Text without Markdown and HTML markup; footnote markers are left to `clean`."""
    text = _HEADING.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)  # nested: ***x*** and **x *y* z**
    text = _STRAY_STARS.sub("", text)
    return text


def find_markers(text: str, expected: list[int]) -> list[tuple[int, int, int]]:
    """Bare-digit footnote markers in text, as (start, end, number).

    `expected` are the footnote numbers not cited yet, in the order the document should
    cite them; a marker is taken only for the next one expected, so `2030`, `Goal 11`
    or a stray `3` are not mistaken for a footnote.
    """
    candidates = sorted(
        [(m.start("n"), m.end("n"), int(m["n"])) for m in _BARE.finditer(text)]
        + [(m.start("n"), m.end("n"), int(m["n"])) for m in _YEAR_MARKER.finditer(text)]
    )
    found: list[tuple[int, int, int]] = []
    queue = list(expected)
    for start, end, n in candidates:
        if queue and n == queue[0] and not _looks_like_quantity(text, start, end):
            found.append((start, end, n))
            queue.pop(0)
    return found


def _looks_like_quantity(text: str, start: int, end: int) -> bool:
    """Digits that are a count, not a marker (`第1771卷`, `5 个`)."""
    after = text[end : end + 2]
    before = text[start - 1] if start else ""
    if regex.match(r"\s?(?:年|月|日|号|次|届|个|项|卷|段|条|款|%|％)", after):
        return True
    return before == "第"


def clean(raw: str, lang: Lang, expected: list[int]) -> tuple[str, tuple[int, ...]]:
    """The clean text of a paragraph and the footnote numbers it cites, in order.

    Marked-up markers (`<sup>1</sup>`, `[^1]`) are always taken; bare digits only for the
    footnotes in `expected` (see `find_markers`).
    """
    text = SUP.sub(lambda m: f"\x02{m[1] or m[2]}\x03", raw)
    text = _HTML_TAG.sub("", text)
    text = strip_markup(text)
    marked = {int(n) for n in _TOKEN.findall(text)}
    waiting = [n for n in expected if n not in marked]
    if waiting:
        for start, end, n in reversed(find_markers(text, waiting)):
            text = f"{text[:start]}\x02{n}\x03{text[end:]}"
    cited = tuple(dict.fromkeys(int(n) for n in _TOKEN.findall(text)))
    text = _TOKEN.sub("", text)
    text = _SPACES.sub(" ", text).strip()
    if lang is Lang.ZH:
        text = _CJK_GAP.sub("", text)
    return text, cited
