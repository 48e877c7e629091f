// bordermap report page: map selection, timeline, claims table. Our own
// code, no library. Every text from the data goes in through textContent,
// never as HTML, so a note holding a script tag stays text.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('bm-data').textContent);
  var incidents = data.incidents;
  // The page leaves out empty fields; put the defaults back once.
  incidents.forEach(function (i, k) {
    i.n = k + 1;  // the callout number of the map and its claims panel
    ['start', 'end', 'resolved', 'type', 'notes'].forEach(function (k) { i[k] = i[k] || ''; });
    i.precision = i.precision || 'day';
    i.actors = i.actors || [];
    i.sources = i.sources || [];
    i.claims = i.claims || [];
    i.claims.forEach(function (c) {
      ['side', 'group', 'claimant', 'source', 'quote'].forEach(function (k) { c[k] = c[k] || ''; });
      if (c.low === undefined) c.low = null;
      if (c.high === undefined) c.high = null;
    });
    if (i.link) i.link.segment_name = data.segments[i.link.segment] || i.link.segment;
  });
  var byId = {};
  incidents.forEach(function (i) { byId[i.id] = i; });
  var state = { day: null, selected: null, text: '', sortKey: 'n', sortDir: 1 };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function dayOf(i) { return i.start || 'undated'; }
  function dates(i) { return i.end && i.end !== i.start ? i.start + ' to ' + i.end : (i.start || 'undated'); }
  function figure(c) {
    var t;
    if (c.low !== null && c.high !== null) t = c.low === c.high ? String(c.low) : c.low + '–' + c.high;
    else if (c.low !== null) t = 'at least ' + c.low;
    else if (c.high !== null) t = 'up to ' + c.high;
    else t = 'no figure';
    if (c.best !== undefined) t += ' (best ' + c.best + ')';
    return (c.approx ? '~' : '') + t;
  }
  function webLink(text) {
    var m = /https?:\/\/[^\s"<>);]+/.exec(text || '');
    if (!m) return null;
    var a = el('a', null, 'open source');
    a.href = m[0];
    a.rel = 'noreferrer';
    return a;
  }

  // Claims grouped by incident, kind, side and group (soldiers, civilians):
  // one table row each, the figures of every claimant side by side.
  function claimGroups() {
    var rows = [];
    incidents.forEach(function (i) {
      if (!i.claims.length) { rows.push({ inc: i, kind: '', side: '', claims: [], conflict: false }); return; }
      var seen = {};
      i.claims.forEach(function (c) {
        var k = c.kind + '|' + c.side + '|' + (c.group || '');
        if (!seen[k]) { seen[k] = { inc: i, kind: c.kind, side: c.side, group: c.group || '', claims: [] }; rows.push(seen[k]); }
        seen[k].claims.push(c);
      });
    });
    // A conflict is when no single number fits every figure: "at least 15"
    // and "15" agree, "15" and "12" do not; "about N" is N ± 5 % (at least 1).
    rows.forEach(function (r) {
      var lo = 0, hi = Infinity;
      r.claims.forEach(function (c) {
        var slack = function (v) { return c.approx ? Math.max(1, 0.05 * v) : 0; };
        if (c.low !== null) lo = Math.max(lo, c.low - slack(c.low));
        if (c.high !== null) hi = Math.min(hi, c.high + slack(c.high));
      });
      r.conflict = lo > hi;
    });
    return rows;
  }
  var groups = claimGroups();

  // ---- detail panel ----
  function showDetail(i) {
    var d = $('bm-detail');
    d.textContent = '';
    if (!i) { d.appendChild(el('p', 'bm-hint', 'Click or tab to an incident on the map (or a row of the table) to see every claim about it.')); return; }
    d.appendChild(el('h3', null, 'No. ' + i.n + ' · ' + (i.resolved || i.place)));
    d.appendChild(el('p', null, dates(i) + (i.precision !== 'day' ? ' (' + i.precision + ')' : '') + ' · ' + (i.type || 'event type not recorded')));
    if (i.resolved && i.resolved !== i.place) d.appendChild(el('p', 'bm-muted', 'Place as written: ' + i.place));
    if (i.actors.length) d.appendChild(el('p', null, 'Actors: ' + i.actors.join('; ')));
    if (i.link) {
      var l = i.link, dist = (l.distance_m / 1000).toFixed(1) + (l.distance_max_m !== undefined ? '–' + (l.distance_max_m / 1000).toFixed(1) : '') + ' km';
      d.appendChild(el('p', null, 'Border: ' + dist + ' from ' + (l.segment_name || l.segment) + ' (' + l.status + ' as of ' + data.as_of + ')' + (l.in_enclave ? ', in an enclave' : '')));
    }
    if (i.unmapped) d.appendChild(el('p', 'bm-conflict', 'Not on the map: ' + i.unmapped));
    d.appendChild(el('h4', null, i.claims.length ? 'Claims (' + i.claims.length + ')' : 'No figures reported'));
    i.claims.forEach(function (c) {
      var box = el('div', 'bm-claim');
      var p = el('p');
      p.appendChild(el('span', 'bm-fig', figure(c) + ' ' + c.kind));
      p.appendChild(document.createTextNode(' · side ' + (c.side || 'not recorded') + (c.group ? ' (' + c.group + ')' : '') + ' · claimed by ' + (c.claimant || 'not recorded')));
      box.appendChild(p);
      if (c.quote) box.appendChild(el('blockquote', null, '“' + c.quote + '”'));
      var s = el('p', 'bm-muted', 'Source: ' + (c.source || 'not recorded') + ' ');
      var a = webLink(c.source);
      if (a) s.appendChild(a);
      box.appendChild(s);
      d.appendChild(box);
    });
    if (i.sources.length) d.appendChild(el('p', 'bm-muted', 'Sources: ' + i.sources.join('; ')));
    if (i.notes) d.appendChild(el('p', null, 'Notes: ' + i.notes));
  }

  // ---- timeline ----
  function days() {
    var set = {};
    incidents.forEach(function (i) { set[dayOf(i)] = 1; });
    var list = Object.keys(set).sort();
    var dated = list.filter(function (d) { return /^\d{4}-\d\d-\d\d$/.test(d); });
    if (dated.length < 2 || dated.length > 400) return list;
    var out = [], t = Date.parse(dated[0] + 'T00:00:00Z'), last = Date.parse(dated[dated.length - 1] + 'T00:00:00Z');
    for (; t <= last && out.length < 400; t += 86400000) out.push(new Date(t).toISOString().slice(0, 10));
    return out.concat(list.filter(function (d) { return dated.indexOf(d) < 0; }));
  }
  // Figures of the day by kind and side: one entry per incident, the
  // claimants of one incident side by side ("vs" where they differ).
  function dayFigures(day) {
    var by = {};
    groups.forEach(function (g) {
      if (dayOf(g.inc) !== day || !g.claims.length) return;
      var k = g.kind + ' · ' + (g.side || 'side not recorded') + (g.group ? ' (' + g.group + ')' : '');
      var e = by[k] = by[k] || { parts: [], conflict: false };
      e.parts.push(g.claims.map(function (c) { return figure(c) + ' (' + (c.claimant || 'claimant not recorded') + ')'; }).join(g.conflict ? ' vs ' : ', '));
      e.conflict = e.conflict || g.conflict;
    });
    return by;
  }
  function buildTimeline() {
    var box = $('bm-timeline'), list = days(), max = 1;
    var count = {};
    incidents.forEach(function (i) { count[dayOf(i)] = (count[dayOf(i)] || 0) + 1; max = Math.max(max, count[dayOf(i)]); });
    list.forEach(function (day) {
      var n = count[day] || 0, b = el('button', 'bm-day');
      b.type = 'button';
      b.dataset.day = day;
      b.setAttribute('aria-pressed', 'false');
      b.appendChild(el('span', 'bm-date', day));
      var bar = el('span', 'bm-bar');
      bar.style.width = (n ? Math.max(4, 100 * n / max) : 0) + '%';
      b.appendChild(bar);
      b.appendChild(el('span', null, n + (n === 1 ? ' incident' : ' incidents')));
      var figs = dayFigures(day), ul = el('ul');
      Object.keys(figs).sort().forEach(function (k) {
        var f = figs[k];
        ul.appendChild(el('li', f.conflict ? 'bm-conflict' : null, k + ': ' + f.parts.join('; ') + (f.conflict ? ' — conflicting' : '')));
      });
      if (ul.childNodes.length) b.appendChild(ul);
      b.disabled = n === 0;
      b.addEventListener('click', function () { setDay(state.day === day ? null : day); });
      box.appendChild(b);
    });
  }

  // ---- table ----
  var columns = [
    ['n', 'No.'], ['date', 'Date'], ['place', 'Place'], ['type', 'Type'], ['kind', 'Figure'],
    ['side', 'Side'], ['figs', 'Figures by claimant'], ['source', 'Source']];
  function cellText(g, key) {
    switch (key) {
      case 'n': return g.inc.n;
      case 'date': return dates(g.inc);
      case 'place': return g.inc.resolved || g.inc.place;
      case 'type': return g.inc.type;
      case 'kind': return g.kind || '—';
      case 'side': return (g.side || '—') + (g.group ? ' (' + g.group + ')' : '');
      case 'figs': return g.claims.map(function (c) { return figure(c) + ' ' + c.claimant; }).join(' | ');
      default: return g.claims.map(function (c) { return c.source; }).filter(function (s, k, a) { return a.indexOf(s) === k; }).join('; ') || g.inc.sources.join('; ');
    }
  }
  // Rows are made when first shown, and a page shows the first rows that
  // pass the filters (more on request; all when printing): 10k incidents
  // would otherwise cost seconds before the page answers.
  var rowLimit = 200, sorted = null;
  function makeRow(g) {
    var row = el('tr', g.conflict ? 'bm-conflicting' : null);
    row.dataset.id = g.inc.id;
    row.tabIndex = 0;
    columns.forEach(function (c) {
      var td = el('td');
      if (c[0] === 'figs') {
        var figs = el('div', 'bm-figs');
        g.claims.forEach(function (cl) { figs.appendChild(el('span', null, figure(cl) + ' — ' + (cl.claimant || 'claimant not recorded'))); });
        if (g.conflict) figs.appendChild(el('b', 'bm-conflict', 'conflicting'));
        td.appendChild(figs);
      } else td.textContent = cellText(g, c[0]);
      row.appendChild(td);
    });
    row.addEventListener('click', function () { select(g.inc.id); });
    row.addEventListener('keydown', function (e) { if (e.key === 'Enter') select(g.inc.id); });
    return row;
  }
  function buildTable() {
    var tr = document.querySelector('#bm-claims thead tr');
    columns.forEach(function (c) {
      var th = el('th'), b = el('button', null, c[1]);
      th.scope = 'col';
      b.type = 'button';
      b.addEventListener('click', function () {
        state.sortDir = state.sortKey === c[0] ? -state.sortDir : 1;
        state.sortKey = c[0];
        sorted = null;
        renderRows();
      });
      th.appendChild(b);
      th.dataset.key = c[0];
      tr.appendChild(th);
    });
    groups.forEach(function (g) {
      g.search = columns.map(function (c) { return cellText(g, c[0]); }).join(' ').toLowerCase() + ' ' + (g.inc.notes || '').toLowerCase();
    });
  }
  function sortedGroups() {
    if (sorted) return sorted;
    var key = state.sortKey, dir = state.sortDir;
    var keyed = groups.map(function (g) { return { g: g, k: cellText(g, key) }; });
    keyed.sort(function (a, b) {
      var r = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k));
      return dir * (r || a.g.inc.n - b.g.inc.n);
    });
    sorted = keyed.map(function (x) { return x.g; });
    return sorted;
  }
  function rowShown(g) { return shown(g.inc) && (!state.text || g.search.indexOf(state.text) >= 0); }
  function renderRows() {
    var body = document.querySelector('#bm-claims tbody'), rows = [], left = 0;
    sortedGroups().forEach(function (g) {
      if (!rowShown(g)) return;
      if (rows.length >= rowLimit) { left++; return; }
      g.row = g.row || makeRow(g);
      g.row.classList.toggle('bm-on', g.inc.id === state.selected);
      rows.push(g.row);
    });
    if (left) {
      var more = el('tr', 'bm-more'), td = el('td'), b = el('button', null, 'Show ' + Math.min(left, 500) + ' more rows (' + left + ' not shown)');
      td.colSpan = columns.length;
      b.type = 'button';
      b.addEventListener('click', function () { rowLimit += 500; renderRows(); });
      td.appendChild(b);
      more.appendChild(td);
      rows.push(more);
    }
    body.replaceChildren.apply(body, rows);
    document.querySelectorAll('#bm-claims th').forEach(function (th) {
      if (th.dataset.key === state.sortKey) th.setAttribute('aria-sort', state.sortDir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  }

  // ---- state ----
  function inDay(i) { return !state.day || dayOf(i) === state.day; }
  function shown(i) { return inDay(i) && (!state.selected || i.id === state.selected); }
  function update() {
    var visible = 0;
    renderRows();
    styleMarks();
    var sel = state.selected && byId[state.selected];
    document.querySelectorAll('.bm-day').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.day === state.day));
      b.classList.toggle('bm-dim', !!sel && dayOf(sel) !== b.dataset.day);
    });
    incidents.forEach(function (i) { if (shown(i)) visible++; });
    $('bm-status').textContent = 'Showing ' + visible + ' of ' + incidents.length + ' incidents' + (state.day ? ' that began on ' + state.day : '') + '.';
    showDetail(sel || null);
    var hash = state.selected ? 'incident=' + encodeURIComponent(state.selected) : state.day ? 'day=' + state.day : '';
    if (history.replaceState) history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
  }
  function styleMarks() {
    document.querySelectorAll('.bm-mark').forEach(function (m) {
      var i = byId[m.getAttribute('data-id')];
      m.classList.toggle('bm-off', !inDay(i));
      m.classList.toggle('bm-in', !!state.day && inDay(i));
      m.classList.toggle('bm-on', i.id === state.selected);
    });
  }
  function select(id) { state.selected = state.selected === id ? null : id; update(); }
  function setDay(day) { state.day = day; state.selected = null; update(); }

  // ---- pan and zoom (the SVG's viewBox) ----
  function panZoom() {
    var svg = $('bm-svg');
    if (!svg) return;
    var home = svg.getAttribute('viewBox').split(/[\s,]+/).map(Number), vb = home.slice();
    function apply() { svg.setAttribute('viewBox', vb.join(' ')); if (points) points.viewChanged(vb); }
    function zoom(f, cx, cy) {
      var w = Math.min(home[2], Math.max(home[2] / 40, vb[2] / f)), k = w / vb[2];
      if (cx === undefined) { cx = vb[0] + vb[2] / 2; cy = vb[1] + vb[3] / 2; }
      vb = [cx - (cx - vb[0]) * k, cy - (cy - vb[1]) * k, w, vb[3] * k];
      apply();
    }
    function toSvg(e) {
      var r = svg.getBoundingClientRect();
      return [vb[0] + (e.clientX - r.left) * vb[2] / r.width, vb[1] + (e.clientY - r.top) * vb[3] / r.height];
    }
    svg.addEventListener('wheel', function (e) { e.preventDefault(); var p = toSvg(e); zoom(e.deltaY < 0 ? 1.25 : 0.8, p[0], p[1]); }, { passive: false });
    var drag = null;
    svg.addEventListener('pointerdown', function (e) {
      if (e.target.classList && e.target.classList.contains('bm-mark')) return;
      drag = { x: e.clientX, y: e.clientY, vb: vb.slice() };
      svg.setPointerCapture(e.pointerId);
    });
    svg.addEventListener('pointermove', function (e) {
      if (!drag) return;
      var r = svg.getBoundingClientRect();
      vb[0] = drag.vb[0] - (e.clientX - drag.x) * vb[2] / r.width;
      vb[1] = drag.vb[1] - (e.clientY - drag.y) * vb[3] / r.height;
      apply();
    });
    svg.addEventListener('pointerup', function () { drag = null; });
    $('bm-zoom-in').addEventListener('click', function () { zoom(1.5); });
    $('bm-zoom-out').addEventListener('click', function () { zoom(1 / 1.5); });
    $('bm-zoom-reset').addEventListener('click', function () { vb = home.slice(); apply(); });
    return { zoom: zoom, home: home };
  }

  // One focusable mark over each drawn incident: a circle over its symbol,
  // or the outline of the area or line it is drawn as (under the circles,
  // clipped to the map frame, clickable on its edge so the inside still pans).
  var NS = 'http://www.w3.org/2000/svg';
  function markOf(tag, i) {
    var c = document.createElementNS(NS, tag);
    c.setAttribute('class', 'bm-mark');
    c.setAttribute('data-id', i.id);
    c.setAttribute('tabindex', '0');
    c.setAttribute('role', 'button');
    c.setAttribute('aria-label', 'No. ' + i.n + ': ' + (i.start || 'undated') + ' ' + (i.resolved || i.place) + ', ' + (i.type || 'event'));
    return c;
  }
  function drawSpreads(g) {
    var f = data.frame || [0, 0, 0, 0], clip = document.createElementNS(NS, 'clipPath'), r = document.createElementNS(NS, 'rect');
    clip.setAttribute('id', 'bm-frame-clip');
    ['x', 'y', 'width', 'height'].forEach(function (k, n) { r.setAttribute(k, f[n]); });
    clip.appendChild(r);
    g.appendChild(clip);
    (data.spreads || []).forEach(function (s) {
      s.ids.forEach(function (id) {
        if (!byId[id]) return;
        var p = markOf('path', byId[id]);
        p.setAttribute('d', s.d);
        p.setAttribute('class', 'bm-mark bm-spread' + (s.area ? ' bm-area' : ''));
        p.setAttribute('clip-path', 'url(#bm-frame-clip)');
        p.dataset.group = s.ids.join('\n');
        wire(p);
        g.appendChild(p);
      });
    });
  }
  function pointMark(i) {
    var c = markOf('circle', i);
    c.setAttribute('cx', i.xy[0]);
    c.setAttribute('cy', i.xy[1]);
    c.setAttribute('r', data.page_symbols ? 3 : 9);
    // A map too full for its symbols in the SVG: the mark is the symbol.
    if (data.page_symbols) c.classList.add('bm-dot');
    wire(c);
    return c;
  }
  // Point marks over a layer of their own (bmPointMarks, marks.js: counted
  // clusters when too many are in view); drawn once the view is known.
  var points = null;
  function drawMarks(view) {
    var g = $('bm-marks');
    if (!g) return;
    drawSpreads(g);
    var layer = document.createElementNS(NS, 'g');
    layer.setAttribute('id', 'bm-points');
    g.appendChild(layer);
    points = bmPointMarks(layer, incidents.filter(function (i) { return i.xy; }), {
      make: pointMark, drawn: styleMarks,
      zoomTo: function (x, y, f) { view.zoom(f, x, y); }
    });
    points.show(view.home);
    if (data.page_symbols) {
      var note = el('p', 'bm-hint', 'This map holds ' + incidents.length + ' incidents: they are drawn as circles counting the incidents in each part of the view; click one (or zoom in) to see single incidents as dots.');
      $('bm-map').parentNode.insertBefore(note, $('bm-map'));
    }
  }
  function wire(m) {
    var id = m.getAttribute('data-id');
    m.addEventListener('click', function () { if (m.dataset.group) cycle(m.dataset.group.split('\n')); else select(id); });
    // Hover names the incident in the status line; a click shows it whole.
    m.addEventListener('mouseenter', function () { $('bm-status').textContent = m.getAttribute('aria-label'); });
    m.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(id); }
    });
  }
  // A click on an outline several incidents share chooses the next of them.
  function cycle(ids) {
    var k = ids.indexOf(state.selected);
    if (k === ids.length - 1) { state.selected = null; update(); } else select(ids[k + 1]);
  }

  function start() {
    var view = panZoom();
    if (view) drawMarks(view);
    buildTimeline();
    buildTable();
    $('bm-filter').addEventListener('input', function (e) { state.text = e.target.value.toLowerCase(); update(); });
    $('bm-clear').addEventListener('click', function () { state.day = null; state.selected = null; update(); });
    document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { state.selected = null; update(); } });
    // A printed table has every row the filters leave.
    window.addEventListener('beforeprint', function () { rowLimit = Infinity; renderRows(); });
    // A shared link can carry the selection: #day=2022-09-16 or #incident=ID.
    var h = /^#(day|incident)=(.+)$/.exec(location.hash);
    if (h && h[1] === 'day') state.day = decodeURIComponent(h[2]);
    if (h && h[1] === 'incident' && byId[decodeURIComponent(h[2])]) state.selected = decodeURIComponent(h[2]);
    update();
  }
  start();
})();
