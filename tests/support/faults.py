"""Helpers for the QA tests: faulty copies of the real pairs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.support.corpora import ARES, CORPORA, ROOT
from unterm.qa.model import Finding

ARES_PAIR = (ARES / "zh.md", ARES / "en.md")
GA_PAIR = (CORPORA / "un_ga_55_100_sample" / "UN.en-zh.zh", CORPORA / "un_ga_55_100_sample" / "UN.en-zh.en")
GLOSSARY = ROOT / "tests" / "data" / "un_glossary.csv"

Edit = Callable[[str], str]


def faulty(
    folder: Path, zh: Edit | None = None, en: Edit | None = None, pair: tuple[Path, Path] = ARES_PAIR
) -> tuple[Path, Path]:
    """A copy of a real pair with an edit made to one or both sides; an edit must change
    the text (a test of a fault that is not there would pass for nothing)."""
    out = []
    for path, edit in zip(pair, (zh, en), strict=True):
        text = path.read_text(encoding="utf-8")
        if edit is not None:
            changed = edit(text)
            assert changed != text, f"the edit left {path.name} unchanged"
            text = changed
        target = folder / path.name
        target.write_text(text, encoding="utf-8")
        out.append(target)
    return out[0], out[1]


def without_line(start: str) -> Edit:
    """Delete the line that starts with `start` (exactly one must)."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        hits = [k for k, line in enumerate(lines) if line.startswith(start)]
        assert len(hits) == 1, f"{len(hits)} lines start with {start!r}"
        del lines[hits[0]]
        return "\n".join(lines)

    return edit


def replaced(old: str, new: str) -> Edit:
    """Replace the one occurrence of `old`."""

    def edit(text: str) -> str:
        assert text.count(old) == 1, f"{text.count(old)} occurrences of {old!r}"
        return text.replace(old, new)

    return edit


def key(f: Finding) -> tuple[str, str, str, str]:
    return (f.check, f.zh_key, f.en_key, f.message)
