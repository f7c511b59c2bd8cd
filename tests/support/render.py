"""Test helpers that turn the corpora's source formats into the text unterm reads."""

from __future__ import annotations

import csv
import random
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_NS = "{http://efele.net/udhr}"


def udhr_to_markdown(xml_path: Path) -> str:
    """The UDHR XML as a Markdown document: `#` title, `##` section and article titles,
    one paragraph (or list item) a block, in document order."""
    root = ET.parse(xml_path).getroot()
    out: list[str] = []

    def text(el: ET.Element) -> str:
        return " ".join("".join(el.itertext()).split())

    title = root.find(f"{_NS}title")
    if title is not None:
        out.append(f"# {text(title)}")
    for part in root:
        if part.tag == f"{_NS}title":
            continue
        head = part.find(f"{_NS}title")
        if head is not None:
            out.append(f"## {text(head)}")
        for para in part.iter(f"{_NS}para"):
            out.append(text(para))
    return "\n\n".join(out) + "\n"


# --- PDF text ------------------------------------------------------------------------------
_SUP = re.compile(r"\s*<sup>(\d+)</sup>")
_MARK = re.compile(r"\*\*|\*|^#+\s*|\[([^\]]*)\]\(#\)")


@dataclass(frozen=True)
class Unit:
    """One logical paragraph of a gold alignment, on one side."""

    kind: str  # "para" or "footnote"
    key: str
    text: str  # as in the gold file (Markdown)


def gold_units(gold_tsv: Path, side: str) -> list[Unit]:
    with open(gold_tsv, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [Unit(r["kind"], r["key"], r[side]) for r in rows]


def in_document_order(units: list[Unit], source: str) -> list[Unit]:
    """Body units in the order the source document prints them (the gold lists the
    Chinese order; the English closing lines come the other way round)."""
    flat = _norm(source)
    where: dict[int, int] = {}
    pos = 0
    for i, unit in enumerate(units):
        probe = _norm(unit.text)[:40]
        found = flat.find(probe, pos)
        if found < 0:  # printed earlier than the gold lists it
            found = flat.find(probe)
        where[i] = found
        pos = max(pos, found + len(probe))
    return [units[i] for i in sorted(where, key=lambda i: where[i])]


def _norm(text: str) -> str:
    text = _SUP.sub("", unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in text.lower() if ch.isalnum())


_OPEN, _CLOSE = "\ue000", "\ue001"  # sentinels around a marker until the page is laid out
_SENTINEL = re.compile(f"[{_OPEN}{_CLOSE}]")


def _plain(text: str, zh: bool) -> str:
    """Markup gone; a footnote marker becomes bare digits glued to the word before."""
    text = _SUP.sub(lambda m: f"{_OPEN}{m[1]}{_CLOSE}", text)
    text = _MARK.sub(lambda m: m[1] or "", text)
    text = " ".join(text.split())
    if zh:  # a line break in the source is no space in Chinese
        text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])", "", text)
    return text


def _display(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


_NO_LINE_START = set("，。；：、！？）》”’」』】,.;:!?)")


def _hyphenate(word: str, room: int) -> tuple[str, str]:
    """Where a typesetter breaks a word that does not fit in `room` columns: at its own
    hyphen (`multi-` / `stakeholder`, `UN-` / `Habitat`), or, in a long lower-case word, by
    hyphenation (`implemen-` / `tation`), keeping three letters on each side. ("", word)
    where it does not break."""
    if room < 4 or _SENTINEL.search(word):
        return "", word
    hyphen = word.rfind("-", 0, room)
    if hyphen >= 2 and word[hyphen - 1].isalnum() and word[hyphen + 1 : hyphen + 2].isalnum():
        return word[: hyphen + 1], word[hyphen + 1 :]
    letters = re.match(r"[a-z]+", word)
    if letters and len(letters[0]) >= 7:
        cut = min(room - 1, len(letters[0]) - 3)
        if cut >= 3:
            return word[:cut] + "-", word[cut:]
    return "", word


def _wrap(text: str, width: int, rng: random.Random, zh: bool, hyphenate: bool = False) -> list[str]:
    """Wrap like a typesetter with a proportional font: each line's capacity varies;
    with `hyphenate`, English words are broken at line ends too (see `_hyphenate`)."""
    lines: list[str] = []
    if zh:  # break between characters, never inside a number, symbol or Latin word
        line, used, cap = "", 0, width
        for token in re.findall(r"[!-~]+| |.", text):
            w = sum(_display(ch) for ch in token)
            if used + w > cap and line.strip() and token[0] not in _NO_LINE_START:
                lines.append(line.rstrip())
                line, used, cap = "", 0, width - rng.randint(0, 2)
                if token == " ":
                    continue
            line += token
            used += w
        if line.strip():
            lines.append(line.rstrip())
        return lines
    words = text.split()
    line, cap = "", int(width * rng.uniform(0.9, 1.0))
    for word in words:
        if line and len(line) + 1 + len(word) > cap:
            room = cap - len(line) - 1
            head, tail = _hyphenate(word, room) if hyphenate else ("", word)
            if head:
                line = f"{line} {head}"
            lines.append(line)
            line, cap = tail, int(width * rng.uniform(0.9, 1.0))
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def render_pdf_text(units: list[Unit], source: str, *, zh: bool, **layout: object) -> str:
    """A gold pair's side (see `gold_units`) as a PDF text extractor gives it; the
    layout options are those of `pdf_pages`."""
    notes = {u.key: u.text.split("</sup>", 1)[-1] for u in units if u.kind == "footnote"}
    body = [u.text for u in in_document_order([u for u in units if u.kind != "footnote"], source)]
    return pdf_pages(body, notes, zh=zh, **layout)  # type: ignore[arg-type]


def udhr_paragraphs(xml_path: Path, titles: bool = False) -> list[str]:
    """The UDHR's paragraphs (and, with `titles`, its section and article titles, and
    the numbers of its list items, as the printed Declaration shows them)."""
    root = ET.parse(xml_path).getroot()
    out: list[str] = []
    for el in root.iter():
        text = " ".join("".join(el.itertext()).split())
        if el.tag == f"{_NS}title" and titles:
            out.append(text)
        elif el.tag == f"{_NS}orderedlist":
            for n, item in enumerate(el.findall(f"{_NS}listitem"), start=1):
                item_text = " ".join("".join(item.itertext()).split())
                out.append(f"{n}. {item_text}" if titles else item_text)
        elif el.tag == f"{_NS}para" and not _in_list(root, el):
            out.append(text)
    return out


def _in_list(root: ET.Element, para: ET.Element) -> bool:
    return any(para in list(item) for item in root.iter(f"{_NS}listitem"))


def pdf_pages(
    paragraphs: list[str],
    notes: dict[str, str],
    *,
    zh: bool,
    symbol: str = "A/RES/77/173",
    job: str = "22-28633",
    page_lines: int | None = None,
    seed: int = 0,
    blank_lines: bool = False,
    hyphenate: bool = False,
) -> str:
    """Paragraphs (Markdown, markers as `<sup>n</sup>`) and footnotes laid out as a PDF text
    extractor gives them: no blank lines, lines wrapped at the page width, footnote
    markers as bare digits, each page's footnotes under a rule at its foot, running
    header and footer lines, pages cut wherever they fall. `blank_lines` puts an empty
    line after each paragraph, as some extractors do; `hyphenate` breaks English words at
    line ends as a typesetter does."""
    rng = random.Random(seed)
    width = 80 if zh else 92
    height = page_lines or (34 if zh else 40)
    notes = {k: _plain(v, zh) for k, v in notes.items()}
    lines: list[tuple[str, list[str]]] = []  # (line, notes cited in it)
    for paragraph in paragraphs:
        text = _plain(paragraph, zh)
        for line in _wrap(text, width, rng, zh, hyphenate):
            cited = re.findall(f"{_OPEN}(\\d+){_CLOSE}", line)
            lines.append((re.sub(f"[{_OPEN}{_CLOSE}]", "", line), cited))
        if blank_lines:
            lines.append(("", []))
    pages: list[list[str]] = []
    page: list[str] = []
    page_notes: list[str] = []
    placed: set[str] = set()

    def note_lines(keys: list[str]) -> list[str]:
        out: list[str] = []
        for k in keys:
            wrapped = _wrap(notes[k], width - 4, rng, zh)
            out.append(f"{k} {wrapped[0]}")
            out.extend(wrapped[1:])
        return out

    def close() -> None:
        nonlocal page, page_notes
        foot = ["__________________", *note_lines(page_notes)] if page_notes else []
        pages.append(page + foot)
        page, page_notes = [], []

    for line, cited in lines:
        new = [n for n in cited if n not in placed]
        needed = len(page) + 1 + (len(note_lines(page_notes + new)) + 1 if page_notes or new else 0)
        if page and needed > height:
            close()
        page.append(line)
        page_notes.extend(new)
        placed.update(new)
    close()
    return _with_furniture(pages, zh=zh, symbol=symbol, job=job)


def _with_furniture(pages: list[list[str]], *, zh: bool, symbol: str, job: str) -> str:
    """Pages with the masthead on the first, the symbol at the top of the others, page
    number and job number at each foot, and form feeds between them."""
    out: list[str] = []
    total = len(pages)
    for number, body_lines in enumerate(pages, start=1):
        if number == 1:
            if zh:
                out += ["联合国 " + symbol, "大会 Distr.: General", "2022年12月19日"]
            else:
                out += ["United Nations " + symbol, "General Assembly Distr.: General", "19 December 2022"]
        else:
            out.append(symbol)
        out += body_lines
        out += [f"{number}/{total}", f"{job} (C)" if zh else f"{job} (E)"]
        out.append("\f")
    return "\n".join(out).replace("\n\f\n", "\n\f")


# --- Word and PDF files ----------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NOTE_SUP = re.compile(r"\s*<sup>(\d+)</sup>\s*")


def _plain_markdown(text: str) -> str:
    """Markdown emphasis, headings and links gone; `<sup>n</sup>` markers kept."""
    return " ".join(_MARK.sub(lambda m: m[1] or "", text).split())


def render_docx(units: list[Unit], source: str, path: Path, *, zh: bool) -> None:
    """A gold pair's side as a Word file: operative paragraphs numbered by Word's list
    numbering (style List Number, the digits not in the text), footnotes as real Word
    footnotes referenced where the markers stand, headings as Heading 2."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    notes = {
        u.key: _plain_markdown(_NOTE_SUP.sub("", u.text, count=1)) for u in units if u.kind == "footnote"
    }
    body = in_document_order([u for u in units if u.kind != "footnote"], source)
    for unit in body:
        heading = unit.text.lstrip().startswith("#")
        text = _plain_markdown(unit.text)
        number = re.match(r"^(\d+)[.．]\s*", text)
        style = "Heading 2" if heading else ("List Number" if number else None)
        if number:
            text = text[number.end() :]
        paragraph = document.add_paragraph(style=style)
        for k, piece in enumerate(_NOTE_SUP.split(text)):
            if k % 2 == 0:
                if piece:
                    paragraph.add_run(piece)
                continue
            run = OxmlElement("w:r")
            props = OxmlElement("w:rPr")
            align = OxmlElement("w:vertAlign")
            align.set(qn("w:val"), "superscript")
            props.append(align)
            run.append(props)
            ref = OxmlElement("w:footnoteReference")
            ref.set(qn("w:id"), str(int(piece) + 1))
            run.append(ref)
            paragraph._p.append(run)
    xml = [f'<w:footnotes xmlns:w="{_W}">']
    xml.append('<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>')
    xml.append(
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
    )
    for key, text in notes.items():
        safe = text.replace("&", "&amp;").replace("<", "&lt;")
        xml.append(
            f'<w:footnote w:id="{int(key) + 1}"><w:p><w:r><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {safe}</w:t></w:r></w:p></w:footnote>'
        )
    xml.append("</w:footnotes>")
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "".join(xml).encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))


def render_pdf(text: str, path: Path, *, zh: bool, password: str | None = None) -> None:
    """PDF text (pages separated by form feeds) as a PDF, one text line per printed line,
    in a standard font (Helvetica; for Chinese, Adobe's STSong-Light, which PDF readers
    supply, so that nothing is embedded)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if zh:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        font = "STSong-Light"
    c = canvas.Canvas(str(path), encrypt=password)
    for page in text.rstrip("\n").split("\f"):
        c.setFont(font, 9)
        y = 810.0
        for line in page.split("\n"):
            if line.strip():
                c.drawString(40, y, line)
            y -= 15
        c.showPage()
    c.save()
