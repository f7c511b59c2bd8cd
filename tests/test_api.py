"""The public API: the README's "Using from Python" examples run as written, and
`help(unterm)` shows the functions."""

from __future__ import annotations

import doctest
import os
import pydoc

import pytest

import unterm
from tests.support.corpora import ROOT


def test_the_readme_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert result.attempted >= 15 and result.failed == 0


def test_help_shows_the_api() -> None:
    text = pydoc.plain(pydoc.render_doc(unterm))
    for name in ("read(", "align(", "mine_terms(", "check(", "write(", "read_termbase("):
        assert name in text
    assert set(unterm.__all__) <= set(dir(unterm))


def test_documents_can_be_given_instead_of_paths() -> None:
    zh = unterm.read(ROOT / "corpora" / "A_RES_77_173" / "zh.md")
    en = unterm.read(ROOT / "corpora" / "A_RES_77_173" / "en.md")
    assert [(p.zh, p.en) for p in unterm.align(zh, en)] == [
        (p.zh, p.en) for p in unterm.align(zh.path, en.path)
    ]
    with pytest.raises(unterm.MismatchError, match="wrong order"):
        unterm.align(en, zh)
    with pytest.raises(unterm.FormatError, match="level 'word'"):
        unterm.align(zh, en, level="word")  # type: ignore[arg-type]
    assert os.path.exists(zh.path)
