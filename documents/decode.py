"""Bytes to text: encodings, line ends, and files that are not text at all."""

from __future__ import annotations

import codecs
from pathlib import Path

import regex

from unterm.errors import InputError

# File signatures of formats that are not text (PDF and .docx are read by documents.sources
# before text is decoded).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .xlsx file?)"),
    (b"\xd0\xcf\x11\xe0", "an old or encrypted Office file (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_bytes(path: Path) -> bytes:
    """The bytes of a file, or an InputError that says why they cannot be had."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None


def decode(data: bytes, path: Path | str) -> tuple[str, str]:
    """Decode a text file and return (text, encoding); line ends become `\\n`.

    Tries a byte-order mark (UTF-8, UTF-16, UTF-32), then UTF-8, then GB18030 (which
    covers GBK and GB2312). Raises InputError for an empty file, a known binary format,
    and bytes that no encoding reads as text.
    """
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{path}: is {what}, not a text file")
    text, encoding = _decode(data, path)
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise InputError(f"{path}: is not a text file (it holds binary control bytes)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text, encoding


def _decode(data: bytes, path: Path | str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}: is not valid {encoding.upper()} after its byte-order mark"
                ) from None
    if b"\x00" in data:
        raise InputError(f"{path}: is not a text file (it holds NUL bytes and no byte-order mark)")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}: is not a text file (neither UTF-8, UTF-16 nor GB18030)")
