"""PDF files through the geometry of their text layer (pypdfium2): every word with its
position, size and style, page by page.

A word is a run of characters on one baseline, in one size and style, with no gap wider
than a sixth of the size between them; it records whether space (a space character or a
gap) stands before it. Where the text layer has none (a scan), or the file is
password-protected or damaged, InputError says so in one line.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from unterm.errors import InputError

BOLD, ITALIC = 1, 2
# characters that are space (PDFium's own, for a gap it sees, included) or no text at all
_BLANK = frozenset(
    (
        0x85,
        0xA0,
        0x1680,
        *range(0x2000, 0x200C),
        0x2028,
        0x2029,
        0x202F,
        0x205F,
        0x3000,
        0xFEFF,
        0xFFFE,
        0xFFFF,
    )
)
_GAP = 0.16  # a gap wider than this (of the size) between two characters parts two words
_SPACE = 0.22  # ... and one wider than this is a space between them


@dataclass(frozen=True, slots=True)
class Word:
    """A run of characters on one baseline; positions in points, y from the page top."""

    text: str
    x0: float
    x1: float
    base: float  # the baseline
    size: float  # the font size as printed (the text matrix's scale included)
    style: int  # BOLD | ITALIC
    space: bool  # space stands before it (a space character or a gap)


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]


def pdf_pages(data: bytes, path: str) -> list[Page]:
    """The pages of a PDF as words; refused when password-protected, damaged, or when it
    has no text layer (a scan)."""
    import pypdfium2 as pdfium  # deferred: only needed for PDF files

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise InputError(
                f"{path}: is password-protected: remove the password (or give the text) first"
            ) from None
        # `Failed to load document (PDFium: Data format error).`: what PDFium found wrong
        found = regex.search(r"\(PDFium: ([^)]*)\)", str(err))
        raise InputError(f"{path}: is a damaged PDF ({found[1].lower() if found else err})") from None
    try:
        pages = [_page(doc, k) for k in range(len(doc))]
    except pdfium.PdfiumError as err:
        raise InputError(f"{path}: cannot be read as a PDF ({err})") from None
    finally:
        doc.close()
    if not any(p.words for p in pages):
        raise InputError(f"{path}: has no text layer (a scanned image?): run OCR on it first")
    return pages


class _Fonts:
    """A text object's font style, asked of PDFium once per font."""

    def __init__(self) -> None:
        self.styles: dict[int, int] = {}
        self.buffer = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()

    def style(self, raw: object, index: int, pdfium_c: object) -> int:
        obj = pdfium_c.FPDFText_GetTextObject(raw, index)  # type: ignore[attr-defined]
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        style = self.styles.get(key)
        if style is None:
            pdfium_c.FPDFText_GetFontInfo(raw, index, self.buffer, 256, self.flags)  # type: ignore[attr-defined]
            name = self.buffer.value.decode("latin-1").lower()
            weight = pdfium_c.FPDFText_GetFontWeight(raw, index)  # type: ignore[attr-defined]
            bold = "bold" in name or "black" in name or "heavy" in name or weight >= 600
            italic = "italic" in name or "oblique" in name or bool(self.flags.value & 0x40)
            style = self.styles[key] = (BOLD if bold else 0) | (ITALIC if italic else 0)
        return style


# A character as a text layer gives it: its text (" " for a space the PDF prints), its
# left and right (the advance, not the ink), its baseline from the page top, its size and
# its style. Any PDF library that gives these can feed `words` (bench/pdf_read.py feeds
# pdfplumber's).
Char = tuple[str, float, float, float, float, int]


def words(chars: Iterable[Char]) -> list[Word]:
    """A page's characters, in the order its content stream draws them, as words (see
    the module docstring); a character printed again over itself (a typewriter's bold)
    is read once."""
    out: list[Word] = []
    text: list[str] = []
    x0 = x1 = last = base = size = 0.0
    style = 0
    space = pending = True  # space before the word being read; space seen since the last word
    for char, left, right, char_base, char_size, char_style in chars:
        if char == " ":
            if text:
                out.append(Word("".join(text), x0, x1, base, size, style, space))
                text = []
            pending = True
            continue
        if text:
            same_base = abs(char_base - base) < 0.1 * size
            same_line = same_base and abs(char_size - size) < 0.05 * size
            gap = left - x1
            if same_line and char == text[-1] and abs(left - last) < 0.1 * size:
                continue
            if same_line and -0.6 * size < gap < _GAP * size:
                text.append(char)
                x1, last = max(x1, right), left
                continue
            out.append(Word("".join(text), x0, x1, base, size, style, space))
            pending = pending or not same_base or gap > _SPACE * min(size, char_size) or gap < -0.6 * size
        text = [char]
        space, pending = pending, False
        # a word's style is its first character's
        x0, x1, last, base, size, style = left, right, left, char_base, char_size, char_style
    if text:
        out.append(Word("".join(text), x0, x1, base, size, style, space))
    return out


def _page(doc: object, k: int) -> Page:
    import pypdfium2.raw as pdfium_c

    page = doc[k]  # type: ignore[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    found = words(_chars(textpage.raw, height, pdfium_c))
    textpage.close()
    page.close()
    return Page(k + 1, float(width), float(height), tuple(found))


def _chars(raw: object, height: float, pdfium_c: Any) -> Iterator[Char]:
    """A PDFium text page's characters (see Char); a hyphen it marks at a line end read
    as one, rotated text left out."""
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    fonts = _Fonts()
    get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
    height_seen = offset = size = 0.0
    style = 0
    upright = fresh = True
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = get_unicode(raw, i)
        if code <= 32 or code in _BLANK:
            if code != 2:  # 2: a hyphen at a line end, as PDFium marks it
                # a space, the PDF's own or one PDFium puts where it sees a gap a space wide
                # (a CJK font's space between `2022` and `年` leaves no character)
                yield (" ", 0.0, 0.0, 0.0, 0.0, 0)
                fresh = True
                continue
            code = 0x2D
        get_box(raw, i, box)
        bottom = box.bottom
        if fresh or box.top - bottom != height_seen:
            # a character box of another height: another font or size, maybe another
            # text matrix (its scale, whether it is upright); asked again only then (and
            # after a space), as asking for every character costs a third of the reading
            height_seen, fresh = box.top - bottom, False
            style = fonts.style(raw, i, pdfium_c)
            pdfium_c.FPDFText_GetMatrix(raw, i, matrix)
            upright = abs(matrix.b) <= 0.01 * abs(matrix.a) and matrix.a > 0 and matrix.d > 0
            size = pdfium_c.FPDFText_GetFontSize(raw, i) * matrix.d
            pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y)
            offset = bottom - y.value  # the font's descent: the baseline is the box's foot less it
        if upright:  # rotated or mirrored text is a stamp or a side note, not the body
            yield (chr(code), box.left, box.right, height - (bottom - offset), size, style)
