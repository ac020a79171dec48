// Site overview: stations, active transactions, a live event feed and a plot of site power, all read from
// /api/v1 with the operator's API key (from #key=… in the address, or entered once and kept in this browser).
'use strict';

const WINDOW_MS = 10 * 60 * 1000;
const state = { key: null, power: new Map(), series: [], peakW: 0, refreshTimer: null };

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
  return r.json();
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

function cell(row, text, cls) {
  const td = row.insertCell();
  td.textContent = text == null ? '—' : text;
  if (cls) td.className = cls;
}

const kWh = (wh) => (wh == null ? null : (wh / 1000).toFixed(2) + ' kWh');
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : null);

async function refresh() {
  const [stations, transactions] = await Promise.all([
    api('/api/v1/stations'), api('/api/v1/transactions?state=OPEN&limit=200')]);
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
    cell(row, [s.vendor, s.model].filter(Boolean).join(' ') || null);
  }
  document.getElementById('station-count').textContent =
    `(${stations.filter((s) => s.online).length} online of ${stations.length})`;
  const tx = document.querySelector('#transactions tbody');
  tx.replaceChildren();
  for (const t of transactions) {
    const row = tx.insertRow();
    row.dataset.transaction = t.transactionId;
    cell(row, t.stationId);
    cell(row, t.evseId);
    cell(row, t.transactionId);
    cell(row, time(t.startedAt));
    cell(row, kWh(t.importedWh));
    cell(row, kWh(t.exportedWh));
    cell(row, t.lastSoc == null ? null : t.lastSoc.toFixed(0) + ' %');
  }
}

function scheduleRefresh() {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(() => refresh().catch(console.error), 300);
}

function onEvent(type, event) {
  const list = document.getElementById('events');
  const item = document.createElement('li');
  const d = event.data || {};
  item.textContent = `${time(event.at)} ${type} ${d.stationId || ''}` +
    (d.status ? ' ' + d.status : '') + (d.transactionId ? ' ' + d.transactionId : '') +
    (d.powerImportW != null ? ` ${(d.powerImportW / 1000).toFixed(1)} kW in` : '') +
    (d.powerExportW != null ? ` ${(d.powerExportW / 1000).toFixed(1)} kW out` : '');
  list.prepend(item);
  while (list.children.length > 100) list.lastChild.remove();

  const evse = `${d.stationId}/${d.evseId}`;
  if (type === 'MeterReading' && (d.powerImportW != null || d.powerExportW != null)) {
    state.power.set(evse, { importW: d.powerImportW || 0, exportW: d.powerExportW || 0 });
    sample();
  } else if (type === 'TransactionEnded' || type === 'StationDisconnected') {
    for (const k of [...state.power.keys()]) if (k.startsWith(d.stationId + '/')) state.power.delete(k);
    sample();
  }
  if (type !== 'MeterReading' || d.transactionId) scheduleRefresh();
}

function sample() {
  let importW = 0;
  let exportW = 0;
  for (const p of state.power.values()) {
    importW += p.importW;
    exportW += p.exportW;
  }
  const now = Date.now();
  state.series.push({ t: now, importW, exportW });
  while (state.series.length && state.series[0].t < now - WINDOW_MS) state.series.shift();
  state.peakW = Math.max(state.peakW, importW);
  document.getElementById('import-kw').textContent = (importW / 1000).toFixed(1) + ' kW';
  document.getElementById('export-kw').textContent = (exportW / 1000).toFixed(1) + ' kW';
  document.getElementById('peak-kw').textContent = (state.peakW / 1000).toFixed(1) + ' kW';
  draw();
}

function draw() {
  const canvas = document.getElementById('power-plot');
  const g = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  g.clearRect(0, 0, w, h);
  const now = Date.now();
  const max = Math.max(1000, ...state.series.map((s) => Math.max(s.importW, s.exportW))) * 1.1;
  g.strokeStyle = '#e6e8ec';
  g.fillStyle = '#6b7280';
  g.font = '11px sans-serif';
  for (let i = 0; i <= 4; i++) {
    const y = h - (i / 4) * h;
    g.beginPath(); g.moveTo(0, y); g.lineTo(w, y); g.stroke();
    g.fillText(((max * i) / 4 / 1000).toFixed(1) + ' kW', 4, Math.max(12, y - 2));
  }
  const line = (field, color) => {
    g.strokeStyle = color;
    g.lineWidth = 2;
    g.beginPath();
    let prevY = null;
    state.series.forEach((s, i) => {
      const x = w - ((now - s.t) / WINDOW_MS) * w;
      const y = h - (s[field] / max) * h;
      if (i === 0) g.moveTo(x, y); else { g.lineTo(x, prevY); g.lineTo(x, y); } // steps: power holds until the next reading
      prevY = y;
    });
    if (prevY != null) g.lineTo(w, prevY);
    g.stroke();
  };
  line('importW', '#2d6cdf');
  line('exportW', '#e08a1e');
}

// EventSource cannot send the API key in a header, so the stream is read with fetch.
async function stream() {
  const badge = document.getElementById('stream-state');
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

state.key = apiKey();
if (!state.key) {
  askForKey();
} else {
  refresh().catch(console.error);
  stream();
  setInterval(sample, 5000); // keeps the plot moving when no readings come
}
