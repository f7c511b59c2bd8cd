"""What each side of an aligned pair says, word by word, and which of its words the other
side translates: the ground of the meaning-level checks (qa.content, qa.names).

A Chinese word (jieba, with parts of speech; particles, conjunctions, prepositions,
pronouns, numerals and measure words left out) is covered when one of its CC-CEDICT
glosses matches an English content word of the other side; an English content word,
when it matches a gloss of some Chinese word there. Term pairs count as well: where a
pair of the termbase or of the document's own mined terms has its Chinese term on one
side and its English term on the other, the words of both are covered. Where the
dictionary is silent, word pairs learnt from the UNPC development set (WORD_PAIRS) and
those the document's own pairs teach (`_associations`) count as glosses. A word covers
at most FERTILITY words of the other side, nearest in place first. Numbers and dates
are left to the number checks and are not words here.

Each word keeps its place in the text, so that a run of words nobody translates can be
quoted as it is written.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

import regex

from unterm.lang.english import EN_STOP, WORD, match_keys, stem
from unterm.lang.languages import Lang
from unterm.lang.terms import term_patterns
from unterm.lang.text import nfkc, zh_key

# jieba's parts of speech that carry no content of their own: particles, conjunctions,
# prepositions, pronouns, numerals, measure words, interjections, punctuation
_FUNCTION = frozenset(
    ["u", "uj", "ul", "uz", "ug", "uv", "ud", "c", "p", "r", "m", "mq", "q", "x", "w", "y", "e", "o"]
)
# Chinese words that, like the English stopwords (lang.english.EN_STOP), say how rather
# than what: their counterparts are stopwords or no word at all
_ZH_FUNCTION = frozenset(
    [
        *("所有", "包括", "其他", "其它", "各", "每", "这", "该", "这些", "那些", "此", "本", "以及"),
        *("并", "又", "还", "也", "即", "是", "有", "在", "中", "将", "对", "为", "于", "以", "及"),
        *("与", "和", "或", "等", "其", "之", "到", "下", "上", "可", "能", "应", "要", "使", "被"),
        *("把", "让", "由", "从", "向", "通过", "进行", "方面", "有关", "相关", "作出", "做出", "内"),
        *("间", "之间", "一切", "一个", "一种", "已", "已经", "均", "都", "再", "同时", "进一步"),
    ]
)
# English phrases that are the grammar of UN prose rather than its content
_EN_IDIOMS = regex.compile(
    r"\b(?:in order to|as well as|so as to|with a view to|tak(?:e|es|ing) into account|in accordance with|"
    r"in line with|as appropriate|inter alia|in particular|on the basis of|at all levels)\b",
    regex.IGNORECASE,
)
_EN_LIGHT = frozenset(
    [
        *("has", "have", "had", "do", "does", "did", "so", "well", "further", "both", "either"),
        *("whether", "while", "where", "when", "then", "there", "here", "thereof", "therein"),
        *("thereon", "thereto", "hereby", "being", "having", "who", "whose", "whom", "what", "how"),
    ]
)
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"\p{Latin}")
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# British and American spellings meet (centre/center, labour/labor, analyse/analyze)
_SPELLING = (
    (regex.compile(r"isation$"), "ization"),
    (regex.compile(r"(?<=.{3})ise$"), "ize"),
    (regex.compile(r"yse$"), "yze"),
    (regex.compile(r"(?<=[tb])re$"), "er"),
    (regex.compile(r"(?<=.{3})our$"), "or"),
    (regex.compile(r"ogue$"), "og"),
    (regex.compile(r"amme$"), "am"),
)
# Whitespace in Chinese text is an artefact except between two Latin words or numbers
_ZH_GAP = regex.compile(r"(?<![\p{Latin}\d])\s+|\s+(?![\p{Latin}\d])")


def _spelled(word_stem: str) -> str:
    for pattern, repl in _SPELLING:
        word_stem = pattern.sub(repl, word_stem)
    return word_stem


def keys_of(word_stem: str) -> frozenset[str]:
    """The keys an English stem matches on (see lang.english.match_keys), spelling unified."""
    return frozenset(match_keys(_spelled(word_stem)))


@dataclass(frozen=True, slots=True)
class Word:
    """A content word of one side: where it is in the text, and the keys its meaning
    matches on (English stems, or the stems of a Chinese word's glosses)."""

    start: int
    end: int
    text: str
    keys: frozenset[str]


# Word pairs of UN prose CC-CEDICT lacks (脆弱 `vulnerable`, 审查 `review`), learnt from
# the UNPC v1.0 development set by corpora/unpc_v1_devset/make_word_pairs.py
WORD_PAIRS = ("corpora", "unpc_v1_devset", "derived", "word_pairs.tsv")


@cache
def _learnt_pairs() -> dict[str, frozenset[str]]:
    path = files("unterm").joinpath(*WORD_PAIRS)
    out: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            out[row["zh"]].update(keys_of(row["en"]))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _zh_keys(word: str) -> frozenset[str]:
    from unterm.lang.dictionary import cedict, gloss_keys

    learnt = _learnt_pairs().get(word, frozenset())
    definitions = cedict().get(word)
    if definitions:  # the word's own senses; its characters' senses only where it has none
        return learnt | frozenset(k for d in definitions for g in d for k in keys_of(g))
    return learnt | frozenset(k for g in gloss_keys(word) for k in keys_of(g))


def squashed(text: str) -> tuple[str, list[int]]:
    """The Chinese text in NFKC without artefact spaces, and where each of its characters
    came from in the text."""
    chars: list[str] = []
    back: list[int] = []
    drop = {m.start() + k for m in _ZH_GAP.finditer(text) for k in range(len(m[0]))}
    for i, ch in enumerate(text):
        if i in drop:
            continue
        for c in nfkc(ch):
            chars.append(c)
            back.append(i)
    back.append(len(text))
    return "".join(chars), back


@cache
def _tagged(flat: str) -> tuple[tuple[str, str], ...]:
    from unterm.lang.chinese import segment  # deferred: loads jieba

    return tuple(segment(flat))


def segmented(text: str) -> tuple[str, tuple[int, ...]]:
    """A Chinese text as jieba reads it: the text in its compared form (`squashed`) and
    the places between its words there."""
    flat, _ = squashed(text)
    bounds = [0]
    for word, _pos in _tagged(flat):
        bounds.append(bounds[-1] + len(word))
    return flat, tuple(bounds)


def zh_words(text: str) -> list[Word]:
    """The Chinese content words of a text, in order."""
    flat, back = squashed(text)
    out = []
    at = 0
    for word, pos in _tagged(flat):
        start, at = at, at + len(word)
        if pos in _FUNCTION or word in _ZH_FUNCTION or not (_HAN.search(word) or _LATIN.search(word)):
            continue
        keys = _zh_keys(word) if _HAN.search(word) else keys_of(stem(word))
        if keys:
            out.append(Word(back[start], back[at - 1] + 1, word, keys))
    return out


def en_words(text: str) -> list[Word]:
    """The English content words of a text, in order (no numbers or month names)."""
    out = []
    text = _EN_IDIOMS.sub(lambda m: " " * len(m[0]), text)
    for m in WORD.finditer(text):
        w = m[0].lower()
        if w in EN_STOP or w in _EN_LIGHT or w in _MONTHS or w[0].isdigit() or len(w) < 2:
            continue
        out.append(Word(m.start(), m.end(), m[0], keys_of(stem(w))))
    return out


@dataclass(frozen=True, slots=True)
class TermPairs:
    """Term pairs known to translate each other (a termbase's, the document's own mined
    ones), found with one pattern per language."""

    zh: dict[str, frozenset[int]]  # zh_key form -> ids of its pairs
    en: dict[str, frozenset[int]]  # lower-case form -> ids
    zh_pattern: regex.Pattern[str] | None
    en_pattern: regex.Pattern[str] | None

    @staticmethod
    def of(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> TermPairs:
        """From (Chinese terms, English terms) of each concept."""
        zh: dict[str, set[int]] = {}
        en: dict[str, set[int]] = {}
        for n, (zs, es) in enumerate(pairs):
            for z in zs:
                if len(zh_key(z)) >= 2:
                    zh.setdefault(zh_key(z), set()).add(n)
            for e in es:
                if len(e) >= 2:
                    en.setdefault(_en_form(e), set()).add(n)
        zp, _ = term_patterns(zh, [])
        _, ep = term_patterns([], en)
        return TermPairs(
            {k: frozenset(v) for k, v in zh.items()}, {k: frozenset(v) for k, v in en.items()}, zp, ep
        )

    def spans(self, zh: str, en: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Where the two texts hold the two halves of one pair: spans in each text."""
        if self.zh_pattern is None or self.en_pattern is None:
            return [], []
        flat, back = squashed(zh)
        found_zh = [
            (back[m.start()], back[m.end() - 1] + 1, self.zh[m[0]]) for m in self.zh_pattern.finditer(flat)
        ]
        found_en = []
        for m in self.en_pattern.finditer(en):
            ids = self.en.get(_en_form(m[0])) or self._inflected(m[0])
            if ids:
                found_en.append((m.start(), m.end(), ids))
        zh_ids = frozenset().union(*(ids for _, _, ids in found_zh)) if found_zh else frozenset()
        en_ids = frozenset().union(*(ids for _, _, ids in found_en)) if found_en else frozenset()
        both = zh_ids & en_ids
        return (
            [(s, e) for s, e, ids in found_zh if ids & both],
            [(s, e) for s, e, ids in found_en if ids & both],
        )

    def _inflected(self, form: str) -> frozenset[int] | None:
        """The ids of a term found in another number (the pattern allows `Member State` for
        `Member States`)."""
        key = " ".join(stem(w) for w in _en_form(form).split())
        for k, ids in self.en.items():
            if " ".join(stem(w) for w in k.split()) == key:
                return ids
        return None


def _en_form(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a pair: its content words and whether the other side translates each."""

    words: tuple[Word, ...]
    covered: tuple[bool, ...]


@dataclass(frozen=True, slots=True)
class PairWords:
    """The words of one aligned pair (`index` in the alignment), each side covered by the other."""

    index: int
    zh: Side
    en: Side

    def side(self, lang: Lang) -> Side:
        return self.zh if lang is Lang.ZH else self.en


_Spans = tuple[list[tuple[int, int]], list[tuple[int, int]]]


def _inside(word: Word, spans: list[tuple[int, int]]) -> bool:
    return any(s <= word.start and word.end <= e for s, e in spans)


# A word translates at most this many words of the other side (可持续发展 is
# `sustainable development`; `UN-Habitat` is 人居署), so that a word said twice on one
# side and once on the other leaves one of the two untranslated
FERTILITY = 2


def cover(zh: Sequence[Word], en: Sequence[Word], spans: _Spans = ([], [])) -> tuple[Side, Side]:
    """Which words of each side the other side translates (see the module docstring):
    words whose keys meet are linked, nearest in relative position first, each word to
    at most FERTILITY words of the other side."""
    index: dict[str, list[int]] = defaultdict(list)
    for j, w in enumerate(en):
        for key in w.keys:
            index[key].append(j)
    edges: set[tuple[int, int]] = set()
    for i, w in enumerate(zh):
        for key in w.keys:
            edges.update((i, j) for j in index.get(key, ()))
    nz, ne = max(len(zh), 1), max(len(en), 1)
    zh_links = [0] * len(zh)
    en_links = [0] * len(en)
    for i, j in sorted(edges, key=lambda e: (abs(e[0] / nz - e[1] / ne), e)):
        if zh_links[i] < FERTILITY and en_links[j] < FERTILITY:
            zh_links[i] += 1
            en_links[j] += 1
    return (
        Side(tuple(zh), tuple(n > 0 or _inside(w, spans[0]) for w, n in zip(zh, zh_links, strict=True))),
        Side(tuple(en), tuple(n > 0 or _inside(w, spans[1]) for w, n in zip(en, en_links, strict=True))),
    )


# A word pair the document itself teaches must co-occur in this many pairs, with this
# Dice coefficient over the pairs where neither word is otherwise translated
MIN_TOGETHER = 2
MIN_DICE = 0.5


def _associations(sides: Sequence[tuple[Side, Side]]) -> dict[str, frozenset[str]]:
    """Word pairs the document's own pairs teach where the dictionary is silent (城市 and
    `urban`, 审查 and `review`): counted over the words no gloss or term covers, each
    Chinese word tied to the English word it goes with best and the reverse, where that
    best is unambiguous. Chinese word -> the keys it adds."""
    nz: Counter[str] = Counter()
    ne: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    for zh, en in sides:
        zs = {w.text for w, c in zip(zh.words, zh.covered, strict=True) if not c}
        es = {stem(w.text.lower()) for w, c in zip(en.words, en.covered, strict=True) if not c}
        nz.update(zs)
        ne.update(es)
        together.update((z, e) for z in zs for e in es)
    best_en: dict[str, list[tuple[float, str]]] = defaultdict(list)
    best_zh: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (z, e), k in together.items():
        dice = 2 * k / (nz[z] + ne[e])
        if k >= MIN_TOGETHER and dice >= MIN_DICE:
            best_en[z].append((dice, e))
            best_zh[e].append((dice, z))
    one_en = _unambiguous(best_en)
    one_zh = _unambiguous(best_zh)
    return {z: keys_of(e) for z, e in one_en.items() if one_zh.get(e) == z}


def _unambiguous(options: dict[str, list[tuple[float, str]]]) -> dict[str, str]:
    out = {}
    for word, scored in options.items():
        scored.sort(reverse=True)
        if len(scored) == 1 or scored[0][0] > scored[1][0]:
            out[word] = scored[0][1]
    return out


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """Every two-sided pair of a document as words, covered by glosses, term pairs and
    the word pairs the document teaches (`learnt`: Chinese word -> keys it adds)."""

    pairs: tuple[PairWords, ...]
    learnt: dict[str, frozenset[str]]

    def words(self, k: int, lang: Lang) -> tuple[Word, ...]:
        return self.pairs[k].side(lang).words

    def across(self, k: int, lang: Lang, j: int) -> Side:
        """Side `lang` of pair k against the other side of pair j, as if they were a pair."""
        zh, en = (
            (self.words(k, Lang.ZH), self.words(j, Lang.EN))
            if lang is Lang.ZH
            else (
                self.words(j, Lang.ZH),
                self.words(k, Lang.EN),
            )
        )
        return cover(zh, en)[0 if lang is Lang.ZH else 1]


def document_words(texts: Sequence[tuple[int, str, str]], terms: TermPairs | None = None) -> DocumentWords:
    """The words of each pair (index, Chinese, English), covered (see the module docstring)."""
    raw = [(i, zh_words(zh), en_words(en), terms.spans(zh, en) if terms else ([], [])) for i, zh, en in texts]
    first = [cover(z, e, spans) for _, z, e, spans in raw]
    learnt = _associations(first)
    pairs = []
    for i, z, e, spans in raw:
        z = [replace(w, keys=w.keys | learnt[w.text]) if w.text in learnt else w for w in z]
        zh_side, en_side = cover(z, e, spans)
        pairs.append(PairWords(i, zh_side, en_side))
    return DocumentWords(tuple(pairs), learnt)
