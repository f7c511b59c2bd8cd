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


# --- text as it may be written: XML, worksheets, terminals ---------------------------------
# Characters XML 1.0 does not allow: C0 controls other than tab and line ends, U+FFFE/U+FFFF,
# and the lone surrogates that stand for undecodable bytes in a file name.
_NOT_XML = regex.compile(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
# What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection").
_FORMULA = regex.compile(r"^'*[=+\-@\t\r]")
_UNPRINTABLE = regex.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """Text XML 1.0 (and so TMX, TBX, XLSX, HTML) can hold: an undecodable byte of a file
    name becomes U+FFFD, other characters XML forbids are dropped."""
    return _NOT_XML.sub("", _SURROGATE.sub("\ufffd", text))


def to_cell(text: str) -> str:
    """A spreadsheet cell's text that no spreadsheet evaluates: one that would start a
    formula (=, +, -, @, tab, carriage return) gets a leading apostrophe, as OWASP advises
    for CSV (so does one that already starts with apostrophes before such a character, so
    that `from_cell` gives every text back unchanged)."""
    return "'" + text if _FORMULA.match(text) else text


def from_cell(text: str) -> str:
    """The text `to_cell` was given."""
    return text[1:] if _FORMULA.match(text) and text.startswith("'") else text


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters (an escape sequence in a file
    name) and undecodable bytes written as escapes (`\\x1b`, `\\xff`)."""

    def escape(m: regex.Match[str]) -> str:
        code = ord(m[0])
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\x{code:02x}"

    return _UNPRINTABLE.sub(escape, text)
