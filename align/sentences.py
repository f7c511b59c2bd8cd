"""Sentence level: inside each aligned paragraph pair, sentences split and aligned.

English ends a sentence at `.`, `!` or `?` (a closing quote or bracket may follow) before
a space and a capital, a digit or an opening quote, but not after the abbreviations UN
texts use (`para.`, `No.`, `vol.`, `Add.`, `Corr.`, `Rev.`, `e.g.`, `i.e.`, `Mr.`, `Ms.`,
`St.`, ...) or an initial, and never inside a number or a symbol (`1.25`, `A/77/444`,
`CEB/2019/1/Add.5`) or after a paragraph's own number (`13. The first`). Chinese ends a
sentence at 。！？ (closing quotes and brackets kept with it); where the English
paragraph has more sentences than that, the Chinese is cut at ；too, and the alignment
below joins the pieces again unless the English has a sentence break there: a ；counts
as a sentence end only where the English has a matching break.

The sentences of a paragraph pair are aligned with the same dynamic programme and
scoring as paragraphs (dp.align_units: 1-1, 1-2, 2-1, 1-0, 0-1, and 1-3/3-1 for a
sentence the other language cuts into clauses). The result is an Alignment whose blocks
are the aligned sentences (each side of a sentence pair one block, carrying its
paragraph's kind and key and its number within the paragraph pair), so every output
format writes it as it writes paragraphs.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from unterm.align.anchors import extract_anchors
from unterm.align.dp import Link, Unit, align_units, measure
from unterm.align.model import AlignedPair, Alignment, Block, Document, Lang

ABBREVIATIONS = frozenset(
    [
        "para",
        "paras",
        "no",
        "nos",
        "vol",
        "vols",
        "add",
        "corr",
        "rev",
        "amend",
        "suppl",
        "e.g",
        "i.e",
        "mr",
        "mrs",
        "ms",
        "messrs",
        "st",
        "dr",
        "prof",
        "art",
        "arts",
        "p",
        "pp",
        "cf",
        "viz",
        "ibid",
        "op",
        "cit",
        "approx",
        "fig",
        "figs",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "sec",
        "chap",
        "ch",
        "ed",
        "eds",
        "gen",
        "gov",
        "sect",
        "rep",
        "doc",
        "res",
        "dec",
        "resp",
        "est",
        "tel",
        "ext",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "u.s",
        "u.k",
        "u.n",
    ]
)
# a sentence end: the mark, closing quotes or brackets, then space and what opens a sentence
# (a sentence may open with a lower-case item letter: `b. The activity`, `(c) States`)
_EN_END = regex.compile(
    r"(?<=[.!?][\"”’)\]]*)\s+(?=[\"“‘(\[]?[\p{Lu}\d]|\(?[a-z]{1,3}[.)]\s+[\"“‘(\[]?[\p{Lu}\d])"
)
# a paragraph or item number standing before the text: 13.  (a)  IV.  A.  and a
# resolution's own number before its title: 77/173.
_ENUMERATOR = regex.compile(r"[(\[]?(?:\d+(?:/\d+)?(?:\.\d+)*|[IVXLC]+|[ivx]+|\p{L})[.)\]]")
# after the mark and any closing quotes or brackets (not between the mark and them)
_ZH_END = regex.compile(r"(?<=[。！？!?][”’」』）》)]*)(?![”’」』）》)])")
_ZH_CLAUSE = regex.compile(r"(?<=[。！？!?][”’」』）》)]*)(?![”’」』）》)])|(?<=；)")


def split_en(text: str) -> list[str]:
    """An English paragraph's sentences (see the module docstring)."""
    out: list[str] = []
    start = 0
    for m in _EN_END.finditer(text):
        before = text[start : m.start()]
        if _ENUMERATOR.fullmatch(before.strip()):
            continue  # a paragraph's own number: `13. The first meeting`
        word = regex.search(r"(\S+)$", before)
        token = word[1].rstrip('"”’)]') if word else ""
        if token.endswith("."):
            bare = token[:-1].lstrip('("“‘[').lower()
            if bare in ABBREVIATIONS:
                continue
            if regex.fullmatch(r"\p{Lu}", token[:-1].lstrip('("“‘[')) and _initial(before):
                continue
            if regex.fullmatch(r"(?:\p{L}\.)+\p{L}", bare):  # e.g, i.e, U.S
                continue
        out.append(before.strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


# words a letter or Roman numeral labels (`annex I.`, `section B.`): after them a single
# capital and a full stop end a sentence; elsewhere they are an initial (`A. Smith`)
_LABELS = frozenset(
    [
        "annex",
        "annexes",
        "appendix",
        "article",
        "chapter",
        "part",
        "section",
        "schedule",
        "table",
        "figure",
        "box",
        "phase",
        "category",
        "option",
        "volume",
        "group",
        "item",
        "class",
        "level",
        "type",
        "list",
        "track",
        "goal",
        "stage",
        "component",
        "window",
        "tier",
        "region",
        "zone",
        "sector",
        "plan",
        "model",
        "scenario",
        "grade",
        "round",
        "unit",
    ]
)


def _initial(before: str) -> bool:
    """Whether a single capital before a full stop is a name's initial (`A. Smith`,
    `John F. Kennedy`), not a label ending the sentence (`annex I.`, `Section B.`)."""
    words = before.split()
    return len(words) < 2 or words[-2].strip("(“‘[").lower() not in _LABELS


def split_zh(text: str, clauses: bool = False) -> list[str]:
    """A Chinese paragraph's sentences; with `clauses`, cut at ；too."""
    return [s.strip() for s in (_ZH_CLAUSE if clauses else _ZH_END).split(text) if s.strip()]


def split_pair(zh: str, en: str) -> tuple[list[str], list[str]]:
    """The sentences of a paragraph pair: the Chinese cut at ；too where the English has
    more sentences than the Chinese has full stops (a ；that may stand for an English
    sentence end)."""
    z, e = split_zh(zh), split_en(en)
    if len(z) < len(e):
        z = split_zh(zh, clauses=True)
    return z, e


def _units(sentences: list[str], lang: Lang) -> list[Unit]:
    return [Unit.of(measure(s, lang), extract_anchors(s, lang), lex=lexical_keys(s, lang)) for s in sentences]


def lexical_keys(text: str, lang: Lang) -> tuple[frozenset[str], ...]:
    """The lexical evidence of a sentence (see dp.coverage): per content word, the keys
    its meaning matches on. English words by their stems; Chinese words (jieba's cut)
    by the stems of all their CC-CEDICT glosses."""
    from unterm.termbase.lexicon import EN_STOP, content_stems, gloss_keys, match_keys

    if lang is Lang.EN:
        return tuple(frozenset(match_keys(st)) for st in content_stems(text))
    out = []
    for word in _cut(text):
        if word in EN_STOP or not regex.search(r"\p{Han}", word):
            continue
        keys = gloss_keys(word)
        if keys:
            out.append(keys)
    return tuple(out)


def _cut(text: str) -> list[str]:
    import jieba  # deferred: loads its dictionary once

    jieba.setLogLevel(60)
    return [w for w in jieba.cut(text) if w.strip()]


def align_sentence_lists(zh: list[str], en: list[str]) -> list[Link]:
    """The links between the sentences of one paragraph pair."""
    if len(zh) == 1 and len(en) == 1:
        return [Link((0,), (0,), 1.0, ("one sentence each",))]
    return _rejoin_clauses(align_units(_units(zh, Lang.ZH), _units(en, Lang.EN), swaps=False), zh)


def paragraph_sentences(zh: str, en: str, one_sided: float = 1.0) -> tuple[list[str], list[str], list[Link]]:
    """One paragraph pair's sentences and the links between them (split_pair, then
    align_sentence_lists); where one side is empty, each sentence of the other is a link
    of its own with no counterpart, scored `one_sided`."""
    zh_sents, en_sents = split_pair(zh, en) if zh and en else (split_zh(zh), split_en(en))
    if zh_sents and en_sents:
        return zh_sents, en_sents, align_sentence_lists(zh_sents, en_sents)
    links = [Link((k,), (), one_sided, ("no counterpart",)) for k in range(len(zh_sents))]
    links += [Link((), (k,), one_sided, ("no counterpart",)) for k in range(len(en_sents))]
    return zh_sents, en_sents, links


def sentence_pairs(zh: str, en: str) -> list[tuple[str, str]]:
    """The sentence pairs of one paragraph pair, as text (an empty side where a sentence
    has no counterpart)."""
    zh_sents, en_sents, links = paragraph_sentences(zh, en)
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


def sentence_alignment(alignment: Alignment) -> Alignment:
    """The paragraph alignment taken down to sentences (see the module docstring)."""
    zh_blocks: list[Block] = []
    en_blocks: list[Block] = []
    pairs: list[AlignedPair] = []
    for pair in alignment.pairs:
        zh_text = alignment.text(pair, Lang.ZH) if pair.zh else ""
        en_text = alignment.text(pair, Lang.EN) if pair.en else ""
        zh, en, links = paragraph_sentences(zh_text, en_text, one_sided=pair.score)
        zh_first = alignment.zh.blocks[pair.zh[0]] if pair.zh else None
        en_first = alignment.en.blocks[pair.en[0]] if pair.en else None
        for number, link in enumerate(links, start=1):
            zh_index = _add(
                zh_blocks, zh_first, "".join(zh[i] for i in link.zh), number, alignment.zh, pair.zh
            )
            en_index = _add(
                en_blocks, en_first, " ".join(en[j] for j in link.en), number, alignment.en, pair.en
            )
            both = bool(link.zh and link.en)
            evidence = (f"sentences {len(link.zh)}-{len(link.en)}", *link.evidence) if both else link.evidence
            score = link.score * pair.score if both else link.score
            pairs.append(AlignedPair(zh_index, en_index, round(score, 6), evidence))
    options = (*alignment.options, ("level", "sentence"))
    return Alignment(
        replace(alignment.zh, blocks=tuple(zh_blocks)),
        replace(alignment.en, blocks=tuple(en_blocks)),
        tuple(pairs),
        options,
    )


def _add(
    blocks: list[Block], first: Block | None, text: str, number: int, doc: Document, source: tuple[int, ...]
) -> tuple[int, ...]:
    """A sentence block in its paragraph's place (kind, key, lines); its index as a tuple."""
    if first is None or not text:
        return ()
    lines = (first.lines[0], doc.blocks[source[-1]].lines[1])
    blocks.append(Block(len(blocks), first.kind, first.key, text, text, (), lines, sentence=number))
    return (len(blocks) - 1,)
