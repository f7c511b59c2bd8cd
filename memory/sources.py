"""What goes into a memory, at paragraph and at sentence level: a pair of documents
aligned, or the pairs of a file unterm wrote (a corpus TMX or JSON Lines, one
document's TMX or JSON).

A file holds one level: paragraph pairs are taken down to sentences as `unterm align
--level sentence` does (align.sentences); sentence pairs are put back into the
paragraphs they were cut from (their numbers restart at 1 with each paragraph pair). A
document's symbol is the one its text shows, else the one its name spells
(memory.text.name_symbol); its date the one its closing or header lines give, else a
year among its folders.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from unterm.align.model import Alignment, Row
from unterm.align.sentences import paragraph_sentences
from unterm.errors import InputError
from unterm.lang.languages import Lang
from unterm.memory.model import IndexedDocument, Level, Unit
from unterm.memory.text import name_symbol, name_year, text_date

FILE_SUFFIXES = (".tmx", ".jsonl", ".json")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def units(paragraphs: list[Row], sentences: list[Row]) -> tuple[Unit, ...]:
    """A document's units: its paragraph pairs and its sentence pairs (each sentence pair
    with the position of its paragraph pair: sentence numbers restart at 1 with each),
    the pairs with both sides only."""
    out = [
        Unit(Level.PARAGRAPH, n, r.zh, r.en, r.key, r.kind, r.score, 0, n)
        for n, r in enumerate(paragraphs)
        if r.zh and r.en
    ]
    paragraph = -1
    for n, r in enumerate(sentences):
        if r.sentence <= 1:
            paragraph += 1
        if r.zh and r.en:
            out.append(
                Unit(Level.SENTENCE, n, r.zh, r.en, r.key, r.kind, r.score, r.sentence, max(paragraph, 0))
            )
    return tuple(out)


def aligned(name: str, paragraphs: Alignment, sentences: Alignment) -> IndexedDocument:
    """A pair of documents aligned at both levels, as the memory holds it."""
    texts = [
        (paragraphs.kind(p).value, paragraphs.text(p, lang), lang)
        for p in paragraphs.pairs
        for lang in (Lang.EN, Lang.ZH)
        if (p.en if lang is Lang.EN else p.zh)
    ]
    date = text_date(texts) or name_year(name)
    symbol = paragraphs.symbol or name_symbol(name)
    return IndexedDocument(
        name, symbol, date, units(paragraphs.rows(), sentences.rows()), paragraphs.zh.path, paragraphs.en.path
    )


def _sentences_of(rows: list[Row], where: str) -> list[Row]:
    """Paragraph pairs taken down to sentence pairs."""
    out: list[Row] = []
    for r in rows:
        try:
            zh, en, links = paragraph_sentences(r.zh, r.en, one_sided=r.score)
        except InputError as err:
            raise InputError(f"{where}: {err}") from None
        for number, link in enumerate(links, start=1):
            both = bool(link.zh and link.en)
            out.append(
                Row(
                    "".join(zh[i] for i in link.zh),
                    " ".join(en[j] for j in link.en),
                    r.kind,
                    r.key,
                    round(link.score * r.score, 6) if both else link.score,
                    number,
                )
            )
    return out


def _paragraphs_of(rows: list[Row]) -> list[Row]:
    """Sentence pairs put back into their paragraph pairs."""
    groups: list[list[Row]] = []
    for r in rows:
        if not groups or r.sentence <= 1 or r.key != groups[-1][-1].key:
            groups.append([])
        groups[-1].append(r)
    out = []
    for group in groups:
        zh = "".join(r.zh for r in group)
        en = " ".join(r.en for r in group if r.en)
        score = min((r.score for r in group if r.zh and r.en), default=group[0].score)
        out.append(Row(zh, en, group[0].kind, group[0].key, score))
    return out


def from_rows(name: str, rows: list[Row], level: str, where: str) -> IndexedDocument:
    """A document of a file: its rows at their level, the other level made from them."""
    if level == "sentence":
        paragraphs, sentences = _paragraphs_of(rows), rows
    else:
        paragraphs, sentences = rows, _sentences_of(rows, where)
    texts = [
        (r.kind, text, lang) for r in paragraphs for text, lang in ((r.en, Lang.EN), (r.zh, Lang.ZH)) if text
    ]
    date = text_date(texts) or name_year(name)
    symbol = name_symbol(name) or (name if name.count("/") >= 2 else "")
    return IndexedDocument(name, symbol, date, units(paragraphs, sentences))


def read_file(path: Path) -> list[IndexedDocument]:
    """The documents of a file unterm wrote: TMX (one document's, or a corpus's with each
    unit's `x-document`), JSON Lines (a corpus's, a pair a line) or JSON (one document's)."""
    suffix = path.suffix.lower()
    if suffix == ".tmx":
        level, grouped = _tmx(path)
    elif suffix == ".jsonl":
        level, grouped = _jsonl(path)
    elif suffix == ".json":
        level, grouped = _json(path)
    else:
        raise InputError(f"{path}: is not a file of pairs unterm wrote (.tmx, .jsonl, .json)")
    docs = [from_rows(name, rows, level, f"{path}: {name}") for name, rows in grouped]
    if not docs:
        raise InputError(f"{path}: holds no aligned pairs")
    return docs


def _grouped(items: Iterable[tuple[str, Row]]) -> list[tuple[str, list[Row]]]:
    """Rows by document, in the order each document first comes."""
    out: dict[str, list[Row]] = {}
    for name, row in items:
        out.setdefault(name, []).append(row)
    return list(out.items())


def _tmx(path: Path) -> tuple[str, list[tuple[str, list[Row]]]]:
    level = "paragraph"
    header_document = ""

    def units_of() -> Iterator[tuple[str, Row]]:
        nonlocal level, header_document
        try:
            for _, el in ET.iterparse(path, events=("end",)):
                if el.tag == "header":
                    level = "sentence" if el.get("segtype") == "sentence" else "paragraph"
                    props = {p.get("type"): p.text or "" for p in el.findall("prop")}
                    header_document = props.get("x-document", "")
                elif el.tag == "tu":
                    yield _tu(el, path, header_document)
                    el.clear()
        except ET.ParseError as err:
            raise InputError(f"{path}: is not well-formed XML ({err})") from None

    grouped = _grouped(units_of())
    return level, grouped


def _tu(tu: ET.Element, path: Path, document: str) -> tuple[str, Row]:
    props = {p.get("type"): p.text or "" for p in tu.findall("prop")}
    texts: dict[str, str] = {}
    for tuv in tu.findall("tuv"):
        lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
        seg = tuv.find("seg")
        texts[lang[:2]] = "".join(seg.itertext()) if seg is not None else ""
    try:
        score, sentence = float(props.get("x-score") or 0), int(props.get("x-sentence") or 0)
    except ValueError:
        raise InputError(
            f"{path}: unit {tu.get('tuid', '?')}: x-score or x-sentence is not a number"
        ) from None
    name = props.get("x-document") or document or path.stem
    row = Row(
        texts.get("zh", ""),
        texts.get("en", ""),
        props.get("x-kind", ""),
        props.get("x-key", ""),
        score,
        sentence,
    )
    return name, row


def _jsonl(path: Path) -> tuple[str, list[tuple[str, list[Row]]]]:
    sentence_level = False

    def records() -> Iterator[tuple[str, Row]]:
        nonlocal sentence_level
        try:
            with open(path, encoding="utf-8-sig") as f:
                for n, line in enumerate(f, start=1):
                    if not line.strip():
                        continue
                    try:
                        r = json.loads(line)
                    except json.JSONDecodeError as err:
                        raise InputError(f"{path}: line {n}: is not JSON ({err.msg})") from None
                    if (
                        not isinstance(r, dict)
                        or not isinstance(r.get("zh", ""), str)
                        or not isinstance(r.get("en", ""), str)
                    ):
                        raise InputError(f"{path}: line {n}: is not a pair (an object with zh and en)")
                    sentence_level |= "sentence" in r
                    try:
                        row = Row(r.get("zh", ""), r.get("en", ""), str(r.get("kind", "")), str(r.get("key", "")),
                                  float(r.get("score", 0)), int(r.get("sentence", 0)))  # fmt: skip
                    except (TypeError, ValueError):
                        raise InputError(f"{path}: line {n}: score or sentence is not a number") from None
                    yield str(r.get("document") or path.stem), row
        except UnicodeDecodeError:
            raise InputError(f"{path}: is not UTF-8 text") from None

    grouped = _grouped(records())
    return ("sentence" if sentence_level else "paragraph"), grouped


def _json(path: Path) -> tuple[str, list[tuple[str, list[Row]]]]:
    from unterm.align.jsonfile import json_provenance, read_json

    about = json_provenance(path)
    rows = read_json(path)
    level = about.level or ("sentence" if any(r.sentence for r in rows) else "paragraph")
    return level, [(about.document or path.stem, rows)]
