"""Chinese term candidates: jieba's words in runs, and the corpus's own vocabulary.

jieba (with parts of speech) cuts a segment into words; a candidate is a run of up to
ten words between punctuation, function words and predicate verbs, ending in a noun.
Inside a run, 和/及/与 may join two parts only in the name of a body or an instrument
(经济及社会理事会), numerals may open a name (第二委员会, 四年期全面政策审查), and 最不
("least") is a prefix (最不发达国家).

jieba's dictionary splits much UN vocabulary (人居/署, 新/城市/议程) and misreads some
(小岛屿 as a person's name), so the corpus is read for its own vocabulary first (see
`read_corpus`): titles in 《…》, short terms in brackets (人居署), and the units a
sentencepiece model (Kudo & Richardson 2018, "SentencePiece", EMNLP demo) trained on the
corpus's Chinese proposes, kept when they recur and read as content words. Every
occurrence of a vocabulary word is a candidate too; the vocabulary proposes, it never
hides the words jieba found. Text is normalised first: full-width forms to half-width
(NFKC), `2030 年` to `2030年`.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import regex

from unterm.lang.chinese import segment
from unterm.lang.text import normalise_zh
from unterm.termbase.model import TermType
from unterm.termbase.zh_words import NAME, Token, rendered, tokens

# Function words that never start or end a term, as whole words: as characters they
# open names (和平 peace, 以色列 Israel, 也门 Yemen), so no character is refused as such.
_FUNCTION_WORDS = frozenset(
    "的地得和与及或并而在对于为以将把被从向由其该各每这那此之所等也还又再都已则即就使让请了着过是有"
)
# jieba tags that end a run: prepositions, conjunctions, particles, adverbs, pronouns,
# modal particles, interjections, onomatopoeia, non-words, punctuation, measure words,
# numerals.
_BOUNDARY_POS = ("p", "c", "u", "d", "r", "y", "e", "o", "x", "w", "q", "m", "zg")
_END_POS = ("n", "v", "l", "j", "i", "b", "k", "eng", "ng", "nz")  # n* and vn among them; k: 者
_JOINERS = ("和", "及", "与")
# What the name of a body or an instrument ends with; only such names take 和/及/与
# inside (经济及社会理事会), other coordinations are two terms (城市和社区).
_HEADS = regex.compile(
    r"(?:会|委员会|理事会|大会|基金|基金会|组织|署|局|方案|计划|公约|协定|议程|框架|宣言|中心|银行|机构|论坛|"
    r"小组|部|司|处|办公室|法庭|法院|共同体|联盟|集团|会议|纲领|战略|倡议)$"
)
_ZH_NUMERAL = regex.compile(r"^(?:第)?[一二三四五六七八九十百]+$")
_TITLE = regex.compile(r"《([^《》]{2,60})》")
_PAREN = regex.compile(r"[(（]([^()（）]{1,12})[)）]")
_HAN_RUN = regex.compile(r"\p{Han}+")
_WORDLIKE = regex.compile(r"[\p{Han}\w\-]+")
_CLAUSE_ENDS = frozenset(",.;:!?)、，。；：！？）》”’")  # after NFKC: `，` is `,`


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    type: TermType = TermType.FULL_FORM


@dataclass(frozen=True, slots=True)
class Reading:
    """What a corpus teaches about its Chinese: its own vocabulary, and the verbs that
    act as predicates. A predicate is a verb of two characters or more that precedes
    three or more different words (加强, 鼓励); a verb that precedes one or two is more
    likely a modifier inside names (常驻 of 常驻代表委员会), and a single character jieba
    tags as a verb is usually a bound morpheme (可 of 可持续)."""

    vocab: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    # verbs the corpus uses as nouns: jieba tags 预算 (budget) and 歧视 (discrimination)
    # as verbs, but a third of the time or more they end a clause (before punctuation),
    # which a predicate does not; they may end a term and are no predicates
    nominal: frozenset[str] = frozenset()


def is_name(term: str) -> bool:
    """Whether a Chinese term is the name of a body or an instrument (ends in 理事会, 基金,
    公约, ...)."""
    return bool(_HEADS.search(term.strip("《》")))


JOINERS = _JOINERS


def is_function_word(word: str) -> bool:
    """A word that never starts or ends a term (的, 和, 以, ...)."""
    return word in _FUNCTION_WORDS


def _edges_ok(words: list[str]) -> bool:
    """Whether a run of words may be a term: it neither starts nor ends with a function word."""
    return bool(words) and words[0] not in _FUNCTION_WORDS and words[-1] not in _FUNCTION_WORDS


def _is_boundary(word: str, pos: str, reading: Reading) -> bool:
    if pos == NAME:
        return False
    return (
        pos.startswith(_BOUNDARY_POS)
        or word in _FUNCTION_WORDS
        or word in reading.predicates
        or (pos == "nr" and len(word) >= 4)  # jieba's long person names here are misreadings: 努力实现
        or not _WORDLIKE.fullmatch(word)
    )


def titles(text: str) -> list[str]:
    return [m[1].strip() for m in _TITLE.finditer(normalise_zh(text))]


def parentheticals(text: str, reading: Reading = Reading()) -> list[tuple[str, list[str]]]:
    """Bracketed short forms and the expansions they may abbreviate, longest first:
    联合国人类住区规划署(人居署), 联合国住房和城市可持续发展大会(人居三), 冠状病毒病(COVID-19).
    Which expansion is right is left to the English (termbase.mine)."""
    text = normalise_zh(text)
    out: list[tuple[str, list[str]]] = []
    for m in _PAREN.finditer(text):
        inner = m[1].strip()
        if not (regex.fullmatch(r"\p{Han}{2,8}", inner) or regex.fullmatch(r"[A-Za-z][\w\-]{1,15}", inner)):
            continue
        suffixes: list[str] = []
        words: list[str] = []
        for word, pos, _ in reversed(tokens(text[max(0, m.start() - 40) : m.start()])):
            if not regex.fullmatch(r"\p{Han}+", word) or word in reading.predicates:
                break
            if word not in _JOINERS and _is_boundary(word, pos, reading):
                break
            words.insert(0, word)
            name = "".join(words)
            if _edges_ok(words) and len(name) > len(inner) and len(name) >= 3:
                suffixes.append(name)
        if suffixes:
            out.append((inner, suffixes[::-1]))
    return out


@dataclass(slots=True)
class ReadStats:
    """What reading some of a corpus's Chinese counts (see `read_corpus`): how often each
    verb is used, ends a phrase, and which words follow it; and the titles and bracketed
    short terms. The stats of several parts of a corpus merge by addition."""

    uses: Counter[str] = field(default_factory=Counter)
    phrase_ends: Counter[str] = field(default_factory=Counter)
    following: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    marked: set[str] = field(default_factory=set)

    @staticmethod
    def of(texts: Iterable[str]) -> ReadStats:
        """The stats of some normalised texts."""
        stats = ReadStats()
        for t in texts:
            words = segment(t)
            # each word with the one after it (none after the last; a text may have none)
            for (word, pos), (nxt, _) in zip(words, [*words[1:], ("", "x")], strict=False):
                if pos == "v" and len(word) >= 2:  # not vn, vd: 持续 of 可持续发展 is no predicate
                    stats.uses[word] += 1
                    if not nxt or nxt in _CLAUSE_ENDS:
                        stats.phrase_ends[word] += 1
                    else:
                        stats.following[word].add(nxt)
            stats.marked.update(x for x in titles(t) if regex.fullmatch(r"[\p{Han}\d\-]+", x))
            stats.marked.update(
                m[1].strip() for m in _PAREN.finditer(t) if regex.fullmatch(r"\p{Han}{2,8}", m[1].strip())
            )
        return stats

    def merge(self, other: ReadStats) -> ReadStats:
        self.uses.update(other.uses)
        self.phrase_ends.update(other.phrase_ends)
        for word, nxt in other.following.items():
            self.following[word].update(nxt)
        self.marked.update(other.marked)
        return self


def han_runs(text: str) -> list[str]:
    """The runs of two Han characters or more of a normalised text: what the corpus's own
    vocabulary is learnt from."""
    return [r for r in _HAN_RUN.findall(text) if len(r) >= 2]


def read_corpus(texts: Iterable[str], pieces: int = 600) -> Reading:
    """The corpus's predicate verbs, the verbs it uses as nouns, and its own vocabulary
    (see the module docstring and `Reading`)."""
    texts = [normalise_zh(t) for t in texts]
    return reading(ReadStats.of(texts), lambda: (r for t in texts for r in han_runs(t)), pieces)


def reading(stats: ReadStats, runs: Callable[[], Iterable[str]], pieces: int = 600) -> Reading:
    """A corpus's Reading from its stats and its Han runs (`runs` gives them afresh each
    time it is called, in the corpus's order: from memory, or streamed from a file)."""
    uses, phrase_ends = stats.uses, stats.phrase_ends
    nominal = frozenset(w for w, n in uses.items() if n >= 2 and phrase_ends[w] * 3 >= n)
    predicates = frozenset(w for w, nxt in stats.following.items() if len(nxt) >= 3 and w not in nominal)
    return Reading(vocabulary(stats.marked, runs, predicates, pieces), predicates, nominal)


def vocabulary(
    marked: Iterable[str], runs: Callable[[], Iterable[str]], predicates: frozenset[str], pieces: int = 600
) -> frozenset[str]:
    """Titles and bracketed short terms (`marked`), and sentencepiece units that recur and
    read as content words ending in a noun."""
    words = set(marked)
    proposed = {p for p in _sentencepiece(runs, pieces) if _content_piece(p, predicates)}
    words.update(_recurring(proposed, runs()))
    return frozenset(w for w in words if len(w) >= 2 and _edges_ok([t for t, _ in segment(w)]))


def _recurring(pieces: set[str], runs: Iterable[str]) -> set[str]:
    """The pieces that occur twice or more in the runs, read a block of runs at a time (a
    piece is Han only, so it never spans two runs)."""
    seen: Counter[str] = Counter()
    left = set(pieces)
    for block in _blocks(runs):
        for piece in sorted(left):
            seen[piece] += block.count(piece)
            if seen[piece] >= 2:
                left.discard(piece)
        if not left:
            break
    return pieces - left


def _blocks(runs: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The runs joined by line ends, about `size` characters at a time."""
    block: list[str] = []
    length = 0
    for run in runs:
        block.append(run)
        length += len(run) + 1
        if length >= size:
            yield "\n".join(block)
            block, length = [], 0
    if block:
        yield "\n".join(block)


def _sentencepiece(runs: Callable[[], Iterable[str]], extra: int) -> list[str]:
    """Multi-character pieces (3 to 10 characters) of a unigram model trained on the runs."""
    chars: set[str] = set()
    size = 0
    for run in runs():
        chars.update(run)
        size += len(run)
    if size < 200:
        return []
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(runs()),
        model_writer=model,
        vocab_size=len(chars) + extra,
        model_type="unigram",
        character_coverage=1.0,
        max_sentencepiece_length=10,
        hard_vocab_limit=False,
        split_by_whitespace=True,
        add_dummy_prefix=False,
        num_threads=1,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
    pieces = (processor.id_to_piece(i) for i in range(processor.get_piece_size()))
    return [p for p in pieces if 3 <= len(p) <= 10 and _HAN_RUN.fullmatch(p)]


def _content_piece(piece: str, predicates: frozenset[str]) -> bool:
    """A piece jieba reads as content words ending in a noun, with no predicate verb."""
    words = segment(piece)
    if not _edges_ok([w for w, _ in words]):
        return False
    reading = Reading(predicates=predicates)
    if any(_is_boundary(w, p, reading) and p != "b" for w, p in words):
        return False
    if words[0][1] == "v" and len(words[0][0]) == 1:
        return False  # 助|发展中国家
    pos = words[-1][1]
    return pos.startswith(_END_POS) and not (pos.startswith("v") and pos != "vn")


def candidates(
    text: str, reading: Reading = Reading(), max_tokens: int = 10, english: Iterable[str] = ()
) -> list[Candidate]:
    """All Chinese term candidates of a segment, with repetitions (one per occurrence).
    A candidate made of jieba's words neither starts nor ends with a one-character word
    inside an occurrence of a vocabulary word: 署常驻代表委员会 cuts 人居署 (but 原则
    stands on its own inside 透明原则). A title is one unit: no word or vocabulary word
    starts or ends inside 《新城市议程》 but the title itself. The dictionary's renderings
    of the segment's `english` terms are candidates where the text has them between
    words, whatever jieba tagged them (预算 "budget" as a verb, 青年 "youth" as a time
    word), in a title too (核安全 "nuclear safety" in 《核安全公约》)."""
    text = normalise_zh(text)
    out = [Candidate(f"《{t}》", TermType.TITLE) for t in titles(text)]
    words = tokens(text)
    inside = {p for m in _TITLE.finditer(text) for p in range(m.start(1) + 1, m.end(1))}
    out += [Candidate(h) for h in rendered(text, words, english)]
    no_start: set[int] = set(inside)
    no_end: set[int] = set(inside)
    for m in _vocab_in(text, reading.vocab):
        if m.start() in inside or m.end() in inside:
            continue
        out.append(Candidate(m[0]))
        for word, _, at in words:
            if len(word) == 1 and m.start() <= at and at + 1 <= m.end() and m.end() - m.start() > 1:
                if at > m.start():
                    no_start.add(at)
                if at + 1 < m.end():
                    no_end.add(at + 1)
    for run in _runs(words, reading):
        out += _sub_runs(run, max_tokens, no_start, no_end, reading.nominal)
    return out


def _vocab_in(text: str, vocab: frozenset[str]) -> list[regex.Match[str]]:
    pattern = _vocab_pattern(vocab)
    if pattern is None:
        return []
    return list(pattern.finditer(text, overlapped=True))


@cache
def _vocab_pattern(vocab: frozenset[str]) -> regex.Pattern[str] | None:
    if not vocab:
        return None
    return regex.compile("|".join(regex.escape(w) for w in sorted(vocab, key=len, reverse=True)))


def _runs(words: list[Token], reading: Reading) -> list[list[Token]]:
    """Runs of words a term can be made of (see the module docstring)."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for k, (word, pos, at) in enumerate(words):
        nxt = words[k + 1][0] if k + 1 < len(words) else ""
        if word in reading.predicates and current and _HEADS.fullmatch(nxt):
            current.append((word, pos, at))  # 行政首长协调|理事会: before a head noun, part of the name
        elif word in _JOINERS and current:
            current.append((word, "joiner", at))
        elif pos == "m" and _ZH_NUMERAL.match(word):
            current.append((word, "numeral", at))  # 四|年期全面政策审查, 第二|委员会
        elif _is_boundary(word, pos, reading):
            if current:
                runs.append(current)
            current = []
        else:
            current.append((word, pos, at))
    if current:
        runs.append(current)
    return runs


def _sub_runs(
    run: list[Token], max_tokens: int, no_start: set[int], no_end: set[int], nominal: frozenset[str]
) -> list[Candidate]:
    out: list[Candidate] = []
    for i in range(len(run)):
        word, pos, at = run[i]
        if pos in ("f", "t", "a", "ad", "an", "joiner") or word in _FUNCTION_WORDS or at in no_start:
            continue
        if pos == "numeral" and (i + 1 >= len(run) or run[i + 1][1] in ("joiner", "numeral")):
            continue
        if pos == "v" and len(word) == 1:
            continue  # 助|发展中国家: a one-character verb opens a clause, not a term
        for j in range(i + 1, min(len(run), i + max_tokens) + 1):
            word, pos, at = run[j - 1]
            if pos in ("joiner", "numeral") or not (pos.startswith(_END_POS) or pos in ("b", NAME)):
                continue
            if at + len(word) in no_end:
                continue
            if pos.startswith("v") and pos != "vn" and word not in nominal:
                continue  # a term ends with a noun, not a verb
            parts = [w for w, _, _ in run[i:j]]
            term = "".join(parts)
            if any(p == "joiner" for _, p, _ in run[i:j]) and not _HEADS.search(term):
                continue
            if len(term) >= 2 and regex.search(r"\p{Han}", term) and _edges_ok(parts):
                out.append(Candidate(term))
    return out
