// bordermap report page: the point marks of the map. With few incidents
// in view every one has its own mark; with more (a page of 100k) the view
// shows one counted circle per grid cell instead, and a click on it zooms
// in, so the page keeps a few thousand elements at most at any zoom.
// Loaded before page.js, which calls bmPointMarks once.
var bmPointMarks = function (layer, points, opts) {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var limit = opts.limit || 2000, cells = opts.cells || 28;
  var clusters = [];

  function inView(i, vb) {
    var x = i.xy[0], y = i.xy[1];
    return x >= vb[0] && x <= vb[0] + vb[2] && y >= vb[1] && y <= vb[1] + vb[3];
  }
  // Incidents in view grouped by grid cell (cells across the view's width).
  function bins(list, vb) {
    var size = vb[2] / cells, by = {}, out = [];
    list.forEach(function (i) {
      var k = Math.floor(i.xy[0] / size) + ',' + Math.floor(i.xy[1] / size);
      var b = by[k];
      if (!b) { b = by[k] = { n: 0, x: 0, y: 0, ids: [] }; out.push(b); }
      b.n++; b.x += i.xy[0]; b.y += i.xy[1]; b.ids.push(i.id);
    });
    out.forEach(function (b) { b.x /= b.n; b.y /= b.n; b.size = size; });
    return out;
  }
  function clusterMark(b) {
    var g = document.createElementNS(NS, 'g'), c = document.createElementNS(NS, 'circle');
    var t = document.createElementNS(NS, 'text');
    var r = b.size * (0.2 + 0.22 * Math.min(1, Math.log(b.n) / Math.log(5000)));
    g.setAttribute('class', 'bm-cluster');
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute('aria-label', b.n + ' incidents here: zoom in');
    g.dataset.count = b.n;
    c.setAttribute('cx', b.x); c.setAttribute('cy', b.y); c.setAttribute('r', r);
    t.setAttribute('x', b.x); t.setAttribute('y', b.y);
    t.setAttribute('font-size', r * 0.9);
    t.textContent = b.n >= 10000 ? Math.round(b.n / 1000) + 'k' : String(b.n);
    g.appendChild(c); g.appendChild(t);
    function open() { opts.zoomTo(b.x, b.y, 3); }
    g.addEventListener('click', open);
    g.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); }
    });
    g.addEventListener('pointerdown', function (e) { e.stopPropagation(); });
    return g;
  }

  // Draws what the view `vb` ([x, y, w, h] in map units) needs.
  function show(vb) {
    var visible = points.filter(function (i) { return inView(i, vb); });
    var nodes = [];
    clusters = [];
    if (visible.length <= limit) {
      visible.forEach(function (i) { i.mark = i.mark || opts.make(i); nodes.push(i.mark); });
    } else {
      clusters = bins(visible, vb);
      clusters.forEach(function (b) { nodes.push(clusterMark(b)); });
    }
    layer.replaceChildren.apply(layer, nodes);
    if (opts.drawn) opts.drawn();
  }
  var pending = false;
  return {
    show: show,
    // Pan and zoom redraw at most once a frame.
    viewChanged: function (vb) {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () { pending = false; show(vb); });
    },
    clusters: function () { return clusters; }
  };
};
