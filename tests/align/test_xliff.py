"""XLIFF out: one unit per pair, notes with key and score, valid against the OASIS
schemas (tests/data/xliff), loading in translate-toolkit; and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.support.corpora import ROOT
from unterm.align.model import Alignment
from unterm.errors import InputError
from unterm.files import Format, Options, read_reviewed, read_rows
from unterm.files import write as write_alignment

SCHEMAS = ROOT / "tests" / "data" / "xliff"


def _schema(name: str) -> etree.XMLSchema:
    """An OASIS schema; the W3C xml.xsd that the 1.2 schemas name by its web address is
    taken from the copy beside them (read so, the files stay as OASIS publishes them)."""
    path = SCHEMAS / name
    text = path.read_bytes().replace(b"http://www.w3.org/2001/xml.xsd", b"xml.xsd")
    return etree.XMLSchema(etree.fromstring(text, etree.XMLParser(no_network=True), base_url=str(path)))


def _errors(schema: etree.XMLSchema, path: Path) -> list[str]:
    try:
        schema.assertValid(etree.parse(str(path)))
    except etree.DocumentInvalid as err:
        return [str(err)]
    return []


@pytest.fixture(scope="module")
def sentences(ares: Alignment) -> Alignment:
    from unterm.align.sentences import sentence_alignment

    return sentence_alignment(ares)


@pytest.mark.parametrize("alignment", ["ares", "sentences"])
def test_xliff_12_is_valid_strict_and_transitional(
    tmp_path: Path, alignment: str, request: pytest.FixtureRequest
) -> None:
    value: Alignment = request.getfixturevalue(alignment)
    path = tmp_path / "a.xlf"
    assert write_alignment(value, path).name is Format.XLIFF
    for name in ("1.2/xliff-core-1.2-strict.xsd", "1.2/xliff-core-1.2-transitional.xsd"):
        assert _errors(_schema(name), path) == []
    root = etree.parse(str(path)).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    units = root.findall(".//x:trans-unit", ns)
    assert len(units) == len(value.pairs)
    op9 = next(u for u in units if "key: 9" in [n.text for n in u.findall("x:note", ns)])
    assert op9.findtext("x:source", namespaces=ns).startswith("9. Reaffirms that the New Urban Agenda")  # type: ignore[union-attr]
    assert any(
        (n.text or "").startswith("score: 0.") or n.text == "score: 1.000" for n in op9.findall("x:note", ns)
    )


@pytest.mark.parametrize("alignment", ["ares", "sentences"])
def test_xliff_20_is_valid(tmp_path: Path, alignment: str, request: pytest.FixtureRequest) -> None:
    value: Alignment = request.getfixturevalue(alignment)
    path = tmp_path / "a.xlf"
    assert write_alignment(value, path, Format.XLIFF2).name is Format.XLIFF2
    assert _errors(_schema("2.0/xliff_core_2.0.xsd"), path) == []
    broken = tmp_path / "broken.xlf"  # the schema does catch what is wrong
    broken.write_bytes(path.read_bytes().replace(b'state="translated"', b'state="done"', 1))
    assert "state" in " ".join(_errors(_schema("2.0/xliff_core_2.0.xsd"), broken))
    root = etree.parse(str(path)).getroot()
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.0", "en", "zh-CN")
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    assert len(root.findall(".//x:unit", ns)) == len(value.pairs)
    notes = {n.get("category") for n in root.findall(".//x:unit/x:notes/x:note", ns)}
    assert {"key", "kind", "score"} <= notes and ("sentence" in notes) == (alignment == "sentences")


def test_xliff_loads_in_translate_toolkit(tmp_path: Path, ares: Alignment) -> None:
    from translate.storage import xliff, xliff2

    one, two = tmp_path / "a.xlf", tmp_path / "b.xlf"
    write_alignment(ares, one)
    write_alignment(ares, two, Format.XLIFF2)
    rows = [r for r in ares.rows() if r.en]
    for store in (xliff.xlifffile.parsefile(str(one)), xliff2.Xliff2File.parsefile(str(two))):
        units = [u for u in store.units if u.source]
        assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "zh-CN")
        assert [(u.source, u.target) for u in units] == [(r.en, r.zh) for r in rows]
        assert units[0].getid().endswith("u1")  # (translate-toolkit prefixes the file: en.md\x04u1)


def test_language_tags_are_the_ones_given(tmp_path: Path, ares: Alignment) -> None:
    path = tmp_path / "a.xlf"
    write_alignment(ares, path, options=Options(zh_tag="zh-Hans", en_tag="en-US"))
    data = path.read_bytes()
    assert b'source-language="en-US" target-language="zh-Hans"' in data
    write_alignment(ares, path, Format.XLIFF2, Options(zh_tag="zh-Hans", en_tag="en-US"))
    assert b'srcLang="en-US" trgLang="zh-Hans"' in path.read_bytes()


@pytest.mark.parametrize("fmt", [Format.XLIFF, Format.XLIFF2])
def test_xliff_reads_back_as_a_reviewed_file(tmp_path: Path, ares: Alignment, fmt: Format) -> None:
    path = tmp_path / "a.xlf"
    write_alignment(ares, path, fmt)
    assert [(r.zh, r.en, r.kind, r.key) for r in read_rows(path)] == [
        (r.zh, r.en, r.kind, r.key) for r in ares.rows()
    ]
    again = read_reviewed(path)
    assert again.symbol == "A/RES/77/173" and len(again.pairs) == len(ares.pairs)


def test_another_tools_xliff_with_inline_codes(tmp_path: Path) -> None:
    """A CAT tool's XLIFF: Chinese source possible, inline codes whose content is not text."""
    path = tmp_path / "review.xlf"
    path.write_text(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
        'source-language="en-US" target-language="zh-CN" datatype="x-docx"><body>'
        '<trans-unit id="7"><source>Takes note of <g id="1">resolution</g> 71/256<ph id="2">&lt;br/&gt;</ph>.</source>'
        '<target>注意到第 71/256 号<g id="1">决议</g><ph id="2">&lt;br/&gt;</ph>。</target></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    (row,) = read_rows(path)
    assert (row.en, row.zh) == ("Takes note of resolution 71/256.", "注意到第 71/256 号决议。")
    path.write_text("<xliff version='1.2'/>", encoding="utf-8")
    with pytest.raises(InputError, match=r"review\.xlf: is not XLIFF 1\.2 or 2\.x"):
        read_rows(path)
