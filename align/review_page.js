/* The review page: the pairs drawn from the data (align/html.py), the current pair
   and its tools, doing and undoing edits (kept in localStorage under the alignment's
   id), the modes an edit passes through (split, edit text, link), the commands from
   the page's buttons and keys, and the start: the edits kept for this alignment
   replayed, the pairs drawn.
   A script on its own, run after review_pairs.js: untermReviewPairs is all it takes
   from that script, and window.unterm (the exports, which the tests call) all it
   leaves on the page. */

(function () {
  'use strict';
  var DATA = JSON.parse(document.getElementById('unterm-data').textContent);
  var review = untermReviewPairs(DATA);
  var pairs = review.pairs, done = review.done, NAME = review.NAME;
  var gap = review.gap, low = review.low, needsLook = review.needsLook;
  var kindOf = review.kindOf, keyOf = review.keyOf, sentenceOf = review.sentenceOf;
  var boundaries = review.boundaries, defaultCut = review.defaultCut, run = review.run, splice = review.splice;
  var tmx = review.tmx, tsv = review.tsv, edits = review.edits;
  var STORE = 'unterm-review:' + DATA.id;
  var undone = [];  // what undo took back, for redo
  var list = document.getElementById('pairs');
  var tools = document.createElement('div');
  tools.className = 'tools';
  var statusLine = document.getElementById('status');
  var current = -1;
  var mode = null;  // {kind: 'split'|'edit'|'link', ...} while an edit is being made


  // ---- the page ---------------------------------------------------------------------
  function esc(t) {
    return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function sideHtml(segs, side) {
    var cls = side === 'z' ? 'zh' : 'en';
    if (!segs.length) { return '<div class="' + cls + ' missing">no counterpart</div>'; }
    return '<div class="' + cls + '" lang="' + (side === 'z' ? 'zh-CN' : 'en') + '">' +
      segs.map(function (s) { return '<div class="seg">' + esc(s.t) + '</div>'; }).join('') + '</div>';
  }
  function rowHtml(p, i) {
    var cls = ['pair', gap(p) ? 'gap' : low(p) ? 'low' : 'ok', kindOf(p)];
    if (p.r) { cls.push(p.r); }
    if (needsLook(p)) { cls.push('attention'); }
    var n = sentenceOf(p);
    return '<li class="' + cls.join(' ') + '" tabindex="-1" data-uid="' + p.uid + '">' +
      '<div class="n">' + (i + 1) + '</div>' +
      '<div class="key"><b>' + esc(keyOf(p)) + '</b>' + esc(kindOf(p)) + ' · ' + p.z.length + '-' + p.e.length +
      (n ? ' · sentence ' + n : '') + '</div>' + sideHtml(p.z, 'z') + sideHtml(p.e, 'e') +
      '<div class="score"><button type="button" class="conf" data-act="evidence" title="' + esc(p.v.join('; ')) +
      '" aria-label="confidence ' + p.f + ': show its evidence">' + p.f + '</button>' +
      (p.r ? '<span class="mark ' + p.r + '">' + p.r + '</span>' : '') + '</div></li>';
  }
  function renderAll() {
    list.innerHTML = pairs.map(rowHtml).join('');
  }
  function patch(s) {  // the DOM follows a splice already made on `pairs`
    var after = list.children[s.at + s.del.length] || null;
    for (var k = 0; k < s.del.length; k++) { list.removeChild(list.children[s.at]); }
    var t = document.createElement('template');
    t.innerHTML = s.ins.map(function (p, k) { return rowHtml(p, s.at + k); }).join('');
    list.insertBefore(t.content, after);
    var rows = list.children;
    for (var i = s.at + s.ins.length; i < rows.length; i++) { rows[i].firstChild.textContent = String(i + 1); }
  }
  function counts() {
    var look = 0, reviewed = 0, lows = 0, gaps = 0;
    pairs.forEach(function (p) {
      if (needsLook(p)) { look++; }
      if (p.r) { reviewed++; }
      if (low(p)) { lows++; }
      if (gap(p)) { gaps++; }
    });
    document.getElementById('counts').textContent = pairs.length + ' pairs · ' + look + ' to look at · ' +
      reviewed + ' reviewed · ' + done.length + ' edit' + (done.length === 1 ? '' : 's');
    var filtering = document.getElementById('attention').checked, empty = document.getElementById('empty-filter');
    empty.hidden = !(filtering && look === 0);
    empty.textContent = 'All ' + pairs.length + ' pairs are above ' + DATA.low + ' and matched' +
      (lows + gaps ? ', or reviewed.' : '.') + ' Nothing needs a look.';
    document.getElementById('undo').disabled = !done.length;
    document.getElementById('redo').disabled = !undone.length;
    document.getElementById('discard').disabled = !done.length;
  }
  function say(message, error) {
    statusLine.textContent = message;
    statusLine.className = error ? 'error' : '';
  }
  function save() {
    try {
      if (done.length) {
        localStorage.setItem(STORE, JSON.stringify({v: 1, ops: done.map(function (s) { return s.op; })}));
      } else {
        localStorage.removeItem(STORE);
      }
    } catch (err) {
      say('This browser does not keep the edits (local storage refused: ' + err.name + '); export them before closing.', true);
    }
  }
  function download(suffix, content, type) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([content], {type: type + ';charset=utf-8'}));
    a.download = (DATA.document || 'alignment').replace(/[^A-Za-z0-9._-]+/g, '_') + suffix;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    say('Exported ' + a.download + '.');
  }

  // ---- the current pair and its tools ------------------------------------------------
  function button(act, label, keys, disabled, extra) {
    return '<button type="button" data-act="' + act + '"' + (extra || '') + (keys ? ' aria-keyshortcuts="' + keys + '"' : '') +
      (disabled ? ' disabled' : '') + '>' + label + '</button>';
  }
  function splittable(p) {  // a place to cut inside one side at least (else unlink does it)
    return [p.z, p.e].some(function (segs) { return boundaries(segs).length > 2; });
  }
  function linkable(a, b) { return a && b && a !== b && gap(a) && gap(b) && !a.z.length !== !b.z.length; }
  function fillTools() {
    var p = pairs[current], i = current, h = [];
    h.push('<p class="evidence"><b>Pair ' + (i + 1) + ' of ' + pairs.length + ' · confidence ' + p.f +
      (gap(p) ? ' that it has no counterpart' : '') + '</b>' + (p.r ? ' · ' + p.r : '') +
      '<br>Evidence: ' + esc(p.v.join('; ') || 'none') + '</p>');
    if (mode && mode.kind === 'split') {
      h.push('<div class="row">Choose where each side is cut (✂ between sentences, ✂¶ between blocks); the ' +
        'part in blue becomes the next pair.</div><div class="row">' + button('split-apply', 'Split here', 'Enter', false, ' class="primary"') +
        button('cancel', 'Cancel', 'Escape') + '</div>');
    } else if (mode && mode.kind === 'edit') {
      h.push('<div class="row">Correct the text; empty a block to remove it.</div><div class="row">' +
        button('edit-apply', 'Save', 'Control+Enter', false, ' class="primary"') + button('cancel', 'Cancel', 'Escape') + '</div>');
    } else {
      if (mode && mode.kind === 'link') {
        var from = indexOf(mode.uid);
        h.push('<div class="linkbar">Linking row ' + (from + 1) + ': choose a row with ' +
          (pairs[from].z.length ? 'English' : 'Chinese') + ' only (dashed): click it, or go to it and press l. ' +
          button('link-apply', 'Link here', 'l', !linkable(pairs[from], p)) + ' ' + button('cancel', 'Cancel', 'Escape') + '</div>');
      }
      h.push('<div class="row"><span class="label">Pair</span>' +
        button('join-prev', '↑ Join with previous', 'K', i === 0) +
        button('join-next', '↓ Join with next', 'J', i === pairs.length - 1) +
        button('split', 'Split…', 's', !splittable(p)) +
        (gap(p) ? button('link', 'Link…', 'l', !!mode) : button('unlink', 'Unlink', 'u')) +
        button('edit', 'Edit text', 'e') + '</div>');
      h.push('<div class="row"><span class="label">Move a block to the neighbouring pair</span>' +
        ['z', 'e'].map(function (side) {
          return button('move', NAME[side] + ' first ↑', '', !p[side].length || i === 0,
            ' data-side="' + side + '" data-dir="-1" title="move the first ' + NAME[side] + ' block to the previous pair"') +
            button('move', NAME[side] + ' last ↓', '', !p[side].length || i === pairs.length - 1,
              ' data-side="' + side + '" data-dir="1" title="move the last ' + NAME[side] + ' block to the next pair"');
        }).join('') + '</div>');
      h.push('<div class="row"><span class="label">Review</span>' +
        button('confirm', p.r === 'confirmed' ? 'Unconfirm' : 'Confirm', 'c', p.r === 'edited') +
        button('confirm-above', 'Confirm all above', 'Shift+C') +
        button('next-look', 'Next to look at', 'n') + button('undo', 'Undo', 'Control+Z', !done.length) + '</div>');
    }
    tools.innerHTML = h.join('');
  }
  function indexOf(id) {
    for (var i = 0; i < pairs.length; i++) { if (pairs[i].uid === id) { return i; } }
    return -1;
  }
  function select(i, focus) {
    if (!pairs.length) { return; }
    i = Math.max(0, Math.min(pairs.length - 1, i));
    var old = list.querySelector('.pair.current');
    if (old) { old.classList.remove('current'); }
    current = i;
    var row = list.children[i];
    row.classList.add('current');
    row.appendChild(tools);
    fillTools();
    if (focus) {
      row.focus({preventScroll: true});
      row.scrollIntoView({block: 'nearest'});
    }
  }
  function markLinkTargets() {
    var from = mode && mode.kind === 'link' ? pairs[indexOf(mode.uid)] : null;
    Array.prototype.forEach.call(list.children, function (row, i) {
      row.classList.toggle('link-target', !!from && linkable(from, pairs[i]));
      row.classList.toggle('link-source', !!from && pairs[i] === from);
    });
  }

  // ---- doing, undoing ----------------------------------------------------------------
  function act(op, message) {
    var s;
    try {
      s = run(op);
    } catch (err) {
      say(err.message, true);
      return false;
    }
    patch(s);
    done.push(s);
    undone = [];
    mode = null;
    save();
    counts();
    markLinkTargets();
    select(Math.min(op.op === 'link' ? Math.min(op.at, op['with']) : op.at, pairs.length - 1), true);
    say(message + ' (undo: Ctrl-Z)');
    return true;
  }
  function undo() {
    var s = done.pop();
    if (!s) { say('Nothing to undo.', true); return; }
    patch(splice(s, true));
    undone.push(s);
    after('Undone: ' + s.op.op + '.', s.at);
  }
  function redo() {
    var s = undone.pop();
    if (!s) { say('Nothing to redo.', true); return; }
    patch(splice(s, false));
    done.push(s);
    after('Redone: ' + s.op.op + '.', s.at);
  }
  function after(message, at) {
    mode = null;
    save();
    counts();
    markLinkTargets();
    select(Math.min(at, pairs.length - 1), true);
    say(message);
  }
  function discard() {
    if (!window.confirm('Discard all ' + done.length + ' edits and go back to the aligner\'s pairs?')) { return; }
    while (done.length) { splice(done.pop(), true); }
    undone = [];
    renderAll();
    after('All edits discarded.', 0);
  }

  // ---- the modes: split, edit text, link ---------------------------------------------
  function startSplit() {
    var p = pairs[current];
    mode = {kind: 'split', at: current, cut: {z: defaultCut(p.z), e: defaultCut(p.e)}};
    drawCuts();
    fillTools();
  }
  function drawCuts() {
    var p = pairs[mode.at], row = list.children[mode.at];
    ['z', 'e'].forEach(function (side) {
      var cell = row.querySelector(side === 'z' ? '.zh' : '.en'), segs = p[side];
      if (!segs.length) { return; }
      var cut = mode.cut[side], h = [], second = false;
      boundaries(segs).forEach(function (b, k, all) {
        var on = b[0] === cut[0] && b[1] === cut[1], edge = k === 0 || k === all.length - 1;
        var label = k === 0 ? 'cut before everything (all of this side to the second pair)' :
          k === all.length - 1 ? 'cut after everything (all of this side to the first pair)' :
          b[1] ? 'cut between sentences' : 'cut between blocks';
        h.push('<button type="button" class="cut' + (b[1] || edge ? '' : ' block') + '" data-act="cut" data-side="' + side +
          '" data-s="' + b[0] + '" data-o="' + b[1] + '" aria-pressed="' + on + '" aria-label="' + label + '">' +
          (b[1] || edge ? '✂' : '✂¶') + '</button>');
        if (on) { second = true; }
        if (k < all.length - 1) {
          var next = all[k + 1], t = segs[b[0]].t;
          var piece = next[0] === b[0] ? t.slice(b[1], next[1]) : t.slice(b[1]);
          h.push('<span class="piece' + (second ? ' second' : '') + '">' + esc(piece) + '</span>');
        }
      });
      cell.innerHTML = h.join('');
      cell.classList.add('cutview');
    });
  }
  function startEdit() {
    var p = pairs[current], row = list.children[current];
    mode = {kind: 'edit', at: current};
    ['z', 'e'].forEach(function (side) {
      var cell = row.querySelector(side === 'z' ? '.zh' : '.en');
      var segs = p[side].length ? p[side] : [{t: ''}];
      cell.classList.remove('missing');
      cell.classList.add('editor');
      cell.innerHTML = segs.map(function (s, k) {
        return '<textarea data-side="' + side + '" aria-label="' + NAME[side] + ' block ' + (k + 1) + '" lang="' +
          (side === 'z' ? 'zh-CN' : 'en') + '">' + esc(s.t) + '</textarea>';
      }).join('');
    });
    fillTools();
    var first = row.querySelector('textarea');
    if (first) { first.focus(); }
  }
  function applyEdit() {
    var row = list.children[mode.at], texts = {z: [], e: []};
    row.querySelectorAll('textarea').forEach(function (t) { texts[t.dataset.side].push(t.value); });
    var p = pairs[mode.at];
    if (!p.z.length && texts.z.join('') === '') { texts.z = []; }
    if (!p.e.length && texts.e.join('') === '') { texts.e = []; }
    act({op: 'text', at: mode.at, z: texts.z, e: texts.e}, 'Text of pair ' + (mode.at + 1) + ' corrected.');
  }
  function cancel() {
    if (!mode) { return; }
    var at = mode.kind === 'link' ? current : mode.at;
    mode = null;
    if (at >= 0 && at < pairs.length) { patch({at: at, del: [pairs[at]], ins: [pairs[at]]}); }
    markLinkTargets();
    select(at, true);
    say('Cancelled.');
  }
  function startLink() {
    mode = {kind: 'link', uid: pairs[current].uid};
    markLinkTargets();
    fillTools();
    say('Choose the row to link with (j/k or click it), then press l or Link here; Esc cancels.');
  }
  function finishLink(i) {
    var from = indexOf(mode.uid);
    if (!linkable(pairs[from], pairs[i])) { say('Choose a row with ' + (pairs[from].z.length ? 'English' : 'Chinese') + ' only.', true); return; }
    act({op: 'link', at: from, 'with': i}, 'Rows ' + (from + 1) + ' and ' + (i + 1) + ' linked.');
  }

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
})();
