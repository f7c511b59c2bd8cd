"""What the aligner sees of a block or a sentence: its length, its language-neutral
anchors, and whatever extra evidence a caller gives it.

Extra evidence is any function `evidence(text, lang) -> anchors`: a termbase's term
pairs (termbase.evidence) make a paragraph holding 人居署 and one holding UN-Habitat
share an anchor. The aligner knows nothing of where the evidence comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import regex

from unterm.align.cost import Unit
from unterm.align.split import inline_items, sentence_key
from unterm.documents.model import Block, note_key
from unterm.lang.anchors import Anchor, AnchorKind, extract_anchors
from unterm.lang.languages import Lang
from unterm.lang.length import measure


class Evidence(Protocol):
    """Extra anchors for a text: what it shares with its translation beyond the
    language-neutral anchors (numbers, symbols, dates) found in every text."""

    def __call__(self, text: str, lang: Lang) -> Sequence[Anchor]: ...


def unit_of(block: Block, lang: Lang, evidence: Evidence | None = None) -> Unit:
    """What the aligner sees of a block: length, anchors (the footnotes it cites and the
    extra evidence included), kind, key."""
    anchors = list(extract_anchors(block.body, lang))
    anchors += [Anchor(AnchorKind.FOOTNOTE, note_key(block.part, n)) for n in block.footnotes]
    if evidence is not None:
        anchors += evidence(block.text, lang)
    return Unit.of(measure(block.text, lang), anchors, block.kind, block.key)


def sentence_unit(sentence: str, lang: Lang, clause: bool = False) -> Unit:
    """What the aligner sees of a sentence: length, anchors, dictionary evidence, the
    paragraph number or item letter it opens with (split.sentence_key) and the item
    letters inside it. A `clause` (a Chinese sentence's piece after a ；) opens no
    paragraph: an item letter opening it is one inside the sentence."""
    key = sentence_key(sentence)
    inline = inline_items(sentence)
    if clause and key:
        key, inline = "", inline | {key}
    anchors = extract_anchors(sentence, lang)
    return Unit.of(measure(sentence, lang), anchors, key=key, lex=lexical_keys(sentence, lang), inline=inline)


def lexical_keys(text: str, lang: Lang) -> tuple[frozenset[str], ...]:
    """The dictionary evidence of a sentence (see align.lexical): per content word, the
    keys its meaning matches on. English words by their stems; Chinese words (jieba's
    cut) by the stems of all their CC-CEDICT glosses."""
    from unterm.lang.chinese import cut  # deferred: loads jieba and the dictionary
    from unterm.lang.dictionary import gloss_keys
    from unterm.lang.english import EN_STOP, content_stems, match_keys

    if lang is Lang.EN:
        return tuple(frozenset(match_keys(st)) for st in content_stems(text))
    out = []
    for word in cut(text):
        if word in EN_STOP or not regex.search(r"\p{Han}", word):
            continue
        keys = gloss_keys(word)
        if keys:
            out.append(keys)
    return tuple(out)
