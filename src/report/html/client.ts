// The HTML report's in-page script: draws the flame graph from the embedded JSON (FlameData)
// and handles zoom, search, the sample-type switch and tooltips. Every name from a profile
// reaches the page through textContent or an attribute setter, never as markup.

/** The script's source, inlined into the page (the CSP allows inline scripts only). */
export const FLAME_SCRIPT = String.raw`
'use strict';
(function () {
  var t0 = performance.now();
  var source = document.getElementById('flame-data');
  var box = document.getElementById('flame');
  if (!source || !box) return;
  var data = JSON.parse(source.textContent);
  var ROW = 18;
  var n = data.name.length;
  var children = [];
  var depth = new Int32Array(n);
  for (var i = 0; i < n; i++) children.push([]);
  for (var i = 1; i < n; i++) {
    children[data.parent[i]].push(i);
    depth[i] = depth[data.parent[i]] + 1;
  }
  var typeSelect = document.getElementById('flame-type');
  var search = document.getElementById('flame-search');
  var matchLine = document.getElementById('flame-matches');
  var crumbs = document.getElementById('flame-crumbs');
  var reset = document.getElementById('flame-reset');
  var note = document.getElementById('flame-note');
  var tip = document.getElementById('flame-tip');
  var type = Math.max(0, data.types.findIndex(function (t) { return t.name === data.focus; }));
  var zoom = 0;
  var query = '';

  data.types.forEach(function (t, i) {
    var o = document.createElement('option');
    o.value = String(i);
    o.textContent = t.name;
    typeSelect.appendChild(o);
  });
  typeSelect.value = String(type);

  function label(i) { return data.names[data.name[i]]; }

  // Diverging, colour-blind safe (ColorBrewer RdBu ends): shrink blue, unchanged grey, growth red.
  var GREY = [224, 224, 224], RED = [178, 24, 43], BLUE = [33, 102, 172];
  function mix(a, b, f) {
    return 'rgb(' + a.map(function (v, k) { return Math.round(v + (b[k] - v) * f); }).join(',') + ')';
  }
  function growth(i) {
    var b = data.baseline[type][i], c = data.candidate[type][i];
    if (!data.hasBaseline) return 0;
    if (b === 0) return c > 0 ? 1 : 0;
    return Math.max(-1, Math.min(1, (c - b) / b));
  }
  function colour(i) {
    var g = growth(i);
    return g >= 0 ? mix(GREY, RED, g) : mix(GREY, BLUE, -g);
  }
  function isNew(i) {
    return data.hasBaseline && data.baseline[type][i] === 0 && data.candidate[type][i] > 0;
  }
  function matches(i) {
    return query !== '' && label(i).toLowerCase().indexOf(query) >= 0;
  }

  function frame(i, x, w, y) {
    var el = document.createElement('div');
    el.className = 'frame' + (isNew(i) ? ' new' : '') + (Math.abs(growth(i)) > 0.6 ? ' dark' : '');
    el.style.left = x + '%';
    el.style.width = w + '%';
    el.style.top = y * ROW + 'px';
    el.style.backgroundColor = colour(i);
    el.dataset.i = String(i);
    if (matches(i)) el.classList.add('match');
    el.textContent = label(i);
    return el;
  }

  function draw() {
    var started = performance.now();
    var c = data.candidate[type];
    if (c[zoom] <= 0) zoom = 0;
    var frag = document.createDocumentFragment();
    var drawn = 0, maxDepth = 0;
    var width = box.clientWidth || 1000;
    var minPct = 100 * 0.5 / width;
    // The zoomed frame's ancestors, full width above it.
    var path = [];
    for (var a = zoom; a >= 0; a = data.parent[a]) path.unshift(a);
    path.forEach(function (p, d) {
      frag.appendChild(frame(p, 0, 100, d));
      drawn++;
    });
    var top = path.length - 1;
    var queue = [[zoom, 0]];
    while (queue.length > 0) {
      var item = queue.pop(), p = item[0], x = item[1];
      var scale = 100 / c[zoom];
      var kids = children[p];
      for (var k = 0; k < kids.length; k++) {
        var ch = kids[k], v = c[ch];
        if (v <= 0) continue;
        var w = v * scale;
        if (w >= minPct) {
          var d = depth[ch] - depth[zoom] + top;
          frag.appendChild(frame(ch, x, w, d));
          drawn++;
          if (d > maxDepth) maxDepth = d;
          queue.push([ch, x]);
        }
        x += w;
      }
    }
    box.replaceChildren(frag);
    box.classList.toggle('searching', query !== '');
    box.style.height = (Math.max(maxDepth, top) + 1) * ROW + 'px';
    box.dataset.frames = String(drawn);
    box.dataset.type = data.types[type].name;
    box.dataset.zoom = label(zoom);
    showCrumbs(path);
    showNote();
    showMatches();
    void box.offsetHeight;
    return performance.now() - started;
  }

  function showCrumbs(path) {
    var parts = [];
    path.forEach(function (p, k) {
      if (k > 0) parts.push(document.createTextNode(' › '));
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'crumb';
      b.textContent = label(p);
      b.addEventListener('click', function () { zoom = p; draw(); });
      parts.push(b);
    });
    crumbs.replaceChildren.apply(crumbs, parts);
    reset.disabled = zoom === 0;
  }

  function pct(part, whole) {
    return whole > 0 ? (100 * part / whole).toFixed(1) + '%' : '0%';
  }

  function showNote() {
    var c = data.candidate[type], b = data.baseline[type];
    var removed = 0, removedValue = 0;
    for (var i = 1; i < n; i++) {
      if (c[i] === 0 && b[i] > 0 && c[data.parent[i]] > 0) { removed++; removedValue += b[i]; }
    }
    var lines = [];
    if (data.pruned.frames > 0) {
      lines.push(data.pruned.frames.toLocaleString('en-US') + (data.pruned.frames === 1 ? ' frame' : ' frames') + ' under ' +
        (data.minShare * 100) + '% of every sample type\'s total are left out (' +
        pct(data.pruned.candidate[type], c[0]) + ' of ' + data.types[type].name + ' in the candidate).');
    }
    if (removed > 0) {
      lines.push(removed.toLocaleString('en-US') + (removed === 1 ? ' frame only in the baseline is' : ' frames only in the baseline are') + ' not drawn (' +
        pct(removedValue, b[0]) + ' of the baseline\'s ' + data.types[type].name + ').');
    }
    note.textContent = lines.join(' ');
  }

  // The share of every frame that matches (drawn or not), each counted once: not again
  // under a matching caller.
  function matchedShare() {
    var c = data.candidate[type], under = new Uint8Array(n), sum = 0;
    for (var i = 1; i < n; i++) {
      var m = matches(i);
      if (m && !under[data.parent[i]]) sum += c[i];
      under[i] = under[data.parent[i]] || (m ? 1 : 0);
    }
    return sum;
  }

  function showMatches() {
    if (query === '') { matchLine.textContent = ''; return; }
    var count = box.querySelectorAll('.frame.match').length;
    matchLine.textContent = count + (count === 1 ? ' frame matches: ' : ' frames match: ') +
      pct(matchedShare(), data.candidate[type][0]) +
      ' of ' + data.types[type].name + ' in the candidate';
  }

  function showTip(el, ev) {
    var i = Number(el.dataset.i);
    var parts = data.text[type][i].split('\t');
    var lines = [label(i), data.types[type].name + ': ' + parts[0]];
    if (parts[1]) lines.push('Δ ' + parts[1]);
    if (isNew(i)) lines.push('new: not in the baseline');
    lines.push(pct(data.candidate[type][i], data.candidate[type][0]) + ' of the candidate');
    tip.replaceChildren.apply(tip, lines.map(function (l, k) {
      var d = document.createElement('div');
      if (k === 0) d.className = 'tip-name';
      d.textContent = l;
      return d;
    }));
    tip.hidden = false;
    var x = Math.min(ev.clientX + 12, window.innerWidth - tip.offsetWidth - 8);
    var y = ev.clientY + 16;
    if (y + tip.offsetHeight > window.innerHeight) y = ev.clientY - tip.offsetHeight - 8;
    tip.style.left = Math.max(0, x) + 'px';
    tip.style.top = Math.max(0, y) + 'px';
  }

  box.addEventListener('click', function (ev) {
    var el = ev.target.closest('.frame');
    if (!el) return;
    zoom = Number(el.dataset.i);
    draw();
  });
  box.addEventListener('mousemove', function (ev) {
    var el = ev.target.closest('.frame');
    if (el) showTip(el, ev); else tip.hidden = true;
  });
  box.addEventListener('mouseleave', function () { tip.hidden = true; });
  reset.addEventListener('click', function () { zoom = 0; draw(); });
  typeSelect.addEventListener('change', function () { type = Number(typeSelect.value); draw(); });
  search.addEventListener('input', function () { query = search.value.trim().toLowerCase(); draw(); });
  window.addEventListener('resize', function () { draw(); });

  var parsed = performance.now();
  var ms = draw();
  document.documentElement.dataset.parseMs = (parsed - t0).toFixed(1);
  document.documentElement.dataset.drawMs = ms.toFixed(1);
})();
`
