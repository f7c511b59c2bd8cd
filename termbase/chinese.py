"""Chinese term candidates: the corpus's own vocabulary first, then jieba.

jieba's dictionary splits the UN's vocabulary (人居/署, 可/持续/发展, 新/城市/议程), so a
corpus is read for its own vocabulary first (`vocabulary`): titles in 《…》, short terms
in brackets after a longer one (联合国人类住区规划署(人居署)), and the multi-character
units a sentencepiece model trained on the Chinese side proposes, kept when they neither
start nor end with a function word. Within a segment these words are protected and
jieba (with part of speech) cuts the rest; candidates are the runs of up to six tokens
between punctuation and function words, which end in a noun-like token. Text is
normalised first: full-width forms to half-width (NFKC), `2030 年` to `2030年`.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from unterm.termbase.model import TermType

# Characters and words that bound a term: particles, conjunctions, prepositions,
# adverbs, pronouns (jieba tags p, c, u*, d, r, y, e, o, and these as a safety net).
_FUNCTION_CHARS = set(
    "的地得和与及或并而在对于为以将把被从向由其该各每这那此之所等也还又再都已则即就使让请了着过是有"
)
_BOUNDARY_POS = ("p", "c", "u", "d", "r", "y", "e", "o", "x", "w", "q", "m", "zg")
_END_POS = ("n", "v", "l", "j", "i", "b", "eng", "ng", "nz")  # what a term may end with (n* and vn included)
_TITLE = regex.compile(r"《([^《》]{2,60})》")
_PAREN = regex.compile(r"[(（]([^()（）]{1,12})[)）]")
_HAN_RUN = regex.compile(r"[\p{Han}]+")


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str
    type: TermType = TermType.FULL_FORM


@dataclass(frozen=True, slots=True)
class Reading:
    """What the corpus teaches about its Chinese: its multi-character vocabulary, and the
    verbs of two characters or more that act as predicates (they precede three or more
    different words: 加强, 鼓励) rather than as modifiers inside names (常驻 in
    常驻代表委员会). A single character jieba tags as a verb is usually a bound
    morpheme (可 of 可持续)."""

    vocab: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()


def normalise(text: str) -> str:
    """Full-width forms to half-width, and no space between a number and 年/月/日/个."""
    text = unicodedata.normalize("NFKC", text)
    return regex.sub(r"(?<=\d)\s+(?=[年月日个项次届])|(?<=[年月日])\s+(?=\d)", "", text)


@cache
def _jieba():  # type: ignore[no-untyped-def]
    """jieba's part-of-speech tokenizer, loaded once and quiet."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()
    return tokenizer


def _edges_ok(word: str) -> bool:
    return bool(word) and word[0] not in _FUNCTION_CHARS and word[-1] not in _FUNCTION_CHARS


def titles(text: str) -> list[str]:
    return [m[1].strip() for m in _TITLE.finditer(normalise(text))]


def parentheticals(text: str, reading: Reading = Reading()) -> list[tuple[str, list[str]]]:
    """Bracketed short forms and the expansions they may abbreviate, longest first:
    联合国人类住区规划署(人居署), 联合国住房和城市可持续发展大会(人居三), 冠状病毒病(COVID-19).
    Which expansion is right is left to the English (termbase.mine)."""
    text = normalise(text)
    out: list[tuple[str, list[str]]] = []
    for m in _PAREN.finditer(text):
        inner = m[1].strip()
        if not (regex.fullmatch(r"\p{Han}{2,8}", inner) or regex.fullmatch(r"[A-Za-z][\w\-]{1,15}", inner)):
            continue
        tokens = segment(text[max(0, m.start() - 40) : m.start()], reading.vocab)
        suffixes: list[str] = []
        name = ""
        for word, pos in reversed(tokens):
            if not regex.fullmatch(r"\p{Han}+", word) or (
                _is_boundary(word, pos) and word not in ("和", "及")
            ):
                break
            name = word + name
            if word in reading.predicates:
                break
            if name[0] not in _FUNCTION_CHARS and len(name) > len(inner) and len(name) >= 3:
                suffixes.append(name)
        if suffixes:
            out.append((inner, suffixes[::-1]))
    return out


def read_corpus(texts: Iterable[str], pieces: int = 600) -> Reading:
    """The corpus's vocabulary and predicate verbs (see `Reading`)."""
    texts = [normalise(t) for t in texts]
    vocab = vocabulary(texts, pieces)
    following: dict[str, set[str]] = defaultdict(set)
    for t in texts:
        tokens = segment(t, vocab)
        for (word, pos), (nxt, _) in pairwise(tokens):
            if pos == "v" and word not in vocab:  # not vn, vd: 持续 of 可持续发展 is no predicate
                following[word].add(nxt)
    return Reading(vocab, frozenset(w for w, nxt in following.items() if len(nxt) >= 3 and len(w) >= 2))


def vocabulary(texts: Iterable[str], pieces: int = 600) -> frozenset[str]:
    """The corpus's own multi-character vocabulary (see the module docstring)."""
    texts = [normalise(t) for t in texts]
    words: Counter[str] = Counter()
    for t in texts:
        for title in titles(t):
            if regex.fullmatch(r"[\p{Han}\d\-]+", title):
                words[title] += 2
        for m in _PAREN.finditer(t):
            inner = m[1].strip()
            if regex.fullmatch(r"\p{Han}{2,8}", inner):
                words[inner] += 2
    runs = [r for t in texts for r in _HAN_RUN.findall(t) if len(r) >= 2]
    known = set(words)
    for piece in _sentencepiece(runs, pieces):
        if not _compound(piece, known):
            words[piece] += 1
    counts: Counter[str] = Counter()
    joined = "\n".join(runs)
    for w in words:
        counts[w] = joined.count(w)
    return frozenset(w for w in words if len(w) >= 2 and _edges_ok(w) and (counts[w] >= 2 or words[w] >= 2))


def _sentencepiece(runs: list[str], extra: int) -> list[str]:
    """Multi-character pieces (3 to 10 characters) of a unigram model trained on the runs."""
    if sum(len(r) for r in runs) < 200:
        return []
    import sentencepiece as spm

    alphabet = len(set("".join(runs)))
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(runs),
        model_writer=model,
        vocab_size=alphabet + extra,
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
    out = []
    for i in range(processor.get_piece_size()):
        piece = processor.id_to_piece(i)
        if 3 <= len(piece) <= 10 and regex.fullmatch(r"\p{Han}+", piece) and _plausible_piece(piece):
            out.append(piece)
    return out


def _compound(piece: str, known: set[str]) -> bool:
    """A piece that is two known words side by side (人居署 + 执行局): protecting it whole
    would hide its parts, and the parts join as a candidate of two tokens anyway."""
    dictionary = _jieba().tokenizer.FREQ
    for i in range(2, len(piece) - 1):
        head, tail = piece[:i], piece[i:]
        if (head in known or dictionary.get(head)) and (tail in known or dictionary.get(tail)):
            return True
    return False


def _plausible_piece(piece: str) -> bool:
    """A piece jieba reads as content words throughout, none of them a verb (a verbal
    noun aside), ending in a noun. A term jieba splits (可/持续/发展) still comes out as
    a candidate of several tokens; a piece that swallowed a verb (鼓励人居署) would hide
    the term inside it."""
    tokens = list(_jieba().lcut(piece))
    if (
        not _edges_ok(piece)
        or not tokens[-1].flag.startswith(_END_POS)
        or any(t.flag == "nr" for t in tokens)
    ):
        return False  # jieba's person names (nr) in UN text are mostly misreadings: 努力实现
    return not any(
        _is_boundary(t.word, t.flag) or (t.flag.startswith("v") and t.flag != "vn") for t in tokens
    )


def _is_boundary(word: str, pos: str) -> bool:
    return pos.startswith(_BOUNDARY_POS) or word in _FUNCTION_CHARS


def segment(text: str, vocab: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(word, part of speech) pairs: vocabulary words whole (tagged nz), jieba for the rest."""
    text = normalise(text)
    out: list[tuple[str, str]] = []
    pattern = _vocab_pattern(vocab)
    pos = 0
    for m in pattern.finditer(text) if pattern else ():
        if m.start() > pos:
            out.extend((p.word, p.flag) for p in _jieba().lcut(text[pos : m.start()]))
        out.append((m[0], "nz"))
        pos = m.end()
    if pos < len(text):
        out.extend((p.word, p.flag) for p in _jieba().lcut(text[pos:]))
    return out


@cache
def _vocab_pattern(vocab: frozenset[str]) -> regex.Pattern[str] | None:
    if not vocab:
        return None
    return regex.compile("|".join(regex.escape(w) for w in sorted(vocab, key=len, reverse=True)))


_JOINERS = ("和", "及", "与")
# What the name of a body or an instrument ends with; only such names take 和/及/与 inside
# (经济及社会理事会, 联合国生境和人类住区基金会), other coordinations are two terms (城市和社区).
_HEADS = regex.compile(
    r"(?:会|委员会|理事会|大会|基金|基金会|组织|署|局|方案|计划|公约|协定|议程|框架|宣言|中心|银行|机构|论坛|"
    r"小组|部|司|处|办公室|法庭|法院|共同体|联盟|集团|会议|纲领|战略|倡议)$"
)
_ZH_NUMERAL = regex.compile(r"^(?:第)?[一二三四五六七八九十百]+$")


def candidates(text: str, reading: Reading = Reading(), max_tokens: int = 10) -> list[Candidate]:
    """All Chinese term candidates of a segment, with repetitions (one per occurrence).

    Runs of tokens between punctuation and function words; 和, 及 and 与 may join two
    parts inside a run (经济及社会理事会), never start or end one. A candidate ends in a
    noun-like token and does not start with a predicate verb (see `Reading`).
    """
    vocab = reading.vocab
    text = normalise(text)
    out = [Candidate(f"《{t}》", TermType.TITLE) for t in titles(text)]
    runs: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    tokens = segment(text, vocab)
    for k, (word, pos) in enumerate(tokens):
        nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
        if word in reading.predicates and current and _HEADS.fullmatch(nxt):
            current.append((word, pos))  # 行政首长协调|理事会: before a head noun, part of the name
        elif word in _JOINERS and current:
            current.append((word, "joiner"))
        elif pos == "m" and _ZH_NUMERAL.match(word):
            current.append((word, "numeral"))  # 四|年期全面政策审查, 第二|委员会
        elif (
            word.strip() == ""
            or _is_boundary(word, pos)
            or word in reading.predicates  # 决定|核可: a predicate ends a term
            or pos == "nr"  # jieba's person names in UN text are mostly misreadings: 努力实现
            or not regex.fullmatch(r"[\p{Han}\w\-]+", word)
        ):
            if current:
                runs.append(current)
            current = []
        else:
            current.append((word, pos))
    if current:
        runs.append(current)
    for run in runs:
        for i in range(len(run)):
            word, pos = run[i]
            if pos in ("f", "t", "a", "ad", "an", "joiner") or word in _FUNCTION_CHARS:
                continue
            if pos == "numeral" and (i + 1 >= len(run) or run[i + 1][1] in ("joiner", "numeral")):
                continue
            for j in range(i + 1, min(len(run), i + max_tokens) + 1):
                word, pos = run[j - 1]
                if pos == "joiner" or not (pos.startswith(_END_POS) or pos == "vn"):
                    continue
                if pos.startswith("v") and pos != "vn" and (j - i > 1 or word not in vocab):
                    continue  # a term ends with a noun, not a verb
                term = "".join(w for w, _ in run[i:j])
                if any(p == "joiner" for _, p in run[i:j]) and not _HEADS.search(term):
                    continue
                if len(term) >= 2 and regex.search(r"\p{Han}", term) and _edges_ok(term):
                    out.append(Candidate(term))
    return out
