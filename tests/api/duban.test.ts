/**
 * 督办 (issue 22, item 4) on both stores, on the ledger fixture (deadlines by hand in
 * tests/support/ledger-fixture.ts). At ASOF 2024-06-15, 30-day window, no progress:
 * 市商务局 is responsible for 一.1 (due 06-30: AT_RISK), leads 一.2 (due 03-31: OVERDUE) and
 * supports 一.3 (due 12-31: ON_TRACK); 市发改委 leads 一.1 and 一.3 and is responsible for 一.4 (长期坚持).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sync as icalSync, type VEvent } from 'node-ical';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLedgerApp } from '../support/ledger-app';
import { ASOF, FIXTURE_ID } from '../support/ledger-fixture';
import { Browser, dataDirWith } from '../support/session';
import { stores } from '../support/stores';

const SHANGWU = '430200:市商务局';
const FAGAI = '430200:市发展和改革委员会';
const OWED = `query($u: ID!) { unit(id: $u) { name owed(asOf: "${ASOF}") { task { ref } role dueDate light { light zh } latestProgress { date state text } } } }`;

/** The text of word/document.xml in a .docx. */
function documentXml(bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2 || !s) return reject(err2);
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
        });
      });
      zip.on('end', () => reject(new Error('no word/document.xml')));
      zip.readEntry();
    });
  });
}

describe.each(stores())('督办: what each unit owes ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  let editor: Browser;
  beforeAll(async () => {
    app = await startLedgerApp({ store, dataDir: await dataDirWith([['eddie', 'editor']]) });
    editor = new Browser(app.url);
    await editor.login('eddie');
  });
  afterAll(async () => app?.close());

  it('lists a unit\'s open tasks red first, the oldest overdue first, and drops what it reported done', async () => {
    const r = await editor.gql(OWED, { u: SHANGWU });
    expect(r.errors).toBeUndefined();
    expect(r.data.unit.owed.map((o: any) => [o.task.ref, o.role, o.dueDate, o.light.light])).toEqual([
      ['一.2', 'LEAD', '2024-03-31', 'OVERDUE'], ['一.1', 'RESPONSIBLE', '2024-06-30', 'AT_RISK'], ['一.3', 'PARTICIPANT', '2024-12-31', 'ON_TRACK'],
    ]);
    const f = await editor.gql(OWED, { u: FAGAI });
    expect(f.data.unit.owed.map((o: any) => [o.task.ref, o.light.light])).toEqual([['一.1', 'AT_RISK'], ['一.3', 'ON_TRACK'], ['一.4', 'NO_DEADLINE']]);

    const add = await editor.gql(`mutation { a: addProgress(task: "${FIXTURE_ID}:一.2", date: "2024-05-01", state: DONE, text: "配送体系建成", unit: "${SHANGWU}") { id }
      b: addProgress(task: "${FIXTURE_ID}:一.1", date: "2024-06-01", state: BEHIND, text: "征地未完成") { id } }`);
    expect(add.errors).toBeUndefined();
    const after = await editor.gql(OWED, { u: SHANGWU });
    expect(after.data.unit.owed.map((o: any) => [o.task.ref, o.light.light, o.latestProgress?.text ?? null])).toEqual([
      ['一.1', 'AT_RISK', '征地未完成'], ['一.3', 'ON_TRACK', null],
    ]);
    expect(after.data.unit.owed[0].light.zh).toBe('2024-06-01报告进展滞后');
  });

  it('.ics: every deadline of the unit\'s open dated tasks, read back by an iCalendar parser', async () => {
    const res = await fetch(`${app.url}/export/units/${encodeURIComponent(FAGAI)}/deadlines.ics?asOf=${ASOF}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = Object.values(icalSync.parseICS(await res.text())).filter((e) => e?.type === 'VEVENT') as VEvent[];
    // 市发改委's dated open tasks: 一.1 (2024-06-30, now BEHIND) and 一.3 (2024-12-31); 一.4 has no date.
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(events.map((e) => [day(e.start), e.datetype, String(e.summary)]).sort()).toEqual([
      ['2024-06-30', 'date', '【预警】一.1 建设综合货运枢纽'], ['2024-12-31', 'date', '【正常推进】一.3 发展多式联运'],
    ]);
    expect(String(events.find((e) => day(e.start) === '2024-06-30')!.description)).toContain('最新进展（2024-06-01 滞后）：征地未完成');
    expect((await fetch(`${app.url}/export/units/430200%3A%E6%97%A0%E6%AD%A4%E5%8D%95%E4%BD%8D/deadlines.ics`)).status).toBe(404);
  });

  it('督办单 .docx: one page per unit, opened by LibreOffice', async () => {
    const res = await fetch(`${app.url}/export/duban.docx?unit=${encodeURIComponent(SHANGWU)}&unit=${encodeURIComponent(FAGAI)}&asOf=${ASOF}`);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    const xml = await documentXml(bytes);
    // One section per unit (each starts a page), in the order asked.
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(xml.indexOf('承办单位：市商务局')).toBeGreaterThan(0);
    expect(xml.indexOf('承办单位：市发展和改革委员会')).toBeGreaterThan(xml.indexOf('承办单位：市商务局'));
    expect(xml).toContain('未办结任务 2 项：逾期 0 项，预警 1 项。'); // 市商务局 after its DONE: 一.1 (BEHIND), 一.3
    expect(xml).toContain('未办结任务 3 项：逾期 0 项，预警 1 项。'); // 市发改委: 一.1, 一.3, 一.4
    const dir = mkdtempSync(join(tmpdir(), 'duban-'));
    writeFileSync(join(dir, 'duban.docx'), bytes);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'duban.docx')], { stdio: 'ignore', timeout: 120_000 });
    // The pages as LibreOffice lays them out, counted by pdf.js (no poppler on these machines).
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(dir, 'duban.pdf'))) }).promise;
    expect(pdf.numPages).toBe(2);
    const pageText = async (n: number) => ((await (await pdf.getPage(n)).getTextContent()).items as Array<{ str?: string }>).map((i) => i.str ?? '').join('');
    expect(await pageText(1)).toContain('承办单位：市商务局');
    expect(await pageText(2)).toContain('承办单位：市发展和改革委员会');
    mkdirSync(join(import.meta.dirname, '../../test-output/screenshots'), { recursive: true });
    if (store.name === 'Kuzu') copyFileSync(join(dir, 'duban.pdf'), join(import.meta.dirname, '../../test-output/screenshots/duban.pdf'));
    const bad = await fetch(`${app.url}/export/duban.docx?jurisdiction=zz`);
    expect(bad.status).toBe(400);
    expect(readFileSync(join(dir, 'duban.pdf')).subarray(0, 4).toString()).toBe('%PDF');
  }, 180_000);
});
