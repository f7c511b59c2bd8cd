"""What part each paragraph plays in a UN document (header, title, chapeau, preambular,
operative, sub-item, heading, closing, paragraph) and its key (`9`, `9 (a)`,
`article 3`, `section 2`)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from unterm.documents import patterns as pt
from unterm.documents.model import BlockKind
from unterm.lang.languages import Lang
from unterm.lang.numerals import roman, zh_numeral
from unterm.lang.text import width

_ROMAN_HEADING = regex.compile(r"^\s*(?:#+\s*)?(?P<n>[IVX]{1,5})\.\s+\S")
_ZH_SECTION = regex.compile(r"^\s*(?:#+\s*)?(?P<n>[一二三四五六七八九十]{1,3})\s*[、.．]\s*\S")
_ROMAN_SUB = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}


@dataclass(frozen=True, slots=True)
class _Landmarks:
    """Where a resolution's parts begin: its title, its chapeau, the first and last of
    its numbered paragraphs (None where it has none)."""

    title: int | None
    chapeau: int | None
    first_op: int | None
    last_op: int | None

    @property
    def resolution(self) -> bool:
        return self.title is not None or self.chapeau is not None

    @property
    def opening(self) -> int | None:
        return self.chapeau if self.chapeau is not None else self.title


def _landmarks(body: list[int], raws: list[str], flat: list[str], lang: Lang) -> _Landmarks:
    title = next((i for i in body if pt.RES_TITLE.match(flat[i])), None)
    start = body.index(title) + 1 if title is not None else 0
    chapeau = next(
        (
            i
            for k, i in enumerate(body[start : start + 12], start=start)
            if pt.is_chapeau(raws[i], lang)
            and (title is not None or _resolution_follows(body[k + 1 : k + 4], flat, lang))
        ),
        None,
    )
    opening = chapeau if chapeau is not None else title
    after = [i for i in body if opening is None or i > opening]
    numbered = [i for i in after if pt.NUMBERED.match(flat[i])]
    last_op = max((i for i in after if pt.NUMBERED.match(flat[i]) or pt.SUBITEM.match(flat[i])), default=None)
    return _Landmarks(title, chapeau, numbered[0] if numbered else None, last_op)


def _resolution_follows(after: list[int], flat: list[str], lang: Lang) -> bool:
    """Whether paragraphs after an organ's name read like a resolution's (`Recalling`,
    `1. Decides`): `Security Council` over a letter or a meeting record is a masthead."""
    return any(
        pt.opens_paragraph(flat[i], lang)
        or pt.NUMBERED.match(flat[i])
        or (lang is Lang.EN and _GERUND.match(flat[i]))
        for i in after
    )


_GERUND = regex.compile(r"^\s*\*?[A-Z][a-z]+ing\b")


def classify(
    body: list[int], raws: list[str], flat: list[str], lang: Lang, set_as_headings: set[int] | None = None
) -> dict[int, tuple[BlockKind, str]]:
    """Kind and key of each body paragraph (see BlockKind): `raws` as read, `flat` with
    markup removed and NFKC-normalised, `body` the indices that are not footnotes;
    `set_as_headings` those a PDF's page sets as headings (bold, larger, centred)."""
    headings = set_as_headings or set()
    marks = _landmarks(body, raws, flat, lang)
    out: dict[int, tuple[BlockKind, str]] = {}
    op = letter = scope = ""
    record = sum(1 for i in body if pt.SPEAKER[lang].match(flat[i])) >= 2
    for i in body:
        raw, text = raws[i], flat[i]
        num = pt.NUMBERED.match(text)
        sub = pt.SUBITEM.match(text)
        annex = pt.annex_number(text, lang) if _heading_like(raw, text, lang, i in headings) else None
        if annex is not None:
            # an annex numbers its paragraphs afresh: `annex 3`, `annex 2 3` in the second
            scope, op, letter = ("annex" if annex == 1 else f"annex {annex}"), "", ""
            out[i] = (BlockKind.HEADING, scope)
        elif marks.resolution and marks.opening is not None and i < marks.opening and i != marks.title:
            out[i] = (BlockKind.HEADER, "")
        elif i == marks.title:
            m = pt.RES_TITLE.match(text)
            out[i] = (BlockKind.TITLE, m["n"] if m else "")
        elif i == marks.chapeau:
            out[i] = (BlockKind.CHAPEAU, "")
        elif num and ((marks.first_op is not None and i >= marks.first_op) or not marks.resolution or scope):
            op, letter = f"{scope} {num['n']}".strip(), ""
            out[i] = (BlockKind.OPERATIVE, op)
        elif (
            (item := pt.ZH_ITEM.match(text))
            and not marks.resolution
            and not _heading_like(raw, text, lang, i in headings)
        ):
            # a list item numbered 一、二、 in its text, as a treaty's are: its number is its key
            op, letter = str(zh_numeral(item["n"])), ""
            out[i] = (BlockKind.OPERATIVE, op)
        elif sub:
            label = sub["n"]
            if label in _ROMAN_SUB and letter and not (len(label) == 1 and ord(label) == ord(letter[-1]) + 1):
                key = f"{op} ({letter}) ({label})".strip()
            else:
                letter = label
                key = f"{op} ({label})".strip()
            out[i] = (BlockKind.SUBITEM, key)
        elif pt.SIGNED.search(text):
            out[i] = (BlockKind.SIGNATURE, "")
        elif record and pt.SPEAKER[lang].match(text):
            out[i] = (BlockKind.SPEAKER, "")
        else:
            out[i] = _unnumbered(i, raw, text, lang, marks, i in headings)
    return out


def _unnumbered(
    i: int, raw: str, text: str, lang: Lang, marks: _Landmarks, set_as_heading: bool = False
) -> tuple[BlockKind, str]:
    """Kind and key of a body paragraph that is not a header, title, or numbered."""
    if pt.is_organ(text, lang) and not pt.MD_HEADING.match(raw):
        return BlockKind.CHAPEAU, ""
    if _heading_like(raw, text, lang, set_as_heading):
        return BlockKind.HEADING, _heading_key(text, lang)
    if marks.resolution and marks.last_op is not None and i > marks.last_op and pt.is_closing(text, lang):
        return BlockKind.CLOSING, ""
    if marks.resolution and (marks.first_op is None or i < marks.first_op):
        return BlockKind.PREAMBULAR, ""
    return BlockKind.PARAGRAPH, ""


def _heading_like(raw: str, text: str, lang: Lang, set_as_heading: bool = False) -> bool:
    if pt.MD_HEADING.match(raw):
        return True
    if pt.is_closing(text, lang) or pt.standalone(text, lang):
        return False
    if set_as_heading:  # bold or larger on the page, however long, unless it ends a sentence
        return not text.rstrip().endswith((".", "。", ";", "；")) or len(text) < 40
    if pt.terminated(text):
        return False
    return width(text) <= 120


def _heading_key(text: str, lang: Lang) -> str:
    m = pt.ARTICLE[lang].match(text)
    if m:
        n = m["n"]
        return f"{pt.unit_name(m['what'])} {int(n) if n.isdigit() else zh_numeral(n)}"
    division = pt.division_key(text, lang)
    if division:
        return division
    m = _ROMAN_HEADING.match(text) if lang is Lang.EN else _ZH_SECTION.match(text)
    if m:
        return f"section {roman(m['n']) if lang is Lang.EN else zh_numeral(m['n'])}"
    return ""
