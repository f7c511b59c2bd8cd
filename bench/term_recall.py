"""Recall of term mining against real UN terminology, over the UNPC development set.

The 4,000 sentence pairs of the UNPC v1.0 development set are put back into the 732
documents they come from (by their ids, in the order of the English version), each
document is aligned by unterm, and the whole set is mined at once (corpus mode, as
`unterm terms --dir` does). The reference is half of the UNBIS Thesaurus (3,656 zh-en
descriptors) and the official short and formal names of the 197 States (UNTERM),
bundled in corpora/ with their sources.

A reference pair *co-occurs* when its Chinese label is in the Chinese side of one
aligned segment and its English label, as whole words (case and plurals folded), in
the English side of the same segment. It is *found* when one entry of the termbase
holds both (any of the entry's terms). Printed: the share found, for multi-word
English labels and for country names apart; the pairs missed, most frequent first;
and the top 100 entries against the judgements in tests/expected.

The country names are also unterm's gazetteer (lang/gazetteer.py), so their recall says that
the gazetteer is used, not that mining finds names unaided; the thesaurus is not used
by unterm, so its recall is measured on terms the tool has never been given.

usage: python -m bench.term_recall [--all] [--missed N] [--direct]
  --all      measure every mined entry, not only those above the default cut
  --missed   how many missed pairs to list (default 40)
  --direct   mine the 4,000 gold sentence pairs as segments instead of aligning documents
"""

from __future__ import annotations

import argparse
import csv
import resource
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import regex

from unterm.lang.english import fold
from unterm.lang.text import zh_key
from unterm.termbase.counts import Segment, segments
from unterm.termbase.model import Termbase

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
DEVSET = CORPORA / "unpc_v1_devset"
THESAURUS = CORPORA / "unbis_thesaurus_half" / "unbis_zh_en.tsv"
COUNTRIES = CORPORA / "unterm_country_names" / "unterm_countries_zh_en.tsv"
JUDGED = ROOT / "tests" / "expected" / "unpc_devset.terms_judged.tsv"


@dataclass(frozen=True, slots=True)
class Reference:
    zh: str
    en: str
    source: str  # "thesaurus" or "country"

    @property
    def multiword(self) -> bool:
        return len(self.en.split()) >= 2


def references() -> list[Reference]:
    """The thesaurus half and the country names (short and formal), each pair once."""
    out: dict[tuple[str, str], Reference] = {}
    with open(THESAURUS, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            out.setdefault((zh_key(r["zh"]), fold(r["en"])), Reference(r["zh"], r["en"], "thesaurus"))
    with open(COUNTRIES, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            for zh, en in ((r["zh_short"], r["en_short"]), (r["zh_formal"], r["en_formal"])):
                # as running text writes them: `Philippines (the)` is `Philippines`
                en = regex.sub(r"\s*\((?:the|The)\)$", "", en).removeprefix("the ")
                out[(zh_key(zh), fold(en))] = Reference(zh, en, "country")
    return list(out.values())


def devset_documents() -> dict[str, list[tuple[str, str]]]:
    """The devset's sentence pairs by document id, in the English version's order."""
    zh = (DEVSET / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (DEVSET / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ids = (DEVSET / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for z, e, i in zip(zh, en, ids, strict=True):
        parts = i.split()
        where = next(p for p in parts if p.startswith("en:")).split(":")[1:]
        docs[parts[0]].append((int(where[0]) * 1000 + int(where[1]), z, e))
    return {d: [(z, e) for _, z, e in sorted(rows)] for d, rows in sorted(docs.items())}


def aligned_segments(direct: bool) -> list[Segment]:
    """The segments mining counts over: unterm's alignment of each document, or (direct)
    the gold sentence pairs."""
    docs = devset_documents()
    if direct:
        return [Segment(z, e, d) for d, rows in docs.items() for z, e in rows]
    import unterm

    out: list[Segment] = []
    with tempfile.TemporaryDirectory() as tmp:
        for d, rows in docs.items():
            folder = Path(tmp) / d.replace("/", "_")
            folder.mkdir()
            (folder / "zh.txt").write_text("\n".join(z for z, _ in rows) + "\n", encoding="utf-8")
            (folder / "en.txt").write_text("\n".join(e for _, e in rows) + "\n", encoding="utf-8")
            alignment = unterm.align(folder / "zh.txt", folder / "en.txt")
            out += [Segment(s.zh, s.en, d, s.key) for s in segments(alignment)]
    return out


def co_occurring(refs: list[Reference], segs: list[Segment]) -> Counter[Reference]:
    """How many segments hold both labels of each reference pair."""
    out: Counter[Reference] = Counter()
    keyed = [(r, zh_key(r.zh), f" {fold(r.en)} ") for r in refs]
    for s in segs:
        zh, en = zh_key(s.zh), f" {fold(s.en)} "
        out.update(r for r, z, e in keyed if z in zh and e in en)
    return out


def found(refs: list[Reference], termbase: Termbase) -> set[Reference]:
    """The reference pairs one entry holds."""
    pairs = {(zh_key(z.text), fold(e.text)) for entry in termbase.entries for z in entry.zh for e in entry.en}
    return {r for r in refs if (zh_key(r.zh), fold(r.en)) in pairs}


def share(part: list[Reference], hits: set[Reference]) -> str:
    n = sum(1 for r in part if r in hits)
    return f"{n} of {len(part)} ({n / len(part):.1%})" if part else "none"


def judge_top(termbase: Termbase, n: int) -> None:
    verdicts: dict[tuple[str, str], str] = {}
    if JUDGED.exists():
        with open(JUDGED, encoding="utf-8") as f:
            verdicts = {(r["zh"], r["en"]): r["correct"] for r in csv.DictReader(f, delimiter="\t")}
    right, lines = 0, []
    for rank, e in enumerate(termbase.entries[:n], 1):
        key = (" | ".join(t.text for t in e.zh), " | ".join(t.text for t in e.en))
        verdict = verdicts.get(key)
        right += verdict == "yes"
        if verdict != "yes":
            lines.append(f"   {'wrong' if verdict else 'unjudged'} {rank:>4}  {key[0]} | {key[1]}")
    print(f"top {n}: {right} judged right ({right / n:.0%}) against {JUDGED.relative_to(ROOT)}")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="every entry, not only the default cut")
    parser.add_argument("--missed", type=int, default=40)
    parser.add_argument("--direct", action="store_true", help="gold sentence pairs as segments")
    args = parser.parse_args()
    from unterm.termbase.mine import DEFAULT_CUT, mine

    start = time.perf_counter()
    segs = aligned_segments(args.direct)
    aligned = time.perf_counter() - start
    termbase = mine(segs=segs, min_confidence=0.0 if args.all else DEFAULT_CUT)
    mined = time.perf_counter() - start - aligned
    refs = references()
    together = co_occurring(refs, segs)
    hits = found(list(together), termbase)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(segs)} aligned segments ({'gold' if args.direct else 'aligned by unterm'}, {aligned:.0f} s), "
        f"{len(termbase)} entries{' (--all)' if args.all else ''} in {mined:.0f} s, max RSS {rss:.0f} MiB"
    )
    thes = [r for r in together if r.source == "thesaurus"]
    countries = [r for r in together if r.source == "country"]
    print(f"reference pairs co-occurring in one segment: {len(together)}")
    print(f"  found as entries, all:            {share(list(together), hits)}")
    print(f"  thesaurus:                        {share(thes, hits)}")
    print(f"  thesaurus, multi-word English:    {share([r for r in thes if r.multiword], hits)}")
    print(f"  multi-word (thesaurus+countries): {share([r for r in together if r.multiword], hits)}")
    print(f"  country names:                    {share(countries, hits)}")
    missed = sorted((r for r in together if r not in hits), key=lambda r: (-together[r], r.en))
    print(f"missed, most frequent first ({len(missed)}):")
    for r in missed[: args.missed]:
        print(f"  {together[r]:>3}  {r.zh} | {r.en}  ({r.source})")
    judge_top(termbase, 100)


if __name__ == "__main__":
    main()
