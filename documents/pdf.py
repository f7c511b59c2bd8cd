"""PDF files through their text layer (pypdf), as a text extractor gives it."""

from __future__ import annotations

import io
import logging

from unterm.errors import InputError


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
