// HeapScope report: sortable tables, flame graph search box, and a self-test for headless browsers.
(function () {
  'use strict';
  function key(cell) {
    var v = cell.getAttribute('data-v');
    return v !== null ? { num: true, v: +v } : { num: false, v: cell.textContent };
  }
  function sortBy(table, th) {
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var headers = th.parentNode.children;
    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute('aria-sort'); }
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[column]);
      var y = key(b.cells[column]);
      var order = x.num && y.num ? x.v - y.v : String(x.v).localeCompare(String(y.v));
      return ascending ? order : -order;
    });
    for (var j = 0; j < rows.length; j++) { body.appendChild(rows[j]); }
  }
  var tables = document.querySelectorAll('table.sortable');
  for (var t = 0; t < tables.length; t++) {
    (function (table) {
      var heads = table.tHead ? table.tHead.rows[0].cells : [];
      for (var h = 0; h < heads.length; h++) {
        heads[h].addEventListener('click', function (e) { sortBy(table, e.currentTarget); });
      }
    })(tables[t]);
  }
  var flame = document.querySelector('#flame svg.hs-flame');
  var box = document.getElementById('flame-search');
  if (flame && box) {
    box.addEventListener('input', function () { if (flame.hsSearch) { flame.hsSearch(box.value); } });
  }
  if (location.hash === '#selftest') {
    var result = { errors: [] };
    try {
      var leaks = document.querySelector('#leaks table.sortable');
      result.leakRows = leaks ? leaks.tBodies[0].rows.length : 0;
      if (leaks) {
        var bytesHead = leaks.tHead.rows[0].cells[0];
        bytesHead.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        var first = leaks.tBodies[0].rows[0].cells[0].getAttribute('data-v');
        var last = leaks.tBodies[0].rows[leaks.tBodies[0].rows.length - 1].cells[0].getAttribute('data-v');
        result.sortedAscending = +first <= +last && bytesHead.getAttribute('aria-sort') === 'ascending';
      }
      result.frames = flame ? flame.querySelectorAll('g.f').length : 0;
      if (flame) {
        var target = null;
        var groups = flame.querySelectorAll('g.f');
        for (var g = 0; g < groups.length; g++) {
          if (groups[g].getAttribute('data-d') === '1') { target = groups[g]; break; }
        }
        if (target) {
          target.querySelector('rect').dispatchEvent(new MouseEvent('click', { bubbles: true }));
          result.zoomedTo = flame.getAttribute('data-zoomed');
          result.zoomedWidth = target.querySelector('rect').getAttribute('width');
        }
      }
      if (box) {
        box.value = '.';
        box.dispatchEvent(new Event('input'));
        result.searchMatches = flame ? +flame.getAttribute('data-matches') : -1;
      }
      result.scriptsInBody = document.querySelectorAll('body script').length;
    } catch (e) {
      result.errors.push(String(e));
    }
    document.body.setAttribute('data-selftest', JSON.stringify(result));
  }
})();
