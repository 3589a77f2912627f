/**
 * npm run bench:scale [-- --plans N] [-- --national] — a province's plans (bench/province-plans.ts; 10,000 by
 * default), or with --national the 31 provinces' in turn, through the whole app on this machine, one figure per line:
 * extraction MB/s; load time and rows/s into a fresh embedded store, and the same files again
 * (nodes and relationships counted before and after: nothing may change); p50/p99 and req/s of
 * the user questions over real HTTP (the app's server, 10 connections), each beside a trivial
 * query in the same run, and each question's first (uncached) answer; in headless Chromium, the
 * province view the page opens on (a node per jurisdiction) with the busiest city opened by a
 * click, and that city's own network (payload and first render); RSS; a mixed day (bench/mixed-day.ts:
 * 50 connections on the questions while an upload and a progress record land every 3 s; --mixed
 * seconds, 30 by default). The last line sums it up. --keep-store DIR: the embedded store is left in DIR. --no-keep: the app keeps nothing between
 * questions (KEEP_ANSWERS=false), so every figure is of answers read from the store; --keep-reads: the
 * store's reads kept but no whole answer (KEEP_ANSWERS=reads);
 * --buffer-pool-mb / --app-buffer-pool-mb: the embedded store's pool for the load and for the app.
 * Then the load and the questions again on Neo4j: NEO4J_URI's (it empties that database), or a
 * local Neo4j 5.26 started for the run when Java and Maven are here (bench/neo4j-for-bench.ts).
 *
 * Goals (issue 14), 10,000 plans, embedded: loaded in ≤ 60 s; `unit { leads }` p99 ≤ 10 ms and
 * `overloadedUnits` p99 ≤ 50 ms with 10 connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { WEB_DIR } from '../server/app';
import { AccountStore } from '../server/accounts/accounts';
import { loadConfig } from '../server/config';
import { extractMany } from '../server/extract/parallel';
import { KuzuStore } from '../server/graph/kuzu-store';
import { loadExtraction } from '../server/graph/loader';
import { openStore } from '../server/graph/open-store';
import { read } from '../server/graph/queries';
import type { GraphStore } from '../server/graph/store';
import { launchChromium } from './chromium';
import { mixedDay, MIXED_EDITOR, MIXED_TOKEN, type MixedFigures } from './mixed-day';
import { benchNeo4j } from './neo4j-for-bench';
import { nationalPlan, provincePlan } from './province-plans';
import { emptyStore } from '../server/graph/empty';
import * as PAGE from '../web/src/queries';

const args = parseArgs({ options: { plans: { type: 'string', default: '10000' }, province: { type: 'string', default: '430000' }, national: { type: 'boolean', default: false }, 'buffer-pool-mb': { type: 'string', default: '1024' }, 'app-buffer-pool-mb': { type: 'string', default: '' }, 'no-keep': { type: 'boolean', default: false }, 'keep-reads': { type: 'boolean', default: false }, seconds: { type: 'string', default: '5' }, mixed: { type: 'string', default: '30' }, 'no-neo4j': { type: 'boolean', default: false }, 'keep-store': { type: 'string', default: '' } } });
const PLANS = Number(args.values.plans);
const SECONDS = Number(args.values.seconds);
const MIXED_SECONDS = Number(args.values.mixed);
if (!Number.isInteger(PLANS) || PLANS < 10) throw new Error(`--plans must be a whole number of at least 10, got ${args.values.plans}`);
const t00 = performance.now();
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// 1. Plans and extraction.
const t0 = performance.now();
// --national: the 31 provinces in turn (their cities and the four municipalities), instead of one province.
const NATIONAL = args.values.national;
const planOf = (n: number) => (NATIONAL ? nationalPlan(n) : provincePlan(n, args.values.province));
// Only the bytes are kept (the texts as JS strings would take twice as much at 100,000 plans).
let inputs: Array<{ file: string; bytes: Buffer }> = Array.from({ length: PLANS }, (_, n) => {
  const p = planOf(n);
  return { file: p.file, bytes: Buffer.from(p.text) };
});
const bytes = inputs.reduce((n, i) => n + i.bytes.length, 0);
line('plans generated', `${PLANS} plans, ${(bytes / 1e6).toFixed(1)} MB, in ${secs(performance.now() - t0)}`);
const t1 = performance.now();
const result = await extractMany(inputs);
inputs = []; // the result holds each document's text
const extractMs = performance.now() - t1;
const tasks = result.documents.reduce((n, d) => n + d.tasks.length, 0);
const assignments = result.documents.reduce((n, d) => n + d.tasks.reduce((m, t) => m + t.assignments.length, 0), 0);
const mbps = bytes / 1e6 / (extractMs / 1000);
line('extraction', `${mbps.toFixed(2)} MB/s (${secs(extractMs)}; ${tasks} tasks, ${assignments} assignments, ${result.units.length} units, ${result.documents.length} documents)`);

/** Nodes and relationships in the store, to show a second load changes nothing. */
async function counts(store: GraphStore): Promise<string> {
  const [n] = await store.run('MATCH (n) RETURN count(n) AS n');
  const [r] = await store.run('MATCH ()-[r]->() RETURN count(r) AS r');
  return `${n!.n as number} nodes, ${r!.r as number} relationships`;
}

async function loadTwice(label: string, store: GraphStore): Promise<{ loadMs: number; rows: number; againMs: number; same: boolean }> {
  let rows = 0;
  const t = performance.now();
  const first = await loadExtraction(store, result, undefined, { onBulk: (i) => (rows = i.rows) });
  const loadMs = performance.now() - t;
  const failed = first.filter((o) => o.status === 'failed');
  if (failed.length) throw new Error(`${label}: ${failed.length} documents failed to load: ${failed[0]!.error}`);
  const before = await counts(store);
  line(`${label}: load (fresh store${rows ? ', bulk' : ''})`, `${secs(loadMs)}, ${Math.round(rows / (loadMs / 1000))} rows/s (${rows} rows: ${before})`);
  const t2 = performance.now();
  const again = await loadExtraction(store, result, undefined, { skipUnchanged: true });
  const againMs = performance.now() - t2;
  const after = await counts(store);
  const same = before === after && again.every((o) => o.status === 'unchanged');
  line(`${label}: the same files again`, `${secs(againMs)} (as npm run load does: each found unchanged and left alone); ${same ? `nothing changed (${after})` : `CHANGED: ${before} → ${after}`}`);
  // Replacing documents (a new version of each) a transaction at a time: a sample, for the rate.
  const sample = { ...result, documents: result.documents.slice(0, Math.min(200, result.documents.length)) };
  const t3 = performance.now();
  const replaced = await loadExtraction(store, sample);
  const replaceMs = performance.now() - t3;
  const afterReplace = await counts(store);
  line(`${label}: ${sample.documents.length} documents replaced`, `${secs(replaceMs)}, ${(replaceMs / sample.documents.length).toFixed(0)} ms a document (a transaction each); ${afterReplace === before && replaced.every((o) => o.status === 'replaced') ? 'nothing changed' : `CHANGED: ${before} → ${afterReplace}`}`);
  return { loadMs, rows, againMs, same };
}

// 2. The embedded store.
// --keep-store DIR: the embedded store is written there and left (to look at it after the run; an existing DIR is refused).
const KEPT = args.values['keep-store'];
if (KEPT && existsSync(KEPT)) throw new Error(`--keep-store ${KEPT}: it exists; give a directory that does not`);
const dir = KEPT ? (mkdirSync(KEPT, { recursive: true }), KEPT) : mkdtempSync(join(tmpdir(), 'bench-scale-'));
const removeStore = () => { if (!KEPT) rmSync(dir, { recursive: true, force: true }); };
// The embedded store's buffer pool (KUZU_BUFFER_POOL_MB), for the load and the app alike: a first load in bulk must fit it.
const POOL_MB = args.values['buffer-pool-mb']!;
const embedded = new KuzuStore(join(dir, 'graph.kuzu'), { bufferPoolBytes: Number(POOL_MB) * 1024 * 1024 }); // where the app looks under DATA_DIR
await embedded.ensureSchema();
const loadFigures = await loadTwice('embedded', embedded);
// Without Neo4j nothing needs the extraction any more: let it go before the app starts (at 100,000 plans it is 8 GB of heap).
if (args.values['no-neo4j']) Object.assign(result, { documents: [], texts: {} });

// The busiest jurisdiction, and in it the unit that leads most, for the questions.
const [busiest] = (await embedded.run(read('jurisdictions'))).filter((j) => (NATIONAL ? !String(j.id).endsWith('0000') : j.id !== args.values.province));
const J = busiest!.id as string;
// The province whose network is asked for: the one given, or nationally the busiest city's.
const PROVINCE = NATIONAL ? `${J.slice(0, 2)}0000` : args.values.province!;
const loads = (await embedded.run(read('unit-analytics'), { jurisdiction: J })).sort((a, b) => Number(b.leadTasks) - Number(a.leadTasks));
const UNIT = loads[Math.floor(loads.length / 2)]!.unitId as string; // a unit of middling load
const HEAVY = loads[0]!.unitId as string;
line('busiest city', `${J}: ${busiest!.documents as number} documents, ${busiest!.tasks as number} tasks, ${busiest!.units as number} units; unit asked for: ${UNIT} (leads ${loads[Math.floor(loads.length / 2)]!.leadTasks as number}), heaviest ${HEAVY} (leads ${loads[0]!.leadTasks as number})`);

const QUERIES: Array<[string, string]> = [
  ['unit { leads }', `{ unit(id: "${UNIT}") { name leads { quote task { ref title } } } }`],
  ['unit { leads } (heaviest unit)', `{ unit(id: "${HEAVY}") { name leads { quote task { ref title } } } }`],
  ['overloadedUnits', `{ overloadedUnits(jurisdiction: "${J}", by: WEIGHTED, top: 10) { unit { name } lead total weighted peerMean zScore } }`],
  ['overloadedUnits (due in 2025)', `{ overloadedUnits(jurisdiction: "${J}", top: 10, due: { from: "2025-01-01", to: "2025-12-31" }) { unit { name } lead total } }`],
  ['cooperationLinks', `{ cooperationLinks(region: "${J}") { to { name } kinds count tasks(limit: 10) { id title } } }`],
  ['timeline', `{ timeline(jurisdiction: "${J}", from: "2025-01-01", to: "2025-03-31", by: MONTH) { period entries { date status task { id title } } } }`],
  // What the timeline view leaves out, asked beside it (it read every task of the store one by one until session 15).
  ['timelineCoverage', `{ timelineCoverage(jurisdiction: "${J}", from: "2025-01-01", to: "2025-03-31") { tasks shown undated ongoing outside beyondLimit } }`],
  ['search', '{ search(text: "發改委") { units { id name } tasks { id } regions { id } } }'],
  ['jurisdictionNetwork', `{ jurisdictionNetwork(within: "${PROVINCE}") { jurisdictions { region { id name } units tasks } links { from { id } to { id } tasks } } }`],
  // Each unit's strongest shared-task lines, as the page asks (every pair of the busiest city's 53 units but three share a task: 127 KB).
  ['jurisdictionGraph', `{ jurisdictionGraph(jurisdiction: "${J}", ties: ${PAGE.TIES_PER_UNIT}) { units { unit { id name kind } total } shared { a b tasks } moreShared memberships { member collective } } }`],
  ['regionNetwork (folded, top 100)', '{ regionNetwork(minTasks: 2, fold: true, top: 100) { nodes { region { id name } tasks folded parent { id } } links { from { id } to { id } count } moreLinks } }'],
];

interface Figure { p50: number; p99: number; rps: number; first: number; bytes: number }

async function post(url: string, query: string): Promise<{ ms: number; bytes: number; errors?: unknown }> {
  const t = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await res.text();
  const ms = performance.now() - t;
  return { ms, bytes: Buffer.byteLength(text), errors: (JSON.parse(text) as { errors?: unknown }).errors };
}

async function cannon(url: string, query: string): Promise<{ p50: number; p99: number; rps: number }> {
  const opts = { url: `${url}/graphql`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }), connections: 10 };
  await autocannon({ ...opts, duration: 1 }); // warm-up
  const r = await autocannon({ ...opts, duration: SECONDS });
  if (r.non2xx > 0 || r.errors > 0) console.log(`  ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
}

/** The app in a process of its own (bench/scale-server.ts) on the given store. */
async function serve(env: Record<string, string | undefined>): Promise<{ url: string; child: ChildProcess; rss: () => number; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'scale-server.ts'), dir], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve((JSON.parse(out.split('\n')[0]!) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before it listened`)));
  });
  const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  const close = () => new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    // Its store checkpoints on close: killed in the middle, Kuzu 0.11 can leave a log it cannot replay (a kept store that will not open).
    setTimeout(() => child.kill('SIGKILL'), 300_000).unref();
  });
  return { url, child, rss, close };
}

/** Each question: its first answer (nothing cached yet), then 10 connections beside a trivial query. */
async function questions(label: string, app: { url: string }): Promise<Map<string, Figure>> {
  const figures = new Map<string, Figure>();
  console.log(`${label}: ${SECONDS} s per query, 10 connections; first = the first answer, before anything is cached`);
  for (const [name, query] of QUERIES) {
    const first = await post(app.url, query);
    if (first.errors) {
      // Said, and the run goes on: e.g. the region network past its time budget at 100,000 plans.
      line(`  ${name}`, `first answer in ${first.ms.toFixed(0)} ms is an error: ${JSON.stringify(first.errors).slice(0, 200)}`);
      continue;
    }
    const trivial = await cannon(app.url, '{ __typename }');
    const r = await cannon(app.url, query);
    figures.set(name, { ...r, first: first.ms, bytes: first.bytes });
    line(`  ${name}`, `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${Math.round(r.rps)} req/s; first ${first.ms.toFixed(0)} ms, ${(first.bytes / 1024).toFixed(1)} KB` +
      `  | trivial: p50 ${trivial.p50.toFixed(1)} ms, p99 ${trivial.p99.toFixed(1)} ms, ${Math.round(trivial.rps)} req/s`);
  }
  return figures;
}

/**
 * The page's views beyond the network's eleven questions, asked as the page asks them (web/src/queries.ts)
 * about the busiest city: each view's first answer (before anything is kept), then again.
 */
async function pageViews(label: string, app: { url: string }): Promise<void> {
  console.log(label);
  const ask = async (query: string, variables: Record<string, unknown>) => {
    const t = performance.now();
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const text = await res.text();
    const json = JSON.parse(text) as { data?: any; errors?: Array<{ message: string }> };
    return { ms: performance.now() - t, bytes: Buffer.byteLength(text), status: res.status, errors: json.errors, data: json.data };
  };
  const docs = (await (await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ documents(jurisdiction: "${J}", limit: 2) { id tasks(limit: 1) { id } } }` }) })).json()) as { data: { documents: Array<{ id: string; tasks: Array<{ id: string }> }> } };
  const [d1, d2] = docs.data.documents;
  const views: Array<[string, string, Record<string, unknown>]> = [
    ['network with a document chosen', PAGE.UNITS_QUERY, { j: J, d: d1!.id }],
    ['unit panel (heaviest unit)', PAGE.UNIT_QUERY, { id: HEAVY }],
    ['task panel', PAGE.TASK_QUERY, { id: d1!.tasks[0]!.id }],
    ['cooperation view', PAGE.COOPERATION_QUERY, { region: J }],
    // Its strongest link opened: that link's evidence (the partner taken from the list's answer).
    ['… a link opened', PAGE.LINK_QUERY, { region: J, partner: '' }],
    ['ledger (busiest city)', PAGE.LEDGER_QUERY, { filter: { jurisdiction: J } }],
    ['督办: owed units', PAGE.OWED_UNITS_QUERY, { j: J }],
    ['timeline view (a quarter)', PAGE.TIMELINE_QUERY, { j: J, from: '2025-01-01', to: '2025-03-31', by: 'MONTH' }],
    ['compare two documents', PAGE.COMPARE_QUERY, { from: d1!.id, to: d2!.id }],
    ['search', PAGE.SEARCH_QUERY, { text: '發改委', limit: 20 }],
  ];
  let strongest = '';
  for (const [name, query, vars] of views) {
    const variables = vars.partner === '' ? { ...vars, partner: strongest } : vars;
    const first = await ask(query, variables);
    if (query === PAGE.COOPERATION_QUERY) strongest = first.data?.cooperationLinks?.[0]?.to?.id ?? '';
    const again = await ask(query, variables);
    line(`  ${name}`, first.errors ? `an error (${first.status}) after ${first.ms.toFixed(0)} ms: ${first.errors[0]!.message.slice(0, 160)}`
      : `first ${first.ms.toFixed(0)} ms, again ${again.ms.toFixed(0)} ms, ${(first.bytes / 1024).toFixed(1)} KB`);
  }
}

// The store is single-process: close it (folding the log into the file) and serve it from a process of its own.
const c0 = performance.now();
await embedded.close();
line('embedded: checkpoint on close', secs(performance.now() - c0));
/** Bytes under a directory (the store's files). */
const sizeOf = (path: string): number => (statSync(path).isDirectory() ? readdirSync(path).reduce((n, f) => n + sizeOf(join(path, f)), 0) : statSync(path).size);
const storeBytes = sizeOf(dir);
line('embedded: store on disk', `${(storeBytes / 1e6).toFixed(0)} MB`);
const benchRss = process.memoryUsage().rss;
// The mixed day's editor, and the token its uploads carry.
await new AccountStore(dir).add(MIXED_EDITOR.name, 'editor', MIXED_EDITOR.password);
// The app's pool may be smaller than the load's (only a first load in bulk needs it whole): --app-buffer-pool-mb.
// --no-keep: nothing kept between questions (KEEP_ANSWERS=false), every answer read from the store;
// --keep-reads: the store's reads kept, no whole answer (KEEP_ANSWERS=reads).
const KEEP = { KEEP_ANSWERS: args.values['no-keep'] ? 'false' : args.values['keep-reads'] ? 'reads' : 'true' };
const app = await serve({ NEO4J_URI: '', INGEST_TOKEN: MIXED_TOKEN, KUZU_BUFFER_POOL_MB: args.values['app-buffer-pool-mb'] || POOL_MB, ...KEEP });
process.on('exit', () => { app.child.kill('SIGKILL'); removeStore(); }); // never leave the server or the store behind (unless --keep-store)
await pageViews('embedded: the page\'s other views (its own query texts), first answer then again', app);
const api = await questions('embedded: questions over HTTP (the app in its own process)', app);
const mixed = await mixedRun('embedded', app);

/** The page's questions from 50 connections while writes land (bench/mixed-day.ts). */
async function mixedRun(label: string, on: { url: string; rss: () => number }): Promise<MixedFigures> {
  const m = await mixedDay({ url: on.url, rss: on.rss, unit: UNIT, queries: QUERIES.map(([, q]) => q), seconds: MIXED_SECONDS, everyMs: 3000, plan: (i) => planOf(PLANS + 100_000 + i) });
  line(`${label}: mixed day (${MIXED_SECONDS} s)`, `50 connections on the ${QUERIES.length} questions in turn, an upload and a progress record every 3 s: ` +
    `p50 ${m.p50} ms, p99 ${m.p99} ms, max ${m.max} ms, ${Math.round(m.rps)} req/s, ${m.errors} errors, ${m.non2xx} non-2xx (${m.statuses}); ` +
    `${m.uploads} uploads (${m.uploadFailures} failed), ${m.progress} progress records (${m.progressFailures} failed); RSS max ${m.rssMaxMb.toFixed(0)} MB, mean ${m.rssMeanMb.toFixed(0)} MB`);
  for (const f of m.failures) line('  a write failed', f);
  return m;
}

// 3. In headless Chromium: the province view the page opens on (a node per jurisdiction), the
// busiest city opened in it with a click, and the busiest city's own network: what the page
// fetches, and its first render.
let render = 'not measured';
let payload = api.get('jurisdictionGraph')!.bytes;
let province = 'not measured';
if (!existsSync(join(WEB_DIR, 'index.html'))) {
  line('network first render', 'not measured: no web build (npm run build)');
} else {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const graphqlBytes = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql'))
      .reduce((n, e) => n + (e as unknown as { decodedBodySize: number }).decodedBodySize, 0)); // uncompressed
    const ready = () => page.waitForSelector('[data-testid="network"][data-ready="1"]', { timeout: 60_000 }).then(() => true, () => false);
    const count = async (testId: string) => Number(await page.getByTestId(testId).textContent({ timeout: 5_000 }).then((t) => /\d+/.exec(t ?? '')?.[0] ?? 0, () => 0));

    // The province view, then a click on the busiest city's node.
    await page.goto(`${app.url}/?view=network`);
    if (await ready()) {
      const openMs = await page.evaluate(() => performance.now());
      const openBytes = await graphqlBytes();
      const jurisdictions = await count('jurisdiction-count');
      const click = async (node: string) => {
        const box = (await page.getByTestId('network').boundingBox())!;
        const at = await page.evaluate((id) => (globalThis as any).__cy.getElementById(id).renderedPosition() as { x: number; y: number }, node);
        await page.mouse.click(box.x + at.x, box.y + at.y);
      };
      // Nationally the page opens on a node per province: the busiest city's province is opened first.
      let provinceOpen = '';
      if (NATIONAL) {
        const t = performance.now();
        await click(`j:${PROVINCE}`);
        const shown = await page.waitForFunction((id) => (globalThis as any).__cy.getElementById(id).length > 0, `j:${J}`, { timeout: 60_000 }).then(() => ready(), () => false);
        const cities = await page.evaluate(() => (globalThis as any).__cy.nodes('[type="jurisdiction"]').length as number);
        provinceOpen = `; a click on ${PROVINCE} draws ${cities} jurisdictions in ${shown ? `${Math.round(performance.now() - t)} ms` : 'never (60 s)'}`;
      }
      const t = performance.now();
      await click(`j:${J}`);
      const opened = await page.waitForFunction(() => (globalThis as any).__cy.nodes('[type="unit"]').length > 0, undefined, { timeout: 60_000 }).then(() => ready(), () => false);
      const units = await page.evaluate(() => (globalThis as any).__cy.nodes('[type="unit"]').length as number);
      const clickMs = performance.now() - t;
      const drawnAs = NATIONAL ? 'provinces' : 'jurisdictions';
      province = `${jurisdictions} ${drawnAs} in ${Math.round(openMs)} ms, ${(openBytes / 1024).toFixed(0)}KB; open ${J} ${opened ? `${Math.round(clickMs)} ms` : 'failed'}`;
      line(`${NATIONAL ? 'national' : 'province'} view (browser)`, `first render ${Math.round(openMs)} ms after navigation, ${jurisdictions} ${drawnAs} drawn, ${(openBytes / 1024).toFixed(1)} KB of GraphQL answers${provinceOpen}; ` +
        `a click on ${J} draws its ${units} units in ${Math.round(clickMs)} ms, ${((await graphqlBytes() - openBytes) / 1024).toFixed(1)} KB more`);
    } else {
      line('province view (browser)', 'never drawn within 60 s');
    }

    const times: number[] = [];
    let bytesFetched = 0;
    let drawn = 0;
    for (let i = 0; i < 3; i++) {
      await page.goto(`${app.url}/?view=network&jurisdiction=${J}&run=${i}`);
      const ok = await ready();
      bytesFetched = await graphqlBytes();
      drawn = await count('unit-count');
      if (!ok) break;
      times.push(await page.evaluate(() => performance.now()));
    }
    times.sort((a, b) => a - b);
    payload = bytesFetched;
    render = times.length === 3 ? `${Math.round(times[1]!)} ms` : 'never (not drawn within 60 s)';
    line('network of the busiest city (browser)', `first render ${render}${times.length === 3 ? ' after navigation (median of 3)' : ''}, ${drawn} of its ${busiest!.units as number} units drawn, ${(bytesFetched / 1024).toFixed(1)} KB of GraphQL answers fetched`);
  } finally {
    await browser.close();
  }
}
const rss = app.rss();
await app.close();
line('memory', `RSS ${(rss / 1048576).toFixed(0)} MB: the app serving the store; ${(benchRss / 1048576).toFixed(0)} MB: this process after extracting and loading`);
removeStore();
if (KEPT) line('store kept', dir);

// 4. Neo4j: NEO4J_URI's, or a local one started for the run (bench/neo4j-for-bench.ts).
const neo4j = args.values['no-neo4j'] ? null : await benchNeo4j({ heap: '4g', pagecache: '1g' });
if (neo4j) {
  try {
    const neo = await openStore(loadConfig({ ...neo4j.env, LOG_LEVEL: 'silent' }));
    await emptyStore(neo);
    await loadTwice('neo4j', neo);
    await neo.close();
    mkdirSync(dir, { recursive: true });
    await new AccountStore(dir).add(MIXED_EDITOR.name, 'editor', MIXED_EDITOR.password);
    const neoApp = await serve({ ...neo4j.env, INGEST_TOKEN: MIXED_TOKEN, ...KEEP });
    await questions('neo4j: questions over HTTP (the app in its own process)', neoApp);
    await mixedRun('neo4j', neoApp);
    await neoApp.close();
  } finally {
    await neo4j.stop();
  }
}

const f = (name: string) => api.get(name)!;
console.log(`SUMMARY plans=${PLANS}${NATIONAL ? ' (national)' : ''}${args.values['no-keep'] ? ' (nothing kept)' : args.values['keep-reads'] ? ' (reads kept, no answers)' : ''} tasks=${tasks} assignments=${assignments} units=${result.units.length} store=${(storeBytes / 1e6).toFixed(0)}MB extract=${mbps.toFixed(2)}MB/s load=${secs(loadFigures.loadMs)} (${Math.round(loadFigures.rows / (loadFigures.loadMs / 1000))} rows/s) ` +
  `again=${secs(loadFigures.againMs)} ${loadFigures.same ? 'unchanged' : 'CHANGED'} | p99: unit{leads}=${f('unit { leads }').p99}ms overloadedUnits=${f('overloadedUnits').p99}ms ` +
  `cooperationLinks=${f('cooperationLinks').p99}ms timeline=${f('timeline').p99}ms search=${f('search').p99}ms | mixed p99=${mixed.p99}ms errors=${mixed.errors + mixed.non2xx} | ${NATIONAL ? 'national' : 'province'} view ${province} | city network ${(payload / 1024).toFixed(0)}KB render ${render} | rss=${(rss / 1048576).toFixed(0)}MB | total ${secs(performance.now() - t00)}`);
