"""The real texts random revisions are made of (every bundled corpus, and the treaty-like
texts of corpora/treaty_texts), and how a revision report is scored against the changes
made (tests/support/random_revisions.py): by bench/revision_accuracy.py and the tests."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from tests.support.corpora import ARES, CHARTER, CORPORA, MNBVC_TEXT, PDF_TEXT, UDHR
from tests.support.random_revisions import (
    EXPECTED,
    KINDS,
    Text,
    every_kind,
    from_blocks,
    from_file,
    positions,
    settled,
)
from tests.support.render import udhr_paragraphs
from tests.support.web import charter_web_text
from unterm.documents.model import BlockKind
from unterm.documents.read import read_document
from unterm.revision import Change, RevisedPair, Revision, revise

TREATIES = CORPORA / "treaty_texts"
# the texts whose paragraph numbering restarts (in every article), on which issue 25 asks for 99%
RESTARTING = (
    "UN Charter",
    "UDHR",
    "World Heritage",
    "Cultural property",
    "ICJ Statute",
    "Rules of procedure",
)
Place = tuple[tuple[int, ...], tuple[int, ...]]  # a pair's draft blocks and final blocks


def _blocks(path: Path) -> tuple[list[str], set[int]]:
    body = [b for b in read_document(path).blocks if b.kind is not BlockKind.FOOTNOTE]
    return [b.text for b in body], {k for k, b in enumerate(body) if b.kind is BlockKind.HEADING}


def _lines(path: Path, limit: int, column: str = "") -> list[str]:
    if column:
        with open(path, encoding="utf-8", newline="") as f:
            return [row[column] for row in csv.DictReader(f, delimiter="\t")][:limit]
    return [line for line in path.read_text(encoding="utf-8").splitlines()[:limit] if len(line) > 20]


def texts(folder: Path) -> list[Text]:
    """Every text to revise, both languages where the corpus has them: A/RES/77/173 as
    Markdown and as PDF text, the UDHR with its article headings and list numbers, 300
    UNPC paragraphs, GA 55/100, the SDG targets, the MNBVC draft resolution, the UN
    Charter as copied from the UN's web page (written into `folder`), the UNTERM country
    names and 300 UNBIS descriptors as lists; the conventions, statute and rules of
    procedure of corpora/treaty_texts as their Markdown files write them."""
    out: list[Text] = []
    with open(CORPORA / "sdg_framework" / "derived" / "global_targets_en_zh.tsv", encoding="utf-8") as f:
        targets = list(csv.DictReader(f, delimiter="\t"))
    names = CORPORA / "unterm_country_names" / "unterm_countries_zh_en.tsv"
    for side in ("zh", "en"):
        udhr = udhr_paragraphs(UDHR / ("udhr_cmn_hans.xml" if side == "zh" else "udhr_eng.xml"), titles=True)
        short, formal = _lines(names, 999, f"{side}_short"), _lines(names, 999, f"{side}_formal")
        paren = "（{}）" if side == "zh" else " ({})"
        web = folder / f"charter_{side}.txt"
        web.write_text(charter_web_text(CHARTER, side), encoding="utf-8")
        out += [
            from_blocks(f"A/RES/77/173 {side}", side, *_blocks(ARES / f"{side}.md")),
            from_blocks(f"A/RES/77/173 PDF {side}", side, *_blocks(PDF_TEXT / f"{side}.pdftotext.txt")),
            from_blocks(f"UDHR {side}", side, udhr),
            from_blocks(
                f"UNPC 300 {side}", side, _lines(CORPORA / "unpc_v1_devset" / f"UNv1.0.devset.{side}", 300)
            ),
            from_blocks(
                f"GA 55/100 {side}", side, _lines(CORPORA / "un_ga_55_100_sample" / f"UN.en-zh.{side}", 99)
            ),
            from_blocks(
                f"SDG targets {side}",
                side,
                [f"{r['key'].split('-title')[0].replace('-', '.')} {r[side]}" for r in targets],
            ),
            from_blocks(
                f"Country names {side}",
                side,
                [s + paren.format(f) for s, f in zip(short, formal, strict=True)],
            ),
            from_blocks(
                f"UNBIS 300 {side}",
                side,
                _lines(CORPORA / "unbis_thesaurus_half" / "unbis_zh_en.tsv", 300, side),
            ),
            from_file(f"UN Charter web {side}", web),
        ]
    out.append(from_blocks("MNBVC 453500 en", "en", *_blocks(MNBVC_TEXT)))
    for name, file in (
        ("World Heritage 1972", "whc_1972"),
        ("Cultural property 1970", "cultural_property_1970"),
    ):
        out += [from_file(f"{name} {side}", TREATIES / f"{file}.{side}.md") for side in ("zh", "en")]
    out.append(from_file("ICJ Statute en", TREATIES / "icj_statute.en.md"))
    out.append(from_file("Rules of procedure zh", TREATIES / "shanghai_npcsc_rules.zh.md"))
    return out


# a paragraph's own number as a reader sees it, for `unchanged_but_different` (written
# apart from unterm's patterns, to check them)
_OWN_NUMBER = regex.compile(
    r"^\s*(?:\d{1,3}(?:\.\d{1,3})*\s*[.．]?|[一二三四五六七八九十]{1,3}、|[(（]\s*[a-z]{1,4}\s*[)）])\s*"
)


def unchanged_but_different(r: Revision) -> list[RevisedPair]:
    """The pairs a revision calls unchanged whose paragraphs' texts differ: the blocks'
    whole texts, not the pair's (which leave numbers out); a renumbered pair may differ
    only in its paragraphs' own numbers."""
    out = []
    for p in r.pairs:
        if p.change is not Change.UNCHANGED:
            continue
        d = "\n".join(r.draft.blocks[i].text for i in p.draft)
        f = "\n".join(r.final.blocks[i].text for i in p.final)
        if d != f and not (p.renumbered and _OWN_NUMBER.sub("", d) == _OWN_NUMBER.sub("", f) != ""):
            out.append(p)
    return out


@cache
def pools() -> dict[str, list[str]]:
    """Paragraphs of other documents (UNPC sentences the texts do not use), to insert as
    new ones."""
    out = {}
    for side in ("zh", "en"):
        lines = (
            (CORPORA / "unpc_v1_devset" / f"UNv1.0.devset.{side}").read_text(encoding="utf-8").splitlines()
        )
        out[side] = [  # whole sentences, as a paragraph a reviser adds ends
            line
            for line in lines[1000:1600]
            if len(line) > (30 if side == "zh" else 60) and line[-1] in "。；.;"
        ]
    return out


@dataclass
class Tally:
    """Changes made and found, by kind; false alarms; pairs reported unchanged whose
    texts differ; revised copies that did not read back one block a paragraph (the
    reader joined two of them: they are left out, and counted)."""

    found: Counter[str] = field(default_factory=Counter)
    made: Counter[str] = field(default_factory=Counter)
    false: int = 0
    unequal: int = 0
    unreadable: int = 0
    copies: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.made += other.made
        self.false += other.false
        self.unequal += other.unequal
        self.unreadable += other.unreadable
        self.copies += other.copies
        self.missed += other.missed


def score(text: Text, seeds: range, folder: Path, kinds: tuple[str, ...] = KINDS) -> Tally:
    """Revise the text once a seed and score each report: a change is found when a pair
    holds exactly its draft paragraph(s) and the final paragraph(s) that hold them, with
    its kind (a swap: one of the two moved into the other's place); any other changed
    pair is a false alarm."""
    tally = Tally()
    text = settled(text, folder)
    draft = folder / f"draft{text.suffix}"
    draft.write_text(text.render(), encoding="utf-8")
    assert not any(p.changed for p in revise(draft, draft).pairs), f"{text.name}: itself shows changes"
    for seed, out, ops in every_kind(text, pools()[text.lang], seeds, kinds):
        tally.copies += 1
        final = folder / f"final{text.suffix}"
        final.write_text(text.render(out), encoding="utf-8")
        if len([b for b in read_document(final).blocks if b.kind is not BlockKind.FOOTNOTE]) != len(out):
            tally.unreadable += 1
            continue
        r = revise(draft, final)
        tally.unequal += len(unchanged_but_different(r))
        changed = {(p.draft, p.final): p.change for p in r.pairs if p.changed}
        explained: set[Place] = set()
        for op in ops:
            tally.made[op.kind] += 1
            at = positions(out, op)
            places: set[Place] = {(op.draft, at)}
            if op.kind == "swapped":  # either paragraph moved into the other's place
                places = {((op.draft[0],), (at[0],)), ((op.draft[1],), (at[1],))}
            explained |= places
            if any(changed.get(place) is EXPECTED[op.kind] for place in places):
                tally.found[op.kind] += 1
            else:
                got = [
                    f"{k}: {v.value}"
                    for k, v in changed.items()
                    if set(k[0]) & set(op.draft) or set(k[1]) & set(at)
                ]
                tally.missed.append(
                    f"{text.name} seed {seed}: {op.kind} {op.draft}->{at}; got {got or 'nothing'}"
                )
        tally.false += sum(1 for place in changed if place not in explained)
    return tally
