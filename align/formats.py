"""The output formats of an alignment: one table, by name and by file extension."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from unterm.align import html, jsonfile, tabular, tmx
from unterm.align.model import Alignment
from unterm.align.rows import Row
from unterm.errors import FormatError
from unterm.files import format_by_extension, write_atomically


class OutputFormat(str, Enum):
    TSV = "tsv"
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    TMX = "tmx"
    HTML = "html"


@dataclass(frozen=True, slots=True)
class Format:
    extensions: tuple[str, ...]
    write: Callable[[Alignment, Path], None]
    read: Callable[[Path], list[Row]] | None  # None: a page for people, not for reading back
    binary: bool = False


FORMATS: dict[OutputFormat, Format] = {
    OutputFormat.TSV: Format((".tsv", ".tab"), tabular.write_tsv, tabular.read_tsv),
    OutputFormat.CSV: Format((".csv",), tabular.write_csv, tabular.read_csv),
    OutputFormat.XLSX: Format((".xlsx",), tabular.write_xlsx, tabular.read_xlsx, binary=True),
    OutputFormat.JSON: Format((".json",), jsonfile.write_json, jsonfile.read_json),
    OutputFormat.TMX: Format((".tmx",), tmx.write_tmx, tmx.read_tmx),
    OutputFormat.HTML: Format((".html", ".htm"), html.write_html, None),
}


def format_for(path: Path) -> OutputFormat:
    """The output format a file name asks for by its extension."""
    return format_by_extension(path, {name: fmt.extensions for name, fmt in FORMATS.items()}, "output")


def write_alignment(alignment: Alignment, path: Path, fmt: OutputFormat | None = None) -> OutputFormat:
    """Write an alignment to a file, all or nothing: to a temporary file beside it first,
    renamed into place only once complete."""
    fmt = fmt or format_for(path)
    write_atomically(path, lambda tmp: FORMATS[fmt].write(alignment, tmp))
    return fmt


def read_rows(path: Path, fmt: OutputFormat | None = None) -> list[Row]:
    """Read back the rows of an alignment file in any format that has a reader."""
    fmt = fmt or format_for(path)
    reader = FORMATS[fmt].read
    if reader is None:
        raise FormatError(f"{path}: {fmt.value} is written for people and cannot be read back")
    return reader(path)
