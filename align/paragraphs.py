"""Align two Documents paragraph by paragraph: hard anchors first (numbered paragraphs,
headings, footnotes), then dynamic programming between them."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from unterm.align.cost import Link, Unit
from unterm.align.dp import MAX_ALONE, align_units
from unterm.align.evidence import Evidence, unit_of
from unterm.align.model import AlignedPair, Alignment
from unterm.documents.model import Block, BlockKind, Document
from unterm.documents.read import read_document
from unterm.documents.units import scopes
from unterm.errors import MismatchError
from unterm.lang.anchors import weight
from unterm.lang.languages import Lang
from unterm.lang.length import C

# Blocks whose keys are hard anchors: the two versions number them the same way.
_HARD = (BlockKind.OPERATIVE, BlockKind.SUBITEM, BlockKind.HEADING, BlockKind.TITLE)


def align_files(
    zh_path: Path | str, en_path: Path | str, *, evidence: Evidence | None = None, name: str = ""
) -> Alignment:
    """Read and align a Chinese and an English file, checking they are what they claim."""
    zh, en = checked_languages(read_document(zh_path), read_document(en_path))
    return align_documents(zh, en, evidence=evidence, name=name)


def checked_languages(zh: Document, en: Document) -> tuple[Document, Document]:
    """The two documents, once they are shown to be Chinese and English in that order;
    MismatchError naming the files otherwise."""
    if zh.lang is Lang.EN and en.lang is Lang.ZH:
        raise MismatchError(
            f"{zh.path}: is English and {en.path} is Chinese: the files are in the wrong order "
            "(give the Chinese file first)"
        )
    if zh.lang is not Lang.ZH:
        raise MismatchError(f"{zh.path}: is English, but the first file must be the Chinese version")
    if en.lang is not Lang.EN:
        raise MismatchError(f"{en.path}: is Chinese, but the second file must be the English version")
    return zh, en


def align_documents(
    zh: Document, en: Document, *, evidence: Evidence | None = None, name: str = ""
) -> Alignment:
    """Align a Chinese and an English document (see the module and align.cost
    docstrings); `evidence`, where given, adds anchors to every block (a termbase's term
    pairs: termbase.evidence), and `name` says what it was (`termbase: 531 entries`),
    for the outputs' signature."""
    zh_units = [unit_of(b, Lang.ZH, evidence) for b in zh.blocks]
    en_units = [unit_of(b, Lang.EN, evidence) for b in en.blocks]
    check_same_document(zh, en, zh_units, en_units)
    zh_body = [b.index for b in zh.blocks if b.kind is not BlockKind.FOOTNOTE]
    en_body = [b.index for b in en.blocks if b.kind is not BlockKind.FOOTNOTE]
    pairs: list[AlignedPair] = []
    anchors = _hard_anchors([zh.blocks[i] for i in zh_body], [en.blocks[i] for i in en_body])
    bounds = [(0, 0), *anchors, (len(zh_body), len(en_body))]
    for (zs, es), (ze, ee) in pairwise(bounds):
        if zs == ze and es == ee:
            continue
        zi, ei = zh_body[zs:ze], en_body[es:ee]
        for link in align_units([zh_units[i] for i in zi], [en_units[i] for i in ei]):
            pairs.append(_pair(link, zi, ei))
    notes = _footnote_pairs(zh, en, zh_units, en_units)
    options = (("evidence", name),) if evidence is not None and name else ()
    return Alignment(zh, en, tuple(_place_notes(pairs, notes, zh, en)), options)


def _pair(link: Link, zh_index: Sequence[int], en_index: Sequence[int]) -> AlignedPair:
    return AlignedPair(
        tuple(zh_index[i] for i in link.zh), tuple(en_index[i] for i in link.en), link.score, link.evidence
    )


def _hard_anchors(zh: Sequence[Block], en: Sequence[Block]) -> list[tuple[int, int]]:
    """Positions (in the body sequences) of blocks paired by key: the longest common
    subsequence of the keys both versions give their numbered paragraphs and headings.

    A treaty numbers its paragraphs afresh in each article, so two numbered paragraphs
    pair only inside the same article where both versions say which article they are in.
    """
    zk = [(b.kind.value, b.key) if b.kind in _HARD and b.key else None for b in zh]
    ek = [(b.kind.value, b.key) if b.kind in _HARD and b.key else None for b in en]
    zpos = [i for i, k in enumerate(zk) if k]
    epos = [j for j, k in enumerate(ek) if k]
    if not zpos or not epos:
        return []
    zs = [s.unit for s in scopes(zh)]  # the article each stands in (documents.units)
    es = [s.unit for s in scopes(en)]

    def same(i: int, j: int) -> bool:
        return zk[i] == ek[j] and (zs[i] == es[j] or not zs[i] or not es[j])

    n, m = len(zpos), len(epos)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            if same(zpos[a], epos[b]):
                table[a][b] = table[a + 1][b + 1] + 1
            else:
                table[a][b] = max(table[a + 1][b], table[a][b + 1])
    out: list[tuple[int, int]] = []
    a = b = 0
    while a < n and b < m:
        if same(zpos[a], epos[b]):
            out.append((zpos[a], epos[b]))
            a += 1
            b += 1
        elif table[a + 1][b] >= table[a][b + 1]:
            a += 1
        else:
            b += 1
    return out


def _footnote_pairs(zh: Document, en: Document, zu: list[Unit], eu: list[Unit]) -> list[AlignedPair]:
    """Footnotes pair by number, wherever each version printed them; one numbered in one
    version only is scored by how sure the aligner is that it has no counterpart."""
    znotes = {b.note_key: b.index for b in zh.blocks if b.kind is BlockKind.FOOTNOTE}
    enotes = {b.note_key: b.index for b in en.blocks if b.kind is BlockKind.FOOTNOTE}
    alone = _lone_notes(znotes, enotes, zu, eu)
    out: list[AlignedPair] = []
    for key in sorted(znotes.keys() | enotes.keys(), key=_note_order):
        zi, ei = znotes.get(key), enotes.get(key)
        if zi is not None and ei is not None:
            link = align_units([zu[zi]], [eu[ei]], swaps=False)[0]
            if link.zh and link.en:
                out.append(AlignedPair((zi,), (ei,), link.score, (f"footnote {key}", *link.evidence)))
                continue
            out.append(AlignedPair((zi,), (ei,), 0.5, (f"footnote {key}", "texts disagree")))
        else:
            out.append(
                AlignedPair(
                    (zi,) if zi is not None else (),
                    (ei,) if ei is not None else (),
                    alone.get(key, MAX_ALONE),
                    (f"footnote {key}", "no counterpart"),
                )
            )
    return out


def _note_order(key: str) -> tuple[int, int]:
    """Footnote keys in document order: by part, then number (`7`, `1@2`, `2@2`)."""
    number, _, part = key.partition("@")
    return int(part or 1), int(number)


def _lone_notes(
    znotes: dict[str, int], enotes: dict[str, int], zu: list[Unit], eu: list[Unit]
) -> dict[str, float]:
    """For footnotes numbered in one version only, how sure the aligner is that they have
    no counterpart: where both versions have such notes (numbered differently), how
    likely each is to stand alone when they are aligned with each other."""
    lone_z = sorted(znotes.keys() - enotes.keys(), key=_note_order)
    lone_e = sorted(enotes.keys() - znotes.keys(), key=_note_order)
    if not lone_z or not lone_e:
        return {}
    out: dict[str, float] = {}
    for link in align_units([zu[znotes[k]] for k in lone_z], [eu[enotes[k]] for k in lone_e], swaps=False):
        keys = [lone_z[i] for i in link.zh] + [lone_e[j] for j in link.en]
        score = link.score if not (link.zh and link.en) else round(1 - link.score, 3)
        out.update((k, score) for k in keys)
    return out


def _place_notes(
    pairs: list[AlignedPair], notes: list[AlignedPair], zh: Document, en: Document
) -> list[AlignedPair]:
    """Each footnote pair right after the pair whose paragraph first cites it."""
    after: dict[int, list[AlignedPair]] = {}
    tail: list[AlignedPair] = []
    for note in notes:
        block = zh.blocks[note.zh[0]] if note.zh else en.blocks[note.en[0]]
        number, part = int(block.key), block.part
        host = next(
            (
                k
                for k, p in enumerate(pairs)
                if any(number in b.footnotes and b.part == part for b in (zh.blocks[i] for i in p.zh))
                or any(number in b.footnotes and b.part == part for b in (en.blocks[i] for i in p.en))
            ),
            None,
        )
        if host is None:
            tail.append(note)
        else:
            after.setdefault(host, []).append(note)
    out: list[AlignedPair] = []
    for k, pair in enumerate(pairs):
        out.append(pair)
        out.extend(after.get(k, []))
    return out + tail


def check_same_document(zh: Document, en: Document, zu: list[Unit], eu: list[Unit]) -> None:
    """Raise MismatchError when two documents are plainly not versions of each other:
    one has distinct anchors enough to judge (weight 20: a dozen numbers or a few symbols
    and dates) and under a quarter of that weight is shared. Distinct anchors, not
    occurrences: a note repeated in every copy of a compilation says no more than once.
    Versions of one document share 98 to 100% (A/RES/77/173, GA 55/100, the SDG
    targets); unrelated ones 0 to 3%."""
    za = {a for u in zu for a in u.anchors}
    ea = {a for u in eu for a in u.anchors}
    zw = sum(weight(a) for a in za)
    ew = sum(weight(a) for a in ea)
    shared = sum(weight(a) for a in za & ea)
    if max(zw, ew) >= 20 and shared < 0.25 * max(zw, ew):
        raise MismatchError(
            f"{zh.path} and {en.path}: share no document symbols, numbers or dates "
            f"({len(za)} and {len(ea)} distinct ones found): they look like different documents"
        )
    zl = sum(u.length for u in zu)
    el = sum(u.length for u in eu)
    if zl and el and not 0.2 <= el / (C * zl) <= 5:
        raise MismatchError(
            f"{zh.path} and {en.path}: one is {el / (C * zl):.1f} times as long as the other "
            "would make it: they look like different documents"
        )
