"""Read a UN document from a file into a Document of classified, cleaned blocks."""

from __future__ import annotations

from pathlib import Path

import regex

from unterm.align import layout as lay
from unterm.align import markup
from unterm.align import patterns as pt
from unterm.align.anchors import zh_numeral
from unterm.align.layout import Layout, Line, LineKind, Para
from unterm.align.model import Block, BlockKind, Document, Lang
from unterm.align.sources import load
from unterm.align.textio import detect_lang
from unterm.errors import InputError

_SYMBOL = r"[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*){2,}(?:\s?\([IVXLC]+\))?"
_SYMBOL_LINE = regex.compile(r"(?:United Nations\s+|联合国\s*)?" + _SYMBOL)
_MASTHEAD_SYMBOL = regex.compile(r"^\s*(?:United Nations|联合国)\s+(?P<s>" + _SYMBOL + r")\s*$")
_GA = regex.compile(r"General Assembly|大会")
_ROMAN_HEADING = regex.compile(r"^\s*(?:#+\s*)?(?P<n>[IVX]{1,5})\.\s+\S")
_ZH_SECTION = regex.compile(r"^\s*(?:#+\s*)?(?P<n>[一二三四五六七八九十]{1,3})\s*[、.．]\s*\S")
_ROMAN_SUB = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}


def read_document(path: Path | str) -> Document:
    """Read a Chinese or English UN document: Markdown or plain text (.md, .txt), a Word
    file (.docx) or a PDF with a text layer; the kind is told from the content.

    Raises InputError for a file that cannot be read, is empty, is none of these, or is
    in neither language.
    """
    path = Path(path)
    source = load(path)
    lang = detect_lang(source.text)
    if lang is None:
        raise InputError(f"{path}: is neither Chinese nor English text")
    # a Word file's paragraphs are its author's: none was cut by a page break
    doc = parse(source.text, lang, path=str(path), markdown=source.markdown, repair=source.kind != "docx")
    if not doc.blocks:
        raise InputError(f"{path}: holds no paragraphs")
    layout = (
        doc.source_format if source.kind in ("text", "markdown") else f"{source.kind}:{doc.source_format}"
    )
    return Document(doc.path, doc.lang, doc.blocks, doc.symbol, source.encoding, layout)


def parse(
    text: str, lang: Lang, *, path: str = "<text>", markdown: bool = False, repair: bool = True
) -> Document:
    """Parse a document's text; the pure core of `read_document`. `repair` joins
    paragraphs that a page break cut in two."""
    lines = lay.split_lines(text)
    symbol = _find_symbol(lines)
    lines = lay.drop_furniture(lines, _SYMBOL_LINE)
    layout, page = lay.choose_layout(lines, markdown)
    notes = _note_starts(lines)
    paras = lay.group(lines, layout, page, lang, notes)
    if repair:
        paras = _repair_cuts(paras, layout, page, lang)
    blocks = _blocks(paras, lang)
    symbol = symbol or _derive_symbol(blocks)
    return Document(path, lang, tuple(blocks), symbol, "utf-8", layout.value)


def line_breaks(text: str, lang: Lang, *, markdown: bool = False) -> list[bool]:
    """For each line break in a text, whether the reader ends a paragraph there (True:
    a hard break) or joins the two lines into one paragraph (False: a soft break, a
    wrapped line). A line dropped as page furniture has hard breaks on both sides."""
    lines = lay.split_lines(text)
    lines = lay.drop_furniture(lines, _SYMBOL_LINE)
    layout, page = lay.choose_layout(lines, markdown)
    paras = _repair_cuts(lay.group(lines, layout, page, lang, _note_starts(lines)), layout, page, lang)
    owner = {ln.no: k for k, para in enumerate(paras) for ln in para.lines}
    count = text.count("\n")
    return [owner.get(no) is None or owner.get(no) != owner.get(no + 1) for no in range(1, count + 1)]


_BROKEN = regex.compile(r"(\p{L}+)-" + lay.HYPHEN_BREAK + r"(\p{L}+)")


def _words(raws: list[str]) -> set[str]:
    """The words of a document, lower case, hyphenated compounds whole (`multi-stakeholder`)
    and not counting the pieces of words broken at a line end."""
    text = " ".join(_BROKEN.sub(" ", r) for r in raws).lower()
    return set(regex.findall(r"\p{L}+(?:-\p{L}+)*", text)) | set(regex.findall(r"\p{L}+", text))


def _vocabulary() -> frozenset[str]:
    from unterm.termbase.lexicon import english_words  # deferred: read only when needed

    return english_words()


def _known(word: str) -> bool:
    """Whether a word, or the word less a common inflection, is in the English vocabulary."""
    vocabulary = _vocabulary()
    if word in vocabulary:
        return True
    for ending, base in (
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("est", ""),
        ("er", ""),
    ):
        if word.endswith(ending) and word[: -len(ending)] + base in vocabulary:
            return True
    return False


def _dehyphenate(text: str, words: set[str]) -> str:
    """Words broken at a line end joined again: `Secre-` / `tary` is `Secretary`, while
    `multi-` / `stakeholder` stays `multi-stakeholder`. The document's own words decide
    first (it writes `Secretary` or `multi-stakeholder` elsewhere); then an English
    vocabulary (the words of CC-CEDICT's definitions): a joined form it knows is one
    word, two halves it knows are a compound, and anything else (`juri-` / `dical`) is a
    word broken by hyphenation."""

    def join(m: regex.Match[str]) -> str:
        a, b = m[1], m[2]
        whole, compound = (a + b).lower(), f"{a}-{b}".lower()
        if compound in words and whole not in words:
            return f"{a}-{b}"
        if whole in words or _known(whole):
            return a + b
        if len(b) >= 2 and all(w in words or _known(w) for w in (a.lower(), b.lower())):
            return f"{a}-{b}"
        return a + b

    return _BROKEN.sub(join, text)


def _find_symbol(lines: list[Line]) -> str:
    """The document symbol from a masthead or running header line, if the text has one."""
    for ln in lines[:400]:
        if ln.kind is not LineKind.TEXT:
            continue
        text = pt.nfkc(ln.text).strip()
        m = _MASTHEAD_SYMBOL.match(text)
        if m:
            return m["s"]
        if _SYMBOL_LINE.fullmatch(text) and "/" in text:
            return text.split()[-1]
    return ""


def _derive_symbol(blocks: list[Block]) -> str:
    """A General Assembly resolution's symbol from its number: 77/173 is A/RES/77/173."""
    title = next((b for b in blocks if b.kind is BlockKind.TITLE), None)
    chapeau = next((b for b in blocks if b.kind is BlockKind.CHAPEAU), None)
    if title and title.key and chapeau and _GA.search(chapeau.text):
        return f"A/RES/{title.key}"
    return ""


def _note_starts(lines: list[Line]) -> dict[int, int]:
    """Lines that start a footnote, and its number.

    `<sup>n</sup>` or `[^n]:` at a line's start always starts note n. A bare `n text`
    line does when n is the next footnote number and is cited by a marker glued into
    earlier text (`Agreement,1`), or when it follows the rule above a page's notes and
    n continues the numbering (a gap of a few is allowed: an extractor may lose a note).
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
        text = pt.nfkc(ln.text)
        m = pt.SUP_START.match(text)
        if m:
            n = int(m["n"] or m["m"])
            notes[i] = n
            expected = n + 1
            continue
        m = pt.BARE_FOOTNOTE.match(text)
        if m:
            n = int(m["n"])
            if (n == expected and expected in cited) or (in_notes and expected <= n < expected + 5):
                notes[i] = n
                expected = n + 1
                continue
        cited.update(int(a or b) for a, b in markup.SUP.findall(text))
        cited.update(n for _, _, n in markup.find_markers(text, [expected]))
    return notes


def _repair_cuts(paras: list[Para], layout: Layout, page: float, lang: Lang) -> list[Para]:
    """Join the halves of paragraphs that a page break cut, across the notes between.

    Only in the body (after the resolution title or chapeau, where there is one): a
    header line is short and unpunctuated too, but never cut.
    """
    body_from = next(
        (i for i, p in enumerate(paras) if p.footnote is None and _opens_body(p.raw(lang), lang)), 0
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
            and _continues(out[last_body], p, notes_between, layout, page, lang)
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


def _opens_body(raw: str, lang: Lang) -> bool:
    text = pt.nfkc(markup.strip_markup(raw))
    return bool(pt.RES_TITLE.match(text)) or pt.is_chapeau(raw, lang)


def _continues(a: Para, b: Para, notes_between: bool, layout: Layout, page: float, lang: Lang) -> bool:
    """Whether paragraph b is the rest of paragraph a, cut by a page break."""
    first = b.lines[0].text
    if pt.starts_unit(first) or pt.standalone(first, lang) or pt.is_closing(first, lang):
        return False
    if _opens_body(a.raw(lang), lang):
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
            and not lay.line_is_full(first, "", page)
        ):
            return False  # a heading at the top of the page
        # A paragraph runs on over the page only if its last line ran to the margin:
        # the first word on the next page would not have fitted on it.
        full = lay.line_is_full(a.lines[-1].text, first, page)
        return paged and (full or (lowercase and not pt.terminated(a_raw)))
    if pt.terminated(a_raw):
        return lowercase and paged
    if lay.width(markup.strip_markup(a_raw)) < 60:
        return False  # a short unpunctuated line is a heading, not half a paragraph
    return paged or lang is Lang.ZH or lowercase


def _blocks(paras: list[Para], lang: Lang) -> list[Block]:
    """Classify paragraphs, clean their text and read their keys and footnote markers."""
    raws = [p.raw(lang) for p in paras]
    if any(lay.HYPHEN_BREAK in r for r in raws):
        words = _words(raws)
        raws = [_dehyphenate(r, words) for r in raws]
    flat = [pt.nfkc(markup.strip_markup(r)) for r in raws]
    body = [i for i, p in enumerate(paras) if p.footnote is None]
    kinds = _classify(body, raws, flat, lang)
    note_numbers = sorted({p.footnote for p in paras if p.footnote is not None})
    waiting = list(note_numbers)
    blocks: list[Block] = []
    for i, p in enumerate(paras):
        raw = raws[i]
        if p.footnote is not None:
            rest = regex.sub(r"^\s*(?:<sup>\s*\d+\s*</sup>|\[\^\d+\]:?|\d{1,3}(?=\s|$))\s*", "", raw)
            text, _ = markup.clean(rest, lang, [])
            blocks.append(Block(len(blocks), BlockKind.FOOTNOTE, str(p.footnote), text, raw, (), p.span))
            continue
        kind, key = kinds[i]
        text, cited = markup.clean(raw, lang, waiting)
        waiting = [n for n in waiting if n not in cited]
        if text:
            blocks.append(Block(len(blocks), kind, key, text, raw, cited, p.span))
    return blocks


def _classify(
    body: list[int], raws: list[str], flat: list[str], lang: Lang
) -> dict[int, tuple[BlockKind, str]]:
    """Kind and key of each body paragraph (see BlockKind)."""
    title = next((i for i in body if pt.RES_TITLE.match(flat[i])), None)
    start = body.index(title) + 1 if title is not None else 0
    chapeau = next((i for i in body[start : start + 8] if pt.is_chapeau(raws[i], lang)), None)
    resolution = title is not None or chapeau is not None
    opening = chapeau if chapeau is not None else title
    numbered = [i for i in body if pt.NUMBERED.match(flat[i]) and (opening is None or i > opening)]
    first_op = numbered[0] if numbered else None
    last_op = max(
        (
            i
            for i in body
            if (pt.NUMBERED.match(flat[i]) or pt.SUBITEM.match(flat[i])) and (opening is None or i > opening)
        ),
        default=None,
    )
    out: dict[int, tuple[BlockKind, str]] = {}
    op = ""
    letter = ""
    for i in body:
        raw, text = raws[i], flat[i]
        num = pt.NUMBERED.match(text)
        sub = pt.SUBITEM.match(text)
        if resolution and opening is not None and i < opening and i != title:
            out[i] = (BlockKind.HEADER, "")
        elif i == title:
            m = pt.RES_TITLE.match(text)
            out[i] = (BlockKind.TITLE, m["n"] if m else "")
        elif i == chapeau:
            out[i] = (BlockKind.CHAPEAU, "")
        elif num and ((first_op is not None and i >= first_op) or not resolution):
            op, letter = num["n"], ""
            out[i] = (BlockKind.OPERATIVE, op)
        elif sub:
            label = sub["n"]
            if label in _ROMAN_SUB and letter and not (len(label) == 1 and ord(label) == ord(letter[-1]) + 1):
                key = f"{op} ({letter}) ({label})".strip()
            else:
                letter = label
                key = f"{op} ({label})".strip()
            out[i] = (BlockKind.SUBITEM, key)
        elif pt.is_organ(text, lang) and not pt.MD_HEADING.match(raw):
            out[i] = (BlockKind.CHAPEAU, "")
        elif _heading_like(raw, text, lang):
            out[i] = (BlockKind.HEADING, _heading_key(text, lang))
        elif resolution and last_op is not None and i > last_op and pt.is_closing(text, lang):
            out[i] = (BlockKind.CLOSING, "")
        elif resolution and (first_op is None or i < first_op):
            out[i] = (BlockKind.PREAMBULAR, "")
        else:
            out[i] = (BlockKind.PARAGRAPH, "")
    return out


def _heading_like(raw: str, text: str, lang: Lang) -> bool:
    if pt.MD_HEADING.match(raw):
        return True
    if pt.terminated(text) or pt.is_closing(text, lang) or pt.standalone(text, lang):
        return False
    return lay.width(text) <= 120


def _heading_key(text: str, lang: Lang) -> str:
    m = pt.ARTICLE[lang].match(text)
    if m:
        n = m["n"]
        return f"article {int(n) if n.isdigit() else zh_numeral(n)}"
    m = _ROMAN_HEADING.match(text) if lang is Lang.EN else _ZH_SECTION.match(text)
    if m:
        from unterm.align.anchors import roman

        return f"section {roman(m['n']) if lang is Lang.EN else zh_numeral(m['n'])}"
    return ""
