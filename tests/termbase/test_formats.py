"""Termbase formats: each reads back what it carries; each opens in the reader of the tool
it is for; TBX passes the schemas; bad files give one clear error."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support.corpora import ROOT
from unterm.errors import FormatError, InputError
from unterm.files import FileFormat, Format, Options, formats_for, read_termbase
from unterm.files import write as write_termbase
from unterm.termbase import schematron
from unterm.termbase.model import Entry, Example, Status, Termbase
from unterm.termbase.tbx import schema_path, to_tbx, validation_errors, window

# the TBX-Basic dialect's own valid example, copied from ../shared/schemas/tbx (tests/data/SOURCE.txt)
EXAMPLE = ROOT / "tests" / "data" / "Example_Astronomy_DCA_VALID.tbx"


def carried(entry: Entry, fmt: Format) -> Entry:
    """What a format keeps of an entry: TBX 2008 (the default .tbx) all but the examples
    after the first, and of that the words around the term; CSV and XLSX the first
    example; OmegaT's glossary the terms, their types, the status and the numbers."""
    if fmt is Format.TBX:
        shown = [
            Example(window(x.zh, entry.zh, "zh"), window(x.en, entry.en, "en"), x.document, x.key)
            for x in entry.examples[:1]
        ]
        return replace(entry, examples=tuple(shown))
    if fmt in (Format.CSV, Format.XLSX):
        return replace(entry, examples=entry.examples[:1])
    return replace(entry, examples=(), note="", definition="", source="")


@pytest.mark.parametrize("fmt", [f for f in formats_for(Termbase) if f.read], ids=lambda f: f.name.value)
def test_round_trip(tmp_path: Path, ares_terms: Termbase, fmt: FileFormat) -> None:
    path = tmp_path / f"terms{fmt.extensions[0]}"
    write_termbase(ares_terms, path)
    assert read_termbase(path).entries == tuple(carried(e, fmt.name) for e in ares_terms.entries)


def test_tbx_basic_round_trip_keeps_every_example(tmp_path: Path, ares_terms: Termbase) -> None:
    path = tmp_path / "terms.tbx"
    write_termbase(ares_terms, path, options=Options(tbx_version=3))
    assert path.read_bytes().splitlines()[1].startswith(b'<tbx xmlns="urn:iso:std:iso:30042:ed-2"')
    assert validation_errors(path.read_bytes()) == []
    assert read_termbase(path).entries == ares_terms.entries


def test_round_trip_with_other_language_headers(tmp_path: Path, ares_terms: Termbase) -> None:
    options = Options(zh_tag="zh-Hans", en_tag="en-GB")
    for ext, fmt in ((".csv", Format.CSV), (".xlsx", Format.XLSX)):
        path = tmp_path / f"terms{ext}"
        write_termbase(ares_terms, path, options=options)
        assert read_termbase(path, options).entries == tuple(carried(e, fmt) for e in ares_terms.entries)


def test_tbx_basic_passes_both_schemas(ares_terms: Termbase) -> None:
    data = to_tbx(ares_terms)
    assert validation_errors(data) == []
    assert b'<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">' in data
    assert b'<conceptEntry id="c0001">' in data and b'xml:lang="zh-CN"' in data and b"zh_CN" not in data


def test_the_default_tbx_reads_in_translate_toolkit(tmp_path: Path, ares_terms: Termbase) -> None:
    """`-o terms.tbx` is TBX 2008, which translate-toolkit reads (its TBX-Basic v3 raised
    an AssertionError there); TBX-Basic by option only."""
    from translate.storage import tbx as tt_tbx

    path = tmp_path / "terms.tbx"
    write_termbase(ares_terms, path)
    assert path.read_bytes().splitlines()[1].startswith(b'<martif type="TBX" xml:lang="en">')
    units = list(tt_tbx.tbxfile.parsefile(str(path)).units)
    assert len(units) == len(ares_terms)
    entry = next(u for u in units if u.source == "United Nations Human Settlements Programme")
    assert entry.target == "联合国人类住区规划署"
    assert read_termbase(path).entries == tuple(carried(e, Format.TBX) for e in ares_terms.entries)
    v3 = tmp_path / "basic.tbx"
    write_termbase(ares_terms, v3, options=Options(tbx_version=3))
    with pytest.raises(AssertionError):  # what translate-toolkit makes of TBX-Basic v3
        list(tt_tbx.tbxfile.parsefile(str(v3)).units)


def test_csv_is_what_glossary_tools_import(tmp_path: Path, ares_terms: Termbase) -> None:
    """Languages first, synonyms split by `|`, one short example, no tab or line break in
    any cell."""
    import csv

    path = tmp_path / "terms.csv"
    write_termbase(ares_terms, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfen,zh-CN,en type,zh-CN type,en usage,zh-CN usage,status,confidence,")
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines()))
    assert len(rows) == len(ares_terms)
    habitat = next(r for r in rows if r["en"].startswith("United Nations Human Settlements Programme"))
    assert habitat["en"] == "United Nations Human Settlements Programme|UN-Habitat"
    assert habitat["zh-CN"] == "联合国人类住区规划署|人居署"
    assert habitat["en example"] and "人居署" in habitat["zh-CN example"] and habitat["example source"]
    assert all("\t" not in v and "\n" not in v for r in rows for v in r.values())
    # the example is the sentence that holds the term, not the paragraph
    for r in rows:
        assert sum(r["zh-CN example"].count(c) for c in "。；;") <= 1, r["zh-CN example"]
        assert any(t.strip("《》") in r["zh-CN example"] for t in r["zh-CN"].split("|")), r


def test_xlsx_opens_in_openpyxl_with_numbers_as_numbers(tmp_path: Path, ares_terms: Termbase) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "terms.xlsx"
    write_termbase(ares_terms, path)
    sheet = load_workbook(path)["termbase"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["en", "zh-CN"] and sheet.auto_filter.ref == sheet.dimensions
    assert sheet.freeze_panes == "A2"
    row = [c for c in sheet[2]]
    numbers = {
        h: c for h, c in zip(header, row, strict=True) if h in ("confidence", "frequency", "association")
    }
    assert all(c.data_type == "n" and isinstance(c.value, (int, float)) for c in numbers.values())
    assert numbers["frequency"].value == ares_terms.entries[0].frequency
    assert all(c.data_type == "s" for h, c in zip(header, row, strict=True) if h not in numbers and c.value)


@pytest.mark.parametrize("ext", [".csv", ".xlsx"])
def test_no_cell_becomes_a_formula(tmp_path: Path, ares_terms: Termbase, ext: str) -> None:
    """A term a spreadsheet would read as a formula is written so that it shows as text,
    and reads back as it was; so does one that starts with an apostrophe already."""
    odd = [
        replace(e, en=(replace(e.en[0], text=text),))
        for e, text in zip(
            ares_terms.entries,
            ['=HYPERLINK("http://x","y")', "+1 (212) 963-1234", "-based", "@SUM(A1)", "'=1+1"],
            strict=False,
        )
    ]
    termbase = replace(ares_terms, entries=tuple(odd))
    path = tmp_path / f"terms{ext}"
    write_termbase(termbase, path)
    if ext == ".csv":
        cells = path.read_text(encoding="utf-8-sig").splitlines()[1:5]
        assert all(line.startswith(("'=", "'+", "'-", "'@", "\"'=")) for line in cells), cells
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(path)["termbase"]
        assert [sheet.cell(r, 1).data_type for r in range(2, 7)] == ["s"] * 5
        assert sheet.cell(2, 1).value == '=HYPERLINK("http://x","y")'
    assert [e.en_text for e in read_termbase(path).entries] == [e.en_text for e in odd]


def test_a_character_xml_forbids_does_not_break_the_workbook(tmp_path: Path, ares_terms: Termbase) -> None:
    first = ares_terms.entries[0]
    termbase = replace(
        ares_terms, entries=(replace(first, en=(replace(first.en[0], text="UN\x0bHabitat"),)),)
    )
    path = tmp_path / "terms.xlsx"
    write_termbase(termbase, path)
    assert read_termbase(path).entries[0].en_text == "UNHabitat"


def test_tbx_basic_carries_the_status_where_cat_tools_filter(ares_terms: Termbase) -> None:
    from lxml import etree

    root = etree.fromstring(to_tbx(ares_terms))
    ns = {"t": "urn:iso:std:iso:30042:ed-2"}
    sections = root.findall(".//t:termSec", ns)
    statuses = [s.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns) for s in sections]
    assert len(statuses) == len(sections) and set(statuses) == {"admittedTerm-admn-sts"}  # all proposed
    approved = replace(
        ares_terms, entries=tuple(replace(e, status=Status.APPROVED) for e in ares_terms.entries)
    )
    data = to_tbx(approved)
    assert validation_errors(data) == [] and b"preferredTerm-admn-sts" in data and b"admittedTerm" not in data


OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


@pytest.fixture(scope="module")
def omegat_loader(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OmegaT's own glossary readers, compiled into a small headless loader."""
    if not (shutil.which("javac") and shutil.which("java") and OMEGAT_JAR.exists()):
        pytest.skip("java or OmegaT is not installed (Debian packages default-jdk-headless, omegat)")
    import subprocess

    classes = tmp_path_factory.mktemp("omegat")
    source = Path(__file__).parent / "omegat" / "GlossaryLoad.java"
    subprocess.run(
        ["javac", "-cp", str(OMEGAT_JAR), "-d", str(classes), str(source)], check=True, timeout=120
    )
    return classes


def _omegat_load(classes: Path, *files: Path) -> dict[str, list[list[str]]]:
    import subprocess

    home = classes / "home"  # OmegaT's Core makes a settings folder in the user's home
    run = subprocess.run(
        ["java", "-Djava.awt.headless=true", f"-Duser.home={home}", "-cp", f"{OMEGAT_JAR}:{classes}", "GlossaryLoad",
         *map(str, files)],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=120,
    )  # fmt: skip
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for line in run.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] in {f.name for f in files}:
            current = out.setdefault(parts[0], [])
            if parts[1] == "null":
                out[parts[0]] = None  # type: ignore[assignment]  # OmegaT ignored the file
        else:
            current.append(parts)
    return out


def test_omegat_loads_the_glossary_and_the_default_tbx(
    tmp_path: Path, ares_terms: Termbase, omegat_loader: Path
) -> None:
    for ext in (".utf8", ".txt", ".tab"):
        write_termbase(ares_terms, tmp_path / f"glossary{ext}")
    write_termbase(ares_terms, tmp_path / "terms.tbx")
    ignored = tmp_path / "glossary.tsv"
    shutil.copy(tmp_path / "glossary.utf8", ignored)  # what -o glossary.tsv would have made
    files = [tmp_path / f"glossary{ext}" for ext in (".utf8", ".txt", ".tab")] + [
        tmp_path / "terms.tbx",
        ignored,
    ]
    loaded = _omegat_load(omegat_loader, *files)
    pairs = sum(max(len(e.en), len(e.zh)) for e in ares_terms.entries)
    for ext in (".utf8", ".txt", ".tab"):
        entries = loaded[f"glossary{ext}"]
        assert len(entries) == pairs
        assert ["UN-Habitat", "人居署"] in [e[:2] for e in entries]
        assert all(len(e[2]) < 160 and e[2].startswith("id: c") for e in entries)
    tbx = loaded["terms.tbx"]
    assert ["United Nations Human Settlements Programme", "联合国人类住区规划署"] in [e[:2] for e in tbx]
    # the comment OmegaT shows: the review state and numbers, the words around the term
    # (it was every context and the miner's evidence joined, up to 3,947 characters)
    habitat = next(e for e in tbx if e[:2] == ["UN-Habitat", "人居署"])
    assert habitat[2].startswith("proposed; confidence 0.9") and "context: " in habitat[2]
    assert max(len(e[2]) for e in tbx) < 600 and "Dice" not in " ".join(e[2] for e in tbx)
    assert loaded["glossary.tsv"] is None  # OmegaT 3.6 ignores .tsv: unterm refuses to write it


def test_omegat_glossary_lines(tmp_path: Path, ares_terms: Termbase) -> None:
    path = tmp_path / "glossary.utf8"
    write_termbase(ares_terms, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# unterm glossary") and "coding: utf-8" in lines[0]
    assert all(line.count("\t") == 2 for line in lines[1:])
    assert any(line.startswith("UN-Habitat\t人居署\tid: c0") for line in lines)
    assert max(len(line.split("\t")[2]) for line in lines[1:]) < 160  # the comment is short


def test_a_glossary_named_tsv_is_refused_with_the_names_omegat_loads(
    tmp_path: Path, ares_terms: Termbase
) -> None:
    with pytest.raises(
        FormatError, match=r"glossary\.tsv: OmegaT does not load a glossary named \.tsv.*\.utf8"
    ):
        write_termbase(ares_terms, tmp_path / "glossary.tsv")
    assert not list(tmp_path.iterdir())
    # a tab-separated glossary someone else made is still read (--merge)
    (tmp_path / "team.tsv").write_text("UN-Habitat\t人居署\n", encoding="utf-8")
    assert read_termbase(tmp_path / "team.tsv").entries[0].zh_text == "人居署"


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


def test_a_column_unterm_does_not_know_is_kept_in_the_note(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text("en,zh-CN,colour,note\nUN-Habitat,人居署,blue,the programme\n", encoding="utf-8")
    (entry,) = read_termbase(path).entries
    assert (entry.en_text, entry.zh_text, entry.note) == (
        "UN-Habitat",
        "人居署",
        "the programme; colour: blue",
    )


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
