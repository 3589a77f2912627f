/**
 * npm run bench:web — in headless Chromium: how soon the seed network is interactive (from
 * navigation to the laid-out, labelled graph), and for synthetic graphs of 1,000 and 5,000 units
 * the time to first render, the layout time (in a worker for large graphs) and the longest
 * main-thread task (the page answers input between tasks), with the renderer the app picks and
 * with the other one. Goals: seeds under 1.5 s; 5,000 units drawn and interactive within 2 s.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startApp, WEB_DIR } from '../server/app';
import { loadConfig } from '../server/config';
import { launchChromium } from './chromium';

const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-web-')) });
const app = await startApp(config, { log: pino({ level: 'silent' }), webDir: WEB_DIR });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.log(`  page error: ${String(e).slice(0, 200)}`));
  const seeds: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(`${app.url}/?run=${i}`);
    seeds.push(await page.waitForFunction(() => (globalThis as any).__networkReadyMs, undefined, { timeout: 30_000 }).then((h) => h.jsonValue() as Promise<number>));
  }
  seeds.sort((a, b) => a - b);
  const units = await page.evaluate(() => (globalThis as any).__cy!.nodes('[type="unit"]').length);
  console.log(`seed network (${units} units): interactive ${Math.round(seeds[2]!)} ms after navigation (median of 5; min ${Math.round(seeds[0]!)})`);

  const runs: Array<[number, number, string]> = [[1000, 4000, ''], [5000, 20000, ''], [5000, 20000, 'canvas'], [5000, 20000, 'webgl']];
  for (const [u, e, renderer] of runs) {
    await page.goto(`${app.url}/bench.html?units=${u}&edges=${e}${renderer ? `&renderer=${renderer}` : ''}`, { waitUntil: 'commit', timeout: 180_000 });
    const limit = 120_000;
    const r = await page.waitForFunction(() => (globalThis as any).__bench, undefined, { timeout: limit, polling: 500 })
      .then((h) => h.jsonValue() as Promise<Record<string, number | string>>).catch(() => null);
    console.log(r
      ? `synthetic ${r.units} units / ${r.edges} edges${r.grouped ? ' (grouped)' : ''}, ${r.renderer}${renderer ? ' (forced)' : ''}: first render ${r.firstRenderMs} ms, ` +
        `layout ${r.layoutMs} ms, longest main-thread task ${r.longestTaskMs} ms, ${r.labels} labels, all done ${r.sinceNavigationMs} ms after navigation`
      : `synthetic ${u} units / ${e} edges: not laid out within ${limit / 1000} s`);
  }
} finally {
  await browser.close();
  await app.close();
}
