"""What unterm's pages are made of besides the document: their scripts and styles.

Each page (the review page, align/html.py; the QA report, qa/html.py; the revision
report, revision/html.py) keeps its script and style as plain .js and .css files beside
the module that writes it: package data (pyproject.toml lists them), each file valid on
its own (`make check` runs `node --check` over every .js file). They are read here when
a page is written and inlined into it, so that the page stays one file that a browser
opens from the disk and that fetches nothing: its content security policy (`CSP`)
allows its own inline style and scripts and nothing else.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


@cache
def asset(package: str, name: str) -> str:
    """The text of one of a package's page files (`asset("unterm.qa", "report.js")`)."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def style(package: str, name: str, more: str = "") -> str:
    """A page's <style> element: the package's stylesheet `name`, then `more` (rules made
    when the page is written, from a table the Python code holds too)."""
    return f"<style>\n{asset(package, name)}{more}</style>"


def scripts(package: str, *names: str) -> str:
    """A <script> element for each of the package's script files, in the order given:
    each file runs as a script of its own."""
    return "\n".join(f"<script>\n{asset(package, name)}</script>" for name in names)
