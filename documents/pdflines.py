"""A PDF page's words as printed lines, in reading order.

- Words on one baseline make a line; a smaller word raised above a line (less than
  three quarters of its size above its baseline) is a superscript of it: a footnote
  marker (`<sup>1</sup>` in the line's text), an ordinal's ending (`4507th`), or a
  table note's letter.
- A page set in two columns (a meeting record) is read column by column: a gutter is an
  upright band no line of text crosses, with justified text on both sides; a line that
  crosses it (a heading over both columns) ends one band of columns and starts the next.
- A line keeps its cells apart where a gap wider than one and a half times its size
  parts them (a table row, a name and its dots and title), and its label (`1.`, `(a)`,
  `II.`) apart from the text after it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

import regex

from unterm.documents.pdf import BOLD, ITALIC, Page, Word

_CELL_GAP = 1.4  # in sizes: a gap this wide parts two cells of a line
_LABEL = regex.compile(
    r"^(?:[(（]?[a-z]{1,2}[)）]|[(（]?[ivxlc]{1,6}[)）]|[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*[.．]?|[IVXLC]{1,7}\.|"
    r"[A-Z]\.|[•▪●◦–—-]|[(（][0-9０-９]{1,3}[)）]|[\p{Han}]{1,3}、|第[\p{Han}\d]{1,4}[条章节])$"
)


_KEPT = regex.compile(r"^(?:\d[\d,.]*|[\p{L}]{1,3}\.|US\$|No\.|para(?:s)?\.|\p{Lu}\.)$")


@dataclass(frozen=True, slots=True)
class Line:
    """A printed line: where it stands, how it is set, and its text."""

    page: int
    column: int  # 0 across the page, 1 the left column, 2 the right one
    x0: float
    x1: float
    base: float
    size: float  # the size most of its characters are set in
    bold: bool  # most of its characters are bold
    italic: bool
    text: str  # its words, footnote markers as <sup>n</sup>
    cells: tuple[str, ...]  # its text cell by cell, where wide gaps part it
    text_x: float  # where its text starts after a label set apart (`1.`, `(a)`), else x0
    first: float  # the width of its first word, to tell whether it would have fitted above
    note: int | None  # the number of the superscript it opens with (a footnote's), if any
    sup_lead: str  # a superscript it opens with that is not a number (`*`, `a`)


def page_lines(page: Page) -> list[Line]:
    """The printed lines of a page in reading order (see the module docstring)."""
    words = list(page.words)
    if not words:
        return []
    gutter = _gutter(words, page.width)
    if gutter is None:
        return [_line(page.number, 0, g) for g in _rows(words)]
    out: list[Line] = []
    for column, band in _bands(words, gutter):
        if column == 0:
            out += [_line(page.number, 0, g) for g in _rows(band)]
        else:
            left = [w for w in band if w.x1 <= gutter]
            right = [w for w in band if w.x0 >= gutter]
            out += [_line(page.number, 1, g) for g in _rows(left)]
            out += [_line(page.number, 2, g) for g in _rows(right)]
    return out


def _baseline_groups(words: list[Word]) -> list[list[Word]]:
    """Words grouped by baseline, top to bottom."""
    groups: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.base, w.x0)):
        if groups:
            g = groups[-1]
            ref = min(v.size for v in g)
            if abs(w.base - g[0].base) <= 0.2 * min(ref, w.size):
                g.append(w)
                continue
        groups.append([w])
    return groups


def _main_size(words: list[Word]) -> float:
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(w.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0]


def _rows(words: list[Word]) -> list[list[tuple[Word, bool]]]:
    """Lines of words (x order), each word with whether it is a superscript."""
    groups = _baseline_groups(words)
    sizes = [_main_size(g) for g in groups]
    rows: list[list[tuple[Word, bool]]] = [[(w, False) for w in g] for g in groups]
    merged: set[int] = set()
    for k, g in enumerate(groups):
        # a group of smaller words just above the next line's baseline is its superscripts
        if k + 1 >= len(groups):
            continue
        below, size = groups[k + 1], sizes[k + 1]
        rise = below[0].base - g[0].base
        small = sizes[k] < 0.85 * size or all(len(w.text) <= 3 for w in g)  # or short and raised: `a`, `1`
        if small and 0.1 * size < rise < 0.75 * size and _overlaps(g, below, size):
            rows[k + 1] += [(w, True) for w in g]
            merged.add(k)
    out = []
    for k, row in enumerate(rows):
        if k in merged:
            continue
        row.sort(key=lambda ws: ws[0].x0)
        out.append(_deduplicated(row))
    return out


def _overlaps(sup: list[Word], line: list[Word], size: float) -> bool:
    lo, hi = min(w.x0 for w in line), max(w.x1 for w in line)
    return all(lo - 2 * size <= w.x0 and w.x1 <= hi + 2 * size for w in sup)


def _deduplicated(row: list[tuple[Word, bool]]) -> list[tuple[Word, bool]]:
    """A row without words printed twice over themselves (a typewriter's bold)."""
    out: list[tuple[Word, bool]] = []
    for w, sup in row:
        if out:
            p = out[-1][0]
            overlap = min(p.x1, w.x1) - max(p.x0, w.x0)
            if p.text == w.text and overlap > 0.7 * (w.x1 - w.x0):
                continue
        out.append((w, sup))
    return out


_LEADER = regex.compile(r"^(?:\.{1,3}|…{1,2}|·{1,3})$")


def _leaders(row: list[tuple[Word, bool]]) -> tuple[list[tuple[Word, bool]], set[int]]:
    """A row without its dot leaders (`Bulgaria . . . . . Mr. Katzarski`, `……`), and
    where they stood: the places where a new cell starts."""
    out: list[tuple[Word, bool]] = []
    starts: set[int] = set()
    k = 0
    while k < len(row):
        j = k
        while j < len(row) and _LEADER.match(row[j][0].text):
            j += 1
        if j - k >= 2 or (j > k and len("".join(w.text for w, _ in row[k:j])) >= 4):
            starts.add(len(out))
            k = j
            continue
        out.append(row[k])
        k += 1
    return out or row, starts


def _line(page: int, column: int, row: list[tuple[Word, bool]]) -> Line:
    row, leader_cells = _leaders(row)
    body = [w for w, sup in row if not sup] or [w for w, _ in row]
    size = _main_size(body)
    chars = sum(len(w.text) for w in body)
    # a line is bold or italic when (nearly) all of it is: a title in italics inside a
    # line (`Welcoming the Comprehensive Plan ...`) makes no heading of it
    bold = sum(len(w.text) for w in body if w.style & BOLD) >= 0.9 * chars
    italic = sum(len(w.text) for w in body if w.style & ITALIC) >= 0.9 * chars
    cells: list[list[str]] = [[]]
    pieces: list[str] = []
    note: int | None = None
    sup_lead = ""
    prev: Word | None = None
    parted = _parted(row, size)
    for k, (w, sup) in enumerate(row):
        after_label = k == 1 and _LABEL.match(row[0][0].text) is not None  # `1.` and its text: one cell
        if prev is not None and (
            (parted and w.x0 - prev.x1 > _CELL_GAP * size and not after_label) or k in leader_cells
        ):
            cells.append([])
        text = w.text
        if sup and k == 0 and text.isdigit():
            note = int(text)
            prev = w
            continue
        if sup and k == 0:
            sup_lead = text
        if sup and text.isdigit():
            text = f"<sup>{int(text)}</sup>"
        gap = " " if pieces and (w.space or (prev is not None and w.x0 - prev.x1 > 0.22 * size)) else ""
        if sup and text in ("st", "nd", "rd", "th") and pieces and regex.search(r"\d$", pieces[-1]):
            gap = ""  # an ordinal's ending: 4507th
        pieces.append(gap + text)
        cells[-1].append(gap + text if cells[-1] else text)
        prev = w
    words = [w for w, _ in (row[1:] if note is not None else row)] or body
    text_x = words[0].x0
    if len(words) > 1 and _LABEL.match(words[0].text) and words[1].x0 - words[0].x1 > 0.8 * size:
        text_x = words[1].x0
    # what a typesetter keeps on one line with the first word: `6 November`, `Mr. Préval`
    first = words[0].x1 - words[0].x0
    if len(words) > 1 and _KEPT.match(words[0].text):
        first = words[1].x1 - words[0].x0
    return Line(
        page,
        column,
        words[0].x0,
        max(w.x1 for w in words),
        body[0].base,
        size,
        bold,
        italic,
        "".join(pieces).strip(),
        tuple(c for c in ("".join(c).strip() for c in cells) if c),
        text_x,
        first,
        note,
        sup_lead,
    )


def _parted(row: list[tuple[Word, bool]], size: float) -> bool:
    """Whether wide gaps part a row into cells: not where every gap between its words is
    as wide as the others (a justified line of a narrow column, stretched)."""
    gaps = [b.x0 - a.x1 for (a, _), (b, sup) in pairwise(row) if not sup]
    if not any(g > _CELL_GAP * size for g in gaps):
        return False
    mean = sum(gaps) / len(gaps)
    return len(gaps) < 2 or max(gaps) - min(gaps) > 0.15 * mean


def _spans(row: list[Word]) -> list[tuple[float, float]]:
    """A row's runs of text: its words, joined where no more than a space parts them."""
    out: list[tuple[float, float]] = []
    for w in sorted(row, key=lambda w: w.x0):
        if out and w.x0 - out[-1][1] < 1.0 * w.size:
            out[-1] = (out[-1][0], max(out[-1][1], w.x1))
        else:
            out.append((w.x0, w.x1))
    return out


def _crosses(spans: list[tuple[float, float]], x: float) -> bool:
    """Whether a row's text runs across x."""
    return any(a < x < b for a, b in spans)


def _gutter(words: list[Word], width: float) -> float | None:
    """The x of the gutter between two columns of justified text, if the page has one:
    crossed by few of its rows, with rows of running text (four words or more) on both
    sides, most of them running from the column's margin to the gutter."""
    rows = _baseline_groups(words)
    if len(rows) < 6:
        return None
    spans = [_spans(r) for r in rows]
    start, step = int(0.35 * width), 2
    xs = list(range(start, int(0.65 * width), step))
    # for each candidate x: how many rows run across it, how many have text left and right of it
    across, lefts, rights = [0] * (len(xs) + 1), [0] * (len(xs) + 1), [0] * (len(xs) + 1)
    for row in spans:
        for a, b in row:
            first, last = (
                max(0, math.floor((a - start) / step) + 1),
                min(len(xs) - 1, math.ceil((b - start) / step) - 1),
            )
            if first <= last:
                across[first] += 1
                across[last + 1] -= 1
        lefts[max(0, min(len(xs), math.floor((row[0][0] - start) / step) + 1))] += 1  # x > row's start
        rights[max(0, min(len(xs), math.ceil((row[-1][1] - start) / step)))] += 1  # x < row's end
    best: tuple[int, float] | None = None
    crossing = left = 0
    right = len(rows)
    for k, at in enumerate(xs):
        crossing += across[k]
        left += lefts[k]
        right -= rights[k]
        apart = len(rows) - crossing
        # rows with text on one side: at most those apart (a row crossing x has both)
        if min(left, right) - crossing >= 3 and (best is None or apart > best[0]):
            best = (apart, float(at))
    if best is None or best[0] < 0.5 * len(rows):
        return None
    x = best[1]
    rows_apart = [r for r, s in zip(rows, spans, strict=True) if not _crosses(s, x)]
    on_left = [ws for r in rows_apart if (ws := [w for w in r if w.x1 <= x])]
    on_right = [ws for r in rows_apart if (ws := [w for w in r if w.x0 >= x])]
    if not on_left or not on_right:
        return None
    lo = min(w.x0 for ws in on_left for w in ws)
    hi = max(w.x1 for ws in on_right for w in ws)
    return x if _text(on_left, lo, x) and _text(on_right, x, hi) else None


def _text(parts: list[list[Word]], lo: float, hi: float) -> bool:
    """Whether the parts of rows on one side of a gutter are running text: most of them
    of four words or more, running across most of the column."""
    widths = sorted(max(w.x1 for w in ws) - min(w.x0 for w in ws) for ws in parts)
    counts = sorted(len(ws) for ws in parts)
    return widths[len(widths) // 2] >= 0.7 * (hi - lo) and counts[len(counts) // 2] >= 4


def _bands(words: list[Word], gutter: float) -> list[tuple[int, list[Word]]]:
    """The page cut into bands across (0) and bands of two columns (1), top to bottom."""
    out: list[tuple[int, list[Word]]] = []
    for row in _baseline_groups(words):
        column = 0 if _crosses(_spans(row), gutter) else 1
        if out and out[-1][0] == column:
            out[-1][1].extend(row)
        else:
            out.append((column, list(row)))
    return out
