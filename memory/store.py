"""The memory's SQLite database: its schema, opening it safely, and writing a source's
documents into it, one source a transaction.

Tables: `meta` (schema version, signature), `sources` (each input of the corpus, a pair
of documents or a corpus file, by name, with the stamps of its files: what a rerun
compares to tell what changed), `documents` (name, symbol, date), `units` (each aligned
pair at paragraph and at sentence level, with key, kind, score) and two FTS5 indexes
over the units' search forms (memory.text): `zh_fts` with the trigram tokenizer (any
substring of three characters or more; shorter ones are found by a scan, see
memory.query) and `en_fts` with Porter stems over Unicode words. The file carries its
own application id, so a file that is not a memory is told apart from one that is.

Writing takes an exclusive lock on the file (flock, where the system has it) for the
whole run, so a second `unterm index` into the same memory stops with one line instead
of interleaving with the first; a search tries the lock only to say so, and reads the
last committed state meanwhile (write-ahead log). Each source is replaced in one transaction: a run that is killed
leaves every source it finished, and none half-written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from unterm.errors import InputError, OutputError
from unterm.lang.languages import Lang
from unterm.memory.model import IndexedDocument
from unterm.memory.text import search_form
from unterm.version import __version__

APPLICATION_ID = 0x756E746D  # "untm"
SCHEMA = 1
_MAGIC = b"SQLite format 3\x00"

_TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, fingerprint TEXT NOT NULL);
CREATE TABLE documents(
    id INTEGER PRIMARY KEY, source INTEGER NOT NULL REFERENCES sources(id),
    name TEXT NOT NULL, symbol TEXT NOT NULL, date TEXT NOT NULL, year INTEGER,
    zh_path TEXT NOT NULL, en_path TEXT NOT NULL);
CREATE INDEX documents_source ON documents(source);
CREATE TABLE units(
    id INTEGER PRIMARY KEY, document INTEGER NOT NULL REFERENCES documents(id),
    level TEXT NOT NULL, position INTEGER NOT NULL, paragraph INTEGER NOT NULL,
    sentence INTEGER NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL, score REAL NOT NULL,
    zh TEXT NOT NULL, en TEXT NOT NULL);
CREATE INDEX units_document ON units(document, level, position);
CREATE INDEX units_level ON units(level);
CREATE VIRTUAL TABLE zh_fts USING fts5(text, tokenize='trigram');
CREATE VIRTUAL TABLE en_fts USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
"""


def _check_header(path: Path) -> bool:
    """Whether the file is an SQLite database (False for an empty file: a new memory)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(_MAGIC))
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from None
    if not head:
        return False
    if head != _MAGIC:
        raise InputError(f"{path}: is not an SQLite database, so not an unterm memory")
    return True


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """InputError unless the database is a memory of this schema."""
    try:
        (app,) = conn.execute("PRAGMA application_id").fetchone()
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}
    except sqlite3.DatabaseError as err:
        raise InputError(f"{path}: is damaged or not an SQLite database ({err})") from None
    if app != APPLICATION_ID or not {"units", "documents", "zh_fts", "en_fts"} <= names:
        raise InputError(f"{path}: is an SQLite database but not an unterm memory (made by another program?)")
    if version != SCHEMA:
        raise InputError(
            f"{path}: is an unterm memory of schema {version}; this unterm reads schema {SCHEMA}: index again"
        )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[bool]:
    """An exclusive lock on the file for as long as the block runs: True where taken,
    False where another process holds it. Its descriptor is closed only after the block,
    when SQLite's own connection is (closing a descriptor of a file drops the process's
    POSIX locks on it, SQLite's among them)."""
    try:
        import fcntl
    except ImportError:  # no flock: SQLite's own locks keep each transaction whole
        yield True
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            taken = True
        except OSError:
            taken = False
        yield taken
    finally:
        os.close(fd)


def _being_written(path: Path) -> bool:
    """Whether a writer holds the file's lock now (tried and given back at once, before
    SQLite opens the file, so that a search never keeps a writer out)."""
    try:
        import fcntl
    except ImportError:
        return False
    fd = os.open(path, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


@contextlib.contextmanager
def reading(path: Path) -> Iterator[tuple[sqlite3.Connection, bool]]:
    """The memory opened read-only, and whether another process is writing it now."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: is not a file")
    if not _check_header(path):
        raise InputError(f"{path}: is empty, not an unterm memory")
    busy = _being_written(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error as err:
        raise InputError(f"{path}: cannot be opened ({err})") from None
    try:
        _check_schema(conn, path)
        yield conn, busy
    finally:
        conn.close()


@contextlib.contextmanager
def writing(path: Path) -> Iterator[sqlite3.Connection]:
    """The memory opened to be written (made where the file is new or empty), locked
    against another writer; InputError for a file that is not a memory, one that is
    damaged, or one another process is writing."""
    if path.exists() and not path.is_file():
        raise InputError(f"{path}: is not a file")
    try:
        new = not path.exists() or not _check_header(path)
    except InputError:
        raise InputError(
            f"{path}: exists and is not an unterm memory (not an SQLite file): left as it is; give another name"
        ) from None
    if new:
        try:
            path.touch()
        except OSError as err:
            raise OutputError(f"{path}: cannot be made ({err.strerror})") from None
    with _locked(path) as taken:
        if not taken:
            raise InputError(
                f"{path}: is being written by another process (unterm index); try again when it is done"
            )
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        except sqlite3.Error as err:
            raise InputError(f"{path}: cannot be opened ({err})") from None
        try:
            if new:
                _create(conn)
            else:
                try:
                    _check_schema(conn, path)
                except InputError as err:
                    raise InputError(f"{err}: left as it is; give another name") from None
                (ok,) = conn.execute("PRAGMA quick_check").fetchone()
                if ok != "ok":
                    raise InputError(f"{path}: is damaged ({ok}); index the corpus into a new file")
            yield conn
        except sqlite3.DatabaseError as err:
            raise InputError(f"{path}: is damaged ({err}); index the corpus into a new file") from None
        finally:
            conn.close()


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("BEGIN")
    for statement in _TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version={SCHEMA}")
    conn.execute(
        "INSERT INTO meta VALUES ('schema', ?), ('created by', ?)", (str(SCHEMA), f"unterm {__version__}")
    )
    conn.execute("COMMIT")


def fingerprints(conn: sqlite3.Connection) -> dict[str, str]:
    """Each source the memory holds, by name: its fingerprint."""
    return dict(conn.execute("SELECT name, fingerprint FROM sources").fetchall())


def _delete(conn: sqlite3.Connection, source: int) -> None:
    docs = "SELECT id FROM documents WHERE source = ?"
    units = f"SELECT id FROM units WHERE document IN ({docs})"
    for fts in ("zh_fts", "en_fts"):
        conn.execute(f"DELETE FROM {fts} WHERE rowid IN ({units})", (source,))
    conn.execute(f"DELETE FROM units WHERE document IN ({docs})", (source,))
    conn.execute("DELETE FROM documents WHERE source = ?", (source,))


def remove(conn: sqlite3.Connection, name: str) -> None:
    """A source and everything it brought, gone, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
        if row is not None:
            _delete(conn, row[0])
            conn.execute("DELETE FROM sources WHERE id = ?", (row[0],))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def replace(
    conn: sqlite3.Connection, name: str, kind: str, fingerprint: str, documents: list[IndexedDocument]
) -> int:
    """A source's documents put in place of what it brought before, in one transaction;
    returns the units written."""
    conn.execute("BEGIN IMMEDIATE")
    written = 0
    try:
        row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
        if row is not None:
            _delete(conn, row[0])
            source = row[0]
            conn.execute(
                "UPDATE sources SET kind = ?, fingerprint = ? WHERE id = ?", (kind, fingerprint, source)
            )
        else:
            source = conn.execute(
                "INSERT INTO sources(name, kind, fingerprint) VALUES (?, ?, ?)", (name, kind, fingerprint)
            ).lastrowid
        for doc in documents:
            year = int(doc.date[:4]) if doc.date[:4].isdigit() else None
            document = conn.execute(
                "INSERT INTO documents(source, name, symbol, date, year, zh_path, en_path) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (source, doc.name, doc.symbol, doc.date, year, doc.zh_path, doc.en_path),
            ).lastrowid
            for u in doc.units:
                unit = conn.execute(
                    "INSERT INTO units(document, level, position, paragraph, sentence, key, kind, score, zh, en)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        document,
                        u.level.value,
                        u.position,
                        u.paragraph,
                        u.sentence,
                        u.key,
                        u.kind,
                        u.score,
                        u.zh,
                        u.en,
                    ),
                ).lastrowid
                conn.execute(
                    "INSERT INTO zh_fts(rowid, text) VALUES (?, ?)", (unit, search_form(u.zh, Lang.ZH))
                )
                conn.execute(
                    "INSERT INTO en_fts(rowid, text) VALUES (?, ?)", (unit, search_form(u.en, Lang.EN))
                )
                written += 1
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return written


def set_meta(conn: sqlite3.Connection, values: dict[str, str]) -> None:
    """Meta values written, where they differ from what the memory holds (a rerun that
    changes nothing writes nothing)."""
    held = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    changed = {k: v for k, v in values.items() if held.get(k) != v}
    if changed:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", changed.items())
        conn.execute("COMMIT")


def meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())
