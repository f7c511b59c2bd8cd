"""A document typeset as the Official Document System prints it, measured on the real
English ODS PDFs of corpora/ods_en_pdf: no official Chinese ODS PDF could be had, so the
Chinese test PDFs copy that layout, with the official Chinese text.

What the layout copies (figures in points, from S/2025/257, A/RES/70/10, A/80/434):

- the first page's masthead: `United Nations`/`联合国` and the symbol on one line, the
  organ in 20 pt, `Distr.: General`, the date, `Chinese` and `Original: English` at
  x 397; the body from 170 below the top;
- a running symbol in 8.5 pt bold on every later page, left on even pages, right on
  odd ones; the first page's foot: the job number with `(C)`/`(E)` and the date stamp,
  the bar code line `*2228633*`, `请回收`/`Please recycle`; the later pages' foot: `2/5`
  and the job number, changing sides with the page;
- a text block 365 wide from x 123 (A4 for Chinese, Letter for English), paragraphs 6
  apart, first lines indented 24 (Chinese: two characters), numbered paragraphs with
  their label at the indent and the text a tab after it, headings bold (Chinese: larger,
  no bold Song face being to hand), the closing lines set right;
- footnote markers raised a third of the size in 0.62 of it; each page's notes at its
  foot under a short rule of underscores, in a smaller size, their numbers raised;
  paragraphs running over the page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.support.render import Unit, in_document_order
from tests.support.typeset import Run, _face, _lines, _runs
from unterm.documents import patterns as pt
from unterm.lang.languages import Lang

_LABEL = re.compile(r"^\s*(?:\*\*)?((?:\d{1,3}|\([a-z]{1,3}\))\s*[.．]?)(?:\*\*)?\s+")
_TAB = 24.0


@dataclass(frozen=True)
class Masthead:
    symbol: str  # A/RES/77/173
    organ: tuple[str, str]  # (Chinese, English) names of the organ
    date: str  # 19 December 2022
    job: str  # 22-28633
    stamp: str  # 201222


# The mastheads of the two pairs typeset (corpora/ods_zh_typeset): their symbols and dates
# are the documents' own; the job numbers and stamps are made up in the ODS form.
ARES_HEAD = Masthead("A/RES/77/173", ("大会", "General Assembly"), "19 December 2022", "22-28633", "201222")
UDHR_HEAD = Masthead("A/RES/217(III)", ("大会", "General Assembly"), "10 December 1948", "48-00217", "101248")


class _Page:
    """One page after another on a reportlab canvas, in the ODS layout."""

    def __init__(self, path: Path, zh: bool, head: Masthead, total: int) -> None:
        from reportlab.lib.pagesizes import A4, LETTER
        from reportlab.pdfgen import canvas

        self.zh, self.head, self.total = zh, head, total
        self.face = _face(zh)
        if zh:
            self.face = type(self.face)(self.face.font, 10.5, 15.0, 21.0)
        else:
            self.face = type(self.face)(self.face.font, 10.0, 12.0, _TAB)
        self.width, self.height = A4 if zh else LETTER
        self.canvas = canvas.Canvas(str(path), pagesize=(self.width, self.height), invariant=1)
        self.left, self.right = 123.4, 123.4 + 365.0
        self.number = 1
        self.notes: list[list[list[Run]]] = []
        self.y = 0.0
        self._top()

    # -- furniture ---------------------------------------------------------------------------
    def _font(self, size: float, bold: bool = False, latin: bool = False) -> None:
        if self.zh and not latin:
            self.canvas.setFont(self.face.font, size)
        else:
            self.canvas.setFont("Times-Bold" if bold else "Times-Roman", size)

    def _top(self) -> None:
        c, h = self.canvas, self.height
        if self.number == 1:
            self._font(14)
            c.drawString(self.left, h - 57.8, "联合国" if self.zh else "United Nations")
            self._font(14, latin=True)
            c.drawRightString(self.right + 64, h - 57.8, self.head.symbol)
            self._font(20, bold=True)
            c.drawString(self.left, h - 86.4, self.head.organ[0] if self.zh else self.head.organ[1])
            self._font(10, latin=True)
            for k, line in enumerate(
                ["Distr.: General", self.head.date, *(["Chinese"] if self.zh else []), "Original: English"]
            ):
                c.drawString(397.0, h - 86.4 - 12 * k - (12 if k >= 2 else 0), line)
            self.y = h - 170.0
        else:
            self._font(8.5, bold=True, latin=True)
            if self.number % 2:
                c.drawRightString(self.right + 64, h - 59.0, self.head.symbol)
            else:
                c.drawString(60.0, h - 59.0, self.head.symbol)
            self.y = h - 84.0

    def _foot(self) -> None:
        c = self.canvas
        if self.number == 1:
            self._font(10, latin=True)
            c.drawString(65.4, 44.4, f"{self.head.job} ({'C' if self.zh else 'E'})    {self.head.stamp}")
            c.setFont("Courier", 12)
            c.drawString(65.4, 29.8, f"*{self.head.job.replace('-', '')}*")
            self._font(8.5, bold=True)
            c.drawString(420.0, 34.0, "请回收" if self.zh else "Please recycle")
        else:
            self._font(7, latin=True)
            folio = f"{self.number}/{self.total or '?'}"
            left, right = (self.head.job, folio) if self.number % 2 else (folio, self.head.job)
            c.drawString(60.0, 37.0, left)
            c.drawRightString(552.0, 37.0, right)

    # -- text --------------------------------------------------------------------------------
    def room(self, note_lines: int) -> bool:
        """Whether a line, and the notes it brings to the page, still fit above the foot."""
        lines = note_lines + sum(len(n) for n in self.notes)
        below = 70.0 + lines * self._note_leading + (16.0 if lines else 0.0)
        return self.y - self.face.leading >= below

    @property
    def _note_size(self) -> float:
        return 9.0 if self.zh else 8.5

    @property
    def _note_leading(self) -> float:
        return 12.0 if self.zh else 10.5

    def draw(self, line: list[Run], x: float, size: float, font: str | None = None) -> None:
        """One line of runs: markers smaller and raised (a text rise)."""
        text = self.canvas.beginText(x, self.y)
        for tok, sup in line:
            text.setFont(font or self.face.font, size * 0.62 if sup else size)
            text.setRise(size / 3 if sup else 0)
            text.textOut(tok)
        self.canvas.drawText(text)

    def finish(self, last: bool = False) -> None:
        if self.notes:
            y = 70.0 + sum(len(n) for n in self.notes) * self._note_leading
            self._font(8, bold=True, latin=True)
            self.canvas.drawString(self.left - 24, y + 6, "__________________")
            for note in self.notes:
                for k, line in enumerate(note):
                    y -= self._note_leading
                    self.y = y
                    if k == 0 and line and line[0][1]:  # the note's number, raised, before the margin
                        self.draw(line[:1], self.left - 6, self._note_size)
                        line = line[1:]
                    self.draw(line, self.left, self._note_size)
        self._foot()
        self.canvas.showPage()
        self.number += 1
        self.notes = []
        if not last:
            self._top()


def ods_pdf(
    body: list[str], notes: dict[str, str], path: Path, *, zh: bool, head: Masthead, total: int = 0
) -> int:
    """Paragraphs (Markdown, markers as `<sup>n</sup>`) and their footnotes typeset into an
    ODS-layout PDF at `path`; the number of pages (give it back as `total` for `n/N`)."""
    page = _Page(path, zh, head, total)
    face, width = page.face, page.right - page.left
    placed: set[str] = set()
    lang = Lang.ZH if zh else Lang.EN
    for paragraph in body:
        heading = paragraph.lstrip().startswith("#")
        plain = re.sub(r"[#*]", "", paragraph).strip()
        closing = pt.is_closing(plain, lang) or pt.standalone(plain, lang)
        size = (12.0 if zh else face.size) if heading else face.size
        font = None if zh or not heading else "Times-Bold"
        label = _LABEL.match(paragraph) if not heading else None
        text = paragraph[label.end() :] if label else paragraph
        indent = 0.0 if heading or closing else face.indent
        first = indent + (_TAB if label else 0.0)
        lines = _lines(
            _runs(text, zh),
            face if not heading else type(face)(face.font, size, face.leading, 0),
            width,
            first,
        )
        for k, line in enumerate(lines):
            cited = [tok.strip() for tok, sup in line if sup and tok.strip() not in placed]
            wrapped = [
                _lines([(n if zh else f"{n} ", True), *_runs(notes[n], zh)], face, width, 0) for n in cited
            ]
            if not page.room(sum(len(w) for w in wrapped)):
                page.finish()
            x = page.left + (first if k == 0 else 0.0)
            if closing:
                x = page.right - sum(face.width(tok) for tok, _ in line)
            if k == 0 and label:
                page.draw([(label[1], False)], page.left + indent, size, font)
            page.draw(line, x, size, font)
            page.y -= max(face.leading, size * 1.25)
            page.notes.extend(wrapped)
            placed.update(cited)
        page.y -= 6.0
    page.finish(last=True)
    page.canvas.save()
    return page.number - 1


def resolution_ods_pdf(units: list[Unit], source: str, path: Path, *, zh: bool, head: Masthead) -> None:
    """A gold pair's side (tests.support.render.gold_units) typeset in the ODS layout: the
    body in the order the source prints it, each footnote at the foot of the page citing
    it; twice, the second time with the page count in `n/N`."""
    notes = {u.key: u.text.split("</sup>", 1)[-1].strip() for u in units if u.kind == "footnote"}
    body = [u.text for u in in_document_order([u for u in units if u.kind != "footnote"], source)]
    total = ods_pdf(body, notes, path, zh=zh, head=head)
    ods_pdf(body, notes, path, zh=zh, head=head, total=total)


def udhr_paragraphs_with_headings(xml_path: Path) -> list[str]:
    """The UDHR's title, section and article titles (as `## ` headings), paragraphs and
    numbered list items, in document order."""
    import xml.etree.ElementTree as ET

    ns = "{http://efele.net/udhr}"
    root = ET.parse(xml_path).getroot()
    items = {id(p) for item in root.iter(f"{ns}listitem") for p in item}
    out: list[str] = []
    for el in root.iter():
        text = " ".join("".join(el.itertext()).split())
        if el.tag == f"{ns}title":
            out.append(f"## {text}")
        elif el.tag == f"{ns}orderedlist":
            out += [
                f"{n}. {' '.join(''.join(i.itertext()).split())}"
                for n, i in enumerate(el.findall(f"{ns}listitem"), 1)
            ]
        elif el.tag == f"{ns}para" and id(el) not in items:
            out.append(text)
    return out
