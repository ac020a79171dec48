// Site overview for an operator: the site (limits, tariff, grid code, loss of mains), a live plot of its power,
// sessions with SoC and the minutes left of the maximum session, EVSE setpoints as dispatched, the loss-of-mains
// history, stations and the event feed. Everything is read from /api/v1 with the operator's API key (from
// #key=… in the address, or entered once and kept in this browser).
'use strict';

const WINDOW_MS = 15 * 60 * 1000;
const state = { key: null, site: null, sites: [], power: null, sessions: [], localSamples: [], timer: null };

function apiKey() {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromHash) {
    localStorage.setItem('csms-api-key', fromHash);
    history.replaceState(null, '', location.pathname);
    return fromHash;
  }
  return localStorage.getItem('csms-api-key');
}

async function api(path) {
  const r = await fetch(path, { headers: { Authorization: 'Bearer ' + state.key } });
  if (r.status === 401) {
    askForKey();
    throw new Error('API key refused');
  }
  return r.ok ? r.json() : null;
}

function askForKey() {
  const form = document.getElementById('key-form');
  form.hidden = false;
  form.onsubmit = (e) => {
    e.preventDefault();
    localStorage.setItem('csms-api-key', document.getElementById('key-input').value);
    location.reload();
  };
}

const $ = (id) => document.getElementById(id);
const kw = (v) => (v == null ? '—' : v.toFixed(1) + ' kW');
const kWh = (wh) => (wh == null ? '—' : (wh / 1000).toFixed(2) + ' kWh');
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) : '—');

function cell(row, content, cls) {
  const td = row.insertCell();
  if (content instanceof Node) td.append(content); else td.textContent = content == null ? '—' : content;
  if (cls) td.className = cls;
  return td;
}

function bar(fraction, cls) {
  const b = document.createElement('span');
  b.className = 'bar' + (cls ? ' ' + cls : '');
  const fill = document.createElement('i');
  fill.style.width = Math.max(0, Math.min(100, fraction * 100)).toFixed(0) + '%';
  b.append(fill);
  return b;
}

function withText(node, text, cls) {
  const span = document.createElement('span');
  span.append(node, document.createTextNode(text));
  if (cls) span.className = cls;
  return span;
}

// ---- reading the API ----------------------------------------------------------------------------------------

async function refresh() {
  const [stations, sessions, sites] = await Promise.all([
    api('/api/v1/stations'), api('/api/v1/sessions'), api('/api/v1/sites')]);
  state.sessions = sessions || [];
  state.sites = sites || [];
  showStations(stations || []);
  chooseSite();
  if (state.site) {
    const id = encodeURIComponent(state.site);
    const [site, power, lom] = await Promise.all([
      api(`/api/v1/sites/${id}`), api(`/api/v1/sites/${id}/power`), api(`/api/v1/sites/${id}/loss-of-mains`)]);
    if (site) showSite(site);
    if (power) state.power = power;
    if (lom) showLossOfMains(lom);
  } else {
    sampleLocally();
  }
  showSessions();
  showReadouts();
  draw();
  await showSetpoints();
}

function chooseSite() {
  const select = $('site-select');
  $('site-pick').hidden = state.sites.length < 2;
  if (!state.site || !state.sites.some((s) => s.id === state.site)) state.site = state.sites.length ? state.sites[0].id : null;
  if (select.options.length !== state.sites.length) {
    select.replaceChildren(...state.sites.map((s) => new Option(s.name || s.id, s.id)));
    select.onchange = () => { state.site = select.value; state.power = null; refresh().catch(console.error); };
  }
  select.value = state.site || '';
}

const siteSessions = () => {
  const site = state.sites.find((s) => s.id === state.site);
  if (!site) return state.sessions;
  const matches = (id) => site.stations.some((p) => (p.endsWith('*') ? id.startsWith(p.slice(0, -1)) : p === id));
  return state.sessions.filter((s) => matches(s.stationId));
};

function showSite(s) {
  $('site-name').textContent = s.name || s.id;
  $('site-id').textContent = s.id;
  $('import-limit').textContent = kw(s.importLimitKw);
  $('export-limit').textContent = kw(s.exportLimitKw);
  $('tariff-now').textContent = `${s.tariff.importNow} / ${s.tariff.exportNow} ${s.tariff.currency}/kWh (buy / sell)`;
  $('grid-code').textContent = s.gridCodeName ? `${s.gridCode} — ${s.gridCodeName}` : (s.gridCode || 'none (no discharge)');
}

function showLossOfMains(lom) {
  const badge = $('lom-state');
  badge.textContent = lom.supervised ? lom.state.replaceAll('_', ' ') : 'not supervised';
  badge.className = 'badge ' + (lom.state || '');
  $('lom-since').textContent = lom.since ? `${lom.state} since ${time(lom.since)}` + (lom.cause ? ` — ${lom.cause}` : '') : '';
  const body = document.querySelector('#lom-history tbody');
  body.replaceChildren();
  for (const t of lom.history) {
    const row = body.insertRow();
    cell(row, time(t.at));
    cell(row, t.from || '—');
    cell(row, t.to);
    cell(row, t.cause);
  }
  if (!lom.history.length) cell(body.insertRow(), 'No transitions: the grid has been normal.').colSpan = 4;
}

function showStations(stations) {
  const body = document.querySelector('#stations tbody');
  body.replaceChildren();
  for (const s of stations) {
    const row = body.insertRow();
    row.dataset.station = s.id;
    cell(row, s.id);
    cell(row, s.registrationStatus);
    cell(row, s.online ? 'yes' : 'no', s.online ? 'online-yes' : 'online-no');
    cell(row, s.protocol);
    cell(row, time(s.lastSeen));
  }
  $('station-count').textContent = `${stations.filter((s) => s.online).length} of ${stations.length}`;
}

function minutesLeft(s) {
  if (!s.limitDeadline) return null;
  return Math.max(0, (Date.parse(s.limitDeadline) - Date.now()) / 60000);
}

function showSessions() {
  const list = siteSessions();
  $('session-count').textContent = `(${list.length} active)`;
  const body = document.querySelector('#sessions tbody');
  body.replaceChildren();
  for (const s of list) {
    const row = body.insertRow();
    row.dataset.session = `${s.stationId}/${s.transactionId}`;
    cell(row, `${s.stationId} / ${s.evseId ?? '—'}`);
    cell(row, s.state);
    cell(row, s.soc == null ? 'unknown' : withText(bar(s.soc / 100), s.soc.toFixed(0) + ' %'), 'soc');
    cell(row, s.targetSoc == null ? null : s.targetSoc.toFixed(0) + ' %');
    const p = s.powerW == null ? null : s.powerW / 1000;
    cell(row, p == null ? null : (p < 0 ? `${(-p).toFixed(1)} kW out` : `${p.toFixed(1)} kW in`), p < 0 ? 'neg' : '');
    cell(row, kWh(s.importedWh));
    cell(row, kWh(s.exportedWh));
    cell(row, kWh(s.energyNeededWh));
    const left = minutesLeft(s);
    const total = s.maxDurationMinutes || 40;
    cell(row, left == null ? 'no limit'
      : withText(bar(left / total, 'time' + (left < 5 ? ' low' : '')), `${left.toFixed(1)} min`),
    'left' + (left != null && left < 5 ? ' left-low' : ''));
  }
  if (!list.length) cell(body.insertRow(), 'No EV plugged in.').colSpan = 9;
}

async function showSetpoints() {
  const stations = [...new Set(siteSessions().map((s) => s.stationId))].slice(0, 30);
  const all = await Promise.all(stations.map((id) => api(`/api/v1/stations/${encodeURIComponent(id)}/setpoints`)));
  const body = document.querySelector('#setpoints tbody');
  body.replaceChildren();
  let clamps = null;
  for (const sp of all.filter(Boolean)) {
    clamps = sp.siteClamps || clamps;
    for (const e of sp.evses) {
      const row = body.insertRow();
      row.dataset.evse = `${sp.stationId}/${e.evseId}`;
      cell(row, `${sp.stationId} / ${e.evseId}`);
      cell(row, kw(e.plannedNowKw));
      cell(row, kw(e.nowKw));
      cell(row, e.clamps ? String(e.clamps.length) : '—');
      cell(row, e.lastDispatch ? `${e.lastDispatch.outcome} ${time(e.lastDispatch.at)}` : '—');
    }
  }
  if (!body.rows.length) cell(body.insertRow(), 'Nothing dispatched yet.').colSpan = 5;
  const reasons = clamps ? Object.entries(clamps) : [];
  $('clamp-note').textContent = reasons.length
    ? 'Guard clamps at this site: ' + reasons.map(([r, n]) => `${r.toLowerCase().replaceAll('_', ' ')} ×${n}`).join(', ')
    : '';
}

// ---- power: readouts and plot --------------------------------------------------------------------------------

function sampleLocally() { // no site configured: EV power from the sessions only
  let imp = 0;
  let exp = 0;
  for (const s of state.sessions) {
    if (s.powerW > 0) imp += s.powerW / 1000; else if (s.powerW < 0) exp -= s.powerW / 1000;
  }
  const now = new Date().toISOString();
  state.localSamples.push({ at: now, baseLoadKw: 0, evImportKw: imp, evExportKw: exp, siteLoadKw: imp - exp });
  state.localSamples = state.localSamples.filter((x) => Date.parse(x.at) > Date.now() - WINDOW_MS);
  const peak = state.localSamples.reduce((a, b) => (a && a.siteLoadKw >= b.siteLoadKw ? a : b), null);
  state.power = { samples: state.localSamples, peak, importLimitKw: null };
}

function showReadouts() {
  const samples = state.power ? state.power.samples : [];
  const last = samples[samples.length - 1];
  $('base-kw').textContent = kw(last && state.site ? last.baseLoadKw : null);
  $('import-kw').textContent = kw(last ? last.evImportKw : 0);
  $('export-kw').textContent = kw(last ? last.evExportKw : 0);
  $('site-kw').textContent = kw(last ? last.siteLoadKw : null);
  const peak = state.power && state.power.peak;
  $('peak-kw').textContent = peak ? kw(peak.siteLoadKw) : '—';
  $('peak-at').textContent = peak ? 'at ' + time(peak.at) : '';
}

function draw() {
  const canvas = $('power-plot');
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  canvas.width = w * ratio;
  canvas.height = h * ratio;
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, w, h);
  const css = getComputedStyle(document.documentElement);
  const color = (name) => css.getPropertyValue('--' + name).trim();
  const pad = { l: 64, r: 16, t: 12, b: 40 };
  const now = Date.now();
  const all = state.power ? state.power.samples : [];
  // The time axis spans what has been sampled: at least a minute, at most the window.
  const span = Math.min(WINDOW_MS, Math.max(60000, all.length ? now - Date.parse(all[0].at) : 0));
  const from = now - span;
  const samples = all.filter((s) => Date.parse(s.at) >= from);
  canvas.dataset.samples = String(samples.length);
  const limit = state.power ? state.power.importLimitKw : null;
  const peak = state.power && state.power.peak ? state.power.peak.siteLoadKw : null;
  const values = samples.flatMap((s) => [s.baseLoadKw, s.evImportKw, s.evExportKw, s.siteLoadKw]);
  const top = niceCeil(Math.max(10, ...values, limit || 0, peak || 0) * 1.08);
  const bottom = Math.min(0, ...samples.map((s) => s.siteLoadKw));
  const low = bottom < 0 ? -niceCeil(-bottom * 1.1) : 0;
  const x = (t) => pad.l + ((t - from) / span) * (w - pad.l - pad.r);
  const y = (v) => pad.t + (1 - (v - low) / (top - low)) * (h - pad.t - pad.b);

  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#6b7280';
  g.strokeStyle = '#e6e8ec';
  g.lineWidth = 1;
  const step = niceStep((top - low) / 5);
  g.textAlign = 'right';
  for (let v = low; v <= top + 1e-9; v += step) {
    g.beginPath(); g.moveTo(pad.l, y(v)); g.lineTo(w - pad.r, y(v)); g.stroke();
    g.fillText(v.toFixed(0), pad.l - 6, y(v) + 4);
  }
  g.textAlign = 'center';
  const tickMs = [10000, 15000, 30000, 60000, 120000, 180000].find((ms) => span / ms <= 7) || 180000;
  const seconds = tickMs < 60000;
  for (let t = Math.ceil(from / tickMs) * tickMs; t <= now; t += tickMs) {
    g.beginPath(); g.moveTo(x(t), pad.t); g.lineTo(x(t), h - pad.b); g.stroke();
    g.fillText(new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit',
      second: seconds ? '2-digit' : undefined, hour12: false }), x(t), h - pad.b + 14);
  }
  g.fillStyle = '#1d2330';
  g.fillText('time (local)', (pad.l + w - pad.r) / 2, h - 6);
  g.save();
  g.translate(14, (pad.t + h - pad.b) / 2);
  g.rotate(-Math.PI / 2);
  g.fillText('power (kW)', 0, 0);
  g.restore();
  g.strokeStyle = '#9aa1ad';
  g.beginPath(); g.moveTo(pad.l, pad.t); g.lineTo(pad.l, h - pad.b); g.lineTo(w - pad.r, h - pad.b); g.stroke();

  const hline = (v, c, dash, label) => {
    if (v == null) return;
    g.strokeStyle = c; g.lineWidth = 1.5; g.setLineDash(dash);
    g.beginPath(); g.moveTo(pad.l, y(v)); g.lineTo(w - pad.r, y(v)); g.stroke();
    g.setLineDash([]);
    g.fillStyle = c; g.textAlign = 'right';
    g.fillText(label, w - pad.r - 4, y(v) - 4);
  };
  hline(limit, color('limit'), [6, 4], `import limit ${limit != null ? limit.toFixed(0) : ''} kW`);
  hline(peak, color('peak'), [2, 3], `peak ${peak != null ? peak.toFixed(1) : ''} kW`);
  const line = (field, c, width) => {
    if (!samples.length) return;
    g.strokeStyle = c; g.lineWidth = width;
    g.beginPath();
    samples.forEach((s, i) => {
      const px = x(Date.parse(s.at));
      if (i === 0) g.moveTo(px, y(s[field])); else g.lineTo(px, y(s[field]));
    });
    g.lineTo(x(now), y(samples[samples.length - 1][field]));
    g.stroke();
  };
  line('baseLoadKw', color('base'), 1.5);
  line('evImportKw', color('import'), 2);
  line('evExportKw', color('export'), 2);
  line('siteLoadKw', color('site'), 2.5);
  if (!samples.length) {
    g.fillStyle = '#6b7280'; g.textAlign = 'center';
    g.fillText('waiting for the first sample…', (pad.l + w) / 2, h / 2);
  }
}

function niceStep(raw) {
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

function niceCeil(v) {
  const s = niceStep(v / 5);
  return Math.ceil(v / s) * s;
}

// ---- events --------------------------------------------------------------------------------------------------

function scheduleRefresh() {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => refresh().catch(console.error), 300);
}

function onEvent(type, event) {
  const list = $('events');
  const item = document.createElement('li');
  const d = event.data || {};
  item.textContent = `${time(event.at)} ${type} ${d.stationId || d.siteId || ''}` +
    (d.status ? ' ' + d.status : '') + (d.transactionId ? ' ' + d.transactionId : '') +
    (d.powerImportW != null ? ` ${(d.powerImportW / 1000).toFixed(1)} kW in` : '') +
    (d.powerExportW != null ? ` ${(d.powerExportW / 1000).toFixed(1)} kW out` : '');
  list.prepend(item);
  while (list.children.length > 100) list.lastChild.remove();
  scheduleRefresh();
}

// EventSource cannot send the API key in a header, so the stream is read with fetch.
async function stream() {
  const badge = $('stream-state');
  for (;;) {
    try {
      const r = await fetch('/api/v1/events', { headers: { Authorization: 'Bearer ' + state.key } });
      if (!r.ok) throw new Error('event stream refused: ' + r.status);
      badge.textContent = 'live';
      badge.className = 'state on';
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block);
          const data = /^data: (.*)$/m.exec(block);
          if (type && data) onEvent(type[1], JSON.parse(data[1]));
        }
      }
    } catch (e) {
      console.error(e);
    }
    badge.textContent = 'reconnecting';
    badge.className = 'state off';
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

function tick() { // the clock and the minutes left move every second; the data every few seconds
  $('clock').textContent = new Date().toLocaleTimeString([], { hour12: false });
  showSessions();
  draw();
}

state.key = apiKey();
if (!state.key) {
  askForKey();
} else {
  refresh().catch(console.error);
  stream();
  setInterval(() => refresh().catch(console.error), 3000);
  setInterval(tick, 1000);
  window.addEventListener('resize', draw);
}
