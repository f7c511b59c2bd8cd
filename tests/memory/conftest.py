"""Memories of bundled corpora, made once for the tests of memory/: three documents
aligned from their files, and the UNPC development set's 4,000 sentence pairs from
JSON Lines (as `unterm align DIR -o corpus.jsonl` writes a corpus)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import unterm
from tests.support.corpora import ARES, CORPORA, UDHR
from tests.support.render import udhr_paragraphs

GA = CORPORA / "un_ga_55_100_sample"
DEVSET = CORPORA / "unpc_v1_devset"


def three_documents(folder: Path) -> Path:
    """A/RES/77/173 (a folder of its own), GA resolution 55/100's start (NAME.zh/NAME.en)
    and the UDHR (zh/ and en/): real pairs in the three layouts of a corpus folder."""
    shutil.copytree(ARES, folder / "A_RES_77_173")
    (folder / "A_RES_55_100.zh.txt").write_bytes((GA / "UN.en-zh.zh").read_bytes())
    (folder / "A_RES_55_100.en.txt").write_bytes((GA / "UN.en-zh.en").read_bytes())
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        (folder / side).mkdir(exist_ok=True)
        (folder / side / "udhr.txt").write_text("\n".join(udhr_paragraphs(UDHR / name)), encoding="utf-8")
    return folder


def devset_jsonl(path: Path) -> Path:
    """The devset's sentence pairs as JSON Lines, a pair a line with its document's id."""
    zh = (DEVSET / "UNv1.0.devset.zh").read_text(encoding="utf-8").splitlines()
    en = (DEVSET / "UNv1.0.devset.en").read_text(encoding="utf-8").splitlines()
    ids = (DEVSET / "UNv1.0.devset.ids").read_text(encoding="utf-8").splitlines()
    with open(path, "w", encoding="utf-8") as f:
        for z, e, i in zip(zh, en, ids, strict=True):
            record = {
                "document": i.split()[0],
                "key": "",
                "kind": "paragraph",
                "score": 1.0,
                "zh": z,
                "en": e,
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="session")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A memory of the three documents."""
    top = tmp_path_factory.mktemp("bundled")
    memory = top / "memory.sqlite"
    unterm.index([three_documents(top / "corpus")], memory)
    yield memory


@pytest.fixture(scope="session")
def devset(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A memory of the UNPC development set."""
    top = tmp_path_factory.mktemp("devset")
    memory = top / "memory.sqlite"
    unterm.index([devset_jsonl(top / "devset.jsonl")], memory)
    yield memory


@pytest.fixture(scope="session")
def sdg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A memory of the official wording of the SDG goals, targets and indicators."""
    import csv

    top = tmp_path_factory.mktemp("sdg")
    lines = top / "sdg.jsonl"
    with open(lines, "w", encoding="utf-8") as out:
        for part in ("goals", "targets", "indicators"):
            with open(
                CORPORA / "sdg_framework" / "derived" / f"global_{part}_en_zh.tsv", encoding="utf-8"
            ) as f:
                for r in csv.DictReader(f, delimiter="\t"):
                    record = {
                        "document": f"A/RES/71/313 {part}",
                        "key": r["key"],
                        "zh": r["zh"],
                        "en": r["en"],
                    }
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    memory = top / "memory.sqlite"
    unterm.index([lines], memory)
    yield memory
