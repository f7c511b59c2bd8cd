"""A query as a translator types it, read so that nothing in it is taken for FTS5 syntax,
and the pairs that hold it.

- Chinese (a query with Han characters): any substring of the Chinese side's search
  form (memory.text), through the trigram index for three characters or more and a scan
  (instr) for one or two, which the trigram index cannot find;
- English: the words in this order, each in any inflection (Porter stems); where no
  pair has them in order, every pair with all of them (`loose`);
- a quoted phrase ("...", “...”, 「...」): exactly these characters, case and runs of white
  space aside, at word boundaries in English;
- a document symbol (A/RES/77/173): on both sides, not as part of a longer symbol
  (A/RES/77/173/Add.1 is another document).

The query's words reach FTS5 only inside double-quoted strings, so `"`, `*`, `NEAR(`,
`-`, `AND`, `:` or `^` are text to look for, never operators. A query with no letter,
digit or Han character is refused with one line: there is nothing in it to look for.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from unterm.errors import InputError
from unterm.lang.languages import Lang
from unterm.lang.symbols import SYMBOL
from unterm.memory.model import Span
from unterm.memory.text import has_han, search_form

_QUOTED = regex.compile(r'^\s*(?:"(?P<a>.+)"|“(?P<b>.+)”|「(?P<c>.+)」|『(?P<d>.+)』)\s*$', regex.S)
_TOKEN = regex.compile(r"[\p{L}\p{N}\p{Co}]+")
_SEARCHABLE = regex.compile(r"[\p{L}\p{N}]")
MARK_OPEN, MARK_CLOSE = "\x01", "\x02"
_MARKS = regex.compile(f"([{MARK_OPEN}{MARK_CLOSE}])")


@dataclass(frozen=True, slots=True)
class Query:
    """A query read: its text (quotes off), the side it is looked for on (`zh`, `en`,
    or `both` for a symbol), whether it is a quoted exact phrase, and its search forms."""

    text: str
    side: str
    exact: bool
    form: str  # the search form on its side (a symbol's: the English one)

    @property
    def symbol(self) -> bool:
        return self.side == "both"

    @property
    def lang(self) -> Lang:
        return Lang.ZH if self.side == "zh" else Lang.EN

    @property
    def short(self) -> bool:
        """A Chinese query too short for the trigram index (one or two characters)."""
        return self.side == "zh" and len(self.form) < 3

    def phrase(self, loose: bool = False) -> str:
        """The FTS5 expression on its side: every token a quoted string."""
        if self.side == "zh":
            return '"' + self.form.replace('"', '""') + '"'
        tokens = _TOKEN.findall(self.form)
        if loose:
            return " AND ".join(f'"{t}"' for t in tokens)
        return '"' + " ".join(tokens) + '"'

    def symbol_phrase(self) -> tuple[str, str]:
        """A symbol's FTS5 expressions on the Chinese and the English side."""
        return '"' + self.form.replace('"', '""') + '"', self.phrase()

    def verified(self, form: str) -> list[Span]:
        """Where the query is in a side's search form, each place once; empty where the
        index's candidate does not hold it as the query asks (an exact phrase, a symbol)."""
        if self.symbol:
            pattern = r"(?<![\p{L}\p{N}/.])" + regex.escape(self.form) + r"(?![\p{L}\p{N}]|[/.][\p{L}\p{N}])"
            return [Span(m.start(), m.end()) for m in regex.finditer(pattern, form)]
        if self.side == "zh":
            out, at = [], form.find(self.form)
            while at >= 0:
                out.append(Span(at, at + len(self.form)))
                at = form.find(self.form, at + len(self.form))
            return out
        pattern = r"(?<![\p{L}\p{N}])" + regex.escape(self.form) + r"(?![\p{L}\p{N}])"
        return [Span(m.start(), m.end()) for m in regex.finditer(pattern, form)]


def parse(text: str) -> Query:
    """A query read (see the module docstring); InputError for one with nothing to look
    for."""
    m = _QUOTED.match(text)
    exact = m is not None
    inner = next(g for g in m.groups() if g) if m else text
    inner = " ".join(inner.split())
    if not _SEARCHABLE.search(inner):
        raise InputError(f"query {text!r}: has no letter, digit or Chinese character to look for")
    if has_han(inner):
        return Query(inner, "zh", exact, search_form(inner, Lang.ZH))
    stripped = inner.strip(" .,;:")
    if stripped.count("/") >= 1 and SYMBOL.fullmatch(stripped):
        return Query(stripped, "both", True, search_form(stripped, Lang.EN))
    return Query(inner, "en", exact, search_form(inner, Lang.EN))


def marked_spans(marked: str) -> tuple[str, list[Span]]:
    """The text and spans of FTS5 highlight() output between MARK_OPEN and MARK_CLOSE."""
    out: list[str] = []
    spans: list[Span] = []
    start = -1
    length = 0
    for part in _MARKS.split(marked):
        if part == MARK_OPEN:
            start = length
        elif part == MARK_CLOSE:
            if start >= 0:
                spans.append(Span(start, length))
            start = -1
        else:
            out.append(part)
            length += len(part)
    return "".join(out), spans


def merge(spans: list[Span], form: str) -> list[Span]:
    """Adjacent highlighted tokens as one span (`new` `urban` `agenda` as one), across
    the white space between them."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: s.start):
        if out and not form[out[-1].end : s.start].strip():
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out
