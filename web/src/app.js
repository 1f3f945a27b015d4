// The analyst's page of entente. Plain JavaScript, no framework; every piece
// of data reaches the page through textContent or an attribute set with
// setAttribute, never through innerHTML. The state lives in the URL's query
// string (actor, place, pair, type, from, to, event) so a view can be shared.
'use strict';

(() => {
  const API = '/api/v1';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const QUADS = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
  const STATE_KEYS = ['actor', 'place', 'pair', 'type', 'from', 'to', 'event'];
  const PAGE = 500;

  // ---- DOM helpers: text only -------------------------------------------
  function el(tag, attrs, ...children) {
    const n = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') n.className = v;
      else if (k === 'text') n.textContent = v;
      else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, String(v));
    }
    for (const c of children) append(n, c);
    return n;
  }
  function svg(tag, attrs, ...children) {
    const n = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'text') n.textContent = v;
      else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
      else n.setAttribute(k, String(v));
    }
    for (const c of children) append(n, c);
    return n;
  }
  function append(parent, ...cs) {
    for (const c of cs) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) { append(parent, ...c); continue; }
      parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
  const $ = (id) => document.getElementById(id);
  // Only http(s) links become links: no javascript:, data: or relative URLs from articles.
  function safeUrl(u) { return typeof u === 'string' && /^https?:\/\/[^\s]+$/i.test(u) ? u : null; }

  // ---- State in the URL ---------------------------------------------------
  function readState() {
    const q = new URLSearchParams(location.search);
    const s = {};
    for (const k of STATE_KEYS) { const v = q.get(k); if (v) s[k] = v; }
    return s;
  }
  let state = readState();
  function setState(patch, replace) {
    const next = { ...state, ...patch };
    for (const k of Object.keys(next)) if (!next[k]) delete next[k];
    const q = new URLSearchParams();
    for (const k of STATE_KEYS) if (next[k]) q.set(k, next[k]);
    const url = q.toString() ? `?${q}` : location.pathname;
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    const onlyEvent = STATE_KEYS.every((k) => k === 'event' || (state[k] || '') === (next[k] || ''));
    state = next;
    if (onlyEvent) renderEventFromState(); else refresh();
  }
  window.addEventListener('popstate', () => { state = readState(); refresh(); });

  // ---- API -----------------------------------------------------------------
  const inflight = new Map();
  async function api(path, params, key) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
    const url = `${API}${path}${q.toString() ? `?${q}` : ''}`;
    if (key) { inflight.get(key)?.abort(); }
    const ctl = new AbortController();
    if (key) inflight.set(key, ctl);
    const r = await fetch(url, { signal: ctl.signal, headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.error ? body.error.message : `HTTP ${r.status}`);
    return body;
  }
  function eventParams() {
    const p = {};
    for (const k of ['actor', 'place', 'pair', 'type', 'from', 'to']) if (state[k]) p[k] = state[k];
    return p;
  }
  async function panel(id, work) {
    const body = $(id);
    body.classList.add('loading');
    try { await work(body); } catch (e) {
      if (e.name === 'AbortError') return;
      clear(body); append(body, el('div', { class: 'error', text: `Could not load: ${e.message}` }));
    } finally { body.classList.remove('loading'); }
  }
  const empty = (msg) => el('div', { class: 'empty', text: msg });

  // ---- Event helpers ---------------------------------------------------------
  const actorLabel = (a) => a.name || a.org || a.country || '?';
  const quadOf = (e) => (e.quad_class >= 0 && e.quad_class <= 4 ? e.quad_class : 0);
  function dateLabel(e) {
    if (!e.date || !e.date.from) return 'undated';
    const p = e.date.precision;
    if (p === 'month') return e.date.from.slice(0, 7);
    if (p === 'year') return e.date.from.slice(0, 4);
    return e.date.from === e.date.to || p === 'day' || p === 'publication' ? e.date.from : `${e.date.from} – ${e.date.to}`;
  }
  const toDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;
  const fromDay = (d) => new Date(d * 86400000).toISOString().slice(0, 10);

  // ---- Filters form ------------------------------------------------------------
  const form = $('filters');
  function fillForm() {
    const [a, b] = (state.pair || ',').split(',');
    form.actor.value = state.actor || '';
    form.place.value = state.place || '';
    form.a.value = a || '';
    form.b.value = b || '';
    form.from.value = state.from || '';
    form.to.value = state.to || '';
    if (state.type && ![...form.type.options].some((o) => o.value === state.type)) {
      form.type.appendChild(el('option', { value: state.type, text: state.type }));
    }
    form.type.value = state.type || '';
    const chips = clear($('chips'));
    for (const k of ['actor', 'place', 'pair', 'type', 'from', 'to']) {
      if (state[k]) append(chips, el('span', { class: 'chip', text: `${k}: ${state[k]}` }));
    }
  }
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const a = form.a.value.trim().toUpperCase(), b = form.b.value.trim().toUpperCase();
    setState({ actor: form.actor.value.trim(), place: form.place.value.trim(), pair: a && b ? `${a},${b}` : '',
      type: form.type.value, from: form.from.value.trim(), to: form.to.value.trim(), event: '' });
  });
  $('clear').addEventListener('click', () => setState({ actor: '', place: '', pair: '', type: '', from: '', to: '', event: '' }));
  function knowTypes(events) {
    const have = new Set([...form.type.options].map((o) => o.value));
    for (const t of [...new Set(events.map((e) => e.type))].sort()) {
      if (!have.has(t)) form.type.appendChild(el('option', { value: t, text: t }));
    }
  }

  // ---- Search box ----------------------------------------------------------------
  const search = $('search'), sugg = $('suggestions');
  let searchTimer = 0;
  search.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(suggest, 180); });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { sugg.hidden = true; }
    if (e.key === 'ArrowDown') { sugg.querySelector('button')?.focus(); e.preventDefault(); }
  });
  document.addEventListener('click', (e) => { if (!sugg.contains(e.target) && e.target !== search) sugg.hidden = true; });
  async function suggest() {
    const q = search.value.trim();
    if (q.length < 2) { sugg.hidden = true; return; }
    try {
      const [actors, places] = await Promise.all([api('/actors', { q, limit: 8 }, 'sa'), api('/places', { q, limit: 5 }, 'sp')]);
      clear(sugg);
      const items = [];
      for (const a of actors.actors) {
        const label = a.name ? `${a.name}${a.country ? ` (${a.country})` : ''}` : (a.org || a.country);
        items.push(el('li', {}, el('button', { type: 'button', 'data-kind': 'actor', onclick: () => pickActor(a) },
          el('span', { text: label }), el('span', { class: 'kind', text: `actor · ${a.events} events` }))));
      }
      for (const p of places.places) {
        items.push(el('li', {}, el('button', { type: 'button', 'data-kind': 'place', onclick: () => pickPlace(p) },
          el('span', { text: `${p.name} (${p.country})` }), el('span', { class: 'kind', text: `place · ${p.events} events` }))));
      }
      if (!items.length) items.push(el('li', { class: 'empty', text: 'Nothing matches.' }));
      append(sugg, items);
      sugg.hidden = false;
    } catch (e) { if (e.name !== 'AbortError') { clear(sugg); append(sugg, el('li', { class: 'error', text: e.message })); sugg.hidden = false; } }
  }
  function pickActor(a) {
    sugg.hidden = true; search.value = '';
    setState({ actor: a.name || a.org || a.country, place: '', event: '' });
  }
  function pickPlace(p) {
    sugg.hidden = true; search.value = '';
    setState({ place: p.name, event: '' });
  }

  // ---- Timeline --------------------------------------------------------------------
  function renderLegend() {
    const lg = clear($('legend'));
    for (let q = 1; q <= 4; q++) append(lg, el('span', {}, el('i', { class: `qtag q${q}` }), QUADS[q]));
  }
  function renderTimeline(events) {
    const box = clear($('timeline'));
    const dated = events.filter((e) => e.date && e.date.from);
    if (!dated.length) { append(box, empty('No dated events match these filters.')); return; }
    const W = 1100, H = 190, L = 130, R = 16, T = 10, B = 26;
    let lo = Math.min(...dated.map((e) => toDay(e.date.from))), hi = Math.max(...dated.map((e) => toDay(e.date.to || e.date.from)));
    if (hi - lo < 14) { lo -= 7; hi += 7; }
    const x = (d) => L + ((d - lo) / (hi - lo)) * (W - L - R);
    const laneH = (H - T - B) / 4;
    const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Timeline of events' });
    for (let q = 1; q <= 4; q++) {
      const y = T + (q - 0.5) * laneH;
      append(s, svg('line', { class: 'axis', x1: L, x2: W - R, y1: y, y2: y }));
      append(s, svg('text', { x: 4, y: y + 4, text: QUADS[q] }));
    }
    const ticks = 6;
    for (let i = 0; i <= ticks; i++) {
      const d = lo + ((hi - lo) * i) / ticks;
      append(s, svg('text', { x: x(d), y: H - 8, 'text-anchor': 'middle', text: fromDay(Math.round(d)) }));
    }
    const stack = new Map();
    for (const e of dated) {
      const q = quadOf(e) || 1;
      const cx = x(toDay(e.date.from));
      const key = `${q}:${Math.round(cx / 6)}`;
      const k = stack.get(key) || 0; stack.set(key, k + 1);
      const cy = T + (q - 0.5) * laneH + ((k % 5) - 2) * 6;
      append(s, svg('circle', { class: `dot q${quadOf(e)}`, cx, cy, r: Math.min(4 + e.num_mentions, 9), 'data-id': e.id,
        onclick: () => setState({ event: e.id }) },
      svg('title', { text: `${dateLabel(e)} · ${e.type} · ${e.actors.map(actorLabel).join(', ')}` })));
    }
    append(box, s);
  }

  // ---- Map -----------------------------------------------------------------------------
  let world = null;
  async function loadWorld() {
    if (world) return world;
    const r = await fetch('/assets/countries-110m.json');
    const topo = await r.json();
    world = window.topojson.feature(topo, topo.objects.countries).features;
    return world;
  }
  const W_MAP = 720, H_MAP = 360;
  const px = (lon) => ((lon + 180) / 360) * W_MAP, py = (lat) => ((90 - lat) / 180) * H_MAP;
  function ringPath(ring) {
    let d = '', prev = null;
    for (const [lon, lat] of ring) {
      // A jump across the antimeridian starts a new subpath instead of a line across the map.
      const cmd = prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L';
      d += `${cmd}${px(lon).toFixed(1)},${py(lat).toFixed(1)}`;
      prev = lon;
    }
    return `${d}Z`;
  }
  function geomPath(g) {
    if (!g) return '';
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    return polys.map((p) => p.map(ringPath).join('')).join('');
  }
  async function renderMap(events) {
    await panel('map', async (box) => {
      const features = await loadWorld();
      clear(box);
      const s = svg('svg', { viewBox: `0 0 ${W_MAP} ${H_MAP}`, role: 'img', 'aria-label': 'Map of event places' });
      const g = svg('g', { class: 'countries' });
      for (const f of features) append(g, svg('path', { class: 'land', d: geomPath(f.geometry) }, svg('title', { text: f.properties.name || '' })));
      append(s, g);
      const places = new Map();
      for (const e of events) {
        const l = e.location;
        if (!l || typeof l.lat !== 'number' || typeof l.lon !== 'number') continue;
        const k = `${l.name}|${l.country}`;
        const p = places.get(k) || { name: l.name, country: l.country, lat: l.lat, lon: l.lon, n: 0 };
        p.n++; places.set(k, p);
      }
      for (const p of places.values()) {
        append(s, svg('circle', { class: 'place', cx: px(p.lon), cy: py(p.lat), r: Math.min(3 + Math.sqrt(p.n) * 2, 14), 'data-place': p.name,
          onclick: () => setState({ place: p.name, event: '' }) }, svg('title', { text: `${p.name} (${p.country}): ${p.n} events` })));
      }
      append(box, s);
      if (!places.size) append(box, empty('No event of this selection has a place with coordinates.'));
    });
  }

  // ---- Network ----------------------------------------------------------------------------
  function renderNetwork(events) {
    const box = clear($('network'));
    const nodes = new Map(), edges = new Map();
    for (const e of events) {
      const ids = [...new Set(e.actors.map((a) => (a.name ? `p:${a.name}` : `c:${a.org || a.country}`)))];
      for (const id of ids) {
        const a = e.actors.find((x) => (x.name ? `p:${x.name}` : `c:${x.org || x.country}`) === id);
        const n = nodes.get(id) || { id, label: actorLabel(a), country: !a.name, key: a.name || a.org || a.country, n: 0 };
        n.n++; nodes.set(id, n);
      }
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
        const k = ids[i] < ids[j] ? `${ids[i]}\u0000${ids[j]}` : `${ids[j]}\u0000${ids[i]}`;
        edges.set(k, (edges.get(k) || 0) + 1);
      }
    }
    if (!nodes.size) { append(box, empty('No actors in this selection.')); return; }
    // The 30 actors with most events, on a circle (deterministic, readable).
    const top = [...nodes.values()].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label)).slice(0, 30);
    const W = 560, H = 380, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
    const pos = new Map();
    top.forEach((n, i) => {
      const t = (2 * Math.PI * i) / top.length - Math.PI / 2;
      pos.set(n.id, { x: cx + R * Math.cos(t), y: cy + R * Math.sin(t), t });
    });
    const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Network of actors' });
    const maxE = Math.max(...edges.values(), 1);
    for (const [k, w] of edges) {
      const [a, b] = k.split('\u0000');
      if (!pos.has(a) || !pos.has(b)) continue;
      append(s, svg('line', { class: 'edge', x1: pos.get(a).x, y1: pos.get(a).y, x2: pos.get(b).x, y2: pos.get(b).y,
        'stroke-width': 1 + (4 * w) / maxE }, svg('title', { text: `${w} events` })));
    }
    const maxN = Math.max(...top.map((n) => n.n));
    for (const n of top) {
      const p = pos.get(n.id);
      const right = Math.cos(p.t) >= 0;
      append(s, svg('g', { class: `node${n.country ? ' country' : ''}`, onclick: () => setState({ actor: n.key, event: '' }) },
        svg('circle', { cx: p.x, cy: p.y, r: 4 + (8 * n.n) / maxN }),
        svg('text', { x: p.x + (right ? 12 : -12), y: p.y + 4, 'text-anchor': right ? 'start' : 'end', text: n.label }),
        svg('title', { text: `${n.label}: ${n.n} events` })));
    }
    append(box, s);
  }

  // ---- Pair chart --------------------------------------------------------------------------------
  async function renderPair() {
    const pnl = $('pair-panel');
    if (!state.pair) { pnl.hidden = true; return; }
    pnl.hidden = false;
    const [a, b] = state.pair.split(',');
    $('pair-title').textContent = `${a} – ${b} by month: events and Goldstein sum`;
    await panel('pair', async (box) => {
      const r = await api(`/pairs/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { by: 'month', from: state.from, to: state.to }, 'pair');
      clear(box);
      if (!r.buckets.length) { append(box, empty('No events between these two countries in this period.')); return; }
      const W = 560, H = 240, L = 40, Rr = 44, T = 14, B = 40;
      const n = r.buckets.length, bw = (W - L - Rr) / n;
      const maxC = Math.max(...r.buckets.map((x) => x.events), 1);
      const gs = r.buckets.map((x) => x.goldstein);
      const gmax = Math.max(...gs.map(Math.abs), 1);
      const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Events and Goldstein sums by month' });
      const y0 = H - B, yc = (c) => y0 - ((y0 - T) * c) / maxC, yg = (g) => T + ((y0 - T) / 2) * (1 - g / gmax);
      append(s, svg('line', { class: 'axis', x1: L, x2: W - Rr, y1: y0, y2: y0 }));
      append(s, svg('text', { x: L - 6, y: T + 4, 'text-anchor': 'end', text: maxC }));
      append(s, svg('text', { x: W - Rr + 6, y: T + 4, text: `+${gmax.toFixed(0)}` }));
      append(s, svg('text', { x: W - Rr + 6, y: y0, text: `−${gmax.toFixed(0)}` }));
      r.buckets.forEach((x, i) => {
        append(s, svg('rect', { class: 'bar', x: L + i * bw + 1, y: yc(x.events), width: Math.max(bw - 2, 1), height: y0 - yc(x.events),
          onclick: () => setState({ from: x.period, to: x.period, event: '' }) },
        svg('title', { text: `${x.period}: ${x.events} events, Goldstein ${x.goldstein.toFixed(1)}` })));
        if (n <= 24 || i % Math.ceil(n / 12) === 0) {
          append(s, svg('text', { x: L + (i + 0.5) * bw, y: y0 + 14, 'text-anchor': 'middle', text: x.period }));
        }
      });
      const pts = r.buckets.map((x, i) => `${(L + (i + 0.5) * bw).toFixed(1)},${yg(x.goldstein).toFixed(1)}`).join(' ');
      append(s, svg('polyline', { class: 'gold', points: pts }));
      append(box, s, el('div', { class: 'muted', text: `${r.events} events; Goldstein sum ${r.goldstein.toFixed(1)} (bars: events; red line: Goldstein sum)` }));
    });
  }

  // ---- Actor card ------------------------------------------------------------------------------------
  async function renderActor() {
    const pnl = $('actor-panel');
    if (!state.actor) { pnl.hidden = true; return; }
    pnl.hidden = false;
    await panel('actor', async (box) => {
      let r;
      try { r = await api(`/actors/${encodeURIComponent(state.actor)}`, {}, 'actor'); } catch (e) {
        if (e.name === 'AbortError') throw e;
        clear(box); append(box, empty(`No actor named exactly “${state.actor}”; events whose actors contain it are shown.`)); return;
      }
      clear(box);
      append(box, el('h3', { text: r.name || r.org || r.country }),
        el('div', { class: 'muted', text: `${r.country || r.org || ''} · ${r.events} events${r.first ? ` · ${r.first} to ${r.last}` : ''}` }));
      if (r.offices.length) {
        append(box, el('h4', { text: 'Offices' }), el('ul', {}, r.offices.map((o) =>
          el('li', { text: `${o.office} — ${o.events} events${o.first ? ` (${o.first} to ${o.last})` : ''}` }))));
      }
      if (r.partners.length && r.country) {
        append(box, el('h4', { text: 'Partners' }), el('div', {}, r.partners.slice(0, 12).map((p) =>
          [el('button', { type: 'button', class: 'link', 'data-pair': `${r.country},${p.country}`,
            onclick: () => setState({ pair: `${r.country},${p.country}`, event: '' }), text: `${r.country}–${p.country}` }),
          ` ${p.events}  `])));
      }
      if (r.types.length) append(box, el('h4', { text: 'Types' }), el('div', { text: r.types.map((t) => `${t.type} ${t.events}`).join(' · ') }));
    });
  }

  // ---- Event list -------------------------------------------------------------------------------------
  function eventRow(e) {
    return el('tr', { 'data-id': e.id, onclick: () => setState({ event: e.id }) },
      el('td', {}, el('span', { class: `qtag q${quadOf(e)}`, title: QUADS[quadOf(e)] }), dateLabel(e)),
      el('td', { text: e.type }),
      el('td', { text: e.actors.map((a) => actorLabel(a) + (a.name && a.country ? ` (${a.country})` : '')).join(', ') }),
      el('td', { text: e.location ? e.location.name : '' }),
      el('td', { text: String(e.num_mentions) }));
  }
  function renderList(events, next) {
    const box = clear($('list'));
    $('count').textContent = `${events.length}${next !== null ? '+' : ''} shown`;
    if (!events.length) { append(box, empty('No events match these filters. Clear a filter or widen the period.')); return; }
    const tbody = el('tbody', {}, events.slice(0, 200).map(eventRow));
    append(box, el('table', { class: 'events' }, el('thead', {}, el('tr', {},
      ['Date', 'Type', 'Actors', 'Place', 'Reports'].map((h) => el('th', { text: h })))), tbody));
    if (events.length > 200) {
      append(box, el('button', { type: 'button', class: 'more', text: `Show ${events.length - 200} more`, onclick: (ev) => {
        append(tbody, events.slice(200).map(eventRow)); ev.target.remove(); } }));
    }
  }

  // ---- Articles ------------------------------------------------------------------------------------------
  async function renderDocs() {
    await panel('docs', async (box) => {
      const r = await api('/documents', { limit: 20 }, 'docs');
      clear(box);
      if (!r.documents.length) { append(box, empty('The store holds no article yet.')); return; }
      append(box, el('ul', { class: 'docs' }, r.documents.map((d) => {
        const url = safeUrl(d.url);
        const title = d.title || d.id;
        return el('li', {}, url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: title }) : el('span', { text: title }),
          el('span', { class: 'muted', text: ` — ${d.source || 'unknown outlet'}, ${d.published || 'undated'}, ${d.events} events` }));
      })));
    });
  }

  // ---- Event view --------------------------------------------------------------------------------------------
  // The sentence with its phrases marked. Highlight offsets are UTF-8 byte
  // offsets within the sentence; JavaScript strings count UTF-16 units, so the
  // sentence is cut as bytes and each piece decoded on its own.
  const enc = new TextEncoder(), dec = new TextDecoder('utf-8');
  function highlighted(evidence) {
    const bytes = enc.encode(evidence.sentence);
    const out = el('div', { class: 'sentence' });
    let pos = 0;
    const spans = (evidence.highlights || []).filter((h) => h.begin >= 0 && h.end <= bytes.length && h.end > h.begin)
      .sort((a, b) => a.begin - b.begin || b.end - a.end);
    for (const h of spans) {
      if (h.begin < pos) continue;  // overlaps a phrase already marked
      if (h.begin > pos) append(out, dec.decode(bytes.subarray(pos, h.begin)));
      append(out, el('mark', { class: `hl-${h.kind}`, title: h.kind, text: dec.decode(bytes.subarray(h.begin, h.end)) }));
      pos = h.end;
    }
    if (pos < bytes.length) append(out, dec.decode(bytes.subarray(pos)));
    return out;
  }
  async function renderEventFromState() {
    const aside = $('event');
    if (!state.event) { aside.hidden = true; clear(aside); return; }
    aside.hidden = false;
    clear(aside);
    append(aside, el('div', { class: 'body loading', id: 'event-body' }));
    try {
      const e = await api(`/events/${encodeURIComponent(state.event)}`, {}, 'event');
      clear(aside);
      const closeBtn = el('button', { type: 'button', class: 'close', 'aria-label': 'Close', text: '×', onclick: () => setState({ event: '' }) });
      const outlets = [...new Set(e.mentions.map((m) => m.outlet).filter(Boolean))];
      append(aside, closeBtn, el('h3', {}, el('span', { class: `qtag q${quadOf(e)}` }), `${e.type} · ${dateLabel(e)}`),
        el('dl', {},
          el('dt', { text: 'Actors' }), el('dd', {}, e.actors.map((a, i) => [i ? ', ' : '', el('button', { type: 'button', class: 'link',
            onclick: () => setState({ actor: a.name || a.org || a.country, event: '' }), text: actorLabel(a) }),
          a.office ? ` (${a.office})` : a.country && a.name ? ` (${a.country})` : '', ` — ${a.role}`])),
          el('dt', { text: 'Place' }), el('dd', { text: e.location ? `${e.location.name} (${e.location.country})` : '—' }),
          el('dt', { text: 'CAMEO' }), el('dd', { text: `${e.cameo} · Goldstein ${e.goldstein} · ${QUADS[quadOf(e)] || ''}` }),
          el('dt', { text: 'Reports' }), el('dd', { text: `${e.num_mentions} sentences in ${e.num_articles} articles from ${e.num_sources} outlets` }),
          el('dt', { text: 'Outlets' }), el('dd', { text: outlets.join(', ') || '—' }),
          el('dt', { text: 'Flags' }), el('dd', { text: [e.background && 'background', e.future && 'future', e.negated && 'negated', e.recalled && 'recalled'].filter(Boolean).join(', ') || '—' })),
        el('div', { class: 'keys' }, ['actor', 'date', 'place', 'trigger'].map((k) => el('mark', { class: `hl-${k}`, text: k }))));
      for (const m of e.mentions) {
        const url = safeUrl(m.url);
        append(aside, el('div', { class: 'mention', 'data-doc': m.doc },
          el('div', { class: 'meta' }, url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: m.outlet || m.doc }) : (m.outlet || m.doc),
            ` · ${m.published || 'undated'} · ${m.rule}`),
          m.evidence.map(highlighted)));
      }
    } catch (err) {
      if (err.name === 'AbortError') return;
      clear(aside);
      append(aside, el('button', { type: 'button', class: 'close', text: '×', onclick: () => setState({ event: '' }) }),
        el('div', { class: 'error', text: `Could not load the event: ${err.message}` }));
    }
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && state.event) setState({ event: '' }); });

  // ---- Everything for the current state ------------------------------------------------------------------------
  let lastEvents = [];
  async function refresh() {
    fillForm();
    renderActor();
    renderPair();
    renderEventFromState();
    await panel('list', async () => {
      $('timeline').classList.add('loading'); $('network').classList.add('loading');
      try {
        const r = await api('/events', { ...eventParams(), limit: PAGE }, 'events');
        lastEvents = r.events;
        knowTypes(r.events);
        renderTimeline(r.events);
        renderNetwork(r.events);
        renderList(r.events, r.next_offset);
        renderMap(r.events);
      } catch (e) {
        if (e.name === 'AbortError') return;
        for (const id of ['timeline', 'network']) { clear($(id)); append($(id), el('div', { class: 'error', text: e.message })); }
        throw e;
      } finally { $('timeline').classList.remove('loading'); $('network').classList.remove('loading'); }
    });
    document.body.dataset.ready = '1';
  }

  // Live ingest: the page notices new articles and reloads its data.
  let known = null;
  async function poll() {
    try {
      const h = await api('/health');
      $('status').textContent = `${h.documents} articles · ${h.events} events`;
      if (known !== null && (h.documents !== known.documents || h.events !== known.events)) { refresh(); renderDocs(); }
      known = h;
    } catch (e) { $('status').textContent = 'server unreachable'; }
  }

  $('home').addEventListener('click', (e) => { e.preventDefault(); setState({ actor: '', place: '', pair: '', type: '', from: '', to: '', event: '' }); });
  renderLegend();
  refresh();
  renderDocs();
  poll();
  setInterval(poll, 10000);
  void lastEvents;
})();
