"""The document pairs of a corpus: found in a folder, or listed in a file.

In a folder, at any depth, a pair is
- `NAME.zh.EXT` beside `NAME.en.EXT` (or `NAME_zh.EXT` beside `NAME_en.EXT`): its name is
  NAME, with the folders above it;
- `zh/NAME.EXT` and `en/NAME.EXT` in sibling folders `zh` and `en`: its name is NAME;
- `zh.EXT` beside `en.EXT`, a folder per document (`A_RES_77_173/zh.md`): its name is
  the folder's (the folder given may be one document).
A Moses corpus (`PREFIX.zh` and `PREFIX.en` beside `PREFIX.ids`, what `unterm align
DIR -o PREFIX.zh` writes) is an output, not a pair, so a rerun into the same folder
does not read it back. A list file holds a pair a line, `ZH<TAB>EN` (relative to the list's folder); `#` starts
a comment. Files that look like one side of a pair but have no partner are listed as
unpaired, so that a run can say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import regex

from unterm.errors import InputError

_MARKED = regex.compile(r"^(?P<name>.+?)(?P<sep>[._])(?P<lang>zh|en)(?P<ext>\.[^.]+)?$")


@dataclass(frozen=True, slots=True)
class Pair:
    """One document's Chinese and English files, and its name (its id in corpus outputs)."""

    name: str
    zh: Path
    en: Path

    def older_than(self, out: Path) -> bool:
        """Whether `out` exists and is newer than both files: a folder run's output that
        is up to date (a rerun skips it)."""
        try:
            return out.stat().st_mtime_ns >= max(self.zh.stat().st_mtime_ns, self.en.stat().st_mtime_ns)
        except OSError:
            return False


@dataclass(frozen=True, slots=True)
class Pairing:
    """The pairs of a corpus, in name order, and the files with no partner."""

    pairs: tuple[Pair, ...]
    unpaired: tuple[Path, ...]


def find_pairs(folder: Path) -> Pairing:
    """Every pair below a folder (see the module docstring)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    pairs: dict[str, Pair] = {}
    sides: set[Path] = set()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not _hidden(p, folder))
    for path in files:
        found = _partner(path, folder)
        if found is None:
            continue
        name, zh, en = found
        sides.update((zh, en))
        if en.is_file() and zh.is_file() and name not in pairs:
            pairs[name] = Pair(name, zh, en)
    paired = {p for pair in pairs.values() for p in (pair.zh, pair.en)}
    unpaired = tuple(sorted(p for p in sides if p.is_file() and p not in paired))
    return Pairing(tuple(pairs[k] for k in sorted(pairs)), unpaired)


def _hidden(path: Path, top: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(top).parts)


def _partner(path: Path, top: Path) -> tuple[str, Path, Path] | None:
    """(name, zh, en) for a file that is one side of a pair in one of the layouts."""
    parent = path.parent
    if path.stem in ("zh", "en"):  # a folder per document (the folder given may be one)
        other = "en" if path.stem == "zh" else "zh"
        partner = next(
            (p for p in sorted(parent.glob(f"{other}.*")) if p.is_file()), parent / f"{other}{path.suffix}"
        )
        zh, en = (path, partner) if path.stem == "zh" else (partner, path)
        return (parent.relative_to(top).as_posix() if parent != top else top.resolve().name), zh, en
    if parent.name in ("zh", "en") and parent != top:  # zh/NAME.EXT and en/NAME.EXT
        sibling = parent.parent / ("en" if parent.name == "zh" else "zh")
        partner = next(
            (p for p in sorted(sibling.glob(f"{path.stem}.*")) if p.is_file()), sibling / path.name
        )
        zh, en = (path, partner) if parent.name == "zh" else (partner, path)
        name = (parent.parent / path.stem).relative_to(top).as_posix()
        return name, zh, en
    m = _MARKED.match(path.name)
    if m and not m["ext"] and (parent / f"{m['name']}.ids").is_file():
        return None  # a Moses corpus (PREFIX.zh, PREFIX.en, PREFIX.ids), as a corpus run writes it
    if m:  # NAME.zh.EXT beside NAME.en.EXT
        other = "en" if m["lang"] == "zh" else "zh"
        partner = parent / f"{m['name']}{m['sep']}{other}{m['ext'] or ''}"
        zh, en = (path, partner) if m["lang"] == "zh" else (partner, path)
        return (parent / m["name"]).relative_to(top).as_posix(), zh, en
    return None


def read_list(path: Path) -> Pairing:
    """The pairs a list file names, a line each: `ZH<TAB>EN`, relative to its folder."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot be read as a list of pairs ({err})") from None
    pairs = []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise InputError(f"{path}: line {n}: expected ZH<TAB>EN, found {len(fields)} field(s)")
        zh, en = (path.parent / f.strip() for f in fields)
        pairs.append(Pair(_common_name(zh, en, path.parent), zh, en))
    if not pairs:
        raise InputError(f"{path}: lists no pairs (a line each: ZH<TAB>EN)")
    return Pairing(tuple(pairs), ())


def is_list(path: Path) -> bool:
    """Whether a file is a list of pairs rather than a document: every line that is not
    blank or a comment is two tab-separated names of existing files."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and all(
        len(f := line.split("\t")) == 2 and all((path.parent / x.strip()).is_file() for x in f)
        for line in lines
    )


def _common_name(zh: Path, en: Path, top: Path) -> str:
    """A pair's name from its two files: what their names share, less the language marks."""
    for path in (zh, en):
        m = _MARKED.match(path.name)
        if m:
            return (
                (path.parent / m["name"]).relative_to(top).as_posix()
                if path.is_relative_to(top)
                else m["name"]
            )
    if zh.stem in ("zh", "en"):
        return zh.parent.name
    return zh.stem
