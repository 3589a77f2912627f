/**
 * Uploads cannot take the server down (issue 24): an oversized plan is refused with its limit, a
 * file that needs too much memory kills only its reader process, a full reader pool answers 503,
 * and a full disk answers 507 and leaves the store as it was — over real HTTP, embedded store.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../server/app';
import { MAX_FILE_BYTES } from '../../server/extract/decode';
import { loadConfig } from '../../server/config';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { read } from '../../server/graph/queries';
import { miniDocx, para, zip } from '../ingest/zip-writer';
import { HENGYANG_PLAN, INGEST_TOKEN } from '../api/helpers';

const env = (extra: Record<string, string> = {}) =>
  loadConfig({ PORT: '0', HOST: '127.0.0.1', INGEST_TOKEN, LOG_LEVEL: 'silent', ...extra });

async function upload(url: string, files: Array<{ name: string; bytes: Buffer }>) {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)]), f.name);
  const res = await fetch(`${url}/api/documents`, { method: 'POST', headers: { authorization: `Bearer ${INGEST_TOKEN}` }, body: form });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { files: Array<{ ok: boolean; code?: string; error?: string; tasks?: number }> } };
}

/** Resident memory of a process and its children, in MB (from /proc). */
function treeRssMb(pid: number): number {
  const kb = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  let total = kb(pid);
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += kb(Number(child));
  } catch { /* a child that ended meanwhile */ }
  return total / 1024;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A plan of 64,000 tasks, each with its note: 10 parts × 10 sections × 640 items (9 MB, under the 10 MB limit for one file). */
function hugePlan(): string {
  const lines = ['某市超大行动方案'];
  for (const p of CN) {
    lines.push(`${p}、重点任务`);
    for (const s of CN) {
      lines.push(`(${s})重点领域`);
      for (let i = 1; i <= 640; i++) lines.push(`${i}. 推进第${i}项重点工作，完善配套政策措施，加强督促检查和考核评估。(市发展改革委牵头,市财政局配合)`);
    }
  }
  return lines.join('\n');
}

describe('upload limits', () => {
  let app: App;
  let store: KuzuStore;
  beforeAll(async () => {
    store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'limits-')), 'graph.kuzu'));
    await store.ensureSchema();
    app = await startApp(env({ READER_PROCESSES: '2', READER_QUEUE: '16', READER_RSS_MB: '400' }), { store, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('refuses a 10 MB plan of 64,000 tasks with the limit, without writing (and within a minute)', async () => {
    const text = hugePlan();
    expect(Buffer.byteLength(text)).toBeGreaterThan(8 * 1024 * 1024);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_FILE_BYTES);
    const before = (await store.run(read('stats')))[0];
    const t0 = Date.now();
    const r = await upload(app.url, [{ name: 'huge.txt', bytes: Buffer.from(text) }]);
    const ms = Date.now() - t0;
    console.log(`10 MB plan of 64,000 tasks: answered ${r.status} in ${ms} ms`);
    expect(r.status).toBe(422);
    // Whichever limit it meets first: the reader's memory or time, or the tasks in one document.
    expect(r.body.files[0]!.code).toMatch(/TOO_MANY_TASKS|UNREADABLE/);
    expect(r.body.files[0]!.error).toMatch(/over the limit of 5,000 for one document|took over 30 s|needed over 400 MB of memory/);
    expect(ms).toBeLessThan(60_000);
    expect((await store.run(read('stats')))[0]).toEqual(before);
  }, 120_000);

  it('reads 8 worst-case uploads at once (a 100 MB shared-strings part each) with the memory bounded, then still serves', async () => {
    // Real XML that inflates 60:1, under the zip bomb ratio, so the reader has to parse it.
    const strings = Array.from({ length: 1_000_000 }, (_, i) => `<si><t>第${i}项任务</t></si>`).join('');
    const sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';
    const xlsx = zip([
      { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: 'xl/workbook.xml', data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="任务" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>` },
    ]);
    let peak = 0;
    const watch = setInterval(() => { peak = Math.max(peak, treeRssMb(process.pid)); }, 50);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(app.url, [{ name: `worst-${i}.xlsx`, bytes: xlsx }])));
    clearInterval(watch);
    console.log(`8 worst-case uploads (${(xlsx.length / 1048576).toFixed(1)} MB each): peak RSS of the test process and the server's readers ${Math.round(peak)} MB`);
    for (const a of answers) {
      expect(a.status).toBe(422);
      expect(a.body.files[0]!.error).toMatch(/needed over 400 MB of memory|needed over its memory limit|has no tasks/);
    }
    // This process holds the app, the store and the test; its readers at most 2 × 400 MB.
    expect(peak).toBeLessThan(4096);
    const r = await upload(app.url, [{ name: 'hengyang.txt', bytes: Buffer.from(HENGYANG_PLAN) }]);
    expect(r.status).toBe(200);
  }, 300_000);

  it('answers 503 BUSY with Retry-After when every reader is taken and the queue is full', async () => {
    const busy = await startApp(env({ READER_PROCESSES: '1', READER_QUEUE: '0' }), { store, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
    try {
      const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => upload(busy.url, [{ name: `busy-${i}.txt`, bytes: Buffer.from(HENGYANG_PLAN) }])));
      const refused = answers.filter((a) => a.status === 503);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const a of refused) {
        expect(a.retryAfter).toBe('5');
        expect(a.body.files[0]!.code).toBe('BUSY');
      }
      expect(answers.some((a) => a.status === 200)).toBe(true);
    } finally {
      await busy.close();
    }
  }, 120_000);
});

/**
 * A filesystem of 24 MB (tmpfs, mounted as root or through sudo: CI has either) holding DATA_DIR.
 * Without a way to mount one the test fails and says so: it is never skipped.
 */
describe('a full disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'full-disk-'));
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (cmd: string[]) => execFileSync(cmd[0]!, cmd.slice(1), { stdio: 'pipe' });
  let app: App;
  let store: KuzuStore;

  beforeAll(async () => {
    try {
      run([...sudo, 'mount', '-t', 'tmpfs', '-o', `size=24m,uid=${process.getuid?.() ?? 0}`, 'tmpfs', dir]);
    } catch (err) {
      throw new Error(`this test mounts a 24 MB tmpfs and needs root or password-less sudo: ${(err as Error).message}`);
    }
    mkdirSync(join(dir, 'data'));
    store = new KuzuStore(join(dir, 'data', 'graph.kuzu'), { minFreeBytes: 16 * 1024 * 1024 });
    await store.ensureSchema();
    app = await startApp(env(), { store, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    try { run([...sudo, 'umount', dir]); } catch { /* not mounted */ }
  });

  it('refuses uploads with 507 STORAGE_FULL naming DATA_DIR, keeps serving reads, and /healthz reports the disk', async () => {
    // Fill the filesystem until less than the 16 MB a write needs is left.
    run(['dd', 'if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=1M', 'count=12', 'status=none']);
    const before = (await store.run(read('stats')))[0];
    const r = await upload(app.url, [{ name: 'hengyang.txt', bytes: Buffer.from(HENGYANG_PLAN) }]);
    expect(r.status).toBe(507);
    expect(r.body.files[0]!.code).toBe('STORAGE_FULL');
    expect(r.body.files[0]!.error).toMatch(new RegExp(`the disk holding DATA_DIR \\(${join(dir, 'data')}\\) has [\\d.]+ MB free, under the 16 MB a write may need`));
    // Nothing written; reads answer; the health check names the disk as full.
    expect((await store.run(read('stats')))[0]).toEqual(before);
    const q = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { documents } }' }) });
    expect(q.status).toBe(200);
    expect(((await q.json()) as { data: { stats: { documents: number } } }).data.stats.documents).toBe(Number(before!.documents));
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { disk: { full: boolean; freeBytes: number } };
    expect(health.disk.full).toBe(true);
  });
});
