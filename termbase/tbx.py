"""TBX: TBX 2008 (`<martif>`, the default `.tbx`: the form OmegaT, translate-toolkit and
the CAT tools of TBX 2008's day import; OmegaT and translate-toolkit reject the newer form)
and TBX-Basic as ISO 30042:2019 defines it (`<tbx>`, version 3, by option).

An entry becomes a conceptEntry (termEntry) whose id is the entry id (`c0001`, a valid
XML name); its status, frequency, association, confidence and provenance are `note`s
of the form `key: value`; each term a termSec (tig) with its termType and its
administrativeStatus: the term's usage where it has one, else its entry's review state
(proposed: admitted, approved: preferred, rejected: deprecated), the one place TBX-Basic
gives a status that CAT tools filter on; the examples are `context` descriptions with their
source (`A/RES/77/173 | 9`). A title of an instrument has termType fullForm and the
note `title of an instrument`, TBX-Basic having no termType for titles. Writing and
reading check TBX-Basic against the RELAX NG grammar and the Schematron rules in schemas/.

TBX 2008 is written for the glossary pane of a CAT tool, which shows an entry's notes,
descriptions and contexts as its comment (OmegaT joins them all): one short note
(`proposed; confidence 0.999; 26 segments`), the definition, and the words around the
term in its first example, in each language (`window`); the numbers and the miner's
evidence are `admin` elements of type `x-unterm`, which the tools do not show and unterm
reads back. TBX-Basic keeps every example whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

import regex
from lxml import etree

from unterm.errors import FormatError, InputError
from unterm.lang.text import xml_safe
from unterm.termbase import schematron
from unterm.termbase.model import Entry, Example, Status, Term, Termbase, TermType, Usage

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TITLE_NOTE = "title of an instrument"
_BCP47 = regex.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_USAGE_TBX = {
    Usage.PREFERRED: "preferredTerm-admn-sts",
    Usage.ADMITTED: "admittedTerm-admn-sts",
    Usage.DEPRECATED: "deprecatedTerm-admn-sts",
    Usage.SUPERSEDED: "supersededTerm-admn-sts",
}
_TBX_USAGE = {v: k for k, v in _USAGE_TBX.items()}
# TBX-Basic has no data category for review state, and CAT tools filter terms on
# administrativeStatus: a term with no usage of its own carries its entry's review state
# there (a proposed term is admitted, an approved one preferred, a rejected one
# deprecated); the state itself is kept in a note too.
_STATUS_USAGE = {
    Status.PROPOSED: Usage.ADMITTED,
    Status.APPROVED: Usage.PREFERRED,
    Status.REJECTED: Usage.DEPRECATED,
}


def schema_path(name: str) -> Path:
    return Path(str(files("unterm.termbase.schemas") / name))


def check_tag(tag: str) -> str:
    """A BCP 47 language tag, written with a hyphen (zh-CN, never zh_CN)."""
    if "_" in tag:
        raise FormatError(f"language tag {tag!r}: BCP 47 tags use a hyphen ({tag.replace('_', '-')})")
    if not _BCP47.match(tag):
        raise FormatError(f"language tag {tag!r} is not a BCP 47 tag such as en or zh-CN")
    return tag


def _notes(entry: Entry) -> list[str]:
    out = [f"status: {entry.status.value}"]
    if entry.frequency:
        out.append(f"frequency: {entry.frequency}")
    if entry.association:
        out.append(f"association: {entry.association:.3f}")
    if entry.confidence:
        out.append(f"confidence: {entry.confidence:.3f}")
    if entry.known:
        out.append("known: yes")
    if entry.note:
        out.append(f"note: {entry.note}")
    return out


def _summary(entry: Entry) -> str:
    """The one note a CAT tool shows of an entry: its review state and how sure it is."""
    out = [entry.status.value]
    if entry.confidence:
        out.append(f"confidence {entry.confidence:.3f}")
    if entry.frequency:
        out.append(f"{entry.frequency} segment{'s' if entry.frequency != 1 else ''}")
    if entry.known:
        out.append("in the termbase merged")
    return "; ".join(out)


_ADMIN = "x-unterm"  # TBX 2008: what unterm reads back and a CAT tool need not show
# how much of an example a CAT tool's comment shows on each side of the term (characters)
_WINDOW = {"en": 60, "zh": 24}


def window(text: str, terms: tuple[Term, ...], side: str) -> str:
    """The part of an example around its term that a glossary comment shows: the words
    within a few dozen characters of the first term found, `…` where it is cut."""
    width = _WINDOW[side]
    low = text.lower()
    found = [(low.find(t.text.lower()), len(t.text)) for t in terms if t.text and t.text.lower() in low]
    start, length = min(found) if found else (0, 0)
    a, b = max(0, start - width), min(len(text), start + length + width)
    if side == "en":  # whole words
        while 0 < a < start and not text[a - 1].isspace():
            a += 1
        while start + length < b < len(text) and not text[b].isspace():
            b -= 1
    return f"{'…' if a > 0 else ''}{text[a:b].strip()}{'…' if b < len(text) else ''}"


def _source(example: Example) -> str:
    return example.source


def _xml_safe(termbase: Termbase) -> Termbase:
    """The termbase with every text as XML can hold it (lang.text.xml_safe)."""

    def terms(ts: tuple[Term, ...]) -> tuple[Term, ...]:
        return tuple(replace(t, text=xml_safe(t.text)) for t in ts)

    def example(x: Example) -> Example:
        return Example(xml_safe(x.zh), xml_safe(x.en), xml_safe(x.document), xml_safe(x.key))

    entries = tuple(
        replace(
            e,
            zh=terms(e.zh),
            en=terms(e.en),
            examples=tuple(map(example, e.examples)),
            definition=xml_safe(e.definition),
            note=xml_safe(e.note),
            source=xml_safe(e.source),
        )
        for e in termbase.entries
    )
    return replace(termbase, entries=entries, signature=xml_safe(termbase.signature))


def to_tbx(termbase: Termbase, *, zh_tag: str = "zh-CN", en_tag: str = "en", version: int = 3) -> bytes:
    """A termbase as TBX-Basic (version 3, ISO 30042:2019) or TBX 2008 (version 2)."""
    zh_tag, en_tag = check_tag(zh_tag), check_tag(en_tag)
    termbase = _xml_safe(termbase)
    if version not in (2, 3):
        raise FormatError(f"TBX version {version}: unterm writes 3 (ISO 30042:2019) or 2 (TBX 2008)")
    v3 = version == 3
    ns = f"{{{TBX_NS}}}" if v3 else ""
    if v3:
        root = etree.Element(f"{ns}tbx", nsmap={None: TBX_NS})  # type: ignore[dict-item]  # lxml takes None for the default namespace
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
        header = etree.SubElement(root, f"{ns}tbxHeader")
    else:
        root = etree.Element("martif", type="TBX")
        header = etree.SubElement(root, "martifHeader")
    root.set(XML_LANG, en_tag)
    file_desc = etree.SubElement(header, f"{ns}fileDesc")
    title = etree.SubElement(etree.SubElement(file_desc, f"{ns}titleStmt"), f"{ns}title")
    title.text = "Chinese-English UN terminology mined by unterm"
    source = etree.SubElement(file_desc, f"{ns}sourceDesc")
    etree.SubElement(source, f"{ns}p").text = termbase.signature or "unterm"
    body = etree.SubElement(etree.SubElement(root, f"{ns}text"), f"{ns}body")
    for entry in termbase.entries:
        concept = etree.SubElement(body, f"{ns}conceptEntry" if v3 else "termEntry", id=entry.id)
        if entry.definition:
            etree.SubElement(concept, f"{ns}descrip", type="definition").text = entry.definition
        if entry.source:
            etree.SubElement(concept, f"{ns}admin", type="source").text = entry.source
        if v3:
            for note in _notes(entry):
                etree.SubElement(concept, f"{ns}note").text = note
        else:
            etree.SubElement(concept, "note").text = _summary(entry)
            for note in _notes(entry):
                etree.SubElement(concept, "admin", type=_ADMIN).text = note
        for tag, terms, side in ((en_tag, entry.en, "en"), (zh_tag, entry.zh, "zh")):
            lang = etree.SubElement(concept, f"{ns}langSec" if v3 else "langSet")
            lang.set(XML_LANG, tag)
            for k, term in enumerate(terms):
                sec = etree.SubElement(lang, f"{ns}termSec" if v3 else "tig")
                etree.SubElement(sec, f"{ns}term").text = term.text
                kind = TermType.FULL_FORM if term.type is TermType.TITLE else term.type
                etree.SubElement(sec, f"{ns}termNote", type="termType").text = kind.value
                usage = term.usage or _STATUS_USAGE[entry.status]
                etree.SubElement(sec, f"{ns}termNote", type="administrativeStatus").text = _USAGE_TBX[usage]
                if k == 0:  # the examples go with the main term (TBX 2008: the first)
                    for example in entry.examples if v3 else entry.examples[:1]:
                        text = example.en if side == "en" else example.zh
                        text = text if v3 else window(text, terms, side)
                        if v3:
                            group = etree.SubElement(sec, f"{ns}descripGrp")
                            etree.SubElement(group, f"{ns}descrip", type="context").text = text
                            etree.SubElement(group, f"{ns}admin", type="source").text = _source(example)
                        else:
                            etree.SubElement(sec, "descrip", type="context").text = text
                            etree.SubElement(sec, "admin", type="source").text = _source(example)
                if term.type is TermType.TITLE:
                    etree.SubElement(sec, f"{ns}note").text = TITLE_NOTE
    etree.indent(root, space=" ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tbx(
    termbase: Termbase, out: BinaryIO, *, zh_tag: str = "zh-CN", en_tag: str = "en", version: int = 3
) -> None:
    """Write a termbase as TBX; TBX-Basic is checked against the RELAX NG grammar and the
    Schematron rules first, and a file they reject is a FormatError, never written."""
    data = to_tbx(termbase, zh_tag=zh_tag, en_tag=en_tag, version=version)
    if version == 3:
        errors = validation_errors(data)
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise FormatError(f"the TBX-Basic written would not be valid: {errors[0]}{more}")
    out.write(data)


def validation_errors(data: bytes) -> list[str]:
    """Why a TBX-Basic file fails the RELAX NG grammar or the Schematron rules (empty: valid)."""
    try:
        doc = etree.fromstring(data)
    except etree.XMLSyntaxError as err:
        return [f"not well-formed XML: {err}"]
    rng = etree.RelaxNG(etree.parse(str(schema_path("TBXcoreStructV03.rng"))))
    errors = []
    if not rng.validate(doc):
        errors += [f"line {e.line}: {e.message} (RELAX NG)" for e in rng.error_log]
    errors += [f"{f} (Schematron)" for f in schematron.validate(data, schema_path("TBX-Basic_DCA.sch"))]
    return errors


def read_tbx(path: Path) -> Termbase:
    """A termbase from TBX-Basic (validated) or TBX 2008."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as err:
        raise InputError(f"{path}: is not well-formed XML ({err})") from None
    local = etree.QName(root).localname
    if local == "tbx" and etree.QName(root).namespace == TBX_NS:
        errors = validation_errors(data)
        if errors:
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise InputError(f"{path}: is not valid TBX-Basic: {errors[0]}{more}")
        ns = f"{{{TBX_NS}}}"
        concepts = root.iter(f"{ns}conceptEntry")
        lang_name, term_name = f"{ns}langSec", f"{ns}termSec"
    elif local == "martif":
        ns = ""
        concepts = root.iter("termEntry")
        lang_name, term_name = "langSet", "tig"
    else:
        raise InputError(f"{path}: is not TBX (root element <{local}>, expected <tbx> or <martif>)")
    default_lang = root.get(XML_LANG, "en")
    return Termbase(tuple(_entry(c, ns, lang_name, term_name, default_lang, path) for c in concepts))


def _lang_side(tag: str) -> str:
    low = tag.lower()
    return "zh" if low.startswith("zh") else "en" if low.startswith("en") else ""


def _entry(
    concept: etree._Element, ns: str, lang_name: str, term_name: str, default: str, path: Path
) -> Entry:
    fields: dict[str, str] = {}
    extra_notes: list[str] = []
    admins = concept.findall(f"admin[@type='{_ADMIN}']") if not ns else []
    for note in [*concept.findall(f"{ns}note"), *admins]:
        key, sep, value = (note.text or "").partition(": ")
        if sep and key in ("status", "frequency", "association", "confidence", "known", "note"):
            fields[key] = value
        elif not (admins and note.tag == "note"):  # (the summary a CAT tool shows)
            extra_notes.append(note.text or "")
    try:
        status = Status(fields.get("status", Status.APPROVED.value))
    except ValueError as err:
        raise InputError(f"{path}: entry {concept.get('id')!r}: {err}") from None
    terms: dict[str, list[Term]] = {"zh": [], "en": []}
    contexts: dict[str, list[tuple[str, str]]] = {"zh": [], "en": []}
    for lang in concept.iter(lang_name):
        side = _lang_side(lang.get(XML_LANG, default))
        if not side:
            continue
        for sec in lang.iter(term_name):
            text = (sec.findtext(f"{ns}term") or "").strip()
            if not text:
                continue
            kind = TermType.FULL_FORM
            usage = None
            for tn in sec.findall(f"{ns}termNote"):
                if tn.get("type") == "termType" and tn.text in {t.value for t in TermType}:
                    kind = TermType(tn.text)
                elif tn.get("type") == "administrativeStatus":
                    usage = _TBX_USAGE.get(tn.text or "")
                    usage = None if usage is _STATUS_USAGE[status] else usage  # the review state
            if any(n.text == TITLE_NOTE for n in sec.findall(f"{ns}note")):
                kind = TermType.TITLE
            terms[side].append(Term(text, kind, usage))
            contexts[side] += _contexts(sec, ns)
    if not terms["zh"] and not terms["en"]:
        raise InputError(f"{path}: entry {concept.get('id')!r} has no Chinese or English term")
    examples = tuple(
        Example(zh, en, *(_split_source(source)))
        for (zh, source), (en, _) in zip(contexts["zh"], contexts["en"], strict=False)
    )
    definition = concept.findtext(f"{ns}descrip[@type='definition']") or ""
    try:
        return Entry(
            id=concept.get("id") or "",
            zh=tuple(terms["zh"]),
            en=tuple(terms["en"]),
            frequency=int(fields.get("frequency", 0)),
            association=float(fields.get("association", 0)),
            confidence=float(fields.get("confidence", 0)),
            examples=examples,
            status=status,
            definition=definition,
            note="; ".join(([fields["note"]] if "note" in fields else []) + extra_notes),
            source=concept.findtext(f"{ns}admin[@type='source']") or "",
            known=fields.get("known") == "yes",
        )
    except ValueError as err:
        raise InputError(f"{path}: entry {concept.get('id')!r}: {err}") from None


def _contexts(sec: etree._Element, ns: str) -> list[tuple[str, str]]:
    out = []
    groups: Iterable[etree._Element] = sec.findall(f"{ns}descripGrp") or [sec]
    for group in groups:
        texts = [d.text or "" for d in group.findall(f"{ns}descrip[@type='context']")]
        sources = [a.text or "" for a in group.findall(f"{ns}admin[@type='source']")]
        out += list(zip(texts, sources + [""] * (len(texts) - len(sources)), strict=False))
    return out


def _split_source(source: str) -> tuple[str, str]:
    document, _, key = source.partition(" | ")
    return document, key
