"""`unterm serve`: the search results page served on this computer (127.0.0.1 only), with a
search form on top: each request a search of the memory, answered with the page
`unterm search -o results.html` writes. Nothing is written; a query that cannot be used
gets the form again with the one line that says why (status 400)."""

from __future__ import annotations

from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from unterm.assets import CSP
from unterm.errors import UntermError
from unterm.memory.html import html_page, page_head
from unterm.memory.model import Filters, Level, Sort, years
from unterm.memory.search import search
from unterm.memory.store import reading
from unterm.termbase.model import Termbase

HOST = "127.0.0.1"


def form(values: dict[str, str]) -> str:
    """The search form, filled in with what was asked."""

    def chosen(name: str, value: str) -> str:
        return " selected" if values.get(name, "") == value else ""

    q = escape(values.get("q", ""), quote=True)
    fuzzy = " checked" if values.get("fuzzy") else ""
    levels = "".join(
        f'<option value="{v}"{chosen("level", v)}>{t}</option>'
        for v, t in (("", "sentences"), ("paragraph", "paragraphs"))
    )
    sorts = "".join(f'<option value="{s.value}"{chosen("sort", s.value)}>{s.value}</option>' for s in Sort)
    return (
        '<form class="ask" method="get" action="/" role="search">'
        f'<input type="search" name="q" value="{q}" aria-label="query" placeholder="a word, a phrase, a &quot;quoted phrase&quot;, a symbol; or a sentence" autofocus>'
        f'<label><input type="checkbox" name="fuzzy" value="1"{fuzzy}> closest sentences</label>'
        f'<select name="level" aria-label="level">{levels}</select>'
        f'<input name="symbol" value="{escape(values.get("symbol", ""), quote=True)}" placeholder="symbol: A/RES/" aria-label="symbol prefix">'
        f'<input name="year" value="{escape(values.get("year", ""), quote=True)}" placeholder="year: 2016-2022" aria-label="years">'
        f'<select name="sort" aria-label="order">{sorts}</select>'
        "<button>Search</button></form>"
    )


def _filters(values: dict[str, str]) -> Filters:
    span = years(values["year"]) if values.get("year", "").strip() else None
    level = Level.PARAGRAPH if values.get("level") == "paragraph" else None
    symbols = (values["symbol"].strip(),) if values.get("symbol", "").strip() else ()
    return Filters(level, symbols, (), span)


def answer(memory: Path, termbase: Termbase | None, query: str) -> tuple[int, str]:
    """The status and the page for one request's query string."""
    values = {k: v[0] for k, v in parse_qs(query).items() if v}
    top = form(values)
    if not values.get("q", "").strip():
        body = f"<header><h1>Search <code>{escape(memory.name)}</code></h1>{top}</header>"
        return 200, page_head("unterm search") + body + "</body></html>\n"
    try:
        sort = Sort(values.get("sort", "newest"))
        results = search(
            memory, values["q"], fuzzy_match=bool(values.get("fuzzy")), filters=_filters(values), sort=sort,
            termbase=termbase, limit=200,
        )  # fmt: skip
    except (UntermError, ValueError) as err:
        body = f'<header><h1>Search <code>{escape(memory.name)}</code></h1>{top}<p class="note">{escape(str(err))}</p></header>'
        return 400, page_head("unterm search") + body + "</body></html>\n"
    return 200, html_page(results, form=top)


def server(memory: Path, port: int, termbase: Termbase | None = None) -> ThreadingHTTPServer:
    """A server of the memory on 127.0.0.1:port (0: any free port), not yet serving; the
    memory is checked first (InputError for a file that is not one)."""
    with reading(memory):
        pass

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path != "/":
                status, page = (
                    404,
                    page_head("not found") + "<p>Not found: the search is at /</p></body></html>\n",
                )
            else:
                status, page = answer(memory, termbase, url.query)
            data = page.encode("utf-8", "replace")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", CSP)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass  # no line per request on stderr

    return ThreadingHTTPServer((HOST, port), Handler)
