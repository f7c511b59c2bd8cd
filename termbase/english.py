"""English term candidates in one segment of text.

Noun phrases are runs of words bounded by punctuation and by words that do not belong
in a term (articles, pronouns, prepositions other than `of`, `for`, `and`, `on`, verbs a
resolution opens with); inside a run, `of`, `for`, `and` and `on` may join two parts
(`Committee of Permanent Representatives`, `2030 Agenda for Sustainable Development`).
Every sub-phrase that starts and ends with a content word is a candidate too, so that
nesting can be weighed (C-value). Acronyms and their expansions (`United Nations Human
Settlements Programme (UN-Habitat)`) and quoted titles are marked as such. Counting
folds plurals (`Goals` = `Goal`); the text keeps the form it had.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from unterm.lang.english import EN_STOP, fold
from unterm.lang.gazetteer import en_names
from unterm.termbase.model import TermType

JOINERS = frozenset({"of", "for", "and", "on"})
_FAIR_CUTS = frozenset({"of", "for", "on", "to"})
_IN_NAMES = JOINERS | {"to", "the"}  # lower-case words a name holds: Charter of the United Nations


def _and_in_name(words: list[str]) -> bool:
    """`and` inside a name joins capitalised words (Economic and Social Council, Latin
    America and the Caribbean)."""
    return all(
        words[k - 1][:1].isupper() and (words[k + 1][:1].isupper() or _the_name(words[k + 1 :]))
        for k, w in enumerate(words)
        if w.lower() == "and" and 0 < k < len(words) - 1
    )


def _the_name(words: list[str]) -> bool:
    """`the` and one capitalised word closing a name after `and` (`the Caribbean`, `the
    Pacific`); `and the Climate Investment Funds` joins two names instead."""
    return len(words) == 2 and words[0] == "the" and words[1][:1].isupper()


# Words that never start or end a term, beyond the stopwords: verbs and adverbs of UN
# drafting, pronouns, quantifiers, vague adjectives.
# fmt: off
_NOT_AT_EDGE = frozenset([
    "also", "further", "furthermore", "well", "however", "therefore", "thus", "including", "namely",
    "particular", "especially", "inter", "alia", "e.g", "i.e", "etc", "its", "their", "our", "his",
    "her", "them", "they", "we", "it", "itself", "themselves", "whose", "who", "whom", "what", "where",
    "when", "while", "whether", "if", "both", "either", "neither", "same", "various", "several", "many",
    "much", "few", "own", "new_", "relevant", "appropriate", "respective", "present", "current",
    "related", "certain", "given", "necessary", "possible", "recalls", "recalling", "reaffirms",
    "reaffirming", "reaffirmed", "welcomes", "welcoming", "notes", "noting", "noted", "recognizes",
    "recognizing", "recognized", "encourages", "encouraging", "urges", "urging", "invites", "inviting",
    "requests", "requesting", "decides", "deciding", "calls", "calling", "stresses", "stressing",
    "emphasizes", "emphasizing", "underlines", "acknowledging", "acknowledges", "expressing",
    "expresses", "taking", "takes", "looks", "forward", "aware", "concerned", "convinced", "determined",
    "mindful", "bearing", "deeply", "gravely", "take", "note", "continue", "continues", "ensure",
    "ensuring", "support", "supporting", "provide", "providing", "promote", "promoting", "strengthen",
    "strengthening", "implement", "implementing", "achieve", "achieving", "improve", "improving",
    "increase", "increasing", "help", "helping", "make", "making", "address", "addressing", "enable",
    "enabling", "based", "held", "made", "entitled", "contained", "convened", "adopted", "endorsed",
    "considered", "referred", "mentioned", "set", "out", "have", "has", "had", "do", "does", "did",
    "done", "being", "become", "becomes", "became", "according", "following", "regarding", "concerning",
    "during", "since", "because", "due",
])
# fmt: on
_TOKEN = regex.compile(r"\d{4}[–—-]\d{4}|[\p{L}\p{N}][\p{L}\p{N}’'\-/.]*[\p{L}\p{N}]|[\p{L}\p{N}]")
ACRONYM = regex.compile(r"^(?:[A-Z][A-Za-z]*-)?[A-Z]{2,}[a-z]?(?:-[A-Za-z0-9]+)*$|^[A-Z]{2,}-\d+$")
_PAREN = regex.compile(r"\(([^()]{2,80})\)")
_QUOTED = regex.compile(r"[\"“]([^\"“”]{3,120})[\"”]")


@dataclass(frozen=True, slots=True)
class Candidate:
    text: str  # as it appears
    key: str  # folded for counting: lower case, plurals off
    words: int
    type: TermType = TermType.FULL_FORM
    capitalised: bool = False


def extends_name(part: str, longer: str) -> bool:
    """Whether `longer` is `part` with only capitalised words, numbers and joiners added:
    a fuller name (`... Chief Executives Board` in `... Board for Coordination`). A name
    the longer one introduces with `the` is a name of its own (`Organization for Economic
    Cooperation and Development` in `Creditor Reporting System of the Organization ...`)."""
    if part not in longer or f"the {part}" in longer:
        return False
    rest = longer.replace(part, " ", 1).split()
    return bool(rest) and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in JOINERS | {"to", "the"} for w in rest
    )


# fmt: off
_MONTHS = frozenset([
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
])
# fmt: on


def _edge_ok(word: str) -> bool:
    low = word.lower()
    return low not in EN_STOP and low not in _NOT_AT_EDGE and not _NUMBER.fullmatch(word)


def _ends_ok(word: str) -> bool:
    """A term ends with a noun, not a participle: `internally displaced` is no term,
    `internally displaced persons` is (but `need` ends in -ed and is a noun)."""
    low = word.lower()
    return _edge_ok(word) and not (len(low) > 4 and low.endswith("ed") and not low.endswith("eed"))


_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*|\d{4}[–—-]\d{4}")
_YEAR = regex.compile(r"(?:19|20)\d\d")


def _is_boundary(word: str) -> bool:
    """Words that end a run: stop words, drafting verbs, months, symbols and dates."""
    low = word.lower()
    return (
        low in EN_STOP
        or low in _NOT_AT_EDGE
        or low in _MONTHS
        or ("/" in word and any(c.isdigit() for c in word))
    )


# a footnote marker printed as digits glued to a word: `Declaration8`, `Agreement12`
_GLUED_MARKER = regex.compile(r"(?<=\p{Ll}{2})\d{1,3}(?![\p{L}\d])")


def plain(text: str) -> str:
    """A segment's English as candidates are read from it: footnote markers glued to a
    word taken off, white space single."""
    return " ".join(_GLUED_MARKER.sub("", text).split())


def _ends_a_name(word: str, following: str) -> bool:
    """A name's possessive, which ends a noun phrase: the federal Government's | larger
    programme (but `women's rights` is a term and `People's Republic` a name)."""
    return word.endswith(("'s", "’s")) and word[:1].isupper() and not following[:1].isupper()


def _runs(text: str) -> list[list[str]]:
    """Maximal runs of term-capable words between punctuation and stop words."""
    runs: list[list[str]] = []
    text = _GLUED_MARKER.sub("", text)
    for chunk in regex.split(r"[,;:()\[\]\"“”!?]|\.(?=\s|$)|\s[–—-]\s", text):
        current: list[str] = []
        words = _TOKEN.findall(chunk)
        for k, word in enumerate(words):
            low = word.lower()
            # `to` joins only inside a name: Committee of Permanent Representatives to UN-Habitat
            name_to = (
                low == "to"
                and current
                and current[-1][:1].isupper()
                and k + 1 < len(words)
                and words[k + 1][:1].isupper()
            )
            # and `the` after a joiner inside one: Convention on the Law of the Sea, Asia and
            # the Pacific
            name_the = (
                low == "the"
                and len(current) >= 2
                and current[-1].lower() in {*_FAIR_CUTS, "and"}
                and current[-2][:1].isupper()
                and k + 1 < len(words)
                and words[k + 1][:1].isupper()
            )
            if (low in JOINERS or name_to or name_the) and current:
                current.append(word)
            elif _is_boundary(word):
                if current:
                    runs.append(current)
                current = []
            elif _ends_a_name(word, words[k + 1] if k + 1 < len(words) else ""):
                runs.append([*current, word[:-2]])
                current = []
            else:
                current.append(word)
        if current:
            runs.append(current)
    return runs


def candidates(text: str, max_words: int = 14) -> list[Candidate]:
    """All English term candidates of a segment, with repetitions (one per occurrence)."""
    out: list[Candidate] = []
    for run in _runs(text):
        n = len(run)
        caps = [w[:1].isupper() or w[:1].isdigit() for w in run]
        for i in range(n):
            # a phrase that starts or ends inside a run of capitalised words cuts a name
            # (`Executive` of `Executive Board`); of, for, on, to between them is a fair
            # cut (`Executive Board` | of UN-Habitat), `and` is not (Economic | and Social)
            if i > 0 and caps[i] and caps[i - 1] and run[i - 1].lower() not in _FAIR_CUTS:
                continue
            if i > 1 and caps[i] and run[i - 1].lower() == "and" and caps[i - 2]:
                continue
            # a year may open a name (`2030 Agenda`) and a number close one (`Goal 11`)
            year_start = _YEAR.fullmatch(run[i]) and i + 1 < n and run[i + 1][:1].isupper()
            if run[i].lower() in JOINERS or run[i] in ("to", "the") or not (_edge_ok(run[i]) or year_start):
                continue
            for j in range(i + 1, min(n, i + max_words) + 1):
                last = run[j - 1]
                number_end = _NUMBER.fullmatch(last) and j - 2 >= i and run[j - 2][:1].isupper()
                if (
                    last.lower() in JOINERS
                    or last == "to"
                    or not (_ends_ok(last) or number_end)
                    or (j - 1 == i and year_start)
                ):
                    continue
                if j < n and caps[j - 1] and caps[j] and run[j].lower() not in _FAIR_CUTS:
                    continue
                if j + 1 < n and caps[j - 1] and run[j].lower() == "and" and caps[j + 1]:
                    continue
                words = run[i:j]
                if "and" in (w.lower() for w in words) and not _and_in_name(words):
                    continue  # a coordination of two phrases, not a name
                if "the" in words and j < n and run[j].lower() not in JOINERS:
                    continue  # `... for Coordination of the United Nations` | system-wide strategy
                phrase = " ".join(words)
                if len(phrase) < 3 or _names_coordinated(words):
                    continue
                capitalised = all(w[0].isupper() or w.lower() in _IN_NAMES or w[0].isdigit() for w in words)
                kind = TermType.ACRONYM if len(words) == 1 and ACRONYM.match(phrase) else TermType.FULL_FORM
                out.append(Candidate(phrase, key(phrase), len(words), kind, capitalised))
    for m in _names_pattern().finditer(text):
        out.append(Candidate(m[0], key(m[0]), len(m[0].split()), TermType.FULL_FORM, True))
    for m in _QUOTED.finditer(text):
        title = m[1].strip()
        if title[:1].isupper():  # a quoted lower-case word is a term in use ("obligations"), not a title
            out.append(Candidate(title, key(title), len(title.split()), TermType.TITLE, True))
    return out


def key(text: str) -> str:
    """The counting key of an English term: `lang.english.fold`, except that an acronym
    is only lower-cased, its plural s (in lower case: NGOs) off, so that AIDS is never
    counted as `aid`, nor PROCEDURES as `procedure`."""
    if ACRONYM.match(text):
        return (text[:-1] if text.endswith("s") and text[-2:-1].isupper() else text).lower()
    return fold(text)


def _names_coordinated(words: list[str]) -> bool:
    """`Sudan and Chad`: two names of States joined by `and`, which is no name (but
    `Antigua and Barbuda` is one)."""
    if "and" not in words or " ".join(words) in en_names():
        return False
    k = words.index("and")
    names = en_names()
    return any(" ".join(words[i:k]) in names for i in range(k)) or any(
        " ".join(words[k + 1 : j]) in names for j in range(k + 2, len(words) + 1)
    )


@cache
def _names_pattern() -> regex.Pattern[str]:
    """The official names of States (lang.gazetteer), as whole words, longest first."""
    names = sorted(en_names(), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}\d])(?:" + "|".join(regex.escape(n) for n in names) + r")(?![\p{L}\d])")


def parentheticals(text: str) -> list[tuple[str, str]]:
    """(expansion, abbreviation) pairs such as (United Nations Human Settlements Programme,
    UN-Habitat): a bracketed acronym and the capitalised name just before it."""
    out: list[tuple[str, str]] = []
    for m in _PAREN.finditer(text):
        inner = m[1].strip()
        if not ACRONYM.match(inner) and not regex.fullmatch(r"[A-Z][\w-]*(?: [IVX]+)?", inner):
            continue
        before = text[: m.start()].rstrip()
        words = _TOKEN.findall(before)[-12:]
        name: list[str] = []
        for word in reversed(words):
            if word[0].isupper() or (word.lower() in JOINERS and name):
                name.insert(0, word)
            else:
                break
        while name and name[0].lower() in JOINERS:
            name.pop(0)
        if len(name) >= 2:
            out.append((" ".join(name), inner))
    return out
