"""What kind of file an input is, told from its content as well as its name, and its
text: plain text and Markdown as they are, Word files through align.docx, PDF files
through their text layer (pypdf).

A file whose content contradicts its name (a `.docx` that is not a ZIP package, a `.pdf`
without the PDF header) is refused, as is anything that is none of these.
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

from unterm.align.textio import decode, read_bytes
from unterm.errors import InputError

_OLE = b"\xd0\xcf\x11\xe0"


@dataclass(frozen=True, slots=True)
class Source:
    """An input's text and how it was had."""

    text: str
    encoding: str  # the text encoding, or the format a text layer came from (docx, pdf)
    kind: str  # markdown, text, docx, pdf
    markdown: bool  # whether to read it as Markdown (blank lines between paragraphs)


def load(path: Path) -> Source:
    """Read any input unterm takes; InputError says why a file cannot be used."""
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-"):
        return Source(pdf_text(data, str(path)), "pdf", "pdf", False)
    if data.startswith(b"PK\x03\x04"):
        if not _is_docx(data, path):
            raise InputError(f"{path}: is a ZIP archive but not a Word document (.docx)")
        from unterm.align.docx import docx_text

        return Source(docx_text(data, str(path)), "docx", "docx", True)
    if suffix == ".docx":
        if data.startswith(_OLE):
            raise InputError(
                f"{path}: is an encrypted (password-protected) or old-format Word file: "
                "save it as a .docx without a password"
            )
        raise InputError(f"{path}: is named .docx but is not a Word document (it is not a ZIP package)")
    if suffix == ".pdf":
        raise InputError(f"{path}: is named .pdf but is not a PDF (it has no %PDF header)")
    text, encoding = decode(data, path)
    markdown = suffix in (".md", ".markdown")
    return Source(text, encoding, "markdown" if markdown else "text", markdown)


def _is_docx(data: bytes, path: Path) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        what = "Word file" if path.suffix.lower() == ".docx" else "ZIP archive"
        raise InputError(f"{path}: is a damaged {what} (the ZIP package cannot be opened)") from None


def pdf_text(data: bytes, path: str) -> str:
    """The text layer of a PDF, pages separated by form feeds, as a text extractor gives
    it; refused when password-protected or when it has no text (a scan)."""
    import pypdf  # deferred: only needed for PDF files
    from pypdf.errors import PdfReadError

    # pypdf reports what it repairs through logging, which would print on stderr beside
    # our one line; what matters reaches us as an exception
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{path}: is password-protected: remove the password (or give the text) first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except PdfReadError as err:
        raise InputError(f"{path}: is a damaged PDF ({err})") from None
    except Exception as err:  # pypdf raises a variety on damaged or unusual files
        if "password" in str(err).lower() or "decrypt" in str(err).lower():
            raise InputError(f"{path}: is password-protected: remove the password first") from None
        raise InputError(f"{path}: cannot be read as a PDF ({type(err).__name__}: {err})") from None
    if not any(p.strip() for p in pages):
        raise InputError(f"{path}: has no text layer (a scanned image?): run OCR on it first")
    return "\f".join(p.rstrip("\n") for p in pages) + "\n"
