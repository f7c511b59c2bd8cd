"""Word files (.docx) as the text unterm reads: paragraphs in order, numbers Word adds,
footnotes where they are cited, tables row by row.

The document's body becomes Markdown-like text, one paragraph to a line with a blank
line between, which `documents.read.parse` then reads like any other file:

- a paragraph's automatic number (Word list numbering, set on the paragraph or on its
  style) is written before its text as Word shows it (`9.`, `(a)`, `一、`), since the
  digits are not in the text itself;
- a footnote reference becomes `<sup>n</sup>` where it stands, n counted in order of
  reference as Word numbers footnotes, and the footnotes (read from the footnotes part)
  follow the body as `<sup>n</sup> text`;
- headings (styles Title, Heading n) are written `## text`;
- a table is read row by row, a row to a paragraph, its cells joined by ` | `;
- deleted tracked changes are left out, inserted ones kept.

python-docx opens the package; the parts it has no API for (footnotes, numbering
definitions) are read from their XML with lxml.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from unterm.errors import InputError
from unterm.lang.numerals import to_letters, to_roman, to_zh

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: Any, path: str) -> str | None:
    found = el.find(path, {"w": W}) if el is not None else None
    return None if found is None else found.get(_q("val"))


def format_number(n: int, fmt: str) -> str:
    """A list counter as Word shows it for a w:numFmt value."""
    if fmt in ("lowerLetter",):
        return to_letters(n)
    if fmt == "upperLetter":
        return to_letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n)
    if fmt == "upperRoman":
        return to_roman(n).upper()
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting"):
        return to_zh(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # decimal, decimalZero and anything else


# Word's own limits: nine list levels (0-8); start values above this are absurd (a
# crafted file sets 2,000,000,000) and counted from it instead, with a note.
LEVELS = 9
MAX_START = 9999


def _int(value: str | None, default: int) -> int:
    """An integer attribute of Word XML, or the default where it is missing or not a number."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(value: str | None) -> int:
    return min(max(_int(value, 0), 0), LEVELS - 1)


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass(slots=True)
class Numbering:
    """The numbering definitions of a document and the counters as the body is read."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    starts: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) -> start override
    counters: dict[str, list[int]] = field(default_factory=dict)  # per abstractNum, per level
    notes: list[str] = field(default_factory=list)  # what was read otherwise than written

    def _start(self, value: str | None) -> int:
        start = _int(value, 1)
        if not 0 <= start <= MAX_START:
            self.notes.append(f"list numbering starts at {value}: counted from {MAX_START} instead")
            return min(max(start, 0), MAX_START)
        return start

    @staticmethod
    def of(xml: bytes | None) -> Numbering:
        out = Numbering()
        if not xml:
            return out
        root = etree.fromstring(xml)
        for a in root.iter(_q("abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in a.iter(_q("lvl")):
                levels[_level(lvl.get(_q("ilvl")))] = _Level(
                    out._start(_val(lvl, "w:start")),
                    _val(lvl, "w:numFmt") or "decimal",
                    _val(lvl, "w:lvlText") or "",
                )
            out.abstract[a.get(_q("abstractNumId"), "")] = levels
        for num in root.iter(_q("num")):
            num_id = num.get(_q("numId"), "")
            out.nums[num_id] = _val(num, "w:abstractNumId") or ""
            for override in num.iter(_q("lvlOverride")):
                start = _val(override, "w:startOverride")
                if start is not None:
                    out.starts[(num_id, _level(override.get(_q("ilvl"))))] = out._start(start)
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        """The next number of a list at a level, as Word would show it (`9.`, `(a)`)."""
        abstract_id = self.nums.get(num_id)
        if num_id == "0" or abstract_id is None or abstract_id not in self.abstract:
            return ""
        levels = self.abstract[abstract_id]
        level = levels.get(ilvl, _Level())
        counters = self.counters.setdefault(abstract_id, [0] * LEVELS)
        if (num_id, ilvl) in self.starts and not counters[ilvl]:
            counters[ilvl] = self.starts[(num_id, ilvl)] - 1
        if not counters[ilvl]:
            counters[ilvl] = level.start - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = 0
        text = level.text
        for k in range(ilvl + 1):
            shown = levels.get(k, _Level())
            value = counters[k] or shown.start
            text = text.replace(f"%{k + 1}", format_number(value, shown.fmt))
        return text.strip()


def _styles(xml: bytes | None) -> dict[str, tuple[str | None, tuple[str, int] | None, str]]:
    """styleId -> (basedOn, numbering (numId, ilvl) if the style sets one, name)."""
    out: dict[str, tuple[str | None, tuple[str, int] | None, str]] = {}
    if not xml:
        return out
    for style in etree.fromstring(xml).iter(_q("style")):
        num_pr = style.find("w:pPr/w:numPr", {"w": W})
        numbering = None
        if num_pr is not None:
            numbering = (_val(num_pr, "w:numId") or "0", _level(_val(num_pr, "w:ilvl")))
        out[style.get(_q("styleId"), "")] = (_val(style, "w:basedOn"), numbering, _val(style, "w:name") or "")
    return out


@dataclass(slots=True)
class _Reader:
    numbering: Numbering
    styles: dict[str, tuple[str | None, tuple[str, int] | None, str]]
    footnote_texts: dict[str, str]
    note_numbers: dict[str, int] = field(default_factory=dict)

    def style_numbering(self, style_id: str | None) -> tuple[str, int] | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            based_on, numbering, _ = self.styles.get(style_id, (None, None, ""))
            if numbering is not None:
                return numbering
            style_id = based_on
        return None

    def is_heading(self, style_id: str | None) -> bool:
        name = self.styles.get(style_id or "", (None, None, ""))[2].lower()
        return name == "title" or name.startswith("heading")

    def paragraph(self, p: Any) -> str:
        text = self.inline(p)
        if not text.strip():
            return ""
        style_id = _val(p, "w:pPr/w:pStyle")
        num_pr = p.find("w:pPr/w:numPr", {"w": W})
        numbering = (
            (_val(num_pr, "w:numId") or "0", _level(_val(num_pr, "w:ilvl")))
            if num_pr is not None
            else self.style_numbering(style_id)
        )
        label = self.numbering.label(*numbering) if numbering else ""
        line = f"{label} {text.strip()}" if label else text.strip()
        return f"## {line}" if self.is_heading(style_id) and not label else line

    def inline(self, el: Any) -> str:
        out: list[str] = []
        for node in el.iter():
            tag = node.tag
            if tag == _q("t"):
                out.append(node.text or "")
            elif tag in (_q("tab"), _q("br"), _q("cr")):
                out.append(" ")
            elif tag == _q("noBreakHyphen"):
                out.append("-")
            elif tag == _q("footnoteReference"):
                note_id = node.get(_q("id"), "")
                if note_id in self.footnote_texts:
                    n = self.note_numbers.setdefault(note_id, len(self.note_numbers) + 1)
                    out.append(f"<sup>{n}</sup>")
        return "".join(out)

    def table(self, tbl: Any) -> Iterator[str]:
        for row in tbl.iter(_q("tr")):
            cells = []
            for cell in row.findall(_q("tc")):
                cells.append(" ".join(t for p in cell.iter(_q("p")) if (t := self.inline(p).strip())))
            line = " | ".join(c for c in cells if c)
            if line:
                yield line


def _notes(xml: bytes | None) -> dict[str, str]:
    """Footnote id -> its text (separators and continuation notices left out)."""
    if not xml:
        return {}
    out: dict[str, str] = {}
    for note in etree.fromstring(xml).iter(_q("footnote")):
        if note.get(_q("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        parts = ["".join(t.text or "" for t in p.iter(_q("t"))).strip() for p in note.iter(_q("p"))]
        out[note.get(_q("id"), "")] = " ".join(p for p in parts if p)
    return out


def docx_text(data: bytes, path: str) -> tuple[str, tuple[str, ...]]:
    """The text of a .docx file as unterm reads it (see the module's note), and notes on
    what was read otherwise than written (an absurd list start value)."""
    import docx  # deferred: python-docx is only needed for Word files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError) as err:
        raise InputError(f"{path}: is a damaged Word file ({type(err).__name__}: {err})") from None
    except Exception as err:  # zipfile and lxml raise a variety on damaged packages
        raise InputError(f"{path}: cannot be read as a Word file ({type(err).__name__}: {err})") from None
    try:
        return _read(document, path)
    except (etree.XMLSyntaxError, ValueError, KeyError, IndexError, AttributeError, TypeError) as err:
        # a part python-docx does not check (footnotes, numbering, styles) is malformed
        raise InputError(f"{path}: is a damaged Word file ({type(err).__name__}: {err})") from None


def _read(document: Any, path: str) -> tuple[str, tuple[str, ...]]:
    part = document.part
    notes_xml = next(
        (
            rel.target_part.blob
            for rel in part.rels.values()
            if rel.reltype == _FOOTNOTES and not rel.is_external
        ),
        None,
    )
    numbering = Numbering.of(_xml_of(part, "numbering"))
    reader = _Reader(numbering, _styles(_xml_of(part, "styles")), _notes(notes_xml))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == _q("p"):
            line = reader.paragraph(child)
            if line:
                lines.append(line)
        elif child.tag == _q("tbl"):
            lines.extend(reader.table(child))
    for note_id, n in sorted(reader.note_numbers.items(), key=lambda x: x[1]):
        lines.append(f"<sup>{n}</sup> {reader.footnote_texts[note_id]}")
    if not lines:
        raise InputError(f"{path}: the Word file holds no text")
    return "\n\n".join(lines) + "\n", tuple(dict.fromkeys(numbering.notes))


def _xml_of(part: Any, kind: str) -> bytes | None:
    """The XML of a part the document part relates to, by relationship type name."""
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype.endswith(f"/{kind}"):
            blob: bytes = rel.target_part.blob
            return blob
    return None
