"""The QA report as one self-contained HTML page for a reviser.

The findings first, filterable by severity, check and text (a search matches the text
of both versions of the paragraph too, Chinese included); then the counts of the checks
that found something; then the whole document side by side, each finding marked where it
is. `j`/`k` or the arrow keys move between findings, Enter (or a click) scrolls to the
place and marks it; each marked place links back to its findings. A finding can be
marked "not an error" (kept in the browser's local storage) and the list exported as CSV
with those marks, which `unterm qa --ignore` reads. On a phone the tables become one
column. No network fetches: the style and script (report.css and report.js beside this
module) are inlined when the page is written (unterm.assets), and the page's content
security policy forbids anything else.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from html import escape as html_escape
from pathlib import PurePath
from typing import BinaryIO

from unterm.align.rows import signature
from unterm.assets import CSP, scripts, style
from unterm.lang.languages import Lang
from unterm.lang.text import xml_safe
from unterm.qa.export import COLUMNS, EXTRA, records
from unterm.qa.model import CHECKS, Finding, Located, Report, Severity


def escape(text: str) -> str:
    """Text as HTML shows it: escaped, without the characters no document may hold."""
    return html_escape(xml_safe(text))


def _marks(text: str, spans: list[tuple[int, int, int, Severity]]) -> str:
    """The text escaped, with each finding's places wrapped in <mark>; overlapping
    places share a mark naming every finding in them."""
    if not spans:
        return escape(text)
    labels: list[set[int]] = [set() for _ in text]
    worst: dict[int, Severity] = {}
    for start, end, number, severity in spans:
        worst[number] = severity
        for k in range(start, end):
            labels[k].add(number)
    out = []
    k = 0
    while k < len(text):
        j = k
        while j < len(text) and labels[j] == labels[k]:
            j += 1
        chunk = escape(text[k:j])
        if labels[k]:
            numbers = sorted(labels[k])
            severity = min((worst[n] for n in numbers), key=lambda s: s.rank)
            ids = " ".join(f"f{n}" for n in numbers)
            out.append(f'<mark class="{severity.value}" data-f="{ids}">{chunk}</mark>')
        else:
            out.append(chunk)
        k = j
    return "".join(out)


def _places(text: str, excerpt: str) -> list[tuple[int, int]]:
    """Where a finding's excerpt is in the text: each part of it (parts are joined by
    ` … `), first occurrence; none for an excerpt that is only the paragraph's start."""
    if not excerpt or excerpt.endswith("…") or excerpt == " ".join(text.split()):
        return []
    out = []
    for part in excerpt.split(" … "):
        at = text.find(part) if part else -1
        if at >= 0:
            out.append((at, at + len(part)))
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def html_report(report: Report) -> str:
    """The report as one self-contained page: header, findings, summary, the document."""
    a = report.alignment
    title = a.symbol or f"{a.zh.name} / {a.en.name}"
    document = hashlib.sha1(f"{a.symbol}|{a.zh.name}|{a.en.name}".encode()).hexdigest()[:12]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>QA report: {escape(title)}</title>",
        style("unterm.qa", "report.css") + f'</head><body data-document="{document}">',
        *_header(report, title),
        *_findings(report),
        *_summary(report),
        *_document(report),
        f"<footer>unterm qa · {escape(str(signature(a)))}</footer>",
        f'<script type="application/json" id="findings-data">{_data(report)}</script>',
        scripts("unterm.qa", "report.js") + "</body></html>",
    ]
    return "\n".join(out)


def _data(report: Report) -> str:
    """The findings as the page's script exports them, safe inside a script element."""
    a = report.alignment
    name = PurePath(a.en.path).stem if a.en.path else "report"
    data = {
        "columns": [*COLUMNS, *EXTRA],
        "file": (a.symbol or name).replace("/", "_"),
        "findings": records(report),
    }
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _header(report: Report, title: str) -> list[str]:
    a = report.alignment
    return [
        f"<header><h1>QA report: {escape(title)}</h1>",
        f"<p>{_n(len(report.findings), 'finding')}: {_n(report.count(Severity.ERROR), 'error')}, "
        f"{_n(report.count(Severity.WARNING), 'warning')}, {_n(report.count(Severity.INFO), 'note')} · "
        f"{_n(len(a.pairs), 'aligned pair')}</p>",
        f"<details><summary>files and settings</summary><p>中文 <code>{escape(a.zh.name)}</code> · "
        f"English <code>{escape(a.en.name)}</code></p>",
        *(f"<p>{escape(n)}</p>" for n in report.notes),
        "</details></header>",
    ]


def _summary(report: Report) -> list[str]:
    """Counts by check and severity, for the checks that found something."""
    counts = Counter((f.check, f.severity) for f in report.findings)
    used = [c for c in CHECKS.values() if any(counts[(c.id, s)] for s in Severity)]
    if not used:
        return []
    out = [
        '<section id="summary"><h2>By check</h2><table class="summary">',
        "<thead><tr><th>check</th><th>what it finds</th>"
        + "".join(f'<th class="n">{s.value}</th>' for s in Severity)
        + "</tr></thead><tbody>",
    ]
    for check in used:
        out.append(
            f'<tr data-check="{check.id}" title="show only these findings"><td><code>{check.id}</code></td>'
            f"<td>{escape(check.title)}</td>"
            + "".join(f'<td class="n">{counts[(check.id, s)] or ""}</td>' for s in Severity)
            + "</tr>"
        )
    out.append("</tbody></table></section>")
    return out


def _findings(report: Report) -> list[str]:
    findings = report.findings
    out = [
        f'<section id="findings"><h2>Findings ({len(findings)})</h2>',
        '<div class="filters" role="group" aria-label="filter the findings">',
        *(
            f'<label><input type="checkbox" name="severity" value="{s.value}" checked> '
            f'<span class="badge {s.value}">{s.value}</span></label>'
            for s in Severity
        ),
        '<label>check <select id="check-filter"><option value="">all checks</option>',
        *(f'<option value="{c}">{c}</option>' for c in sorted({f.check for f in findings})),
        "</select></label>",
        '<input type="search" id="text-filter" aria-label="search" '
        'placeholder="search: key, check, 中文 or English text">',
        '<label><input type="checkbox" id="hide-marked"> hide “not an error”</label>',
        '<button type="button" id="export">Export CSV</button>',
        '<span id="shown"></span>',
        '<span class="keys"><kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> move · '
        "<kbd>Enter</kbd> go to it · <kbd>x</kbd> not an error · <kbd>/</kbd> search</span></div>",
        '<table id="findings-list"><thead><tr><th>#</th><th>severity</th>'
        "<th>check</th><th>中文</th><th>English</th><th>what differs</th><th></th></tr></thead><tbody>",
    ]
    for n, f in enumerate(findings, start=1):
        out.append(
            f'<tr class="finding" id="f{n}" tabindex="0" data-finding="f{n}" data-pair="{f.pair}" '
            f'data-severity="{f.severity.value}" data-check="{f.check}" data-id="{f.id}">'
            f'<td class="n">{n}</td><td class="sev"><span class="badge {f.severity.value}">'
            f"{f.severity.value}</span></td>"
            f'<td class="chk"><code>{f.check}</code></td><td class="key" lang="zh-CN">{escape(f.zh_key)}</td>'
            f'<td class="key{" same" if f.en_key == f.zh_key else ""}">{escape(f.en_key)}</td>'
            f'<td class="msg">{escape(f.message)}</td>'
            '<td><button type="button" class="mark" aria-pressed="false">not an error</button></td></tr>'
        )
    if not findings:
        out.append('<tr><td colspan="7">No findings.</td></tr>')
    out.append("</tbody></table></section>")
    return out


def _document(report: Report) -> list[str]:
    a = report.alignment
    by_pair: dict[int, list[tuple[int, Finding]]] = {}
    for n, f in enumerate(report.findings, start=1):
        by_pair.setdefault(f.pair, []).append((n, f))
    out = [
        '<section id="document"><h2>The document side by side</h2>',
        '<div class="filters"><label><input type="checkbox" id="only-flagged"> '
        "show only paragraphs with findings</label></div>",
        '<table class="pairs" id="pairs"><colgroup><col class="key"><col><col><col class="score"></colgroup>',
        "<thead><tr><th>paragraph</th><th>中文</th><th>English</th><th>confidence</th></tr></thead><tbody>",
    ]
    loc = Located.of(a)
    out += [_pair_row(loc, i, by_pair.get(i, [])) for i in range(len(a.pairs))]
    out.append("</tbody></table></section>")
    return out


def _pair_row(loc: Located, i: int, here: list[tuple[int, Finding]]) -> str:
    """One aligned pair as a table row, each finding's excerpt marked in its text."""
    a = loc.alignment
    p = a.pairs[i]
    worst = min((f.severity for _, f in here), key=lambda s: s.rank, default=None)
    cls = f"pair {worst.value}" if worst else "pair clean"
    zk, ek = loc.keys(p)
    cells = []
    for lang, side in ((Lang.ZH, p.zh), (Lang.EN, p.en)):
        if not side:
            cells.append(f'<td class="{lang.value} missing">(nothing in the {lang.name_en})</td>')
            continue
        text = a.text(p, lang)
        spans = [
            (s, e, n, f.severity)
            for n, f in here
            for s, e in _places(text, f.zh_excerpt if lang is Lang.ZH else f.en_excerpt)
        ]
        lang_tag = "zh-CN" if lang is Lang.ZH else "en"
        cells.append(f'<td class="{lang.value}" lang="{lang_tag}">{_marks(text, spans)}</td>')
    key = escape(zk if zk == ek or not ek else (f"{zk} | {ek}" if zk else ek))
    kind = "" if key.startswith(a.kind(p).value) else f"<div>{escape(a.kind(p).value)}</div>"
    refs = (
        '<div class="refs">' + "".join(f'<a href="#f{n}">#{n} {f.check}</a>' for n, f in here) + "</div>"
        if here
        else ""
    )
    return (
        f'<tr class="{cls}" id="p{i}"><td class="key"><b>{key}</b>{kind}{refs}</td>'
        + "".join(cells)
        + f'<td class="score">{p.score:.2f}</td></tr>'
    )


def write_html(report: Report, out: BinaryIO) -> None:
    out.write(html_report(report).encode("utf-8"))
