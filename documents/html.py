"""Web pages (.html, .htm: a UN page saved from a browser, an ODS or Word HTML rendering)
as the text unterm reads: paragraphs from the markup, one to a line with a blank line
between, which `documents.read.parse` then reads like any other file:

- headings `h1`-`h6` are written `## text`; `p`, `li`, `dt`/`dd`, `blockquote` and text
  standing loose in a `div` are paragraphs, `br` a line break inside one;
- an ordered list's numbers, which are not in the text, are written before each item as
  the page shows them (`9.`, `(a)`, `(i)`; `start`, `value`, `type` and
  `list-style-type` respected), so that they become keys;
- a footnote reference (`<sup>1</sup>`, `<sup>[1]</sup>`, a link to `#fn1` or `#_ftn1`)
  becomes `<sup>1</sup>`, and the footnotes themselves (a `footnotes` section or list,
  Word's `ftn1` divisions, `doc-endnotes`) follow the body as `<sup>n</sup> text`;
- a table is read row by row, its cells joined by ` | `;
- scripts, styles, navigation, the site's header and footer, forms and comments are
  left out; where the page marks its content (`main`, or an `article` alone), only that
  is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import regex

from unterm.errors import InputError
from unterm.lang.numerals import to_letters, to_roman, to_zh

_SKIP = {
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "svg", "iframe", "object", "head", "title", "meta", "link",
}  # fmt: skip
_CHROME = {"header", "footer"}  # the site's, unless inside the page's content
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
_PARAGRAPH = {"p", "li", "dt", "dd", "blockquote", "caption", "figcaption", "address", "pre", "center"}
_HEADING = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCK = (
    _PARAGRAPH | _HEADING | _CHROME | {"div", "section", "article", "main", "body", "ol", "ul", "dl", "table"}
)
_NOTE_REF = regex.compile(r"#(?:_ftn|fn:?|footnote-?|note-?)(\d{1,3})$", regex.IGNORECASE)
_NOTE_BACK = regex.compile(r"#(?:_ftnref|fnref:?|footnote-ref-?|noteref-?)\d{1,3}$", regex.IGNORECASE)
_NOTE_ID = regex.compile(r"^(?:_?ftn|fn:?|footnote-?|note-?)(\d{1,3})$", regex.IGNORECASE)
_NUMBER = regex.compile(r"^\s*\[?\s*(\d{1,3})\s*\]?\s*$")
_LIST_STYLE = regex.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", regex.IGNORECASE)
_OWN_NUMBER = regex.compile(r"^\s*(?:\d{1,3}\s*[.．)]|\(\s*\w{1,5}\s*\)|[一二三四五六七八九十]{1,3}、)")


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _skipped(el: Any) -> bool:
    """Not part of the text: scripts, navigation, the site's header and footer, comments."""
    tag = _tag(el)
    if (
        not tag
        or tag in _SKIP
        or (el.get("role") or "").lower() in _SKIP_ROLES
        or el.get("hidden") is not None
    ):
        return True
    return tag in _CHROME and not any(_tag(a) in ("main", "article") for a in el.iterancestors())


def _note_number(el: Any) -> int | None:
    """The footnote number an element stands for, from its id (`fn1`, `ftn1`, `_ftn1`)."""
    m = _NOTE_ID.match(el.get("id") or "")
    return int(m[1]) if m else None


def _is_notes(el: Any) -> bool:
    """A page's footnotes: a section, division or list marked as such."""
    classes = (el.get("class") or "").lower()
    style = (el.get("style") or "").lower().replace(" ", "")
    role = (el.get("role") or "").lower()
    return (
        ("footnote" in classes.split() or "footnotes" in classes.split() or "endnotes" in classes.split())
        or "mso-element:footnote-list" in style
        or role in ("doc-endnotes", "doc-footnotes")
    )


def _label(n: int, kind: str) -> str:
    """A list item's number as the page shows it."""
    if kind in ("a", "lower-alpha", "lower-latin"):
        return f"({to_letters(n)})"
    if kind in ("i", "lower-roman"):
        return f"({to_roman(n)})"
    if kind in ("A", "upper-alpha", "upper-latin"):
        return f"{to_letters(n).upper()}."
    if kind in ("I", "upper-roman"):
        return f"{to_roman(n).upper()}."
    if kind in ("cjk-ideographic", "simp-chinese-informal", "cjk-decimal"):
        return f"{to_zh(n)}、"
    if kind == "none":
        return ""
    return f"{n}."


@dataclass(slots=True)
class _Reader:
    """Walks a page in document order, collecting its paragraphs and its footnotes."""

    paragraphs: list[str] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)

    def text(self, el: Any, deep: bool = False) -> str:
        """An element's text with footnote references as `<sup>n</sup>` and `br` as a line
        break, whitespace as a browser shows it; `deep` takes in its blocks too."""
        return _spaced("".join(self._pieces(el, deep)))

    def _pieces(self, el: Any, deep: bool) -> Iterator[str]:
        if el.text:
            yield el.text
        for child in el:
            tag = _tag(child)
            if tag and not _skipped(child):
                if tag not in _BLOCK:
                    yield from self._inline(child, tag, deep)
                elif deep:
                    yield " "
                    yield from self._pieces(child, deep)
                else:
                    yield "\n"
            if child.tail:
                yield child.tail

    def _inline(self, child: Any, tag: str, deep: bool = False) -> Iterator[str]:
        href = child.get("href") or ""
        if tag == "br":
            yield "\n"
        elif tag == "a" and _NOTE_BACK.search(href):
            return  # a footnote's link back to where it is cited
        elif (tag == "sup" or (tag == "a" and _NOTE_REF.search(href))) and (
            number := _NUMBER.match("".join(child.itertext()))
        ):
            yield f"<sup>{number[1]}</sup>"
        else:
            yield from self._pieces(child, deep)

    def block(self, el: Any, label: str = "") -> None:
        """Read a block element (and what it holds) into paragraphs."""
        tag = _tag(el)
        if tag and (_is_notes(el) or (_note_number(el) is not None and tag in ("div", "li", "aside"))):
            self.notes_in(el)
        elif _skipped(el):
            return
        elif tag in ("ol", "ul"):
            self.listing(el, tag == "ol")
        elif tag == "table":
            self.table(el)
        elif tag in _HEADING:
            text = self.text(el).replace("\n", " ")
            if text:
                self.paragraphs.append(f"## {text}")
        else:
            self.container(el, label)

    def container(self, el: Any, label: str) -> None:
        """A paragraph or a division: its own text a paragraph (after `label`, a list
        item's number), each block in it read in turn."""
        own: list[str] = [el.text or ""]
        for child in el:
            tag = _tag(child)
            if (tag in _BLOCK and not _skipped(child)) or (tag and _is_notes(child)):
                label = self._paragraph(own, label)
                own = []
                self.block(child, label if tag in _PARAGRAPH else "")
                label = "" if tag in _PARAGRAPH else label
            elif tag and not _skipped(child):
                own.extend(self._inline(child, tag))
            own.append(child.tail or "")
        self._paragraph(own, label)

    def _paragraph(self, pieces: list[str], label: str) -> str:
        """Add a paragraph from pieces of text, if they hold any: the label still to use."""
        text = _spaced("".join(pieces)).lstrip("\u3000 ")
        if not text:
            return label
        if label and not _OWN_NUMBER.match(text):
            text = f"{label} {text}"
        self.paragraphs.append(text)
        return ""

    def listing(self, el: Any, ordered: bool) -> None:
        style = _LIST_STYLE.search(el.get("style") or "")
        kind = style[1].lower() if style else (el.get("type") or "1")
        n = _int(el.get("start"), 1) - 1
        for item in el:
            if _tag(item) != "li" or _skipped(item):
                continue
            n = _int(item.get("value"), n + 1)
            self.block(item, _label(n, kind) if ordered else "")

    def table(self, el: Any) -> None:
        for row in el.iter("tr"):
            cells = [self.text(c, deep=True).replace("\n", " ") for c in row if _tag(c) in ("td", "th")]
            if any(cells):
                self.paragraphs.append(" | ".join(c for c in cells if c))

    def notes_in(self, el: Any) -> None:
        """A footnote section, or one footnote: each note with its number (from its id,
        the number it opens with, or its place in the section)."""
        if _note_number(el) is not None:
            items = [el]
        else:
            items = [c for c in el.iterdescendants() if _tag(c) in ("li", "div", "p") and _note_number(c)]
            items = items or [c for c in el.iterdescendants() if _tag(c) in ("li", "p")]
        for position, item in enumerate(items, start=1):
            text = regex.sub(r"\s*↩\s*$", "", self.text(item, deep=True).replace("\n", " "))
            lead = regex.match(r"^\s*(?:<sup>(\d{1,3})</sup>|\[(\d{1,3})\])\s*", text)
            number = _note_number(item) or (int(lead[1] or lead[2]) if lead else position)
            text = text[lead.end() :] if lead else text
            if text.strip():
                self.notes.append((number, text.strip()))


def _spaced(text: str) -> str:
    """Whitespace as a browser shows it, line breaks (`br`) kept."""
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def html_text(text: str, path: str) -> str:
    """A web page's paragraphs as Markdown-like text, footnotes after the body (see the
    module docstring); InputError where the page holds no text."""
    import lxml.html  # deferred: lxml is only needed here

    text = regex.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as err:  # lxml raises ParserError or ValueError on what it cannot read
        raise InputError(f"{path}: cannot be read as a web page ({err})") from None
    main = root.find(".//main")
    articles = root.findall(".//article")
    start = main if main is not None else (articles[0] if len(articles) == 1 else root.find("body"))
    reader = _Reader()
    reader.block(start if start is not None else root)
    out = reader.paragraphs + [f"<sup>{n}</sup> {t}" for n, t in reader.notes]
    if not out:
        raise InputError(f"{path}: is a web page with no text in it")
    return "\n\n".join(out) + "\n"
