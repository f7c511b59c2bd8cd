"""Where a paragraph ends in a PDF, told from the page: first-line indents, vertical
gaps, labels set apart (`1.`, `(a)`), changes of size or style, and lines that stop
short of the margin although the next word would have fitted; across a page or column
break a paragraph runs on where the next line is not indented and the last one ran to
the margin or did not end like a paragraph.

Headings (bold, larger or centred lines) are one paragraph however many lines they
take; a table row (a line parted into cells, among others) is a paragraph of its own,
its cells joined by ` | `; a signature block (`(Signed) ...`, the title under it) is one.
The footnotes (documents.pdfnotes) come after the paragraph a page's last body line
belongs to.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

import regex

from unterm.documents.lines import Line, Para
from unterm.documents.pdflines import Line as Printed
from unterm.documents.pdfnotes import SUP, footnotes, markers, note_para
from unterm.documents.pdfpages import Role, Sorted

_LABEL_TEXT = regex.compile(
    r"^(?:[(（]?[a-z]{1,2}[)）]|[(（]?[ivxlc]{1,6}[)）]|[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*[.．]?|[IVXLC]{1,7}\.|"
    r"[A-Z]\.|[•▪●◦–—-]|[(（][0-9０-９]{1,3}[)）]|[\p{Han}]{1,3}、)\s"
)
_NUMBER = regex.compile(r"^(\d{1,3})\.\s+[\p{Lu}\p{Han}“\"(]")
_SIGNED = regex.compile(r"^\(\s*Signed\s*\)|（签名）|\(签名\)")
_STAR = regex.compile(r"(?<=[\p{L}\p{N}\p{Pe}”’\"'])\*+(?=[\s,.;:)]|$)")


@dataclass(frozen=True, slots=True)
class _Flow:
    """The margins of one page's column: where its lines start and end."""

    left: float
    right: float


@dataclass(slots=True)
class _Open:
    """The paragraph being read: its printed lines."""

    lines: list[tuple[int, Printed]]
    kind: str = ""  # heading, row, signature, or "" for running text


def paragraphs(doc: Sorted) -> list[Para]:
    """The body's paragraphs and the footnotes, in reading order (each page's notes after
    the paragraph its last body line belongs to)."""
    body = [(k, ln) for k, (ln, r) in enumerate(zip(doc.lines, doc.roles, strict=True)) if r is Role.BODY]
    if not body:
        return []
    size = _body_size([ln for _, ln in body])
    flows = _flows(body, size)
    leading = _leading(body, size)
    # a short line ends its paragraph unless the document spaces its paragraphs and
    # sets them ragged (a typewriter's: an editor keeps `6 November` together)
    ragged = _spaced(body, size, leading) and not _justified(body, size, flows)
    notes = footnotes(doc)
    numbers = {n for n, _ in notes}
    paras: list[_Open] = []
    number = 0  # the last paragraph number read
    for place, (k, line) in enumerate(body):
        current = paras[-1] if paras else None
        kind = _kind_of(line, size, flows[(line.page, line.column)], body, place)
        nxt = body[place + 1][1] if place + 1 < len(body) else None
        m = _NUMBER.match(line.text)
        # the next paragraph number opens a paragraph even with no tab after it (`113. As`);
        # another number at a line's start is the end of a sentence (`the age of` / `17. Violations`)
        numbered = (
            m is not None
            and int(m[1]) == number + 1
            and line.x0 < flows[(line.page, line.column)].left + 3 * size
        )
        if current is None or numbered or _starts(current, line, nxt, kind, flows, leading, size, ragged):
            paras.append(_Open([(k, line)], kind))
        else:
            current.lines.append((k, line))
        if m is not None and paras[-1].lines[0][1] is line:
            number = int(m[1])
    out: list[Para] = []
    pending = sorted(notes, key=lambda n: n[1][0][1].page)
    for p in paras:
        page = p.lines[0][1].page
        while pending and pending[0][1][0][1].page < page:
            out.append(note_para(*pending.pop(0)))
        out.append(_para(p, numbers))
    out += [note_para(*n) for n in pending]
    return out


def _body_size(lines: list[Printed]) -> float:
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0]


def _flows(body: list[tuple[int, Printed]], size: float) -> dict[tuple[int, int], _Flow]:
    """Each page column's margins: the left where most of its body-size lines start, the
    right where the longest of them end. Where a page has few such lines, those of the
    pages on its side of the spread (odd or even: their margins differ), or of all the
    pages in that column; else its own lines, as far as the longest runs."""
    by_flow: dict[tuple[int, int], list[Printed]] = defaultdict(list)
    singles: dict[tuple[int, int], list[Printed]] = defaultdict(list)
    for _, ln in body:
        if len(ln.cells) == 1:
            singles[(ln.page, ln.column)].append(ln)
            if abs(ln.size - size) < 0.6:
                by_flow[(ln.page, ln.column)].append(ln)
    pooled: dict[tuple[int, int] | int, list[Printed]] = defaultdict(list)
    for (page, column), lines in by_flow.items():
        pooled[(page % 2, column)] += lines
        pooled[column] += lines
    out: dict[tuple[int, int], _Flow] = {}
    for _, ln in body:
        key = (ln.page, ln.column)
        if key in out:
            continue
        for lines in (
            by_flow.get(key, []),
            pooled.get((ln.page % 2, ln.column), []),
            pooled.get(ln.column, []),
        ):
            if len(lines) >= 8:
                out[key] = _margins(lines)
                break
        else:
            own = singles[key] or [ln]
            out[key] = _Flow(
                float(Counter(round(x.x0) for x in own).most_common(1)[0][0]), max(x.x1 for x in own)
            )
    return out


def _margins(lines: list[Printed]) -> _Flow:
    lefts = Counter(round(ln.x0) for ln in lines)
    left = float(lefts.most_common(1)[0][0])
    rights = sorted(ln.x1 for ln in lines)
    return _Flow(left, rights[int(0.9 * (len(rights) - 1))])


def _leading(body: list[tuple[int, Printed]], size: float) -> float:
    """The distance between two baselines in running text."""
    gaps: Counter[float] = Counter()
    for (_, a), (_, b) in pairwise(body):
        if (
            a.page == b.page
            and a.column == b.column
            and abs(a.size - size) < 0.6
            and abs(b.size - size) < 0.6
        ):
            gaps[round(b.base - a.base, 1)] += 1
    # the commonest gap a line's height apart (paragraphs of a line or two each make the
    # gap between paragraphs the commonest of all)
    lines = [g for g, _ in gaps.most_common() if 0.9 * size <= g <= 1.6 * size]
    positive = [g for g, _ in gaps.most_common() if g > 0.5 * size]
    return lines[0] if lines else positive[0] if positive else 1.2 * size


def _centred(line: Printed, flow: _Flow, size: float) -> bool:
    middle = (flow.left + flow.right) / 2
    inside = line.x0 > flow.left + 4 * size and line.x1 < flow.right - 4 * size
    return inside and abs((line.x0 + line.x1) / 2 - middle) < 1.5 * size


def _symmetric(line: Printed, flow: _Flow, size: float) -> bool:
    """A line set in from both margins by as much: the first of a centred heading."""
    left, right = line.x0 - flow.left, flow.right - line.x1
    return left > 0.5 * size and abs(left - right) < size


def _kind_of(line: Printed, size: float, flow: _Flow, body: list[tuple[int, Printed]], place: int) -> str:
    if _SIGNED.search(line.text):
        return "signature"
    if _is_row(line, body, place):
        return "row"
    if (
        line.bold
        or line.size > size + 0.6
        or (_centred(line, flow, size) and not line.text.endswith((".", "。")))
    ):
        return "heading"
    return ""


def _is_row(line: Printed, body: list[tuple[int, Printed]], place: int) -> bool:
    """A table row: a line parted into three cells or more, or into two where the line
    before or after it is parted too."""
    if len(line.cells) >= 3:
        return True
    if len(line.cells) < 2:
        return False
    near = [body[i][1] for i in (place - 1, place + 1) if 0 <= i < len(body)]
    return any(len(n.cells) >= 2 and n.page == line.page for n in near)


def _labelled(line: Printed, size: float) -> bool:
    """A line that opens with a label set apart from its text (`1.`, `(a)`, `II.`)."""
    return line.text_x > line.x0 + 0.5 * size and bool(_LABEL_TEXT.match(line.text))


def _style(line: Printed) -> tuple[bool, bool, int]:
    return line.bold, line.italic, round(line.size * 2)


def _justified(body: list[tuple[int, Printed]], size: float, flows: dict[tuple[int, int], _Flow]) -> bool:
    """Whether most body lines run to the right margin: the text is justified."""
    lines = [ln for _, ln in body if abs(ln.size - size) < 0.6 and len(ln.cells) == 1]
    full = sum(1 for ln in lines if ln.x1 >= flows[(ln.page, ln.column)].right - 0.5 * size)
    return full >= 0.5 * len(lines)


def _spaced(body: list[tuple[int, Printed]], size: float, leading: float) -> bool:
    """Whether the document sets space between its paragraphs: most lines that open one
    by their form (a label, a first-line indent) stand further below the line before
    them than the lines of a paragraph do."""
    opening = spaced = 0
    for (_, a), (_, b) in pairwise(body):
        if a.page != b.page or a.column != b.column or abs(b.size - size) > 0.6 or abs(a.size - size) > 0.6:
            continue
        if _labelled(b, size) or b.x0 > a.x0 + 0.8 * size:
            opening += 1
            spaced += b.base - a.base > 1.25 * leading
    return opening >= 3 and spaced >= 0.8 * opening


def _starts(
    p: _Open,
    line: Printed,
    nxt: Printed | None,
    kind: str,
    flows: dict[tuple[int, int], _Flow],
    leading: float,
    size: float,
    ragged: bool,
) -> bool:
    """Whether a line starts a paragraph after the open one. Where the document spaces
    its paragraphs and sets them ragged, a line that stops short of the margin ends
    nothing by itself (an editor keeps `6 November`, `President Aristide` together)."""
    prev = p.lines[-1][1]
    flow = flows[(line.page, line.column)]
    if kind == "row" or p.kind == "row" or _labelled(line, size) or line.sup_lead:
        return True
    if p.kind == "signature":
        same = line.page == prev.page and line.base - prev.base < 1.6 * leading
        return not same or line.x0 < flow.left + 2 * size
    gap = line.base - prev.base
    same_block = (
        line.page == prev.page
        and line.column == prev.column
        and 0 <= gap <= 1.25 * max(leading, 1.1 * line.size)
    )
    centred = _centred(line, flow, size) and (
        _centred(prev, flow, size) or _symmetric(prev, flow, size) or _hangs(p, line, nxt, leading, size)
    )
    if kind == "heading" and centred and _style(line) == _style(prev) and same_block:
        p.kind = "heading"  # a centred heading over two lines (its first may run nearly across)
        return False
    if kind != p.kind and not (p.kind == "heading" and kind == "" and _centred(line, flow, size)):
        return True
    if _style(line) != _style(prev):
        return True
    if line.page != prev.page or line.column != prev.column:
        return not _runs_on(prev, line, flows, size)
    if not same_block:
        return True
    if line.x0 > prev.text_x + 0.8 * size:
        # a first-line indent or a deeper item; but not the rest of an unfinished first
        # line set in under it (`REPORT OF THE SPECIAL COMMITTEE TO` / `  INVESTIGATE ...`)
        return not _hangs(p, line, nxt, leading, size)
    if kind == "heading":
        return False  # a heading's lines are ragged: its line breaks end nothing
    if line.x0 < prev.x0 - 0.8 * size and len(p.lines) > 1:
        return True  # back out to the margin after an indented paragraph
    if (
        len(p.lines) > 1
        and p.lines[1][1].x0 > p.lines[0][1].x0 + 0.8 * size
        and abs(line.x0 - prev.x0) < 0.3 * size
    ):
        return False  # a line of a hanging block carries it on
    room = flow.right - prev.x1
    # a paragraph some of whose lines ran on short of the margin is set ragged (a notice)
    ragged = ragged or any(ln.x1 < flow.right - size for _, ln in p.lines[:-1] if ln.page == line.page)
    if ragged and room < 0.4 * (flow.right - flow.left):
        return False  # a ragged line stops where it will: only one less than 60 % full ends for sure
    return room > line.first + 0.5 * size and room > 1.5 * size  # the next word would have fitted


def _hangs(p: _Open, line: Printed, nxt: Printed | None, leading: float, size: float) -> bool:
    """Whether a line set in under a paragraph's only line, which did not end like one,
    carries it on: the next line stands where it does, or the paragraph ends after it."""
    first = p.lines[0][1]
    if (
        len(p.lines) > 1
        or line.x0 - first.x0 > 6 * size
        or regex.search(r"[.:;!?。：；！？][\"'”’)）]*$", first.text)
    ):
        return False
    if nxt is None or nxt.page != line.page or nxt.column != line.column or _style(nxt) != _style(line):
        return True
    return abs(nxt.x0 - line.x0) < 0.3 * size or nxt.base - line.base > 1.25 * leading


def _runs_on(prev: Printed, line: Printed, flows: dict[tuple[int, int], _Flow], size: float) -> bool:
    """Whether a paragraph cut by a page or column break runs on into `line`."""
    flow, before = flows[(line.page, line.column)], flows[(prev.page, prev.column)]
    if line.x0 > flow.left + 0.8 * size:
        return False  # the next page opens with an indented first line
    full = prev.x1 >= before.right - 2.0 * size
    ends = bool(regex.search(r"[.:;!?。：；！？][\"'”’)）]*$", prev.text))
    return full or not ends


def _para(p: _Open, numbers: set[int]) -> Para:
    lines: list[Line] = []
    for k, ln in p.lines:
        text = " | ".join(ln.cells) if p.kind == "row" else ln.text
        lines.append(Line(k + 1, markers(_STAR.sub("", text), numbers)))
    return Para(lines, page_before=True, heading=p.kind == "heading")


@dataclass(frozen=True, slots=True)
class PdfText:
    """A PDF read: its paragraphs, the symbol its masthead prints, and its plain text."""

    paras: tuple[Para, ...]
    symbol: str
    text: str


def pdf_document(data: bytes, path: str) -> PdfText:
    """Read a PDF into paragraphs (see the module docstring); InputError where it cannot
    be (documents.pdf). A PDF whose pages give no sign of where a paragraph starts (no
    indent, no label set apart, no space between paragraphs: text printed line by line)
    is given as its text alone, pages parted by form feeds, for the text rules."""
    from unterm.documents.pdf import pdf_pages
    from unterm.documents.pdflines import page_lines
    from unterm.documents.pdfpages import sort_lines

    pages = pdf_pages(data, path)
    doc = sort_lines([page_lines(p) for p in pages], [p.height for p in pages])
    if _plain(doc):
        by_page: dict[int, list[str]] = defaultdict(list)
        for ln in doc.lines:
            by_page[ln.page].append(SUP.sub(r"\1", ln.text))
        text = "\f".join("\n".join(by_page.get(p.number, [])) for p in pages) + "\n"
        return PdfText((), doc.symbol, text)
    paras = paragraphs(doc)
    text = "\n".join(ln.text for p in paras for ln in p.lines)
    return PdfText(tuple(paras), doc.symbol, text)


def _plain(doc: Sorted) -> bool:
    """Whether the body's lines show no paragraph starts by their place on the page."""
    body = [(k, ln) for k, (ln, r) in enumerate(zip(doc.lines, doc.roles, strict=True)) if r is Role.BODY]
    if len(body) < 10:
        return False
    size = _body_size([ln for _, ln in body])
    flows = _flows(body, size)
    leading = _leading(body, size)
    cues = 0
    for (_, a), (_, b) in pairwise(body):
        if a.page != b.page or a.column != b.column:
            continue
        flow = flows[(b.page, b.column)]
        cues += _labelled(b, size) or b.x0 > flow.left + 0.8 * size or b.base - a.base > 1.25 * leading
    return cues < 0.02 * len(body)
