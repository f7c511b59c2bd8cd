"""Reading PDFs as the ODS serves them: time and quality, per PDF, and the libraries the
reader was chosen from.

1. unterm's reading of each PDF of corpora/ods_en_pdf (and the Chinese/English ODS-layout
   PDFs of corpora/ods_zh_typeset): pages, the time to read it (a fresh process's first
   read includes loading the English vocabulary that joins hyphenated words; `warm` is
   the same read again), the paragraphs read whole against the gold
   (tests/expected/ods_pdf), blocks holding page furniture, footnotes found.
2. The same measure for the reader this one replaced: pypdf's plain `extract_text()`
   read by the text rules (documents.paragraphs).
3. The libraries measured for the page's geometry: the time each takes to give every
   character of every page with its position and size (pypdf: its text with the visitor
   function, which gives runs, not characters), and, for pdfplumber (pdfminer.six), the
   same reading as unterm's fed with its characters.

usage: python -m bench.pdf_read [--libraries]
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.support.corpora import ARES, CORPORA, ROOT
from tests.support.ods_layout import udhr_paragraphs_with_headings
from tests.support.pdf_gold import GoldRow, furniture, gold_of_units, measure, read_gold
from tests.support.render import Unit, gold_units
from unterm.documents.model import Document
from unterm.documents.read import parse, read_document
from unterm.lang.languages import Lang

ODS = CORPORA / "ods_en_pdf"
TYPESET = CORPORA / "ods_zh_typeset"
GOLDS = ROOT / "tests" / "expected" / "ods_pdf"


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        return len(doc)
    finally:
        doc.close()


def _cases() -> list[tuple[Path, list[GoldRow]]]:
    cases = [
        (p, read_gold(GOLDS / f"{p.name.removesuffix('-EN.pdf')}.tsv")) for p in sorted(ODS.glob("*.pdf"))
    ]
    for side in ("zh", "en"):
        units = gold_units(ARES / "gold_align.tsv", side)
        source = (ARES / f"{side}.md").read_text(encoding="utf-8")
        cases.append((TYPESET / f"A_RES_77_173-{side.upper()}.pdf", gold_of_units(units, source)))
        name = "udhr_cmn_hans.xml" if side == "zh" else "udhr_eng.xml"
        udhr = [Unit("para", "", p) for p in udhr_paragraphs_with_headings(CORPORA / "udhr" / name)]
        cases.append(
            (TYPESET / f"UDHR-{side.upper()}.pdf", gold_of_units(udhr, "\n".join(u.text for u in udhr)))
        )
    return cases


def _row(name: str, pages: int, doc: Document, gold: list[GoldRow], first: float, warm: float) -> str:
    m = measure(doc, gold)
    notes = f"{m.notes_found}/{m.notes}" if m.notes else "-"
    return (
        f"| {name} | {pages} | {m.whole}/{m.total} ({m.whole / m.total:.1%}) | {len(furniture(doc, pages))} "
        f"| {notes} | {first:.2f} | {warm:.2f} |"
    )


def readings() -> None:
    print("unterm (pypdfium2, the page's geometry):")
    print("| PDF | pages | paragraphs whole | furniture blocks | footnotes | first read s | warm s |")
    print("|---|---|---|---|---|---|---|")
    totals = [0, 0]
    for path, gold in _cases():
        start = time.perf_counter()
        doc = read_document(path)
        first = time.perf_counter() - start
        start = time.perf_counter()
        read_document(path)
        warm = time.perf_counter() - start
        m = measure(doc, gold)
        totals[0] += m.whole
        totals[1] += m.total
        print(_row(path.name, _pages(path), doc, gold, first, warm))
    print(f"all: {totals[0]}/{totals[1]} paragraphs whole ({totals[0] / totals[1]:.1%})")


def before() -> None:
    """The reader this one replaced: pypdf's plain text, read by the text rules."""
    import pypdf

    print("\nbefore (pypdf extract_text(), the text rules):")
    print("| PDF | paragraphs whole | furniture blocks | footnotes |")
    print("|---|---|---|---|")
    totals = [0, 0]
    for path, gold in _cases()[:9]:
        reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
        text = "\f".join((p.extract_text() or "").rstrip("\n") for p in reader.pages) + "\n"
        doc = parse(text, Lang.EN, path=path.name, kind="pdf")
        m = measure(doc, gold)
        totals[0] += m.whole
        totals[1] += m.total
        notes = f"{m.notes_found}/{m.notes}" if m.notes else "-"
        print(f"| {path.name} | {m.whole}/{m.total} | {len(furniture(doc, _pages(path)))} | {notes} |")
    print(f"all: {totals[0]}/{totals[1]} paragraphs whole ({totals[0] / totals[1]:.1%})")


def _timed(extract: Callable[[bytes], int], data: bytes) -> tuple[float, int]:
    start = time.perf_counter()
    n = extract(data)
    return time.perf_counter() - start, n


def _pypdfium2(data: bytes) -> int:
    from unterm.documents.pdf import pdf_pages

    return sum(len(p.words) for p in pdf_pages(data, "bench"))


def _pypdf_visitor(data: bytes) -> int:
    import pypdf

    runs: list[object] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append((text, tm, size)))
    return len(runs)


def _pdfplumber_chars(data: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return sum(len(p.chars) for p in pdf.pages)


def _plumber_reading(path: Path) -> Document:
    """unterm's reading fed with pdfplumber's characters in place of PDFium's."""
    import pdfplumber

    from unterm.documents.pdf import BOLD, ITALIC, Char, Page, words
    from unterm.documents.pdflines import page_lines
    from unterm.documents.pdfpages import sort_lines
    from unterm.documents.pdfparas import paragraphs
    from unterm.documents.read import parse_paras

    pages = []
    with pdfplumber.open(path) as pdf:
        for k, p in enumerate(pdf.pages):
            chars: list[Char] = []
            for c in p.chars:
                name = c["fontname"].lower()
                style = (BOLD if "bold" in name else 0) | (ITALIC if "italic" in name else 0)
                chars.append((c["text"], c["x0"], c["x1"], p.height - c["matrix"][5], c["size"], style))
            pages.append(Page(k + 1, p.width, p.height, tuple(words(chars))))
    doc = sort_lines([page_lines(p) for p in pages], [p.height for p in pages])
    return parse_paras(paragraphs(doc), Lang.EN, path=path.name, symbol=doc.symbol)


def libraries() -> None:
    print("\nthe libraries: seconds to give every character with its position and size")
    print(
        "| PDF | pages | pypdfium2 (unterm's words) | pypdf (visitor: runs) | pdfplumber (chars) | pdfplumber read whole |"
    )
    print("|---|---|---|---|---|---|")
    for path, gold in _cases()[:9]:
        data = path.read_bytes()
        ours, _ = _timed(_pypdfium2, data)
        visitor, _ = _timed(_pypdf_visitor, data)
        try:
            plumber, _ = _timed(_pdfplumber_chars, data)
            m = measure(_plumber_reading(path), gold)
            plumbed = f"{plumber:.2f} | {m.whole}/{m.total}"
        except ImportError:
            plumbed = "not installed | -"
        print(f"| {path.name} | {_pages(path)} | {ours:.2f} | {visitor:.2f} | {plumbed} |")


if __name__ == "__main__":
    readings()
    before()
    if "--libraries" in sys.argv[1:]:
        libraries()
