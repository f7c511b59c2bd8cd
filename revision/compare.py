"""Which blocks of the draft became which blocks of the final.

The two versions are aligned by the aligner's own dynamic programme (align.dp), with a
cost model for two texts in one language in place of the one for a translation: a unit
is a block's character n-grams (bigrams in Chinese, 4-grams in English, after NFKC and
with white space removed, so that typography does not count), and a link costs

- a prior for its type: 1-1 nothing; leaving a block out (1-0, 0-1) SKIP; a merge or
  split of two MARGIN more than leaving one out and keeping the other, so that a
  deleted paragraph is not taken into its neighbour (that would also cost the
  dissimilarity it adds) while a merged one is (leaving it out would cost its whole
  length); of three, MARGIN more again;
- WEIGHT × (1 − similarity), the similarity being the Dice coefficient of the two
  groups' n-grams (a group's shared n-grams are its members', capped at each side's
  total);
- ±KEY for paragraph keys (`9`, `9 (a)`) that agree or differ, each key taken with the
  article, section or division it stands in (documents.units: a treaty's paragraph 5
  of Article 2 and paragraph 5 of Article 11 are different keys): weak evidence, since
  a reviser who deletes a paragraph renumbers the rest. A paragraph is paired by its
  text, never by its number alone.

With these, two blocks at the same place are the same paragraph edited where their
similarity is above 1 − (2·SKIP)/WEIGHT = 0.35, and a deleted and an inserted block
otherwise. In A/RES/77/173 two different paragraphs have a median similarity of 0.04
(Chinese bigrams) and 0.09 (English 4-grams), 99% of them below 0.29 and 0.36; a
paragraph's most similar other one, a median of 0.25 and 0.30. Two adjacent
paragraphs swapped are a crossing of two links, which costs SWAP extra; a paragraph
moved further is, to the programme, deleted in one place and inserted in another, and
the two are paired afterwards as a move when their similarity is at least MOVED and
each is the other's best match (0.6: reached by 5 of the 2,775 pairs of different
Chinese paragraphs of A/RES/77/173 and 4 English ones, all short title lines against
the paragraph that quotes them, or the date written two ways).

Where most paragraphs are unchanged, runs of them are fixed first (`_anchors`) and the
programme runs between them, so a long document costs little more than its changes.
A piece cut off a paragraph, or a short paragraph merged into the next, is under the
margin a split or merge must pay, and the programme leaves it out as inserted or deleted
beside an edit; the texts then make it a split or merge again (`_regrouped`).
On random revisions of real texts (`python -m bench.revision_accuracy`: every bundled
corpus and corpora/treaty_texts, each language, 20 seeds, 3,143 changes of eleven
kinds, renumbered on half the seeds) every change is found with its kind and place and
nothing else is reported changed (3,073 before issue 25: numbered paragraphs compared as
empty texts, short pieces split off or merged in reported as inserted or deleted).

Footnotes are aligned among themselves, as the aligner does, and each pair placed after
the first pair whose final (or draft) blocks cite it: drafts and finals break their
pages in different places, and footnotes printed at the foot of a page move with them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, pairwise

from unterm.align.cost import Link, Unit
from unterm.align.dp import align_units
from unterm.documents.model import Block, BlockKind, Document
from unterm.documents.units import Scope, scopes
from unterm.lang.languages import Lang
from unterm.lang.text import nfkc
from unterm.revision.diff import typographic_form
from unterm.revision.model import Change

NGRAM = {Lang.ZH: 2, Lang.EN: 4}
SKIP = 3.25
WEIGHT = 10.0
KEY = 1.0
SWAP = 3.0
MOVED = 0.6
MARGIN = 0.5
PRIOR: dict[tuple[int, int], float] = {(1, 1): 0.0, (1, 0): SKIP, (0, 1): SKIP}
PRIOR[(2, 1)] = PRIOR[(1, 2)] = PRIOR[(1, 1)] + SKIP + MARGIN
PRIOR[(3, 1)] = PRIOR[(1, 3)] = PRIOR[(2, 1)] + SKIP + MARGIN


@dataclass(frozen=True, slots=True)
class Match:
    """Blocks of the draft and of the final that are one paragraph, and how it changed
    (before the texts are compared: UNCHANGED here may still prove EDITED)."""

    change: Change
    draft: tuple[int, ...]
    final: tuple[int, ...]
    similarity: float


def shingles(text: str, lang: Lang) -> Counter[str]:
    """A text's character n-grams, case and typography set aside."""
    flat = "".join(nfkc(text).casefold().split())
    n = NGRAM[lang]
    if len(flat) <= n:
        return Counter([flat] if flat else [])
    return Counter(flat[k : k + n] for k in range(len(flat) - n + 1))


def unit(block: Block, lang: Lang, scope: Scope) -> Unit:
    """What the programme sees of a block: its n-grams (in `counts`), kind, and key made
    unique by the article, section or division it stands in (paragraph 5 of Article 2
    is not paragraph 5 of Article 11)."""
    grams = shingles(block.body, lang)
    return Unit(float(sum(grams.values())), (), block.kind, scope.scoped(block.key), grams)


def dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


class SimilarityScorer:
    """The cost of a link between two versions of one text (see the module docstring)."""

    swap_penalty = SWAP

    def __init__(self, draft: Sequence[Unit], final: Sequence[Unit]) -> None:
        self.draft = draft
        self.final = final
        self._d_sum = list(accumulate((u.length for u in draft), initial=0.0))
        self._f_sum = list(accumulate((u.length for u in final), initial=0.0))
        self._shared: dict[tuple[int, int], float] = {}
        self._cost: dict[tuple[int, int, int, int], float] = {}

    def shared(self, i: int, j: int) -> float:
        hit = self._shared.get((i, j))
        if hit is None:
            hit = self._shared[(i, j)] = float(sum((self.draft[i].counts & self.final[j].counts).values()))
        return hit

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        """The Dice coefficient of draft units i..i+a−1 and final units j..j+b−1."""
        left = self._d_sum[i + a] - self._d_sum[i]
        right = self._f_sum[j + b] - self._f_sum[j]
        if not left + right:
            return 1.0
        shared = sum(self.shared(x, y) for x in range(i, i + a) for y in range(j, j + b))
        return 2 * min(shared, left, right) / (left + right)

    def cost(self, i: int, a: int, j: int, b: int) -> float:
        if not a or not b:
            return PRIOR[(a, b)]
        hit = self._cost.get((i, a, j, b))
        if hit is not None:
            return hit
        value = PRIOR[(a, b)] + WEIGHT * (1 - self.similarity(i, a, j, b))
        dk, fk = self.draft[i], self.final[j]
        if dk.key and fk.key:
            value += -KEY if (dk.kind, dk.key) == (fk.kind, fk.key) else KEY
        self._cost[(i, a, j, b)] = value
        return value

    def link(self, i: int, a: int, j: int, b: int, posterior: float, extra: Sequence[str] = ()) -> Link:
        similarity = self.similarity(i, a, j, b) if a and b else 0.0
        evidence = (*extra, f"similarity {similarity:.3f}")
        return Link(tuple(range(i, i + a)), tuple(range(j, j + b)), round(posterior, 3), evidence)


def compare(draft: Document, final: Document) -> list[Match]:
    """The matches of two versions of one document, in the final's order (a deleted
    block where it stood in the draft), moves found and footnotes placed."""
    lang = final.lang
    d_units = [unit(b, lang, s) for b, s in zip(draft.blocks, scopes(draft.blocks), strict=True)]
    f_units = [unit(b, lang, s) for b, s in zip(final.blocks, scopes(final.blocks), strict=True)]
    body: list[Match] = []
    notes: list[Match] = []
    for is_note, out in ((False, body), (True, notes)):
        di = _sequence(draft, is_note)
        fi = _sequence(final, is_note)
        links = _align(
            [d_units[k] for k in di],
            [f_units[k] for k in fi],
            [draft.blocks[k].body for k in di],
            [final.blocks[k].body for k in fi],
        )
        for k in range(len(links) - 1):  # two paragraphs swapped: in the final's order
            if "crossed" in links[k].evidence and links[k].en > links[k + 1].en:
                links[k], links[k + 1] = links[k + 1], links[k]
        out.extend(_match(link, di, fi, d_units, f_units) for link in links)
    body = _regrouped(body, draft, final, d_units, f_units)
    matches = _moves(body, d_units, f_units) + _moves(notes, d_units, f_units)
    return _place_notes(
        [m for m in matches if not _is_note(m, draft, final)],
        [m for m in matches if _is_note(m, draft, final)],
        draft,
        final,
    )


def _align(d_units: list[Unit], f_units: list[Unit], d_texts: list[str], f_texts: list[str]) -> list[Link]:
    """The links of two block sequences: runs of unchanged blocks fixed first (see
    `_anchors`), the programme between them."""
    bounds = [(-1, -1), *_anchors(d_texts, f_texts), (len(d_texts), len(f_texts))]
    out: list[Link] = []
    for (i0, j0), (i1, j1) in pairwise(bounds):
        if i0 >= 0:
            out.append(Link((i0,), (j0,), 1.0, ("unchanged", "similarity 1.000")))
        if i1 - i0 > 1 or j1 - j0 > 1:
            links = align_units(d_units[i0 + 1 : i1], f_units[j0 + 1 : j1], scorer=SimilarityScorer)
            for link in links:
                shifted = (tuple(i0 + 1 + k for k in link.zh), tuple(j0 + 1 + k for k in link.en))
                out.append(Link(*shifted, link.score, link.evidence))
    return out


def _anchors(d_texts: list[str], f_texts: list[str]) -> list[tuple[int, int]]:
    """Blocks that are certainly unchanged, as (draft, final) positions: the longest
    run-preserving common subsequence of the texts each version holds exactly once
    (patience diff), kept where two or more follow one another in both. A revision
    leaves most paragraphs as they were, so the programme then runs only where the
    reviser worked; a lone match is left to it, so that two paragraphs swapped are
    seen as such rather than one of them fixed in place."""
    d_count, f_count = Counter(d_texts), Counter(f_texts)
    f_at = {t: j for j, t in enumerate(f_texts) if f_count[t] == 1}
    candidates = [(i, f_at[t]) for i, t in enumerate(d_texts) if d_count[t] == 1 and t in f_at]
    # the longest run of candidates increasing in both positions (patience sorting)
    tops: list[int] = []  # per length, the candidate ending such a run at the smallest final position
    top_j: list[int] = []  # and that position
    before: list[int] = []
    for k, (_, j) in enumerate(candidates):
        length = bisect_left(top_j, j)
        before.append(tops[length - 1] if length else -1)
        if length == len(tops):
            tops.append(k)
            top_j.append(j)
        else:
            tops[length], top_j[length] = k, j
    chain: list[tuple[int, int]] = []
    k = tops[-1] if tops else -1
    while k >= 0:
        chain.append(candidates[k])
        k = before[k]
    chain.reverse()
    return [
        (i, j)
        for n, (i, j) in enumerate(chain)
        if (n and chain[n - 1] == (i - 1, j - 1)) or (n + 1 < len(chain) and chain[n + 1] == (i + 1, j + 1))
    ]


def _sequence(doc: Document, notes: bool) -> list[int]:
    """The body blocks in reading order, or the footnotes in the order of their numbers
    (where they were printed depends on the page breaks)."""
    if not notes:
        return [b.index for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE]
    found = [b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    return [b.index for b in sorted(found, key=lambda b: (int(b.key) if b.key.isdigit() else 0, b.index))]


def _match(
    link: Link,
    draft_index: Sequence[int],
    final_index: Sequence[int],
    d_units: Sequence[Unit],
    f_units: Sequence[Unit],
) -> Match:
    d = tuple(draft_index[k] for k in link.zh)
    f = tuple(final_index[k] for k in link.en)
    similarity = dice(
        sum((d_units[k].counts for k in d), Counter()), sum((f_units[k].counts for k in f), Counter())
    )
    if not d:
        change = Change.INSERTED
    elif not f:
        change = Change.DELETED
    elif "crossed" in link.evidence:
        change = Change.MOVED
    elif len(d) > 1:
        change = Change.MERGED
    elif len(f) > 1:
        change = Change.SPLIT
    else:
        change = Change.UNCHANGED
    return Match(change, d, f, similarity)


def _regrouped(
    matches: list[Match], draft: Document, final: Document, d_units: Sequence[Unit], f_units: Sequence[Unit]
) -> list[Match]:
    """The matches with a split or merge the programme told as an insertion or deletion
    beside a paragraph it kept made a split or merge again: where a paragraph was cut
    off a short piece (`Furthermore,` | `no distinction shall…`), leaving the piece out
    costs the programme less than the split (see PRIOR). The texts decide: a block
    inserted beside a kept one is split off it when the draft paragraph begins (or
    ends) with the inserted text and the kept one does not; a deleted block is merged
    into its neighbour when the final paragraph begins (or ends) with it and the
    neighbour did not. Texts in their typographic form, numbers left out."""
    lang = final.lang
    d_form = {b.index: typographic_form(b.body, lang) for b in draft.blocks}
    f_form = {b.index: typographic_form(b.body, lang) for b in final.blocks}
    deleted = {m.draft[0]: k for k, m in enumerate(matches) if m.change is Change.DELETED}
    inserted = {m.final[0]: k for k, m in enumerate(matches) if m.change is Change.INSERTED}
    out: dict[int, Match] = dict(enumerate(matches))
    for k, m in enumerate(matches):
        if m.change is not Change.UNCHANGED or len(m.draft) != 1 or len(m.final) != 1:
            continue
        (i,), (j,) = m.draft, m.final
        new: Match | None = None
        for gone, joined in ((i - 1, (i - 1, i)), (i + 1, (i, i + 1))):
            piece = d_form.get(gone, "")
            if (
                gone in deleted
                and deleted[gone] in out
                and piece
                and _holds(f_form[j], d_form[i], piece, gone < i)
            ):
                new, drop = Match(Change.MERGED, joined, m.final, 0.0), deleted[gone]
                break
        else:
            for extra, cut in ((j - 1, (j - 1, j)), (j + 1, (j, j + 1))):
                piece = f_form.get(extra, "")
                if (
                    extra in inserted
                    and inserted[extra] in out
                    and piece
                    and _holds(d_form[i], f_form[j], piece, extra < j)
                ):
                    new, drop = Match(Change.SPLIT, m.draft, cut, 0.0), inserted[extra]
                    break
        if new is not None:
            d_grams = sum((d_units[x].counts for x in new.draft), Counter())
            f_grams = sum((f_units[x].counts for x in new.final), Counter())
            out[k] = Match(new.change, new.draft, new.final, dice(d_grams, f_grams))
            del out[drop]
    return [out[k] for k in sorted(out)]


def _holds(whole: str, kept: str, piece: str, first: bool) -> bool:
    """Whether `whole` is `piece` and more, the piece first (or last), while `kept`, the
    rest's other version, is not."""
    if first:
        return whole.startswith(piece) and len(whole) > len(piece) and not kept.startswith(piece)
    return whole.endswith(piece) and len(whole) > len(piece) and not kept.endswith(piece)


def _moves(matches: list[Match], d_units: Sequence[Unit], f_units: Sequence[Unit]) -> list[Match]:
    """The matches with each deleted block and inserted block that are one paragraph
    moved (similarity at least MOVED, each the other's best) made a move, placed where
    the final has it."""
    deleted = [m.draft[0] for m in matches if m.change is Change.DELETED]
    inserted = [m.final[0] for m in matches if m.change is Change.INSERTED]
    sims = {(d, f): dice(d_units[d].counts, f_units[f].counts) for d in deleted for f in inserted}
    moved: dict[int, Match] = {}  # by final block
    gone: set[int] = set()
    for (d, f), s in sorted(sims.items(), key=lambda kv: -kv[1]):
        if s < MOVED or d in gone or f in moved:
            continue
        best_f = max((x for x in inserted if x not in moved), key=lambda x: sims[(d, x)])
        best_d = max((x for x in deleted if x not in gone), key=lambda x: sims[(x, f)])
        if best_f == f and best_d == d:
            moved[f] = Match(Change.MOVED, (d,), (f,), s)
            gone.add(d)
    out = []
    for m in matches:
        if m.change is Change.DELETED and m.draft[0] in gone:
            continue
        if m.change is Change.INSERTED and m.final[0] in moved:
            m = moved[m.final[0]]
        out.append(m)
    return out


def _is_note(m: Match, draft: Document, final: Document) -> bool:
    block = final.blocks[m.final[0]] if m.final else draft.blocks[m.draft[0]]
    return block.kind is BlockKind.FOOTNOTE


def _place_notes(body: list[Match], notes: list[Match], draft: Document, final: Document) -> list[Match]:
    """Each footnote match right after the first body match that cites it (in the final,
    else in the draft); the rest at the end."""
    after: dict[int, list[Match]] = {}
    tail: list[Match] = []
    for note in notes:
        host = next((k for k, m in enumerate(body) if _cites(m, note, draft, final)), None)
        if host is None:
            tail.append(note)
        else:
            after.setdefault(host, []).append(note)
    out: list[Match] = []
    for k, m in enumerate(body):
        out.append(m)
        out.extend(after.get(k, []))
    return out + tail


def _cites(m: Match, note: Match, draft: Document, final: Document) -> bool:
    for doc, mine, theirs in ((final, m.final, note.final), (draft, m.draft, note.draft)):
        if theirs:
            number = doc.blocks[theirs[0]].key
            if number.isdigit() and any(int(number) in doc.blocks[i].footnotes for i in mine):
                return True
    return False
