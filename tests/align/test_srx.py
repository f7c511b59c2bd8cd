"""SRX segmentation: the rules read as a CAT tool reads them, OmegaT's cut as OmegaT cuts,
unterm's own SRX file cut as unterm does, and a sentence memory made with a tool's rules
filling that tool's segments (OmegaT, default settings, sentence segmentation on)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import regex

import unterm
from tests.support import omegat
from tests.support.corpora import ARES, CORPORA
from unterm.align import srx
from unterm.align.fit import fit
from unterm.align.split import split_en, split_zh
from unterm.errors import InputError
from unterm.files import write

OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
UNPC = CORPORA / "unpc_v1_devset"


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _paragraphs(alignment: unterm.Alignment) -> tuple[list[str], list[str]]:
    return [r.zh for r in alignment if r.zh], [r.en for r in alignment if r.en]


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    return omegat.documents(tmp_path_factory.mktemp("documents"))


# --- the engine -------------------------------------------------------------------------------
def test_the_first_rule_that_meets_decides() -> None:
    rules = srx.builtin("omegat").for_language("en-US")
    text = "See para. 5 of the report. No. 3 is here. 1. Takes note of it."
    assert srx.segment(text, rules) == [
        "See para.",
        "5 of the report.",
        "No. 3 is here.",
        "1.",
        "Takes note of it.",
    ]
    # (OmegaT's Chinese rules do not break after a closing quote)
    assert srx.segment("回顾。大会重申！“是的。”好", srx.builtin("omegat").for_language("zh-CN")) == [
        "回顾。",
        "大会重申！",
        "“是的。”好",
    ]


def test_unterm_rules_keep_what_un_texts_need() -> None:
    rules = srx.builtin("unterm").for_language("en")
    text = "1. Takes note of para. 5 of document A/77/444, vol. 2, No. 3. Requests a report."
    assert (
        srx.segment(text, rules)
        == split_en(text)
        == [
            "1. Takes note of para. 5 of document A/77/444, vol. 2, No. 3.",
            "Requests a report.",
        ]
    )


def test_unterm_srx_cuts_as_unterm_does(documents: dict[str, tuple[Path, Path]]) -> None:
    """align/unterm.srx is the same rules as align/split.py: both cut every bundled text alike."""
    en_rules = srx.builtin("unterm").for_language("en")
    zh_rules = srx.builtin("unterm").for_language("zh-CN")
    zh_texts, en_texts = _lines(UNPC / "UNv1.0.devset.zh"), _lines(UNPC / "UNv1.0.devset.en")
    en_texts += _lines(CORPORA / "mnbvc_linebreak_gold_en" / "453500.txt")
    for zh, en in documents.values():
        z, e = _paragraphs(unterm.align(zh, en))
        zh_texts, en_texts = zh_texts + z, en_texts + e
    assert len(en_texts) > 4300 and len(zh_texts) > 4000
    assert [t for t in en_texts if srx.segment(t, en_rules) != split_en(t)] == []
    assert [t for t in zh_texts if srx.segment(t, zh_rules) != split_zh(t)] == []


def test_cascade_and_language_maps(tmp_path: Path) -> None:
    path = tmp_path / "rules.srx"
    path.write_text(
        """<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="{cascade}"/>
  <body>
    <languagerules>
      <languagerule languagerulename="en"><rule break="no"><beforebreak>Art\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
      <languagerule languagerulename="any"><rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="en.*" languagerulename="en"/>
      <languagemap languagepattern=".*" languagerulename="any"/>
    </maprules>
  </body>
</srx>""".replace("{cascade}", "yes"),
        encoding="utf-8",
    )
    rules = srx.read_srx(path)
    assert srx.segment("See Art. 5. Done.", rules.for_language("EN-GB")) == ["See Art. 5.", "Done."]
    assert srx.segment("See Art. 5. Done.", rules.for_language("fr")) == ["See Art.", "5.", "Done."]
    path.write_text(
        path.read_text(encoding="utf-8").replace('cascade="yes"', 'cascade="no"'), encoding="utf-8"
    )
    assert srx.segment("See Art. 5. Done.", srx.read_srx(path).for_language("en")) == ["See Art. 5. Done."]


def test_java_inline_flags(tmp_path: Path) -> None:
    """(?iu) and (?U), as LanguageTool's and ICU-minded rules write them."""
    path = tmp_path / "flags.srx"
    path.write_text(
        '<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes" segmentsubflows="yes"/>'
        '<body><languagerules><languagerule languagerulename="x">'
        '<rule break="no"><beforebreak>(?iu)\\bdr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>'
        '<rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>(?U)\\s</afterbreak></rule>'
        '</languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/>'
        "</maprules></body></srx>",
        encoding="utf-8",
    )
    rules = srx.read_srx(path).for_language("en")
    assert srx.segment("Ask DR. Lee.\u3000Then go.", rules) == ["Ask DR. Lee.", "Then go."]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"the file is empty"),
        (b"<srx", r"is not well-formed XML"),
        (b"<tmx version='1.4'/>", r"is not SRX \(root element <tmx>"),
        (
            b'<srx xmlns="http://www.lisa.org/srx20"><body><languagerules><languagerule languagerulename="x">'
            b"<rule><beforebreak>[a-</beforebreak></rule></languagerule></languagerules><maprules>"
            b'<languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>',
            r"x, rule 1: the expression '\[a-' is not one unterm can use",
        ),
    ],
)
def test_bad_rules_are_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.srx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=rf"bad\.srx: {message}"):
        srx.read_srx(path)


def test_the_cli_refuses_bad_rules_with_status_3(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from unterm.cli import app

    (tmp_path / "bad.srx").write_text("not xml", encoding="utf-8")
    out = tmp_path / "a.tmx"
    result = CliRunner().invoke(
        app,
        [
            "align",
            str(ARES / "zh.md"),
            str(ARES / "en.md"),
            "--srx",
            str(tmp_path / "bad.srx"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 3 and "bad.srx: is not well-formed XML" in result.output
    assert not out.exists()


# --- fitting the Chinese to the tool's segments ----------------------------------------------
def test_fit_cuts_at_numbers_then_anchors_else_keeps_it_whole() -> None:
    assert fit("1. 期待大会第二届会议；", ["1.", "Looks forward to the second session;"]) == (
        ["1.", "期待大会第二届会议；"],
        "numbers",
    )
    assert fit(
        "联合国，《条约汇编》，第1771卷，第30822号。",
        ["United Nations, Treaty Series, vol.", "1771, No. 30822."],
    ) == (
        ["联合国，《条约汇编》，", "第1771卷，第30822号。"],
        "anchors",
    )
    # the day and the year cross: no cut keeps each with its counterpart
    assert fit("2022年12月14日", ["14", "December 2022"]) == (["2022年12月14日", ""], "whole")


# --- OmegaT ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def omegat_segmenter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (shutil.which("javac") and shutil.which("java") and OMEGAT_JAR.exists()):
        pytest.skip("java or OmegaT is not installed (Debian packages default-jdk-headless, omegat)")
    classes = tmp_path_factory.mktemp("segmenter")
    source = Path(__file__).parent / "omegat" / "SegmentText.java"
    subprocess.run(
        ["javac", "-cp", str(OMEGAT_JAR), "-d", str(classes), str(source)], check=True, timeout=120
    )
    return classes


def _omegat(classes: Path, *args: str, text: str = "") -> str:
    run = subprocess.run(
        ["java", "-Djava.awt.headless=true", f"-Duser.home={classes}", "-cp", f"{OMEGAT_JAR}:{classes}", "SegmentText", *args],
        input=text, capture_output=True, text=True, encoding="utf-8", check=True, timeout=300,
    )  # fmt: skip
    return run.stdout


def test_omegat_rules_cut_as_omegat_does(
    omegat_segmenter: Path, documents: dict[str, tuple[Path, Path]]
) -> None:
    """The shipped copy of OmegaT's defaults, read by unterm, cuts as OmegaT's own segmenter
    does: every line of the UNPC development set and every paragraph of the documents."""
    texts = {"en": _lines(UNPC / "UNv1.0.devset.en"), "zh-CN": _lines(UNPC / "UNv1.0.devset.zh")}
    for zh, en in documents.values():
        z, e = _paragraphs(unterm.align(zh, en))
        texts["zh-CN"] += z
        texts["en"] += e
    for tag, paragraphs in texts.items():
        theirs = [
            [s for s in line.split("\u241e") if s]
            for line in _omegat(omegat_segmenter, tag.upper(), text="\n".join(paragraphs) + "\n").splitlines()
        ]
        rules = srx.builtin("omegat").for_language(tag)
        ours = [srx.segment(p, rules) for p in paragraphs]
        assert len(theirs) == len(ours) > 4000
        assert [(p, t, o) for p, t, o in zip(paragraphs, theirs, ours, strict=True) if t != o] == []


def test_omegat_segmentation_conf_reads_as_its_srx(omegat_segmenter: Path, tmp_path: Path) -> None:
    """A project's omegat/segmentation.conf, as OmegaT 3 writes it, gives the same rules."""
    conf = tmp_path / "segmentation.conf"
    _omegat(omegat_segmenter, "--save", str(conf))
    read = srx.read_srx(conf)
    for tag in ("en", "zh-CN", "fr"):
        theirs, ours = read.for_language(tag), srx.builtin("omegat").for_language(tag)
        assert [(r.brk, r.before and r.before.pattern, r.after and r.after.pattern) for r in theirs] == [
            (r.brk, r.before and r.before.pattern, r.after and r.after.pattern) for r in ours
        ]


@pytest.mark.skipif(not omegat.installed(), reason="OmegaT is not installed (Debian package omegat)")
@pytest.mark.parametrize("name", ["A/RES/77/173", "UDHR", "Charter I-III", "A/RES/77/173 PDF", "SDG targets"])
def test_sentence_tmx_fills_omegat_segments(
    tmp_path: Path, documents: dict[str, tuple[Path, Path]], name: str
) -> None:
    """A CAT tool as it comes: an OmegaT project with its default settings (sentence
    segmentation on, its default rules), the English document as source, and the sentence
    memory unterm made with OmegaT's rules (--srx omegat) in tm/auto. OmegaT's statistics
    count the segments left untranslated; the target document it writes is the Chinese."""
    zh, en = documents[name]
    memory = tmp_path / "memory.tmx"
    write(unterm.align(zh, en, level="sentence", srx="omegat"), memory)
    pairs = [r for r in unterm.align(zh, en) if r.en]
    run = omegat.translate(tmp_path, [r.en for r in pairs], memory)
    assert run.status == 0, run.log
    assert not [line for line in run.log.splitlines() if "SEVERE" in line or "Exception" in line]
    assert run.total > 40 and run.filled / run.total >= 0.95, (run.total, run.remaining)
    assert run.remaining == 0  # measured: every segment of each document (103, 100, 48, 103, 295)
    # the target document OmegaT glues from the filled segments is the Chinese version
    assert [regex.sub(r"\s", "", t) for t in run.target] == [regex.sub(r"\s", "", r.zh) for r in pairs]


def test_without_the_tools_rules_the_units_are_unterm_sentences(
    documents: dict[str, tuple[Path, Path]],
) -> None:
    """What the OmegaT test measures against: unterm's own sentences keep `1. Takes note`
    whole, which OmegaT cuts in two; with OmegaT's rules the memory has both segments."""
    zh, en = documents["A/RES/77/173"]
    own = {r.en for r in unterm.align(zh, en, level="sentence")}
    tools = {r.en: r.zh for r in unterm.align(zh, en, level="sentence", srx="omegat")}
    assert not any(e == "1." for e in own)
    assert tools["1."] == "1." and tools["12)]"] == "第 12 段)通过]"
    assert tools["1771, No. 30822."] == "第1771卷，第30822号。"
