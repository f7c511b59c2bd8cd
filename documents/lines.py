"""A file as lines: page breaks, page furniture, footnote rules, and its layout.

A file is read in one of three layouts, told apart by its content:

- `markdown`: paragraphs separated by blank lines (Markdown converted from PDF, or PDF
  text that kept blank lines); lines inside a paragraph are joined unless the next line
  starts a unit of its own (a number, heading, note, closing date).
- `wrapped`: PDF text with no blank lines, every paragraph wrapped at the page width;
  a line break ends a paragraph where the next line's first word would have fitted on
  the line (so the line was not full), or where the next line starts a unit.
- `lines`: one paragraph a line.

Page furniture (job numbers, page numbers, barcodes, running headers repeated at page
breaks) is dropped and remembered as a page break.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from itertools import pairwise

import regex

from unterm.documents import patterns as pt
from unterm.lang.languages import Lang
from unterm.lang.symbols import symbol_line
from unterm.lang.text import nfkc, width


class Layout(str, Enum):
    MARKDOWN = "markdown"
    WRAPPED = "wrapped"
    LINES = "lines"


class LineKind(str, Enum):
    TEXT = "text"
    BLANK = "blank"
    PAGE = "page"  # a form feed, or furniture standing for a page break
    RULE = "rule"  # the rule above a page's footnotes


@dataclass(slots=True)
class Line:
    no: int  # 1-based line number in the file
    text: str
    kind: LineKind = LineKind.TEXT


@dataclass(slots=True)
class Para:
    """Lines grouped into one paragraph, before it is classified."""

    lines: list[Line]
    page_before: bool = False  # a page break lies between this and the previous paragraph
    blank_before: bool = False
    footnote: int | None = None  # its number, when the paragraph is a footnote
    joined_from: list[int] = field(default_factory=list)
    heading: bool = False  # set as a heading (bold, larger or centred: a PDF's page shows it)

    def raw(self, lang: Lang) -> str:
        """The paragraph's raw text, lines joined as the language joins them."""
        out = ""
        for line in self.lines:
            text = line.text.strip()
            if not out:
                out = text
            elif lang is Lang.EN and _is_hyphen_break(out, text):
                out = out + HYPHEN_BREAK + text  # resolved with the document's words (documents.hyphens)
            elif lang is Lang.ZH and _is_mixed_break(out, text):
                out = out + SPACE_BREAK + text  # resolved as the document spaces digits (spacing_style)
            elif _joins_without_space(out, text, lang):
                out = out + text
            else:
                out = out + " " + text
        return out

    @property
    def span(self) -> tuple[int, int]:
        return self.lines[0].no, self.lines[-1].no


def _joins_without_space(before: str, after: str, lang: Lang) -> bool:
    """Chinese lines join with no space; English lines where one ends in a hyphen inside
    a word (see also HYPHEN_BREAK)."""
    if lang is Lang.ZH:
        return _ends_cjk(before) or _starts_cjk(after)
    # a hyphen at a line end inside a word or name: `UN-` / `Habitat`, `2015-` / `2030`
    return bool(regex.search(r"[\p{L}\d]-$", before)) and bool(regex.match(r"[\p{L}\d]", after))


def _ends_cjk(text: str) -> bool:
    return bool(regex.search(r"[\p{Han}\p{Ps}\p{Pe}\p{Po}]$", text)) and not text[-1].isascii()


def _starts_cjk(text: str) -> bool:
    return bool(text) and not text[0].isascii() and bool(regex.match(r"[\p{Han}\p{P}]", text))


# marks a hyphen at a line end between two letters: a word broken by hyphenation
# (`Secre-` / `tary`) or a hyphenated word broken at its hyphen (`multi-` / `stakeholder`)
HYPHEN_BREAK = "\u00ad"


# marks a Chinese line break between a Chinese character and a digit or Latin letter
# (`委员会` / `2021 年`): a line end swallows the space a document may put there
SPACE_BREAK = "\u200b"
_HAN_ASCII = regex.compile(r"\p{Han}[ ]?[A-Za-z0-9]|[A-Za-z0-9][ ]?\p{Han}")


def _is_mixed_break(before: str, after: str) -> bool:
    return bool(_HAN_ASCII.fullmatch(before[-1:] + after[:1]))


def spacing_style(raws: list[str]) -> str:
    """How a Chinese document writes a digit or Latin letter next to a Chinese character:
    with a space (`2022 年`) or without (`2022年`), by the most of its own instances."""
    spaced = sum(1 for m in _HAN_ASCII.finditer("\n".join(raws)) if " " in m[0])
    tight = sum(1 for m in _HAN_ASCII.finditer("\n".join(raws)) if " " not in m[0])
    return " " if spaced > tight else ""


def _is_hyphen_break(before: str, after: str) -> bool:
    """A line ending in a hyphen after a word, the next starting in lower case: a word
    broken there, by hyphenation or at its own hyphen (`UN-` before `Habitat` is not)."""
    word = regex.search(r"(?<![\p{L}\d-])(\p{L}+)-$", before)
    return word is not None and not word[1].isupper() and after[:1].islower()


def split_lines(text: str) -> list[Line]:
    """The file's lines, with form feeds as page breaks and rules marked, and a wiki's
    `[编辑]`/`[edit]` links left out."""
    lines: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        parts = pt.WIKI_EDIT.sub("", raw).split("\f")
        for i, part in enumerate(parts):
            if i:
                lines.append(Line(no, "", LineKind.PAGE))
            if not part.strip():
                if i == 0 or part:
                    lines.append(Line(no, "", LineKind.BLANK))
            elif pt.RULE.match(part):
                lines.append(Line(no, part, LineKind.RULE))
            else:
                lines.append(Line(no, part.rstrip()))
    return _setext_headings(lines)


_SETEXT = regex.compile(r"^ {0,3}(?:-{2,}|={2,})\s*$")


def _setext_headings(lines: list[Line]) -> list[Line]:
    """Markdown's setext headings (`Article 3` over `---------`) as `#`/`##` headings: an
    underline of `=` or `-` right under a short line, with a blank line or the end of the
    file after it. The rule above a page's footnotes is followed by the first note, so
    it is never taken for one."""
    for k in range(1, len(lines)):
        line, above = lines[k], lines[k - 1]
        after = lines[k + 1] if k + 1 < len(lines) else None
        if (
            line.kind in (LineKind.TEXT, LineKind.RULE)
            and _SETEXT.match(line.text)
            and above.kind is LineKind.TEXT
            and width(above.text.strip()) <= 80
            and not pt.MD_HEADING.match(above.text)
            and (after is None or after.kind is LineKind.BLANK)
        ):
            level = "#" if "=" in line.text else "##"
            above.text = f"{level} {above.text.strip()}"
            lines[k] = Line(line.no, "", LineKind.BLANK)
    return lines


def _shape(text: str) -> str:
    return regex.sub(r"\d+", "#", text.strip())


def drop_furniture(lines: list[Line]) -> list[Line]:
    """Lines with page furniture replaced by page breaks.

    Furniture is a line of a known shape (job number, page number, barcode, a symbol
    standing alone: `A/77/310.` with its full stop is a footnote's text), or a running header or footer: a short line whose shape (digits
    aside) stands among the first or last two lines of half the pages or more.
    """
    pages = _pages(lines)
    edge: Counter[str] = Counter()
    for page in pages:
        texts = [k for k in page if lines[k].kind is LineKind.TEXT]
        edge.update({_shape(lines[k].text) for k in texts[:2] + texts[-2:] if width(lines[k].text) <= 120})
    running = {shape for shape, n in edge.items() if len(pages) >= 3 and n >= max(2, len(pages) / 2)}
    out: list[Line] = []
    masthead = _masthead(lines)
    for k, ln in enumerate(lines):
        if k in masthead:
            continue
        if ln.kind is LineKind.TEXT:
            text = nfkc(ln.text)
            if (
                any(p.match(text) for p in pt.FURNITURE)
                or (symbol_line(text.strip())[0] and not text.rstrip().endswith("."))
                or _shape(ln.text) in running
            ):
                if not out or out[-1].kind is not LineKind.PAGE:
                    out.append(Line(ln.no, "", LineKind.PAGE))
                continue
        out.append(ln)
    return out


def _pages(lines: list[Line]) -> list[list[int]]:
    """Line indices page by page, where the file has form feeds."""
    pages: list[list[int]] = [[]]
    for k, ln in enumerate(lines):
        if ln.kind is LineKind.PAGE:
            pages.append([])
        else:
            pages[-1].append(k)
    return [p for p in pages if p] if len(pages) > 1 else []


def _masthead(lines: list[Line]) -> set[int]:
    """Indices of the first page's masthead lines: `United Nations A/RES/77/173`, the
    organ, `Distr.: General`, the distribution date, `Original: English`. Only where
    the file opens with a masthead (a `Distr.` line or a symbol line at its top)."""
    top = [k for k, ln in enumerate(lines) if ln.kind is LineKind.TEXT][:8]
    found: set[int] = set()
    has_distr = False
    for k in top:
        text = nfkc(lines[k].text).strip()
        if any(p.match(text) for p in pt.MASTHEAD):
            found.add(k)
            has_distr = has_distr or "Distr" in text
        elif has_distr and (pt.EN_DATE_LINE.match(text) or pt.ZH_DATE_LINE.match(text)):
            found.add(k)  # the distribution date under `Distr.: General`
    return found if has_distr or any(k in found for k in top[:2]) else set()


def choose_layout(lines: list[Line], markdown_hint: bool) -> tuple[Layout, float]:
    """The layout of a file and its page width in display columns.

    Markdown when the file is .md or blank lines separate its paragraphs. Wrapped when
    lines cluster at one width and many of them stop there mid-sentence (a line of a
    one-paragraph-a-line file stops where its paragraph does: at punctuation). Lines
    otherwise.
    """
    text_lines = [ln for ln in lines if ln.kind is LineKind.TEXT]
    if not text_lines:
        return Layout.LINES, 0.0
    widths = sorted(width(ln.text.strip()) for ln in text_lines)
    page = widths[min(len(widths) - 1, int(len(widths) * 0.9))]
    gaps = sum(1 for a, b in pairwise(lines) if a.kind is LineKind.BLANK and b.kind is LineKind.TEXT)
    cut = sum(
        1
        for ln in text_lines
        if 0.8 * page <= width(ln.text.strip()) <= 1.1 * page and not pt.terminated(ln.text)
    )
    wrapped = len(text_lines) >= 4 and page <= 240 and cut >= max(2, 0.15 * len(text_lines))
    if markdown_hint or (gaps >= 0.25 * len(text_lines) and not (wrapped and gaps < 0.6 * len(text_lines))):
        return Layout.MARKDOWN, float(page)
    return (Layout.WRAPPED if wrapped else Layout.LINES), float(page)


def first_line_width(lines: list[Line], page: float, lang: Lang) -> float:
    """The width a paragraph's first line runs to in wrapped text: less than the page's
    where the document indents first lines, as UN documents do (by about a tenth of an
    English line). Measured on the lines that open a paragraph (a number, a preambular or
    operative verb) and go on to the next line; the page width where there are fewer
    than five."""
    widths = [
        width(a.text.strip())
        for a, b in pairwise(lines)
        if a.kind is LineKind.TEXT
        and b.kind is LineKind.TEXT
        and _opens(a.text, lang)
        and not _opens(b.text, lang)
        and not pt.terminated(a.text)
    ]
    if len(widths) < 5:
        return page
    return min(page, float(sorted(widths)[int(len(widths) * 0.9)]))


def _opens(text: str, lang: Lang) -> bool:
    return pt.starts_unit(text) or pt.opens_paragraph(text, lang)


def _first_token(text: str) -> str:
    """What a typesetter keeps together at the start of a line: a Chinese character, a
    word, or a number with the word after it (`14 April`, `5 million`: UN editors set a
    non-breaking space there)."""
    text = text.strip()
    if text and not text[0].isascii():
        return text[0]
    m = regex.match(r"\d[\d,.]*\s\p{L}+|\S+", text)
    return m[0] if m else ""


def line_is_full(line: str, following: str, page: float) -> bool:
    """Whether a wrapped line ran to the page width: the next line's first word would not
    have fitted on it (with room for a proportional font's wider lines)."""
    used = width(line.strip())
    token = _first_token(following)
    gap = 0 if token and not token.isascii() else 1
    return used + gap + width(token) > 0.93 * page or used >= 0.88 * page
