"""Every file format unterm writes or reads, in one table: for each format the kind of
value it holds (an alignment, a termbase, a QA report), its extensions, a writer to a
byte stream and, where the format can be read back, a reader.

`write` puts a value in a file all or nothing (a temporary file beside it, renamed into
place once complete) or on standard output (`-`); `choose` tells the format from a
file's extension or a `--format` name and refuses, with one line, one that does not
hold that kind of value.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, BinaryIO

from unterm.align import html as alignment_html
from unterm.align import jsonfile, reviewed, tabular, tmx, xliff
from unterm.align.model import Alignment, Provenance, Row
from unterm.errors import FormatError, InputError, OutputError
from unterm.lang.languages import EN_TAG, ZH_TAG, Lang
from unterm.memory import export as search_export
from unterm.memory import html as search_html
from unterm.memory.model import Results
from unterm.outputs import ReaderGone, write_file
from unterm.qa import export
from unterm.qa import html as report_html
from unterm.qa.model import Report
from unterm.revision import export as revision_export
from unterm.revision import html as revision_html
from unterm.revision.model import Corpus, Revision
from unterm.termbase import omegat, tbx
from unterm.termbase import tabular as term_tables
from unterm.termbase.model import Termbase

STDOUT = "-"


class Format(str, Enum):
    """The names of the formats, as `--format` takes them."""

    TSV = "tsv"
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    TMX = "tmx"
    XLIFF = "xliff"  # XLIFF 1.2
    XLIFF2 = "xliff2"  # XLIFF 2.0
    HTML = "html"
    TBX = "tbx"
    RANKED = "ranked"  # a termbase's entries best first, for people (unterm terms on stdout)


@dataclass(frozen=True, slots=True)
class Options:
    """How a value is written and read: the language tags (BCP 47) TMX, XLIFF, TBX and a
    termbase's headings carry; the TBX version; and which columns of a table hold which
    language, where their names do not say."""

    zh_tag: str = ZH_TAG  # --zh-lang
    en_tag: str = EN_TAG  # --en-lang
    tbx_version: int = 2  # TBX 2008, which OmegaT and translate-toolkit import; 3: TBX-Basic
    zh_column: str = ""
    en_column: str = ""

    @property
    def columns(self) -> dict[Lang, str]:
        """The language columns given (`--columns`), by language."""
        return {lang: c for lang, c in ((Lang.ZH, self.zh_column), (Lang.EN, self.en_column)) if c}

    def __post_init__(self) -> None:
        tbx.check_tag(self.zh_tag)
        tbx.check_tag(self.en_tag)
        if self.tbx_version not in (2, 3):
            raise FormatError(
                f"TBX version {self.tbx_version}: unterm writes 3 (ISO 30042:2019) or 2 (TBX 2008)"
            )


@dataclass(frozen=True, slots=True)
class FileFormat:
    """One format for one kind of value."""

    name: Format
    holds: type
    extensions: tuple[str, ...]
    write: Callable[[Any, BinaryIO, Options], None]
    read: Callable[[Path, Options], Any] | None = None  # None: a page for people, not data
    text: bool = True  # false for a binary format that a terminal cannot show
    # what a file of pairs says of how it was made (signature, symbol, level), where it can
    provenance: Callable[[Path], Provenance] | None = None

    @property
    def what(self) -> str:
        return _WHAT[self.holds]


_WHAT: dict[type, str] = {Alignment: "alignment", Termbase: "termbase", Report: "report"}
# what an unknown extension is called in a message: `unknown output extension '.docx'`
_FILE: dict[type, str] = {Alignment: "output", Termbase: "termbase", Report: "report"}
# revision reports: one document (Revision) or a folder of them (Corpus)
_WHAT |= {Revision: "revision report", Corpus: "revision report"}
_FILE |= {Revision: "report", Corpus: "report"}
# search results (unterm search): a concordance or a fuzzy lookup
_WHAT |= {Results: "search result"}
_FILE |= {Results: "results"}


def _tags(o: Options) -> dict[str, str]:
    return {"zh_tag": o.zh_tag, "en_tag": o.en_tag}


FORMATS: tuple[FileFormat, ...] = (
    FileFormat(Format.TSV, Alignment, (".tsv", ".tab", ".txt"), lambda a, f, o: tabular.write_tsv(a, f),
               lambda p, o: tabular.read_rows(p, o.columns)),
    FileFormat(Format.CSV, Alignment, (".csv",), lambda a, f, o: tabular.write_csv(a, f),
               lambda p, o: tabular.read_rows(p, o.columns)),
    FileFormat(Format.XLSX, Alignment, (".xlsx", ".ods"), lambda a, f, o: tabular.write_xlsx(a, f),
               lambda p, o: tabular.read_rows(p, o.columns), text=False,
               provenance=tabular.xlsx_provenance),
    FileFormat(Format.JSON, Alignment, (".json",), lambda a, f, o: jsonfile.write_json(a, f),
               lambda p, o: jsonfile.read_json(p), provenance=jsonfile.json_provenance),
    FileFormat(Format.TMX, Alignment, (".tmx",), lambda a, f, o: tmx.write_tmx(a, f, **_tags(o)), lambda p, o: tmx.read_tmx(p),
               provenance=tmx.tmx_provenance),
    FileFormat(Format.XLIFF, Alignment, (".xlf", ".xliff"), lambda a, f, o: xliff.write_xliff12(a, f, **_tags(o)),
               lambda p, o: xliff.read_xliff(p), provenance=xliff.xliff_provenance),
    FileFormat(Format.XLIFF2, Alignment, (".xlf", ".xliff"), lambda a, f, o: xliff.write_xliff20(a, f, **_tags(o)),
               lambda p, o: xliff.read_xliff(p), provenance=xliff.xliff_provenance),
    FileFormat(Format.HTML, Alignment, (".html", ".htm"), lambda a, f, o: alignment_html.write_html(a, f)),
    FileFormat(Format.TBX, Termbase, (".tbx",),
               lambda t, f, o: tbx.write_tbx(t, f, version=o.tbx_version, **_tags(o)),
               lambda p, o: tbx.read_tbx(p)),
    FileFormat(Format.CSV, Termbase, (".csv",), lambda t, f, o: term_tables.write_csv(t, f, **_tags(o)),
               lambda p, o: term_tables.read_table_file(p, **_tags(o), columns=o.columns)),
    FileFormat(Format.XLSX, Termbase, (".xlsx", ".ods"), lambda t, f, o: term_tables.write_xlsx(t, f, **_tags(o)),
               lambda p, o: term_tables.read_table_file(p, **_tags(o), columns=o.columns), text=False),
    FileFormat(Format.TSV, Termbase, (".utf8", ".txt", ".tab", ".tsv"), lambda t, f, o: omegat.write_omegat(t, f),
               lambda p, o: term_tables.read_table_file(p, **_tags(o), columns=o.columns)
               if term_tables.has_header(p) else omegat.read_omegat(p)),
    FileFormat(Format.RANKED, Termbase, (), lambda t, f, o: term_tables.write_ranked(t, f)),
    FileFormat(Format.HTML, Report, (".html", ".htm"), lambda r, f, o: report_html.write_html(r, f)),
    FileFormat(Format.JSON, Report, (".json",), lambda r, f, o: export.write_json(r, f)),
    FileFormat(Format.CSV, Report, (".csv",), lambda r, f, o: export.write_csv(r, f)),
    FileFormat(Format.XLSX, Report, (".xlsx",), lambda r, f, o: export.write_xlsx(r, f), text=False),
    *(
        entry
        for holds in (Revision, Corpus)
        for entry in (
            FileFormat(Format.HTML, holds, (".html", ".htm"), lambda r, f, o: revision_html.write_html(r, f)),
            FileFormat(Format.JSON, holds, (".json",), lambda r, f, o: revision_export.write_json(r, f)),
            FileFormat(Format.CSV, holds, (".csv",), lambda r, f, o: revision_export.write_csv(r, f)),
            FileFormat(Format.XLSX, holds, (".xlsx",), lambda r, f, o: revision_export.write_xlsx(r, f), text=False),
        )
    ),
    FileFormat(Format.TSV, Results, (".tsv", ".tab"), lambda r, f, o: search_export.write_tsv(r, f)),
    FileFormat(Format.JSON, Results, (".json",), lambda r, f, o: search_export.write_json(r, f)),
    FileFormat(Format.HTML, Results, (".html", ".htm"), lambda r, f, o: search_html.write_html(r, f)),
)  # fmt: skip


def formats_for(holds: type) -> list[FileFormat]:
    """The formats a kind of value can be written in."""
    return [f for f in FORMATS if f.holds is holds]


# Extensions read but not written, and why: a name the tool it is for would ignore.
_NOT_WRITTEN: dict[tuple[type, str], str] = {
    (Alignment, ".ods"): "unterm reads ODS workbooks but writes XLSX, which LibreOffice opens: name it .xlsx",
    (Termbase, ".ods"): "unterm reads ODS workbooks but writes XLSX, which LibreOffice opens: name it .xlsx",
    (Termbase, ".tsv"): (
        "OmegaT does not load a glossary named .tsv (3.6 ignores it, later versions read it in the "
        "system's encoding): name it .utf8 (UTF-8 in every OmegaT), .txt or .tab, or write CSV"
    ),
}


def choose(
    holds: type, path: Path | str | None = None, name: Format | str | None = None, *, reading: bool = False
) -> FileFormat:
    """The format to write (or, `reading`, to read) a value in: the one named, else the one
    the file's extension says; FormatError, naming the ones there are, for an unknown
    extension, one that is only read, or a format that does not hold this kind of value."""
    known = formats_for(holds)
    refused = _NOT_WRITTEN.get((holds, Path(str(path)).suffix.lower())) if path is not None else None
    if refused and name is None and not reading:
        raise FormatError(f"{path}: {refused}")
    what = _WHAT[holds]
    if name is not None:
        for f in known:
            if f.name.value == str(getattr(name, "value", name)).lower():
                return f
        listed = ", ".join(f.name.value for f in known)
        raise FormatError(f"--format {getattr(name, 'value', name)}: a {what} is written as one of {listed}")
    if path is None or str(path) == STDOUT:
        raise FormatError(f"no file name to tell the {what} format from: give --format")
    suffix = Path(path).suffix.lower()
    for f in known:
        if suffix in f.extensions:
            return f
    listed = ", ".join(
        dict.fromkeys(e for f in known for e in f.extensions if (holds, e) not in _NOT_WRITTEN)
    )
    if reading:
        if suffix in (".xls", ".xlsb"):
            raise FormatError(
                f"{path}: is an old-format Excel workbook: save it as .xlsx (or CSV) and give that"
            )
        listed = ", ".join(dict.fromkeys(e for f in known if f.read is not None for e in f.extensions))
        raise FormatError(
            f"{path}: unterm reads no {what} from a {suffix or 'nameless'!r} file; give one of {listed}"
        )
    raise FormatError(f"{path}: unknown {_FILE[holds]} extension {suffix or '(none)'!r}; use one of {listed}")


def write(
    value: Alignment | Termbase | Report | Revision | Corpus | Results,
    target: Path | str | BinaryIO,
    fmt: Format | str | None = None,
    options: Options = Options(),
    inputs: Iterable[Path | str] = (),
) -> FileFormat:
    """Write a value to a file (all or nothing, never over one of the `inputs` or the
    files an alignment was read from: see outputs.write_file), to standard output (`-`),
    or to a binary stream; the format is `fmt`, else the file's extension. Returns the
    format used."""
    holds = next((t for t in _WHAT if isinstance(value, t)), None)
    if holds is None:
        raise FormatError(
            f"cannot write a {type(value).__name__}: unterm writes alignments, termbases and reports"
        )
    if not isinstance(target, (str, Path)):
        chosen = choose(holds, None, fmt or Format.TSV)
        chosen.write(value, target, options)
        return chosen
    chosen = choose(holds, target, fmt)
    if str(target) == STDOUT:
        if not chosen.text and sys.stdout.isatty():
            raise FormatError(f"{chosen.name.value} is a binary format: give a file to write it to with -o")
        try:
            chosen.write(value, sys.stdout.buffer, options)
            sys.stdout.flush()
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as err:
            raise OutputError(f"standard output: cannot be written ({err.strerror})") from None
        return chosen
    sources = [*inputs, *_sources(value)]
    write_file(Path(target), lambda out: chosen.write(value, out, options), sources)
    return chosen


def _sources(value: object) -> list[str]:
    """The files a value was read from, which an output must never replace."""
    if isinstance(value, Report):
        value = value.alignment
    if isinstance(value, Alignment):
        return [value.zh.path, value.en.path]
    if isinstance(value, Revision):
        return [value.draft.path, value.final.path, *([value.english] if value.english else [])]
    return []


def read(path: Path | str, holds: type, options: Options = Options()) -> Any:
    """Read a value back from a file in any format that has a reader."""
    path = Path(path)
    chosen = choose(holds, path, reading=True)
    if chosen.read is None:
        raise FormatError(f"{path}: {chosen.name.value} is written for people and cannot be read back")
    if not path.is_file():
        raise InputError(f"{path}: no such file" if not path.exists() else f"{path}: is not a file")
    if not path.stat().st_size:
        raise InputError(f"{path}: the file is empty")
    return chosen.read(path, options)


def read_rows(path: Path | str) -> list[Row]:
    """The rows of an alignment file (TSV, CSV, XLSX, JSON, TMX)."""
    rows: list[Row] = read(path, Alignment)
    return rows


def read_reviewed(path: Path | str, options: Options = Options()) -> Alignment:
    """The alignment a reviewed file of pairs holds (TSV, CSV, XLSX, ODS, JSON, the edits
    a review page exports, TMX; see align.reviewed), ready to be written in any format."""
    path = Path(path)
    rows: list[Row] = read(path, Alignment, options)
    chosen = choose(Alignment, path, reading=True)
    about = chosen.provenance(path) if chosen.provenance is not None else Provenance()
    unit = {Format.JSON: "pair", Format.TMX: "translation unit", Format.XLIFF: "unit"}.get(chosen.name)
    if unit is None:  # a table: its first row is the header
        return reviewed.rebuild(rows, about, path)
    return reviewed.rebuild(rows, about, path, lambda n: f"{unit} {n}")


def read_termbase(path: Path | str, options: Options = Options()) -> Termbase:
    """A termbase in any format unterm writes (TBX, CSV, XLSX, OmegaT TSV)."""
    termbase: Termbase = read(path, Termbase, options)
    return termbase
