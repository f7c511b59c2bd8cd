"""Corpus outputs, written as the pairs' rows stream in (memory does not grow with the
corpus): one TMX for the whole corpus with the document id on each unit; a Moses pair
(`PREFIX.zh`, `PREFIX.en`, line-aligned, and `PREFIX.ids` with the document id,
paragraph key and score of each line); JSON Lines, one aligned pair a line.

Each document's rows reach these writers as `CorpusDocument`s, its id (the pair's name)
and its rows, one at a time: several outputs are written from one pass over the corpus.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import BinaryIO, Protocol
from xml.sax.saxutils import escape, quoteattr

from unterm.align.model import Row
from unterm.lang.languages import EN_TAG, ZH_TAG
from unterm.lang.text import xml_safe
from unterm.signature import Signature
from unterm.version import __version__


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One document of a corpus as its outputs need it."""

    id: str
    rows: tuple[Row, ...]


# the corpus formats `unterm align` writes for a whole corpus
CORPUS_FORMATS = ("tmx", "moses", "jsonl")


class Writer(Protocol):
    """A corpus output written a document at a time: `add` each, then `close`."""

    written: int  # the units or lines written so far

    def add(self, doc: CorpusDocument) -> None: ...

    def close(self) -> None: ...


class Tmx:
    """The corpus as one TMX 1.4b memory (as align.tmx writes one document), each unit
    with the `x-document` it comes from."""

    def __init__(
        self, out: BinaryIO, *, level: str, min_score: float, tags: tuple[str, str] = (ZH_TAG, EN_TAG)
    ) -> None:
        self.out, self.level, self.min_score, self.written = out, level, min_score, 0
        self.zh_tag, self.en_tag = tags
        out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">\n")
        sign = Signature("align", (("corpus", "yes"), ("level", level), ("min-score", f"{min_score:g}")))
        header = (
            f'  <header creationtool="unterm" creationtoolversion={quoteattr(__version__)} '
            f'segtype="{level}" adminlang="en" srclang={quoteattr(self.en_tag)} datatype="plaintext" o-tmf="unterm">\n'
            f'    <prop type="x-signature">{escape(str(sign))}</prop>\n'
            "  </header>\n  <body>\n"
        )
        out.write(header.encode("utf-8"))

    def add(self, doc: CorpusDocument) -> None:
        for n, r in enumerate(doc.rows, start=1):
            if not (r.zh and r.en) or r.score < self.min_score:
                continue
            self.written += 1
            props = [
                ("x-document", doc.id),
                ("x-key", r.key),
                ("x-kind", r.kind),
                ("x-score", f"{r.score:.3f}"),
            ]
            if self.level == "sentence":
                props.insert(2, ("x-sentence", str(r.sentence)))
            unit = [f'    <tu tuid="{escape(xml_safe(doc.id))}#{n}">']
            unit += [f'      <prop type="{t}">{escape(xml_safe(v))}</prop>' for t, v in props if v]
            for tag, text in ((self.en_tag, r.en), (self.zh_tag, r.zh)):
                unit.append(
                    f'      <tuv xml:lang="{tag}">\n        <seg>{escape(xml_safe(text))}</seg>\n      </tuv>'
                )
            unit.append("    </tu>\n")
            self.out.write("\n".join(unit).encode("utf-8"))

    def close(self) -> None:
        self.out.write(b"  </body>\n</tmx>\n")


class Moses:
    """The corpus as line-aligned plain text (pairs with both sides and at least
    `min_score`), and `ids`: document id, key and score a line, tab-separated."""

    def __init__(self, zh: BinaryIO, en: BinaryIO, ids: BinaryIO, *, min_score: float) -> None:
        self.zh, self.en, self.ids, self.min_score, self.written = zh, en, ids, min_score, 0

    def add(self, doc: CorpusDocument) -> None:
        for r in doc.rows:
            if not (r.zh and r.en) or r.score < self.min_score:
                continue
            self.written += 1
            self.zh.write((_one_line(r.zh) + "\n").encode("utf-8"))
            self.en.write((_one_line(r.en) + "\n").encode("utf-8"))
            self.ids.write(f"{_one_line(doc.id)}\t{_one_line(r.key)}\t{r.score:.3f}\n".encode())

    def close(self) -> None:
        pass


class Jsonl:
    """The corpus as JSON Lines, one aligned pair a line with its document id (pairs with
    one side only too; `min_score` applies to pairs with both sides)."""

    def __init__(self, out: BinaryIO, *, min_score: float) -> None:
        self.out, self.min_score, self.written = out, min_score, 0

    def add(self, doc: CorpusDocument) -> None:
        for r in doc.rows:
            if r.zh and r.en and r.score < self.min_score:
                continue
            self.written += 1
            record = {
                "document": doc.id,
                "key": r.key,
                "kind": r.kind,
                "score": r.score,
                "zh": r.zh,
                "en": r.en,
            }
            if r.sentence:
                record["sentence"] = r.sentence
            self.out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "replace"))

    def close(self) -> None:
        pass


def _one_line(text: str) -> str:
    """Text for a line-aligned file: no line ends or tabs inside a segment."""
    return " ".join(text.split())
