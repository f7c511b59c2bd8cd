"""How well `unterm revision` finds a reviser's changes: random revisions of real texts,
each change made at a known place, scored against what the report says.

For each document and seed, six to ten paragraphs are revised, each by one of: a word
changed, a clause inserted, the paragraph deleted, swapped with the next, moved at least
five paragraphs away, split in two at a comma, merged with the next, or its typography
changed (full-width commas made half-width; in English, hyphens made en dashes).
A change is found when a pair holds exactly its draft paragraph(s) with its kind (a
swap: both paragraphs moved, or one of them); every other changed pair is a false
alarm.

usage: python -m bench.revision_accuracy [--seeds N]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tests.support.corpora import ARES, CORPORA, UDHR
from tests.support.render import udhr_paragraphs
from unterm.documents.model import BlockKind
from unterm.documents.read import read_document
from unterm.revision import Change, revise

KINDS = ("word", "clause", "deleted", "swapped", "moved", "split", "merged", "typography")
EXPECTED = {
    "word": Change.EDITED,
    "clause": Change.EDITED,
    "deleted": Change.DELETED,
    "swapped": Change.MOVED,
    "moved": Change.MOVED,
    "split": Change.SPLIT,
    "merged": Change.MERGED,
    "typography": Change.EDITED,
}
CLAUSES = {
    "zh": ["并酌情与各利益攸关方协商", "同时考虑到各国的不同国情", "特别是在发展中国家"],
    "en": [
        " and, where appropriate, in consultation with all stakeholders",
        " taking into account national circumstances",
    ],
}


def documents() -> dict[str, tuple[str, list[str]]]:
    """Real texts as lists of paragraphs: A/RES/77/173 (its body, no footnotes), the UDHR,
    and 300 UNPC development-set sentences as paragraphs."""
    out: dict[str, tuple[str, list[str]]] = {}
    for side in ("zh", "en"):
        doc = read_document(ARES / f"{side}.md")
        out[f"A/RES/77/173 {side}"] = (side, [b.text for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE])
        name = "udhr_cmn_hans.xml" if side == "zh" else "udhr_eng.xml"
        out[f"UDHR {side}"] = (side, udhr_paragraphs(UDHR / name))
        lines = (
            (CORPORA / "unpc_v1_devset" / f"UNv1.0.devset.{side}").read_text(encoding="utf-8").splitlines()
        )
        out[f"UNPC 300 {side}"] = (side, [line for line in lines[:300] if len(line) > 20])
    return out


Op = tuple[str, tuple[int, ...]]  # the kind of change and the draft paragraphs it touches


def revised(paras: list[str], side: str, rng: random.Random) -> tuple[list[str], list[Op]]:
    """A revised copy and the changes made: each on paragraphs at least three apart."""
    n = len(paras)
    free = set(range(n))
    ops: list[Op] = []
    final: list[str | None] = list(paras)
    extra: dict[int, list[str]] = {}  # text to put before a draft paragraph's place
    comma = "，" if side == "zh" else ", "
    for _ in range(rng.randint(6, 10)):
        kind = rng.choice(KINDS)
        spots = [k for k in free if all(x in free for x in range(k - 2, k + 4)) and k + 1 < n]
        if not spots:
            break
        k = rng.choice(spots)
        text = paras[k]
        change = _make(kind, text, side, comma, rng)
        if change is None:
            continue
        free -= set(range(k - 2, k + 4))
        if kind in ("word", "clause", "typography"):
            final[k] = change
            ops.append((kind, (k,)))
        elif kind == "deleted":
            final[k] = None
            ops.append((kind, (k,)))
        elif kind == "swapped":
            final[k], final[k + 1] = final[k + 1], final[k]
            ops.append((kind, (k, k + 1)))
        elif kind == "merged":
            final[k], final[k + 1] = text + ("" if side == "zh" else " ") + paras[k + 1], None
            ops.append((kind, (k, k + 1)))
        elif kind == "split":
            at = text.index(comma, 10) + len(comma)
            final[k] = text[:at].rstrip() + "\n\n" + text[at:].lstrip()
            ops.append((kind, (k,)))
        else:  # moved
            targets = [t for t in free if abs(t - k) > 5]
            if not targets:
                continue
            target = rng.choice(targets)
            free.discard(target)
            final[k] = None
            extra.setdefault(target, []).append(text)
            ops.append((kind, (k,)))
    out: list[str] = []
    for k, kept in enumerate(final):
        out += extra.get(k, [])
        if kept is not None:
            out.append(kept)
    return out, ops


def _make(kind: str, text: str, side: str, comma: str, rng: random.Random) -> str | None:
    """The paragraph's new text for an edit in place; None where it cannot be made."""
    makers: dict[str, Callable[[], str | None]] = {
        "word": lambda: _word(text, side, rng),
        "clause": lambda: _clause(text, side, rng),
        "split": lambda: text if comma in text[10:-10] else None,
        "typography": lambda: (
            (text.replace("，", ",") if "，" in text else None)
            if side == "zh"
            else (text.replace("-", "–") if "-" in text else None)
        ),
    }
    return makers.get(kind, lambda: text)()


def _word(text: str, side: str, rng: random.Random) -> str | None:
    if side == "zh":
        at = rng.randrange(2, max(3, len(text) - 4))
        return text[:at] + "有关" + text[at + 2 :] if text[at : at + 2] != "有关" else None
    words = text.split(" ")
    long = [k for k, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not long:
        return None
    k = rng.choice(long)
    words[k] = "relevant" if words[k] != "relevant" else "pertinent"
    return " ".join(words)


def _clause(text: str, side: str, rng: random.Random) -> str:
    at = len(text) // 2
    if side == "en":
        at = text.index(" ", at) if " " in text[at:] else len(text)
    return text[:at] + rng.choice(CLAUSES[side]) + text[at:]


def as_read(paras: list[str], draft: Path) -> list[str]:
    """The paragraphs as unterm reads them back (a line the reader joins to the one before
    it is one paragraph), so that paragraph k is block k."""
    for _ in range(3):
        draft.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        blocks = read_document(draft).blocks
        if len(blocks) == len(paras):
            break
        paras = [b.text for b in blocks]
    return paras


def score(
    name: str, side: str, paras: list[str], seeds: int, folder: Path
) -> tuple[Counter[str], Counter[str], int]:
    found: Counter[str] = Counter()
    made: Counter[str] = Counter()
    false = 0
    draft = folder / "draft.txt"
    paras = as_read(paras, draft)
    base = revise(draft, draft)
    assert all(not p.changed for p in base.pairs), f"{name}: a document against itself shows changes"
    for seed in range(seeds):
        out, ops = revised(paras, side, random.Random(seed))
        final = folder / "final.txt"
        final.write_text("\n\n".join(out) + "\n", encoding="utf-8")
        r = revise(draft, final)
        changed = {p.draft: p.change for p in r.pairs if p.changed}
        explained: set[tuple[int, ...]] = set()
        for kind, where in ops:
            made[kind] += 1
            if kind == "swapped":
                a, b = (where[0],), (where[1],)
                if Change.MOVED in (changed.get(a), changed.get(b)):
                    found[kind] += 1
                explained |= {a, b}
            elif changed.get(where) is EXPECTED[kind]:
                found[kind] += 1
                explained.add(where)
        false += sum(1 for d in changed if d not in explained)
    return found, made, false


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, default=20)
    args = ap.parse_args()
    total_found: Counter[str] = Counter()
    total_made: Counter[str] = Counter()
    total_false = 0
    print(f"{'document':18} {'paras':>5} {'changes':>7} {'found':>6} {'false':>5} {'seconds':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (side, paras) in documents().items():
            start = time.perf_counter()
            found, made, false = score(name, side, paras, args.seeds, Path(tmp))
            total_found += found
            total_made += made
            total_false += false
            print(
                f"{name:18} {len(paras):5d} {sum(made.values()):7d} {sum(found.values()):6d} {false:5d} "
                f"{time.perf_counter() - start:7.1f}"
            )
    print("\nby kind of change: found / made")
    for kind in KINDS:
        print(f"  {kind:10} {total_found[kind]:4d} / {total_made[kind]:4d}")
    print(
        f"all: {sum(total_found.values())} / {sum(total_made.values())} found "
        f"({sum(total_found.values()) / max(1, sum(total_made.values())):.1%}), {total_false} false alarms"
    )


if __name__ == "__main__":
    main()
