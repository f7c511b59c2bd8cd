"""TMX 1.4b: a translation memory CAT tools import (SDL Trados, memoQ, OmegaT, Phrase).

English is the source language (`srclang="en"`, the usual direction of UN translation);
each pair with both sides is one `tu` with a `tuv` for `en` and one for `zh-CN`, and
`prop`s for the document symbol, paragraph key, kind and confidence (and `x-reviewed`,
`edited` or `confirmed`, for a pair a reviser has edited or confirmed). Pairs with one side
only have nothing to offer a translation memory and are left out; the header says how
many. The header's `x-signature` says how the file was made. TMX 1.4b:
https://www.gala-global.org/tmx-14b
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import BinaryIO

from unterm.align.model import Alignment, Provenance, Row, confidence_of, review_of
from unterm.align.rows import signature
from unterm.errors import InputError
from unterm.lang.languages import EN_TAG, ZH_TAG
from unterm.lang.text import xml_safe
from unterm.version import __version__

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    el = ET.SubElement(parent, "prop", type=kind)
    el.text = xml_safe(value)


def tmx_tree(alignment: Alignment, zh_tag: str = ZH_TAG, en_tag: str = EN_TAG) -> ET.ElementTree:
    """The alignment as a TMX 1.4b element tree, its languages tagged `zh_tag`, `en_tag`."""
    root = ET.Element("tmx", version="1.4")
    table = alignment.rows()
    header = ET.SubElement(
        root,
        "header",
        creationtool="unterm",
        creationtoolversion=__version__,
        segtype=alignment.level,
        adminlang="en",
        srclang=en_tag,
        datatype="plaintext",
    )
    header.set("o-tmf", "unterm")
    _prop(header, "x-signature", str(signature(alignment)))
    if alignment.symbol:
        _prop(header, "x-document", alignment.symbol)
    _prop(header, "x-unmatched-pairs", str(sum(1 for p in alignment.pairs if not (p.zh and p.en))))
    body = ET.SubElement(root, "body")
    # (a pair has both sides where its blocks do: a segment cut to fit a CAT tool's may
    # have an empty Chinese, its translation being in the segment before; align.fit)
    for n, (p, r) in enumerate(zip(alignment.pairs, table, strict=True), start=1):
        if not (p.zh and p.en):
            continue
        tu = ET.SubElement(body, "tu", tuid=str(n))
        if alignment.symbol:
            _prop(tu, "x-document", alignment.symbol)
        if r.key:
            _prop(tu, "x-key", r.key)
        if alignment.level == "sentence":
            _prop(tu, "x-sentence", str(r.sentence))
        _prop(tu, "x-kind", r.kind)
        _prop(tu, "x-score", f"{r.score:.3f}")
        if r.reviewed:
            _prop(tu, "x-reviewed", r.reviewed.value)
        for tag, text in ((en_tag, r.en), (zh_tag, r.zh)):
            tuv = ET.SubElement(tu, "tuv")
            tuv.set(_XML_LANG, tag)
            seg = ET.SubElement(tuv, "seg")
            seg.text = xml_safe(text)  # a PDF extractor can leave control characters
    ET.indent(root)
    return ET.ElementTree(root)


def write_tmx(alignment: Alignment, out: BinaryIO, zh_tag: str = ZH_TAG, en_tag: str = EN_TAG) -> None:
    tmx_tree(alignment, zh_tag, en_tag).write(out, encoding="UTF-8", xml_declaration=True)


def _root(path: Path) -> ET.Element:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise InputError(f"{path}: is not well-formed XML ({err})") from None
    if root.tag != "tmx":
        raise InputError(f"{path}: is not a TMX file (root element <{root.tag}>)")
    return root


def tmx_provenance(path: Path) -> Provenance:
    """The signature, document symbol and level a TMX file's header gives."""
    header = _root(path).find("header")
    if header is None:
        return Provenance()
    props = {p.get("type"): p.text or "" for p in header.findall("prop")}
    segtype = header.get("segtype", "")
    return Provenance(
        props.get("x-signature", ""),
        props.get("x-document", ""),
        segtype if segtype in ("paragraph", "sentence") else "",
    )


# inline codes of another tool's segment (TMX 1.4b 3.7): the native code inside them is
# not text of the segment; the text after them is
_CODES = frozenset(["bpt", "ept", "it", "ph", "ut"])


def seg_text(seg: ET.Element | None) -> str:
    """A segment's text, without the native codes of its inline elements (a `<ph>` that
    holds `<br/>`), with the text of `<hi>` and `<sub>`."""
    if seg is None:
        return ""
    out = [seg.text or ""]
    for child in seg:
        if child.tag not in _CODES:
            out.append(seg_text(child))
        out.append(child.tail or "")
    return "".join(out)


def read_tmx(path: Path) -> list[Row]:
    """The pairs of a TMX file written by unterm (or any en/zh TMX) as rows."""
    root = _root(path)
    out: list[Row] = []
    for n, tu in enumerate(root.iter("tu"), start=1):
        props = {p.get("type"): p.text or "" for p in tu.findall("prop")}
        texts: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
            text = seg_text(tuv.find("seg"))
            texts["zh" if lang.startswith("zh") else "en" if lang.startswith("en") else lang] = text
        where = f"{path}: translation unit {n}"
        try:
            score, sentence = float(props.get("x-score") or 0), int(props.get("x-sentence") or 0)
        except ValueError:
            raise InputError(f"{where}: x-score or x-sentence is not a number") from None
        score = confidence_of(score, where, props.get("x-score"))
        out.append(
            Row(
                texts.get("zh", ""),
                texts.get("en", ""),
                props.get("x-kind", ""),
                props.get("x-key", ""),
                score,
                sentence,
                review_of(props.get("x-reviewed", ""), where),
                tu.get("tuid") or str(n),
            )
        )
    return out
