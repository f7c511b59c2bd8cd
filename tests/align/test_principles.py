"""Declarations number principles (and standards rules) as treaties number articles:
`Principle 7` over its text in English, `原则七` (or `原則七`, as traditional-character
web pages give it) in Chinese. The Rio Declaration on Environment and Development
(A/CONF.151/26 (Vol. I), annex I), principles 1 to 4, as its web copies lay them out:
each heading on a line of its own, `[编辑]` (a wiki's edit link) before each Chinese
paragraph."""

from __future__ import annotations

from pathlib import Path

from unterm import align, check
from unterm.documents.model import BlockKind
from unterm.lang.anchors import extract_anchors
from unterm.lang.languages import Lang

ZH = """原则一
[编辑]人类处在关注持续发展的中心。他们有权同大自然协调一致从事健康的、创造财富的生活。
原则二
[编辑]各国根据联合国宪章和国际法原则有至高无上的权利按照它们自己的环境和发展政策开发它们自己的资源,并有责任保证在它们管辖或控制范围内的活动不致损害其他国家的或在各国管辖范围以外地区的环境。
原則三
[编辑]必须履行发展的权利,以便公正合理地满足当代和世世代代的发展与环境需要。
原则四
[编辑]为了达到持续发展,环境保护应成为发展进程中的一个组成部分,不能同发展进程孤立开看待。
"""

EN = """Principle 1

Human beings are at the centre of concerns for sustainable development. They are entitled to a healthy and productive life in harmony with nature.

Principle 2

States have, in accordance with the Charter of the United Nations and the principles of international law, the sovereign right to exploit their own resources pursuant to their own environmental and developmental policies, and the responsibility to ensure that activities within their jurisdiction or control do not cause damage to the environment of other States or of areas beyond the limits of national jurisdiction.

Principle 3

The right to development must be fulfilled so as to equitably meet developmental and environmental needs of present and future generations.

Principle 4

In order to achieve sustainable development, environmental protection shall constitute an integral part of the development process and cannot be considered in isolation from it.
"""


def test_principles_pair_by_their_numbers(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    alignment = align(tmp_path / "zh.txt", tmp_path / "en.txt")
    headings = [alignment.key(p) for p in alignment.pairs if alignment.kind(p) is BlockKind.HEADING]
    assert headings == [f"principle {n}" for n in range(1, 5)]
    assert [len(p.zh) == len(p.en) == 1 for p in alignment.pairs] == [True] * 8
    report = check(alignment)
    assert not [f for f in report.findings if f.check.startswith("numbers.")]


def test_a_principle_number_is_a_number_and_a_word_is_not() -> None:
    assert extract_anchors("原则七", Lang.ZH) == extract_anchors("Principle 7", Lang.EN)
    assert extract_anchors("原则七", Lang.ZH) != ()
    assert extract_anchors("这些原则一致适用", Lang.ZH) == ()


def test_what_a_web_copy_brings_along_is_left_out(tmp_path: Path) -> None:
    """Wikisource's edit links, alone on a line (`編輯`) or before the text (`[编辑]`), and
    a document viewer's `You are on page 1of 5` are no paragraphs, and no text."""
    zh = ZH.replace("\n[编辑]", "\n編輯\n[编辑]")
    (tmp_path / "zh.txt").write_text(zh, encoding="utf-8")
    (tmp_path / "en.txt").write_text("You are on page 1of 5\n\n" + EN, encoding="utf-8")
    alignment = align(tmp_path / "zh.txt", tmp_path / "en.txt")
    assert [len(p.zh) == len(p.en) == 1 for p in alignment.pairs] == [True] * 8
    texts = [alignment.text(p, Lang.ZH) + alignment.text(p, Lang.EN) for p in alignment.pairs]
    assert not [t for t in texts if "编辑" in t or "編輯" in t or "You are on page" in t]
