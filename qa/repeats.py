"""A paragraph pasted twice (`structure.repeat`): a block with no counterpart of its own,
or the extra block of a merged pair, whose text is that of another block of the same
version. Reported as a repeat of the block it copies, where it stands, instead of as a
paragraph on one side only (or merged, or numbered twice)."""

from __future__ import annotations

from difflib import SequenceMatcher

from unterm.documents.model import Block, Document
from unterm.lang.languages import Lang
from unterm.lang.length import measure
from unterm.lang.text import squeeze
from unterm.qa.model import Finding, Located

# Two blocks are one text pasted twice when this much of them is the same (difflib's
# ratio): a copy, allowing a changed number or a stray space
SAME = 0.9
# Shorter blocks (in Chinese characters, English counted as its translation would be)
# repeat legitimately: headings, "大会，"
MIN_LENGTH = 12
_LANG = {Lang.ZH: "Chinese", Lang.EN: "English"}
_OTHER = {Lang.ZH: "English", Lang.EN: "Chinese"}


def check_repeats(loc: Located) -> list[Finding]:
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if p.zh and p.en and len(p.zh) == len(p.en):
            continue
        for lang, doc, blocks in ((Lang.ZH, a.zh, p.zh), (Lang.EN, a.en, p.en)):
            if p.zh and p.en and len(blocks) < 2:
                continue  # the side with one block of a merged pair copies nothing
            for b in blocks:
                copied = _copied(doc, doc.blocks[b], lang)
                if copied is not None:
                    out.append(_finding(loc, i, lang, b, copied))
                    break
            else:
                continue
            break
    return out


def _body(block: Block) -> str:
    return squeeze(block.body)


def _copied(doc: Document, block: Block, lang: Lang) -> Block | None:
    """The block of the same document whose text this one repeats, if any."""
    text = _body(block)
    size = measure(text, lang) / (1 if lang is Lang.ZH else 3.56)
    if size < MIN_LENGTH:
        return None
    for other in doc.blocks:
        if other.index == block.index:
            continue
        candidate = _body(other)
        if abs(len(candidate) - len(text)) > (1 - SAME) * max(len(text), len(candidate)):
            continue
        if SequenceMatcher(None, text, candidate, autojunk=False).ratio() >= SAME:
            return other
    return None


def _finding(loc: Located, i: int, lang: Lang, block: int, copied: Block) -> Finding:
    names = loc.zh_names if lang is Lang.ZH else loc.en_names
    return loc.finding(
        "structure.repeat",
        i,
        f"the {_LANG[lang]} repeats {names[copied.index]}: its text again ({loc.place(lang, block)}), "
        f"where the {_OTHER[lang]} has it once: pasted twice?",
    )
