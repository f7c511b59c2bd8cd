"""Sentence segmentation by SRX 2.0 rules, as the CAT tools cut a paragraph into segments.

An SRX file holds language rules (ordered `rule`s: a break or an exception, each a regular
expression before the break and one after it) and a map from language codes to them. At
each place in a paragraph, the first rule whose two expressions meet there decides
whether it is a break; the rules that apply to a language are those of every map entry
whose pattern matches its code (all of them where the header says `cascade="yes"` or
says nothing, as OmegaT always cascades; the first only where it says `cascade="no"`).
Matching follows OmegaT's own segmenter (org.omegat.core.segmentation.Segmenter), so that
`--srx` with OmegaT's rules gives OmegaT's segments: the expressions are Java's, `\\s`,
`\\d` and `\\w` ASCII as in Java, each rule's before-break matches found left to right
without overlap, and the segments trimmed of white space, the empty ones dropped.

Read here: SRX 2.0 (`<srx xmlns="http://www.lisa.org/srx20">`, as OmegaT, Okapi, memoQ
and LanguageTool write it) and OmegaT 3's own `segmentation.conf` (a project's
omegat/segmentation.conf, or the one in OmegaT's settings folder). Shipped (`builtin`):
`unterm`, the rules unterm cuts sentences by (align/unterm.srx), and `omegat`, OmegaT's
default rules (align/omegat.srx, a copy of the file in OmegaT.jar; align/SRX_SOURCE.txt).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import regex
from lxml import etree

from unterm.errors import InputError

SRX_NS = "http://www.lisa.org/srx20"
BUILTIN = ("unterm", "omegat")
_FLAGS = regex.V1 | regex.ASCII  # Java's \s \d \w \b are ASCII; \p{..} stays Unicode
# Java's own character classes, as the regex package spells them
_JAVA = {
    r"\p{javaLowerCase}": r"\p{Ll}",
    r"\p{javaUpperCase}": r"\p{Lu}",
    r"\p{javaWhitespace}": r"\s",
    r"\p{javaLetter}": r"\p{L}",
    r"\p{javaDigit}": r"\p{Nd}",
    r"\p{IsAlphabetic}": r"\p{Alphabetic}",
    r"\p{IsLatin}": r"\p{Latin}",
    r"\p{IsHan}": r"\p{Han}",
    r"\p{Punct}": r"[!-/:-@\[-`{-~]",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One SRX rule: a break (or, `brk` false, an exception) where `before` ends and
    `after` starts (either may be absent)."""

    brk: bool
    before: regex.Pattern[str] | None
    after: regex.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Rules:
    """The rules of one SRX file: named language rules and the map that picks them."""

    name: str  # `unterm`, `omegat`, or the file's name
    digest: str  # SHA-256 of the file, for the signature
    languages: tuple[tuple[str, tuple[Rule, ...]], ...]
    maps: tuple[tuple[regex.Pattern[str], str], ...]  # language pattern, language rule name
    cascade: bool = True

    def for_language(self, tag: str) -> tuple[Rule, ...]:
        """The rules that apply to a language (a BCP 47 tag: `en`, `zh-CN`, `EN-US`)."""
        by_name = dict(self.languages)
        out: list[Rule] = []
        for pattern, name in self.maps:
            if pattern.fullmatch(tag) or pattern.fullmatch(tag.upper().replace("_", "-")):
                out += by_name.get(name, ())
                if not self.cascade:
                    break
        return tuple(out)

    @property
    def label(self) -> str:
        """How a signature names the rules: `omegat`, or `file.srx(sha256=...)`."""
        return self.name if self.name in BUILTIN else f"{self.name}(sha256={self.digest[:16]})"


def _compile(expression: str | None, where: str) -> regex.Pattern[str] | None:
    if expression is None or expression == "":
        return None
    text = expression
    for java, ours in _JAVA.items():
        text = text.replace(java, ours)
    text = regex.sub(r"\\Q(.*?)(?:\\E|$)", lambda m: regex.escape(m[1]), text)
    # Java's inline (?u) (Unicode case) and (?U) (Unicode classes, as ICU has them):
    # the regex package has Unicode case folding already; (?U) drops the ASCII classes
    flags = _FLAGS
    unicode_classes = False

    def java_flags(m: regex.Match[str]) -> str:
        nonlocal unicode_classes
        unicode_classes = unicode_classes or "U" in m[1]
        rest = m[1].replace("u", "").replace("U", "")
        return f"(?{rest}{m[2]}" if rest or m[2] == ":" else ""

    text = regex.sub(r"\(\?([a-zA-Z]*[uU][a-zA-Z]*)([:)])", java_flags, text)
    if unicode_classes:
        flags &= ~regex.ASCII
    try:
        return regex.compile(text, flags)
    except (regex.error, ValueError) as err:
        raise InputError(
            f"{where}: the expression {expression!r} is not one unterm can use ({err})"
        ) from None


def read_srx(path: Path | str) -> Rules:
    """The rules of an SRX 2.0 file or of OmegaT 3's segmentation.conf; InputError, naming
    the file and the rule, for a file that is neither or an expression that will not compile."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    return _parse(data, path.name, str(path))


@cache
def builtin(name: str) -> Rules:
    """The rules shipped with unterm: `unterm` or `omegat`."""
    data = (files("unterm.align") / f"{name}.srx").read_bytes()
    return _parse(data, name, name)


def load(name_or_path: str) -> Rules:
    """`unterm`, `omegat`, or an SRX (or segmentation.conf) file."""
    return builtin(name_or_path) if name_or_path in BUILTIN else read_srx(name_or_path)


def _parse(data: bytes, name: str, where: str) -> Rules:
    if not data.strip():
        raise InputError(f"{where}: the file is empty")
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as err:
        raise InputError(f"{where}: is not well-formed XML ({err})") from None
    digest = hashlib.sha256(data).hexdigest()
    local = etree.QName(root).localname
    if local == "srx":
        return _parse_srx(root, name, digest, where)
    if local == "java" and root.find("object") is not None:
        return _parse_conf(root, name, digest, where)
    raise InputError(
        f"{where}: is not SRX (root element <{local}>, expected <srx> or OmegaT's segmentation.conf)"
    )


def _parse_srx(root: etree._Element, name: str, digest: str, where: str) -> Rules:
    ns = {"s": etree.QName(root).namespace or ""}
    p = "s:" if ns["s"] else ""
    header = root.find(f"{p}header", ns)
    cascade = header is None or header.get("cascade", "yes").lower() != "no"
    languages = []
    for k, lr in enumerate(root.iterfind(f"{p}body/{p}languagerules/{p}languagerule", ns), start=1):
        lname = lr.get("languagerulename") or f"rule set {k}"
        rules = []
        for n, rule in enumerate(lr.iterfind(f"{p}rule", ns), start=1):
            at = f"{where}: {lname}, rule {n}"
            rules.append(
                Rule(
                    rule.get("break", "yes").lower() != "no",
                    _compile(rule.findtext(f"{p}beforebreak", None, ns), at),
                    _compile(rule.findtext(f"{p}afterbreak", None, ns), at),
                )
            )
        languages.append((lname, tuple(rules)))
    maps = []
    for m in root.iterfind(f"{p}body/{p}maprules/{p}languagemap", ns):
        maps.append((_language_pattern(m.get("languagepattern", ""), where), m.get("languagerulename", "")))
    if not languages or not maps:
        raise InputError(f"{where}: holds no language rules or no language map")
    return Rules(name, digest, tuple(languages), tuple(maps), cascade)


def _parse_conf(root: etree._Element, name: str, digest: str, where: str) -> Rules:
    """OmegaT 3's segmentation.conf: java.beans.XMLEncoder's form of its SRX object."""

    def prop(obj: etree._Element, key: str) -> etree._Element | None:
        return obj.find(f"void[@property='{key}']")

    languages, maps = [], []
    for k, maprule in enumerate(root.iter("object"), start=1):
        if maprule.get("class") != "org.omegat.core.segmentation.MapRule":
            continue
        language = prop(maprule, "language")
        pattern = prop(maprule, "pattern")
        lname = language.findtext("string", "") if language is not None else f"rule set {k}"
        rules = []
        for n, rule in enumerate(
            maprule.iterfind(".//object[@class='org.omegat.core.segmentation.Rule']"), 1
        ):
            at = f"{where}: {lname}, rule {n}"
            before, after, brk = prop(rule, "beforebreak"), prop(rule, "afterbreak"), prop(rule, "breakRule")
            rules.append(
                Rule(
                    brk is not None and brk.findtext("boolean", "") == "true",
                    _compile(before.findtext("string", None) if before is not None else None, at),
                    _compile(after.findtext("string", None) if after is not None else None, at),
                )
            )
        languages.append((lname, tuple(rules)))
        maps.append(
            (_language_pattern(pattern.findtext("string", "") if pattern is not None else "", where), lname)
        )
    if not languages:
        raise InputError(f"{where}: holds no segmentation rules")
    return Rules(name, digest, tuple(languages), tuple(maps), True)


def _language_pattern(pattern: str, where: str) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern or ".*", regex.IGNORECASE)
    except regex.error as err:
        raise InputError(f"{where}: the language pattern {pattern!r} is not an expression ({err})") from None


_ANY = regex.compile(r".", regex.DOTALL)


def _breaks(text: str, rule: Rule) -> list[int]:
    """Where a rule meets in a text: OmegaT's Segmenter.getBreaks, step by step."""
    if rule.before is None and rule.after is None:
        return []
    after = rule.after.finditer(text) if rule.after is not None else None
    current = next(after, None) if after is not None else None
    if after is not None and current is None:
        return []
    out = []
    for m in (rule.before or _ANY).finditer(text):
        end = m.end()
        if after is None:
            out.append(end)
            continue
        assert current is not None
        while current.start() < end:
            current = next(after, None)
            if current is None:
                return out
        if current.start() == end:
            out.append(end)
    return out


def segment(text: str, rules: tuple[Rule, ...]) -> list[str]:
    """A paragraph's segments under the rules of its language (Rules.for_language): the
    first rule meeting at a place decides; each segment trimmed, none empty."""
    decided: dict[int, bool] = {}
    for rule in rules:
        for position in _breaks(text, rule):
            decided.setdefault(position, rule.brk)
    cuts = sorted(p for p, brk in decided.items() if brk and 0 < p < len(text))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return [t for t in (p.strip(_JAVA_SPACE) for p in pieces) if t]


# what Java's Character.isWhitespace calls white space, which OmegaT trims from a segment:
# the Unicode spaces except the no-break ones, and the ASCII controls for tab to separator
_JAVA_SPACE = "".join(
    c
    for c in map(
        chr,
        [
            *range(0x09, 0x0E),
            *range(0x1C, 0x21),
            0x1680,
            *range(0x2000, 0x200B),
            0x2028,
            0x2029,
            0x205F,
            0x3000,
        ],
    )
    if c not in "\u00a0\u2007\u202f"
)
