"""Whether the two sides of each pair say the same thing: a paragraph whose two versions
do not translate each other (`content.mismatch`), and a clause, list item or part of a
paragraph on one side with no counterpart on the other (`content.omission`).

The words of each side are covered by the other side's (qa.lexicon). How well a
translation covers itself varies from document to document (the dictionary knows some
subjects better), so everything is measured against the document itself:

- p, the share of words covered in the document's own pairs, and q, the share covered
  when a side is set against another paragraph's translation (what a wrong or
  untranslated text looks like in this document);
- a word the other side covers counts log(q/p) towards "untranslated", a word it does
  not, log((1-q)/(1-p)); a run of words is scored by the sum, a log-likelihood ratio;
- the length of the pair: taking an untranslated run out should leave a pair whose
  length ratio fits the document's other pairs better (a Gaussian on the log ratio,
  centred and scaled on the document's pairs).

A side is flagged where the evidence for "untranslated" exceeds log(N) + MARGIN for a
document of N pairs: N for the places tested, MARGIN (odds of e^3, about 20 to 1) on top.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

import regex

from unterm.align.cost import spread
from unterm.lang.languages import Lang
from unterm.lang.length import C, measure
from unterm.qa.lexicon import DocumentWords, PairWords, Side
from unterm.qa.model import Finding, Located, excerpt

MARGIN = 3.0
# Fewer pairs than this say too little about what the document's translation looks like
MIN_PAIRS = 4
# The document's spread of length ratios, relative to the length model's, is not taken
# below this: a document of near-identical lengths would otherwise make any change huge
MIN_SCALE = 0.5
_NAME = {Lang.ZH: "Chinese", Lang.EN: "English"}
_OTHER = {Lang.ZH: Lang.EN, Lang.EN: Lang.ZH}


@dataclass(frozen=True, slots=True)
class _Model:
    """What translation looks like in this document: per language the score of a covered
    and of an uncovered word, and the length model's centre and scale."""

    covered: dict[Lang, float]
    uncovered: dict[Lang, float]
    centre: float
    scale: float
    threshold: float

    def score(self, side: Side, lang: Lang, start: int = 0, end: int | None = None) -> float:
        flags = side.covered[start:end]
        return sum(self.covered[lang] if c else self.uncovered[lang] for c in flags)

    def run(self, side: Side, lang: Lang) -> tuple[float, int, int]:
        """The run of words most likely untranslated: (its score, first word, end)."""
        best, start, best_span = 0.0, 0, (0, 0)
        total = 0.0
        for k, c in enumerate(side.covered):
            total += self.covered[lang] if c else self.uncovered[lang]
            if total <= 0:
                total, start = 0.0, k + 1
            elif total > best:
                best, best_span = total, (start, k + 1)
        return best, *best_span

    def length_gain(self, lz: float, le: float, lz2: float, le2: float) -> float:
        """How much better (log-likelihood) the pair's length ratio fits once a run is out."""
        if min(lz, le, lz2, le2) <= 0:
            return 0.0

        def fit(a: float, b: float) -> float:
            sd = self.scale * spread(a, b)
            return -((math.log(b / (C * a)) - self.centre) ** 2) / (2 * sd * sd) - math.log(sd)

        return fit(lz2, le2) - fit(lz, le)


def _model(loc: Located, words: DocumentWords) -> _Model | None:
    pairs = words.pairs
    n = len(pairs)
    if n < MIN_PAIRS:
        return None
    covered: dict[Lang, float] = {}
    uncovered: dict[Lang, float] = {}
    for lang in Lang:
        own = [c for p in pairs for c in p.side(lang).covered]
        # each side against the translations of two other paragraphs, near and far
        other = [
            c
            for k in range(n)
            for shift in (1, n // 2)
            for c in words.across(k, lang, (k + shift) % n).covered
        ]
        if not own or not other:
            return None
        p, q = sum(own) / len(own), sum(other) / len(other)
        if not 0 < q < p < 1:
            return None  # the dictionary tells this document's pairs from others by nothing
        covered[lang], uncovered[lang] = math.log(q / p), math.log((1 - q) / (1 - p))
    lengths = [_lengths(loc, p) for p in pairs]
    ratios = [math.log(le / (C * lz)) for lz, le in lengths if lz > 0 and le > 0]
    centre = statistics.median(ratios)
    z = [abs(r - centre) / spread(lz, le) for r, (lz, le) in zip(ratios, lengths, strict=False)]
    scale = max(MIN_SCALE, 1.4826 * statistics.median(z))
    return _Model(covered, uncovered, centre, scale, math.log(n) + MARGIN)


def _lengths(loc: Located, p: PairWords) -> tuple[float, float]:
    pair = loc.alignment.pairs[p.index]
    return measure(loc.text(pair, Lang.ZH), Lang.ZH), measure(loc.text(pair, Lang.EN), Lang.EN)


def check_content(loc: Located, words: DocumentWords) -> list[Finding]:
    """Pairs whose sides do not translate each other, and runs of words with no counterpart."""
    model = _model(loc, words)
    if model is None:
        return []
    out = []
    for k, p in enumerate(words.pairs):
        mismatch = _mismatch(loc, words, model, k)
        if mismatch is not None:
            out.append(mismatch)
            continue
        out += _omissions(loc, model, p)
    return out


def _mismatch(loc: Located, words: DocumentWords, model: _Model, k: int) -> Finding | None:
    """A pair most of whose words, on one side, the other side does not translate; named
    as another paragraph's text where it translates that one."""
    p = words.pairs[k]
    own = {lang: model.score(p.side(lang), lang) for lang in Lang}
    worst = max(Lang, key=lambda lang: own[lang])
    if own[worst] < model.threshold:
        return None
    names = {lang: loc.keys(loc.alignment.pairs[p.index])[0 if lang is Lang.ZH else 1] for lang in Lang}
    for lang in Lang:
        j, fit = min(
            ((j, model.score(words.across(k, lang, j), lang)) for j in range(len(words.pairs)) if j != k),
            key=lambda x: x[1],
        )
        if fit <= -model.threshold and fit < own[lang] - model.threshold:
            other = words.pairs[j]
            there = loc.keys(loc.alignment.pairs[other.index])[0 if lang is Lang.ZH else 1]
            return loc.finding(
                "content.mismatch",
                p.index,
                f"the {_NAME[lang]} of {names[lang]} is the text of {there}: it translates the "
                f"{_NAME[_OTHER[lang]]} of {there}, not that of {names[lang]}",
            )
    side = p.side(worst)
    untranslated = len(side.covered) - sum(side.covered)
    _, start, end = model.run(side, worst)
    text = loc.text(loc.alignment.pairs[p.index], worst)
    shown = _quote(text[slice(*_clause(text, side, start, end))]) if end > start else ""
    return loc.finding(
        "content.mismatch",
        p.index,
        f"the two versions of {names[worst]} do not say the same thing: {untranslated} of "
        f"{len(side.covered)} {_NAME[worst]} words have no counterpart in the {_NAME[_OTHER[worst]]}",
        zh_excerpt=shown if worst is Lang.ZH else "",
        en_excerpt=shown if worst is Lang.EN else "",
    )


def _omissions(loc: Located, model: _Model, p: PairWords) -> list[Finding]:
    """A run of words on one side the other side does not translate, where the evidence
    (the run's score, what taking it out does to the length ratio, less the other side's
    own best run) exceeds the threshold."""
    pair = loc.alignment.pairs[p.index]
    runs = {lang: model.run(p.side(lang), lang) for lang in Lang}
    lz, le = _lengths(loc, p)
    out = []
    for lang in Lang:
        score, start, end = runs[lang]
        if end <= start:
            continue
        side = p.side(lang)
        text = loc.text(pair, lang)
        quoted = text[slice(*_clause(text, side, start, end))]
        cut = measure(quoted, lang)
        gain = (
            model.length_gain(lz, le, lz - cut, le)
            if lang is Lang.ZH
            else model.length_gain(lz, le, lz, le - cut)
        )
        evidence = score + gain - runs[_OTHER[lang]][0]
        if evidence < model.threshold:
            continue
        other = _OTHER[lang]
        shown = _quote(quoted)
        out.append(
            loc.finding(
                "content.omission",
                p.index,
                f"the {_NAME[lang]} has “{excerpt(quoted, 80)}” with no counterpart in the {_NAME[other]}: "
                f"left out of the {_NAME[other]}, or added to the {_NAME[lang]}?",
                zh_excerpt=shown if lang is Lang.ZH else "",
                en_excerpt=shown if lang is Lang.EN else "",
            )
        )
    return out


_PUNCTUATION = regex.compile(r"[，,；;：:。、！？!?()（）“”\"《》]|\.(?!\d)")
# A run is widened to the clause it stands in when no more than this many words of the
# clause lie outside it
CLAUSE_SLACK = 2


def _clause(text: str, side: Side, start: int, end: int) -> tuple[int, int]:
    """Where a run of words (start, end: word indices) is in the text, widened to the
    punctuation around it where only a word or two of the clause lie outside the run."""
    begin, finish = side.words[start].start, side.words[end - 1].end
    before = [m.end() for m in _PUNCTUATION.finditer(text, 0, begin)]
    if before and sum(1 for w in side.words[:start] if w.start >= before[-1]) <= CLAUSE_SLACK:
        begin = before[-1]
    after = _PUNCTUATION.search(text, finish)
    if after and sum(1 for w in side.words[end:] if w.end <= after.start()) <= CLAUSE_SLACK:
        finish = after.start()
    return begin + len(text[begin:finish]) - len(text[begin:finish].lstrip()), finish


def _quote(text: str, limit: int = 160) -> str:
    """A run as the report marks it: whole, or its start and end joined by ` … `."""
    text = text.strip()
    if len(text) <= limit:
        return text
    return f"{text[: limit // 2].rstrip()} … {text[-limit // 3 :].lstrip()}"
