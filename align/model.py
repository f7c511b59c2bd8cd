"""The values that flow through reading and aligning: blocks, documents, pairs."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Lang(str, Enum):
    """The two languages unterm works between."""

    ZH = "zh"
    EN = "en"

    @property
    def joiner(self) -> str:
        """What goes between two pieces of text joined into one: nothing in Chinese."""
        return "" if self is Lang.ZH else " "


class BlockKind(str, Enum):
    """The part a block plays in a UN document."""

    HEADER = "header"  # session, agenda item, short title, adoption line, [on the report of ...]
    TITLE = "title"  # `77/173. Title of the resolution`
    CHAPEAU = "chapeau"  # `The General Assembly,` / `大会，`
    PREAMBULAR = "preambular"
    HEADING = "heading"  # section heading
    OPERATIVE = "operative"  # numbered paragraph (`1.`, `1．`)
    SUBITEM = "subitem"  # `(a)`, `(i)` inside a numbered paragraph
    FOOTNOTE = "footnote"
    CLOSING = "closing"  # meeting and date after the last paragraph
    PARAGRAPH = "paragraph"  # body text of a document with no resolution structure


@dataclass(frozen=True, slots=True)
class Block:
    """One logical paragraph of a document, as read from its file.

    `key` is the paragraph's own number where it has one: `9` for operative paragraph 9,
    `9 (a)` for its sub-item, `7` for footnote 7, `article 3` for a heading `Article 3`;
    empty otherwise. `footnotes` are the footnote numbers the block cites, in order;
    the markers themselves are not in `text`. `lines` is the 1-based, inclusive span of
    file lines the block was read from (a paragraph cut by a page break spans the
    footnotes between its halves).
    """

    index: int
    kind: BlockKind
    key: str
    text: str
    original: str
    footnotes: tuple[int, ...] = ()
    lines: tuple[int, int] = (0, 0)
    sentence: int = 0  # at sentence level: the sentence pair's number within its paragraph pair


@dataclass(frozen=True, slots=True)
class Document:
    """A document read from a file: its blocks in reading order and what it is."""

    path: str
    lang: Lang
    blocks: tuple[Block, ...]
    symbol: str = ""  # document symbol, e.g. A/RES/77/173, where the text shows one
    encoding: str = "utf-8"
    source_format: str = "text"  # how the file was read: markdown, text, pdf-text

    def __len__(self) -> int:
        return len(self.blocks)


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Blocks of the Chinese and of the English document that translate each other.

    One side may be empty where the other has no counterpart. `score` is the aligner's
    confidence in [0, 1]; `evidence` names what decided the pair (`key 9`, `footnote 7`,
    `symbol A/77/444`, `length 0.91`, ...).
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float
    evidence: tuple[str, ...] = ()

    @property
    def link(self) -> str:
        """The link type as `n-m` (Chinese blocks, English blocks)."""
        return f"{len(self.zh)}-{len(self.en)}"


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two documents and the pairs that align them, in document order."""

    zh: Document
    en: Document
    pairs: tuple[AlignedPair, ...]
    options: tuple[tuple[str, str], ...] = field(default=())

    def text(self, pair: AlignedPair, lang: Lang) -> str:
        """The clean text of one side of a pair, its blocks joined."""
        doc = self.zh if lang is Lang.ZH else self.en
        idx = pair.zh if lang is Lang.ZH else pair.en
        return lang.joiner.join(doc.blocks[i].text for i in idx)

    def kind(self, pair: AlignedPair) -> BlockKind:
        """The kind of a pair: that of its first Chinese block, else its first English one."""
        if pair.zh:
            return self.zh.blocks[pair.zh[0]].kind
        return self.en.blocks[pair.en[0]].kind

    def key(self, pair: AlignedPair) -> str:
        """The paragraph key of a pair; `zh-key|en-key` where the two sides differ."""
        zk = " ".join(k for k in (self.zh.blocks[i].key for i in pair.zh) if k)
        ek = " ".join(k for k in (self.en.blocks[i].key for i in pair.en) if k)
        if zk and ek and zk != ek:
            return f"{zk}|{ek}"
        return zk or ek

    @property
    def symbol(self) -> str:
        """The document symbol, from whichever side shows it."""
        return self.en.symbol or self.zh.symbol

    @property
    def level(self) -> str:
        """`paragraph`, or `sentence` for an alignment taken down to sentences."""
        return dict(self.options).get("level", "paragraph")
