"""Mutations of the real corpora, and the property every run of unterm must have on them:
done with well-formed outputs, or one line naming the input and status 3; never a
crash, a traceback or a half-written file. Used by tests/test_fuzz.py (a few hundred
examples) and bench/fuzz.py (thousands)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from tests.support.corpora import ARES, CORPORA

_SOURCES = {
    "ares": (ARES / "zh.md", ARES / "en.md"),
    "ga": (CORPORA / "un_ga_55_100_sample" / "UN.en-zh.zh", CORPORA / "un_ga_55_100_sample" / "UN.en-zh.en"),
}
_LINES = {
    name: tuple(p.read_text(encoding="utf-8").split("\n") for p in pair) for name, pair in _SOURCES.items()
}

# what real inputs carry that a reader must survive
_ODD = [
    "\x0b",
    "\ufffe",
    "\x00",
    "\x1b[31m",
    "\f",
    "\r",
    "\u3000\u3000",
    "<sup>7</sup>",
    "**",
    "[A/77/444](#)",
    "1" * 5000,
    "第" + "一" * 50 + "条",
    '=HYPERLINK("http://x.example")',
    "@SUM(A1:A9)",
    "2001-20107",
    "《",
    "）",
    "__________________",
    "22-28633 (C)",
    "Article 3",
    "第三条",
    "(a)",
    "1.",
    "\ud800",
]


@dataclass(frozen=True)
class Case:
    """Two files' bytes, made from a window of a real pair with mutations."""

    zh: bytes
    en: bytes
    description: str


@st.composite
def cases(draw: st.DrawFn) -> Case:
    name = draw(st.sampled_from(sorted(_LINES)))
    zh_lines, en_lines = (list(x) for x in _LINES[name])
    start = draw(st.integers(0, max(0, min(len(zh_lines), len(en_lines)) - 5)))
    size = draw(st.integers(3, 60))
    sides = [zh_lines[start : start + size], en_lines[start : start + size]]
    steps = []
    for _ in range(draw(st.integers(0, 6))):
        side = draw(st.integers(0, 1))
        lines = sides[side]
        if not lines:
            continue
        k = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "repeat", "insert", "swap", "cut", "join", "shuffle"]))
        if op == "delete":
            del lines[k]
        elif op == "repeat":
            lines[k:k] = lines[k : k + draw(st.integers(1, 20))] * draw(st.integers(1, 8))
        elif op == "insert":
            odd = draw(st.sampled_from(_ODD))
            at = draw(st.integers(0, len(lines[k])))
            lines[k] = lines[k][:at] + odd + lines[k][at:]
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[k], lines[j] = lines[j], lines[k]
        elif op == "cut":
            lines[k] = lines[k][: draw(st.integers(0, len(lines[k])))]
        elif op == "join":
            sides[side] = [" ".join(lines)]
        else:
            sides[side] = draw(st.permutations(lines))
        steps.append(f"{'zh' if side == 0 else 'en'}:{op}@{k}")
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "gb18030"]))
    blobs = [
        "\n".join(lines).encode(code, "surrogatepass" if code.startswith("utf") else "replace")
        for lines, code in zip(sides, (encoding, "utf-8"), strict=True)
    ]
    if draw(st.booleans()) and draw(st.booleans()):
        blobs[draw(st.integers(0, 1))] = draw(st.binary(max_size=200))  # not text at all
    return Case(blobs[0], blobs[1], f"{name}[{start}:{start + size}] {encoding} {' '.join(steps)}")


def well_formed(path: Path) -> None:
    """Raise unless the file is whole: XML parses, a workbook opens, JSON loads."""
    data = path.read_bytes()
    if path.suffix in (".tmx", ".tbx"):
        ET.parse(io.BytesIO(data))
    elif path.suffix == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for name in package.namelist():
                if name.endswith(".xml"):
                    ET.fromstring(package.read(name))
    elif path.suffix == ".json":
        import json

        json.loads(data.decode("utf-8"))
    else:
        data.decode("utf-8-sig")


def run_case(case: Case, folder: Path, commands: tuple[str, ...] = ("align", "qa")) -> list[str]:
    """Run unterm's commands on a case, in this process, and return what breaks the
    property (empty: it holds)."""
    from typer.testing import CliRunner

    from unterm.cli import app

    zh, en = folder / "zh.txt", folder / "en.txt"
    zh.write_bytes(case.zh)
    en.write_bytes(case.en)
    problems = []
    runs: dict[str, list[tuple[str, ...]]] = {
        "align": [
            ("align", str(zh), str(en), "-o", str(folder / "a.tmx")),
            ("align", str(zh), str(en), "-o", str(folder / "a.xlsx")),
        ],
        "sentence": [("align", str(zh), str(en), "--level", "sentence", "-o", str(folder / "s.json"))],
        "qa": [("qa", str(zh), str(en), "--no-consistency", "-o", str(folder / "r.html"))],
        "terms": [("terms", str(zh), str(en), "-o", str(folder / "t.tbx"))],
    }
    for command in commands:
        for args in runs[command]:
            out = Path(args[-1])
            out.unlink(missing_ok=True)
            result = CliRunner().invoke(app, list(args), catch_exceptions=True)
            status = result.exit_code
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                problems.append(f"{args[0]}: {type(result.exception).__name__}: {result.exception}")
            elif status in (0, 1):
                try:
                    well_formed(out)
                except Exception as err:
                    problems.append(f"{args[0]} {out.suffix}: not well-formed: {err}")
            elif status == 3:
                if result.stderr.count("\n") != 1 or not result.stderr.startswith("unterm: "):
                    problems.append(f"{args[0]}: not one line: {result.stderr[:200]!r}")
                if out.exists():
                    problems.append(f"{args[0]}: an output was left after a failure")
            else:
                problems.append(f"{args[0]}: status {status}: {result.stderr[:300]!r}")
            if "Traceback" in result.stderr:
                problems.append(f"{args[0]}: a traceback")
    return problems
