"""`unterm index`: a corpus into a memory at both levels, a rerun that changes nothing,
a document changed or removed, a failed pair kept out (and its earlier version kept),
corpus files unterm wrote as inputs, and the same sentence pairs whichever way in."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import unterm
from tests.memory.conftest import three_documents
from unterm.cli import app

runner = CliRunner()


def content(memory: Path) -> list[tuple[object, ...]]:
    """What a memory holds, every row of its tables, in a fixed order."""
    conn = sqlite3.connect(memory)
    try:
        rows = conn.execute(
            "SELECT s.name, d.name, d.symbol, d.date, u.level, u.position, u.paragraph, u.sentence, u.key,"
            " u.kind, u.score, u.zh, u.en FROM units u JOIN documents d ON d.id = u.document"
            " JOIN sources s ON s.id = d.source ORDER BY s.name, d.name, u.level, u.position"
        ).fetchall()
        fts = conn.execute("SELECT (SELECT count(*) FROM zh_fts), (SELECT count(*) FROM en_fts)").fetchone()
    finally:
        conn.close()
    return [*rows, fts]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_corpus_indexed_at_both_levels_with_symbol_and_date(tmp_path: Path) -> None:
    memory = tmp_path / "memory.sqlite"
    summary = unterm.index([three_documents(tmp_path / "corpus")], memory)
    assert (summary.added, summary.failures) == (3, ())
    conn = sqlite3.connect(memory)
    docs = conn.execute("SELECT name, symbol, date FROM documents ORDER BY name").fetchall()
    levels = dict(conn.execute("SELECT level, count(*) FROM units GROUP BY level").fetchall())
    conn.close()
    assert docs == [
        ("A_RES_55_100", "A/RES/55/100", ""),
        ("A_RES_77_173", "A/RES/77/173", "2022-12-14"),
        ("udhr", "", ""),
    ]
    assert levels["sentence"] > levels["paragraph"] > 100


def test_rerunning_the_index_changes_nothing(tmp_path: Path) -> None:
    corpus, memory = three_documents(tmp_path / "corpus"), tmp_path / "memory.sqlite"
    unterm.index([corpus], memory)
    before, held = digest(memory), content(memory)
    result = runner.invoke(app, ["index", str(corpus), "-o", str(memory)])
    assert result.exit_code == 0, result.output
    assert "0 source(s) added, 0 updated, 0 removed, 3 unchanged, 0 failed; 0 pairs written" in result.output
    assert digest(memory) == before and content(memory) == held


def test_a_document_changed_is_indexed_again_and_one_removed_leaves(tmp_path: Path) -> None:
    corpus, memory = three_documents(tmp_path / "corpus"), tmp_path / "memory.sqlite"
    unterm.index([corpus], memory)
    udhr = unterm.search(memory, '"liberty and the security of person"')
    assert udhr.total > 0 and {h.source for h in udhr.hits} == {"udhr"}
    ares = [row for row in content(memory)[:-1] if row[0] == "A_RES_77_173"]
    shutil.rmtree(corpus / "zh")
    shutil.rmtree(corpus / "en")
    ga = corpus / "A_RES_55_100.en.txt"
    ga.write_text(
        ga.read_text(encoding="utf-8").replace("family reunification", "family reunion"), encoding="utf-8"
    )
    summary = unterm.index([corpus], memory)
    assert (summary.added, summary.updated, summary.removed, summary.unchanged) == (0, 1, 1, 1)
    assert unterm.search(memory, '"liberty and the security of person"').total == 0
    assert all(h.source != "udhr" for h in unterm.search(memory, "人权", limit=1000).hits)
    assert unterm.search(memory, '"family reunion"').total > 0
    assert unterm.search(memory, '"family reunification"').total == 0
    # the document not touched is as it was
    assert [row for row in content(memory)[:-1] if row[0] == "A_RES_77_173"] == ares
    conn = sqlite3.connect(memory)
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM zh_fts), (SELECT count(*) FROM en_fts)"
    ).fetchone()
    conn.close()
    assert counts[0] == counts[1] == counts[2]  # nothing of the removed document left in an index


def test_a_pair_that_fails_is_reported_and_its_earlier_version_kept(tmp_path: Path) -> None:
    corpus, memory = three_documents(tmp_path / "corpus"), tmp_path / "memory.sqlite"
    unterm.index([corpus], memory)
    held = [row for row in content(memory)[:-1] if row[0] == "A_RES_55_100"]
    (corpus / "A_RES_55_100.zh.txt").write_bytes(b"\x00\x01\x02 not a document \xff\xfe")
    result = runner.invoke(app, ["index", str(corpus), "-o", str(memory)])
    assert result.exit_code == 3
    assert sum(line.startswith("unterm: A_RES_55_100:") for line in result.output.splitlines()) == 1
    assert [row for row in content(memory)[:-1] if row[0] == "A_RES_55_100"] == held
    # put right, the rerun takes it
    shutil.copy(
        Path(__file__).parents[2] / "corpora/un_ga_55_100_sample/UN.en-zh.zh", corpus / "A_RES_55_100.zh.txt"
    )
    assert unterm.index([corpus], memory).updated == 1


def test_corpus_files_unterm_wrote_give_the_same_sentence_pairs(tmp_path: Path) -> None:
    corpus = three_documents(tmp_path / "corpus")
    for output in ("corpus.tmx", "corpus.jsonl"):
        result = runner.invoke(app, ["align", str(corpus), "-o", str(tmp_path / output), "-q"])
        assert result.exit_code == 0, result.output
    from_files = tmp_path / "files.sqlite"
    from_pairs = tmp_path / "pairs.sqlite"
    unterm.index([corpus], from_pairs)
    for name in ("corpus.tmx", "corpus.jsonl"):
        if from_files.exists():
            from_files.unlink()
        unterm.index([tmp_path / name], from_files)

        def units(memory: Path, level: str) -> list[tuple[str, str, str]]:
            conn = sqlite3.connect(memory)
            rows = conn.execute(
                "SELECT d.name, u.zh, u.en FROM units u JOIN documents d ON d.id = u.document"
                " WHERE u.level = ? ORDER BY d.name, u.position",
                (level,),
            ).fetchall()
            conn.close()
            return rows

        assert units(from_files, "paragraph") == units(from_pairs, "paragraph"), name
        assert units(from_files, "sentence") == units(from_pairs, "sentence"), name


def test_a_sentence_level_file_is_put_back_into_paragraphs(tmp_path: Path) -> None:
    corpus = three_documents(tmp_path / "corpus")
    shutil.rmtree(corpus / "zh")
    shutil.rmtree(corpus / "en")
    (corpus / "A_RES_55_100.zh.txt").unlink()
    (corpus / "A_RES_55_100.en.txt").unlink()
    tmx = tmp_path / "sentences.tmx"
    assert (
        runner.invoke(app, ["align", str(corpus), "--level", "sentence", "-o", str(tmx), "-q"]).exit_code == 0
    )
    from_file, from_pairs = tmp_path / "file.sqlite", tmp_path / "pairs.sqlite"
    unterm.index([tmx], from_file)
    unterm.index([corpus], from_pairs)

    def paragraphs(memory: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(memory)
        rows = conn.execute("SELECT zh, en FROM units WHERE level = 'paragraph' ORDER BY position").fetchall()
        conn.close()
        return [("".join(z.split()), " ".join(e.split())) for z, e in rows]

    assert paragraphs(from_file) == paragraphs(from_pairs)


def test_a_search_under_way_does_not_keep_a_writer_out(tmp_path: Path) -> None:
    from unterm.memory.store import reading

    corpus, memory = three_documents(tmp_path / "corpus"), tmp_path / "memory.sqlite"
    unterm.index([corpus], memory)
    (corpus / "A_RES_55_100.zh.txt").unlink()
    (corpus / "A_RES_55_100.en.txt").unlink()
    with reading(memory) as (conn, busy):
        assert not busy
        assert unterm.index([corpus], memory).removed == 1
        # the reader's connection still reads, now the state after the write
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_the_manual_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's memory example ("Using from Python": unterm.index, unterm.search) on
    its own, as a translator would paste it; tests/test_api.py runs the whole README."""
    import doctest

    root = Path(__file__).parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in readme.split("```python\n")[1:]]
    (example,) = [b for b in blocks if "unterm.index(" in b]
    monkeypatch.chdir(root)
    test = doctest.DocTestParser().get_doctest(example, {}, "README memory example", "README.md", 0)
    doctests = doctest.DocTestRunner(verbose=False)
    doctests.run(test)
    result = doctests.summarize(verbose=False)
    assert result.attempted >= 8 and result.failed == 0


def test_in_a_process_pool_the_same_memory(tmp_path: Path) -> None:
    corpus = three_documents(tmp_path / "corpus")
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    unterm.index([corpus], one)
    result = runner.invoke(app, ["index", str(corpus), "-o", str(two), "-j", "2", "-q"])
    assert result.exit_code == 0, result.stderr
    assert content(one) == content(two)


def test_a_run_stopped_midway_is_finished_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from unterm.memory import store

    corpus, memory = three_documents(tmp_path / "corpus"), tmp_path / "memory.sqlite"
    real, form = store.replace, store.search_form  # type: ignore[attr-defined]
    calls: list[str] = []
    units = [0]

    def counted(text: str, lang: object) -> str:
        units[0] += 1
        if len(calls) == 2 and units[0] > 10:
            raise KeyboardInterrupt  # as Ctrl-C strikes: in the middle of the second source's transaction
        return form(text, lang)  # type: ignore[arg-type]

    def replace(conn: sqlite3.Connection, name: str, *args: object, **kwargs: object) -> int:
        calls.append(name)
        units[0] = 0
        return real(conn, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "replace", replace)
    monkeypatch.setattr(store, "search_form", counted)
    with pytest.raises(KeyboardInterrupt):
        unterm.index([corpus], memory)
    monkeypatch.setattr(store, "replace", real)
    monkeypatch.setattr(store, "search_form", form)
    conn = sqlite3.connect(memory)
    held = [r[0] for r in conn.execute("SELECT name FROM sources")]
    complete = conn.execute("SELECT value FROM meta WHERE key = 'complete'").fetchone()
    conn.close()
    assert held == [calls[0]] and complete == ("no",)
    summary = unterm.index([corpus], memory)
    assert (summary.added, summary.unchanged) == (2, 1)
    fresh = tmp_path / "fresh.sqlite"
    unterm.index([corpus], fresh)
    assert content(memory) == content(fresh)
