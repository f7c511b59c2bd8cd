"""Random revisions of real texts, each change made at a known place, for
bench/revision_accuracy.py and the revision tests.

A text is a list of paragraphs as its file writes them (markup, indentation and number
kept: `#### 第6條`, `　　三、促成…`, `1. The Court…`, `- (a) to adopt…`), each with what
stands before it in the file (a blank line, or a line break where a web copy indents its
paragraphs instead). A revision makes six to ten changes, of the kinds in KINDS, on
paragraphs at least three apart; where the text numbers its paragraphs in runs of 1, 2,
3, … (restarting in every article of a treaty) the reviser may renumber them after a
paragraph is inserted, deleted, split or merged, as the final version of a treaty would.
Each change says which paragraphs of the draft it touched and which of the final hold
them, so a report can be scored on kind and place.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

from unterm.documents.model import BlockKind
from unterm.documents.patterns import starts_unit
from unterm.documents.read import read_document
from unterm.lang.numerals import to_zh, zh_numeral
from unterm.revision import Change

KINDS = (
    "character",  # a character inserted
    "word inserted",
    "word",  # a word changed
    "clause",  # a clause added
    "deleted",
    "inserted",  # a new paragraph
    "swapped",  # with the next
    "moved",  # at least five paragraphs away
    "split",  # in two at a comma
    "merged",  # with the next
    "typography",  # full-width commas made half-width; in English, hyphens en dashes
)
EXPECTED = {
    "character": Change.EDITED,
    "word inserted": Change.EDITED,
    "word": Change.EDITED,
    "clause": Change.EDITED,
    "deleted": Change.DELETED,
    "inserted": Change.INSERTED,
    "swapped": Change.MOVED,
    "moved": Change.MOVED,
    "split": Change.SPLIT,
    "merged": Change.MERGED,
    "typography": Change.EDITED,
}
CLAUSES = {
    "zh": ["，并酌情与各利益攸关方协商", "，同时考虑到各国的不同国情", "，特别是在发展中国家"],
    "en": [
        ", where appropriate, in consultation with all stakeholders",
        ", taking into account national circumstances",
    ],
}
CHARACTERS = {"zh": "各均之并", "en": "s"}
WORDS = {"zh": ["有关", "相关", "必要"], "en": ["relevant", "further", "national"]}
_HAN2 = regex.compile(r"\p{Han}{2}")
_WORD = regex.compile(r"(?<![\p{L}\p{N}/.\-\[(])\p{L}{5,}(?![\p{L}\p{N}/\-\]])")
# what opens a paragraph before its text: indentation, a list or heading marker,
# emphasis, the paragraph's number
_LEAD = regex.compile(r"^\u3000+")  # full-width: where a web copy tells paragraphs by it
_PREFIX = regex.compile(
    r"^[ \t\u3000]*(?:[-*>#]+[ \t]*)*(?:\*{1,2}[^*]{1,12}\*{1,2}|_{1,2})?"
    r"(?:\d{1,3}(?:\.\d{1,3})*[.．]?[ \t]*|[一二三四五六七八九十]{1,3}、|[(（][a-z]{1,4}[)）][ \t]*)?"
)
_ARABIC = regex.compile(r"^(?P<lead>[ \t\u3000]*(?:[-*][ \t]+)?)(?P<n>\d{1,3})(?P<dot>[.．])(?!\d)")
_CHINESE = regex.compile(r"^(?P<lead>[ \t\u3000]*)(?P<n>[一二三四五六七八九十]{1,3})(?P<dot>、)")


@dataclass(frozen=True)
class Para:
    """A paragraph as its file writes it, what stands before it, and what it is."""

    text: str
    sep: str = "\n\n"
    heading: bool = False
    origin: tuple[str, int] = ("draft", -1)  # which paragraph of the draft (or new one) it comes from

    @property
    def number(self) -> int | None:
        """Its own list number (`3.`, `3．`, `三、`); None for none."""
        m = _ARABIC.match(self.text) or _CHINESE.match(self.text)
        if not m:
            return None
        return int(m["n"]) if m["n"].isdigit() else zh_numeral(m["n"])

    def numbered(self, n: int | None) -> str:
        """The text with its number made `n` (None: taken off), in its own style."""
        m = _ARABIC.match(self.text) or _CHINESE.match(self.text)
        if not m:
            return self.text
        if n is None:
            return m["lead"] + self.text[m.end() :].lstrip()
        written = str(n) if m["n"].isdigit() else to_zh(n)
        return m["lead"] + written + m["dot"] + self.text[m.end() :]

    @property
    def start(self) -> int:
        """Where its own text starts, after indentation, markers and number: the edits
        in place are made after it."""
        m = _PREFIX.match(self.text)
        return m.end() if m else 0


@dataclass(frozen=True)
class Text:
    """A real text to revise: its name, language and paragraphs, and the suffix of the
    file it is written as."""

    name: str
    lang: str
    paras: tuple[Para, ...]
    suffix: str = ".txt"

    def render(self, paras: list[Para] | tuple[Para, ...] | None = None) -> str:
        return "".join(p.sep + p.text if k else p.text for k, p in enumerate(paras or self.paras)) + "\n"

    @property
    def runs(self) -> bool:
        """Whether its numbered paragraphs count 1, 2, 3, … in runs (restarting or not):
        then a reviser renumbers them."""
        numbers = [n for p in self.paras if (n := p.number) is not None]
        return bool(numbers) and all(b in (a + 1, 1) for a, b in zip([0, *numbers], numbers, strict=False))


@dataclass(frozen=True)
class Op:
    """A change made: its kind, the draft paragraphs it touched, and the origins of the
    final paragraphs that hold them (looked up in the final once it is made)."""

    kind: str
    draft: tuple[int, ...]
    final: tuple[tuple[str, int], ...] = field(default=())


def from_blocks(name: str, lang: str, texts: list[str], headings: set[int] | None = None) -> Text:
    """A text given as paragraphs (one a paragraph, blank lines between)."""
    paras = tuple(
        Para(t, heading=bool(headings and k in headings), origin=("draft", k)) for k, t in enumerate(texts)
    )
    return Text(name, lang, paras)


def from_file(name: str, path: Path) -> Text:
    """A file's blocks as its own lines write them (footnotes aside), blank lines or line
    breaks between them as in the file."""
    doc = read_document(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    paras: list[Para] = []
    end = 0
    for b in doc.blocks:
        if b.kind is BlockKind.FOOTNOTE:
            continue
        start, last = b.lines
        gap = lines[end : start - 1]
        sep = "\n\n" if any(not line.strip() for line in gap) or not paras else "\n"
        text = "\n".join(lines[start - 1 : last])
        paras.append(Para(text, sep, b.kind is BlockKind.HEADING, ("draft", len(paras))))
        end = last
    return Text(name, doc.lang.value, tuple(paras), path.suffix)


def settled(text: Text, folder: Path) -> Text:
    """The text as unterm reads it back, one block a paragraph (the headings as it reads
    them): where the reader joins two of the paragraphs (a line it takes for the rest of
    the one before), the paragraphs become the blocks it reads, as the old draft would
    have been read."""
    path = folder / f"draft{text.suffix}"
    for _ in range(3):
        path.write_text(text.render(), encoding="utf-8")
        blocks = [b for b in read_document(path).blocks if b.kind is not BlockKind.FOOTNOTE]
        if len(blocks) == len(text.paras):
            paras = (
                replace(p, heading=b.kind is BlockKind.HEADING and bool(b.key))
                for p, b in zip(text.paras, blocks, strict=True)
            )
            return replace(text, paras=tuple(paras))
        text = from_blocks(text.name, text.lang, [b.text for b in blocks])
        text = replace(text, paras=tuple(replace(p, sep="\n\n") for p in text.paras))
    raise AssertionError(f"{text.name}: does not read back one block a paragraph")


def revised(
    text: Text, rng: random.Random, pool: list[str], renumber: bool, kinds: tuple[str, ...] = KINDS
) -> tuple[list[Para], list[Op]]:
    """A revised copy of the text's paragraphs and the changes made, of the kinds given
    (see the module)."""
    paras = list(text.paras)
    n = len(paras)
    free = set(range(n))
    final: list[Para | None] = list(paras)
    before: dict[int, list[Para]] = {}  # paragraphs put before a draft paragraph's place
    ops: list[Op] = []
    news = iter(range(10_000))
    once = Counter(p.text for p in paras)
    for _ in range(rng.randint(6, 10)):
        kind = rng.choice(kinds)
        spots = [k for k in free if k + 1 < n and all(x in free for x in range(k - 2, k + 4))]
        spots = [
            k
            for k in spots
            if not paras[k].heading
            and once[paras[k].text]
            == once[paras[k + 1].text]
            == 1  # which of two copies changed is anyone's guess
            and _fits(kind, paras[k], paras[k + 1], text.lang)
        ]
        if not spots:
            continue
        k = rng.choice(spots)
        p, q = paras[k], paras[k + 1]
        me, nxt = ("draft", k), ("draft", k + 1)
        if kind in ("character", "word inserted", "word", "clause", "typography"):
            final[k] = replace(p, text=_edit(kind, p, text.lang, rng))
            ops.append(Op(kind, (k,), (me,)))
        elif kind == "deleted":
            final[k] = None
            ops.append(Op(kind, (k,)))
        elif kind == "inserted":
            new = ("new", next(news))
            body = _lead(p) + rng.choice(pool)
            if renumber and p.number is not None and q.number is not None:
                body = _numbered_like(p, body)  # into the list: renumbering gives its number
            before.setdefault(k + 1, []).append(Para(body, _sep(p), origin=new))
            ops.append(Op(kind, (), (new,)))
        elif kind == "swapped":
            final[k], final[k + 1] = final[k + 1], final[k]
            ops.append(Op(kind, (k, k + 1), (me, nxt)))
        elif kind == "merged":
            glue = "" if text.lang == "zh" else " "
            tail = q.numbered(None) if p.number is not None and q.number is not None else q.text
            final[k], final[k + 1] = replace(p, text=p.text + glue + tail.lstrip(" \t\u3000")), None
            ops.append(Op(kind, (k, k + 1), (me,)))
        elif kind == "split":
            at = _comma(p, text.lang)
            half = _lead(p) + p.text[at:].lstrip()
            if renumber and p.number is not None:
                half = _numbered_like(p, half)
            final[k] = replace(p, text=p.text[:at].rstrip())
            before.setdefault(k + 1, []).append(Para(half, _sep(p), origin=("split", k)))
            ops.append(Op(kind, (k,), (me, ("split", k))))
        else:  # moved, before a paragraph of the same sort (numbered or not) far away
            targets = [
                t
                for t in free
                if abs(t - k) > 5 and not paras[t].heading and (paras[t].number is None) == (p.number is None)
            ]
            if not targets:
                continue
            target = rng.choice(targets)
            free.discard(target)
            final[k] = None
            before.setdefault(target, []).append(p)
            ops.append(Op(kind, (k,), (me,)))
        free -= set(range(k - 2, k + 4))
    out: list[Para] = []
    for k, kept in enumerate(final):
        out += before.get(k, [])
        if kept is not None:
            out.append(kept)
    out = _apart(out)
    if renumber and text.runs:
        out = _renumbered(text.paras, out)
    return out, ops


def _fits(kind: str, p: Para, q: Para, lang: str) -> bool:
    """Whether a change of this kind can be made to paragraph p (q the next)."""
    body = p.text[p.start :]
    long = len(body) >= (15 if lang == "zh" else 30)
    if kind in ("character", "word inserted", "word", "clause"):
        return long and bool(_HAN2.search(body) if lang == "zh" else _WORD.search(body))
    if kind == "typography":
        return long and ("，" in body if lang == "zh" else "-" in body)
    if kind in ("swapped", "merged"):
        return not q.heading and (p.number is None) == (q.number is None)
    if kind == "split":
        return _comma(p, lang) > 0
    return True


def _lead(p: Para) -> str:
    """The full-width indentation a paragraph opens with (`　　` in a Chinese web copy),
    which a paragraph made beside it takes; not a Markdown list's spaces, which would
    make the new paragraph part of the item."""
    m = _LEAD.match(p.text)
    return m[0] if m else ""


def _sep(p: Para) -> str:
    """What stands before a new paragraph made beside p: a line break where paragraphs
    are told by their indentation, else a blank line (a line after a list item would be
    read as more of it)."""
    return "\n" if p.sep == "\n" and _lead(p) else "\n\n"


def _apart(out: list[Para]) -> list[Para]:
    """The paragraphs with a blank line before each that now follows another than it
    did and would otherwise be read as more of it (a line after a paragraph or list item
    is the rest of it; after a Markdown heading, or indented, or opening a unit, it is a
    paragraph of its own)."""
    fixed = list(out)
    for k in range(1, len(out)):
        p, before = out[k], out[k - 1]
        if p.sep != "\n" or (before.origin == ("draft", p.origin[1] - 1) and p.origin[0] == "draft"):
            continue
        if not (_lead(p) or starts_unit(p.text) or before.text.lstrip().startswith("#")):
            fixed[k] = replace(p, sep="\n\n")
    return fixed


def _numbered_like(p: Para, body: str) -> str:
    """`body` numbered as p is (renumbering then gives it its own number)."""
    m = _ARABIC.match(p.text) or _CHINESE.match(p.text)
    assert m
    return m["lead"] + m["n"] + m["dot"] + ("" if m["dot"] == "、" else " ") + body.lstrip(" \t\u3000")


def _comma(p: Para, lang: str) -> int:
    """Where to cut a paragraph in two: after its first comma past its first ten
    characters that leaves ten or more after it; 0 for none."""
    comma = "，" if lang == "zh" else ", "
    at = p.text.find(comma, p.start + 10)
    if at < 0 or len(p.text) - at - len(comma) < 10:
        return 0
    return at + len(comma)


def _edit(kind: str, p: Para, lang: str, rng: random.Random) -> str:
    text, start = p.text, p.start
    if kind == "typography":
        old, new = ("，", ",") if lang == "zh" else ("-", "–")
        return text[:start] + text[start:].replace(old, new)
    if lang == "zh":
        spots = [m.start() for m in _HAN2.finditer(text, start, overlapped=True)]
        at = rng.choice(spots)
        if kind == "character":
            return text[:at] + rng.choice(CHARACTERS["zh"]) + text[at:]
        if kind == "word inserted":
            return text[:at] + rng.choice(WORDS["zh"]) + text[at:]
        if kind == "word":
            word = rng.choice([w for w in WORDS["zh"] if w != text[at : at + 2]])
            return text[:at] + word + text[at + 2 :]
        return text[:at] + rng.choice(CLAUSES["zh"]) + text[at:]
    found = list(_WORD.finditer(text, start))
    m = rng.choice(found)
    if kind == "character":
        return text[: m.end()] + "s" + text[m.end() :]
    if kind == "word inserted":
        return text[: m.start()] + rng.choice(WORDS["en"]) + " " + text[m.start() :]
    if kind == "word":
        word = rng.choice([w for w in WORDS["en"] if w != m[0]])
        return text[: m.start()] + word + text[m.end() :]
    return text[: m.end()] + rng.choice(CLAUSES["en"]) + text[m.end() :]


def _renumbered(draft: tuple[Para, ...], out: list[Para]) -> list[Para]:
    """The final's list numbers made 1, 2, 3, … again in each run: a run starts where
    the draft's did, after the heading before it."""
    starts: set[tuple[str, int]] = set()
    heading: tuple[str, int] = ("start", 0)
    last = 0
    for p in draft:
        if p.heading:
            heading = p.origin
        elif (n := p.number) is not None:
            if n <= last or not last:
                starts.add(heading)
            last = n
    count = 0
    renumbered: list[Para] = []
    for p in out:
        if p.heading and p.origin in starts:
            count = 0
        if p.number is not None and not p.heading:
            count += 1
            p = replace(p, text=p.numbered(count))
        renumbered.append(p)
    return renumbered


def positions(out: list[Para], op: Op) -> tuple[int, ...]:
    """The final paragraphs that hold a change's draft paragraphs (or new one)."""
    where = {p.origin: k for k, p in enumerate(out)}
    return tuple(where[o] for o in op.final if o in where)


def every_kind(
    text: Text, pool: list[str], seeds: range, kinds: tuple[str, ...] = KINDS
) -> Iterator[tuple[int, list[Para], list[Op]]]:
    """Revised copies, one a seed (each text its own random changes for a seed: the
    seed taken with the text's name), renumbered on odd seeds where the text numbers its
    paragraphs in runs."""
    for seed in seeds:
        out, ops = revised(text, random.Random(f"{text.name}|{seed}"), pool, bool(seed % 2), kinds)
        yield seed, out, ops
