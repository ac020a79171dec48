// A standards-conforming third-party client (ocpp-rpc, strictMode: every outgoing call and every
// response is checked against the OCPP 2.0.1 JSON schemas) boots, heartbeats and reports status.
// Usage: node check.mjs <ws-endpoint-without-station-id> <stationId> [password]
// Prints one JSON line per step and exits 0 only when the CSMS accepted all three.
import { RPCClient } from 'ocpp-rpc';

const [endpoint, identity, password] = process.argv.slice(2);
if (!endpoint || !identity) {
  console.error('usage: node check.mjs <endpoint> <stationId> [password]');
  process.exit(2);
}

const client = new RPCClient({
  endpoint,
  identity,
  password,
  protocols: ['ocpp2.0.1'],
  strictMode: true,
  reconnect: false,
});

const step = (name, detail) => console.log(JSON.stringify({ step: name, ...detail }));

try {
  await client.connect();
  step('connected', { protocol: client.protocol });
  const boot = await client.call('BootNotification', {
    reason: 'PowerUp',
    chargingStation: { model: 'RPC-Check', vendorName: 'ThirdParty', serialNumber: 'TP-0001', firmwareVersion: '1.0.0' },
  });
  step('BootNotification', { response: boot });
  if (boot.status !== 'Accepted') throw new Error(`BootNotification not accepted: ${boot.status}`);
  const hb = await client.call('Heartbeat', {});
  step('Heartbeat', { response: hb });
  if (Number.isNaN(Date.parse(hb.currentTime))) throw new Error('Heartbeat currentTime is not a date-time');
  const st = await client.call('StatusNotification', {
    timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 1, connectorId: 1,
  });
  step('StatusNotification', { response: st });
  await client.close({ code: 1000, reason: 'done' });
  step('done', {});
  process.exit(0);
} catch (err) {
  step('failed', { error: String(err && err.message || err), rpcCode: err && err.rpcErrorCode });
  try { await client.close({ code: 1000, force: true }); } catch (_) { /* already closed */ }
  process.exit(1);
}
