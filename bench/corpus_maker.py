"""A generated corpus of General Assembly resolutions, Chinese and English, made from the
bundled real pairs, for measuring unterm at corpus scale (bench/corpus.py).

Every paragraph is a real UN paragraph pair, taken from the gold alignments of the
bundled texts (A/RES/77/173, Charter chapters 1-3, the UDHR, the SDG targets, the UNPC
development set's sentences): only how they are put together is generated. Each document
has the shape of a resolution as the Official Document System gives it as Markdown (the
bundled A/RES/77/173): session, agenda item, title, date, symbol, a preamble, numbered
operative paragraphs, sometimes footnotes, the meeting and date at the end; its
paragraphs are drawn at random, renumbered, and its symbol, session and dates are new.
Real-looking variation: a tenth of the documents are hard-wrapped as PDF text is, one in
twenty has an operative paragraph missing from the English (an omission), lengths run
from 3 to 60 operative paragraphs.

Deterministic for a seed: the same seed gives the same files.
"""

from __future__ import annotations

import csv
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

import cn2an
import regex
from num2words import num2words

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_NUMBER = regex.compile(r"^\s*(?:\d+|\([a-z]\))\.?\s+")
_MARKER = regex.compile(r"\s*<sup>\d+</sup>\s*")


@dataclass(frozen=True, slots=True)
class Unit:
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Pools:
    """The real paragraph pairs documents are made of."""

    titles: tuple[Unit, ...]
    preamble: tuple[Unit, ...]
    operative: tuple[Unit, ...]
    notes: tuple[Unit, ...]


def _tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _plain(text: str) -> str:
    return _MARKER.sub("", _NUMBER.sub("", text)).strip()


def pools() -> Pools:
    titles, preamble, operative, notes = [], [], [], []
    for row in _tsv(CORPORA / "A_RES_77_173" / "gold_align.tsv"):
        zh, en = row["zh"], row["en"]
        if row["kind"] == "footnote":
            notes.append(Unit(_MARKER.sub("", zh).strip(), _MARKER.sub("", en).strip()))
        elif regex.match(r"\d+\. ", en):
            operative.append(Unit(_plain(zh), _plain(en)))
        elif en.startswith("*") and not en.startswith("*The General"):
            preamble.append(Unit(_plain(zh), _plain(en)))
    for row in _tsv(CORPORA / "un_charter_ch1_3" / "gold_align.tsv"):
        if row["kind"] == "para" and len(row["en"]) > 40:
            operative.append(Unit(_plain(row["zh"]), _plain(row["en"])))
    for row in _tsv(CORPORA / "udhr" / "derived" / "udhr_en_zh_aligned.tsv"):
        unit = Unit(row["zh"].strip(), row["en"].strip())
        (preamble if row["unit"].startswith("preamble") else operative).append(unit)
    sdg = CORPORA / "sdg_framework" / "derived"
    for row in _tsv(sdg / "global_goals_en_zh.tsv"):
        if row["key"].endswith("-title"):
            titles.append(Unit(row["zh"], row["en"]))
    for row in _tsv(sdg / "global_targets_en_zh.tsv"):
        operative.append(Unit(row["zh"], row["en"]))
    devset = CORPORA / "unpc_v1_devset"
    lines_zh = (devset / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    lines_en = (devset / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    operative += [
        Unit(z, e) for z, e in zip(lines_zh, lines_en, strict=True) if len(e) > 60 and not _NUMBER.match(e)
    ]
    return Pools(tuple(titles), tuple(preamble), tuple(operative), tuple(notes))


def _wrap(text: str, zh: bool) -> str:
    """Hard line ends as a PDF's text layer has them."""
    if zh:
        return "\n".join(text[i : i + 38] for i in range(0, len(text), 38))
    return "\n".join(textwrap.wrap(text, 80)) or text


def document(rng: random.Random, p: Pools, session: int, number: int) -> tuple[str, str]:
    """One resolution, (Chinese, English) as Markdown."""
    year = 1945 + session
    day, month = rng.randint(1, 28), rng.choice((11, 12))
    item, meeting = rng.randint(2, 140), rng.randint(30, 90)
    title = rng.choice(p.titles)
    zh = [
        f"## 第{cn2an.an2cn(session)}届会议",
        f"## 议程项目 {item}",
        title.zh,
        f"## {year} 年 {month} 月 {day} 日大会决议",
        f"{session}/{number}. {title.zh}",
        "大会,",
    ]
    en = [
        f"## {num2words(session, to='ordinal').capitalize()} session",
        f"## Agenda item {item}",
        title.en,
        f"## Resolution adopted by the General Assembly on {day} {MONTHS[month - 1]} {year}",
        f"{session}/{number}. {title.en}",
        "*The General Assembly*,",
    ]
    body = [(u.zh, u.en) for u in rng.sample(p.preamble, rng.randint(0, 12))]
    body += [
        (f"{n}. {u.zh}", f"{n}. {u.en}")
        for n, u in enumerate(rng.sample(p.operative, rng.randint(3, 60)), start=1)
    ]
    notes = rng.sample(p.notes, rng.choice((0, 0, 1, 2, 3)))
    places = sorted(rng.sample(range(len(body)), len(notes)))
    missing = rng.randrange(len(body)) if rng.random() < 0.05 else -1
    wrap = rng.random() < 0.1
    for i, (z, e) in enumerate(body):
        note = places.index(i) + 1 if i in places else 0
        if note:
            z, e = f"{z}<sup>{note}</sup>", f"{e}<sup>{note}</sup>"
        zh.append(_wrap(z, True) if wrap else z)
        if i != missing:
            en.append(_wrap(e, False) if wrap else e)
        if note:
            zh.append(f"<sup>{note}</sup> {notes[note - 1].zh}")
            en.append(f"<sup>{note}</sup> {notes[note - 1].en}")
    zh += [f"{year}年{month}月{day}日\n\n第{meeting}次全体会议"]
    en += [f"*{num2words(meeting, to='ordinal_num')} plenary meeting*  \n*{day} {MONTHS[month - 1]} {year}*"]
    return "\n\n".join(zh) + "\n", "\n\n".join(en) + "\n"


def generate(folder: Path, count: int, seed: int = 1) -> int:
    """`count` pairs as folder/A_RES_S_N.zh.md and .en.md; returns the bytes written."""
    rng = random.Random(seed)
    p = pools()
    folder.mkdir(parents=True, exist_ok=True)
    symbols = rng.sample([(s, n) for s in range(40, 80) for n in range(1, 331)], count)
    size = 0
    for session, number in symbols:
        zh, en = document(rng, p, session, number)
        for side, text in (("zh", zh), ("en", en)):
            data = text.encode("utf-8")
            (folder / f"A_RES_{session}_{number}.{side}.md").write_bytes(data)
            size += len(data)
    return size
