"""Termbase formats: each writes and reads back without loss; TBX passes the schemas;
bad files give one clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.corpora import ROOT
from unterm.errors import FormatError, InputError
from unterm.files import FileFormat, Options, formats_for, read_termbase
from unterm.files import write as write_termbase
from unterm.termbase import schematron
from unterm.termbase.model import Termbase
from unterm.termbase.tbx import schema_path, to_tbx, validation_errors

# the TBX-Basic dialect's own valid example, copied from ../shared/schemas/tbx (tests/data/SOURCE.txt)
EXAMPLE = ROOT / "tests" / "data" / "Example_Astronomy_DCA_VALID.tbx"


@pytest.mark.parametrize("fmt", formats_for(Termbase), ids=lambda f: f.name.value)
def test_round_trip_without_loss(tmp_path: Path, ares_terms: Termbase, fmt: FileFormat) -> None:
    path = tmp_path / f"terms{fmt.extensions[0]}"
    write_termbase(ares_terms, path)
    assert read_termbase(path).entries == ares_terms.entries


def test_round_trip_with_other_language_headers(tmp_path: Path, ares_terms: Termbase) -> None:
    options = Options(zh_tag="zh-Hans", en_tag="en-GB")
    for ext in (".csv", ".xlsx"):
        path = tmp_path / f"terms{ext}"
        write_termbase(ares_terms, path, options=options)
        assert read_termbase(path, options).entries == ares_terms.entries


def test_tbx_basic_passes_both_schemas(ares_terms: Termbase) -> None:
    data = to_tbx(ares_terms)
    assert validation_errors(data) == []
    assert b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">' in data
    assert b'<conceptEntry id="c0001">' in data and b'xml:lang="zh-CN"' in data and b"zh_CN" not in data


def test_tbx_2008_reads_in_translate_toolkit(tmp_path: Path, ares_terms: Termbase) -> None:
    from translate.storage import tbx as tt_tbx

    path = tmp_path / "terms.tbx"
    write_termbase(ares_terms, path, options=Options(tbx_version=2))
    assert path.read_bytes().splitlines()[1].startswith(b'<martif type="TBX" xml:lang="en">')
    units = list(tt_tbx.tbxfile.parsefile(str(path)).units)
    assert len(units) == len(ares_terms)
    entry = next(u for u in units if u.source == "United Nations Human Settlements Programme")
    assert entry.target == "联合国人类住区规划署"
    assert read_termbase(path).entries == ares_terms.entries


def test_csv_is_what_glossary_tools_import(tmp_path: Path, ares_terms: Termbase) -> None:
    path = tmp_path / "terms.csv"
    write_termbase(ares_terms, path)
    data = path.read_bytes()
    assert data.startswith(
        b"\xef\xbb\xbfid,en,zh-CN,en type,zh-CN type,en usage,zh-CN usage,definition,note,source,examples,"
    )
    assert "United Nations Human Settlements Programme|UN-Habitat,联合国人类住区规划署|人居署" in data.decode(
        "utf-8-sig"
    )


def test_omegat_glossary_lines(tmp_path: Path, ares_terms: Termbase) -> None:
    path = tmp_path / "glossary.tsv"
    write_termbase(ares_terms, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 2 for line in lines)
    assert any(line.startswith("UN-Habitat\t人居署\tid: c0") for line in lines)


# --- the Schematron compiler, checked on the dialect's own example ---------------------------
def _example() -> bytes:
    return EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ((b'type="TBX-Basic"', b'type="TBX-Min"'), "The name of this dialect should be TBX-Basic."),
        ((b'style="dca"', b'style="dct"'), "The style of this dialect should be declared as 'dca'."),
        ((b">noun</termNote>", b">nounish</termNote>"), "/partOfSpeech/ type may be"),
        (
            (b'<descrip type="subjectField">', b'<descrip type="colour">'),
            "Permitted type value(s): subjectField",
        ),
        # (a termNote with an empty type is claimed by the pattern's first rule: ISO first-rule-wins)
        ((b'<descrip type="subjectField">', b'<descrip type="">'), "Data category must be declared."),
    ],
)
def test_schematron_catches_what_tbx_basic_forbids(change: tuple[bytes, bytes], message: str) -> None:
    original = _example()
    assert schematron.validate(original, schema_path("TBX-Basic_DCA.sch")) == []
    broken = original.replace(*change, 1)
    failures = schematron.validate(broken, schema_path("TBX-Basic_DCA.sch"))
    assert failures and any(message in f.message for f in failures), failures


def test_schematron_catches_our_own_output_made_invalid(ares_terms: Termbase) -> None:
    data = to_tbx(ares_terms).replace(b">fullForm</termNote>", b">longForm</termNote>", 1)
    errors = validation_errors(data)
    assert (
        errors == [errors[0]] and "/termType/ type may be" in errors[0] and errors[0].endswith("(Schematron)")
    )


# --- bad input ---------------------------------------------------------------------------------
def test_a_tbx_the_schemas_reject(tmp_path: Path, ares_terms: Termbase) -> None:
    path = tmp_path / "bad.tbx"
    path.write_bytes(to_tbx(ares_terms).replace(b">acronym</termNote>", b">initialism</termNote>", 1))
    with pytest.raises(InputError, match=r"bad\.tbx: is not valid TBX-Basic: .*termType.*\(Schematron\)$"):
        read_termbase(path)
    path.write_bytes(to_tbx(ares_terms).replace(b"<termSec>", b"<termSec><colour>red</colour>", 1))
    with pytest.raises(InputError, match=r"bad\.tbx: is not valid TBX-Basic: line \d+: .*\(RELAX NG\)"):
        read_termbase(path)


def test_a_csv_with_unknown_columns(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("en,zh-CN,colour\nUN-Habitat,人居署,blue\n", encoding="utf-8")
    with pytest.raises(
        InputError, match=r"glossary\.csv: unknown column 'colour'; expected 'en' and 'zh-CN'"
    ):
        read_termbase(path)


@pytest.mark.parametrize("name", ["empty.tbx", "empty.csv", "empty.xlsx", "empty.tsv"])
def test_an_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(InputError, match=rf"{name.replace('.', '[.]')}: the file is empty"):
        read_termbase(path)


def test_language_tags_are_bcp47_with_a_hyphen(tmp_path: Path, ares_terms: Termbase) -> None:
    with pytest.raises(FormatError, match=r"'zh_CN': BCP 47 tags use a hyphen \(zh-CN\)"):
        write_termbase(ares_terms, tmp_path / "t.tbx", options=Options(zh_tag="zh_CN"))
    assert not list(tmp_path.iterdir())


def test_not_a_termbase(tmp_path: Path) -> None:
    path = tmp_path / "x.tbx"
    shutil.copy(ROOT / "corpora" / "udhr" / "udhr_eng.xml", path)
    with pytest.raises(InputError, match=r"x\.tbx: is not TBX \(root element <udhr>"):
        read_termbase(path)
