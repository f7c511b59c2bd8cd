"""Revision fixtures: the real A/RES/77/173 Chinese against a copy with every revision of
tests/support/revisions.py made, compared once per session (with its English original)."""

from __future__ import annotations

import pytest

from tests.support.corpora import ARES
from tests.support.revisions import ares_zh
from unterm.revision import Revision, revise


@pytest.fixture(scope="session")
def ares_revision(tmp_path_factory: pytest.TempPathFactory) -> Revision:
    r = ares_zh()
    final = r.draft.write(tmp_path_factory.mktemp("final"), *r.edits().values())
    return revise(r.draft.path, final, english=ARES / "en.md")
