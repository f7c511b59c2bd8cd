"""What a translation memory written by unterm must hold, spelled out for the tests: its
units read back, the units expected for some rows, and the rows a reviser's edits give."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import regex

from unterm.align.model import Review, Row

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
Unit = tuple[str, dict[str, str], str, str]  # tuid, props, English, Chinese


def tmx_units(data: bytes) -> list[Unit]:
    """A TMX file's units as (tuid, props, English, Chinese), in order."""
    out = []
    for tu in ET.fromstring(data).iter("tu"):
        props = {p.get("type", ""): p.text or "" for p in tu.findall("prop")}
        segs = {v.get(XML_LANG): "".join(v.itertext()).strip() for v in tu.findall("tuv")}
        out.append((tu.get("tuid", ""), props, segs["en"], segs["zh-CN"]))
    return out


def unsigned(data: bytes) -> bytes:
    """A TMX file without its signature line, to compare two that differ only in how
    they say they were made."""
    return regex.sub(rb'<prop type="x-signature">[^<]*</prop>', b"", data)


def tmx_signature(data: bytes) -> str:
    header = ET.fromstring(data).find("header")
    assert header is not None
    return next(p.text or "" for p in header.findall("prop") if p.get("type") == "x-signature")


def expected_units(rows: list[Row], document: str = "A/RES/77/173") -> list[Unit]:
    """The units unterm's TMX must hold for these rows (align/tmx.py's rules, written
    out): one per row with both sides, numbered by its row."""
    out = []
    for n, r in enumerate(rows, start=1):
        if not (r.zh and r.en):
            continue
        props = {"x-document": document, **({"x-key": r.key} if r.key else {}), "x-kind": r.kind}
        props["x-score"] = f"{r.score:.3f}"
        if r.reviewed:
            props["x-reviewed"] = r.reviewed.value
        out.append((str(n), props, r.en, r.zh))
    return out


def joined(a: Row, b: Row) -> Row:
    """Two rows joined into one pair by a reviser."""
    key = " ".join(k for k in (a.key, b.key) if k)
    return Row(a.zh + b.zh, " ".join(t for t in (a.en, b.en) if t), a.kind, key, 1.0, 0, Review.EDITED)


def edited(row: Row, zh: str | None = None, en: str | None = None) -> Row:
    """A row a reviser has changed (its text, where given): the reviser's link, score 1."""
    return Row(
        row.zh if zh is None else zh, row.en if en is None else en, row.kind, row.key, 1.0, 0, Review.EDITED
    )


def confirmed(row: Row) -> Row:
    return Row(row.zh, row.en, row.kind, row.key, row.score, row.sentence, Review.CONFIRMED)
