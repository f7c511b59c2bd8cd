"""A resolution typeset into a real PDF (reportlab), and its text as PDF text extractors
give it: the artefacts a translator meets come from the extractors, not from us.

The layout follows a UN resolution's: A4, a masthead on the first page, the symbol at the
top of the others, page number and job number at each foot, the first line of each
paragraph indented, headings centred, footnote reference numbers as superscript text
runs (smaller, raised a third of the body size, as a word processor sets them), and
each page's footnotes under a drawn rule at its foot, their numbers superscript too.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.support.render import Unit, in_document_order

_SUP = re.compile(r"\s*<sup>(\d+)</sup>")
_MARK = re.compile(r"\*\*|\*|\[([^\]]*)\]\(#\)")
_HEADING = re.compile(r"^#+\s*")
# no line starts with these (a typesetter's rule), nor does a line end with an opening mark
_NO_START = set("，。；：、！？）》”’」』】,.;:!?)")
_NO_END = set("《“‘（(")


@dataclass(frozen=True)
class _Face:
    font: str
    size: float  # body size in points; markers are 0.62 of it, raised a third of it
    leading: float
    indent: float  # first-line indent

    def width(self, text: str, size: float | None = None) -> float:
        from reportlab.pdfbase import pdfmetrics

        return float(pdfmetrics.stringWidth(text, self.font, size or self.size))


def _face(zh: bool) -> _Face:
    if zh:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        return _Face("STSong-Light", 10.5, 16.0, 21.0)
    return _Face("Times-Roman", 10.0, 12.0, 36.0)


Run = tuple[str, bool]  # text, superscript


def _runs(markdown: str, zh: bool) -> list[Run]:
    """A paragraph's tokens, each a word with the space after it (or a Chinese character)
    or a footnote marker."""
    text = _HEADING.sub("", _MARK.sub(lambda m: m[1] or "", markdown))
    text = " ".join(text.split())
    out: list[Run] = []
    for k, piece in enumerate(_SUP.split(text)):
        if k % 2:
            out.append((piece, True))
            continue
        if out and piece.startswith(" ") and not zh:
            out[-1] = (out[-1][0] + " ", True)
        pattern = r"[!-~]+| |." if zh else r"\S+ ?"
        out.extend((tok, False) for tok in re.findall(pattern, piece.lstrip() if not zh else piece))
    return out


def _lines(runs: list[Run], face: _Face, width: float, indent: float) -> list[list[Run]]:
    """Runs broken into lines: a marker stays with what precedes it, and no line starts
    with closing punctuation or ends with an opening mark."""
    lines: list[list[Run]] = []
    line: list[Run] = []
    used, room = 0.0, width - indent
    for tok, sup in runs:
        w = face.width(tok.rstrip(), face.size * 0.62 if sup else None)
        breakable = line and not sup and tok[0] not in _NO_START and line[-1][0][-1:] not in _NO_END
        if used + w > room and breakable:
            lines.append(line)
            line, used, room = [], 0.0, width
            if tok == " ":
                continue
        line.append((tok, sup))
        used += face.width(tok, face.size * 0.62 if sup else None)
    if line:
        lines.append(line)
    return lines


class _Page:
    """Drawing one page after another on a reportlab canvas."""

    def __init__(self, path: Path, face: _Face, zh: bool, symbol: str, job: str) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        self.canvas = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.face, self.zh, self.symbol, self.job = face, zh, symbol, job
        self.width, self.height = A4
        self.left, self.right = 72.0, A4[0] - 72.0
        self.number = 1
        self.notes: list[list[list[Run]]] = []
        self.y = 0.0
        self._top()

    def _top(self) -> None:
        c, f = self.canvas, self.face
        c.setFont(f.font, 9)
        if self.number == 1:
            masthead = (
                ["联合国", self.symbol, "大会 Distr.: General", "2022年12月19日"]
                if self.zh
                else ["United Nations", self.symbol, "General Assembly Distr.: General", "19 December 2022"]
            )
            c.drawString(self.left, self.height - 50, f"{masthead[0]} {masthead[1]}")
            c.drawString(self.left, self.height - 62, masthead[2])
            c.drawString(self.left, self.height - 74, masthead[3])
            self.y = self.height - 110
        else:
            c.drawString(self.left, self.height - 50, self.symbol)
            self.y = self.height - 80

    def room(self, lines: int, note_lines: int) -> bool:
        below = (
            80 + (note_lines + sum(len(n) for n in self.notes)) * 11 + (14 if note_lines or self.notes else 0)
        )
        return self.y - lines * self.face.leading >= below

    def draw(self, line: list[Run], x: float, size: float | None = None) -> None:
        """One line of runs in one text object: markers as smaller, raised runs (Ts)."""
        f = self.face
        size = size or f.size
        text = self.canvas.beginText(x, self.y)
        for tok, sup in line:
            text.setFont(f.font, size * 0.62 if sup else size)
            text.setRise(size / 3 if sup else 0)
            text.textOut(tok)
        self.canvas.drawText(text)
        self.y -= f.leading if size == f.size else 11

    def finish(self, total: int | None, last: bool = False) -> None:
        c, f = self.canvas, self.face
        if self.notes:
            self.y = 80 + sum(len(n) for n in self.notes) * 11 + 4
            c.line(self.left, self.y + 6, self.left + 110, self.y + 6)
            self.y -= 8
            for note in self.notes:
                for line in note:
                    self.draw(line, self.left, 9)
        c.setFont(f.font, 9)
        c.drawString(self.left, 50, f"{self.job} ({'C' if self.zh else 'E'})")
        c.drawRightString(self.right, 50, f"{self.number}/{total or '?'}")
        c.showPage()
        self.number += 1
        self.notes = []
        if not last:
            self._top()


def typeset(paragraphs: list[str], notes: dict[str, str], path: Path, *, zh: bool, pages: int = 0) -> int:
    """Paragraphs (Markdown, markers as `<sup>n</sup>`) and their footnotes typeset into a
    PDF at `path`; returns the number of pages (give it back as `pages` to print `n/N`)."""
    face = _face(zh)
    page = _Page(path, face, zh, "A/RES/77/173", "22-28633")
    width = page.right - page.left
    placed: set[str] = set()
    for paragraph in paragraphs:
        heading = paragraph.lstrip().startswith("#")
        lines = _lines(_runs(paragraph, zh), face, width, 0 if heading else face.indent)
        for k, line in enumerate(lines):
            cited = [tok.strip() for tok, sup in line if sup and tok.strip() not in placed]
            wrapped = [
                _lines([(n if zh else f"{n} ", True), *_runs(notes[n], zh)], face, width, 0) for n in cited
            ]
            if not page.room(1, sum(len(w) for w in wrapped)):
                page.finish(pages)
            x = page.left + (0 if heading or k else face.indent)
            if heading:
                x = page.left + (width - sum(face.width(t) for t, _ in line)) / 2
            page.draw(line, x)
            page.notes.extend(wrapped)
            placed.update(cited)
        page.y -= face.leading / 3
    page.finish(pages, last=True)
    page.canvas.save()
    return page.number - 1


def extract_pypdf(pdf: Path) -> str:
    """The text layer as pypdf gives it (what `unterm` reads from a .pdf), pages separated
    by form feeds."""
    import pypdf

    return "\f".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages) + "\n"


def extract_pdftotext(pdf: Path, *options: str) -> str:
    """The text as poppler's pdftotext gives it (`-raw`: in content-stream order)."""
    done = subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True)
    return done.stdout


def resolution_pdf(units: list[Unit], source: str, path: Path, *, zh: bool) -> None:
    """A gold pair's side (tests.support.render.gold_units) typeset as its PDF: the body
    in the order the source prints it, each footnote at the foot of the page citing it."""
    notes = {u.key: u.text.split("</sup>", 1)[-1].strip() for u in units if u.kind == "footnote"}
    body = [u.text for u in in_document_order([u for u in units if u.kind != "footnote"], source)]
    pages = typeset(body, notes, path, zh=zh)
    typeset(body, notes, path, zh=zh, pages=pages)  # again, now that `n/N` can be printed


def one_paragraph_a_line(units: list[Unit], source: str) -> str:
    """A gold pair's side as text one paragraph a line, as copied out of a PDF viewer and
    unwrapped: markup gone, footnote markers bare digits glued to the word before
    (`Agreement,1 and`, `Agenda7 readdresses`), each footnote on the line after the
    paragraph citing it (`1 Adopted under ...`)."""
    notes = {u.key: u.text for u in units if u.kind == "footnote"}
    out: list[str] = []
    for unit in in_document_order([u for u in units if u.kind != "footnote"], source):
        out.append(_plain_line(unit.text))
        out += [_plain_line(notes[k]) for k in re.findall(r"<sup>(\d+)</sup>", unit.text)]
    return "\n".join(out) + "\n"


def _plain_line(markdown: str) -> str:
    text = _HEADING.sub("", _MARK.sub(lambda m: m[1] or "", markdown))
    text = re.sub(r"^\s*<sup>(\d+)</sup>\s*", r"\1 ", text)
    return " ".join(re.sub(r"\s*<sup>(\d+)</sup>", r"\1", text).split())
