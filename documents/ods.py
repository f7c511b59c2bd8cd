"""The rows of an OpenDocument spreadsheet (.ods, as LibreOffice saves one), read from its
`content.xml` as a stream: a cell or row repeated (`number-columns-repeated`,
`number-rows-repeated`, which LibreOffice writes for the empty rest of a sheet) is
repeated only while it holds text, so a sheet that declares a million empty rows costs
nothing. pandas' ODS reader would need odfpy and expands every repetition."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from unterm.errors import InputError

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T = f"{{{_TABLE}}}"


def ods_rows(
    path: Path, package: zipfile.ZipFile, sheets: Sequence[str], max_cell: int
) -> tuple[str, Iterator[list[str]]]:
    """The name of the sheet read (the first of `sheets` the workbook has, else its first)
    and its rows."""
    try:
        names = _sheet_names(package)
    except (KeyError, etree.XMLSyntaxError) as err:
        raise InputError(f"{path}: is not a readable ODS workbook ({type(err).__name__})") from None
    if not names:
        raise InputError(f"{path}: the workbook has no sheets")
    name = next((s for s in sheets if s in names), names[0])
    return name, _rows(path, package, name, max_cell)


def _parser(package: zipfile.ZipFile) -> Any:
    return etree.iterparse(
        package.open("content.xml"),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )


def _sheet_names(package: zipfile.ZipFile) -> list[str]:
    names = []
    for event, el in _parser(package):
        if event == "start" and el.tag == f"{_T}table":
            names.append(el.get(f"{_T}name", ""))
        elif event == "end" and el.tag == f"{_T}table":
            el.clear()
    return names


def _rows(path: Path, package: zipfile.ZipFile, name: str, max_cell: int) -> Iterator[list[str]]:
    inside = False
    try:
        for event, el in _parser(package):
            if el.tag == f"{_T}table":
                if event == "start":
                    inside = el.get(f"{_T}name", "") == name
                elif inside:
                    return
                continue
            if not inside or event != "end" or el.tag != f"{_T}table-row":
                continue
            row = _row(el, path, max_cell)
            repeat = int(el.get(f"{_T}number-rows-repeated", "1") or 1)
            el.clear()
            for _ in range(repeat if row else 1):
                yield list(row)
    except etree.XMLSyntaxError as err:
        raise InputError(f"{path}: sheet {name!r} cannot be read ({err})") from None


def _row(el: Any, path: Path, max_cell: int) -> list[str]:
    row: list[str] = []
    pending = 0  # empty cells not yet written: written only if a cell with text follows
    for cell in el:
        if cell.tag not in (f"{_T}table-cell", f"{_T}covered-table-cell"):
            continue
        repeat = int(cell.get(f"{_T}number-columns-repeated", "1") or 1)
        text = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{_TEXT}}}p"))
        if len(text) > max_cell:
            raise InputError(f"{path}: a cell is longer than {max_cell:,} characters")
        if not text:
            pending += repeat
            continue
        row += [""] * pending + [text] * min(repeat, 16384)
        pending = 0
    return row
