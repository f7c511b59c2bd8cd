"""Read a UN document from a file into a Document of classified, cleaned blocks."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import regex

from unterm.documents import hyphens, markup
from unterm.documents import lines as ln
from unterm.documents import paragraphs as para
from unterm.documents.classify import classify
from unterm.documents.lines import Line, LineKind, Para
from unterm.documents.model import Block, BlockKind, Document
from unterm.documents.sources import load
from unterm.errors import InputError
from unterm.lang.languages import Lang, detect_lang
from unterm.lang.symbols import symbol_line
from unterm.lang.text import nfkc, printable

_GA = regex.compile(r"General Assembly|大会")


def read_document(path: Path | str) -> Document:
    """Read a Chinese or English UN document: Markdown or plain text (.md, .txt), a Word
    file (.docx), a PDF with a text layer or a web page (.html); the kind is told from the
    content.

    Raises InputError for a file that cannot be read, is empty, is none of these, or is
    in neither language.
    """
    path = Path(path)
    source = load(path)
    lang = detect_lang(source.text)
    if lang is None:
        raise InputError(f"{path}: is neither Chinese nor English text")
    # a Word file's or a web page's paragraphs are its author's: none was cut by a page break
    doc = parse(
        source.text,
        lang,
        path=printable(str(path)),
        markdown=source.markdown,
        repair=source.kind not in ("docx", "html"),
        encoding=source.encoding,
        kind=source.kind,
    )
    if not doc.blocks:
        raise InputError(f"{path}: holds no paragraphs")
    return replace(doc, notes=source.notes, digest=source.digest)


def parse(
    text: str,
    lang: Lang,
    *,
    path: str = "<text>",
    markdown: bool = False,
    repair: bool = True,
    encoding: str = "utf-8",
    kind: str = "text",
) -> Document:
    """Parse a document's text; the pure core of `read_document`. `repair` joins
    paragraphs that a page break cut in two; `encoding` and `kind` (markdown, text, docx,
    pdf, html) say how the text was had, and are recorded in the Document."""
    lines = ln.split_lines(text)
    symbol = _find_symbol(lines)
    paras, layout = _paragraphs(lines, lang, markdown, repair)
    blocks = _blocks(paras, lang)
    symbol = symbol or derive_symbol(blocks)
    source_format = layout if kind in ("text", "markdown") else f"{kind}:{layout}"
    return Document(path, lang, tuple(blocks), symbol, encoding, source_format)


def _paragraphs(lines: list[Line], lang: Lang, markdown: bool, repair: bool) -> tuple[list[Para], str]:
    """A file's lines grouped into paragraphs (see documents.paragraphs), and its layout."""
    lines = ln.drop_furniture(lines)
    layout, page = ln.choose_layout(lines, markdown)
    paras = para.group(lines, layout, page, lang, para.note_starts(lines))
    if repair:
        paras = para.repair_cuts(paras, layout, page, lang)
    return paras, layout.value


def line_breaks(text: str, lang: Lang, *, markdown: bool = False) -> list[bool]:
    """For each line break in a text, whether the reader ends a paragraph there (True:
    a hard break) or joins the two lines into one paragraph (False: a soft break, a
    wrapped line). A line dropped as page furniture has hard breaks on both sides."""
    paras, _ = _paragraphs(ln.split_lines(text), lang, markdown, repair=True)
    owner = {line.no: k for k, p in enumerate(paras) for line in p.lines}
    count = text.count("\n")
    return [owner.get(no) is None or owner.get(no) != owner.get(no + 1) for no in range(1, count + 1)]


def _without_number(raw: str, n: int) -> str:
    """A footnote's text without its own number (`<sup>1</sup>`, `[^1]:`, `1 `, or `1`
    glued to the text as an extractor may give it)."""
    return regex.sub(rf"^\s*(?:<sup>\s*{n}\s*</sup>|\[\^{n}\]:?|{n}(?!\d))\s*", "", raw)


def _find_symbol(lines: list[Line]) -> str:
    """The document symbol from a masthead or running header line, if the text has one."""
    for line in lines[:400]:
        if line.kind is LineKind.TEXT:
            symbol, _ = symbol_line(nfkc(line.text).strip())
            if symbol:
                return symbol
    return ""


def derive_symbol(blocks: list[Block]) -> str:
    """A General Assembly resolution's symbol from its number: 77/173 is A/RES/77/173."""
    title = next((b for b in blocks if b.kind is BlockKind.TITLE), None)
    chapeau = next((b for b in blocks if b.kind is BlockKind.CHAPEAU), None)
    if title and title.key and chapeau and _GA.search(chapeau.text):
        return f"A/RES/{title.key}"
    return ""


def _blocks(paras: list[Para], lang: Lang) -> list[Block]:
    """Classify paragraphs, clean their text and read their keys and footnote markers."""
    raws = [p.raw(lang) for p in paras]
    if any(ln.SPACE_BREAK in r for r in raws):
        space = ln.spacing_style(raws)
        raws = [r.replace(ln.SPACE_BREAK, space) for r in raws]
    if any(ln.HYPHEN_BREAK in r for r in raws):
        words = hyphens.words(raws)
        raws = [hyphens.dehyphenate(r, words) for r in raws]
    flat = [nfkc(markup.strip_markup(r)) for r in raws]
    body = [i for i, p in enumerate(paras) if p.footnote is None]
    kinds = classify(body, raws, flat, lang)
    notes = {p.footnote for p in paras if p.footnote is not None}
    markers = dict(
        zip(body, markup.choose_markers([markup.prepare(raws[i]) for i in body], notes), strict=True)
    )
    blocks: list[Block] = []
    for i, p in enumerate(paras):
        raw = raws[i]
        if p.footnote is not None:
            text, _ = markup.clean(_without_number(raw, p.footnote), lang, [])
            blocks.append(Block(len(blocks), BlockKind.FOOTNOTE, str(p.footnote), text, raw, (), p.span))
            continue
        kind, key = kinds[i]
        text, cited = markup.clean(raw, lang, [], markers[i])
        if text:
            blocks.append(Block(len(blocks), kind, key, text, raw, cited, p.span))
    return _note_parts(blocks)


def _note_parts(blocks: list[Block]) -> list[Block]:
    """Blocks with the part of the document their footnotes belong to, where numbering
    restarts (annexes, compilations): a note numbered no higher than the note before it
    starts a new part; a paragraph's citations start a new part where they cite that
    part's first number again, once it has been cited in the current part."""
    parts: list[int] = []  # the first number of each part of the notes
    last = 0
    out = list(blocks)
    for k, b in enumerate(blocks):
        if b.kind is BlockKind.FOOTNOTE:
            n = int(b.key)
            if not parts or n <= last:
                parts.append(n)
            last = n
            out[k] = replace(b, part=len(parts) - 1)
    part, seen = 0, set[int]()
    for k, b in enumerate(blocks):
        if b.kind is BlockKind.FOOTNOTE or not b.footnotes:
            continue
        if part + 1 < len(parts) and parts[part + 1] in b.footnotes and parts[part + 1] in seen:
            part, seen = part + 1, set()
        seen.update(b.footnotes)
        out[k] = replace(b, part=part)
    return out
