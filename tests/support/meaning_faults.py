"""Faults a reviser catches by reading, made in copies of the real A/RES/77/173 pair: a
paragraph holding another's text, a wrong name, a numeral changed inside a name, a
paragraph pasted twice, half a paragraph left out, a clause added, a list item dropped,
each on each side."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from tests.support.corpora import CORPORA, UDHR
from tests.support.faults import Edit, replaced
from tests.support.render import udhr_to_markdown

ZH_11 = "11. **还重申**根据国家和地方情况量身定制和调整的青年政策有助于确保应对青年发展挑战，并鼓励青年有意义地参与城市政策和决策进程；"
ZH_12_TEXT = "**重申**必须加强城市能力，将风险管理进一步纳入预防性城市发展政策，以建立城市复原力；"
EN_11 = (
    "11. *Further reaffirms* that youth policies tailored and adapted to national and local circumstances "
    "contribute to ensuring that youth development challenges are addressed, and encourages the meaningful "
    "participation of youth in urban policy and decision-making processes;"
)
EN_12_TEXT = (
    "*Reaffirms* the need to strengthen the capacity of cities to further integrate risk management into "
    "preventive urban development policies in order to build urban resilience;"
)
ZH_4 = "4. **鼓励**会员国自愿提供更多可预测的财政资源，为人居署的政府间治理进程服务；"
EN_4 = (
    "4. *Encourages* Member States to provide more predictable voluntary financial resources to serve the "
    "intergovernmental governance processes of UN-Habitat;"
)
ZH_5_SECOND_HALF = (
    "，邀请各国政府及其他利益攸关方提供自愿和可预测的多年资金，并增加不指定用途的捐助，以支持人居署执行任务，"
    "并请人居署执行主任确保供资报告透明，会员国易于获取，包括为此创建一个包含相关财务信息的在线登记册；"
)
EN_5_SECOND_HALF = (
    ", invites Governments and other stakeholders to provide voluntary and predictable multi-year funding "
    "and to increase non-earmarked contributions to support the implementation of the mandate of UN-Habitat, "
    "and requests the Executive Director of UN-Habitat to ensure transparent reporting on funding that is "
    "easily accessible to Member States, including through the creation of an online registry containing "
    "relevant financial information;"
)


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault: the edit to each side, the check that must find it and where (the keys
    of the pair on each side), and what the finding's excerpt must hold."""

    name: str
    zh: Edit | None
    en: Edit | None
    check: str
    where: tuple[str, str]
    quoted: str = ""


FAULTS = [
    Fault(
        "Chinese paragraph 11 holds the text of 12",
        replaced(ZH_11, "11. " + ZH_12_TEXT),
        None,
        "content.mismatch",
        ("11", "11"),
    ),
    Fault(
        "English paragraph 11 holds the text of 12",
        None,
        replaced(EN_11, "11. " + EN_12_TEXT),
        "content.mismatch",
        ("11", "11"),
    ),
    Fault(
        "Chinese 人居署 replaced by 环境署",
        replaced("15. **鼓励**人居署继续", "15. **鼓励**环境署继续"),
        None,
        "names.mismatch",
        ("15", "15"),
        "环境署",
    ),
    Fault(
        "English UN-Habitat replaced by UNEP",
        None,
        replaced("15. *Encourages* UN-Habitat to continue", "15. *Encourages* UNEP to continue"),
        "names.mismatch",
        ("15", "15"),
        "UNEP",
    ),
    Fault(
        "English Government of Poland replaced by Hungary",
        None,
        replaced("the Government of Poland and the city", "the Government of Hungary and the city"),
        "names.mismatch",
        ("preambular 22", "preambular 22"),
        "Hungary",
    ),
    Fault(
        "Chinese 波兰政府 replaced by 匈牙利政府",
        replaced("赞赏波兰政府和卡托维兹市", "赞赏匈牙利政府和卡托维兹市"),
        None,
        "names.mismatch",
        ("preambular 22", "preambular 22"),
        "匈牙利",
    ),
    Fault(
        "English Habitat III written Habitat II",
        None,
        replaced("Development (Habitat III), held in Quito", "Development (Habitat II), held in Quito"),
        "names.mismatch",
        ("preambular 5", "preambular 5"),
        "Habitat II",
    ),
    Fault(
        "Chinese 人居三 written 人居二",
        replaced("可持续发展大会(人居三)通过的", "可持续发展大会(人居二)通过的"),
        None,
        "names.mismatch",
        ("preambular 5", "preambular 5"),
        "人居二",
    ),
    Fault(
        "Chinese paragraph 4 pasted twice",
        replaced(ZH_4, ZH_4 + "\n\n" + ZH_4.removeprefix("4. ")),
        None,
        "structure.repeat",
        ("after 4", ""),
    ),
    Fault(
        "English paragraph 4 pasted twice",
        None,
        replaced(EN_4, EN_4 + "\n\n" + EN_4.removeprefix("4. ")),
        "structure.repeat",
        ("", "after 4"),
    ),
    Fault(
        "Chinese paragraph 5 without its second half",
        replaced(ZH_5_SECOND_HALF, "；"),
        None,
        "content.omission",
        ("5", "5"),
        "Governments and other stakeholders to provide",
    ),
    Fault(
        "English paragraph 5 without its second half",
        None,
        replaced(EN_5_SECOND_HALF, ";"),
        "content.omission",
        ("5", "5"),
        "以支持人居署执行任务",
    ),
    Fault(
        "English clause added to paragraph 14",
        None,
        replaced(
            "as well as policies and priorities;",
            "as well as policies and priorities, and calls for closer cooperation with regional development "
            "banks in mobilizing private finance for slum upgrading;",
        ),
        "content.omission",
        ("14", "14"),
        "closer cooperation with regional development banks",
    ),
    Fault(
        "Chinese clause added to paragraph 14",
        replaced(
            "并尊重国家法律和做法以及政策和优先事项；",
            "并尊重国家法律和做法以及政策和优先事项，呼吁与区域开发银行密切合作，调动私人资金改造贫民窟；",
        ),
        None,
        "content.omission",
        ("14", "14"),
        "呼吁与区域开发银行密切合作",
    ),
    Fault(
        "Chinese list item dropped",
        replaced("实现性别平等，增强所有妇女和女童的权能，使她们能对可持续发展作出充分而重要的贡献，", ""),
        None,
        "content.omission",
        ("9", "9"),
        "achieve gender equality and the empowerment of all women and girls",
    ),
    Fault(
        "English list item dropped",
        None,
        replaced(
            "achieve gender equality and the empowerment of all women and girls in order to fully harness "
            "their vital contribution to sustainable development, ",
            "",
        ),
        "content.omission",
        ("9", "9"),
        "实现性别平等，增强所有妇女和女童的权能",
    ),
]


def real_pairs(folder: Path) -> dict[str, tuple[Path, Path]]:
    """The other real, untouched pairs the meaning checks must leave quiet: the UDHR (as
    Markdown with its headings) and the SDG framework's goals, targets and indicators
    (one a line, with their numbers), written into `folder`."""
    out: dict[str, tuple[Path, Path]] = {}
    paths = []
    for side, name in (("zh", "udhr_cmn_hans.xml"), ("en", "udhr_eng.xml")):
        path = folder / f"udhr.{side}.md"
        path.write_text(udhr_to_markdown(UDHR / name), encoding="utf-8")
        paths.append(path)
    out["UDHR"] = (paths[0], paths[1])
    for part in ("goals", "targets", "indicators"):
        with open(CORPORA / "sdg_framework" / "derived" / f"global_{part}_en_zh.tsv", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f, delimiter="\t") if r["key"].endswith("-title")]
        paths = []
        for side in ("zh", "en"):
            lines = [f"{_sdg_number(r['key'])} {' '.join(r[side].split())}" for r in rows]
            path = folder / f"sdg_{part}.{side}.txt"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            paths.append(path)
        out[f"SDG {part}"] = (paths[0], paths[1])
    return out


def _sdg_number(key: str) -> str:
    """`11-1-title` is target 11.1, `11-1-1-title` indicator 11.1.1, `11-title` goal 11."""
    return key.rsplit("-", 1)[0].replace("-", ".")
