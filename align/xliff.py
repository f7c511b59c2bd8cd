"""XLIFF: the bilingual file CAT tools review in (SDL Trados, memoQ, Phrase, OmegaT through
Okapi), as XLIFF 1.2 (`.xlf`, the version every tool imports) or XLIFF 2.0 (`-f xliff2`).

One unit per pair (`trans-unit` / `unit` with one `segment`), its id `u` and the pair's row
number (as a TMX `tuid` and a table's row), the English as source and the Chinese as
target; notes give the pair's key, kind, confidence and, at sentence level, its number in
its paragraph pair (`key: 9`, `score: 0.982`); a pair with one side has no target (or an
empty source). The file's notes give the document symbol and the run's signature. Both
validate against the OASIS schemas (tests/data/xliff, tests/align/test_xliff.py).

Read back (`--from`, `unterm qa`): any XLIFF 1.2 or 2.x with English and Chinese, its
inline codes left out of the text (`<ph>`, `<bpt>`; the text of `<g>`, `<pc>`, `<mrk>` kept).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from lxml import etree

from unterm.align.model import Alignment, Provenance, Row, confidence_of, review_of
from unterm.align.rows import signature
from unterm.errors import InputError
from unterm.lang.languages import EN_TAG, ZH_TAG
from unterm.lang.text import xml_safe
from unterm.version import __version__

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS20 = "urn:oasis:names:tc:xliff:document:2.0"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# inline elements whose content is a native code, not text (1.2 and 2.0)
_CODES = frozenset(["bpt", "ept", "it", "ph", "sub", "x", "bx", "ex", "sc", "ec", "cp", "sm", "em"])


def _notes(alignment: Alignment, row: Row) -> list[tuple[str, str]]:
    out = [("key", row.key), ("kind", row.kind), ("score", f"{row.score:.3f}")]
    if alignment.level == "sentence":
        out.append(("sentence", str(row.sentence)))
    if row.reviewed.value:
        out.append(("reviewed", row.reviewed.value))
    return [(k, v) for k, v in out if v]


def _file_notes(alignment: Alignment) -> list[tuple[str, str]]:
    out = [("signature", str(signature(alignment))), ("level", alignment.level)]
    if alignment.symbol:
        out.insert(0, ("document", alignment.symbol))
    return out


def xliff12(alignment: Alignment, zh_tag: str = ZH_TAG, en_tag: str = EN_TAG) -> bytes:
    """The alignment as XLIFF 1.2 (strict)."""
    ns = f"{{{NS12}}}"
    root = etree.Element(f"{ns}xliff", nsmap={None: NS12}, version="1.2")  # type: ignore[dict-item]  # lxml takes None for the default namespace
    file = etree.SubElement(
        root,
        f"{ns}file",
        {"source-language": en_tag, "target-language": zh_tag, "tool-id": "unterm"},
        original=Path(alignment.en.path).name or "en",
        datatype="plaintext",
    )
    header = etree.SubElement(file, f"{ns}header")
    etree.SubElement(
        header, f"{ns}tool", {"tool-id": "unterm", "tool-name": "unterm", "tool-version": __version__}
    )
    for key, value in _file_notes(alignment):
        etree.SubElement(header, f"{ns}note", {"from": "unterm"}).text = xml_safe(f"{key}: {value}")
    body = etree.SubElement(file, f"{ns}body")
    for n, (pair, row) in enumerate(zip(alignment.pairs, alignment.rows(), strict=True), start=1):
        unit = etree.SubElement(body, f"{ns}trans-unit", id=f"u{n}")
        source = etree.SubElement(unit, f"{ns}source")
        source.set(_XML_LANG, en_tag)
        source.text = xml_safe(row.en)
        if pair.zh:
            target = etree.SubElement(
                unit, f"{ns}target", state="signed-off" if row.reviewed.value else "translated"
            )
            target.set(_XML_LANG, zh_tag)
            target.text = xml_safe(row.zh)
        for key, value in _notes(alignment, row):
            etree.SubElement(unit, f"{ns}note", {"from": "unterm"}).text = xml_safe(f"{key}: {value}")
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def xliff20(alignment: Alignment, zh_tag: str = ZH_TAG, en_tag: str = EN_TAG) -> bytes:
    """The alignment as XLIFF 2.0 (core)."""
    ns = f"{{{NS20}}}"
    root = etree.Element(f"{ns}xliff", nsmap={None: NS20}, version="2.0", srcLang=en_tag, trgLang=zh_tag)  # type: ignore[dict-item]  # lxml takes None for the default namespace
    file = etree.SubElement(root, f"{ns}file", id="f1", original=Path(alignment.en.path).name or "en")
    notes = etree.SubElement(file, f"{ns}notes")
    for key, value in _file_notes(alignment):
        etree.SubElement(notes, f"{ns}note", category=key).text = xml_safe(value)
    for n, (pair, row) in enumerate(zip(alignment.pairs, alignment.rows(), strict=True), start=1):
        unit = etree.SubElement(file, f"{ns}unit", id=f"u{n}")
        unit_notes = etree.SubElement(unit, f"{ns}notes")
        for key, value in _notes(alignment, row):
            etree.SubElement(unit_notes, f"{ns}note", category=key).text = xml_safe(value)
        state = "reviewed" if row.reviewed.value else "translated" if pair.zh and pair.en else "initial"
        segment = etree.SubElement(unit, f"{ns}segment", state=state)
        etree.SubElement(segment, f"{ns}source").text = xml_safe(row.en)
        if pair.zh:
            etree.SubElement(segment, f"{ns}target").text = xml_safe(row.zh)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_xliff12(alignment: Alignment, out: BinaryIO, zh_tag: str = ZH_TAG, en_tag: str = EN_TAG) -> None:
    out.write(xliff12(alignment, zh_tag, en_tag))


def write_xliff20(alignment: Alignment, out: BinaryIO, zh_tag: str = ZH_TAG, en_tag: str = EN_TAG) -> None:
    out.write(xliff20(alignment, zh_tag, en_tag))


def _text(element: etree._Element | None) -> str:
    """An element's text without the native codes of its inline elements."""
    if element is None:
        return ""
    out = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname not in _CODES:
            out.append(_text(child))
        out.append(child.tail or "")
    return "".join(out)


def _root(path: Path) -> etree._Element:
    try:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    except etree.XMLSyntaxError as err:
        raise InputError(f"{path}: is not well-formed XML ({err})") from None
    if etree.QName(root).localname != "xliff" or etree.QName(root).namespace not in (NS12, NS20):
        raise InputError(f"{path}: is not XLIFF 1.2 or 2.x (root element <{etree.QName(root).localname}>)")
    return root


def _notes_of(element: etree._Element, ns: str, v2: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for note in element.iter(f"{ns}note"):
        text = _text(note)
        if v2 and note.get("category"):
            out[note.get("category", "")] = text
        else:
            key, sep, value = text.partition(": ")
            if sep:
                out[key] = value
    return out


def xliff_provenance(path: Path) -> Provenance:
    """The signature, document symbol and level an XLIFF file's notes give."""
    root = _root(path)
    v2 = etree.QName(root).namespace == NS20
    ns = f"{{{etree.QName(root).namespace}}}"
    file = root.find(f"{ns}file")
    if file is None:
        return Provenance()
    holder = file.find(f"{ns}notes") if v2 else file.find(f"{ns}header")
    notes = _notes_of(holder, ns, v2) if holder is not None else {}
    level = notes.get("level", "")
    return Provenance(
        notes.get("signature", ""),
        notes.get("document", ""),
        level if level in ("paragraph", "sentence") else "",
    )


def read_xliff(path: Path) -> list[Row]:
    """The pairs of an XLIFF file (1.2 or 2.x, any tool's) as rows, in file order: the
    side whose language is Chinese is zh (by the file's languages, else the target)."""
    root = _root(path)
    v2 = etree.QName(root).namespace == NS20
    ns = f"{{{etree.QName(root).namespace}}}"
    out: list[Row] = []
    for file in root.iter(f"{ns}file"):
        source_lang = (root.get("srcLang") if v2 else file.get("source-language")) or ""
        zh_source = source_lang.lower().startswith("zh")
        units = file.iter(f"{ns}unit") if v2 else file.iter(f"{ns}trans-unit")
        for unit in units:
            where = f"{path}: unit {unit.get('id') or len(out) + 1}"
            segments = unit.findall(f"{ns}segment") if v2 else [unit]
            source = "".join(_text(s.find(f"{ns}source")) for s in segments)
            target = "".join(_text(s.find(f"{ns}target")) for s in segments)
            notes = _notes_of(unit, ns, v2)
            try:
                score, sentence = float(notes.get("score") or 0), int(notes.get("sentence") or 0)
            except ValueError:
                raise InputError(f"{where}: its score or sentence note is not a number") from None
            zh, en = (source, target) if zh_source else (target, source)
            out.append(
                Row(
                    zh,
                    en,
                    notes.get("kind", ""),
                    notes.get("key", ""),
                    confidence_of(score, where, notes.get("score")),
                    sentence,
                    review_of(notes.get("reviewed", ""), where),
                    unit.get("id") or str(len(out) + 1),
                )
            )
    return out
