"""The termbase formats: one table, by name and by file extension."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from unterm.errors import InputError
from unterm.files import format_by_extension, write_atomically
from unterm.termbase import tabular, tbx
from unterm.termbase.model import Termbase


class TermFormat(str, Enum):
    TBX = "tbx"
    CSV = "csv"
    XLSX = "xlsx"
    TSV = "tsv"  # OmegaT glossary


@dataclass(frozen=True, slots=True)
class Options:
    """How a termbase is written: language tags (BCP 47) and the TBX version."""

    zh_tag: str = "zh-CN"
    en_tag: str = "en"
    tbx_version: int = 3


@dataclass(frozen=True, slots=True)
class Format:
    extensions: tuple[str, ...]
    write: Callable[[Termbase, Path, Options], None]
    read: Callable[[Path, Options], Termbase]


FORMATS: dict[TermFormat, Format] = {
    TermFormat.TBX: Format(
        (".tbx",),
        lambda tb, p, o: tbx.write_tbx(tb, p, zh_tag=o.zh_tag, en_tag=o.en_tag, version=o.tbx_version),
        lambda p, o: tbx.read_tbx(p),
    ),
    TermFormat.CSV: Format(
        (".csv",),
        lambda tb, p, o: tabular.write_csv(tb, p, zh_tag=o.zh_tag, en_tag=o.en_tag),
        lambda p, o: tabular.read_csv(p, zh_tag=o.zh_tag, en_tag=o.en_tag),
    ),
    TermFormat.XLSX: Format(
        (".xlsx",),
        lambda tb, p, o: tabular.write_xlsx(tb, p, zh_tag=o.zh_tag, en_tag=o.en_tag),
        lambda p, o: tabular.read_xlsx(p, zh_tag=o.zh_tag, en_tag=o.en_tag),
    ),
    TermFormat.TSV: Format(
        (".tsv", ".txt", ".utf8"),
        lambda tb, p, o: tabular.write_omegat(tb, p),
        lambda p, o: tabular.read_omegat(p),
    ),
}


def format_for(path: Path) -> TermFormat:
    return format_by_extension(path, {name: fmt.extensions for name, fmt in FORMATS.items()}, "termbase")


def write_termbase(
    termbase: Termbase, path: Path, options: Options = Options(), fmt: TermFormat | None = None
) -> None:
    """Write a termbase, all or nothing (a temporary file renamed into place)."""
    fmt = fmt or format_for(path)
    tbx.check_tag(options.zh_tag)
    tbx.check_tag(options.en_tag)
    write_atomically(path, lambda tmp: FORMATS[fmt].write(termbase, tmp, options))


def read_termbase(path: Path, options: Options = Options()) -> Termbase:
    """Read a termbase in any of the formats; errors name the file and the problem."""
    fmt = format_for(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: is not a file")
    if not path.stat().st_size:
        raise InputError(f"{path}: the file is empty")
    return FORMATS[fmt].read(path, options)
