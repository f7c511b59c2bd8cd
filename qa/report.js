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
  function norm(s){ return (s || '').normalize('NFKC').toLowerCase().replace(/\s+/g, ''); }
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
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function exportCsv(){
    var columns = data.columns.concat(['mark']);
    var lines = [columns.join(',')];
    data.findings.forEach(function(f){
      var row = columns.map(function(c){ return c === 'mark' ? (marks[f.id] ? 'not an error' : '') : f[c]; });
      lines.push(row.map(cell).join(','));
    });
    var blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], {type: 'text/csv;charset=utf-8'});
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
