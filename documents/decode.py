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
_HAN = regex.compile(r"\p{Han}")


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

    Tries a byte-order mark (UTF-8, UTF-16, UTF-32; refused where the text after it is
    UTF-8), then UTF-8, then GB18030 (which covers GBK and GB2312) and Big5, whichever
    reads as common characters. Raises InputError for an empty file, a known binary
    format, and bytes that no encoding reads as text.
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
            _check_bom(data[len(bom) :], encoding, path)
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    f"{path}: is not valid {encoding.upper()} after its byte-order mark"
                ) from None
    if b"\x00" in data:
        raise InputError(f"{path}: is not a text file (it holds NUL bytes and no byte-order mark)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    readings = {}
    for encoding in ("gb18030", "big5"):  # GB18030 covers GBK and GB2312; Big5 is Traditional
        try:
            readings[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not readings:
        raise InputError(f"{path}: is not a text file (neither UTF-8, UTF-16, GB18030 nor Big5)")
    # GB18030 reads almost any bytes, Big5 text too, as rare characters: the reading whose
    # Han characters are the common ones is the right one
    encoding = max(readings, key=lambda e: _common_share(readings[e]))
    return readings[encoding], encoding


def _check_bom(rest: bytes, encoding: str, path: Path | str) -> None:
    """Refuse a UTF-16 or UTF-32 byte-order mark before text that is really UTF-8 (no NUL
    byte at all, as UTF-16 of any text with digits, spaces or line ends has)."""
    if encoding in ("utf-16", "utf-32") and rest and b"\x00" not in rest:
        try:
            rest.decode("utf-8")
        except UnicodeDecodeError:
            return
        raise InputError(
            f"{path}: has a {encoding.upper()} byte-order mark but its text is UTF-8: "
            "remove the mark (save it as UTF-8)"
        )


# The most used Han characters of UN text, in simplified and traditional forms.
_COMMON = frozenset(
    "的一是不了人在有为之大以个中上们到国和地也时要于就下得可年会对其所行发方成多日三与"
    "进种分此前面又定见主公从知联合议决展持续秘书长报告委员理事安全平权际组织规划署执局"
    "為個們說國時於會對發與進種見從聯議決續書長報員權際組織劃執"
    "各项关区域经济社家政府国家问题工作计划支助执行根据以及通过重申回顾注意到请还强调"
    "項關區經濟問題計劃據過調"
)


def _common_share(text: str) -> float:
    han = _HAN.findall(text)
    return sum(1 for c in han if c in _COMMON) / len(han) if han else 0.0
