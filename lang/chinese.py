"""Chinese words: jieba's segmentation, loaded once when first needed and kept quiet.

Two tokenizers, each its own jieba instance: `cut` for plain words (sentence-level
evidence) and `segment` for words with parts of speech (term mining), which reads two
prefixes as part of the word they form (see `segment`).
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from typing import Any

from unterm.lang.dictionary import cedict
from unterm.lang.text import normalise_zh


def _quiet() -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    logging.getLogger("jieba").setLevel(logging.WARNING)


@cache
def _plain() -> Any:
    import jieba  # deferred: loads its dictionary once

    _quiet()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@cache
def _tagger() -> Any:
    import jieba.posseg

    _quiet()
    tokenizer = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tokenizer.tokenizer.initialize()
    return tokenizer


def cut(text: str) -> list[str]:
    """The words of a text as jieba cuts it, white space left out."""
    return [w for w in _plain().cut(text) if w.strip()]


def segment(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) for each word of a text, as jieba cuts it, with two
    prefixes read as part of the word they form: 最不 ("least": 最不|发达国家) and 可
    ("-able") where it makes a dictionary word with what follows (可持续 sustainable,
    可再生|能源 renewable energy; not the modal 可 of 可|有助于)."""
    return list(_segment(normalise_zh(text)))


@lru_cache(maxsize=8192)
def _segment(text: str) -> tuple[tuple[str, str], ...]:
    words = [(w.word, w.flag) for w in _tagger().lcut(text)]
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        word, pos = words[i]
        if word == "最" and i + 2 < len(words) and words[i + 1][0] == "不":
            out.append(("最不", "b"))
            i += 2
            continue
        if word == "可" and i + 1 < len(words) and _able(words[i + 1][0]):
            out.append(("可" + words[i + 1][0], "b"))
            i += 2
            continue
        out.append((word, pos))
        i += 1
    return tuple(out)


def _able(following: str) -> bool:
    words = cedict()
    return any("可" + following[:n] in words for n in range(1, min(3, len(following)) + 1))
