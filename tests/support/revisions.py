"""Revised copies of real documents for the revision tests: a reviser's edits (a word
changed, a clause inserted, a paragraph deleted, moved, swapped, split, merged,
typography) made to the file's own lines, block by block."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from tests.support.corpora import ARES
from unterm.documents.model import Document
from unterm.documents.read import read_document

Revise = Callable[[str], str]


def once(text: str, old: str, new: str) -> str:
    """The text with `old`, which must be in it, replaced once by `new`."""
    assert old in text, f"{old[:40]!r}… is not in the text (an earlier edit changed it?)"
    return text.replace(old, new, 1)


@dataclass(frozen=True)
class Draft:
    """A real file and its blocks, to make revised copies of."""

    path: Path
    doc: Document

    @staticmethod
    def of(path: Path) -> Draft:
        return Draft(path, read_document(path))

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def raw(self, i: int) -> str:
        """Block i as the file has it (its lines); it must occur once in the file."""
        start, end = self.doc.blocks[i].lines
        raw = "\n".join(self.text.split("\n")[start - 1 : end])
        assert self.text.count(raw) == 1, f"block {i} is not unique in {self.path.name}"
        return raw

    def find(self, needle: str, kind: str = "") -> int:
        """The index of the first block (of a kind) whose text holds `needle`."""
        return next(
            b.index for b in self.doc.blocks if needle in b.text and (not kind or b.kind.value == kind)
        )

    def write(self, folder: Path, *edits: Revise, name: str = "") -> Path:
        """A copy with the edits made, in order; each must change the text."""
        text = self.text
        for edit in edits:
            changed = edit(text)
            assert changed != text, "an edit left the text unchanged"
            text = changed
        out = folder / (name or self.path.name)
        out.write_text(text, encoding="utf-8")
        return out

    # the edits, each on one or two blocks' lines

    def replace(self, i: int, old: str, new: str) -> Revise:
        raw = self.raw(i)
        assert raw.count(old) >= 1, f"{old!r} is not in block {i}"
        return lambda text: once(text, raw, raw.replace(old, new, 1))

    def rewrite(self, i: int, how: Callable[[str], str]) -> Revise:
        raw = self.raw(i)
        return lambda text: once(text, raw, how(raw))

    def delete(self, i: int) -> Revise:
        raw = self.raw(i)
        return lambda text: once(text, raw + "\n", "")

    def swap(self, i: int, j: int) -> Revise:
        a, b = self.raw(i), self.raw(j)
        return lambda text: once(once(once(text, a, "\0"), b, a), "\0", b)

    def move(self, i: int, before: int) -> Revise:
        """Block i taken out and put before block `before`."""
        a, b = self.raw(i), self.raw(before)
        return lambda text: once(once(text, a + "\n", ""), b, a + "\n\n" + b)

    def split(self, i: int, after: str) -> Revise:
        """Block i cut in two paragraphs after the first `after`."""
        raw = self.raw(i)
        at = raw.index(after) + len(after)
        return lambda text: once(text, raw, raw[:at] + "\n\n" + raw[at:])

    def merge(self, i: int, j: int, joiner: str = "") -> Revise:
        """Blocks i and j (the next paragraph) made one."""
        a, b = self.raw(i), self.raw(j)
        return lambda text: once(once(text, b + "\n", ""), a, a + joiner + b)


DIGIT_GAP = regex.compile(r"(?<=\d) (?=\p{Han})|(?<=\p{Han}) (?=\d)")
INSERTED_CLAUSE = "，并请各会员国酌情提供支持"


@dataclass(frozen=True)
class AresRevisions:
    """The A/RES/77/173 Chinese and the paragraphs a reviser works on in it, found by
    their text, with the edits made to each."""

    draft: Draft
    word: int  # preambular 5: 认可 becomes 核可
    clause: int  # operative 5: a clause inserted
    gone: int  # preambular 12: deleted
    swap_a: int  # preambular 8, swapped with preambular 9
    split: int  # operative 7: cut in two after its first comma
    typo: int  # preambular 13: half-width commas, no space between digits and characters

    @property
    def swap_b(self) -> int:
        return self.swap_a + 1

    def edits(self) -> dict[str, Revise]:
        d = self.draft
        return {
            "word": d.replace(self.word, "其中大会认可", "其中大会核可"),
            "clause": d.replace(self.clause, "通过增加", INSERTED_CLAUSE + "通过增加"),
            "deleted": d.delete(self.gone),
            "swapped": d.swap(self.swap_a, self.swap_b),
            "split": d.split(self.split, "具有适当能力，"),
            "typography": d.rewrite(self.typo, lambda raw: DIGIT_GAP.sub("", raw).replace("，", ",")),
        }


@cache
def ares_zh() -> AresRevisions:
    d = Draft.of(ARES / "zh.md")
    return AresRevisions(
        d,
        word=d.find("其中大会认可", "preambular"),
        clause=d.find("5. 邀请会员国", "operative"),
        gone=d.find("欢迎联合国系统行政首长协调理事会", "preambular"),
        swap_a=d.find("还重申致力于促进在城市发展进程中", "preambular"),
        split=d.find("7. 重申需要确保人居署具有适当能力", "operative"),
        typo=d.find("认识到在执行大会 2018 年 12 月 20 日", "preambular"),
    )


def main() -> None:
    """Write the revised copy of the A/RES/77/173 Chinese (every edit of `ares_zh`) to the
    path given: the final version README "Revision reports" compares with the draft.

    usage: python -m tests.support.revisions FINAL.md
    """
    import sys

    if len(sys.argv) != 2:
        sys.exit(main.__doc__)
    target = Path(sys.argv[1])
    target.parent.mkdir(parents=True, exist_ok=True)
    r = ares_zh()
    r.draft.write(target.parent, *r.edits().values(), name=target.name)


if __name__ == "__main__":
    main()
