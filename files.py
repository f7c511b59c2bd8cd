"""Output files: their format told by extension, and writing them all or nothing."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TypeVar

from unterm.errors import FormatError

K = TypeVar("K")


def format_by_extension(path: Path, extensions: Mapping[K, tuple[str, ...]], what: str) -> K:
    """The format whose extensions include the file's (any case); FormatError naming the
    known ones otherwise. `what` names the kind of file in the message (output, termbase)."""
    suffix = path.suffix.lower()
    for name, known in extensions.items():
        if suffix in known:
            return name
    listed = ", ".join(e for known in extensions.values() for e in known)
    raise FormatError(f"{path}: unknown {what} extension {suffix or '(none)'!r}; use one of {listed}")


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call `write` on a temporary file beside `path`, and rename it into place only once
    it is complete: a failure leaves no half-written file (and any old one untouched)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
