"""The documents link to each other and to the code by relative links that resolve: each
linked file exists, and each `#anchor` names a heading of its target as GitHub makes
heading anchors (lower case, punctuation dropped, spaces as hyphens, repeats numbered)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from tests.support.corpora import ROOT

DOCUMENTS = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "docs/benchmarks.md", "docs/how-it-works.md"]
_FENCE = regex.compile(r"^```.*?^```", regex.S | regex.M)
_LINK = regex.compile(r"\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings."""
    out: set[str] = set()
    seen: dict[str, int] = {}
    for line in _FENCE.sub("", path.read_text(encoding="utf-8")).splitlines():
        heading = regex.match(r"^#{1,6}\s+(.*)$", line)
        if not heading:
            continue
        text = regex.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", regex.sub(r"`([^`]*)`", r"\1", heading[1].strip()))
        slug = regex.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_relative_link_resolves(name: str) -> None:
    path = ROOT / name
    broken = []
    for target in _LINK.findall(_FENCE.sub("", path.read_text(encoding="utf-8"))):
        if regex.match(r"^[a-z]+:", target):
            continue  # a web address
        file, _, anchor = target.partition("#")
        dest = (path.parent / file).resolve() if file else path
        if not dest.exists():
            broken.append(f"{target}: no such file")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{target}: no heading #{anchor} in {dest.name}")
    assert broken == []


def test_the_readme_is_a_manual_of_a_readable_length() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 850 and any(line.startswith("## Contents") for line in lines[:40])
