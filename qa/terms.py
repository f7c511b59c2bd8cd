"""Terminology: a termbase's terms against each aligned pair, and the document's own
renderings against each other.

With a termbase: a Chinese term whose English equivalent is missing from the aligned
English paragraph (and the reverse), and a term the termbase marks deprecated or
superseded. Where the termbase approves some entries, only those are checked;
otherwise every entry not rejected. Terms are found longest first, so 人居署 inside
人居署执行局 is the longer term, not a second one.

Without one: the document is mined (termbase.mine) and each term's renderings are
compared across its paragraphs. A Chinese term linked to two English terms that are not
forms of one another (`Executive Board` against `Governing Board`), each with strong
evidence, is reported where it takes the rarer one; and the reverse.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from unterm.lang.english import fold
from unterm.lang.languages import Lang
from unterm.lang.terms import TermFinder, term_patterns
from unterm.lang.text import zh_key
from unterm.qa.model import Finding, Located
from unterm.termbase.model import Entry, Status, Termbase, TermType, Usage

if TYPE_CHECKING:
    from unterm.termbase.mine import Analysis

_OLD = (Usage.DEPRECATED, Usage.SUPERSEDED)


@dataclass(frozen=True, slots=True)
class TermIndex:
    """The entries a check uses, where their terms occur, and which forms are deprecated."""

    entries: dict[str, Entry]
    finder: TermFinder
    old: set[tuple[Lang, str]]  # deprecated forms: zh_key or folded
    # per entry, patterns for its own terms (filled as needed)
    own: dict[str, tuple[regex.Pattern[str] | None, regex.Pattern[str] | None]]

    @staticmethod
    def of(termbase: Termbase) -> TermIndex:
        approved = [e for e in termbase.entries if e.status is Status.APPROVED]
        chosen = approved or [e for e in termbase.entries if e.status is not Status.REJECTED]
        finder = TermFinder.of((e.id, lang, t.text) for e in chosen for lang in Lang for t in e.terms(lang))
        old = {
            (lang, zh_key(t.text) if lang is Lang.ZH else fold(t.text))
            for e in chosen
            for lang in Lang
            for t in e.terms(lang)
            if t.usage in _OLD
        }
        return TermIndex({e.id: e for e in chosen}, finder, old, {})

    def find(self, text: str, lang: Lang) -> list[tuple[str, tuple[str, ...]]]:
        """(form found, its entry ids) for each term in the text, in order."""
        return self.finder.find(text, lang)

    def mentions(self, entry_id: str, text: str, lang: Lang) -> bool:
        """Whether any term of the entry is in the text, even inside a longer term
        (`UN-Habitat` in `UN-Habitat Assembly`)."""
        if entry_id not in self.own:
            e = self.entries[entry_id]
            self.own[entry_id] = term_patterns([zh_key(t.text) for t in e.zh], [t.text for t in e.en])
        pattern = self.own[entry_id][0 if lang is Lang.ZH else 1]
        if pattern is None:
            return False
        return bool(pattern.search(zh_key(text) if lang is Lang.ZH else text))

    def preferred(self, entry_id: str, lang: Lang) -> list[str]:
        return [t.text for t in self.entries[entry_id].terms(lang) if t.usage not in _OLD]


_NAME = {Lang.ZH: "Chinese", Lang.EN: "English"}


def _excerpts(lang: Lang, text: str, other: str = "") -> tuple[str, str]:
    """The (Chinese, English) excerpts: `text` on the side of `lang`, `other` on the other."""
    return (text, other) if lang is Lang.ZH else (other, text)


def check_termbase(loc: Located, termbase: Termbase) -> list[Finding]:
    index = TermIndex.of(termbase)
    a = loc.alignment
    out = []
    for i, p in enumerate(a.pairs):
        if not (p.zh and p.en):
            continue
        texts = {lang: a.text(p, lang) for lang in Lang}
        found = {lang: index.find(texts[lang], lang) for lang in Lang}
        for lang, other in ((Lang.ZH, Lang.EN), (Lang.EN, Lang.ZH)):
            seen: set[str] = set()
            for form, entry_ids in found[lang]:
                key = form if lang is Lang.ZH else fold(form)
                if key in seen:
                    continue
                seen.add(key)
                if (lang, key) in index.old:
                    better = [t for x in entry_ids for t in index.preferred(x, lang)]
                    instead = f"; the termbase prefers {' / '.join(better)}" if better else ""
                    out.append(
                        loc.finding(
                            "terms.deprecated",
                            i,
                            f"“{form}” is marked deprecated in the termbase{instead}",
                            zh_excerpt=_excerpts(lang, form)[0],
                            en_excerpt=_excerpts(lang, form)[1],
                        )
                    )
                if not any(index.mentions(x, texts[other], other) for x in entry_ids):
                    wanted = [t for x in entry_ids for t in index.preferred(x, other)]
                    out.append(
                        loc.finding(
                            "terms.missing",
                            i,
                            f"the {_NAME[lang]} has “{form}” but the {_NAME[other]} has none of its "
                            f"equivalents in the termbase ({' / '.join(wanted) or 'none given'})",
                            zh_excerpt=_excerpts(lang, form)[0],
                            en_excerpt=_excerpts(lang, form)[1],
                        )
                    )
    return out


# --- consistency within the document --------------------------------------------------------
MIN_CONFIDENCE = 0.7
MIN_SUPPORT = 2


def _name_like(entry: Entry) -> bool:
    """Names of bodies and instruments, titles and abbreviations: the renderings an
    editor keeps the same throughout (everyday terms vary with the sentence)."""
    en, zh = entry.en[0], entry.zh[0]
    if len(zh_key(zh.text)) < 3:
        return False
    if en.type is not TermType.FULL_FORM or zh.type is not TermType.FULL_FORM:
        return True
    content = [w for w in en.text.split() if w.lower() not in ("of", "for", "and", "on", "the", "to", "in")]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def heads(unit: str, key: str, lang: Lang) -> bool:
    """Whether `key` is the head of a longer unit holding it, so that the unit is a kind
    of what the key names: Chinese compounds end in their head (人居署执行局 is an
    执行局); English names end in it or start with it before `of`, `for`, `on`
    (`Executive Board of UN-Habitat`). Elsewhere the key is a modifier (联合国 in
    联合国统计委员会, `United Nations` in `United Nations system`)."""
    if unit == key or unit.endswith(key):
        return True
    return lang is Lang.EN and any(unit.startswith(f"{key} {w} ") for w in ("of", "for", "on"))


def _rendered_otherwise(form: str, lang: Lang, links: list[tuple[str, str]]) -> str | None:
    """What the segment links the term to, where the term stands as itself or as the head
    of a longer unit: the other side's rendering here. None where the term is only a
    modifier inside a longer unit, or is linked to nothing."""
    key = zh_key(form) if lang is Lang.ZH else fold(form)
    for z, e in links:
        unit = zh_key(z) if lang is Lang.ZH else e
        if key in unit and heads(unit, key, lang):
            return e if lang is Lang.ZH else z
    return None


def mined(loc: Located) -> Analysis | None:
    """The document mined (termbase.mine.analyse); None where no pair has two sides."""
    from unterm.termbase.counts import segments  # deferred: mining loads jieba and the dictionary
    from unterm.termbase.mine import analyse

    segs = segments(loc.alignment)
    return analyse(segs) if segs else None


def check_consistency(
    loc: Located, analysis: Analysis | None, termbase: Termbase | None = None
) -> list[Finding]:
    """The document's own established names (mined with confidence, rendered the same way
    in at least three paragraphs) where a paragraph has the name on one side but not
    its usual rendering on the other and links it to another term there."""
    if analysis is None:
        return []
    a = loc.alignment
    index = TermIndex.of(established_names(analysis, termbase))
    pairs = [i for i, p in enumerate(a.pairs) if p.zh and p.en]
    texts = [{lang: a.text(a.pairs[i], lang) for lang in Lang} for i in pairs]
    found = [{lang: index.find(t[lang], lang) for lang in Lang} for t in texts]
    out = []
    for lang, other in ((Lang.ZH, Lang.EN), (Lang.EN, Lang.ZH)):
        rendered: dict[str, list[int]] = defaultdict(list)
        missing: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for k, t in enumerate(texts):
            for x in dict.fromkeys(x for _, xs in found[k][lang] for x in xs):
                form = next(f for f, xs in found[k][lang] if x in xs)
                if index.mentions(x, t[other], other):
                    rendered[x].append(k)
                else:
                    missing[x].append((k, form))
        for x, gaps in missing.items():
            support = len(rendered[x])
            if support < MIN_SUPPORT or len(gaps) * 2 > support:
                continue
            usual = " / ".join(index.preferred(x, other))
            for k, form in gaps:
                instead = _rendered_otherwise(form, lang, analysis.links.by_segment[k])
                if instead is not None:
                    shown = instead if lang is Lang.EN else analysis.found[k].en[instead].text
                    out.append(_inconsistent(loc, pairs[k], lang, form, usual, support, shown))
    return out


def established_names(analysis: Analysis, termbase: Termbase | None) -> Termbase:
    """The names a document has mined with confidence and that a termbase does not have."""
    from unterm.termbase.mine import entries

    known_zh: set[str] = set()
    known_en: set[str] = set()
    if termbase is not None:
        known_zh = {zh_key(t.text) for e in termbase.entries for t in e.zh}
        known_en = {fold(t.text) for e in termbase.entries for t in e.en}
    return Termbase(
        tuple(
            replace(e, status=Status.APPROVED)
            for e in entries(analysis).entries
            if e.confidence >= MIN_CONFIDENCE
            and _name_like(e)
            and not any(zh_key(t.text) in known_zh for t in e.zh)
            and not any(fold(t.text) in known_en for t in e.en)
        )
    )


def _inconsistent(
    loc: Located, i: int, lang: Lang, form: str, usual: str, support: int, shown: str
) -> Finding:
    other = Lang.EN if lang is Lang.ZH else Lang.ZH
    # name the other rendering where it looks like one (a name, a longer term)
    pairs_with = (
        f" (it pairs with “{shown}”)"
        if (lang is Lang.ZH and shown[:1].isupper()) or (lang is Lang.EN and len(shown) >= 3)
        else ""
    )
    return loc.finding(
        "terms.inconsistent",
        i,
        f"“{form}” is rendered “{usual}” in {support} other paragraphs of this document, "
        f"but the {_NAME[other]} here has no “{usual}”{pairs_with}",
        zh_excerpt=_excerpts(lang, form)[0],
        en_excerpt=_excerpts(lang, form)[1],
    )
