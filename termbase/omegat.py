"""OmegaT's glossary: `source<TAB>target<TAB>comment`, English to Chinese, a line per pair
of terms, UTF-8.

OmegaT loads a glossary by its extension: `.utf8` (always read as UTF-8), `.txt` and
`.tab` (OmegaT 3.6 guesses the encoding; the current manual says UTF-8 for `.txt`); it
ignores `.tsv` (3.6) or reads it in the system's encoding (later versions), so unterm
writes glossaries as NAME.utf8 or NAME.txt and refuses NAME.tsv (files.py).

The comment is short, a readable `key: value` list, fields separated by ` ¦ `: the entry
id, the terms' types, the review status and the numbers, from which the entry is rebuilt
when the glossary is read back (`--merge`); examples, notes and definitions stay in the
TBX, CSV and XLSX. A first line starting with `#`, which OmegaT skips, says how the
glossary was made.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from unterm.documents.decode import decode, read_bytes
from unterm.errors import InputError
from unterm.termbase.model import Entry, Example, Status, Term, Termbase, TermType, Usage

_SEP = " ¦ "


def _comment(entry: Entry, en: Term, zh: Term) -> str:
    fields = [
        f"id: {entry.id}",
        f"types: {en.type.value}/{zh.type.value}",
        f"status: {entry.status.value}",
        f"confidence: {entry.confidence:.3f}",
        f"frequency: {entry.frequency}",
        f"association: {entry.association:.3f}",
    ]
    if en.usage or zh.usage:
        fields.append(f"usage: {en.usage.value if en.usage else ''}/{zh.usage.value if zh.usage else ''}")
    if entry.known:
        fields.append("known: yes")
    return _SEP.join(fields)


def _field(text: str) -> str:
    """A term as one glossary field: no tab or line break inside."""
    return " ".join(text.split())


def write_omegat(termbase: Termbase, out: BinaryIO) -> None:
    """OmegaT glossary: a line per pair of terms (an entry's k-th English with its k-th
    Chinese; left-over synonyms pair with the main term of the other language)."""
    lines = [
        f"# unterm glossary, English to Chinese -*- coding: utf-8 -*- {_field(termbase.signature)}".rstrip()
    ]
    for entry in termbase.entries:
        for k in range(max(len(entry.en), len(entry.zh))):
            en = entry.en[min(k, len(entry.en) - 1)] if entry.en else Term("")
            zh = entry.zh[min(k, len(entry.zh) - 1)] if entry.zh else Term("")
            lines.append(f"{_field(en.text)}\t{_field(zh.text)}\t{_comment(entry, en, zh)}")
    out.write(("\n".join(lines) + "\n").encode("utf-8"))


def _fields(comment: str) -> tuple[dict[str, str], list[Example]]:
    """The `key: value` fields of a comment, and its examples (which glossaries of earlier
    versions held)."""
    fields: dict[str, str] = {}
    examples: list[Example] = []
    for f in comment.split(_SEP) if comment else []:
        key, _, value = f.partition(": ")
        if key == "example":
            pair, _, source = value.rpartition(" ⟨")
            ex_en, _, ex_zh = pair.partition(" ⇔ ")
            document, _, key_ = source.rstrip("⟩").partition(" | ")
            examples.append(Example(ex_zh, ex_en, document, key_))
        else:
            fields[key] = value
    return fields, examples


def _line_entry(en: str, zh: str, comment: str, number: int) -> Entry:
    """The entry one glossary line gives (ValueError for a bad field)."""
    fields, examples = _fields(comment)
    en_type, _, zh_type = fields.get("types", "fullForm/fullForm").partition("/")
    en_use, _, zh_use = fields.get("usage", "/").partition("/")
    return Entry(
        fields.get("id") or f"c{number:04d}",
        (Term(zh, TermType(zh_type or "fullForm"), Usage(zh_use) if zh_use else None),),
        (Term(en, TermType(en_type or "fullForm"), Usage(en_use) if en_use else None),),
        int(fields.get("frequency", 0)),
        float(fields.get("association", 0)),
        float(fields.get("confidence", 0)),
        tuple(examples),
        Status(fields.get("status", "approved")),
        fields.get("definition", ""),
        fields.get("note", ""),
        fields.get("source", ""),
        fields.get("known") == "yes",
    )


def read_omegat(path: Path) -> Termbase:
    """A glossary OmegaT reads (any source<TAB>target[<TAB>comment] file); lines of one
    entry (the same `id:` in their comments) are its synonyms again."""
    text, _ = decode(read_bytes(path), path)  # UTF-8, UTF-16 with its mark, GBK, Big5
    entries: dict[str, Entry] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise InputError(f"{path}: line {n}: expected source<TAB>target[<TAB>comment], found one field")
        try:
            entry = _line_entry(
                parts[0].strip(), parts[1].strip(), parts[2] if len(parts) > 2 else "", len(entries) + 1
            )
        except ValueError as err:
            raise InputError(f"{path}: line {n}: {err}") from None
        if entry.id in entries:
            e = entries[entry.id]
            zh, en = entry.zh[0], entry.en[0]
            entry = replace(
                e, zh=e.zh + ((zh,) if zh not in e.zh else ()), en=e.en + ((en,) if en not in e.en else ())
            )
        entries[entry.id] = entry
    return Termbase(tuple(entries.values()))
