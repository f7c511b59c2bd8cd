"""The values reading produces: blocks and documents."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from unterm.documents.patterns import number_end
from unterm.lang.languages import Lang
from unterm.signature import Input, file_name


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
    SPEAKER = "speaker"  # a meeting record's turn opening: `The President (spoke in Russian): ...`
    SIGNATURE = "signature"  # a letter's signature block: `(Signed) name`, the title under it


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
    # Where footnote numbering restarts (annexes, compilations): the part of the document
    # a footnote belongs to, or whose footnotes a paragraph cites; 0 for the first.
    part: int = 0

    @property
    def note_key(self) -> str:
        """A footnote's number with its part where numbering restarted: `7`, `7@2`."""
        return note_key(self.part, self.key)

    @property
    def body(self) -> str:
        """The text without the block's own number, which is its key and not part of
        what it says (`9. Requests ...` is `Requests ...`, `一、维持…` is `维持…`,
        `(a)第一项` is `第一项`); the whole text where it does not start with a number
        (a later sentence of a numbered paragraph) or is nothing but one (`5.`)."""
        if self.kind in (BlockKind.OPERATIVE, BlockKind.SUBITEM) and self.key:
            return self.text[number_end(self.text) :] or self.text
        return self.text


def note_key(part: int, number: int | str) -> str:
    """The key of footnote `number` in part `part` (0-based): `7` in the first part,
    `7@2` in the second, so that numbering that restarts keeps every note apart."""
    return f"{number}@{part + 1}" if part else str(number)


def note_label(key: str) -> str:
    """A footnote key as a reader says it: `7`, `7 (part 2)`."""
    number, _, part = key.partition("@")
    return f"{number} (part {part})" if part else number


@dataclass(frozen=True, slots=True)
class Document:
    """A document read from a file: its blocks in reading order and what it is."""

    path: str
    lang: Lang
    blocks: tuple[Block, ...]
    symbol: str = ""  # document symbol, e.g. A/RES/77/173, where the text shows one
    encoding: str = "utf-8"
    source_format: str = "text"  # how the file was read: markdown, text, pdf-text
    notes: tuple[str, ...] = ()  # what was read otherwise than written (an absurd list number)
    digest: str = ""  # the content hash of the file it was read from (signature.digest)
    # what a bilingual file calls each block (`translation unit 12`, `unit u7`), where the
    # blocks are its segments: the names a QA report gives
    names: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The file's name without its folder: what outputs call it (never the path as typed)."""
        return file_name(self.path)

    def input(self, role: str) -> Input:
        """The document as an input of a run's signature."""
        return Input(role, self.name, self.digest, (self.source_format, self.encoding))

    def __len__(self) -> int:
        return len(self.blocks)

    def span(self, indices: tuple[int, ...]) -> list[int]:
        """The first and last file line of some of its blocks; empty for none."""
        if not indices:
            return []
        return [self.blocks[indices[0]].lines[0], self.blocks[indices[-1]].lines[1]]
