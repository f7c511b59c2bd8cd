"""How an output was made, as one value: the command, its settings, its inputs, the
libraries it used, and unterm's version last (after sacrebleu's `Signature`).

Every output that says how it was made (a TMX header, a TBX `sourceDesc`, a workbook's
`about` sheet, an alignment or revision JSON, a report page) writes `str(signature)`:

    command:align|level:paragraph|length:c=1.13,s2=6.8,sd0=0.45|zh:zh.md(markdown,utf-8,sha256=3f2a…)|…|version:0.1.0

Inputs are named by their file name and the SHA-256 of their bytes (the first 16 hex
digits), never by the path as typed: the same files give the same signature, and so
the same output bytes, from any folder. `Signature.parse` reads the text back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from urllib.parse import unquote

from unterm.version import __version__

DIGITS = 16  # hex digits of SHA-256 kept: 64 bits tell apart any two files a user will meet
# what no value holds as itself: the escape, the field separator and line breaks; each
# part of the grammar adds its own separators
_ALWAYS = "%|\t\n\r"


def digest(data: bytes) -> str:
    """The content hash an input is known by: the first DIGITS hex digits of SHA-256."""
    return hashlib.sha256(data).hexdigest()[:DIGITS]


def file_name(path: str) -> str:
    """A path's last part, as this system splits paths (a POSIX name may hold a backslash)."""
    return PurePath(path).name or path


def _quote(text: str, separators: str = "") -> str:
    return text.translate({ord(c): f"%{ord(c):02X}" for c in _ALWAYS + separators})


@dataclass(frozen=True, slots=True)
class Input:
    """One input file: its part in the run (`zh`, `en`, `draft`, `final`, `from`), its
    file name, how it was read (format and encoding, where it matters) and its hash."""

    role: str
    name: str
    sha256: str = ""
    how: tuple[str, ...] = ()

    def __str__(self) -> str:
        inside = [*(_quote(h, ",()") for h in self.how), *([f"sha256={self.sha256}"] if self.sha256 else [])]
        head = f"{_quote(self.role, ':')}:{_quote(self.name, '()')}"
        return head + (f"({','.join(inside)})" if inside else "")

    @staticmethod
    def parse(role: str, value: str) -> Input:
        name, paren, rest = value.partition("(")
        if not paren:
            return Input(unquote(role), unquote(name))
        parts = rest.removesuffix(")").split(",") if rest.removesuffix(")") else []
        sha = next((p.removeprefix("sha256=") for p in parts if p.startswith("sha256=")), "")
        how = tuple(unquote(p) for p in parts if not p.startswith("sha256="))
        return Input(unquote(role), unquote(name), sha, how)


@dataclass(frozen=True, slots=True)
class Signature:
    """A run's settings, inputs and libraries, formatted one way and readable back."""

    command: str
    settings: tuple[tuple[str, str], ...] = ()
    inputs: tuple[Input, ...] = ()
    libraries: tuple[tuple[str, str], ...] = ()
    version: str = field(default=__version__)

    def __str__(self) -> str:
        fields = [f"command:{_quote(self.command)}"]
        fields += [f"{_quote(k, ':')}:{_quote(v)}" for k, v in self.settings]
        fields += [f"input.{i}" for i in self.inputs]
        if self.libraries:
            fields.append(
                "libraries:" + ",".join(f"{_quote(n, ',=')}={_quote(v, ',=')}" for n, v in self.libraries)
            )
        fields.append(f"version:{_quote(self.version)}")
        return "|".join(fields)

    def with_inputs(self, *more: Input) -> Signature:
        """The same run with more inputs named (the reviewed file a memory was read from)."""
        return replace(self, inputs=(*self.inputs, *more))

    def setting(self, key: str) -> str:
        """One setting's value, or empty."""
        return dict(self.settings).get(key, "")

    @classmethod
    def parse(cls, text: str) -> Signature | None:
        """A signature read back from its text; None for text that is not one (a file
        made by an older unterm or by hand)."""
        fields = text.strip().split("|")
        if len(fields) < 2 or not fields[0].startswith("command:") or not fields[-1].startswith("version:"):
            return None
        settings: list[tuple[str, str]] = []
        inputs: list[Input] = []
        libraries: tuple[tuple[str, str], ...] = ()
        for f in fields[1:-1]:
            key, colon, value = f.partition(":")
            if not colon:
                return None
            if key.startswith("input."):
                inputs.append(Input.parse(key.removeprefix("input."), value))
            elif key == "libraries":
                pairs = [p.partition("=") for p in value.split(",") if p]
                libraries = tuple((unquote(n), unquote(v)) for n, _, v in pairs)
            else:
                settings.append((unquote(key), unquote(value)))
        return cls(
            unquote(fields[0].removeprefix("command:")),
            tuple(settings),
            tuple(inputs),
            libraries,
            unquote(fields[-1].removeprefix("version:")),
        )


def library_versions(*names: str) -> tuple[tuple[str, str], ...]:
    """The installed versions of some distributions, in the order given."""
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in names:
        try:
            out.append((name, version(name)))
        except PackageNotFoundError:
            out.append((name, "none"))
    return tuple(out)
