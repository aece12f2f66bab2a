// HeapScope flame graph: click a frame to zoom, "Reset zoom" to go back, "Search" to highlight.
(function () {
  'use strict';
  function init(svg) {
    var pad = +svg.getAttribute('data-pad');
    var usable = +svg.getAttribute('width') - 2 * pad;
    var details = svg.querySelector('.details');
    var reset = svg.querySelector('.reset');
    var matched = svg.querySelector('.matched');
    var matchFill = svg.getAttribute('data-match-fill'); // the app's search colour, from FlamePalette
    var frames = [];
    var root = null;
    var groups = svg.querySelectorAll('g.f');
    for (var i = 0; i < groups.length; i++) {
      var g = groups[i];
      var title = g.querySelector('title').textContent;
      var f = {
        g: g, o: +g.getAttribute('data-o'), t: +g.getAttribute('data-t'), d: +g.getAttribute('data-d'),
        name: title.substring(0, title.lastIndexOf('\n')), info: title.replace('\n', ' \u2014 '),
        rect: g.querySelector('rect'), text: g.querySelector('text')
      };
      f.fill = f.rect.getAttribute('fill');
      g.hsFrame = f;
      frames.push(f);
      if (f.d === 0) { root = f; }
    }
    if (!root) { return; }
    function label(f, w) {
      var n = Math.floor((w - 6) / 7.08);
      if (n < 3) { return ''; }
      return f.name.length <= n ? f.name : f.name.substring(0, n - 2) + '..';
    }
    function place(f, x, w) {
      f.rect.setAttribute('x', x.toFixed(2));
      f.rect.setAttribute('width', w.toFixed(2));
      f.text.setAttribute('x', (x + 3).toFixed(2));
      f.text.textContent = label(f, w);
      f.g.style.display = '';
    }
    function zoom(z) {
      for (var i = 0; i < frames.length; i++) {
        var f = frames[i];
        var inside = f.o >= z.o && f.o + f.t <= z.o + z.t;
        if (f.d < z.d && f.o <= z.o && f.o + f.t >= z.o + z.t) {
          place(f, pad, usable);
          f.g.style.opacity = '0.6';
        } else if (f.d >= z.d && inside) {
          place(f, pad + (f.o - z.o) / z.t * usable, f.t / z.t * usable);
          f.g.style.opacity = '';
        } else {
          f.g.style.display = 'none';
        }
      }
      reset.style.display = z === root ? 'none' : '';
      svg.setAttribute('data-zoomed', z === root ? '' : z.name);
    }
    function search(term) {
      var re = null;
      if (term) {
        try { re = new RegExp(term); } catch (e) { re = null; }
      }
      var hits = [];
      for (var i = 0; i < frames.length; i++) {
        var f = frames[i];
        var hit = re !== null && f.d > 0 && re.test(f.name);
        f.rect.setAttribute('fill', hit ? matchFill : f.fill);
        if (hit) { hits.push(f); }
      }
      hits.sort(function (a, b) { return a.o - b.o || a.d - b.d; });
      var sum = 0;
      var end = -1;
      for (var j = 0; j < hits.length; j++) {
        if (hits[j].o >= end) { sum += hits[j].t; end = hits[j].o + hits[j].t; }
      }
      matched.textContent = re === null ? ' ' : 'Matched: ' + (100 * sum / root.t).toFixed(1) + '%';
      svg.setAttribute('data-matches', String(hits.length));
      return hits.length;
    }
    svg.addEventListener('click', function (e) {
      var el = e.target;
      if (el.classList && el.classList.contains('reset')) { zoom(root); return; }
      if (el.classList && el.classList.contains('search')) {
        var term = window.prompt('Search (regular expression)', '');
        if (term !== null) { search(term); }
        return;
      }
      while (el && el !== svg && !el.hsFrame) { el = el.parentNode; }
      if (el && el.hsFrame) { zoom(el.hsFrame); }
    });
    svg.addEventListener('mouseover', function (e) {
      var el = e.target;
      while (el && el !== svg && !el.hsFrame) { el = el.parentNode; }
      if (el && el.hsFrame) { details.textContent = el.hsFrame.info; }
    });
    svg.hsZoom = function (name) {
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].name === name) { zoom(frames[i]); return true; }
      }
      return false;
    };
    svg.hsReset = function () { zoom(root); };
    svg.hsSearch = search;
  }
  var all = document.querySelectorAll('svg.hs-flame');
  for (var k = 0; k < all.length; k++) { init(all[k]); }
})();
