"""Merge mined entries into an existing termbase."""

from __future__ import annotations

from dataclasses import replace

from unterm.lang.english import fold
from unterm.termbase.model import Entry, Termbase


def _zh_key(text: str) -> str:
    return text.strip("《》 ")


def merge(existing: Termbase, mined: Termbase) -> Termbase:
    """The existing entries, those the mining found again marked `known` and given the
    mined evidence, then the new entries. A mined pair whose Chinese (or English) term the
    existing termbase pairs with another term is a conflict: reported, and the mined
    entry is kept as proposed for a reviewer to decide."""
    zh_index: dict[str, set[int]] = {}
    en_index: dict[str, set[int]] = {}
    for k, entry in enumerate(existing.entries):
        for t in entry.zh:
            zh_index.setdefault(_zh_key(t.text), set()).add(k)
        for t in entry.en:
            en_index.setdefault(fold(t.text), set()).add(k)
    out = list(existing.entries)
    conflicts: list[str] = list(existing.conflicts)
    new: list[Entry] = []
    for entry in mined.entries:
        # a term may stand in several entries (机构: institutions; 机构: agencies)
        zh_hit = {k for t in entry.zh for k in zh_index.get(_zh_key(t.text), ())}
        en_hit = {k for t in entry.en for k in en_index.get(fold(t.text), ())}
        same = zh_hit & en_hit
        if same:
            k = min(same)
            old = out[k]
            out[k] = replace(
                old,
                known=True,
                frequency=old.frequency + entry.frequency,
                confidence=max(old.confidence, entry.confidence),
                examples=(old.examples + entry.examples)[:3],
            )
            continue
        for k in sorted(zh_hit | en_hit):
            old = out[k]
            conflicts.append(
                f"{entry.zh_text} = {entry.en_text} (mined) but {old.id} has "
                f"{' / '.join(t.text for t in old.zh)} = {' / '.join(t.text for t in old.en)}"
            )
        new.append(entry)
    taken = {e.id for e in out}
    n = len(out)
    for entry in new:
        n += 1
        ident = f"c{n:04d}"
        while ident in taken:
            n += 1
            ident = f"c{n:04d}"
        taken.add(ident)
        out.append(replace(entry, id=ident))
    return Termbase(tuple(out), mined.signature or existing.signature, tuple(conflicts))
