/* The pairs of the review page and what can be done to them, with no reference to the
   page: each edit an operation on the list of pairs that replaces a run of pairs by
   others (a splice), so that undo puts the old run back; and the exports, written as
   align/tmx.py and align/tabular.py write them, byte for byte.
   A script on its own: it defines untermReviewPairs(data), which takes the page's data
   (align/html.py page_data) and returns the pairs and what review_page.js does with
   them; Node runs it as it is (tests/align/test_review_export.py). */

function untermReviewPairs(DATA) {
  'use strict';
  var JOIN = {z: '', e: ' '};
  var NAME = {z: '中文', e: 'English'};
  var uid = 0;
  var pairs = DATA.pairs.map(function (d) {
    return {uid: ++uid, z: d.z, e: d.e, p: d.p, f: d.f, v: d.v, r: d.r || ''};
  });
  var done = [];    // {op, at, del, ins}: the edits in force, oldest first

  // ---- what a pair is -------------------------------------------------------------
  function text(segs, side) { return segs.map(function (s) { return s.t; }).join(JOIN[side]); }
  function kindOf(p) { return (p.z[0] || p.e[0]).d; }
  function sentenceOf(p) { return (p.z[0] || p.e[0]).n; }
  function keyOf(p) {
    function keys(segs) { return segs.map(function (s) { return s.k; }).filter(Boolean).join(' '); }
    var zk = keys(p.z), ek = keys(p.e);
    return zk && ek && zk !== ek ? zk + '|' + ek : zk || ek;
  }
  function gap(p) { return !p.z.length || !p.e.length; }
  function low(p) { return !gap(p) && p.p < DATA.low; }
  function needsLook(p) { return (gap(p) || low(p)) && !p.r; }
  function edited(z, e, how) {
    return {uid: ++uid, z: z, e: e, p: 1, f: '1.000', v: ['edited: ' + how], r: 'edited'};
  }
  function withReview(p, r) { return {uid: ++uid, z: p.z, e: p.e, p: p.p, f: p.f, v: p.v, r: r}; }
  function need(ok, message) { if (!ok) { throw new Error(message); } }

  // sentence ends in corrected text (the page's simpler rule: no abbreviation list)
  var ZH_END = /[。！？!?；][”’」』）》)]*/g;
  var EN_END = /[.!?]["”’)\]]*\s+(?=["“‘(\[]?[A-Z0-9])/g;
  function cutsOf(t, side) {
    var out = [], m, re = side === 'z' ? ZH_END : EN_END;
    re.lastIndex = 0;
    while ((m = re.exec(t)) !== null) {
      var at = m.index + m[0].length;
      if (at < t.length) { out.push(at); }
    }
    return out;
  }
  function clean(t) { return t.replace(/\s+/g, ' ').trim(); }

  // A side cut at [s, o]: blocks before s, and block s's first o characters, go first.
  function cutSide(segs, cut) {
    var s = cut[0], o = cut[1];
    if (!o) { return [segs.slice(0, s), segs.slice(s)]; }
    var seg = segs[s], left = seg.t.slice(0, o), right = seg.t.slice(o);
    var lead = right.length - right.replace(/^\s+/, '').length;
    var a = {t: left.replace(/\s+$/, ''), d: seg.d, k: seg.k, n: seg.n,
      c: seg.c.filter(function (c) { return c < o; })};
    var b = {t: right.slice(lead), d: seg.d, k: seg.k, n: seg.n,
      c: seg.c.filter(function (c) { return c > o; }).map(function (c) { return c - o - lead; })};
    return [segs.slice(0, s).concat([a]), [b].concat(segs.slice(s + 1))];
  }
  function boundaries(segs) {  // every place a side can be cut, in order
    var out = [[0, 0]];
    segs.forEach(function (seg, s) {
      seg.c.forEach(function (c) { out.push([s, c]); });
      out.push([s + 1, 0]);
    });
    return out;
  }
  function defaultCut(segs) {
    if (segs.length > 1) { return [Math.floor(segs.length / 2), 0]; }
    if (segs.length === 1 && segs[0].c.length) { return [0, segs[0].c[Math.floor((segs[0].c.length - 1) / 2)]]; }
    return [segs.length, 0];
  }

  // ---- the edits: each returns the splice {at, del, ins} it makes --------------------
  var OPS = {
    join: function (o) {
      var a = pairs[o.at], b = pairs[o.at + 1];
      need(a && b, 'there is no next pair to join with');
      return {at: o.at, del: [a, b], ins: [edited(a.z.concat(b.z), a.e.concat(b.e), 'joined')]};
    },
    split: function (o) {
      var p = pairs[o.at], z = cutSide(p.z, o.z), e = cutSide(p.e, o.e);
      need((z[0].length || e[0].length) && (z[1].length || e[1].length),
        'cut so that each part keeps text on one side at least');
      return {at: o.at, del: [p], ins: [edited(z[0], e[0], 'split'), edited(z[1], e[1], 'split')]};
    },
    move: function (o) {
      var p = pairs[o.at], q = pairs[o.at + o.dir], segs = p[o.side];
      need(q, 'there is no ' + (o.dir < 0 ? 'previous' : 'next') + ' pair to move a block to');
      need(segs.length, 'this pair has no ' + NAME[o.side] + ' block to move');
      var moved = o.dir < 0 ? segs[0] : segs[segs.length - 1];
      var rest = o.dir < 0 ? segs.slice(1) : segs.slice(0, -1);
      var to = o.dir < 0 ? q[o.side].concat([moved]) : [moved].concat(q[o.side]);
      var np = edited(o.side === 'z' ? rest : p.z, o.side === 'e' ? rest : p.e, 'a block moved out');
      var nq = edited(o.side === 'z' ? to : q.z, o.side === 'e' ? to : q.e, 'a block moved in');
      var ins = (o.dir < 0 ? [nq, np] : [np, nq]).filter(function (x) { return x.z.length || x.e.length; });
      return {at: Math.min(o.at, o.at + o.dir), del: o.dir < 0 ? [q, p] : [p, q], ins: ins};
    },
    unlink: function (o) {
      var p = pairs[o.at];
      need(!gap(p), 'only a pair with both sides can be unlinked');
      return {at: o.at, del: [p], ins: [edited(p.z, [], 'unlinked'), edited([], p.e, 'unlinked')]};
    },
    link: function (o) {
      var a = pairs[o.at], b = pairs[o.with];
      need(a && b && gap(a) && gap(b) && !a.z.length !== !b.z.length,
        'link joins a row with Chinese only to a row with English only');
      var both = edited(a.z.length ? a.z : b.z, a.e.length ? a.e : b.e, 'linked');
      if (o.with > o.at) {
        return {at: o.at, del: pairs.slice(o.at, o.with + 1), ins: [both].concat(pairs.slice(o.at + 1, o.with))};
      }
      return {at: o.with, del: pairs.slice(o.with, o.at + 1), ins: pairs.slice(o.with + 1, o.at).concat([both])};
    },
    text: function (o) {
      var p = pairs[o.at], changed = false;
      function side(segs, texts, name) {
        var out = [];
        texts.forEach(function (raw, k) {
          var t = clean(raw), seg = segs[k] || segs[0] || {d: kindOf(p), k: keyOf(p), n: sentenceOf(p)};
          if (segs[k] && t === segs[k].t) { out.push(segs[k]); return; }
          changed = true;
          if (t) { out.push({t: t, d: seg.d, k: seg.k, n: seg.n, c: cutsOf(t, name)}); }
        });
        return out;
      }
      var z = side(p.z, o.z, 'z'), e = side(p.e, o.e, 'e');
      need(changed, 'the text is unchanged');
      need(z.length || e.length, 'a pair needs text on one side at least (to remove one, join or unlink it)');
      return {at: o.at, del: [p], ins: [edited(z, e, 'text corrected')]};
    },
    confirm: function (o) {
      var p = pairs[o.at];
      need(p.r !== 'edited', 'an edited pair is already reviewed');
      return {at: o.at, del: [p], ins: [withReview(p, p.r ? '' : 'confirmed')]};
    },
    confirmAbove: function (o) {
      var run = pairs.slice(0, o.at + 1);
      need(run.some(function (p) { return !p.r; }), 'every pair down to here is already reviewed');
      return {at: 0, del: run, ins: run.map(function (p) { return p.r ? p : withReview(p, 'confirmed'); })};
    }
  };

  function splice(s, back) {
    var del = back ? s.ins : s.del, ins = back ? s.del : s.ins;
    pairs.splice.apply(pairs, [s.at, del.length].concat(ins));
    return {at: s.at, del: del, ins: ins};
  }
  function run(op) {
    var s = OPS[op.op](op);
    s.op = op;
    splice(s, false);
    return s;
  }

  // ---- exports: as align/tmx.py and align/tabular.py write them ------------------------
  function xmlSafe(t) {  // lang.text.xml_safe: a lone surrogate as U+FFFD, what XML forbids dropped
    return t.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\ud800-\udfff]/g, '');
  }
  function xmlText(t) { return xmlSafe(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
  function reviewedCount() { return pairs.filter(function (p) { return p.r; }).length; }
  function signature() {
    var n = reviewedCount();
    // the count goes before the version, which a signature keeps last (signature.py)
    var s = DATA.signature, at = s.lastIndexOf('|version:');
    if (!n) return s;
    if (at < 0) at = s.length;
    return s.slice(0, at) + '|reviewed:' + n + ' of ' + pairs.length + ' pairs' + s.slice(at);
  }
  function prop(indent, type, value) {
    var v = xmlText(value);
    return indent + '<prop type="' + type + '"' + (v ? '>' + v + '</prop>' : ' />') + '\n';
  }
  function tmx() {
    var doc = DATA.document, out = [];
    out.push("<?xml version='1.0' encoding='UTF-8'?>\n<tmx version=\"1.4\">\n");
    out.push('  <header creationtool="unterm" creationtoolversion="' + DATA.version + '" segtype="' + DATA.level +
      '" adminlang="en" srclang="en" datatype="plaintext" o-tmf="unterm">\n');
    out.push(prop('    ', 'x-signature', signature()));
    if (doc) { out.push(prop('    ', 'x-document', doc)); }
    out.push(prop('    ', 'x-unmatched-pairs', String(pairs.filter(gap).length)));
    out.push('  </header>\n');
    var units = [];
    pairs.forEach(function (p, i) {
      if (gap(p)) { return; }
      var u = '    <tu tuid="' + (i + 1) + '">\n';
      if (doc) { u += prop('      ', 'x-document', doc); }
      if (keyOf(p)) { u += prop('      ', 'x-key', keyOf(p)); }
      if (DATA.level === 'sentence') { u += prop('      ', 'x-sentence', String(sentenceOf(p))); }
      u += prop('      ', 'x-kind', kindOf(p)) + prop('      ', 'x-score', p.f);
      if (p.r) { u += prop('      ', 'x-reviewed', p.r); }
      [['en', text(p.e, 'e')], ['zh-CN', text(p.z, 'z')]].forEach(function (v) {
        var seg = xmlText(v[1]);
        u += '      <tuv xml:lang="' + v[0] + '">\n        ' + (seg ? '<seg>' + seg + '</seg>' : '<seg />') + '\n      </tuv>\n';
      });
      units.push(u + '    </tu>\n');
    });
    out.push(units.length ? '  <body>\n' + units.join('') + '  </body>\n' : '  <body />\n');
    return out.join('') + '</tmx>';
  }
  function columns() {
    var c = ['zh', 'en', 'kind', 'key', 'score'];
    if (DATA.level === 'sentence') { c.push('sentence'); }
    if (reviewedCount()) { c.push('reviewed'); }
    return c;
  }
  function cell(t) { return /[\t"\r\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t; }
  function tsv() {
    var cols = columns(), lines = [cols.join('\t')];
    pairs.forEach(function (p) {
      var row = {zh: text(p.z, 'z'), en: text(p.e, 'e'), kind: kindOf(p), key: keyOf(p), score: p.f,
        sentence: String(sentenceOf(p)), reviewed: p.r};
      lines.push(cols.map(function (c) { return cell(row[c]); }).join('\t'));
    });
    return lines.join('\n') + '\n';
  }
  function edits() {
    return JSON.stringify({
      unterm: 'review', version: DATA.version, id: DATA.id, document: DATA.document, level: DATA.level,
      signature: signature(), edits: done.map(function (s) { return s.op; }),
      pairs: pairs.map(function (p) {
        var o = {zh: text(p.z, 'z'), en: text(p.e, 'e'), kind: kindOf(p), key: keyOf(p), score: p.p};
        if (DATA.level === 'sentence') { o.sentence = sentenceOf(p); }
        if (p.r) { o.reviewed = p.r; }
        return o;
      })
    }, null, 1) + '\n';
  }

  return {
    pairs: pairs, done: done, NAME: NAME,
    gap: gap, low: low, needsLook: needsLook, kindOf: kindOf, keyOf: keyOf, sentenceOf: sentenceOf,
    boundaries: boundaries, defaultCut: defaultCut, run: run, splice: splice,
    tmx: tmx, tsv: tsv, edits: edits
  };
}
