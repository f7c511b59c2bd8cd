"""Text normalisation, the one place for it: NFKC, display width, whitespace, and the
forms Chinese text is compared in.

- `nfkc`: full-width forms to half-width (`１．` is `1.`, `（a）` is `(a)`), the form every
  pattern is matched in;
- `squeeze`: NFKC with runs of white space as one space;
- `normalise_zh`: NFKC, and no space between a number and the 年/月/日/个 it counts
  (`2030 年` = `2030年`), the form Chinese terms are mined in;
- `zh_key`: NFKC with no space between digits and Chinese either way and no title marks
  around it, the form a Chinese term is looked up in (`《2030年议程》` = `2030 年议程`).
"""

from __future__ import annotations

import unicodedata

import regex

# Han, CJK symbols and punctuation (U+3000-303F), full-width forms (U+FF01-FF5E), and
# the curly quotes, ellipsis and dash Chinese text uses: a regex character-class body.
CJK = r"\p{Han}\u3001-\u303f\uff01-\uff5e“”‘’…—"

_COUNTED_GAP = regex.compile(r"(?<=\d)\s+(?=[年月日个项次届])|(?<=[年月日])\s+(?=\d)")
_DIGIT_GAP = regex.compile(r"(?<=\d)\s+(?=\p{Han})|(?<=\p{Han})\s+(?=\d)")


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width letters, digits and punctuation as their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def squeeze(text: str) -> str:
    """NFKC, with every run of white space one space and none at the ends."""
    return " ".join(nfkc(text).split())


def normalise_zh(text: str) -> str:
    """NFKC, and no space between a number and 年/月/日/个/项/次/届 (`2030 年` = `2030年`)."""
    return _COUNTED_GAP.sub("", nfkc(text))


def zh_key(text: str) -> str:
    """A Chinese text or term as it is looked up: NFKC, no space between digits and
    Chinese, no title marks or spaces around it."""
    return _DIGIT_GAP.sub("", nfkc(text)).strip("《》 ")


def width(text: str) -> int:
    """Display width: a full-width (Chinese) character counts two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
