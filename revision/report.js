(function(){
  'use strict';
  var pairs = Array.prototype.slice.call(document.querySelectorAll('tr.pair'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=change]'));
  var search = document.getElementById('text-filter');
  var shown = document.getElementById('shown');
  var only = document.getElementById('only-changed');
  function apply(){
    var kinds = {};
    boxes.forEach(function(b){ kinds[b.value] = b.checked; });
    var q = search.value.trim().toLowerCase(), n = 0;
    pairs.forEach(function(r){
      var ok = kinds[r.dataset.change] && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.classList.toggle('hidden', !ok);
      if (ok && !(only.checked && r.dataset.change === 'unchanged')) { n++; }
    });
    shown.textContent = n + ' of ' + pairs.length + ' pairs shown';
  }
  function go(id){
    var row = document.getElementById(id);
    if (!row) { return; }
    if (row.classList.contains('hidden') || (only.checked && row.dataset.change === 'unchanged')) {
      boxes.forEach(function(b){ b.checked = true; }); search.value = ''; only.checked = false;
      document.body.classList.remove('only-changed'); apply();
    }
    row.classList.remove('flash'); void row.offsetWidth; row.classList.add('flash');
    row.scrollIntoView({block: 'center'});
    history.replaceState(null, '', '#' + id);
  }
  document.querySelectorAll('tr.go').forEach(function(r){
    r.addEventListener('click', function(){ go(r.dataset.target); });
    r.addEventListener('keydown', function(e){ if (e.key === 'Enter') { go(r.dataset.target); } });
  });
  document.querySelectorAll('a.to-pair').forEach(function(a){
    a.addEventListener('click', function(e){ e.preventDefault(); go(a.getAttribute('href').slice(1)); });
  });
  document.querySelectorAll('.kinds button').forEach(function(b){
    b.addEventListener('click', function(){
      boxes.forEach(function(x){ x.checked = x.value === b.dataset.change; }); apply();
      var doc = b.closest('section.doc');
      var first = pairs.filter(function(r){ return r.dataset.change === b.dataset.change && doc.contains(r); })[0];
      if (first) { go(first.id); }
    });
  });
  document.querySelectorAll('input[name=view]').forEach(function(v){
    v.addEventListener('change', function(){
      document.body.classList.remove('view-draft', 'view-final');
      if (v.value !== 'changes') { document.body.classList.add('view-' + v.value); }
    });
  });
  only.addEventListener('change', function(){ document.body.classList.toggle('only-changed', only.checked); apply(); });
  boxes.forEach(function(b){ b.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  document.addEventListener('keydown', function(e){
    if (e.target.tagName === 'INPUT' || e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'n' && e.key !== 'p')) { return; }
    var changed = pairs.filter(function(r){ return r.dataset.change !== 'unchanged' && r.offsetParent !== null; });
    var here = changed.map(function(r){ return r.getBoundingClientRect().top > window.innerHeight / 2 + 4; });
    var k = e.key === 'n' ? here.indexOf(true) : here.lastIndexOf(false) - 1;
    if (e.key === 'p' && k < 0 && here.lastIndexOf(false) === 0) { k = 0; }
    if (k >= 0 && k < changed.length) { go(changed[k].id); }
  });
  apply();
  document.body.dataset.ready = 'yes';
})();
