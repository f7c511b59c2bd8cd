"""Searching a memory: the concordance of a word or phrase (every pair that holds it,
the query marked, its equivalent marked on the other side, the renderings counted) and
the fuzzy lookup of a sentence (the closest earlier sentences, with their match
percentage).

Every pair the index finds is checked against the query (memory.query) before it is
counted, so the counts are those of the pairs that hold the query as asked. The
renderings are counted over the first RENDERINGS pairs in the order asked for.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from unterm.lang.languages import Lang
from unterm.memory import fuzzy
from unterm.memory.model import Filters, Hit, Level, Mode, Rendering, Results, Sort, Span
from unterm.memory.query import MARK_CLOSE, MARK_OPEN, Query, marked_spans, merge, parse
from unterm.memory.spans import Equivalents
from unterm.memory.store import reading
from unterm.memory.text import has_han, search_form, searchable
from unterm.termbase.model import Termbase

RENDERINGS = 2000
_COLUMNS = "u.id, u.key, u.kind, u.level, u.score, u.zh, u.en, d.name, d.symbol, d.date, d.id"
_ORDER = {
    Sort.NEWEST: "(d.date = '') , d.date DESC, d.name, u.position",
    Sort.SCORE: "u.score DESC, (d.date = ''), d.date DESC, d.name, u.position",
    Sort.RELEVANCE: "f.rank, (d.date = ''), d.date DESC, d.name, u.position",
}


@dataclass(frozen=True, slots=True)
class _Row:
    id: int
    key: str
    kind: str
    level: str
    score: float
    zh: str
    en: str
    name: str
    symbol: str
    date: str
    document: int
    zh_spans: tuple[Span, ...]  # in the search form
    en_spans: tuple[Span, ...]

    @staticmethod
    def of(row: tuple[Any, ...], zh: tuple[Span, ...] = (), en: tuple[Span, ...] = ()) -> _Row:
        """A row of the candidates' query (its columns, _COLUMNS, then the text searched)."""
        i, key, kind, level, score, zh_text, en_text, name, symbol, date, document = row[:11]
        return _Row(i, key, kind, level, score, zh_text, en_text, name, symbol, date, document, zh, en)

    def hit(self, other: Span | None, side: str, match: int = 0) -> Hit:
        zh = _original(self.zh, Lang.ZH, self.zh_spans)
        en = _original(self.en, Lang.EN, self.en_spans)
        if other is not None:
            zh, en = (zh, (other,)) if side == "zh" else ((other,), en)
        return Hit(
            self.id, self.symbol or self.name, self.date, self.key, self.kind, Level(self.level),
            self.score, self.zh, self.en, zh, en, match, self.name,
        )  # fmt: skip


def _original(text: str, lang: Lang, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Spans of a side's search form as spans of its text as written."""
    if not spans:
        return ()
    form = searchable(text, lang)
    return tuple(Span(*form.original(s.start, s.end)) for s in spans)


def _where(filters: Filters) -> tuple[str, list[object]]:
    conds = ["u.level = ?"]
    params: list[object] = [filters.level.value if filters.level else Level.SENTENCE.value]
    if filters.symbols:
        ors = []
        for prefix in filters.symbols:
            like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            ors.append("d.symbol LIKE ? ESCAPE '\\' OR d.name LIKE ? ESCAPE '\\'")
            params += [like, like]
        conds.append("(" + " OR ".join(ors) + ")")
    if filters.kinds:
        conds.append(f"u.kind IN ({', '.join('?' * len(filters.kinds))})")
        params += list(filters.kinds)
    if filters.years:
        conds.append("d.year BETWEEN ? AND ?")
        params += list(filters.years)
    return " AND ".join(conds), params


def _term(query: Query, side: str, loose: bool) -> str:
    if query.short:
        return query.form
    return query.symbol_phrase()[0 if side == "zh" else 1] if query.symbol else query.phrase(loose)


def _candidates(
    conn: sqlite3.Connection, query: Query, side: str, filters: Filters, sort: Sort, loose: bool = False
) -> list[_Row]:
    """The pairs that hold the query on one side, checked, in the order asked for. An
    English phrase's words are marked later, in the hits shown only (`_highlighted`):
    every pair the index finds holds them."""
    fts = "zh_fts" if side == "zh" else "en_fts"
    where, params = _where(filters)
    later = query.side == "en" and not query.exact
    if query.short:
        match, order = "instr(f.text, ?) > 0", _ORDER[Sort.NEWEST if sort is Sort.RELEVANCE else sort]
    else:
        match, order = f"{fts} MATCH ?", _ORDER[sort]
    text = "''" if later else "f.text"
    sql = (
        f"SELECT {_COLUMNS}, {text} FROM {fts} f JOIN units u ON u.id = f.rowid "
        f"JOIN documents d ON d.id = u.document WHERE {match} AND {where} ORDER BY {order}"
    )
    out = []
    for row in conn.execute(sql, [_term(query, side, loose), *params]):
        if later:
            out.append(_Row.of(row))
            continue
        found = tuple(query.verified(row[-1]))
        if found:
            out.append(_Row.of(row, found if side == "zh" else (), found if side == "en" else ()))
    return out


def _highlighted(conn: sqlite3.Connection, query: Query, rows: list[_Row], loose: bool) -> list[_Row]:
    """The English words of a phrase marked (FTS5's highlight: every inflection the
    index matched) in some of its pairs."""
    if not rows:
        return rows
    ids = ", ".join(str(r.id) for r in rows)
    sql = (
        f"SELECT rowid, highlight(en_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}') FROM en_fts "
        f"WHERE en_fts MATCH ? AND rowid IN ({ids})"
    )
    spans: dict[int, tuple[Span, ...]] = {}
    for rowid, marked in conn.execute(sql, [query.phrase(loose)]):
        plain, marks = marked_spans(marked)
        spans[rowid] = tuple(merge(marks, plain))
    return [replace(r, en_spans=spans.get(r.id, ())) for r in rows]


def _symbol_rows(conn: sqlite3.Connection, query: Query, filters: Filters, sort: Sort) -> list[_Row]:
    """A symbol's pairs: where either side holds it, both sides marked."""
    by_id: dict[int, _Row] = {}
    for side in ("zh", "en"):
        for r in _candidates(conn, query, side, filters, sort):
            by_id.setdefault(r.id, r)
    rows = []
    for r in by_id.values():
        zh = tuple(query.verified(search_form(r.zh, Lang.ZH)))
        en = tuple(query.verified(search_form(r.en, Lang.EN)))
        rows.append(replace(r, zh_spans=zh, en_spans=en))
    key = {
        Sort.SCORE: lambda r: (-r.score, r.date == "", _desc(r.date), r.name, r.id),
    }.get(sort, lambda r: (r.date == "", _desc(r.date), r.name, r.id))
    return sorted(rows, key=key)


def _desc(date: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in date)


def concordance(
    conn: sqlite3.Connection,
    text: str,
    *,
    filters: Filters,
    sort: Sort = Sort.NEWEST,
    limit: int = 50,
    termbase: Termbase | None = None,
    memory: str = "",
) -> Results:
    """Every pair that holds the query (see memory.query), the first `limit` as hits."""
    query = parse(text)
    loose = False
    if query.symbol:
        rows = _symbol_rows(conn, query, filters, sort)
    else:
        rows = _candidates(conn, query, query.side, filters, sort)
        if not rows and query.side == "en" and not query.exact and len(query.phrase().split()) > 1:
            rows, loose = _candidates(conn, query, "en", filters, sort, loose=True), True
    renderings: tuple[Rendering, ...] = ()
    other: dict[int, Span | None] = {}
    if not query.symbol:
        equivalents = Equivalents(query.text, query.side, termbase)
        counted = rows[:RENDERINGS]
        found = equivalents.spans([r.en if query.side == "zh" else r.zh for r in counted])
        other = {r.id: span for r, span in zip(counted, found, strict=True)}
        renderings = _renderings(counted, other, query.side)
    shown = rows[:limit]
    if query.side == "en" and not query.exact:
        shown = _highlighted(conn, query, shown, loose)
    hits = tuple(r.hit(other.get(r.id), query.side) for r in shown)
    return Results(
        query.text, Mode.CONCORDANCE, query.side, hits, len(rows), len({r.document for r in rows}),
        renderings, filters, sort, memory, _signature(memory, filters, termbase, Mode.CONCORDANCE, sort), loose,
    )  # fmt: skip


def _renderings(rows: list[_Row], spans: dict[int, Span | None], side: str) -> tuple[Rendering, ...]:
    """The equivalents found, grouped as written (white space aside), most pairs first."""
    groups: dict[str, list[_Row]] = defaultdict(list)
    for r in rows:
        span = spans.get(r.id)
        other = r.en if side == "zh" else r.zh
        groups[" ".join(other[span.start : span.end].split()) if span else ""].append(r)
    out = []
    for text, members in groups.items():
        years = [int(r.date[:4]) for r in members if r.date[:4].isdigit()]
        documents = len({r.document for r in members})
        out.append(Rendering(text, len(members), documents, min(years, default=0), max(years, default=0)))
    return tuple(sorted(out, key=lambda g: (g.text == "", -g.pairs, -g.documents, g.text)))


def lookup(
    conn: sqlite3.Connection,
    sentence: str,
    *,
    filters: Filters,
    limit: int = 50,
    min_match: int = fuzzy.DEFAULT_MIN,
    memory: str = "",
) -> Results:
    """The earlier sentences closest to `sentence`, at `min_match` percent or more, best
    first (then newest)."""
    query = parse(sentence)  # refuses a sentence with nothing to look for
    lang = Lang.ZH if has_han(sentence) else Lang.EN
    side = "zh" if lang is Lang.ZH else "en"
    fts = f"{side}_fts"
    form = search_form(sentence, lang)
    mine = [form[s:e] for s, e in fuzzy.tokens(form, lang)]
    where, params = _where(filters)
    expression = fuzzy.fts_any(form, lang)
    if not expression:  # one or two Chinese characters: every sentence is a candidate
        expression = '"' + query.form.replace('"', '""') + '"'
    sql = (
        f"SELECT {_COLUMNS}, f.text FROM {fts} f JOIN units u ON u.id = f.rowid "
        f"JOIN documents d ON d.id = u.document WHERE {fts} MATCH ? AND {where} ORDER BY f.rank LIMIT ?"
    )
    scored: list[tuple[int, _Row]] = []
    for row in conn.execute(sql, [expression, *params, fuzzy.CANDIDATES]):
        text = row[-1]
        spans = fuzzy.tokens(text, lang)
        if not fuzzy.within_reach(len(mine), len(spans), min_match):
            continue
        theirs = [text[s:e] for s, e in spans]
        score = fuzzy.percent(mine, theirs)
        if score >= min_match:
            scored.append((score, _Row.of(row)))
    scored.sort(key=lambda x: (-x[0], x[1].date == "", _desc(x[1].date), x[1].name, x[1].id))
    hits = []
    for score, r in scored[:limit]:
        found = searchable(r.zh if side == "zh" else r.en, lang)
        diff = fuzzy.differences(mine, found, fuzzy.tokens(found.text, lang))
        hit = r.hit(None, side, score)
        hits.append(
            Hit(
                hit.id, hit.document, hit.date, hit.key, hit.kind, hit.level, hit.score, hit.zh, hit.en,
                diff if side == "zh" else (), diff if side == "en" else (), score, hit.source,
            )
        )  # fmt: skip
    return Results(
        " ".join(sentence.split()), Mode.FUZZY, side, tuple(hits), len(scored),
        len({r.document for _, r in scored}), (), filters, Sort.RELEVANCE, memory,
        _signature(memory, filters, None, Mode.FUZZY, Sort.RELEVANCE), min_match=min_match,
    )  # fmt: skip


def _signature(memory: str, filters: Filters, termbase: Termbase | None, mode: Mode, sort: Sort) -> str:
    """How a search was made (unterm.signature): the memory by its file name (not its
    hash: a memory is large, and changes as it is brought up to date), the settings."""
    from unterm.signature import Input, Signature, file_name, library_versions

    settings = [("mode", mode.value), ("sort", sort.value)]
    limits = filters.describe()
    if limits:
        settings.append(("filters", limits))
    inputs = [Input("memory", file_name(memory))]
    if termbase is not None:
        inputs.append(Input("termbase", termbase.signature.split("|")[0] if termbase.signature else "given"))
    libraries = library_versions("rapidfuzz") if mode is Mode.FUZZY else ()
    return str(Signature("search", tuple(settings), tuple(inputs), libraries))


def default_level(conn: sqlite3.Connection) -> Level:
    """Sentence pairs where the memory holds them, else paragraph pairs."""
    found = conn.execute("SELECT 1 FROM units WHERE level = 'sentence' LIMIT 1").fetchone()
    return Level.SENTENCE if found else Level.PARAGRAPH


def search(
    memory: str | Path,
    query: str,
    *,
    fuzzy_match: bool = False,
    filters: Filters | None = None,
    sort: Sort = Sort.NEWEST,
    limit: int = 50,
    termbase: Termbase | None = None,
    min_match: int = fuzzy.DEFAULT_MIN,
) -> Results:
    """Search a memory file (see `concordance` and `lookup`); InputError for a file that
    is not a memory, a damaged one, or a query with nothing to look for."""
    from unterm.errors import InputError

    path = Path(memory)
    filters = filters or Filters()
    with reading(path) as (conn, busy):
        try:
            if filters.level is None:
                filters = replace(filters, level=default_level(conn))
            if fuzzy_match:
                results = lookup(
                    conn, query, filters=filters, limit=limit, min_match=min_match, memory=str(path)
                )
            else:
                results = concordance(
                    conn, query, filters=filters, sort=sort, limit=limit, termbase=termbase, memory=str(path)
                )
        except sqlite3.DatabaseError as err:
            raise InputError(f"{path}: is damaged ({err}); index the corpus into a new file") from None
    if busy:
        note = f"{path}: is being written by another process (unterm index): results as of its last commit"
        results = replace(results, notes=(note,))
    return results
