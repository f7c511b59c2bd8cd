"""What the QA checks find: findings, their severities, the checks that make them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

from unterm.align.model import AlignedPair, Alignment
from unterm.documents.model import BlockKind, Document, note_label
from unterm.documents.units import restarts, scopes
from unterm.lang.languages import Lang


class Severity(str, Enum):
    """How much a finding matters. An error is a difference in content (a missing
    paragraph, a wrong number or reference); a warning, something an editor should look
    at (typography, terminology, a doubtful alignment); info, a note of form."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe."""
        return (Severity.ERROR, Severity.WARNING, Severity.INFO).index(self)

    def at_least(self, other: Severity) -> bool:
        return self.rank <= other.rank


@dataclass(frozen=True, slots=True)
class Check:
    """One kind of finding: its id (`numbers.mismatch`), default severity and what it means."""

    id: str
    severity: Severity
    title: str


CHECKS: dict[str, Check] = {
    c.id: c
    for c in (
        Check("structure.one-sided", Severity.ERROR, "a paragraph, sub-item or heading on one side only"),
        Check("structure.merged", Severity.WARNING, "paragraphs merged or split between the versions"),
        Check("structure.numbering", Severity.ERROR, "paragraph numbering with gaps, repeats or differences"),
        Check("structure.footnote", Severity.ERROR, "a footnote missing, or cited in different places"),
        Check(
            "structure.repeat", Severity.ERROR, "a paragraph pasted twice: the same text again, on one side"
        ),
        Check(
            "content.mismatch", Severity.ERROR, "the two versions of a paragraph do not say the same thing"
        ),
        Check(
            "content.omission", Severity.ERROR, "a clause, list item or part of a paragraph on one side only"
        ),
        Check(
            "content.negation",
            Severity.ERROR,
            "a negation in one version that the other lacks: the meaning reversed",
        ),
        Check(
            "content.modality",
            Severity.ERROR,
            "an obligation in one version where the other grants a permission (shall / 可, 应 / may)",
        ),
        Check(
            "names.mismatch", Severity.ERROR, "a body, State, conference or instrument named on one side only"
        ),
        Check("references.mismatch", Severity.ERROR, "document symbols or resolution numbers that differ"),
        Check("numbers.mismatch", Severity.ERROR, "numbers, dates, years or percentages that differ"),
        Check("terms.missing", Severity.WARNING, "a termbase term whose equivalent is missing"),
        Check("terms.deprecated", Severity.WARNING, "a term the termbase marks deprecated"),
        Check("terms.inconsistent", Severity.WARNING, "one term rendered in different ways"),
        Check("typography.halfwidth", Severity.WARNING, "half-width punctuation in Chinese text"),
        Check("typography.spacing", Severity.WARNING, "spacing between Chinese and digits used both ways"),
        Check("typography.unbalanced", Severity.WARNING, "unbalanced brackets or quotation marks"),
        Check("typography.double-space", Severity.INFO, "doubled spaces in the English"),
        Check("suspicious.identical", Severity.WARNING, "the same text on both sides: untranslated?"),
        Check("suspicious.latin", Severity.WARNING, "a long run of Latin text in the Chinese"),
        Check("suspicious.low-confidence", Severity.WARNING, "a pair the aligner is unsure of"),
    )
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should look at, located on both sides.

    `pair` is the index of the aligned pair in the alignment (-1 for the document as a
    whole); `zh_key` and `en_key` name the paragraph on each side (`9`, `9 (a)`,
    `footnote 7`, `preambular 3`), empty where that side has none; the excerpts are the
    text in question as it appears (or the start of the paragraph).
    """

    check: str
    severity: Severity
    pair: int
    zh_key: str
    en_key: str
    zh_excerpt: str
    en_excerpt: str
    message: str

    @property
    def title(self) -> str:
        return CHECKS[self.check].title

    @property
    def id(self) -> str:
        """A name for the finding that stays the same from run to run of the same files:
        what it is and where, not its message (which may count things) or its number."""
        return finding_id(self.check, self.zh_key, self.en_key, self.zh_excerpt, self.en_excerpt)


def finding_id(check: str, zh_key: str, en_key: str, zh_excerpt: str, en_excerpt: str) -> str:
    """The id of a finding (`Finding.id`) from the columns every report export has."""
    text = "\x1f".join((check, zh_key, en_key, " ".join(zh_excerpt.split()), " ".join(en_excerpt.split())))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Report:
    """An alignment and what the checks found in it, most severe first."""

    alignment: Alignment
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = field(default=())  # how the checks ran: termbase, style

    def count(self, severity: Severity) -> int:
        return sum(f.severity is severity for f in self.findings)

    def at_least(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity.at_least(severity))


_NAMED = {
    BlockKind.HEADER: "header",
    BlockKind.TITLE: "title",
    BlockKind.CHAPEAU: "chapeau",
    BlockKind.PREAMBULAR: "preambular",
    BlockKind.HEADING: "heading",
    BlockKind.CLOSING: "closing",
    BlockKind.PARAGRAPH: "paragraph",
}


_STRUCTURED = (BlockKind.PREAMBULAR, BlockKind.OPERATIVE, BlockKind.SUBITEM)
_NUMBERED = (BlockKind.OPERATIVE, BlockKind.SUBITEM)


def block_names(doc: Document) -> list[str]:
    """What an editor calls each block of a document: its key where it has one (`9`,
    `9 (a)`, `article 3`, `footnote 7`), else its kind and its place among the blocks of
    that kind (`preambular 3`, `closing 2`). In a resolution, a paragraph of no known
    kind (a stray or pasted paragraph) is named by the block before it (`after 4`), so
    a reviser finds it where it is. Where the numbering restarts (a treaty's paragraphs
    in each article), a numbered paragraph is named with its unit: `5 (article 2)`. A
    bilingual file's segments are named as the file names them (Document.names:
    `translation unit 12`, `unit u7`, `row 5`)."""
    if doc.names:
        return list(doc.names)
    seen: dict[BlockKind, int] = {}
    structured = any(b.kind in _STRUCTURED for b in doc.blocks)
    within = scopes(doc.blocks) if restarts(doc.blocks) else None
    out: list[str] = []
    for k, b in enumerate(doc.blocks):
        seen[b.kind] = seen.get(b.kind, 0) + 1
        if b.kind is BlockKind.FOOTNOTE:
            out.append(f"footnote {note_label(b.note_key)}" if b.key else f"footnote ({seen[b.kind]})")
        elif b.key and b.kind in _NUMBERED and within is not None and within[k].label:
            out.append(f"{b.key} ({within[k].label})")
        elif b.key and b.kind is not BlockKind.TITLE:
            out.append(b.key)
        elif b.kind is BlockKind.TITLE:
            out.append("title")
        elif b.kind is BlockKind.CHAPEAU:
            out.append("chapeau")
        elif b.kind is BlockKind.PARAGRAPH and structured and out:
            previous = out[-1].removeprefix("after ")
            out.append(f"after {previous}")
        else:
            out.append(f"{_NAMED.get(b.kind, b.kind.value)} {seen[b.kind]}")
    return out


@dataclass(frozen=True, slots=True)
class Located:
    """An alignment with every block named, so checks can say where a finding is."""

    alignment: Alignment
    zh_names: list[str]
    en_names: list[str]

    @staticmethod
    def of(alignment: Alignment) -> Located:
        return Located(alignment, block_names(alignment.zh), block_names(alignment.en))

    def keys(self, pair: AlignedPair) -> tuple[str, str]:
        """The names of a pair's Chinese and English sides (`4+5` for two blocks)."""
        return (
            "+".join(self.zh_names[i] for i in pair.zh),
            "+".join(self.en_names[i] for i in pair.en),
        )

    def text(self, pair: AlignedPair, lang: Lang) -> str:
        return self.alignment.text(pair, lang)

    def place(self, lang: Lang, block: int) -> str:
        """Where a block is in its file, for a reviser to find it: its line and the
        blocks on either side (`line 107, between 4 and 5`)."""
        doc = self.alignment.zh if lang is Lang.ZH else self.alignment.en
        names = self.zh_names if lang is Lang.ZH else self.en_names
        line = doc.blocks[block].lines[0]
        before = names[block - 1] if block > 0 else ""
        after = names[block + 1] if block + 1 < len(names) else ""
        if before and after:
            return f"line {line}, between {before} and {after}"
        if before or after:
            return f"line {line}, {'after ' + before if before else 'before ' + after}"
        return f"line {line}"

    def finding(
        self,
        check: str,
        index: int,
        message: str,
        *,
        zh_excerpt: str = "",
        en_excerpt: str = "",
        severity: Severity | None = None,
    ) -> Finding:
        """A finding about the pair at `index`; an excerpt left empty is the start of that
        side's text."""
        pair = self.alignment.pairs[index]
        zh_key, en_key = self.keys(pair)
        return Finding(
            check,
            severity or CHECKS[check].severity,
            index,
            zh_key,
            en_key,
            zh_excerpt or excerpt(self.text(pair, Lang.ZH)),
            en_excerpt or excerpt(self.text(pair, Lang.EN)),
            message,
        )


def excerpt(text: str, limit: int = 60) -> str:
    """The start of a text, cut at a word or character boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut + "…"


def around(text: str, start: int, end: int, width: int = 10) -> str:
    """The text from `start` to `end` with a little context on each side, cut from the
    text as it is (so that a report can find it again and mark it)."""
    return text[max(0, start - width) : min(len(text), end + width)].strip()
