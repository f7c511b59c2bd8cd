/* The review page's commands, from its buttons and keys, and its start: the edits
   kept for this alignment replayed, the pairs drawn. */

// ---- commands, from buttons and keys -------------------------------------------------
function command(name, el) {
  var i = current;
  if (i < 0 && name !== 'undo' && name !== 'redo') { select(0, true); i = 0; }
  switch (name) {
    case 'join-next': return act({op: 'join', at: i}, 'Pairs ' + (i + 1) + ' and ' + (i + 2) + ' joined.');
    case 'join-prev':
      if (i === 0) { say('There is no previous pair to join with.', true); return; }
      return act({op: 'join', at: i - 1}, 'Pairs ' + i + ' and ' + (i + 1) + ' joined.');
    case 'split': return startSplit();
    case 'split-apply':
      return act({op: 'split', at: mode.at, z: mode.cut.z, e: mode.cut.e}, 'Pair ' + (mode.at + 1) + ' split in two.');
    case 'cut':
      mode.cut[el.dataset.side] = [Number(el.dataset.s), Number(el.dataset.o)];
      drawCuts();
      var again = list.children[mode.at].querySelector('.cut[aria-pressed=true][data-side=' + el.dataset.side + ']');
      if (again) { again.focus(); }
      return;
    case 'unlink': return act({op: 'unlink', at: i}, 'Pair ' + (i + 1) + ' unlinked into two rows.');
    case 'link':
      if (mode && mode.kind === 'link') { return finishLink(i); }
      if (!gap(pairs[i])) { say('Link joins two rows that each have one side only.', true); return; }
      return startLink();
    case 'link-apply': return finishLink(i);
    case 'edit': return startEdit();
    case 'edit-apply': return applyEdit();
    case 'move':
      var side = el.dataset.side, dir = Number(el.dataset.dir);
      return act({op: 'move', at: i, side: side, dir: dir},
        'The ' + (dir < 0 ? 'first' : 'last') + ' ' + NAME[side] + ' block moved to the ' + (dir < 0 ? 'previous' : 'next') + ' pair.');
    case 'confirm': return act({op: 'confirm', at: i}, 'Pair ' + (i + 1) + (pairs[i].r ? ' unconfirmed.' : ' confirmed.'));
    case 'confirm-above': return act({op: 'confirmAbove', at: i}, 'Pairs 1 to ' + (i + 1) + ' confirmed.');
    case 'next-look': return nextLook(1);
    case 'undo': return undo();
    case 'redo': return redo();
    case 'cancel': return cancel();
    case 'evidence': return select(i, false);
  }
}
function nextLook(step) {
  for (var k = 1; k <= pairs.length; k++) {
    var i = ((current + step * k) % pairs.length + pairs.length) % pairs.length;
    if (needsLook(pairs[i])) { select(i, true); say('Pair ' + (i + 1) + ' needs a look.'); return; }
  }
  say('No pair needs a look.');
}
function move(step) {
  var i = current, filtering = document.getElementById('attention').checked;
  do { i += step; } while (filtering && i >= 0 && i < pairs.length && !needsLook(pairs[i]));
  if (i >= 0 && i < pairs.length) { select(i, true); }
}

list.addEventListener('click', function (e) {
  var row = e.target.closest('.pair');
  if (!row) { return; }
  var b = e.target.closest('button[data-act]');
  var i = Array.prototype.indexOf.call(list.children, row);
  if (mode && mode.kind === 'link' && !b && row.classList.contains('link-target')) { current = i; return finishLink(i); }
  if (i !== current) { if (mode && mode.kind !== 'link') { cancel(); } select(i, false); }
  if (b && !b.disabled) { command(b.dataset.act, b); }
});
list.addEventListener('focusin', function (e) {
  var row = e.target.closest('.pair');
  if (!row || row.classList.contains('current')) { return; }
  if (mode && mode.kind !== 'link') { return; }
  select(Array.prototype.indexOf.call(list.children, row), false);
});
document.querySelector('.bar').addEventListener('click', function (e) {
  var b = e.target.closest('button[data-act]');
  if (!b) { return; }
  var what = b.dataset.act;
  if (what === 'export-tmx') { download('.reviewed.tmx', tmx(), 'application/x-tmx+xml'); }
  else if (what === 'export-tsv') { download('.reviewed.tsv', tsv(), 'text/tab-separated-values'); }
  else if (what === 'export-json') { download('.edits.json', edits(), 'application/json'); }
  else if (what === 'discard') { discard(); }
  else if (what === 'help') { help(); }
  else { command(what, b); }
});
document.getElementById('attention').addEventListener('change', function (e) {
  list.classList.toggle('only-attention', e.target.checked);
  counts();
});
function help() {
  var d = document.getElementById('help');
  if (d.open) { d.close(); } else { d.showModal(); }
}
document.addEventListener('keydown', function (e) {
  var t = e.target, typing = t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && t.type !== 'checkbox');
  if (document.getElementById('help').open) { if (e.key === '?') { help(); e.preventDefault(); } return; }
  if (e.key === 'Escape') { if (mode) { cancel(); e.preventDefault(); } return; }
  if (typing) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && mode && mode.kind === 'edit') { e.preventDefault(); applyEdit(); }
    return;
  }
  if ((e.ctrlKey || e.metaKey) && !e.altKey) {
    var k = e.key.toLowerCase();
    if (k === 'z' || k === 'y') { e.preventDefault(); if (k === 'y' || e.shiftKey) { redo(); } else { undo(); } }
    return;
  }
  if (e.altKey || e.ctrlKey || e.metaKey) { return; }
  if (mode && mode.kind === 'split') {
    if (e.key === 'Enter' && t.tagName !== 'BUTTON') { e.preventDefault(); command('split-apply'); }
    return;
  }
  if (mode && mode.kind === 'edit') { return; }
  var keys = {j: 'down', ArrowDown: 'down', k: 'up', ArrowUp: 'up', n: 'next-look', N: 'prev-look', p: 'prev-look',
    J: 'join-next', K: 'join-prev', s: 'split', u: 'unlink', l: 'link', e: 'edit', c: 'confirm', C: 'confirm-above', '?': 'help', f: 'filter'};
  var name = keys[e.key];
  if (!name) { return; }
  e.preventDefault();
  if (name === 'down') { move(1); }
  else if (name === 'up') { move(-1); }
  else if (name === 'prev-look') { nextLook(-1); }
  else if (name === 'help') { help(); }
  else if (name === 'filter') { var box = document.getElementById('attention'); box.click(); }
  else if (name === 'split' && current >= 0 && !splittable(pairs[current])) { say('This pair has one block and one sentence a side: nothing to split (unlink it instead).', true); }
  else if (name === 'link' && mode && mode.kind === 'link') { finishLink(current); }
  else if (name === 'unlink' && current >= 0 && gap(pairs[current])) { say('This row has one side only: link it (l) instead.', true); }
  else { command(name); }
});

// ---- start: replay the kept edits, draw the pairs -------------------------------------
var kept = null;
try { kept = JSON.parse(localStorage.getItem(STORE) || 'null'); } catch (err) { kept = null; }
if (kept && Array.isArray(kept.ops)) {
  try {
    kept.ops.forEach(function (op) { done.push(run(op)); });
    say('Your ' + done.length + ' earlier edit' + (done.length === 1 ? ' is' : 's are') + ' back (Discard edits to start over).');
  } catch (err) {
    while (done.length) { splice(done.pop(), true); }
    say('The edits kept for this page could not be replayed (' + err.message + '); showing the aligner\'s pairs.', true);
  }
}
renderAll();
counts();
window.unterm = {tmx: tmx, tsv: tsv, edits: edits, pairs: function () { return pairs.length; }};
document.body.dataset.readyAt = String(Math.round(performance.now()));
document.body.dataset.ready = 'yes';
