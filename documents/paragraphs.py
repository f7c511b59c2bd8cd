"""Where a paragraph ends: decided here, in one place, for every layout.

- Between two consecutive lines (`ends_between`): a line that starts a unit of its own
  (a number, heading, note, closing date) starts a paragraph; in the `lines` layout
  every line is one; in `markdown` blank lines decide; in `wrapped` PDF text a break
  ends a paragraph where the line was not full (the next line's first word would have
  fitted on it), or where a full line ends like a paragraph and the next opens like one.
- Across a page break (`continues`): the halves of a paragraph that a page break cut,
  with the page's footnotes and furniture between them, are one paragraph again.
- Where a footnote starts (`note_starts`).
"""

from __future__ import annotations

from unterm.documents import markup
from unterm.documents import patterns as pt
from unterm.documents.lines import Layout, Line, LineKind, Para, line_is_full
from unterm.documents.lines import first_line_width as ln_first_width
from unterm.lang.languages import Lang
from unterm.lang.text import nfkc, width


def group(lines: list[Line], layout: Layout, page: float, lang: Lang, notes: dict[int, int]) -> list[Para]:
    """Group lines into paragraphs; see the module docstring for the rules.

    `notes` maps the index (in `lines`) of each line that starts a footnote to the
    footnote's number.
    """
    paras: list[Para] = []
    current: list[Line] = []
    note: int | None = None
    page_before = blank_before = False
    pending_page = pending_blank = False

    def flush() -> None:
        nonlocal current, page_before, blank_before
        if current:
            paras.append(Para(current, page_before=page_before, blank_before=blank_before, footnote=note))
        current = []

    following = _next_text(lines)
    first = ln_first_width(lines, page, lang) if layout is Layout.WRAPPED else page
    printed = ""  # the printed line the last line belongs to (see split_at_marker)
    opening = True  # whether that printed line is its paragraph's first (maybe indented)
    for i, ln in enumerate(lines):
        if ln.kind is not LineKind.TEXT:
            flush()
            pending_page = pending_page or ln.kind in (LineKind.PAGE, LineKind.RULE)
            pending_blank = pending_blank or ln.kind is LineKind.BLANK
            continue
        width_now = first if opening else page
        # a footnote's number alone on its line (an extractor set it apart) and its text
        rest = current and note is not None and current[-1].text.strip().isdigit() and len(current) == 1
        split = (
            bool(current)
            and layout is Layout.WRAPPED
            and split_at_marker(printed, ln.text, following[i], width_now, lang)
        )
        if (
            current
            and not rest
            and (i in notes or ends_between(printed, ln.text, following[i], layout, width_now, lang))
        ):
            flush()
            split = False
        if not current:
            page_before, blank_before = pending_page, pending_blank
            pending_page = pending_blank = False
            note = notes.get(i)
        opening = not current or (opening and bool(split or rest))
        printed = f"{printed} {ln.text.strip()}" if split or rest else ln.text
        current.append(ln)
    flush()
    return paras


def _next_text(lines: list[Line]) -> list[str | None]:
    """For each line, the text of the next text line on the same page (None at a break)."""
    out: list[str | None] = [None] * len(lines)
    nxt: str | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        ln = lines[i]
        if ln.kind is LineKind.TEXT:
            nxt = ln.text
        elif ln.kind in (LineKind.PAGE, LineKind.RULE):
            nxt = None
    return out


def ends_between(prev: str, line: str, nxt: str | None, layout: Layout, page: float, lang: Lang) -> bool:
    """Whether a paragraph ends between two consecutive lines (`nxt` follows `line`)."""
    if pt.starts_unit(line) or pt.standalone(prev, lang) or pt.standalone(line, lang):
        return True
    if layout is Layout.LINES or pt.indented(line):
        return True
    if layout is Layout.WRAPPED and split_at_marker(prev, line, nxt, page, lang):
        return False
    if pt.heading_line(prev) and not (layout is Layout.WRAPPED and line_is_full(prev, line, page)):
        return True  # a heading is never joined to its text, whatever the layout
    if layout is Layout.MARKDOWN:
        return False
    if line_is_full(prev, line, page):
        # A full line ends a paragraph only when it also ends like one and the next
        # line opens like one, or is a heading: short, unpunctuated, and followed by
        # the start of a numbered paragraph.
        if not pt.terminated(prev):
            return False
        heading = (
            (nxt is None or pt.starts_unit(nxt))
            and not pt.terminated(line)
            and not line_is_full(line, nxt or "x", page)
        )
        return heading or pt.opens_paragraph(line, lang)
    return True


def split_at_marker(prev: str, line: str, nxt: str | None, page: float, lang: Lang) -> bool:
    """Whether an extractor broke a printed line after a footnote marker raised above it
    (`…科托努战略》，7` / `这是一项由最不发达国家掌控和主导` / `的倡议；`, `Development,8` / `and
    emphasizes the need to continue`): the line ends in a number glued to what precedes
    it, and the rest of the printed line follows: the two no wider than the page, and
    together a full line, or the paragraph's end where the rest does not open a
    paragraph of its own (a heading after a paragraph that ends in a marker is short
    too, but neither)."""
    first = line.lstrip()[:1]
    if not first or first.isupper() or not markup.ends_in_marker(prev):
        return False
    gap = "" if lang is Lang.ZH else " "
    printed = f"{prev.strip()}{gap}{line.strip()}"
    if width(printed) > 1.06 * page:  # a raised marker is narrow, a justified line stretches
        return False
    if line_is_full(printed, nxt or "", page):
        return True
    return pt.terminated(line) and not pt.opens_paragraph(line, lang)


def note_starts(lines: list[Line]) -> dict[int, int]:
    """Lines that start a footnote, and its number.

    `<sup>n</sup>` or `[^n]:` at a line's start always starts note n. A bare `n text`
    line (`n` alone, or glued to its text: `1在…`) does when n is the next footnote
    number and earlier text holds it glued as a marker would be (`Agreement,1`), or when
    it follows the rule above a page's notes and n continues the numbering (a gap of a
    few is allowed: an extractor may lose a note) or is cited above (an extract of a
    document may start at note 7).
    """
    notes: dict[int, int] = {}
    expected = 1
    in_notes = False
    cited: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.kind is LineKind.PAGE:
            in_notes = False
            continue
        if ln.kind is LineKind.RULE:
            in_notes = True
            continue
        if ln.kind is not LineKind.TEXT:
            continue
        text = nfkc(ln.text)
        m = pt.SUP_START.match(text)
        if m:
            n = int(m["n"] or m["m"])
            notes[i] = n
            expected = n + 1
            continue
        m = pt.BARE_FOOTNOTE.match(text)
        if m and not markup.looks_like_quantity(text, m.start("n"), m.end("n")):
            n = int(m["n"])
            if (n == expected and expected in cited) or (
                in_notes and expected <= n and (n < expected + 5 or n in cited)
            ):
                notes[i] = n
                expected = n + 1
                continue
        cited.update(int(a or b) for a, b in markup.SUP.findall(text))
        cited.update(n for _, _, n in markup.candidates(text))
    return notes


def repair_cuts(paras: list[Para], layout: Layout, page: float, lang: Lang) -> list[Para]:
    """Join the halves of paragraphs that a page break cut, across the notes between.

    Only in the body (after the resolution title or chapeau, where there is one): a
    header line is short and unpunctuated too, but never cut.
    """
    body_from = next(
        (i for i, p in enumerate(paras) if p.footnote is None and opens_body(p.raw(lang), lang)), 0
    )
    out: list[Para] = []
    last_body: int | None = None
    notes_between = False
    for i, p in enumerate(paras):
        if p.footnote is not None:
            out.append(p)
            notes_between = True
            continue
        if (
            last_body is not None
            and i > body_from
            and continues(out[last_body], p, notes_between, layout, page, lang)
        ):
            a = out[last_body]
            out[last_body] = Para(
                a.lines + p.lines,
                page_before=a.page_before,
                blank_before=a.blank_before,
                joined_from=[*a.joined_from, p.lines[0].no],
            )
        else:
            out.append(p)
            last_body = len(out) - 1
        notes_between = False
    return out


def opens_body(raw: str, lang: Lang) -> bool:
    text = nfkc(markup.strip_markup(raw))
    return bool(pt.RES_TITLE.match(text)) or pt.is_chapeau(raw, lang)


def continues(a: Para, b: Para, notes_between: bool, layout: Layout, page: float, lang: Lang) -> bool:
    """Whether paragraph b is the rest of paragraph a, cut by a page break."""
    first = b.lines[0].text
    if pt.starts_unit(first) or pt.standalone(first, lang) or pt.is_closing(first, lang):
        return False
    if opens_body(a.raw(lang), lang):
        return False  # a title is unpunctuated, but never cut from its chapeau
    if pt.MD_HEADING.match(a.lines[0].text) or pt.opens_paragraph(first, lang):
        return False
    paged = b.page_before or notes_between
    if not (paged or b.blank_before):
        return False  # consecutive lines the layout already chose to split
    a_raw = a.raw(lang)
    lowercase = lang is Lang.EN and first.lstrip()[:1].islower()
    if layout is Layout.WRAPPED:
        if (
            pt.terminated(a_raw)
            and len(b.lines) == 1
            and not pt.terminated(first)
            and not line_is_full(first, "", page)
        ):
            return False  # a heading at the top of the page
        # A paragraph runs on over the page only if its last line ran to the margin:
        # the first word on the next page would not have fitted on it.
        full = line_is_full(a.lines[-1].text, first, page)
        return paged and (full or (lowercase and not pt.terminated(a_raw)))
    if pt.terminated(a_raw):
        return lowercase and paged
    if width(markup.strip_markup(a_raw)) < 60:
        return False  # a short unpunctuated line is a heading, not half a paragraph
    return paged or lang is Lang.ZH or lowercase
