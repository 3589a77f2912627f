/**
 * npm run bench:hostile [-- --plans 2000] — what hostile and heavy requests cost the others, on a
 * store of synthetic plans (bench/province-plans.ts), real server over 127.0.0.1, embedded store:
 * 1. /healthz while 20 heavy questions run at once (goal: ≤ 100 ms throughout);
 * 2. the heaviest page question (a unit's leads) from 50 connections, alone, while a plan is
 *    uploaded every 2 s (goal at 10,000 plans: p99 ≤ 100 ms), and while every upload names the unit;
 * 3. how long hostile queries take to be refused.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Result } from 'autocannon';
import { pino } from 'pino';
import { provincePlan } from './province-plans';
import { startApp } from '../server/app';
import { loadConfig } from '../server/config';
import { extract } from '../server/extract/extract';
import { KuzuStore } from '../server/graph/kuzu-store';
import { loadExtraction } from '../server/graph/loader';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const PLANS = arg('plans', 2000);
const TOKEN = 'bench-token-0123456789abcdef';

const t0 = Date.now();
const store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'bench-hostile-')), 'graph.kuzu'));
await store.ensureSchema();
await loadExtraction(store, extract(Array.from({ length: PLANS }, (_, n) => provincePlan(n)).map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }))));
const app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', INGEST_TOKEN: TOKEN }), { store, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
console.log(`${PLANS} plans extracted and loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s; server ${app.url}\n`);

const post = (query: string) => fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

// 1. /healthz under 20 heavy questions.
const HEAVY = [
  '{ units(limit: 500) { id leads { task { id title } } } }',
  '{ ledger(limit: 5000) { n taskId quote } }',
  '{ regionNetwork { nodes { region { id } } links { count } } }',
  '{ documents(limit: 200) { id tasks(limit: 50) { id } } }',
];
// Twenty different questions: the same one asked twenty times would be answered once (server/http/server.ts).
const distinct = (query: string, i: number) => query.replace(/limit: (\d+)/, (_, n: string) => `limit: ${Number(n) - i}`);
// The heavy questions are asked from a thread of their own: parsing their answers (2 MB each) is
// the client's work, and in this thread it would be counted as the server's stalls.
let done = false;
const heavyMs: number[] = [];
const codes = new Map<string, number>();
const work = new Promise<void>((resolve, reject) => {
  const asker = new Worker(`
    const { workerData: d, parentPort } = require('node:worker_threads');
    Promise.all(d.queries.map(async (query) => {
      const s = Date.now();
      const body = await (await fetch(d.url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
      parentPort.postMessage({ ms: Date.now() - s, code: body.errors?.[0]?.extensions?.code ?? 'answered' });
    })).then(() => parentPort.postMessage('done'));`, { eval: true, workerData: { url: app.url, queries: Array.from({ length: 20 }, (_, i) => distinct(HEAVY[i % HEAVY.length]!, i)) } });
  asker.on('message', (m: 'done' | { ms: number; code: string }) => {
    if (m === 'done') return void asker.terminate().then(() => resolve());
    heavyMs.push(m.ms);
    codes.set(m.code, (codes.get(m.code) ?? 0) + 1);
  });
  asker.on('error', reject);
}).finally(() => { done = true; });
const health: number[] = [];
while (!done) {
  const s = Date.now();
  await fetch(`${app.url}/healthz`);
  health.push(Date.now() - s);
  await new Promise((r) => setTimeout(r, 25));
}
await work;
console.log(`/healthz during 20 heavy questions: ${health.length} checks, p50 ${pct(health, 50)} ms, p99 ${pct(health, 99)} ms, max ${Math.max(...health)} ms`);
console.log(`  the heavy questions: p50 ${pct(heavyMs, 50)} ms, max ${Math.max(...heavyMs)} ms; ${[...codes].map(([c, n]) => `${n} ${c}`).join(', ')}\n`);

// 2. The heaviest page question, alone and under uploads.
// The unit of 长沙 that leads the most tasks: the longest answer the unit panel asks for.
const heaviest = ((await (await post('{ overloadedUnits(jurisdiction: "430100", by: LEAD, top: 1) { unit { id } lead } }')).json()) as { data: { overloadedUnits: Array<{ unit: { id: string }; lead: number }> } }).data.overloadedUnits[0]!;
const unitId = heaviest.unit.id;
const question = JSON.stringify({ query: `{ unit(id: ${JSON.stringify(unitId)}) { name leads { quote task { ref title document { title } } } } }` });
// autocannon runs in a process of its own (in a worker thread it hands back raw histograms): fifty
// clients' requests and parsing in the server's thread would be counted as the server's latency.
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');
// The server's own stalls over each run: how long its event loop was held (the app is in this thread).
const loop = monitorEventLoopDelay({ resolution: 10 });
const stalls = () => `event loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`;
type Cannon = Pick<Result, 'latency' | 'requests' | 'non2xx' | 'errors'> & { stalls: string };
const run = () => new Promise<Cannon>((resolve, reject) => {
  loop.reset();
  loop.enable();
  const opts = { url: `${app.url}/graphql`, method: 'POST', headers: { 'content-type': 'application/json' }, body: question, connections: 50, duration: 10 };
  const cannon = spawn(process.execPath, ['-e', `require(${JSON.stringify(AUTOCANNON)})(${JSON.stringify(opts)}).then((r) => process.stdout.write(JSON.stringify({ latency: r.latency, requests: r.requests, non2xx: r.non2xx, errors: r.errors })))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  cannon.stdout.on('data', (c: Buffer) => (out += c));
  cannon.once('error', reject);
  cannon.once('close', (code) => {
    loop.disable();
    if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
    resolve({ ...(JSON.parse(out) as Omit<Cannon, 'stalls'>), stalls: stalls() });
  });
});
const alone = await run();
// Uploads every 2 s of the next plans for which `wanted` holds; how many named the unit's city.
let n = 0;
const city = '长沙市';
const unitName = unitId.slice(unitId.indexOf(':') + 1);
async function underUploads(wanted: (text: string) => boolean) {
  const uploads: number[] = [];
  const pending: Array<Promise<unknown>> = [];
  let named = 0;
  const uploader = setInterval(() => {
    let plan = provincePlan(PLANS + n++);
    while (!wanted(plan.text)) plan = provincePlan(PLANS + n++);
    if (plan.text.startsWith(city) && plan.text.includes(unitName)) named++;
    const form = new FormData();
    form.append('file', new Blob([plan.text]), plan.file);
    const s = Date.now();
    pending.push(fetch(`${app.url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: form }).then(() => uploads.push(Date.now() - s)));
  }, 2000);
  const result = await run();
  clearInterval(uploader);
  await Promise.allSettled(pending);
  return { result, uploads, named };
}
const { result: mixed, uploads, named } = await underUploads(() => true);
// The worst case: every upload is a plan of the unit's city naming it, so every one changes the answer.
const worst = await underUploads((text) => text.startsWith(city) && text.includes(unitName));
console.log(`unit{leads} (${unitId}, ${heaviest.lead} tasks led), 50 connections, 10 s:`);
console.log(`  alone:                    p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms, ${Math.round(alone.requests.average)} req/s, ${alone.non2xx} non-2xx; ${alone.stalls}`);
console.log(`  an upload every 2 s:      p50 ${mixed.latency.p50} ms, p99 ${mixed.latency.p99} ms, ${Math.round(mixed.requests.average)} req/s, ${mixed.non2xx} non-2xx; ${uploads.length} uploads (${named} naming the unit), p50 ${pct(uploads, 50)} ms; ${mixed.stalls}`);
console.log(`  each upload naming it:    p50 ${worst.result.latency.p50} ms, p99 ${worst.result.latency.p99} ms, ${Math.round(worst.result.requests.average)} req/s, ${worst.result.non2xx} non-2xx; ${worst.uploads.length} uploads, p50 ${pct(worst.uploads, 50)} ms; ${worst.result.stalls}\n`);

// 3. Hostile queries: time to refusal.
for (const [label, q] of [
  ['unit → leads → units → leads (nested lists)', '{ unit(id: "431000:市应急管理局") { leads { task { assignments { unit { leads { task { assignments { unit { id } } } } } } } } } }'],
  ['documents { tasks } (every task of every plan)', '{ documents { id tasks { id } } }'],
  ['tasks(limit: 1000000000)', '{ tasks(limit: 1000000000) { id } }'],
] as const) {
  const s = Date.now();
  const body = (await (await post(q)).json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  console.log(`${label.padEnd(48)} ${body.errors?.[0]?.extensions?.code ?? 'answered'} in ${Date.now() - s} ms`);
}
await app.close();
await store.close();
