"""Web-page renderings of real texts: the UN Charter's chapters as they come (Jekyll
Markdown pages holding both languages), as a translator copies them from a web page, and
as saved HTML; A/RES/77/173 as an HTML page with footnotes."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from tests.support.render import Unit, in_document_order
from unterm.lang.numerals import to_zh

_SETEXT = re.compile(r"^[-=]{3,}\s*$")
_SMALL = {"and", "of", "the", "to", "in", "for", "on", "with", "a", "an", "by"}


@dataclass(frozen=True)
class Block:
    """A paragraph of a Charter page: an article heading, or text (`number` for a list item)."""

    text: str
    heading: bool = False
    number: int = 0


@dataclass(frozen=True)
class CharterPage:
    """One chapter: its title and blocks in each language."""

    title: dict[str, str]
    blocks: dict[str, list[Block]]


def _block_scalar(front: str, key: str) -> str:
    """A YAML block scalar (`key: |-` and the lines indented under it), dedented."""
    lines = front.split("\n")
    start = lines.index(f"{key}: |-") + 1
    out: list[str] = []
    for line in lines[start:]:
        if line and not line.startswith("  "):
            break
        out.append(line[2:])
    return "\n".join(out).strip()


def _blocks(markdown: str) -> list[Block]:
    """Setext headings (`Article 3` over `---`), list items `1. ...`, paragraphs."""
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if len(lines) == 2 and _SETEXT.match(lines[1]):
            out.append(Block(lines[0], heading=True))
            continue
        for line in lines:
            item = re.match(r"(\d+)\.\s+", line)
            out.append(Block(line[item.end() :], number=int(item[1])) if item else Block(line))
    return out


def charter_pages(folder: Path) -> list[CharterPage]:
    """The Charter's chapter pages (`chapter*.md`) in order, both languages read apart."""
    pages = []
    for path in sorted(folder.glob("chapter*.md")):
        _, front, body = re.split(r"^---$", path.read_text(encoding="utf-8"), maxsplit=2, flags=re.M)
        title = {"zh": _block_scalar(front, "title-zh-cn"), "en": _block_scalar(front, "title")}
        blocks = {"zh": _blocks(_block_scalar(front, "body-zh-cn")), "en": _blocks(body)}
        pages.append(CharterPage(title, blocks))
    return pages


def charter_markdown(folder: Path, side: str) -> str:
    """One language as Markdown: each page's title a `#` heading over its body as the
    page has it (setext article headings, numbered list items)."""
    out: list[str] = []
    for page in charter_pages(folder):
        out.append(f"# {page.title[side]}")
        for b in page.blocks[side]:
            if b.heading:
                out.append(f"{b.text}\n{'-' * len(b.text) if side == 'en' else '---'}")
            else:
                out.append(f"{b.number}. {b.text}" if b.number else b.text)
    return "\n\n".join(out) + "\n"


def title_case(title: str) -> str:
    """`CHAPTER I, PURPOSES AND PRINCIPLES` as the UN web page shows it:
    `Chapter I: Purposes and Principles`."""
    head, rest = re.split(r"[,:]\s*", title, maxsplit=1)
    word, numeral = head.split()
    words = [w.lower() if w.lower() in _SMALL and k else w.capitalize() for k, w in enumerate(rest.split())]
    return f"{word.capitalize()} {numeral}: {' '.join(words)}"


def charter_web_text(folder: Path, side: str) -> str:
    """One language as a translator copies it from the UN web page.

    Chinese: chapter and article headings on lines of their own, paragraphs indented with
    two full-width spaces, list items numbered `一、二、`, a blank line only before a
    heading. English: a blank line after every paragraph, and the list items' numbers
    lost (the page numbers them with `<ol>`, which copying drops)."""
    out: list[str] = []
    for page in charter_pages(folder):
        if side == "zh":
            out += ["", page.title["zh"]] if out else [page.title["zh"]]
            for b in page.blocks["zh"]:
                if b.heading:
                    out += ["", b.text]
                else:
                    out.append("\u3000\u3000" + (f"{to_zh(b.number)}、" if b.number else "") + b.text)
        else:
            out += [title_case(page.title["en"]), ""]
            for b in page.blocks["en"]:
                out += [b.text, ""]
    return "\n".join(out).rstrip("\n") + "\n"


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>body {{ font-family: sans-serif; }} nav li {{ display: inline; }}</style>
<script>window.dataLayer = window.dataLayer || []; function gtag() {{ dataLayer.push(arguments); }}</script>
</head>
<body>
<header><nav><ul>{nav}</ul></nav></header>
<main>
{body}
</main>
<footer><p>{footer}</p></footer>
<script src="/js/site.js"></script>
</body>
</html>
"""
_NAV = {
    "zh": ("联合国宪章", "首页|关于联合国|联合国宪章|工作重点", "版权 | 隐私通知 | 使用条款"),
    "en": ("UN Charter", "Home|About Us|UN Charter|Our Work", "Copyright | Privacy Notice | Terms of Use"),
}


def _page(side: str, body: list[str]) -> str:
    title, nav, footer = _NAV[side]
    links = "".join(f'<li><a href="/{k}">{html.escape(w)}</a></li>' for k, w in enumerate(nav.split("|")))
    lang = "zh-Hans" if side == "zh" else "en"
    return _PAGE.format(lang=lang, title=title, nav=links, body="\n".join(body), footer=footer)


def charter_html(folder: Path, side: str) -> str:
    """One language as the saved web page: navigation, scripts and a footer around the
    text; chapter titles `<h2>`, article headings `<h3>`, paragraphs `<p>`; the English
    list items an `<ol>`, the Chinese ones numbered `一、` in their text."""
    body: list[str] = []
    for page in charter_pages(folder):
        title = page.title[side] if side == "zh" else title_case(page.title[side])
        body.append(f"<h2>{html.escape(title)}</h2>")
        items: list[str] = []
        for b in [*page.blocks[side], Block("")]:
            if b.number and side == "en":
                items.append(f"  <li>{html.escape(b.text)}</li>")
                continue
            if items:
                body += ["<ol>", *items, "</ol>"]
                items = []
            if b.heading:
                body.append(f"<h3>{html.escape(b.text)}</h3>")
            elif b.text:
                number = f"{to_zh(b.number)}、" if b.number else ""
                body.append(f"<p>{number}{html.escape(b.text)}</p>")
    return _page(side, body)


_SUP = re.compile(r"\s*<sup>(\d+)</sup>")
_MARK = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]*)\]\(#\)")


def _inline(markdown: str, side: str) -> str:
    """A paragraph's Markdown as HTML: emphasis, and footnote references linked to their
    notes, in the Chinese as Word's "Save as Web Page" writes them (`_ftn1`), in the
    English as a static site generator does (`fn1`)."""
    text = html.escape(" ".join(markdown.split()), quote=False).replace("&lt;sup&gt;", "<sup>")
    text = text.replace("&lt;/sup&gt;", "</sup>")
    text = _MARK.sub(lambda m: f"<b>{m[1]}</b>" if m[1] else (f"<i>{m[2]}</i>" if m[2] else m[3]), text)
    if side == "zh":
        return _SUP.sub(lambda m: f'<a href="#_ftn{m[1]}" name="_ftnref{m[1]}"><sup>[{m[1]}]</sup></a>', text)
    return _SUP.sub(lambda m: f'<sup id="fnref{m[1]}"><a href="#fn{m[1]}">{m[1]}</a></sup>', text)


def resolution_html(units: list[Unit], source: str, side: str) -> str:
    """A gold pair's side (tests.support.render.gold_units) as an HTML page: headings
    `<h2>`/`<h4>`, the operative paragraphs an `<ol>` restarted with `start` after each
    section heading (English) or numbered in their text (Chinese), and the footnotes at
    the end, as a Word-saved page (`<div id="ftn1">`) or a site's footnote section."""
    body: list[str] = []
    items: list[str] = []
    start = 0
    for unit in [
        *in_document_order([u for u in units if u.kind != "footnote"], source),
        Unit("para", "", ""),
    ]:
        number = re.match(r"(\d+)\.\s+", unit.text)
        if number and side == "en":
            start = start or int(number[1])
            items.append(f"  <li>{_inline(unit.text[number.end() :], side)}</li>")
            continue
        if items:
            body += [f'<ol start="{start}">', *items, "</ol>"]
            items, start = [], 0
        level = len(re.match(r"#*", unit.text)[0])  # type: ignore[index]
        if level:
            tag = "h2" if level <= 2 else "h4"
            body.append(f"<{tag}>{_inline(unit.text[level:], side)}</{tag}>")
        elif unit.text:
            body.append(f"<p>{_inline(unit.text, side)}</p>")
    notes = [(u.key, _SUP.sub("", u.text, count=1)) for u in units if u.kind == "footnote"]
    if side == "zh":
        body.append(
            '<div style="mso-element:footnote-list"><br clear="all"><hr align="left" size="1" width="33%">'
        )
        for key, text in notes:
            body.append(
                f'<div style="mso-element:footnote" id="ftn{key}"><p class="MsoFootnoteText">'
                f'<a href="#_ftnref{key}" name="_ftn{key}"><sup>[{key}]</sup></a> {_inline(text, side)}</p></div>'
            )
        body.append("</div>")
    else:
        body.append('<section class="footnotes"><hr><ol>')
        body += [
            f'<li id="fn{key}"><p>{_inline(text, side)} <a href="#fnref{key}">↩</a></p></li>'
            for key, text in notes
        ]
        body.append("</ol></section>")
    return _page(side, body)
