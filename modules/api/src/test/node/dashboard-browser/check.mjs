// Opens the dashboard in headless Chromium, prints READY once its event stream is live, then waits for the
// station, the transaction and the power the Java test makes happen, and keeps a screenshot.
// Usage: node check.mjs <dashboard url> <api key> <screenshot.png>
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [url, key, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + '#key=' + encodeURIComponent(key));
  await page.waitForSelector('#stream-state.on', { timeout: 15000 });
  console.log('READY');
  const input = readline.createInterface({ input: process.stdin });
  for await (const line of input) if (line === 'GO') break;
  input.close();
  process.stdin.destroy();
  await page.waitForSelector('#stations tr[data-station="CS-DASH"]', { timeout: 15000 });
  await page.waitForSelector('#transactions tr[data-transaction="TX-DASH"]', { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('import-kw').textContent === '11.0 kW'
    && document.getElementById('export-kw').textContent === '3.5 kW', null, { timeout: 15000 });
  await page.waitForFunction(() => [...document.querySelectorAll('#events li')]
    .some((li) => li.textContent.includes('TransactionStarted CS-DASH')), null, { timeout: 15000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log('OK ' + JSON.stringify({
    stations: await page.locator('#stations tbody tr').count(),
    importKw: await page.textContent('#import-kw'),
    events: await page.locator('#events li').count(),
  }));
} catch (e) {
  console.log('FAILED ' + e.message.split('\n')[0]);
  process.exitCode = 1;
} finally {
  await browser.close();
}
