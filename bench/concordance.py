"""The memory over the UNPC development set: how long indexing takes and how big the
memory is, how fast a search answers, and which Chinese tokenizer finds what a plain
scan finds.

1. The 732 documents of the set (its 4,000 sentence pairs put back into their
   documents, as bench.term_recall does) written in UNPC's layout (2015/a/69/767/zh.txt),
   indexed with `unterm index DIR -o memory.sqlite` at paragraph and sentence level;
   then the same command again (nothing changed).
2. Searches in one process, the memory opened for each as `unterm search` does: Chinese
   and English words, phrases, quoted phrases and symbols, each query run REPEAT times;
   the first search of the process apart (it loads the dictionary).
3. Recall of Chinese queries of 1 to 6 characters against a plain scan (every sentence
   pair whose Chinese search form holds the query): SQLite's trigram tokenizer (with
   the instr scan unterm uses for 1-2 characters) and jieba words (the text cut by
   jieba, FTS5 over the words, the query cut the same way and searched as a phrase).
   The queries: random substrings of the Chinese sentences (Han characters only, a
   fixed seed) and the Chinese labels of the UNBIS thesaurus half that occur in them.

usage: python -m bench.concordance [--repeat N] [--sample N]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.term_recall import THESAURUS, devset_documents

QUERIES = [
    "新城市议程", "可持续发展", "会员国", "秘书长", "大会", "安全理事会", "人权", "联合国",
    "发展", "妇女", "城市", "难民", "气候变化", "核", "和平", "2015年",
    "New Urban Agenda", "sustainable development", "Member States", "Secretary-General",
    "General Assembly", "Security Council", "human rights", "development", "women", "refugees",
    "climate change", "nuclear", '"the General Assembly"', '"human rights"', '"Member States"',
    "A/69/767", "A/RES/69/313", "E/CN.6/2015/NGO/259", "the",
]  # fmt: skip


def write_corpus(folder: Path) -> int:
    """The devset's documents as folder/YEAR/series/.../zh.txt and en.txt."""
    docs = devset_documents()
    for name, rows in docs.items():
        target = folder / name
        target.mkdir(parents=True, exist_ok=True)
        (target / "zh.txt").write_text("\n".join(z for z, _ in rows) + "\n", encoding="utf-8")
        (target / "en.txt").write_text("\n".join(e for _, e in rows) + "\n", encoding="utf-8")
    return len(docs)


def index(corpus: Path, memory: Path) -> None:
    unterm = str(Path(sys.executable).with_name("unterm"))
    for run in ("first run", "rerun, nothing changed"):
        start = time.perf_counter()
        done = subprocess.run(
            [unterm, "index", str(corpus), "-o", str(memory), "-q"],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        print(f"   {run}: exit {done.returncode} in {seconds:.1f} s {done.stderr.strip()[:200]}")
    conn = sqlite3.connect(memory)
    levels = dict(conn.execute("SELECT level, count(*) FROM units GROUP BY level").fetchall())
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    size = memory.stat().st_size
    print(
        f"   {documents} documents, {levels.get('paragraph', 0)} paragraph pairs, "
        f"{levels.get('sentence', 0)} sentence pairs; {size / 2**20:.2f} MiB ({size / max(1, sum(levels.values())):.0f} bytes a pair)"
    )


def searches(memory: Path, repeat: int) -> None:
    from unterm.memory.search import search

    for first in ("新城市议程", "New Urban Agenda"):
        start = time.perf_counter()
        search(memory, first)
        print(
            f"   first {first!r} of the process (loads CC-CEDICT and its indexes): {(time.perf_counter() - start) * 1000:.0f} ms"
        )
    wall: list[float] = []
    cpu: list[float] = []
    each: dict[str, list[float]] = {}
    for query in QUERIES:
        for _ in range(repeat):
            start, used = time.perf_counter(), time.process_time()
            search(memory, query)
            cpu.append(time.process_time() - used)
            wall.append(time.perf_counter() - start)
            each.setdefault(query, []).append(cpu[-1])
    # on a machine shared with other work the wall-clock time is this process's CPU time
    # plus its wait for a core; both are given
    for label, times in (("wall clock", wall), ("CPU time", cpu)):
        times.sort()
        p95 = times[int(0.95 * (len(times) - 1))]
        under = sum(1 for t in times if t < 0.05)
        print(
            f"   {len(QUERIES)} queries x {repeat}, {label}: median {statistics.median(times) * 1000:.1f} ms, "
            f"95th percentile {p95 * 1000:.1f} ms, slowest {times[-1] * 1000:.1f} ms; {under} of {len(times)} under 50 ms"
        )
    print(f"   (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    for query in QUERIES:
        results = search(memory, query, limit=1)
        top = results.renderings[0].describe(results.query, results.side) if results.renderings else ""
        ms = statistics.median(each[query]) * 1000
        print(f"     {ms:7.1f} ms CPU  {query!r}: {results.total} pairs; {top}")


def _sentences(memory: Path) -> list[tuple[int, str]]:
    from unterm.lang.languages import Lang
    from unterm.memory.text import search_form

    conn = sqlite3.connect(memory)
    rows = conn.execute("SELECT id, zh FROM units WHERE level = 'sentence'").fetchall()
    conn.close()
    return [(i, search_form(z, Lang.ZH)) for i, z in rows]


def _queries(sentences: list[tuple[int, str]], sample: int) -> dict[str, list[str]]:
    import regex

    from unterm.lang.languages import Lang
    from unterm.memory.text import search_form

    rng = random.Random(29)
    out: dict[str, list[str]] = {}
    runs = [m[0] for _, s in sentences for m in regex.finditer(r"\p{Han}+", s)]
    for size in range(1, 7):
        long_enough = [r for r in runs if len(r) >= size]
        picked = []
        for _ in range(sample):
            run = rng.choice(long_enough)
            at = rng.randrange(len(run) - size + 1)
            picked.append(run[at : at + size])
        out[f"random, {size} character{'s' * (size > 1)}"] = picked
    text = "\n".join(s for _, s in sentences)
    with open(THESAURUS, encoding="utf-8") as f:
        labels = {search_form(r["zh"], Lang.ZH) for r in csv.DictReader(f, delimiter="\t")}
    out["UNBIS labels of 1-6 characters found in the set"] = sorted(
        lab for lab in labels if 1 <= len(lab) <= 6 and lab in text
    )
    return out


def recall(memory: Path, sample: int) -> None:
    from unterm.lang.chinese import cut

    sentences = _sentences(memory)
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE tri USING fts5(text, tokenize='trigram')")
    conn.execute("CREATE VIRTUAL TABLE words USING fts5(text, tokenize='unicode61')")
    for i, s in sentences:
        conn.execute("INSERT INTO tri(rowid, text) VALUES (?, ?)", (i, s))
        conn.execute("INSERT INTO words(rowid, text) VALUES (?, ?)", (i, " ".join(cut(s))))

    def trigram(q: str) -> set[int]:
        if len(q) < 3:
            return {r for (r,) in conn.execute("SELECT rowid FROM tri WHERE instr(text, ?) > 0", (q,))}
        return {r for (r,) in conn.execute("SELECT rowid FROM tri WHERE tri MATCH ?", ('"' + q + '"',))}

    def jieba(q: str) -> set[int]:
        phrase = '"' + " ".join(w for w in cut(q) if w.strip()) + '"'
        return {r for (r,) in conn.execute("SELECT rowid FROM words WHERE words MATCH ?", (phrase,))}

    print(
        f"   over {len(sentences)} sentence pairs; found / held by a plain scan (queries with every pair found)"
    )
    print(f"   {'queries':<52}{'trigram (+instr)':>22}{'jieba words':>22}{'ms/query tri, jieba':>22}")
    for label, queries in _queries(sentences, sample).items():
        expected = found_tri = found_jieba = 0
        whole_tri = whole_jieba = 0
        t_tri = t_jieba = 0.0
        for q in queries:
            truth = {i for i, s in sentences if q in s}
            start = time.perf_counter()
            tri = trigram(q)
            t_tri += time.perf_counter() - start
            start = time.perf_counter()
            jie = jieba(q)
            t_jieba += time.perf_counter() - start
            expected += len(truth)
            found_tri += len(truth & tri)
            found_jieba += len(truth & jie)
            whole_tri += truth <= tri
            whole_jieba += truth <= jie
        n = len(queries)
        print(
            f"   {label + f' ({n})':<52}{found_tri / expected:>10.1%} ({whole_tri / n:>6.1%})"
            f"{found_jieba / expected:>12.1%} ({whole_jieba / n:>6.1%})"
            f"{t_tri / n * 1000:>12.2f}, {t_jieba / n * 1000:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=200, help="random queries of each length")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, memory = Path(tmp) / "unpc", Path(tmp) / "memory.sqlite"
        n = write_corpus(corpus)
        print(f"1. unterm index over the {n} UNPC development documents (paragraph and sentence level)")
        index(corpus, memory)
        print("2. unterm search, the memory opened for each search")
        searches(memory, args.repeat)
        print("3. Chinese queries of 1-6 characters: recall against a plain scan")
        recall(memory, args.sample)


if __name__ == "__main__":
    main()
