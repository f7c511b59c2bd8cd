"""The QA report page's style and script (qa.html writes them inline: the page's content
security policy allows nothing else)."""

from __future__ import annotations

CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",
  "PingFang SC",sans-serif;margin:0;color:#1d232a;background:#f6f7f9;line-height:1.45}
header{padding:.8rem 1.5rem;background:#0b4f8a;color:#fff}
header h1{margin:0 0 .25rem;font-size:1.2rem;overflow-wrap:anywhere}header p{margin:.15rem 0;font-size:.85rem}
header code{overflow-wrap:anywhere}
header details{font-size:.8rem;margin-top:.2rem}header summary{cursor:pointer}
section{margin:1rem 1.5rem}h2{font-size:1.1rem;margin:.4rem 0}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e3e7eb;padding:.4rem .55rem;vertical-align:top;text-align:left}
th{background:#eef1f4;font-size:.82rem;white-space:nowrap}
.badge{display:inline-block;min-width:4.3rem;text-align:center;border-radius:3px;padding:.05rem .4rem;
  font-size:.75rem;font-weight:600;color:#fff}
.badge.error{background:#b3261e}.badge.warning{background:#8a5300}.badge.info{background:#4a6a8a}
.filters{display:flex;flex-wrap:wrap;gap:.5rem .9rem;align-items:center;padding:.5rem .6rem;background:#fff;
  border:1px solid #d5dae0;border-bottom:0;font-size:.88rem;position:sticky;top:0;z-index:2}
.filters input[type=search]{width:18rem;max-width:100%;padding:.25rem .4rem;font:inherit}
.filters button{font:inherit;padding:.2rem .6rem;cursor:pointer}
.keys{font-size:.78rem;color:#4a5561}.keys kbd{border:1px solid #c8ced5;border-radius:3px;padding:0 .25rem;
  background:#f6f7f9;font-size:.75rem}
#findings-list{border:1px solid #d5dae0}
#findings-list td.n,#findings-list td.sev,#findings-list td.chk,#findings-list td.key{white-space:nowrap}
#findings-list td.chk code{font-size:.8rem}
#findings-list td.msg{min-width:22rem;overflow-wrap:break-word}
#findings-list td.msg q{display:block;margin-top:.2rem;font-size:.85rem;color:#3b4550;quotes:"“" "”"}
#findings-list tr.finding{cursor:pointer}
#findings-list tr.finding:hover{background:#f2f7fd}
#findings-list tr.finding.current,#findings-list tr.finding:focus{background:#e4effc;outline:2px solid #0b63c5;
  outline-offset:-2px}
#findings-list tr.hidden{display:none}
#findings-list tr.marked td{color:#7d8790}#findings-list tr.marked td.msg{text-decoration:line-through}
button.mark{font-size:.75rem;padding:.1rem .4rem;cursor:pointer;white-space:nowrap;border:1px solid #b7c0c9;
  border-radius:3px;background:#fff}
button.mark[aria-pressed=true]{background:#2e6b3a;border-color:#2e6b3a;color:#fff}
.summary td.n{text-align:right;font-variant-numeric:tabular-nums;width:5rem}
.summary tr{cursor:pointer}.summary tr:hover{background:#f0f5fb}
table.pairs{table-layout:fixed}
col.key{width:11rem}col.score{width:5.5rem}
td.zh{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;line-height:1.75}
td.en{line-height:1.5}td.key{font-size:.8rem;color:#4a5561}td.key b{display:block;font-size:.9rem;color:#1d232a}
table.pairs td{overflow-wrap:break-word}
td.score{font-variant-numeric:tabular-nums;font-size:.85rem}
tr.pair.error{background:#fdf0ef}tr.pair.warning{background:#fff8ea}tr.pair.info{background:#f2f6fa}
tr.pair td.missing{color:#8a949e;font-style:italic}
mark{border-radius:2px;padding:0 .1rem}mark.error{background:#f6c5c1}mark.warning{background:#fde3a7}
mark.info{background:#d5e3f0}
.flash{animation:flash 1.6s ease-out}
@keyframes flash{0%{box-shadow:inset 0 0 0 3px #0b63c5}100%{box-shadow:inset 0 0 0 3px transparent}}
mark.current{outline:2px solid #0b63c5}
.refs{margin-top:.35rem;font-size:.75rem}.refs a{display:inline-block;margin-right:.4rem;color:#0b4f8a;overflow-wrap:break-word;max-width:100%}
.only-flagged tr.pair.clean{display:none}
footer{padding:1rem 1.5rem;font-size:.75rem;color:#5b6672;overflow-wrap:anywhere}
@media (max-width:720px){
  header,footer{padding:.7rem .8rem}section{margin:.8rem .5rem}
  .filters{position:static}.filters input[type=search]{width:100%}
  .keys{display:none}
  #findings-list thead,table.pairs thead,table.pairs colgroup{display:none}
  #findings-list,#findings-list tbody,#findings-list tr,#findings-list td,
  table.pairs,table.pairs tbody,table.pairs tr,table.pairs td{display:block;width:auto}
  #findings-list tr.finding{border-bottom:1px solid #d5dae0;padding:.35rem .2rem}
  #findings-list tr.hidden{display:none}
  #findings-list td{border:0;padding:.1rem .35rem}
  #findings-list td.n,#findings-list td.sev,#findings-list td.chk,#findings-list td.key{display:inline-block}
  #findings-list td.msg{min-width:0}
  #findings-list td.key:empty,#findings-list td.key.same{display:none}
  table.pairs tr.pair{border-bottom:2px solid #d5dae0}
  table.pairs td{border:0}
  table.pairs td.score::before{content:"confidence "}
  .summary th:nth-child(2),.summary td:nth-child(2){display:none}
  .summary th,.summary td{padding:.3rem .35rem}.summary td.n,.summary th.n{width:auto}
  .summary code{font-size:.75rem;overflow-wrap:anywhere}
}
"""

JS = """
(function(){
  'use strict';
  var data = JSON.parse(document.getElementById('findings-data').textContent);
  var store = 'unterm-qa-marks:' + document.body.dataset.document;
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings-list tr.finding'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=severity]'));
  var check = document.getElementById('check-filter');
  var search = document.getElementById('text-filter');
  var hideMarked = document.getElementById('hide-marked');
  var shown = document.getElementById('shown');
  var current = -1;
  var marks = {};
  try { marks = JSON.parse(window.localStorage.getItem(store) || '{}') || {}; } catch (e) { marks = {}; }
  // what a search matches: the finding (check, keys, message, excerpts) and the text of
  // both versions of its paragraph, compared without spaces so 2030年 finds 2030 年
  function norm(s){ return (s || '').normalize('NFKC').toLowerCase().replace(/\\s+/g, ''); }
  rows.forEach(function(r){
    var pair = document.getElementById('p' + r.dataset.pair);
    r.searchText = norm(r.dataset.check + ' ' + r.textContent + ' ' + (pair ? pair.textContent : ''));
  });
  function visible(){ return rows.filter(function(r){ return !r.classList.contains('hidden'); }); }
  function apply(){
    var sev = {};
    boxes.forEach(function(b){ sev[b.value] = b.checked; });
    var q = norm(search.value), n = 0;
    rows.forEach(function(r){
      var ok = sev[r.dataset.severity] && (!check.value || r.dataset.check === check.value)
        && (!q || r.searchText.indexOf(q) >= 0) && !(hideMarked.checked && marks[r.dataset.id]);
      r.classList.toggle('hidden', !ok);
      if (ok) { n++; }
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  function select(row){
    rows.forEach(function(r){ r.classList.remove('current'); });
    if (!row) { current = -1; return; }
    row.classList.add('current');
    current = rows.indexOf(row);
    row.focus({preventScroll: true});
    row.scrollIntoView({block: 'nearest'});
  }
  function go(row){
    select(row);
    var pair = document.getElementById('p' + row.dataset.pair);
    if (!pair) { return; }
    document.querySelectorAll('mark.current').forEach(function(m){ m.classList.remove('current'); });
    var marked = document.querySelectorAll('mark[data-f~="' + row.dataset.finding + '"]');
    marked.forEach(function(m){ m.classList.add('current'); });
    var target = marked.length ? marked[0] : pair;
    pair.classList.remove('flash'); void pair.offsetWidth; pair.classList.add('flash');
    target.scrollIntoView({block: 'center'});
    history.replaceState(null, '', '#p' + row.dataset.pair);
  }
  function move(step){
    var vis = visible();
    if (!vis.length) { return; }
    var at = vis.indexOf(rows[current]);
    var next = at < 0 ? (step > 0 ? 0 : vis.length - 1) : Math.min(vis.length - 1, Math.max(0, at + step));
    select(vis[next]);
  }
  function paint(row){
    var on = !!marks[row.dataset.id];
    row.classList.toggle('marked', on);
    var b = row.querySelector('button.mark');
    b.setAttribute('aria-pressed', on ? 'true' : 'false');
    b.textContent = on ? 'not an error ✓' : 'not an error';
  }
  function toggle(row){
    var id = row.dataset.id;
    if (marks[id]) { delete marks[id]; } else { marks[id] = true; }
    try { window.localStorage.setItem(store, JSON.stringify(marks)); } catch (e) { /* private mode: kept for this visit */ }
    paint(row);
    apply();
  }
  function cell(v){
    var s = String(v === undefined || v === null ? '' : v);
    return /[",\\r\\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function exportCsv(){
    var columns = data.columns.concat(['mark']);
    var lines = [columns.join(',')];
    data.findings.forEach(function(f){
      var row = columns.map(function(c){ return c === 'mark' ? (marks[f.id] ? 'not an error' : '') : f[c]; });
      lines.push(row.map(cell).join(','));
    });
    var blob = new Blob(['\\ufeff' + lines.join('\\r\\n') + '\\r\\n'], {type: 'text/csv;charset=utf-8'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = data.file + '.marks.csv';
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function(){ URL.revokeObjectURL(a.href); }, 1000);
  }
  rows.forEach(function(r){
    paint(r);
    r.addEventListener('focus', function(){
      rows.forEach(function(o){ o.classList.toggle('current', o === r); });
      current = rows.indexOf(r);
    });
    r.addEventListener('click', function(e){
      if (e.target.closest('button.mark')) { toggle(r); e.stopPropagation(); return; }
      go(r);
    });
  });
  document.addEventListener('keydown', function(e){
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
      if (e.key === 'Escape') { t.blur(); }
      if (e.key === 'Enter' && t === search) { e.preventDefault(); move(1); }
      return;
    }
    if (t && t.tagName === 'BUTTON' && e.key === 'Enter') { return; }
    if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Enter' && current >= 0) { e.preventDefault(); go(rows[current]); }
    else if (e.key === 'x' && current >= 0) { e.preventDefault(); toggle(rows[current]); }
    else if (e.key === '/') { e.preventDefault(); search.focus(); }
  });
  boxes.forEach(function(b){ b.addEventListener('change', apply); });
  check.addEventListener('change', apply);
  search.addEventListener('input', apply);
  hideMarked.addEventListener('change', apply);
  document.getElementById('export').addEventListener('click', exportCsv);
  document.querySelectorAll('.summary tr[data-check]').forEach(function(tr){
    tr.addEventListener('click', function(){ check.value = tr.dataset.check; apply();
      document.getElementById('findings').scrollIntoView(); });
  });
  document.querySelectorAll('.refs a').forEach(function(a){
    a.addEventListener('click', function(e){
      var row = document.getElementById(a.getAttribute('href').slice(1));
      if (!row) { return; }
      e.preventDefault();
      if (row.classList.contains('hidden')) { boxes.forEach(function(b){ b.checked = true; });
        check.value = ''; search.value = ''; hideMarked.checked = false; apply(); }
      select(row); row.scrollIntoView({block: 'center'});
    });
  });
  document.getElementById('only-flagged').addEventListener('change', function(e){
    document.getElementById('pairs').classList.toggle('only-flagged', e.target.checked);
  });
  apply();
  document.body.dataset.ready = 'yes';
})();
"""
