"""Reversed meaning: a negation one version has and the other lacks (`content.negation`),
and an obligation turned into a permission (`content.modality`: `shall` against 可, 应
against `may`), compared sentence by sentence inside each aligned pair.

Each pair's sentences are aligned as `unterm align --level sentence` aligns them
(align.sentences). In each sentence pair the explicit negators of each side are counted
(不/未/无/非/没有/不得/决不/并非/尚未/不再…; not/no/never/nothing/none/neither/nor/
without/cannot/no longer), jieba's words on the Chinese side so that 不断, 不仅, 非洲,
无论 and 未来 are not negations. A negation is also said inside a word (不平等 and
`inequality`, 无家可归 and `homeless`, 无一例外 and `without exception`, `unable`,
`lack`, `fail`): such words count for the other side, never against it. A sentence is
reported where one side has more explicit negators than the other has negators of any
kind: 不排除 against `does not exclude` has one each, 无一例外 against `without
exception` one explicit and one in a word.

Modality: a sentence whose only modal is one of obligation on one side (应, 应当, 须,
必须, 不得; shall, must, should) and whose only modal is one of permission on the other
(可, 可以, 得, 能够, 有权; may, can, is entitled to) is reported. A sentence that names no
modal on one side says nothing (UN Chinese often leaves `shall` unsaid).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import regex

from unterm.lang.languages import Lang
from unterm.qa.lexicon import Word
from unterm.qa.model import Finding, Located, around, excerpt

_NAME = {Lang.ZH: "Chinese", Lang.EN: "English"}
_OTHER = {Lang.ZH: Lang.EN, Lang.EN: Lang.ZH}

# jieba's words that say `not` on their own
ZH_NEGATORS = frozenset(
    [
        *("不", "未", "无", "没有", "没", "不得", "决不", "绝不", "并非", "并不", "从未"),
        *("尚未", "不再", "毋", "勿", "不应", "不能", "不会", "不可", "无法", "不要", "未能"),
        *("不必", "不宜", "未曾", "绝非", "不予", "无须", "毋须", "不致", "不准", "从不", "决非"),
        *("未经", "不曾", "不许", "不该", "毫不", "绝无", "并未", "并无", "亦不", "也不", "都不"),
        *("莫", "切莫", "切勿"),
    ]
)
# characters that make a word say `not` inside it (不平等, 无家可归, 禁止, 拒绝, 免于)
_ZH_NEGATIVE_CHARS = regex.compile(r"[不未无非没否勿毋莫禁拒免缺防止弃难丧失]")
# words with those characters that are not negations at all
_ZH_NOT_NEGATIVE = frozenset(
    [
        *("不断", "不仅", "不但", "不论", "无论", "非洲", "非常", "未来", "不久", "不管", "非但"),
        *("无疑", "不少", "不仅如此", "无论如何", "并非如此", "不光", "不只", "未尝不", "无不"),
        *("防止", "止", "为止", "截止", "停止"),
    ]
)
_EN_NEGATOR = regex.compile(
    r"(?i)(?<!\bor\s)\b(?:not(?!\s+(?:only|least|just|merely|necessarily|later|less|more)\b)"
    r"|no(?!\s+(?:less|more|later)\b)(?!\.)|never|nothing|none|neither|nobody|nowhere|cannot)\b"
    r"|(?<!\bneither\b.*)\bnor\b|n't\b"
)
_EN_NEGATIVE_WORDS = frozenset(
    [
        *("lack", "lacks", "lacking", "lacked", "fail", "fails", "failed", "failure", "failing"),
        *("absence", "absent", "refrain", "refrains", "prevent", "prevents", "prevention", "preventing"),
        *("avoid", "avoids", "avoiding", "deny", "denies", "denied", "denial", "refuse", "refuses"),
        *("refused", "refusal", "reject", "rejects", "rejected", "exclude", "excludes", "excluded"),
        *("excluding", "except", "exception", "free", "freedom", "prohibit", "prohibits", "prohibited"),
        *("prohibition", "ban", "bans", "banned", "oppose", "opposes", "against", "unless", "only"),
        *("zero", "cease", "ceases", "stop", "end", "eliminate", "elimination", "eradicate", "yet"),
        *("impunity", "instead", "rather", "other", "neither", "few", "little", "hardly", "barely"),
        *("abstain", "abstained", "abstention", "waive", "waived", "exempt", "exemption", "cessation"),
        *("withdraw", "withdrawal", "lose", "loss", "lost", "missing", "deprived", "deprivation"),
        *("regardless", "irrespective", "whatsoever", "without", "silent", "outstanding", "pending"),
        *("closed", "late", "delayed", "delay", "delays"),
    ]
)
# `inequality`, `unable`, `non-binding`, `homeless`, `violence-free`: a negation inside a
# word, where what follows the prefix is itself a word (not `increased`, `implement`)
_EN_AFFIXED = regex.compile(
    r"\b(?:un|in|im|il|ir|non|dis|mis)-?(?P<r>[a-z]{3,})|\b[a-z]{3,}less\b|\b[a-z]+-free\b"
)
# words between a negator and what it negates (`not currently licensed`, `not fully`)
_EN_ADVERBS = frozenset(
    [
        *("currently", "yet", "fully", "always", "necessarily", "also", "even", "further", "still", "longer"),
        *("sufficiently", "entirely", "completely", "adequately", "immediately", "directly", "ever", "again"),
    ]
)
_EN_CLAUSE = regex.compile(r"[;:.]\s|[;:]")
_ZH_CLAUSE = regex.compile(r"[，,；;：:。]")
_ZH_PART = regex.compile(r"[；;：:。]")
# how far after a word (in characters) a negation still reaches it
AFTER = 15
_EN_AUX = regex.compile(
    r"(?i)\b(?:shall|will|may|can|must|should|would|could|is|are|was|were|be|been|has|have|had|do|does|did)\b"
)

ZH_OBLIGATION = frozenset(["应", "应当", "须", "必须", "务必"])
ZH_PERMISSION = frozenset(["可", "可以", "得", "得以", "得为"])
_EN_OBLIGATION = regex.compile(r"\b(?:shall|must)\b")
_EN_PERMISSION = regex.compile(
    r"\bmay\b(?<!\bas\s+(?:\w+\s+){0,3}may)|\b(?:entitled|eligible|allowed|permitted)\b"
)
# 应 in 应…请求/邀请 is `at the request of`, not `shall`
_ZH_AT_REQUEST = regex.compile(r"应[^，。；]{0,20}?(?:请求|邀请|要求|之请|之邀|请)")


@dataclass(frozen=True, slots=True)
class _Side:
    """One side of a sentence pair: its text and offset in the pair's text, its content
    words (qa.lexicon), its explicit negators and the words each governs, where a
    negation is said inside a word, and its modals of obligation and permission."""

    text: str
    offset: int
    words: tuple[Word, ...]
    negators: tuple[tuple[int, int], ...]  # in the sentence
    governed: tuple[tuple[int, ...], ...]  # per negator, indices into words
    negative: tuple[tuple[int, int], ...]  # words saying `not` inside them
    obligation: tuple[tuple[int, int], ...]
    permission: tuple[tuple[int, int], ...]
    clauses: tuple[int, ...]  # where clauses end (at commas too)
    parts: tuple[int, ...]  # where sentence parts end (；：)

    def clause_of(self, at: int) -> int:
        return next((k for k, end in enumerate(self.clauses) if at < end), len(self.clauses))

    def negated(self, word: Word) -> bool:
        """Whether a word may stand in the scope of a negation: the word says `not` itself,
        or a negator or a word saying `not` stands before it in its clause, or soon after
        it in its sentence part (这些权利的行使，无论在任何情形下均不得: the topic before
        the negated predicate). Generous on purpose: a finding needs the word to be
        reached by no negation at all."""
        clause = self.clause_of(word.start)
        for s, e in (*self.negators, *self.negative):
            if s <= word.start < e or (e <= word.start and self.clause_of(s) == clause):
                return True
            if word.end <= s <= word.end + AFTER and self.part_of(s) == self.part_of(word.start):
                return True
        return False

    def part_of(self, at: int) -> int:
        return next((k for k, end in enumerate(self.parts) if at < end), len(self.parts))


def _zh_side(sentence: str, offset: int) -> _Side:
    from unterm.qa.lexicon import segmented, squashed, zh_words

    flat, bounds = segmented(sentence)
    _, back = squashed(sentence)
    negators, negative, obligation, permission = [], [], [], []
    for k in range(len(bounds) - 1):
        word = flat[bounds[k] : bounds[k + 1]]
        span = (back[bounds[k]], back[bounds[k + 1] - 1] + 1)
        if word in ZH_NEGATORS:
            negators.append(span)
        elif word not in _ZH_NOT_NEGATIVE and _ZH_NEGATIVE_CHARS.search(word):
            negative.append(span)
        if word in ZH_OBLIGATION and not (word == "应" and _ZH_AT_REQUEST.match(sentence, span[0])):
            obligation.append(span)
        elif word in ZH_PERMISSION:
            permission.append(span)
    words = tuple(zh_words(sentence))
    # a Chinese negator governs the content word right after it (不妨碍: 妨碍)
    governed = tuple(tuple(k for k, w in enumerate(words) if e <= w.start <= e + 2)[:1] for _, e in negators)
    clauses = tuple(m.end() for m in _ZH_CLAUSE.finditer(sentence))
    return _Side(
        sentence,
        offset,
        words,
        tuple(negators),
        governed,
        tuple(negative),
        tuple(obligation),
        tuple(permission),
        clauses,
        tuple(m.end() for m in _ZH_PART.finditer(sentence)),
    )


def _en_side(sentence: str, offset: int) -> _Side:
    from unterm.lang.dictionary import english_words
    from unterm.qa.lexicon import en_words, keys_of

    vocabulary = english_words()
    negators = tuple((m.start(), m.end()) for m in _EN_NEGATOR.finditer(sentence))
    negative = [
        (m.start(), m.end())
        for m in regex.finditer(r"[A-Za-z][A-Za-z\-]*", sentence)
        if m[0].lower() in _EN_NEGATIVE_WORDS
    ]
    negative += [
        (m.start(), m.end())
        for m in _EN_AFFIXED.finditer(sentence)
        if m["r"] is None or _a_word(m["r"], vocabulary)
    ]
    # `giving` is `give` too (the stemmer leaves -ing on some verbs)
    words = tuple(
        replace(w, keys=w.keys | keys_of(w.text.lower()[:-3] + "e")) if w.text.lower().endswith("ing") else w
        for w in en_words(sentence)
    )
    governed = []
    for s, e in negators:
        # `Nothing … shall authorize`: the word after the auxiliary that follows the negator
        aux = _EN_AUX.search(sentence, e, min(len(sentence), e + 60))
        subject = sentence[s:e].lower() in ("nothing", "no", "none", "neither", "nobody")
        at = aux.end() if aux and subject else e
        governed.append(
            tuple(
                k
                for k, w in enumerate(words)
                if w.start >= at and w.text.lower() not in _EN_ADVERBS | {"one"}
            )[:1]
        )
    obligation = tuple((m.start(), m.end()) for m in _EN_OBLIGATION.finditer(sentence))
    permission = tuple((m.start(), m.end()) for m in _EN_PERMISSION.finditer(sentence))
    clauses = tuple(m.end() for m in _EN_CLAUSE.finditer(sentence))
    return _Side(
        sentence,
        offset,
        words,
        negators,
        tuple(governed),
        tuple(negative),
        obligation,
        permission,
        clauses,
        clauses,
    )


def _a_word(text: str, vocabulary: frozenset[str]) -> bool:
    """Whether what follows a negative prefix is an English word (`equalities`, `met`)."""
    forms = {text, text.removesuffix("s"), regex.sub(r"ies$", "y", text), regex.sub(r"(?:ed|ing)$", "", text)}
    forms |= {regex.sub(r"(?:ed|ing)$", "e", text)}
    return (len(text) >= 4 and bool(forms & vocabulary)) or text in ("met", "fit", "fair", "just", "safe")


@cache
def _sentence_pairs(zh: str, en: str) -> tuple[tuple[str, str], ...]:
    from unterm.align.sentences import sentence_pairs  # deferred: loads the dictionary

    return tuple(sentence_pairs(zh, en))


def check_polarity(loc: Located) -> list[Finding]:
    """Sentences whose negation or modality differs between the versions."""
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if not (p.zh and p.en):
            continue
        texts = {lang: a.text(p, lang) for lang in Lang}
        at = {Lang.ZH: 0, Lang.EN: 0}
        for zs, es in _sentence_pairs(texts[Lang.ZH], texts[Lang.EN]):
            sentences = {Lang.ZH: zs, Lang.EN: es}
            offsets = {}
            for lang in Lang:
                found = texts[lang].find(sentences[lang], at[lang]) if sentences[lang] else -1
                offsets[lang] = max(found, 0)
                if found >= 0:
                    at[lang] = found + len(sentences[lang])
            if not (zs and es):
                continue
            sides = {Lang.ZH: _zh_side(zs, offsets[Lang.ZH]), Lang.EN: _en_side(es, offsets[Lang.EN])}
            finding = _negation(loc, i, texts, sides) or _modality(loc, i, texts, sides)
            if finding is not None:
                out.append(finding)
    return out


def _excerpts(lang: Lang, here: str, there: str) -> tuple[str, str]:
    """The (Chinese, English) excerpts: `here` on the side of `lang`, `there` on the other."""
    return (here, there) if lang is Lang.ZH else (there, here)


def _negation(loc: Located, i: int, texts: dict[Lang, str], sides: dict[Lang, _Side]) -> Finding | None:
    """A negator whose governed word has a counterpart on the other side (their glosses
    meet) that no negation there reaches."""
    for lang in Lang:
        other = _OTHER[lang]
        mine, theirs = sides[lang], sides[other]
        for (s, e), governed in zip(mine.negators, mine.governed, strict=True):
            for k in governed:
                word = mine.words[k]
                # a part of a compound (`open-ended` for 不限, `non-proliferation`) says
                # nothing on its own: no finding where one is among the counterparts
                counterparts = [w for w in theirs.words if not w.keys.isdisjoint(word.keys)]
                if not counterparts or any(
                    _compound(theirs.text, w) or theirs.negated(w) for w in counterparts
                ):
                    continue
                said = mine.text[s:e]
                there = counterparts[0]
                start, end = mine.offset + s, mine.offset + e
                zx, ex = _excerpts(
                    lang,
                    around(texts[lang], start, max(end, mine.offset + word.end), 6),
                    around(texts[other], theirs.offset + there.start, theirs.offset + there.end, 12),
                )
                return loc.finding(
                    "content.negation",
                    i,
                    f"the {_NAME[lang]} negates “{word.text}” (“{said}”) but the {_NAME[other]} “{there.text}” "
                    f"is not negated: a negation dropped from the {_NAME[other]} or added to the {_NAME[lang]}?",
                    zh_excerpt=zx,
                    en_excerpt=ex,
                )
    return None


def _modality(loc: Located, i: int, texts: dict[Lang, str], sides: dict[Lang, _Side]) -> Finding | None:
    """A sentence that obliges on one side and permits on the other, neither negated
    (a negated modal, 不得 / `may not`, is a prohibition on both)."""
    if any(sides[lang].negators for lang in Lang):
        return None
    for lang in Lang:
        other = _OTHER[lang]
        mine, theirs = sides[lang], sides[other]
        if not (mine.obligation and not mine.permission and theirs.permission and not theirs.obligation):
            continue
        s1, e1 = mine.obligation[0]
        s2, e2 = theirs.permission[0]
        # the same act obliged on one side and permitted on the other: the words after
        # the two modals translate each other (`may elect` / 应选举), not `may be` / 应避免
        after_mine = [w for w in mine.words if w.start >= e1][:2]
        after_theirs = [w for w in theirs.words if w.start >= e2][:2]
        if not any(not x.keys.isdisjoint(y.keys) for x in after_mine for y in after_theirs):
            continue
        a, b = mine.offset + s1, theirs.offset + s2
        zx, ex = _excerpts(
            lang, around(texts[lang], a, a + e1 - s1, 8), around(texts[other], b, b + e2 - s2, 8)
        )
        return loc.finding(
            "content.modality",
            i,
            f"the {_NAME[lang]} says “{mine.text[s1:e1]}” (an obligation) where the {_NAME[other]} "
            f"says “{theirs.text[s2:e2]}” (a permission)",
            zh_excerpt=zx,
            en_excerpt=ex,
        )
    return None


def _compound(text: str, word: Word) -> bool:
    before, after = text[word.start - 1 : word.start], text[word.end : word.end + 1]
    return bool(before and before in "-‐‑") or bool(after and after in "-‐‑")


def _quoted(sentence: str, limit: int = 120) -> str:
    """A sentence as an excerpt: whole where it is short, so that the report marks it."""
    sentence = sentence.strip()
    return sentence if len(sentence) <= limit else excerpt(sentence, limit)
