"""What each printed line of a PDF is: the first page's masthead, page furniture, a
footnote at a page's foot, or the body.

- The masthead is the first page's top: `United Nations` and the symbol, the organ,
  `Distr.: General`, the date, `Original: English` (or `Provisional` for a meeting
  record); the document symbol is read from it, joint symbols (`A/80/434-S/2025/632`,
  or one a line in the typewriter era) as one.
- Furniture is what repeats at the same height near the top or foot of the pages (its
  digits aside: the page and job numbers change), and what has the form of furniture
  there: a job number (`13-27781 (E) 090413`), a bar code (`*1327881*`), a page number
  (`3/42`, `2`, `Page 2`), the symbol alone, `Please recycle`, `Accessible document`,
  `/...`, a reissue note (`* Reissued for technical reasons`).
- Footnotes are the lines under the short rule at a page's foot, or, with no rule, the
  lines at the foot in a smaller size that open with a raised number.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum

import regex

from unterm.documents.pdflines import Line
from unterm.lang.symbols import masthead_symbol


class Role(str, Enum):
    MASTHEAD = "masthead"
    FURNITURE = "furniture"
    NOTE = "note"
    RULE = "rule"  # the rule over a page's footnotes
    BODY = "body"


_FURNITURE = regex.compile(
    r"^(?:\d{2}-\d{5}\**(?:\s*\([A-Z]\))?(?:\s+\d{6})?|\d{6}|\*\d{7,}\*|\d{1,3}\s*/\s*\d{1,3}|\d{1,3}|[-–]\s*\d{1,3}\s*[-–]"
    r"|(?:Page|第)\s*\d{1,3}\s*页?|/\s*\.\.\.|\.\.\./|Please recycle|Accessible document|请回收|"
    r"English|Chinese|Chinois|中文|Original:?\s*\w+|ORIGINAL:?\s*\w+|"
    r"\d{2}/\d{2}/\d{4})$",
    regex.IGNORECASE,
)
_MASTHEAD_ITEM = (
    r"(?:United Nations|UNITED|NATIONS|联\s*合\s*国|Distr\.?:?\s*\w*|GENERAL|LIMITED|RESTRICTED|Provisional|临时|"
    r"General Assembly|Security Council|Economic and Social Council|Trusteeship Council|"
    r"大\s*会|安\s*全\s*理\s*事\s*会|经\s*济\s*及\s*社\s*会\s*理\s*事\s*会|托管理事会|Original:?\s*\w+|ORIGINAL:?\s*\w+|原文[：:]\s*\w+|A\s*S|[AES]|"
    r"\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}|"
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)|\d{4}|"
    r"[A-Z]{1,8}(?:\.\d+)?(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+(?:\s?\((?:[IVXLC]+|\d{4})\))?)"
)
# a masthead's cell: one or more of its items (`United Nations A/RES/77/173`, `大会 Distr.: General`)
_MASTHEAD = regex.compile(r"^" + _MASTHEAD_ITEM + r"(?:\s*" + _MASTHEAD_ITEM + r")*$")
# a reissue note at the first page's foot, its asterisks repeated after the symbol and
# the job number (`*** Third reissue for technical reasons (17 April 2012).`)
_REISSUE = regex.compile(
    r"^\*+\s*(?:(?:First|Second|Third|Fourth|Fifth)\s+)?(?:Re-?issued?|Issued|Corrected)\b|^\*+\s*(?:因技术原因|重新印发|第.次重发)",
    regex.IGNORECASE,
)
_RULE = regex.compile(r"^(?:_{5,}|[-—–]{10,}|[─━]{5,})$")
_END = regex.compile(r"^[-–—]{3,7}$|^[*]{3}$")  # the mark under a typewriter-era document's last line


@dataclass(frozen=True, slots=True)
class Sorted:
    """A document's lines, each with its role, and its symbol read from the masthead."""

    lines: tuple[Line, ...]
    roles: tuple[Role, ...]
    symbol: str


def sort_lines(pages: list[list[Line]], heights: list[float]) -> Sorted:
    """The role of every line of a document, given page by page in reading order with
    the pages' heights."""
    running = _running(pages, heights)
    lines: list[Line] = []
    roles: list[Role] = []
    masthead: list[Line] = []
    for k, page in enumerate(pages):
        mast = _masthead(page) if k == 0 else set()
        page_roles = []
        for i, line in enumerate(page):
            if i in mast:
                page_roles.append(Role.MASTHEAD)
                masthead.append(line)
            elif _is_furniture(line, heights[k], running) or (_END.match(line.text) and i == len(page) - 1):
                page_roles.append(Role.FURNITURE)
            else:
                page_roles.append(Role.BODY)
        _mark_notes(page, page_roles, heights[k])
        lines += page
        roles += page_roles
    return Sorted(tuple(lines), tuple(roles), _symbol(masthead))


def _shape(line: Line) -> str:
    return regex.sub(r"\d+", "#", line.text)


def _zone(line: Line, height: float) -> bool:
    """Whether a line stands near the top or the foot of its page."""
    return line.base < 0.13 * height or line.base > 0.87 * height


def _running(pages: list[list[Line]], heights: list[float]) -> set[tuple[int, str]]:
    """Running headers and footers: (height, shape) pairs near the top or foot of three
    pages or more, or of more than half of the pages."""
    seen: Counter[tuple[int, str]] = Counter()
    for k, page in enumerate(pages):
        seen.update({(round(ln.base / 4), _shape(ln)) for ln in page if _zone(ln, heights[k])})
    return {key for key, n in seen.items() if n >= 3 or (n >= 2 and n > len(pages) / 2)}


def _is_furniture(line: Line, height: float, running: set[tuple[int, str]]) -> bool:
    if _REISSUE.match(line.text):
        return True
    if not _zone(line, height) or line.note is not None:  # a raised number opens a footnote
        return False
    key = round(line.base / 4), _shape(line)
    if key in running or (key[0] + 1, key[1]) in running or (key[0] - 1, key[1]) in running:
        return True
    if all(_FURNITURE.match(c) or masthead_symbol(c) for c in line.cells):
        return True
    # a running header: the symbol, the short title and the date (`A/RES/70/10 Report of
    # the International Atomic Energy Agency`, `06/10/2025 Women and peace and security S/PV.10011`)
    ends = (line.cells[0], line.cells[-1])
    return len(line.cells) >= 2 and line.base < 0.13 * height and any(masthead_symbol(c) for c in ends)


def _masthead(page: list[Line]) -> set[int]:
    """The first page's masthead lines: down to `Original: ...` where the top of the page
    has it; else the lines at the top that have a masthead's form."""
    if not page:
        return set()
    top = page[0].base
    heights = [ln.base for ln in page]
    end = next(
        (
            i
            for i, ln in enumerate(page)
            if regex.match(r"(?i)^original:?\s*\w+$", ln.cells[-1]) and ln.base < top + 250
        ),
        None,
    )
    if end is not None:
        limit = heights[end]
        return {
            i for i, ln in enumerate(page) if ln.base <= limit + 1 and (ln.column != 2 or ln.base < limit)
        }
    out: set[int] = set()
    for i, ln in enumerate(page):
        if ln.base > top + 120:
            break
        if not all(_MASTHEAD.match(c) or masthead_symbol(c) for c in ln.cells):
            break
        out.add(i)
    return out


def _symbol(masthead: list[Line]) -> str:
    """The symbol the masthead prints: joint symbols one after another are one."""
    found: list[str] = []
    for ln in masthead:
        for cell in ln.cells:
            symbol = masthead_symbol(cell)
            if symbol and symbol not in found:
                found.append(symbol)
    return "-".join(found)


def _mark_notes(page: list[Line], roles: list[Role], height: float) -> None:
    """Mark a page's footnotes: the lines under a short rule in the lower half of the
    page (in the same column), or, without a rule, the smaller lines at its foot from one
    opening with a raised number. A note marked `*` (a reissue note, the agenda's
    document) is furniture."""
    body = [i for i, r in enumerate(roles) if r is Role.BODY]
    if not body:
        return
    sizes = Counter(round(page[i].size) for i in body for _ in range(len(page[i].text)))
    size = sizes.most_common(1)[0][0]
    notes: list[int] = []
    for i in body:
        line = page[i]
        if _RULE.match(line.text) and line.x1 - line.x0 < 250 and line.base > 0.45 * height:
            notes = [j for j in body if j > i and page[j].column == line.column]
            if notes:
                roles[i] = Role.RULE
                break
    if not notes:
        # no rule: the foot's smaller lines, from the first that opens with a raised number
        tail: list[int] = []
        for i in reversed(body):
            if page[i].size >= size - 0.4:
                break
            tail.insert(0, i)
        start = next((k for k, i in enumerate(tail) if page[i].note is not None), len(tail))
        notes = tail[start:]
    starred = False
    for i in notes:
        line = page[i]
        if line.note is not None or _NOTE_START.match(line.text):
            starred = (line.note is None and line.text.startswith("*")) or line.sup_lead == "*"
        roles[i] = Role.FURNITURE if starred else Role.NOTE


_NOTE_START = regex.compile(r"^(?:\*+|\d{1,3}/?)(?:\s|$)")
