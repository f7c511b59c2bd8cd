"""How UN document parts look on a line: numbers, sub-items, headings, chapeau, closing.

Every pattern here is applied to NFKC-normalised text with Markdown emphasis left in,
so a full-width `１．` or `（a）` is matched like its ASCII form.
"""

from __future__ import annotations

import regex

from unterm.lang.languages import Lang
from unterm.lang.numerals import ZH_DIGIT, roman, zh_numeral
from unterm.lang.text import nfkc

_OPEN_EMPH = r"(?:\*{1,3}|_{2})?"

# `9.` (`9．` after NFKC), and target-style `11.1`, `11.a` before a capital or a Han
# character (so that a wrapped line starting `1.25 a day` is not a paragraph number).
NUMBERED = regex.compile(
    r"^\s*" + _OPEN_EMPH + r"\s*(?:(?P<n>\d{1,3}(?:\.(?:\d{1,3}|[a-z]))+)(?=\s*[\p{Lu}\p{Han}])"
    r"|(?P<n>\d{1,3})\s*\.(?!\d))\s*" + _OPEN_EMPH + r"\s*(?=\S)"
)
SUBITEM = regex.compile(
    r"^\s*" + _OPEN_EMPH + r"\s*\(\s*(?P<n>[a-z]{1,2}|[ivxl]{1,5})\s*\)\s*" + _OPEN_EMPH + r"\s*(?=\S)"
)
RES_TITLE = regex.compile(r"^\s*" + _OPEN_EMPH + r"\s*(?P<n>\d{1,3}/\d{1,4})\s*\.\s*(?=\S)")
MD_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+\S")
SUP_START = regex.compile(r"^\s*(?:<sup>\s*(?P<n>\d{1,3})\s*</sup>|\[\^(?P<m>\d{1,3})\]:?)")
# A footnote's number at its start: before a space, or glued to its text as an extractor
# gives a raised number (`1在《联合国…》`, `1Adopted under`).
BARE_FOOTNOTE = regex.compile(
    r"^\s*(?P<n>\d{1,3})(?:\s+(?=\S)|\s*$|(?=[\p{Han}《“(（\p{Lu}]))(?![.．年月日%])"
)
BULLET = regex.compile(r"^\s*[-–—•▪●◦]\s+\S")
RULE = regex.compile(r"^\s*(?:_{5,}|[-—–]{10,}|[─━]{5,})\s*$")

# Page furniture: running headers and footers a PDF text extractor leaves in the text.
FURNITURE = (
    regex.compile(r"^\s*\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d{7,}\*)?\s*$"),  # job number
    regex.compile(r"^\s*\*\d{7,}\*\s*$"),  # barcode
    regex.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$"),  # page 3/7
    regex.compile(r"^\s*[-–]\s*\d{1,3}\s*[-–]\s*$"),  # - 3 -
    regex.compile(r"^\s*(?:Page|第)\s*\d{1,3}\s*(?:页)?\s*$"),
    # what a web page's text brings along: a wiki's edit link on a line of its own, a
    # document viewer's page counter
    regex.compile(r"^\s*\[?\s*(?:编辑|編輯|edit)\s*\]?\s*$"),
    regex.compile(r"^\s*You are on page\s*\d{1,4}\s*of\s*\d{1,4}\s*$", regex.IGNORECASE),
)
# A wiki's edit link inside a line of text copied from Wikipedia or Wikisource.
WIKI_EDIT = regex.compile(r"\[\s*(?:编辑|編輯|edit|编辑源代码|編輯原始碼|edit source)\s*\]")

# The masthead on a document's first page: organ and distribution, original language.
MASTHEAD = (
    regex.compile(
        r"^\s*(?:General Assembly|Security Council|Economic and Social Council|大\s*会|"
        r"安全理事会|经济及社会理事会)?\s*Distr\.?:\s*\w+\s*$"
    ),
    regex.compile(r"^\s*Original:\s*\w+\s*$"),
    regex.compile(
        r"^\s*(?:General Assembly|Security Council|Economic and Social Council|大\s*会|安全理事会|经济及社会理事会)\s*$"
    ),
)

_EN_OPENERS = (
    "Acknowledging|Affirming|Alarmed|Appreciating|Approves|Aware|Bearing in mind|Believing|"
    "Calls upon|Calls on|Cognizant|Commending|Concerned|Condemning|Conscious|Considering|"
    "Convinced|Decides|Declaring|Deeply|Deploring|Desiring|Determined|Emphasizing|Encouraged|"
    "Encourages|Endorsing|Expressing|Further|Gravely|Guided|Having|Highlighting|Invites|"
    "Keeping in mind|Looks forward|Mindful|Noting|Noting with|Observing|Pointing out|"
    "Reaffirming|Realizing|Recalling|Recognizing|Recognising|Reiterating|Requests|Stressing|"
    "Taking into account|Taking note|Underlining|Underscoring|Urges|Welcoming|Whereas|Also|"
    "Reaffirms|Recognizes|Takes note|Welcomes|Stresses|Emphasizes|Notes|Recalls|Reiterates|Urges"
)
EN_OPENER = regex.compile(r"^\s*\*?\s*(?:" + _EN_OPENERS + r")\b")

_ZH_OPENERS = (
    "回顾|又回顾|还回顾|重申|又重申|还重申|再次重申|进一步重申|欢迎|又欢迎|还欢迎|赞赏|认识到|又认识到|"
    "还认识到|注意到|又注意到|还注意到|表示注意到|又表示注意到|还表示注意到|极为关切地注意到|关切地注意到|"
    "强调|又强调|还强调|意识到|承认|再次申明|申明|指出|深信|关切|深为关切|严重关切|铭记|考虑到|确认|"
    "鼓励|又鼓励|还鼓励|邀请|请|又请|促请|敦促|决定|又决定|期待|呼吁|吁请|核可|赞同|支持|谴责|感谢|"
    "表示|希望|坚信|相信|忆及|鉴于|欣见|满意地注意到|遗憾地注意到"
)
ZH_OPENER = regex.compile(r"^\s*(?:\*\*)?\s*(?:" + _ZH_OPENERS + r")")

EN_CHAPEAU = regex.compile(
    r"^\s*\*?(?:The\s+)?(?:General Assembly|Security Council|Economic and Social Council|"
    r"Human Rights Council|Trusteeship Council|[A-Z][\w\s-]{0,60}?(?:Assembly|Council|Conference|"
    r"Commission|Committee|Board|Meeting of the Parties))\*?\s*[,:]?\s*$"
)
ZH_CHAPEAU = regex.compile(
    r"^\s*\*{0,2}[\p{Han}]{0,16}(?:大会|理事会|安理会|委员会|执行局|缔约方会议)\*{0,2}\s*[,，:：]?\s*$"
)

EN_MEETING = regex.compile(r"^\s*\*?\s*\d{1,4}\s*(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\s*\*?\s*$", regex.I)
ZH_MEETING = regex.compile(r"^\s*\*?\s*第\s*\d{1,4}\s*次(?:全体)?会议\s*\*?\s*$")
EN_DATE_LINE = regex.compile(
    r"^\s*\*?\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{4}\s*\*?\s*$"
)
ZH_DATE_LINE = regex.compile(r"^\s*\*?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\*?\s*$")

# An article heading, alone or with its title after a separator (`Article 1: Purposes`,
# `第一条　用语和范围`); a wrapped line starting `Article 5 of the Convention` is none, nor is
# a Chinese article written on the same line as its heading (`第一条　为了…，制定本法。`).
# Declarations and standards number principles and rules the same way (`Principle 7` /
# `原则七`, `Rule 1` / `规则1`; traditional characters as web pages give them: `原則七`).
ARTICLE = {
    Lang.EN: regex.compile(
        r"^\s*(?:#+\s*)?\*{0,2}(?P<what>Article|ARTICLE|Principle|PRINCIPLE|Rule|RULE)\s+(?P<n>\d{1,3})\*{0,2}"
        r"(?:\s*[:.–—-]\s*\p{Lu}[^.;:!?]{0,80})?\s*$"
    ),
    Lang.ZH: regex.compile(
        r"^\s*(?:#+\s*)?\*{0,2}(?:第\s*(?P<n>[" + ZH_DIGIT + r"十百\d]{1,6})\s*(?P<what>条|條)"
        r"|(?P<what>原则|原則|规则|規則)\s*(?P<n>[" + ZH_DIGIT + r"十百\d]{1,6}))\*{0,2}"
        r"(?:[\s:：]\s*[^\s，。；：！？,.;:!?][^，。；：！？,.;:!?]{0,24})?\s*$"
    ),
}
_UNIT_NAME = {
    "条": "article",
    "條": "article",
    "原则": "principle",
    "原則": "principle",
    "规则": "rule",
    "規則": "rule",
}
# The keys of the numbered units a treaty or declaration is made of (`article 3`).
UNIT_KEYS = ("article ", "principle ", "rule ")


def unit_name(what: str) -> str:
    """`article`, `principle` or `rule` for the word an ARTICLE match found."""
    return _UNIT_NAME.get(what) or what.lower()


# A treaty's or report's larger divisions on a line of their own, with or without their
# title: `第一章：宗旨及原则`, `Chapter I: Purposes and Principles`, `CHAPTER II, MEMBERSHIP`,
# `第二部分`, `Part II`, `附件二`, `Annex`. In English a title follows a separator (a comma
# only before a title in capitals), so that a line starting `Chapter VII of the Charter`
# is not one.
DIVISION = {
    Lang.EN: regex.compile(
        r"^\s*(?:#+\s*)?\*{0,2}(?P<what>Chapter|CHAPTER|Part|PART|Annex|ANNEX)"
        r"(?:\s+(?P<n>[IVXLC]{1,7}|\d{1,3}))?\*{0,2}"
        r"(?:\s*[:.–—-]\s*\S.*|,\s*[^\p{Ll}]+)?\s*$"
    ),
    Lang.ZH: regex.compile(
        r"^\s*(?:#+\s*)?\*{0,2}(?:第\s*(?P<n>[" + ZH_DIGIT + r"十百\d]{1,6})\s*(?P<what>章|部分)"
        r"|(?P<what>附件)(?P<n>[" + ZH_DIGIT + r"十]{1,4}|\d{1,2})?)\*{0,2}"
        r"(?:[\s:：]\s*\S.*)?\s*$"
    ),
}
_DIVISION_NAME = {"章": "chapter", "部分": "part", "附件": "annex"}
# A Chinese list item numbered in its text (`一、`), not a run of numerals (`一、二、三条`).
ZH_ITEM = regex.compile(r"^\s*\*{0,2}(?P<n>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十])\s*(?=\S)")


def number_end(text: str) -> int:
    """Where a paragraph's text starts after its own number (`9. `, `9．`, `11.1 `, `一、`,
    `(a) `, `（ii）`), as an offset in `text` (0 where it starts with none). The patterns
    see the text after NFKC, as when the paragraph was classified; the offset is mapped
    back to the text as written, full-width forms and all."""
    head = nfkc(text[:_NUMBER_SPAN])
    m = NUMBERED.match(head) or ZH_ITEM.match(head) or SUBITEM.match(head)
    if not m:
        return 0
    seen = 0
    for k, ch in enumerate(text):
        if seen >= m.end():
            return k
        seen += len(nfkc(ch))
    return len(text)


_NUMBER_SPAN = 40  # no paragraph number is longer (`(xviii) `, `11.1.2 `, `二十三、`)


_INDENT = regex.compile(r"[ \t]*\u3000")
_EMPHASISED = regex.compile(r"(\*{1,2})[^*]+\1[,.;:]?")


def indented(line: str) -> bool:
    """A line indented with full-width spaces (`　　`), as Chinese web pages and word
    processors start a paragraph (read before NFKC, which makes them plain spaces)."""
    return bool(_INDENT.match(line))


def heading_line(line: str) -> bool:
    """A line that is a heading by its form alone: an article, chapter, part or annex
    heading, or a Markdown heading; the text after it is a paragraph of its own."""
    text = nfkc(line)
    return bool(MD_HEADING.match(text) or any(p.match(text) for p in (*ARTICLE.values(), *DIVISION.values())))


def division_key(text: str, lang: Lang) -> str:
    """`chapter 1`, `part 2`, `annex 2` or `annex` for a division heading, else ``."""
    m = DIVISION[lang].match(text)
    if not m:
        return ""
    what = m["what"].lower() if lang is Lang.EN else _DIVISION_NAME[m["what"]]
    n = m["n"]
    if not n:
        return what
    if n.isdigit():
        return f"{what} {int(n)}"
    return f"{what} {roman(n) if lang is Lang.EN else zh_numeral(n)}"


# What ends a paragraph: en , ; . : ! ? and zh ，；。：！？ (possibly before a closing
# quote, bracket, emphasis or a footnote marker).
_TERMINAL = regex.compile(r"[,;.:!?，；。：！？](?:\s*(?:<sup>\s*\d+\s*</sup>|\d{1,3}))?[\s\"'”’)）\]*]*$")


def starts_unit(line: str) -> bool:
    """Whether a line starts a new unit whatever came before: a number, heading, note."""
    text = nfkc(line)
    return bool(
        NUMBERED.match(text)
        or SUBITEM.match(text)
        or MD_HEADING.match(text)
        or SUP_START.match(text)
        or BULLET.match(text)
        or RES_TITLE.match(text)
        or ARTICLE[Lang.EN].match(text)
        or ARTICLE[Lang.ZH].match(text)
        or DIVISION[Lang.EN].match(text)
        or DIVISION[Lang.ZH].match(text)
        or ZH_ITEM.match(text)
    )


def opens_paragraph(line: str, lang: Lang) -> bool:
    """Whether a line opens like a preambular or operative paragraph (`Recalling`, `回顾`)."""
    text = nfkc(line)
    if lang is Lang.ZH:
        return bool(ZH_OPENER.match(text)) or text.lstrip().startswith("**")
    return bool(EN_OPENER.match(text)) or bool(regex.match(r"^\s*\*[A-Z]", text))


def terminated(text: str) -> bool:
    """Whether a paragraph's text ends the way a finished paragraph ends."""
    return bool(_TERMINAL.search(nfkc(text).rstrip()))


def standalone(line: str, lang: Lang) -> bool:
    """A line that is a unit on its own: a closing date or meeting, a fully emphasised line."""
    text = nfkc(line).strip()
    if lang is Lang.ZH:
        if ZH_DATE_LINE.match(text) or ZH_MEETING.match(text):
            return True
    elif EN_DATE_LINE.match(text) or EN_MEETING.match(text):
        return True
    return bool(_EMPHASISED.fullmatch(text))


def is_closing(line: str, lang: Lang) -> bool:
    text = nfkc(line).strip()
    if lang is Lang.ZH:
        return bool(ZH_DATE_LINE.match(text) or ZH_MEETING.match(text))
    return bool(EN_DATE_LINE.match(text) or EN_MEETING.match(text))


_ORGAN = {
    Lang.EN: regex.compile(
        r"^\s*\*?(?:The\s+)?(?:General Assembly|Security Council|Economic and Social Council|"
        r"Human Rights Council|Trusteeship Council)\*?\s*[,:]?\s*$"
    ),
    Lang.ZH: regex.compile(
        r"^\s*\*{0,2}(?:大会|安全理事会|安理会|经济及社会理事会|经社理事会|人权理事会)\*{0,2}\s*[,，:：]?\s*$"
    ),
}


def is_organ(line: str, lang: Lang) -> bool:
    """A principal organ's name standing alone: a chapeau wherever it stands."""
    return bool(_ORGAN[lang].match(nfkc(line)))


def is_chapeau(line: str, lang: Lang) -> bool:
    text = nfkc(line).strip()
    if lang is Lang.ZH:
        return len(text) <= 24 and bool(ZH_CHAPEAU.match(text))
    return len(text) <= 80 and bool(EN_CHAPEAU.match(text))


# A letter's signature block: `(Signed) Dmitry Polyanskiy`, Chinese `（签名）` before or after the name.
SIGNED = regex.compile(r"^\s*\(\s*Signed\s*\)|^\s*（签名）|（签名）\s*$|\(签名\)")
# A meeting record's turn: the speaker, where they speak from and in what language, a colon
# (`The President (spoke in Russian): `, `Mr. Levitte (France) (spoke in French): `,
# `主席（以俄语发言）：`, `莱维特先生（法国）（以法语发言）：`).
SPEAKER = {
    Lang.EN: regex.compile(
        r"^\s*(?:The (?:Acting )?(?:President|Chair|Chairman|Chairperson|Secretary-General)|"
        r"(?:Mr|Ms|Mrs|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Archbishop|Monsignor|Prince|Princess|Sheikh|"
        r"Sheikha|King|Queen|President|Prime Minister|Minister)\.?\s+[\p{Lu}][\p{L}\p{M}'’.\- ]{0,60}?)"
        r"(?:\s*\([^()]{1,80}\)){0,3}\s*:\s"
    ),
    Lang.ZH: regex.compile(
        r"^\s*(?:(?:代理)?主席|秘书长|[\p{Han}·・]{1,16}(?:先生|女士|夫人|阁下|勋爵|爵士|亲王|王子|公主|大主教|主教|殿下))"
        r"(?:\s*[（(][^（）()]{1,40}[）)]){0,3}\s*[：:]"
    ),
}
# An annex heading: `Annex`, `Annex II`, `ANNEX 1 - title`, `Annex to the letter dated ...`,
# Chinese `附件`, `附件二`, `...信的附件`.
_ANNEX = {
    Lang.EN: regex.compile(
        r"^\s*(?:#+\s*)?\*{0,2}(?:Annex|ANNEX)(?:\s+(?P<n>[IVXLC]{1,7}|\d{1,3}))?\b"
        r"(?:\s*$|\s*[:.–—-]\s*\S|\s+(?:to|of)\s+(?:the\s+)?(?:letter|note|report|identical))"
    ),
    Lang.ZH: regex.compile(
        r"^\s*(?:#+\s*)?\*{0,2}附件(?P<n>["
        + ZH_DIGIT
        + r"十]{1,4}|\d{1,2})?(?:\s|[：:]|$)|^[^。；]{4,120}?(?:信|函|照会|报告)(?:的)?附件(?P<n>["
        + ZH_DIGIT
        + r"十]{1,4})?\s*$"
    ),
}


def annex_number(text: str, lang: Lang) -> int | None:
    """An annex heading's number (1 where it has none), or None for any other text."""
    m = _ANNEX[lang].match(nfkc(text))
    if m is None:
        return None
    n = m["n"]
    if not n:
        return 1
    return int(n) if n.isdigit() else (roman(n) if lang is Lang.EN else zh_numeral(n))
