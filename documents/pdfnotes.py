"""A PDF's footnotes, read from the page foot (the lines documents.pdfpages marks as
notes), and the raised markers that cite them in the text.

A note opens with its raised number (in the typewriter era, a number on the line: `1/`,
`2`); a note the page break cut runs on at the top of the next page's notes. A raised
number in the text is a marker where the document has that note; else it is an exponent
(`km²`) or a plain number.
"""

from __future__ import annotations

import regex

from unterm.documents.lines import Line, Para
from unterm.documents.pdflines import Line as Printed
from unterm.documents.pdfpages import Role, Sorted

SUP = regex.compile(r"<sup>(\d+)</sup>")
_NOTE_LINE = regex.compile(r"^(?P<n>\d{1,3})(?:/|\s)\s*\S")
_EXPONENT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

Note = tuple[int, list[tuple[int, Printed]]]  # its number, and its printed lines with their places


def markers(text: str, numbers: set[int]) -> str:
    """Raised numbers kept as footnote markers where the document has that note; others
    are exponents (`km²`) or a plain number."""

    def one(m: regex.Match[str]) -> str:
        n = int(m[1])
        if n in numbers:
            return m[0]
        return m[1].translate(_EXPONENT) if n in (2, 3) else m[1]

    if "<sup>" not in text:
        return text
    return SUP.sub(one, regex.sub(r"\s+(?=<sup>)", "", text))  # a raised number is glued to what it follows


def footnotes(doc: Sorted) -> list[Note]:
    """The footnotes, each with its number and printed lines, in page order; a note's
    text that runs over into the next page's notes joins it."""
    out: list[Note] = []
    # where a page's notes open with raised numbers, a number at a line's start is text
    # (`1/CP.21号决定`); the typewriter era's notes open with a number on the line (`1/`)
    raised = {
        ln.page
        for ln, role in zip(doc.lines, doc.roles, strict=True)
        if role is Role.NOTE and ln.note is not None
    }
    for k, (ln, role) in enumerate(zip(doc.lines, doc.roles, strict=True)):
        if role is not Role.NOTE:
            continue
        number = ln.note
        if number is None and ln.page not in raised and (m := _NOTE_LINE.match(ln.text)):
            number = int(m["n"])
        if number is not None:
            out.append((number, [(k, ln)]))
        elif out:
            out[-1][1].append((k, ln))
    return out


def note_para(number: int, lines: list[tuple[int, Printed]]) -> Para:
    first, *rest = lines
    text = _NOTE_LINE.sub(lambda m: m[0][len(m["n"]) :].lstrip("/ "), first[1].text, count=1)
    if first[1].note is not None:
        text = first[1].text
    out = [Line(first[0] + 1, f"<sup>{number}</sup> {text}")]
    out += [Line(k + 1, ln.text) for k, ln in rest]
    return Para(out, page_before=True, footnote=number)
