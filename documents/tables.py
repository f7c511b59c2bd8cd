"""Tables as people save them, read defensively: CSV and tab-separated text from Excel or
LibreOffice in any encoding they write (UTF-8 with or without a byte-order mark, UTF-16
"Unicode Text", GBK/GB18030 from Chinese Windows, Big5), XLSX and ODS workbooks.

Every table input (`align --from`, `--termbase`, `terms --merge`, `qa --ignore`) reads
through `read_table`, which gives a header and rows of text or an InputError naming the
file, the row and what is wrong: a row with more cells than the header, broken quoting,
a cell or a file larger than the limits below, a workbook whose declared sizes would
unpack to more than it may (a "zip bomb"). Nothing is read before its size is known.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from unterm.documents.decode import decode, read_bytes
from unterm.errors import InputError
from unterm.lang.languages import Lang, detect_lang

MAX_FILE = 256 * 2**20  # bytes of a table file
MAX_UNPACKED = 512 * 2**20  # bytes a workbook's parts declare they unpack to
MAX_CELLS = 2_000_000  # cells in one table (a termbase of 100,000 entries has 1.8 million)
MAX_CELL = 1_000_000  # characters in one cell
UNNAMED = "column"  # a column with no heading is called `column 2`
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True, slots=True)
class Table:
    """A table's header and its rows (each as long as the header), and where it came from."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    sheet: str = ""  # the workbook sheet read, if the file is a workbook
    encoding: str = ""  # the text encoding, if the file is text
    delimiter: str = ""  # what separates its cells, if the file is text

    def records(self) -> list[dict[str, str]]:
        """Each row as a dict by column name."""
        return [dict(zip(self.header, row, strict=True)) for row in self.rows]

    def place(self, k: int) -> str:
        """Where the k-th row (0-based) is, as a spreadsheet numbers it: the header is row 1."""
        return f"{self.path}: " + (f"sheet {self.sheet!r}, " if self.sheet else "") + f"row {k + 2}"


def read_table(path: Path, sheets: Sequence[str] = ()) -> Table:
    """The table a file holds: a workbook's sheet named first in `sheets` that it has
    (else its first sheet), or a text file's rows. Raises InputError for a file that is
    none of these, too large, or whose rows cannot be read."""
    _check_size(path)
    data = read_bytes(path)
    if data.startswith(_ZIP):
        return _workbook(path, data, sheets)
    if data.startswith(_OLE):
        raise InputError(
            f"{path}: is an old-format (.xls) or password-protected workbook: save it as .xlsx or CSV"
        )
    text, encoding = decode(data, path)
    delimiter = _delimiter(text)
    header, rows = _split(_text_rows(text, delimiter, path), path)
    return Table(path, header, rows, encoding=encoding, delimiter=delimiter)


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return  # read_bytes says why it cannot be read
    if size > MAX_FILE:
        raise InputError(
            f"{path}: is {size / 2**20:.0f} MB, more than a table may be ({MAX_FILE // 2**20} MB)"
        )


def _delimiter(text: str) -> str:
    """Tab if a text's first line holds one, else the commas or semicolons (Excel's list
    separator in some locales) that it holds more of."""
    first = text.split("\n", 1)[0]
    return "\t" if "\t" in first else ";" if first.count(";") > first.count(",") else ","


def _text_rows(text: str, delimiter: str, path: Path) -> Iterator[list[str]]:
    """The rows of delimited text, a cell no longer than MAX_CELL."""
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL + 1)
    try:
        reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
        while True:
            line = reader.line_num + 1  # where the row begins: a quoted cell may span lines
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                reason = str(err)
                if "field larger than field limit" in reason:
                    reason = f"a cell is longer than {MAX_CELL:,} characters"
                elif "unexpected end of data" in reason:
                    reason = 'a quote opened here is never closed (a cell that holds a " must be quoted)'
                raise InputError(f"{path}: line {line}: {reason}") from None
            yield row
    finally:
        csv.field_size_limit(limit)


def _split(
    rows: Iterable[list[str]], path: Path, sheet: str = ""
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The header (the first row that is not empty) and the rows after it, each padded to
    the header's width; a row that is wider, with text beyond it, is refused."""
    where = f"{path}: " + (f"sheet {sheet!r}, " if sheet else "")
    it = iter(rows)
    header: list[str] = []
    for row in it:
        if any(c.strip() for c in row):
            header = [c.strip().lstrip("\ufeff") or f"{UNNAMED} {k}" for k, c in enumerate(row, start=1)]
            break
    while header and header[-1].startswith(UNNAMED):
        header.pop()
    if not header:
        raise InputError(f"{path}: the table is empty")
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            raise InputError(f"{where}row 1: the column {name!r} appears twice")
        seen.add(name)
    width, cells, out = len(header), 0, []
    for n, row in enumerate(it, start=2):
        cells += max(width, len(row), 1)  # empty rows too: a sheet of a million costs its time
        if cells > MAX_CELLS:
            raise InputError(f"{where}holds more than {MAX_CELLS:,} cells: split it into smaller tables")
        if len(row) > width:
            if any(c.strip() for c in row[width:]):
                raise InputError(
                    f"{where}row {n}: has {len(row)} cells where the header names {width} columns"
                )
            row = row[:width]
        if not any(c.strip() for c in row):
            continue
        out.append(tuple(row) + ("",) * (width - len(row)))
    return tuple(header), tuple(out)


def _workbook(path: Path, data: bytes, sheets: Sequence[str]) -> Table:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
        unpacked = sum(i.file_size for i in package.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{path}: is not a readable workbook (a damaged ZIP package)") from None
    if unpacked > MAX_UNPACKED:
        raise InputError(
            f"{path}: would unpack to {unpacked / 2**20:,.0f} MB, more than a workbook may "
            f"({MAX_UNPACKED // 2**20} MB)"
        )
    if "xl/workbook.xml" in names:
        sheet, rows = _xlsx_rows(path, data, sheets)
    elif "mimetype" in names and package.read("mimetype").strip() == _ODS:
        from unterm.documents.ods import ods_rows

        sheet, rows = ods_rows(path, package, sheets, MAX_CELL)
    elif "word/document.xml" in names:
        raise InputError(f"{path}: is a Word document, not a table: save the table as .xlsx or CSV")
    else:
        raise InputError(f"{path}: is a ZIP archive but neither an XLSX nor an ODS workbook")
    header, table = _split(rows, path, sheet)
    return Table(path, header, table, sheet=sheet)


def _xlsx_rows(path: Path, data: bytes, sheets: Sequence[str]) -> tuple[str, Iterator[list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises several kinds for a package that is not XLSX
        raise InputError(f"{path}: is not a readable XLSX workbook ({type(err).__name__})") from None
    if not book.sheetnames:
        raise InputError(f"{path}: the workbook has no sheets")
    name = next((s for s in sheets if s in book.sheetnames), book.sheetnames[0])
    sheet = book[name]
    # the size a sheet declares (`A1:XFD1048576`) may be a lie: read what is there
    sheet.reset_dimensions()

    def rows() -> Iterator[list[str]]:
        try:
            for values in sheet.iter_rows(values_only=True):
                row = [_cell(v) for v in values]
                while row and not row[-1]:
                    row.pop()
                if any(len(c) > MAX_CELL for c in row):
                    raise InputError(f"{path}: sheet {name!r}: a cell is longer than {MAX_CELL:,} characters")
                yield row
        except InputError:
            raise
        except Exception as err:  # a damaged sheet part
            raise InputError(f"{path}: sheet {name!r} cannot be read ({type(err).__name__})") from None
        finally:
            book.close()

    return name, rows()


def _cell(value: object) -> str:
    """A workbook cell as text: a whole number without `.0`, nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


# What people head a language's column with: a language tag in any case and region
# (`zh`, `ZH-CN`, `zh_Hans`, `en-US`), its name in English or Chinese, CAT tools' labels
_NAMES = {
    Lang.ZH: (
        "chinese",
        "中文",
        "汉语",
        "漢語",
        "简体中文",
        "簡體中文",
        "繁体中文",
        "繁體中文",
        "zho",
        "chi",
        "chs",
        "cht",
        "cn",
    ),
    Lang.EN: ("english", "英文", "英语", "英語", "eng"),
}
_TAG = {
    Lang.ZH: regex.compile(r"zh(?:[-_][a-z0-9]+)*", regex.I),
    Lang.EN: regex.compile(r"en(?:[-_][a-z0-9]+)*", regex.I),
}
_DIRECTIONS = ("source", "target", "src", "tgt", "原文", "译文", "譯文")


def language_of(name: str) -> Lang | None:
    """The language a column's name says it holds, if it says one: `zh-Hans`, `Chinese
    (Simplified)`, `中文` are Chinese; `EN-US`, `English`, `英文` English."""
    text = name.strip()
    folded = regex.sub(r"\s*[(（].*?[)）]\s*$", "", text).strip().lower()
    for lang in Lang:
        if _TAG[lang].fullmatch(text) or folded in _NAMES[lang] or text in _NAMES[lang]:
            return lang
    return None


def language_columns(table: Table, given: dict[Lang, str] | None = None) -> dict[Lang, str]:
    """Which column holds each language: the ones `given` by name (an option), else the
    column whose name says the language, else (`source`/`target` and the like, or
    unnamed) the column whose text is in it. InputError when a language has no column
    or two do."""
    found: dict[Lang, list[str]] = {lang: [] for lang in Lang}
    for lang, name in (given or {}).items():
        if name not in table.header:
            raise InputError(f"{table.path}: has no column {name!r} (found: {', '.join(table.header)})")
        found[lang] = [name]
    for h in table.header:
        said = language_of(h)
        if said is not None and not (given and said in given):
            found[said].append(h)
    unnamed = [h for h in table.header if h.lower() in _DIRECTIONS or regex.fullmatch(rf"{UNNAMED} \d+", h)]
    for lang in Lang:
        if not found[lang] and unnamed:
            found[lang] = [h for h in unnamed if _column_lang(table, h) is lang]
    for lang in Lang:
        if len(found[lang]) > 1:
            raise InputError(
                f"{table.path}: columns {', '.join(map(repr, found[lang]))} all hold {lang.name_en}: "
                "say which with --columns"
            )
        if not found[lang]:
            raise InputError(
                f"{table.path}: has no {lang.name_en} column (found: {', '.join(repr(h) for h in table.header)}); "
                f"head it {lang.value!r} or {lang.name_en!r}, or say which it is with --columns"
            )
    return {lang: names[0] for lang, names in found.items()}


def _column_lang(table: Table, name: str) -> Lang | None:
    k = table.header.index(name)
    return detect_lang(" ".join(row[k] for row in table.rows[:200]))


def parse_columns(text: str) -> dict[Lang, str]:
    """`--columns zh=中文译名,en=Term`: which column holds which language."""
    out: dict[Lang, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        lang, eq, name = part.partition("=")
        try:
            out[Lang(lang.strip().lower())] = name.strip()
        except ValueError:
            raise InputError(f"--columns {text!r}: expected zh=NAME,en=NAME") from None
        if not eq or not name.strip():
            raise InputError(f"--columns {text!r}: expected zh=NAME,en=NAME")
    return out
