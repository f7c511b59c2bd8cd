"""Structure: paragraphs on one side only, merged paragraphs, numbering, footnotes.

One fault gives one finding: a paragraph missing from one version is reported where it
is missing, not again as a gap in that version's numbering; a footnote missing from
one version is reported once, with where each version cites it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from unterm.documents.model import Block, BlockKind, note_key, note_label
from unterm.documents.patterns import UNIT_KEYS
from unterm.lang.languages import Lang
from unterm.qa.model import Finding, Located, Severity

_WHAT = {
    BlockKind.HEADER: "header line",
    BlockKind.TITLE: "title",
    BlockKind.CHAPEAU: "chapeau",
    BlockKind.PREAMBULAR: "preambular paragraph",
    BlockKind.HEADING: "section heading",
    BlockKind.OPERATIVE: "operative paragraph",
    BlockKind.SUBITEM: "sub-item",
    BlockKind.FOOTNOTE: "footnote",
    BlockKind.CLOSING: "closing line",
    BlockKind.PARAGRAPH: "paragraph",
}
_LANG = {Lang.ZH: "Chinese", Lang.EN: "English"}
_NUMBERED = (BlockKind.OPERATIVE, BlockKind.SUBITEM)


def check_structure(loc: Located) -> list[Finding]:
    return [*_one_sided(loc), *_merged(loc), *_numbering(loc), *_footnotes(loc)]


def _one_sided(loc: Located) -> list[Finding]:
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if p.zh and p.en:
            continue
        kind = a.kind(p)
        if kind is BlockKind.FOOTNOTE:
            continue  # see _footnotes
        lang, other = (Lang.ZH, Lang.EN) if p.zh else (Lang.EN, Lang.ZH)
        name = loc.keys(p)[0 if p.zh else 1]
        numbered = kind in _NUMBERED or name.startswith(UNIT_KEYS)
        what = f"{_WHAT[kind]} {name}" if numbered else f"{_WHAT[kind]} ({name})"
        severity = Severity.WARNING if kind in (BlockKind.HEADER, BlockKind.CLOSING) else None
        where = loc.place(lang, (p.zh or p.en)[0])
        out.append(
            loc.finding(
                "structure.one-sided",
                i,
                f"the {what} is in the {_LANG[lang]} only ({where}): no {_LANG[other]} counterpart",
                severity=severity,
            )
        )
    return out


def _merged(loc: Located) -> list[Finding]:
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if p.zh and p.en and len(p.zh) != len(p.en):
            zk, ek = loc.keys(p)
            out.append(
                loc.finding(
                    "structure.merged",
                    i,
                    f"{len(p.zh)} Chinese paragraph(s) ({zk}) match {len(p.en)} English paragraph(s) "
                    f"({ek}): merged or split in one version, or a paragraph missing",
                )
            )
    return out


def _number(key: str) -> int | None:
    return int(key) if key.isdigit() else None


def _sequence_slips(numbers: list[int], blocks: list[Block]) -> list[tuple[str, int, int, Block]]:
    """Where a sequence of paragraph numbers goes wrong: ("repeat", previous, n, block),
    ("gap", previous, n, block) for 4, 6, 7, and ("wrong", previous, n, block) for a
    number that fits neither neighbour (14, 51, 16). The sequence may start anywhere (an
    extract) and start again at 1 (an annex)."""
    out: list[tuple[str, int, int, Block]] = []
    previous: int | None = None
    seen: set[int] = set()
    for k, (n, b) in enumerate(zip(numbers, blocks, strict=True)):
        if previous is None or (n == 1 and previous > 1):
            previous, seen = n, {n}
            continue
        following = numbers[k + 1] if k + 1 < len(numbers) else None
        if n == previous + 1:
            previous = n
        elif n in seen:
            out.append(("repeat", previous, n, b))
        elif n > previous and (following is None or following == n + 1):
            out.append(("gap", previous, n, b))
            previous = n
        else:
            out.append(("wrong", previous, n, b))
            previous += 1  # read it as the number it should have had
        seen.add(n)
    return out


def _numbering(loc: Located) -> list[Finding]:
    pair_of = _pair_of(loc)
    differ = _numbered_apart(loc)
    out: list[Finding] = []
    for (kind, before, n), where in _slips(loc, pair_of, set(differ)).items():
        both = len(where) == 2
        lang = next(iter(where))
        who = "both versions" if both else f"the {_LANG[lang]}"
        message = {
            "repeat": f"operative paragraph {n} is numbered twice in {who}",
            "gap": f"the operative numbering of {who} goes from {before} to {n}",
            "wrong": f"the operative numbering of {who} goes {before}, {n}, {before + 2}: "
            f"{n} where {before + 1} is expected",
        }[kind]
        # where the versions agree, the translation is not at fault
        out.append(
            loc.finding(
                "structure.numbering", where[lang], message, severity=Severity.WARNING if both else None
            )
        )
    for i, (zk, ek) in differ.items():
        out.append(
            loc.finding(
                "structure.numbering",
                i,
                f"numbered {' + '.join(zk)} in the Chinese but {' + '.join(ek)} in the English",
            )
        )
    out += _subitem_gaps(loc, pair_of, set(differ))
    return out


def _pair_of(loc: Located) -> dict[Lang, dict[int, int]]:
    """Where each block sits among the pairs: language -> block index -> pair index."""
    pair_of: dict[Lang, dict[int, int]] = {Lang.ZH: {}, Lang.EN: {}}
    for i, p in enumerate(loc.alignment.pairs):
        for k in p.zh:
            pair_of[Lang.ZH][k] = i
        for k in p.en:
            pair_of[Lang.EN][k] = i
    return pair_of


def _numbered_apart(loc: Located) -> dict[int, tuple[list[str], list[str]]]:
    """Pairs whose two sides are numbered differently: one finding says so, and it covers
    the slip in that version's sequence too."""
    a = loc.alignment
    differ: dict[int, tuple[list[str], list[str]]] = {}
    for i, p in enumerate(a.pairs):
        zk = [a.zh.blocks[k].key for k in p.zh if a.zh.blocks[k].kind in _NUMBERED]
        ek = [a.en.blocks[k].key for k in p.en if a.en.blocks[k].kind in _NUMBERED]
        if zk and ek and zk != ek:
            differ[i] = (zk, ek)
    return differ


def _slips(
    loc: Located, pair_of: dict[Lang, dict[int, int]], differ: set[int]
) -> dict[tuple[str, int, int], dict[Lang, int]]:
    """Gaps, repeats and wrong numbers in each version's operative numbering, with the
    pair where each version slips; not where the paragraphs are missing from one version
    (reported as one-sided) or where the pair is numbered apart (`differ`)."""
    a = loc.alignment
    only: dict[Lang, set[str]] = {Lang.ZH: set(), Lang.EN: set()}
    for p in a.pairs:
        if p.zh and not p.en:
            only[Lang.ZH].update(a.zh.blocks[k].key for k in p.zh)
        elif p.en and not p.zh:
            only[Lang.EN].update(a.en.blocks[k].key for k in p.en)
    slips: dict[tuple[str, int, int], dict[Lang, int]] = {}
    for lang, doc in ((Lang.ZH, a.zh), (Lang.EN, a.en)):
        other = Lang.EN if lang is Lang.ZH else Lang.ZH
        numbered = [
            (n, b) for b in doc.blocks if b.kind is BlockKind.OPERATIVE and (n := _number(b.key)) is not None
        ]
        for kind, before, n, b in _sequence_slips([n for n, _ in numbered], [b for _, b in numbered]):
            if kind == "gap" and all(str(k) in only[other] for k in range(before + 1, n)):
                continue
            if pair_of[lang][b.index] in differ:
                continue
            slips.setdefault((kind, before, n), {})[lang] = pair_of[lang][b.index]
    return slips


_SUBITEM = regex.compile(r"^(?P<parent>.*?)\s*\((?P<letter>[a-z])\)$")


def _subitem_gaps(loc: Located, pair_of: dict[Lang, dict[int, int]], skip: set[int]) -> list[Finding]:
    """Letters skipped or repeated among the sub-items of one paragraph: (a), (b), (d);
    not for pairs in `skip`, whose two sides are already reported as lettered apart."""
    a = loc.alignment
    out = []
    for lang, doc in ((Lang.ZH, a.zh), (Lang.EN, a.en)):
        last: dict[str, str] = {}
        for b in doc.blocks:
            m = _SUBITEM.match(b.key) if b.kind is BlockKind.SUBITEM else None
            if m is None:
                continue
            parent, letter = m["parent"], m["letter"]
            before = last.get(parent)
            expected = "a" if before is None else chr(ord(before) + 1)
            # (i) after (h) is a letter; after nothing it opens a list of roman numerals
            if (
                letter != expected
                and not (letter == "i" and before is None)
                and pair_of[lang][b.index] not in skip
            ):
                out.append(
                    loc.finding(
                        "structure.numbering",
                        pair_of[lang][b.index],
                        f"sub-item ({letter}) of {parent or 'a paragraph'} follows "
                        + (f"({before})" if before else "no earlier sub-item")
                        + f" in the {_LANG[lang]}",
                    )
                )
            last[parent] = letter
    return out


@dataclass(frozen=True, slots=True)
class _Notes:
    """Where each version prints each footnote's text and where it cites each number."""

    loc: Located
    text_at: dict[Lang, dict[str, int]]  # by note key (documents.model.note_key)
    cited_at: dict[Lang, dict[str, list[int]]]

    @staticmethod
    def of(loc: Located) -> _Notes:
        a = loc.alignment
        text_at: dict[Lang, dict[str, int]] = {Lang.ZH: {}, Lang.EN: {}}
        cited_at: dict[Lang, dict[str, list[int]]] = {Lang.ZH: {}, Lang.EN: {}}
        for i, p in enumerate(a.pairs):
            for lang, doc, idx in ((Lang.ZH, a.zh, p.zh), (Lang.EN, a.en, p.en)):
                for b in idx:
                    block = doc.blocks[b]
                    if block.kind is BlockKind.FOOTNOTE:
                        text_at[lang][block.note_key] = i
                    for n in block.footnotes:
                        cited_at[lang].setdefault(note_key(block.part, n), []).append(i)
        return _Notes(loc, text_at, cited_at)

    def where(self, lang: Lang, n: str) -> str:
        """The paragraphs that cite footnote n (a note key) in one version, named."""
        a = self.loc.alignment
        names = [
            self.loc.keys(a.pairs[i])[0 if lang is Lang.ZH else 1] for i in self.cited_at[lang].get(n, [])
        ]
        return ", ".join(names)


def _footnotes(loc: Located) -> list[Finding]:
    notes = _Notes.of(loc)
    out, reported = _one_sided_notes(notes)
    return out + _misplaced_citations(notes, reported)


def _one_sided_notes(notes: _Notes) -> tuple[list[Finding], set[str]]:
    """A footnote printed in one version only, with where the other still cites it; and
    the numbers reported so."""
    loc = notes.loc
    a = loc.alignment
    out = []
    reported: set[str] = set()
    for i, p in enumerate(a.pairs):
        if (p.zh and p.en) or a.kind(p) is not BlockKind.FOOTNOTE:
            continue
        lang, other = (Lang.ZH, Lang.EN) if p.zh else (Lang.EN, Lang.ZH)
        doc = a.zh if p.zh else a.en
        key = doc.blocks[(p.zh or p.en)[0]].note_key
        cites = notes.where(other, key)
        also = (
            f"; the {_LANG[other]} still cites it at {cites}"
            if cites
            else f" and the {_LANG[other]} does not cite it"
        )
        out.append(
            loc.finding(
                "structure.footnote", i, f"footnote {note_label(key)} is in the {_LANG[lang]} only{also}"
            )
        )
        reported.add(key)
    return out, reported


def _misplaced_citations(notes: _Notes, reported: set[str]) -> list[Finding]:
    """A footnote cited in one version only, or in different paragraphs."""
    out = []
    zh_cited, en_cited = notes.cited_at[Lang.ZH], notes.cited_at[Lang.EN]
    for n in sorted(
        set(zh_cited) | set(en_cited), key=lambda k: (k.partition("@")[2], int(k.partition("@")[0]))
    ):
        if n in reported:
            continue
        zh_places, en_places = zh_cited.get(n, []), en_cited.get(n, [])
        if zh_places == en_places:
            continue
        if not en_places or not zh_places:
            lang, other = (Lang.ZH, Lang.EN) if zh_places else (Lang.EN, Lang.ZH)
            at = (zh_places or en_places)[0]
            message = f"footnote {note_label(n)} is cited in the {_LANG[lang]} ({notes.where(lang, n)}) but not in the {_LANG[other]}"
        else:
            at = zh_places[0]
            message = (
                f"footnote {note_label(n)} is cited at {notes.where(Lang.ZH, n)} in the Chinese "
                f"but at {notes.where(Lang.EN, n)} in the English"
            )
        out.append(notes.loc.finding("structure.footnote", at, message))
    return out
