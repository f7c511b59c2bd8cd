"""Sentence level: inside each aligned paragraph pair, sentences split (align.split) and
aligned.

The sentences of a paragraph pair are aligned with the same dynamic programme and
scoring as paragraphs (dp.align_units: 1-1, 1-2, 2-1, 1-0, 0-1, and 1-3/3-1 for a
sentence the other language cuts into clauses), with the sentence level's own evidence
(cost.Scorer with `sentences`): the dictionary (align.lexical), the paragraph numbers
and item letters sentences open with, and, where asked for, a sentence-embedding model
for the paragraph pairs the aligner is least sure of (align.embedding). A Chinese piece
cut at ；that finds no English partner goes back to its sentence. The result is an
Alignment whose blocks are the aligned sentences (each side of a sentence pair one
block, carrying its paragraph's kind and key and its number within the paragraph pair),
so every output format writes it as it writes paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial

from unterm.align.cost import Link, Scorer
from unterm.align.dp import align_units
from unterm.align.embedding import GATE, Embeddings
from unterm.align.evidence import sentence_unit
from unterm.align.fit import fit
from unterm.align.model import AlignedPair, Alignment
from unterm.align.split import split_en, split_pair, split_zh
from unterm.align.srx import Rule, Rules, segment
from unterm.documents.model import Block, Document
from unterm.errors import InputError
from unterm.lang.languages import Lang


def align_sentence_lists(zh: list[str], en: list[str], embeddings: Embeddings | None = None) -> list[Link]:
    """The links between the sentences of one paragraph pair; with `embeddings`, a pair
    whose least sure link scores below embedding.GATE is aligned again with the
    embedding evidence too."""
    if len(zh) == 1 and len(en) == 1:
        return [Link((0,), (0,), 1.0, ("one sentence each",))]
    zh_units = [
        sentence_unit(s, Lang.ZH, clause=k > 0 and zh[k - 1].endswith("；")) for k, s in enumerate(zh)
    ]
    en_units = [sentence_unit(s, Lang.EN) for s in en]
    links = align_units(zh_units, en_units, swaps=False, scorer=partial(Scorer, sentences=True))
    if embeddings is not None and min(link.score for link in links) < GATE:
        extra = embeddings.link_costs(zh, en)
        links = align_units(
            zh_units, en_units, swaps=False, scorer=partial(Scorer, sentences=True, extra=extra)
        )
        links = [
            replace(link, evidence=(*link.evidence, f"embeddings {embeddings.model.value}")) for link in links
        ]
    return _rejoin_clauses(links, zh)


@dataclass(frozen=True, slots=True)
class Segmentation:
    """SRX rules to cut sentences by, for each language (srx.Rules.for_language), and
    the rules' name for the signature."""

    zh: tuple[Rule, ...]
    en: tuple[Rule, ...]
    label: str

    @classmethod
    def of(cls, rules: Rules, zh_tag: str = "zh-CN", en_tag: str = "en") -> Segmentation:
        return cls(rules.for_language(zh_tag), rules.for_language(en_tag), rules.label)


# A paragraph pair holds a few sentences (UN text: rarely over 20); one of hundreds is a file
# whose paragraph breaks were lost, and the sentence DP over it would take minutes.
MAX_SENTENCES = 200


def paragraph_sentences(
    zh: str,
    en: str,
    one_sided: float = 1.0,
    embeddings: Embeddings | None = None,
    rules: Segmentation | None = None,
) -> tuple[list[str], list[str], list[Link]]:
    """One paragraph pair's sentences and the links between them (split_pair, or the SRX
    `rules` given, then align_sentence_lists); where one side is empty, each sentence of
    the other is a link of its own with no counterpart, scored `one_sided`."""
    if rules is not None:
        zh_sents, en_sents = segment(zh, rules.zh), segment(en, rules.en)
    else:
        zh_sents, en_sents = split_pair(zh, en) if zh and en else (split_zh(zh), split_en(en))
    if max(len(zh_sents), len(en_sents)) > MAX_SENTENCES:
        raise InputError(
            f"a paragraph of {max(len(zh_sents), len(en_sents))} sentences is too long "
            f"to align sentence by sentence (at most {MAX_SENTENCES}): the file has lost its paragraph "
            "breaks? Align it by paragraph, or restore them"
        )
    if zh_sents and en_sents:
        return zh_sents, en_sents, align_sentence_lists(zh_sents, en_sents, embeddings)
    links = [Link((k,), (), one_sided, ("no counterpart",)) for k in range(len(zh_sents))]
    links += [Link((), (k,), one_sided, ("no counterpart",)) for k in range(len(en_sents))]
    return zh_sents, en_sents, links


def sentence_pairs(zh: str, en: str, embeddings: Embeddings | None = None) -> list[tuple[str, str]]:
    """The sentence pairs of one paragraph pair, as text (an empty side where a sentence
    has no counterpart)."""
    zh_sents, en_sents, links = paragraph_sentences(zh, en, embeddings=embeddings)
    return [("".join(zh_sents[i] for i in link.zh), " ".join(en_sents[j] for j in link.en)) for link in links]


def _rejoin_clauses(links: list[Link], zh: list[str]) -> list[Link]:
    """A Chinese piece cut at ；and left without a partner goes back to the sentence it
    was cut from: a ；is a sentence end only where the English has one too."""
    out = list(links)
    k = 0
    while k < len(out):
        link = out[k]
        if link.en or len(link.zh) != 1:
            k += 1
            continue
        i = link.zh[0]
        before = out[k - 1] if k else None
        after = out[k + 1] if k + 1 < len(out) else None
        if before is not None and before.zh and before.en and zh[before.zh[-1]].endswith("；"):
            out[k - 1 : k + 1] = [Link((*before.zh, i), before.en, before.score, before.evidence)]
            continue
        if after is not None and after.zh and after.en and zh[i].endswith("；"):
            out[k : k + 2] = [Link((i, *after.zh), after.en, after.score, after.evidence)]
            continue
        k += 1
    return out


def _fitted(zh: list[str], en: list[str], links: list[Link]) -> list[tuple[str, str, Link]]:
    """Each link as text, a link of several English segments cut into one per segment,
    its Chinese cut to fit (align.fit): the units a CAT tool's segments match."""
    out: list[tuple[str, str, Link]] = []
    for link in _attach_fragments(links, en):
        zh_text = "".join(zh[i] for i in link.zh)
        if len(link.en) < 2 or not link.zh:
            out.append((zh_text, " ".join(en[j] for j in link.en), link))
            continue
        pieces, how = fit(zh_text, [en[j] for j in link.en])
        for j, piece in zip(link.en, pieces, strict=True):
            out.append(
                (piece, en[j], Link(link.zh, (j,), link.score, (*link.evidence, f"cut to fit: {how}")))
            )
    return out


# a piece of an English sentence the rules cut off and the aligner left alone: a number
# (`4.`, `14` of `14 | December 2022`) or a few words
_FRAGMENT_WORDS = 4


def _attach_fragments(links: list[Link], en: list[str]) -> list[Link]:
    """An English segment with no partner that is a fragment (a number, a few words) goes
    with the link after it (else the one before), whose Chinese is then cut to fit."""
    out = list(links)
    k = 0
    while k < len(out):
        link = out[k]
        text = " ".join(en[j] for j in link.en)
        if link.zh or not link.en or len(text.split()) > _FRAGMENT_WORDS:
            k += 1
            continue
        after = out[k + 1] if k + 1 < len(out) and out[k + 1].zh else None
        before = out[k - 1] if k and out[k - 1].zh else None
        if after is not None and (not after.en or after.en[0] > link.en[-1]):
            out[k : k + 2] = [replace(after, en=(*link.en, *after.en))]
        elif before is not None and (not before.en or before.en[-1] < link.en[0]):
            out[k - 1 : k + 1] = [replace(before, en=(*before.en, *link.en))]
            k -= 1
        else:
            k += 1
    return out


def sentence_alignment(
    alignment: Alignment, embeddings: Embeddings | None = None, rules: Segmentation | None = None
) -> Alignment:
    """The paragraph alignment taken down to sentences (see the module docstring), with
    the embedding evidence where given (align.embedding); with SRX `rules`, sentences
    are the segments those rules cut, each English one a unit of its own (align.fit)."""
    zh_blocks: list[Block] = []
    en_blocks: list[Block] = []
    pairs: list[AlignedPair] = []
    for pair in alignment.pairs:
        zh_text = alignment.text(pair, Lang.ZH) if pair.zh else ""
        en_text = alignment.text(pair, Lang.EN) if pair.en else ""
        try:
            zh, en, links = paragraph_sentences(
                zh_text, en_text, one_sided=pair.score, embeddings=embeddings, rules=rules
            )
        except InputError as err:
            doc, side = (alignment.zh, pair.zh) if pair.zh else (alignment.en, pair.en)
            first, last = doc.span(side)
            raise InputError(f"{doc.path}, lines {first}-{last}: {err}") from None
        zh_first = alignment.zh.blocks[pair.zh[0]] if pair.zh else None
        en_first = alignment.en.blocks[pair.en[0]] if pair.en else None
        units = (
            _fitted(zh, en, links)
            if rules is not None
            else [("".join(zh[i] for i in link.zh), " ".join(en[j] for j in link.en), link) for link in links]
        )
        for number, (zh_unit, en_unit, link) in enumerate(units, start=1):
            # (a fitted piece may be empty: the segment's Chinese is in the one before)
            zh_index = _add(zh_blocks, zh_first, zh_unit, number, alignment.zh, pair.zh, keep=bool(link.zh))
            en_index = _add(en_blocks, en_first, en_unit, number, alignment.en, pair.en)
            both = bool(link.zh and link.en)
            evidence = (f"sentences {len(link.zh)}-{len(link.en)}", *link.evidence) if both else link.evidence
            score = link.score * pair.score if both else link.score
            pairs.append(AlignedPair(zh_index, en_index, round(score, 6), evidence))
    options = (*alignment.options, ("level", "sentence"))
    if embeddings is not None:
        options += (("embeddings", embeddings.model.value),)
    if rules is not None:
        options += (("srx", rules.label),)
    return Alignment(
        replace(alignment.zh, blocks=tuple(zh_blocks)),
        replace(alignment.en, blocks=tuple(en_blocks)),
        tuple(pairs),
        options,
    )


def _add(
    blocks: list[Block],
    first: Block | None,
    text: str,
    number: int,
    doc: Document,
    source: tuple[int, ...],
    keep: bool = False,
) -> tuple[int, ...]:
    """A sentence block in its paragraph's place (kind, key, lines); its index as a tuple.
    An empty text is no block unless `keep`."""
    if first is None or not (text or keep):
        return ()
    lines = (first.lines[0], doc.blocks[source[-1]].lines[1])
    blocks.append(Block(len(blocks), first.kind, first.key, text, text, (), lines, sentence=number))
    return (len(blocks) - 1,)
