(function () {
'use strict';
// The search results page: show the pairs of one rendering, filter by text, open a pair.
var hits = Array.prototype.slice.call(document.querySelectorAll('#hits .hit'));
var filter = document.getElementById('filter');
var shown = document.getElementById('shown');
var clear = document.getElementById('clear');
var buttons = Array.prototype.slice.call(document.querySelectorAll('#renderings button[data-r]'));
var chosen = null;
var fuzzy = document.getElementById('hits').classList.contains('fuzzy');

function fold(text) {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

var texts = hits.map(function (h) { return fold(h.textContent); });

function update() {
  var words = fold(filter.value).trim();
  var count = 0;
  hits.forEach(function (h, k) {
    var ok = (chosen === null || h.dataset.r === chosen) && (!words || texts[k].indexOf(words) >= 0);
    h.hidden = !ok;
    count += ok ? 1 : 0;
  });
  buttons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.dataset.r === chosen)); });
  shown.textContent = count + ' of ' + hits.length + (fuzzy ? ' sentences' : ' pairs') + ' shown';
  clear.hidden = chosen === null && !words;
}

buttons.forEach(function (b) {
  b.addEventListener('click', function () {
    chosen = chosen === b.dataset.r ? null : b.dataset.r;
    update();
    var first = hits.filter(function (h) { return !h.hidden; })[0];
    if (first && chosen !== null) first.scrollIntoView({block: 'nearest'});
  });
});
filter.addEventListener('input', update);
clear.addEventListener('click', function () {
  chosen = null;
  filter.value = '';
  update();
});
hits.forEach(function (h) {
  function toggle() { h.classList.toggle('open'); }
  h.addEventListener('click', function (e) {
    if (window.getSelection && String(window.getSelection()).length) return;  // selecting text to copy
    if (e.target.closest('a,button')) return;
    toggle();
  });
  h.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); toggle(); }
  });
});
update();
document.body.dataset.ready = 'yes';
})();
