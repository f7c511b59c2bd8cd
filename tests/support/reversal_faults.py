"""Faults that reverse what a text says or change a number written in words, made in
copies of three kinds of real pair: the UN Charter's chapters I-III (a treaty, as the
site's Markdown), A/RES/77/173 (a resolution) and UNPC v1.0 development documents (a
report, a working paper, a meeting notice). Faults far apart in one document are made
together, so that one QA run checks several: each must be found once, at its place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.support.corpora import ARES, CHARTER
from tests.support.faults import Edit
from tests.support.web import charter_markdown


@dataclass(frozen=True, slots=True)
class Expected:
    """What a fault must give: its check, the keys of its pair, a text its excerpts hold."""

    check: str
    where: tuple[str, str]
    quoted: str


@dataclass(frozen=True, slots=True)
class Group:
    """Faults made together in one copy of a pair: the replacements on each side and
    the findings they must give."""

    name: str
    pair: str  # a key of PAIRS
    zh: tuple[tuple[str, str], ...]
    en: tuple[tuple[str, str], ...]
    expected: tuple[Expected, ...]

    def edit(self, lang: str) -> Edit | None:
        pairs = self.zh if lang == "zh" else self.en
        if not pairs:
            return None

        def apply(text: str) -> str:
            for old, new in pairs:
                assert text.count(old) == 1, f"{text.count(old)} occurrences of {old!r}"
                text = text.replace(old, new)
            return text

        return apply


def charter_pair(folder: Path) -> tuple[Path, Path]:
    out = []
    for side in ("zh", "en"):
        path = folder / f"charter.{side}.md"
        path.write_text(charter_markdown(CHARTER, side), encoding="utf-8")
        out.append(path)
    return out[0], out[1]


def unpc_pair(folder: Path, symbol: str) -> tuple[Path, Path]:
    """One UNPC dev document, one sentence a line (as bench.qa_false_rate writes them)."""
    from bench.term_recall import devset_documents

    rows = devset_documents()[symbol]
    out = []
    for side, k in (("zh", 0), ("en", 1)):
        path = folder / f"{symbol.replace('/', '_')}.{side}.txt"
        path.write_text("\n".join(r[k] for r in rows) + "\n", encoding="utf-8")
        out.append(path)
    return out[0], out[1]


PAIRS = {
    "Charter": charter_pair,
    "A/RES/77/173": lambda folder: (ARES / "zh.md", ARES / "en.md"),
    "A/69/743": lambda folder: unpc_pair(folder, "2015/a/69/743"),
    "E/CN.6/2015/NGO/270": lambda folder: unpc_pair(folder, "2015/e/cn_6/2015/ngo/270"),
    "S/Agenda/7371": lambda folder: unpc_pair(folder, "2015/s/agenda/7371"),
}

GROUPS = [
    Group(
        "Charter: Chinese 不得认为 made 得认为, 得 (may) made 应 (shall)",
        "Charter",
        (("本宪章不得认为授权", "本宪章得认为授权"), ("得将其由本组织除名", "应将其由本组织除名")),
        (),
        (
            Expected("content.negation", ("7 (article 2)", "7 (article 2)"), "本宪章得认为授权"),
            Expected("content.modality", ("after article 6", "after article 6"), "应将其由本组织除名"),
        ),
    ),
    Group(
        "Charter: English `Nothing … shall` made `Everything … shall`, `may be expelled` made `shall`",
        "Charter",
        (),
        (
            ("Nothing contained in the present Charter", "Everything contained in the present Charter"),
            ("may be expelled", "shall be expelled"),
        ),
        (
            Expected("content.negation", ("7 (article 2)", "7 (article 2)"), "并不要求"),
            Expected("content.modality", ("after article 6", "after article 6"), "shall be expe"),
        ),
    ),
    Group(
        "A/RES/77/173: a negation added to the English of 20 and to the Chinese of 15",
        "A/RES/77/173",
        (("15. **鼓励**人居署继续", "15. **鼓励**人居署不再继续"),),
        (
            (
                "20. *Also encourages* UN-Habitat to continue",
                "20. *Also encourages* UN-Habitat not to continue",
            ),
        ),
        (
            Expected("content.negation", ("15", "15"), "不再继续"),
            Expected("content.negation", ("20", "20"), "not to continue"),
        ),
    ),
    Group(
        "A/69/743: `no longer` dropped from the English",
        "A/69/743",
        (),
        (("are no longer required", "are required"),),
        (Expected("content.negation", ("after 3.2.1", "after 3.2.1"), "已不再需要"),),
    ),
    Group(
        "A/69/743: 不再 dropped from the Chinese",
        "A/69/743",
        (("已不再需要", "已需要"),),
        (),
        (Expected("content.negation", ("after 3.2.1", "after 3.2.1"), "no longer required"),),
    ),
    Group(
        "E/CN.6/2015/NGO/270: `a third` made `a quarter` against 三分之一",
        "E/CN.6/2015/NGO/270",
        (),
        (("with a third of the urban population", "with a quarter of the urban population"),),
        (Expected("numbers.mismatch", ("paragraph 2", "paragraph 2"), "三分之一"),),
    ),
    Group(
        "S/Agenda/7371: 上午10时15分 made 10时25分 against `10.15 a.m.`",
        "S/Agenda/7371",
        (("上午10时15分", "上午10时25分"),),
        (),
        (Expected("numbers.mismatch", ("heading 1", "paragraph 1"), "10时25分"),),
    ),
]
