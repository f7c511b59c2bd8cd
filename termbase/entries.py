"""Entries from linked pairs: ranked by confidence and termhood, one entry per concept.

A term keeps its best partner. It takes another only where that pair stands on its own
(linked in two segments or more, confirmed by the dictionary, or tied by the texts'
structure): a Chinese term with a second English term that shares no content word with
the first is a second concept (机构: `institutions`, `agencies`), one that does is a
variant in the same entry (环境: `environmental`, `environment`); a Chinese term linked
to an English term that already has its entry is a synonym in that entry (维和行动,
维持和平行动: `peacekeeping operations`).
A short form and its expansion that the text brackets together share one entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import regex

from unterm.lang.dictionary import coverage
from unterm.lang.english import content_stems, stems_match
from unterm.lang.gazetteer import Country, countries, zh_names
from unterm.termbase import english
from unterm.termbase.counts import Counts, Found
from unterm.termbase.model import Entry, Status, Term, Termbase, TermType
from unterm.termbase.pairs import Links, PairScore, surface_form


def termhood(zh: str, zh_type: TermType, en: english.Candidate) -> float:
    """How much a pair looks like terminology rather than everyday words, for ranking:
    names, titles, abbreviations and multiword phrases before single words, which in a
    UN text are mostly everyday (`actions`) or pieces of names (`Forum`)."""
    if zh_type is TermType.TITLE and en.words == 1 and en.type is not TermType.ACRONYM:
        return 0.5  # 《公约》 / `Convention`: the text's short reference, not a name
    if zh_type in (TermType.TITLE, TermType.ABBREVIATION) or en.type in (TermType.ACRONYM, TermType.TITLE):
        return 1.0
    if zh in zh_names():  # the name of a State
        return 1.0
    if en.words >= 2:
        value = 1.0 if en.capitalised else 0.85
    else:
        value = 0.75 if "-" in en.text and en.capitalised else 0.5
    if len(zh) <= 2:
        value *= 0.85
    return value


_Ranked = tuple[float, float, str, english.Candidate, int, PairScore]


# A second partner stands on its own: linked in this many segments, the dictionary
# confirming it this much, with this confidence; or tied to the term by the texts'
# structure (bracketed together, titled alike, both names of one State). A form that
# holds or is held by a term of the entry (领导, 领导力: `leadership`) joins it only where
# the dictionary confirms it as a whole this much.
OTHER_PARTNER_LINKS = 2
OTHER_PARTNER_LEXICAL = 0.5
OTHER_PARTNER_CONFIDENCE = 0.6
NESTED_FORM_LEXICAL = 0.8
NESTED_RANK = 0.5
FULLY_COVERED = 0.95


@dataclass(slots=True)
class Types:
    """What form each term takes where it is a candidate: a Chinese term's first type
    other than a full form (a title, a short form), else full form; an English key's last
    candidate other than a full form, else its first. Types of consecutive parts of a
    corpus merge in order into the types of the whole."""

    zh: dict[str, TermType] = field(default_factory=dict)
    en: dict[str, english.Candidate] = field(default_factory=dict)

    @staticmethod
    def of(found: Iterable[Found]) -> Types:
        types = Types()
        for f in found:
            types.add(f.zh, f.en)
        return types

    def add(self, zh: Mapping[str, TermType], en: Mapping[str, english.Candidate]) -> Types:
        for z, t in zh.items():
            if self.zh.get(z) in (None, TermType.FULL_FORM):
                self.zh[z] = t
        for key, c in en.items():
            if key not in self.en or c.type is not TermType.FULL_FORM:
                self.en[key] = c
        return self

    def merge(self, later: Types) -> Types:
        return self.add(later.zh, later.en)


def build(
    links: Links,
    scores: Mapping[tuple[str, str], PairScore],
    counts: Counts,
    types: Types,
    *,
    min_freq: int,
) -> Termbase:
    """The entries of the linked pairs, best first (see the module docstring)."""
    zh_types, ranked = types.zh, _ranked(links, scores, counts, types, min_freq)
    entries: list[Entry] = []
    by_zh: dict[str, list[int]] = {}  # a Chinese term (also without 《》) -> its entries
    by_en: dict[str, int] = {}  # an English key -> its entry
    for _rank_score, confidence, z, cand, n, s in ranked:
        bare = z.strip("《》")
        zh_entries = sorted(set(by_zh.get(z, []) + by_zh.get(bare, [])))
        stands = s.structure > 0 or (
            n >= OTHER_PARTNER_LINKS
            and s.lexical >= OTHER_PARTNER_LEXICAL
            and confidence >= OTHER_PARTNER_CONFIDENCE
        )
        if (
            cand.key in by_en
            and not zh_entries
            and _shorter_form(z, cand.key, entries[by_en[cand.key]], s, links)
        ):
            k = by_en[cand.key]  # 人居署大会 where a paragraph drops the 联合国 of 联合国人居署大会
            entries[k] = replace(entries[k], zh=(*entries[k].zh, Term(z, TermType.VARIANT)))
            by_zh.setdefault(z, []).append(k)
            continue
        if not stands and (zh_entries or cand.key in by_en):
            continue
        if cand.key in by_en:
            k = by_en[cand.key]
            # a term with an entry of its own joins another only where the dictionary confirms it
            free = not zh_entries or (k not in zh_entries and s.lexical >= NESTED_FORM_LEXICAL)
            if free and _another_form(bare, entries[k], s.lexical):
                entries[k] = replace(entries[k], zh=(*entries[k].zh, Term(z, TermType.VARIANT)))
                by_zh.setdefault(z, []).append(k)
                by_zh.setdefault(bare, []).append(k)
            continue
        variant_of = [k for k in zh_entries if _variant(cand.text, entries[k])]
        if variant_of:  # `environment` beside `environmental` for 环境
            k = variant_of[0]
            if _nested_en(cand.text, entries[k]):
                # a boundary variant; but where it is linked far more often than the entry's
                # own pair (机场 / `airport` 6 times, `Tocúmen Airport` once), it is a term too
                if n >= 2 * entries[k].frequency:
                    by_en[cand.key] = len(entries)
                    entries.append(
                        _entry(z, zh_types.get(z, TermType.FULL_FORM), cand, n, confidence, s, links)
                    )
                continue
            entries[k] = replace(entries[k], en=(*entries[k].en, Term(cand.text, TermType.VARIANT)))
            by_en[cand.key] = k
            continue
        by_zh.setdefault(z, []).append(len(entries))
        by_zh.setdefault(bare, []).append(len(entries))
        by_en[cand.key] = len(entries)
        entries.append(_entry(z, zh_types.get(z, TermType.FULL_FORM), cand, n, confidence, s, links))
    return Termbase(tuple(_join_states(_join_short_forms(entries, counts.short_forms))))


def _shorter_form(z: str, key: str, entry: Entry, s: PairScore, links: Links) -> bool:
    """Whether a Chinese term is a shorter form of the entry's that the text itself uses for
    the entry's English term: the end of one of its terms, linked on its own (where the
    longer form is not there), with some dictionary support."""
    return (
        links.own[(z, key)] > 0
        and s.lexical >= OTHER_PARTNER_LEXICAL
        and any(t.text.strip("《》").endswith(z) and t.text.strip("《》") != z for t in entry.zh)
    )


def _stands_alone(s: PairScore, n: int) -> bool:
    """Whether a pair seen only inside longer pairs is a translation of its own: the
    dictionary confirms it as a whole, or in part and in two segments or more."""
    return s.lexical >= NESTED_FORM_LEXICAL or (
        n >= OTHER_PARTNER_LINKS and s.lexical >= OTHER_PARTNER_LEXICAL
    )


def _another_form(z: str, entry: Entry, lexical: float) -> bool:
    """Whether a Chinese term may join an entry as another form of its terms: the
    dictionary confirms it as a whole (not 各方 "all parties" or 双方 "both sides" beside
    缔约方 for `parties`), and, where it holds or is held by one of the entry's terms, it
    says nothing the English does not (领导力 beside 领导 for `leadership`, but not
    《联合国宪章》 beside 联合国 for `United Nations`; 人居署 of 人居署大会 is a boundary)."""
    if lexical < NESTED_FORM_LEXICAL:
        return False
    nested = any(z in t.text or t.text.strip("《》") in z for t in entry.zh)
    return not nested or coverage(z, entry.en_text)[1] >= FULLY_COVERED


def _variant(en: str, entry: Entry) -> bool:
    """Whether an English term shares a content word with the entry's English terms
    (`institutional` beside `institutions`): a variant, not another concept (`agencies`).
    One that holds or is held by a term of the entry is neither (`rights of developing
    countries`, `renewable` beside `renewable energy`)."""
    stems = content_stems(en)
    return any(stems_match(a, b) for t in entry.en for a in content_stems(t.text) for b in stems)


def _nested_en(en: str, entry: Entry) -> bool:
    key = f" {english.key(en)} "
    return any(key in f" {english.key(t.text)} " or f" {english.key(t.text)} " in key for t in entry.en)


def _entry(
    z: str, zh_type: TermType, cand: english.Candidate, n: int, confidence: float, s: PairScore, links: Links
) -> Entry:
    en_type = cand.type
    if en_type is TermType.FULL_FORM and zh_type is TermType.TITLE:
        en_type = TermType.TITLE
    if en_type is TermType.ACRONYM and not english.ACRONYM.match(cand.text):
        en_type = TermType.FULL_FORM
    return Entry(
        id="",
        zh=(Term(z, zh_type),),
        en=(Term(cand.text, en_type),),
        frequency=n,
        association=round(s.dice, 3),
        confidence=round(confidence, 3),
        examples=tuple(links.examples[(z, cand.key)]),
        status=Status.PROPOSED,
        note=f"dictionary {s.lexical:.2f}; Dice {s.dice:.2f} over {s.together} segment(s)"
        + ("; bracketed or titled alike" if s.structure else ""),
    )


def _ranked(
    links: Links,
    scores: Mapping[tuple[str, str], PairScore],
    counts: Counts,
    types: Types,
    min_freq: int,
) -> list[_Ranked]:
    """The linked pairs best first: (rank score, confidence, Chinese term, English
    candidate, segments linked, pair score)."""
    zh_types, en_cands = types.zh, types.en
    ranked: list[_Ranked] = []
    for (z, key), n in links.count.items():
        if n < min_freq:
            continue
        s = scores[(z, key)]
        if not links.own[(z, key)] and not _stands_alone(s, n):
            continue  # only ever linked as part of a longer pair, and no translation of its own
        # a pair linked in several segments is more reliable than one linked once
        confidence = s.score * (1 - 0.5 ** (n + 1))
        cand = en_cands[key]
        cand = english.Candidate(surface_form(key, counts), key, cand.words, cand.type, cand.capitalised)
        rank = confidence * termhood(z, zh_types.get(z, TermType.FULL_FORM), cand)
        if not links.own[(z, key)]:
            rank *= NESTED_RANK  # a translation, but seen only inside a longer term: listed later
        ranked.append((rank, confidence, z, cand, n, s))
    ranked.sort(key=lambda r: (-r[0], -r[4], r[2]))
    return ranked


def _join_short_forms(entries: list[Entry], short_forms: Counter[tuple[str, str]]) -> list[Entry]:
    """One entry for a short form and its expansion when both languages bracket them
    together: 联合国人类住区规划署 (人居署) / United Nations Human Settlements Programme
    (UN-Habitat). The expansion comes first, the short forms are typed as such."""
    expansion_of = {short: full for short, full in short_forms}
    by_zh = {e.zh_text: k for k, e in enumerate(entries)}
    by_en = {english.key(e.en_text): k for k, e in enumerate(entries)}
    gone: set[int] = set()
    out = list(entries)
    for k, short in enumerate(entries):
        zh_full = expansion_of.get(short.zh_text)
        en_full = expansion_of.get(english.key(short.en_text))
        if zh_full is None or en_full is None:
            continue
        j = by_zh.get(zh_full)
        if j is None or j in gone or k in gone or by_en.get(en_full) != j:
            continue
        full = out[j]
        zh_short_type = TermType.ABBREVIATION
        en_short_type = TermType.ACRONYM if english.ACRONYM.match(short.en_text) else TermType.ABBREVIATION
        out[j] = replace(
            full,
            zh=(*full.zh, Term(short.zh_text, zh_short_type)),
            en=(*full.en, Term(short.en_text, en_short_type)),
            frequency=full.frequency + short.frequency,
            confidence=max(full.confidence, short.confidence),
            examples=(full.examples + short.examples)[:3],
            note=f"{full.note}; short forms: {short.note}",
        )
        gone.add(k)
    return [e for k, e in enumerate(out) if k not in gone]


def _join_states(entries: list[Entry]) -> list[Entry]:
    """One entry per State, holding the official names (lang.gazetteer) mining paired and
    those its examples show (巴林 and `Bahrain` inside 巴林王国, `Kingdom of Bahrain`):
    a State's short and formal names are one concept, as UNTERM records them."""
    state_of = {
        (zh, english.key(en)): k for k, country in enumerate(countries()) for zh, en in country.pairs()
    }
    first: dict[int, int] = {}
    out = list(entries)
    gone: set[int] = set()
    for k, entry in enumerate(entries):
        state = next(
            (
                state_of[(z.text, english.key(e.text))]
                for z in entry.zh
                for e in entry.en
                if (z.text, english.key(e.text)) in state_of
            ),
            None,
        )
        if state is None:
            continue
        if state in first:
            j = first[state]
            out[j] = _with_terms(
                out[j], _official(entry, countries()[state]).zh, _official(entry, countries()[state]).en
            )
            gone.add(k)
        else:
            first[state] = k
    for state, k in first.items():
        out[k] = _with_names(_official(out[k], countries()[state]), countries()[state])
    return [e for k, e in enumerate(out) if k not in gone]


def _official(entry: Entry, country: Country) -> Entry:
    """A State's entry with its main terms and official names only: no demonym (`Ukrainian`)
    or person's name that linking put beside them."""
    zh = {country.zh_short, country.zh_formal}
    en = {english.key(country.en_short), english.key(country.en_formal)}
    return replace(
        entry,
        zh=tuple(t for k, t in enumerate(entry.zh) if k == 0 or t.text in zh),
        en=tuple(t for k, t in enumerate(entry.en) if k == 0 or english.key(t.text) in en),
    )


def _with_terms(entry: Entry, zh: Sequence[Term], en: Sequence[Term]) -> Entry:
    """An entry with more terms, each once."""
    have_zh = {t.text for t in entry.zh}
    have_en = {t.text for t in entry.en}
    return replace(
        entry,
        zh=(*entry.zh, *(t for t in zh if t.text not in have_zh)),
        en=(*entry.en, *(t for t in en if t.text not in have_en)),
    )


def _with_names(entry: Entry, country: Country) -> Entry:
    """A State's entry with its other official names that the entry's examples show."""
    zh_text = " ".join(x.zh for x in entry.examples)
    en_text = " ".join(x.en for x in entry.examples)
    short = TermType.SHORT_FORM if country.zh_short != country.zh_formal else TermType.FULL_FORM
    zh = [Term(country.zh_formal), Term(country.zh_short, short)]
    en = [Term(country.en_formal), Term(country.en_short, short)]
    return _with_terms(
        entry,
        [t for t in zh if t.text in zh_text],
        [t for t in en if regex.search(rf"(?<![\p{{L}}\d]){regex.escape(t.text)}(?![\p{{L}}\d])", en_text)],
    )
