// Opens the dashboard in headless Chromium, prints READY once its event stream is live, then waits for what the
// Java test makes happen at the site (sessions with SoC and minutes left, the site power plot, setpoints, the
// loss-of-mains trip) and keeps a screenshot.
// Usage: node check.mjs <dashboard url> <api key> <screenshot.png>
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const [url, key, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const text = (page, selector) => page.textContent(selector).then((t) => t.trim());
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + '#key=' + encodeURIComponent(key));
  await page.waitForSelector('#stream-state.on', { timeout: 15000 });
  console.log('READY');
  const input = readline.createInterface({ input: process.stdin });
  for await (const line of input) if (line === 'GO') break;
  input.close();
  process.stdin.destroy();
  const charging = '#sessions tr[data-session="CS-DASH/TX-DASH"]';
  await page.waitForSelector(charging, { timeout: 15000 });
  await page.waitForSelector('#sessions tr[data-session="CS-V2G/TX-V2G"]', { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('site-name').textContent === 'Depot', null, { timeout: 15000 });
  await page.waitForFunction(() => Number(document.getElementById('power-plot').dataset.samples) >= 8
    && document.getElementById('import-kw').textContent === '11.0 kW'
    && document.getElementById('export-kw').textContent === '7.0 kW', null, { timeout: 15000 });
  await page.waitForSelector('#setpoints tr[data-evse="CS-DASH/1"]', { timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('lom-state').textContent === 'TRIPPED'
    && document.querySelectorAll('#lom-history tbody tr').length >= 1, null, { timeout: 15000 });
  await page.waitForFunction(() => [...document.querySelectorAll('#events li')]
    .some((li) => li.textContent.includes('SessionStarted CS-DASH')), null, { timeout: 15000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log('OK ' + JSON.stringify({
    soc: await text(page, charging + ' td.soc'),
    minutesLeft: await text(page, charging + ' td.left'),
    siteLoad: await text(page, '#site-kw'),
    base: await text(page, '#base-kw'),
    peak: await text(page, '#peak-kw'),
    lossOfMains: await text(page, '#lom-state'),
    samples: await page.getAttribute('#power-plot', 'data-samples'),
  }));
} catch (e) {
  console.log('FAILED ' + e.message.split('\n')[0]);
  process.exitCode = 1;
} finally {
  await browser.close();
}
