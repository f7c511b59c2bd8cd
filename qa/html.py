"""The QA report as one self-contained HTML page for a reviser.

Summary counts by check and severity; the findings, filterable by severity, check and
text; and the whole document side by side, each finding marked where it is. Clicking a
finding (or pressing Enter on it) scrolls to its place and marks it; each marked place
links back to its findings. No network fetches: styles and script are inline, and the
page's content security policy forbids anything else.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import BinaryIO

from unterm.align.rows import signature
from unterm.lang.languages import Lang
from unterm.qa.model import CHECKS, Finding, Located, Report, Severity

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{padding:1rem 1.5rem;background:#0b4f8a;color:#fff}
header h1{margin:0 0 .3rem;font-size:1.3rem}header p{margin:.2rem 0;font-size:.85rem}
section{margin:1rem 1.5rem}h2{font-size:1.1rem;margin:.4rem 0}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e3e7eb;padding:.4rem .55rem;vertical-align:top;text-align:left}
th{background:#eef1f4;font-size:.82rem}
.summary td.n{text-align:right;font-variant-numeric:tabular-nums;width:5rem}
.summary tr.none{color:#8a949e}.summary tr.some{cursor:pointer}.summary tr.some:hover{background:#f0f5fb}
.badge{display:inline-block;min-width:4.3rem;text-align:center;border-radius:3px;padding:.05rem .4rem;
  font-size:.75rem;font-weight:600;color:#fff}
.badge.error{background:#b3261e}.badge.warning{background:#b26a00}.badge.info{background:#4a6a8a}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;padding:.5rem .6rem;background:#fff;
  border:1px solid #d5dae0;border-bottom:0;font-size:.88rem;position:sticky;top:0;z-index:2}
.filters input[type=search]{min-width:16rem;padding:.2rem .4rem}
#findings-list tr.finding{cursor:pointer}#findings-list tr.finding:hover,#findings-list tr.finding:focus{background:#eef5fd;outline:none}
#findings-list tr.hidden{display:none}
#findings-list code{font-size:.8rem}
.list-wrap{max-height:45vh;overflow:auto;border:1px solid #d5dae0}
table.pairs{table-layout:fixed}
col.key{width:9rem}col.score{width:5.5rem}
td.zh{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;line-height:1.75}
td.en{line-height:1.5}td.key{font-size:.8rem;color:#4a5561}td.key b{display:block;font-size:.9rem;color:#1d232a}td{overflow-wrap:anywhere}
td.score{font-variant-numeric:tabular-nums;font-size:.85rem}
tr.pair.error{background:#fdf0ef}tr.pair.warning{background:#fff8ea}tr.pair.info{background:#f2f6fa}
tr.pair td.missing{color:#8a949e;font-style:italic}
mark{border-radius:2px;padding:0 .1rem}mark.error{background:#f6c5c1}mark.warning{background:#fde3a7}
mark.info{background:#d5e3f0}
.flash{animation:flash 1.6s ease-out}
@keyframes flash{0%{box-shadow:inset 0 0 0 3px #0b63c5}100%{box-shadow:inset 0 0 0 3px transparent}}
mark.current{outline:2px solid #0b63c5}
.refs{margin-top:.35rem;font-size:.75rem}.refs a{margin-right:.4rem;color:#0b4f8a}
.only-flagged tr.pair.clean{display:none}
footer{padding:1rem 1.5rem;font-size:.75rem;color:#5b6672}
"""

_JS = """
(function(){
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-list tr.finding'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=severity]'));
  var check = document.getElementById('check-filter');
  var search = document.getElementById('text-filter');
  var shown = document.getElementById('shown');
  function apply(){
    var sev = {};
    boxes.forEach(function(b){ sev[b.value] = b.checked; });
    var q = search.value.trim().toLowerCase(), n = 0;
    rows.forEach(function(r){
      var ok = sev[r.dataset.severity] && (!check.value || r.dataset.check === check.value)
        && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.classList.toggle('hidden', !ok);
      if (ok) { n++; }
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  function go(row){
    var pair = document.getElementById('p' + row.dataset.pair);
    if (!pair) { return; }
    document.querySelectorAll('mark.current').forEach(function(m){ m.classList.remove('current'); });
    var marks = document.querySelectorAll('mark[data-f~="' + row.dataset.finding + '"]');
    marks.forEach(function(m){ m.classList.add('current'); });
    var target = marks.length ? marks[0] : pair;
    pair.classList.remove('flash'); void pair.offsetWidth; pair.classList.add('flash');
    target.scrollIntoView({block: 'center'});
    history.replaceState(null, '', '#p' + row.dataset.pair);
  }
  rows.forEach(function(r){
    r.addEventListener('click', function(){ go(r); });
    r.addEventListener('keydown', function(e){ if (e.key === 'Enter') { go(r); } });
  });
  boxes.forEach(function(b){ b.addEventListener('change', apply); });
  check.addEventListener('change', apply);
  search.addEventListener('input', apply);
  document.querySelectorAll('.summary tr.some').forEach(function(tr){
    tr.addEventListener('click', function(){ check.value = tr.dataset.check; apply(); });
  });
  document.querySelectorAll('.refs a').forEach(function(a){
    a.addEventListener('click', function(e){
      var row = document.getElementById(a.getAttribute('href').slice(1));
      if (!row) { return; }
      e.preventDefault();
      if (row.classList.contains('hidden')) { boxes.forEach(function(b){ b.checked = true; });
        check.value = ''; search.value = ''; apply(); }
      row.scrollIntoView({block: 'nearest'}); row.focus();
    });
  });
  document.getElementById('only-flagged').addEventListener('change', function(e){
    document.getElementById('pairs').classList.toggle('only-flagged', e.target.checked);
  });
  apply();
  document.body.dataset.ready = 'yes';
})();
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


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
    """The report as one self-contained page: header, summary, findings, the document."""
    a = report.alignment
    title = a.symbol or f"{a.zh.path} / {a.en.path}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>QA report: {escape(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        *_header(report, title),
        *_summary(report),
        *_findings(report),
        *_document(report),
        f"<footer>unterm qa · {escape(signature(a))}</footer>",
        f"<script>{_JS}</script></body></html>",
    ]
    return "\n".join(out)


def _header(report: Report, title: str) -> list[str]:
    a = report.alignment
    return [
        f"<header><h1>QA report: {escape(title)}</h1>",
        f"<p>中文 <code>{escape(a.zh.path)}</code> · English <code>{escape(a.en.path)}</code></p>",
        f"<p>{_n(len(report.findings), 'finding')}: {_n(report.count(Severity.ERROR), 'error')}, "
        f"{_n(report.count(Severity.WARNING), 'warning')}, {_n(report.count(Severity.INFO), 'note')} · "
        f"{_n(len(a.pairs), 'aligned pair')}</p>",
        *(f"<p>{escape(n)}</p>" for n in report.notes),
        "</header>",
    ]


def _summary(report: Report) -> list[str]:
    counts = Counter((f.check, f.severity) for f in report.findings)
    out = [
        '<section id="summary"><h2>Summary</h2><table class="summary">',
        "<thead><tr><th>check</th><th>what it finds</th>"
        + "".join(f'<th class="n">{s.value}</th>' for s in Severity)
        + "</tr></thead><tbody>",
    ]
    for check in CHECKS.values():
        total = sum(counts[(check.id, s)] for s in Severity)
        cls = "some" if total else "none"
        out.append(
            f'<tr class="{cls}" data-check="{check.id}"><td><code>{check.id}</code></td>'
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
        '<label>text <input type="search" id="text-filter" placeholder="key, term, number…"></label>',
        '<span id="shown"></span></div>',
        '<div class="list-wrap"><table id="findings-list"><thead><tr><th>#</th><th>severity</th>'
        "<th>check</th><th>中文</th><th>English</th><th>what differs</th></tr></thead><tbody>",
    ]
    for n, f in enumerate(findings, start=1):
        out.append(
            f'<tr class="finding" id="f{n}" tabindex="0" data-finding="f{n}" data-pair="{f.pair}" '
            f'data-severity="{f.severity.value}" data-check="{f.check}">'
            f'<td>{n}</td><td><span class="badge {f.severity.value}">{f.severity.value}</span></td>'
            f"<td><code>{f.check}</code></td><td>{escape(f.zh_key)}</td><td>{escape(f.en_key)}</td>"
            f"<td>{escape(f.message)}</td></tr>"
        )
    if not findings:
        out.append('<tr><td colspan="6">No findings.</td></tr>')
    out.append("</tbody></table></div></section>")
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
