"""What kind of file an input is, told from its content as well as its name, and its
text: plain text and Markdown as they are, Word files through documents.docx, PDF
files through their text layer (documents.pdf), web pages through their markup
(documents.html).

A file whose content contradicts its name (a `.docx` that is not a ZIP package, a `.pdf`
without the PDF header) is refused, as is anything that is none of these.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import regex

from unterm.documents.decode import decode, read_bytes
from unterm.documents.pdf import pdf_text
from unterm.errors import InputError
from unterm.signature import digest

_OLE = b"\xd0\xcf\x11\xe0"
# A web page opens with its doctype or `html` element (after an XML declaration or
# comments); one named .html may be a fragment, with a body, paragraphs or headings.
_HTML = regex.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", regex.I | regex.S
)
_HTML_BODY = regex.compile(r"<(?:body|p|div|h[1-6]|table|ol|ul)\b[^>]*>", regex.I)


@dataclass(frozen=True, slots=True)
class Source:
    """An input's text and how it was had."""

    text: str
    encoding: str  # the text encoding, or the format a text layer came from (docx, pdf)
    kind: str  # markdown, text, docx, pdf, html
    markdown: bool  # whether to read it as Markdown (blank lines between paragraphs)
    notes: tuple[str, ...] = ()  # what was read otherwise than written
    digest: str = ""  # the file's content hash (signature.digest), what outputs name it by


def load(path: Path) -> Source:
    """Read any input unterm takes; InputError says why a file cannot be used."""
    data = read_bytes(path)
    return replace(_source(data, path), digest=digest(data))


def _source(data: bytes, path: Path) -> Source:
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-"):
        return Source(pdf_text(data, str(path)), "pdf", "pdf", False)
    if data.startswith(b"PK\x03\x04"):
        if not _is_docx(data, path):
            raise InputError(f"{path}: is a ZIP archive but not a Word document (.docx)")
        from unterm.documents.docx import docx_text  # deferred: python-docx is only needed here

        text, notes = docx_text(data, str(path))
        return Source(text, "docx", "docx", True, notes)
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
    if _HTML.match(text) or (suffix in (".html", ".htm", ".xhtml") and _HTML_BODY.search(text)):
        from unterm.documents.html import html_text  # deferred: lxml is only needed here

        return Source(html_text(text, str(path)), encoding, "html", True)
    if suffix in (".html", ".htm", ".xhtml"):
        raise InputError(f"{path}: is named {suffix} but holds no HTML markup")
    markdown = suffix in (".md", ".markdown")
    return Source(text, encoding, "markdown" if markdown else "text", markdown)


def _is_docx(data: bytes, path: Path) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        what = "Word file" if path.suffix.lower() == ".docx" else "ZIP archive"
        raise InputError(f"{path}: is a damaged {what} (the ZIP package cannot be opened)") from None
