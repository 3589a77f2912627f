/**
 * Progress records and lights over real HTTP on both stores, on the ledger fixture (株洲's plan,
 * deadlines by hand in tests/support/ledger-fixture.ts). At ASOF 2024-06-15 with the 30-day
 * window and no progress: 一.1 (due 2024-06-30) is AT_RISK, 一.2 (due 2024-03-31) OVERDUE,
 * 一.3 (due 2024-12-31) ON_TRACK, 一.4 (长期坚持) and 一.5 (none) NO_DEADLINE.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExtraction } from '../../server/graph/loader';
import { startLedgerApp } from '../support/ledger-app';
import { ASOF, FIXTURE_ID, fixtureExtraction } from '../support/ledger-fixture';
import { Browser, dataDirWith } from '../support/session';
import { stores } from '../support/stores';

const F = (ref: string) => `${FIXTURE_ID}:${ref}`;
const LIGHTS = `{ tasks(filter: { document: "${FIXTURE_ID}" }) { ref light(asOf: "${ASOF}") { light zh } } }`;
const ADD = `mutation($task: ID!, $date: Date!, $state: ProgressState!, $text: String!, $unit: ID) {
  addProgress(task: $task, date: $date, state: $state, text: $text, unit: $unit) { id date state text source by unitName task { ref } } }`;

describe.each(stores())('API: progress and lights ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  let dataDir: string;
  let editor: Browser;
  let viewer: Browser;
  beforeAll(async () => {
    dataDir = await dataDirWith([['eddie', 'editor'], ['vera', 'viewer']]);
    app = await startLedgerApp({ store, dataDir });
    editor = new Browser(app.url);
    viewer = new Browser(app.url);
    expect((await editor.login('eddie')).status).toBe(200);
    expect((await viewer.login('vera')).status).toBe(200);
  });
  afterAll(async () => app?.close());

  const post = (b: Browser, fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array }> = []) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('file', new Blob([f.bytes]), f.name);
    return b.fetch('/api/progress', { method: 'POST', body: form });
  };

  it('without progress, the lights come from the deadline alone', async () => {
    const r = await viewer.gql(LIGHTS);
    expect(r.errors).toBeUndefined();
    expect(r.data.tasks.map((t: any) => [t.ref, t.light.light])).toEqual([
      ['一.1', 'AT_RISK'], ['一.2', 'OVERDUE'], ['一.3', 'ON_TRACK'], ['一.4', 'NO_DEADLINE'], ['一.5', 'NO_DEADLINE'],
    ]);
    expect(r.data.tasks[0].light.zh).toBe('15天后（2024-06-30）到期，未报告进展');
    expect(r.data.tasks[1].light.zh).toBe('完成时限2024-03-31已过76天，未报告进展'); // 30 (to Apr 30) + 31 (May) + 15 = 76
  });

  it('a viewer reads progress but cannot add it', async () => {
    const add = await viewer.gql(ADD, { task: F('一.1'), date: '2024-06-10', state: 'IN_PROGRESS', text: '主体工程完成60%' });
    expect(add.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await post(viewer, { task: F('一.1'), date: '2024-06-10', state: 'IN_PROGRESS', text: 'x' });
    expect(res.status).toBe(403);
    const read = await viewer.gql(`{ task(id: "${F('一.1')}") { progress { id } latestProgress { id } } }`);
    expect(read.data.task).toEqual({ progress: [], latestProgress: null });
  });

  it('an editor records progress with a file; the light turns green; the file downloads; the audit log has it', async () => {
    const evidence = Buffer.from('九华物流园一期主体工程形象进度照片（测试文件）', 'utf8');
    const res = await post(editor, { task: F('一.1'), date: '2024-06-10', state: 'IN_PROGRESS', text: '主体工程完成60%' }, [{ name: '佐证材料.txt', bytes: evidence }]);
    expect(res.status).toBe(201);
    const made = ((await res.json()) as any).progress;
    expect(made).toMatchObject({ taskId: F('一.1'), date: '2024-06-10', state: 'IN_PROGRESS', source: 'editor', by: 'eddie', attachments: [{ n: 1, name: '佐证材料.txt', bytes: evidence.length }] });
    const file = await viewer.fetch(made.attachments[0].url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(encodeURIComponent('佐证材料.txt'));
    expect(Buffer.from(await file.arrayBuffer()).equals(evidence)).toBe(true);
    // The same question as before, answered anew: the answer cache knows progress changed.
    const r = await viewer.gql(LIGHTS);
    expect(r.data.tasks[0].light).toEqual({ light: 'ON_TRACK', zh: '2024-06-10报告“推进中”，2024-06-30到期' });
    const t = await viewer.gql(`{ task(id: "${F('一.1')}") { latestProgress(asOf: "${ASOF}") { text by attachments { name url } } earlier: latestProgress(asOf: "2024-06-09") { id } } }`);
    expect(t.data.task.latestProgress).toMatchObject({ text: '主体工程完成60%', by: 'eddie', attachments: [{ name: '佐证材料.txt' }] });
    expect(t.data.task.earlier).toBeNull();
    const audit = readFileSync(join(dataDir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.filter((e) => e.action === 'add-progress')).toEqual([
      expect.objectContaining({ who: 'eddie', target: F('一.1'), note: made.id, after: expect.objectContaining({ state: 'IN_PROGRESS', files: ['佐证材料.txt'] }) }),
    ]);
  });

  it('DONE after the date turns an overdue task green, in the timeline and the ledger alike', async () => {
    const add = await editor.gql(ADD, { task: F('一.2'), date: '2024-04-20', state: 'DONE', text: '三级物流配送体系建成', unit: '430200:市商务局' });
    expect(add.errors).toBeUndefined();
    expect(add.data.addProgress).toMatchObject({ state: 'DONE', source: 'editor', by: 'eddie', unitName: '市商务局', task: { ref: '一.2' } });
    const tl = await viewer.gql(`{ timeline(from: "2024-01-01", to: "2024-12-31", jurisdiction: "430200", asOf: "${ASOF}") { entries { task { ref } status light { light } } } }`);
    expect(tl.errors).toBeUndefined();
    const entries = tl.data.timeline.flatMap((b: any) => b.entries).filter((e: any) => ['一.1', '一.2', '一.3'].includes(e.task.ref));
    expect(entries.map((e: any) => [e.task.ref, e.status, e.light.light])).toEqual([
      ['一.2', 'PAST_DUE', 'DONE'], ['一.1', 'DUE_SOON', 'ON_TRACK'], ['一.3', 'LATER', 'ON_TRACK'],
    ]);
    // The ledger's rows of 一.2: 市商务局's own record makes its row DONE; the others' rows have no record of theirs.
    const lg = await viewer.gql(`{ ledger(filter: { document: "${FIXTURE_ID}" }, asOf: "${ASOF}") { ref unitName light { light } progressState progressDate progressText } }`);
    expect(lg.errors).toBeUndefined();
    const rows = lg.data.ledger.filter((r: any) => r.ref === '一.2');
    expect(rows.map((r: any) => [r.unitName, r.light.light, r.progressState])).toEqual([['市商务局', 'DONE', 'DONE'], ['市邮政管理局', 'OVERDUE', null], ['市财政局', 'OVERDUE', null]]);
    // 一.1's record names no unit: it speaks for each of its rows.
    expect(lg.data.ledger.filter((r: any) => r.ref === '一.1').map((r: any) => [r.light.light, r.progressDate, r.progressText])).toEqual(
      Array(3).fill(['ON_TRACK', '2024-06-10', '主体工程完成60%']));
  });

  it('the ledger export carries the light and the latest progress at the end of each row', async () => {
    const res = await fetch(`${app.url}/export/ledger.xlsx?document=${FIXTURE_ID}&asOf=${ASOF}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('台账')!;
    const values = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    expect(values(1).slice(12)).toEqual(['灯号', '灯号说明', '最新进展', '进展日期', '进展情况']);
    // Row 2: 一.1 市发展和改革委员会; row 5: 一.2 市商务局 (the fixture's order).
    expect(values(2).slice(10, 17)).toEqual(['即将到期', '(牵头单位:市发改委;责任单位:市交通运输局、市商务局)', '正常推进', '2024-06-10报告“推进中”，2024-06-30到期', '推进中', new Date('2024-06-10T00:00:00Z'), '主体工程完成60%']);
    expect(values(5).slice(5, 6).concat(values(5).slice(12, 17))).toEqual(['市商务局', '已完成', '2024-04-20报告已完成', '已完成', new Date('2024-04-20T00:00:00Z'), '三级物流配送体系建成']);
    expect(values(6).slice(12, 14)).toEqual(['逾期', '完成时限2024-03-31已过76天，未报告进展']);
    expect((ws.getRow(6).getCell(13).fill as ExcelJS.FillPattern).fgColor!.argb).toBe('FFF4B6B6');
  });

  it('refuses bad input, saying what to change, and records nothing', async () => {
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [{ task: F('一.3'), date: '2024-06-10', state: 'FINISHED', text: 'x' }, 400, /state must be one of NOT_STARTED/],
      [{ task: F('一.3'), date: '2999-01-01', state: 'DONE', text: 'x' }, 400, /in the future/],
      [{ task: F('一.3'), date: '2024-02-30', state: 'DONE', text: 'x' }, 400, /YYYY-MM-DD/],
      [{ task: F('一.3'), date: '2024-06-10', state: 'DONE', text: ' ' }, 400, /text is empty/],
      [{ task: F('九.9'), date: '2024-06-10', state: 'DONE', text: 'x' }, 400, /there is no task/],
      [{ task: F('一.3'), date: '2024-06-10', state: 'DONE', text: 'x', unit: '430200:市人社局' }, 400, /not one of task 一.3's units/],
    ];
    for (const [fields, status, msg] of cases) {
      const res = await post(editor, fields);
      expect(res.status, JSON.stringify(fields)).toBe(status);
      expect(((await res.json()) as any).error.message).toMatch(msg);
    }
    const big = await post(editor, { task: F('一.3'), date: '2024-06-10', state: 'DONE', text: 'x' }, [{ name: 'big.bin', bytes: new Uint8Array(10 * 1024 * 1024 + 1) }]);
    expect(big.status).toBe(413);
    // Without the CSRF token a session may not write.
    const form = new FormData();
    for (const [k, v] of Object.entries({ task: F('一.3'), date: '2024-06-10', state: 'DONE', text: 'x' })) form.append(k, v);
    expect((await editor.fetch('/api/progress', { method: 'POST', body: form, csrf: false })).status).toBe(403);
    const left = await viewer.gql(`{ task(id: "${F('一.3')}") { progress { id } } }`);
    expect(left.data.task.progress).toEqual([]);
  });

  it('progress survives loading the document again (its tasks keep their ids)', async () => {
    await loadExtraction(app.graph, fixtureExtraction());
    const fresh = new Browser(app.url);
    const r = await fresh.gql(`{ a: task(id: "${F('一.1')}") { progress { state text reworded } light(asOf: "${ASOF}") { light } }
      b: task(id: "${F('一.2')}") { light(asOf: "${ASOF}") { light } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.a).toEqual({ progress: [{ state: 'IN_PROGRESS', text: '主体工程完成60%', reworded: false }], light: { light: 'ON_TRACK' } });
    expect(r.data.b.light.light).toBe('DONE');
    const all = await fresh.gql('{ progressRecords { taskId state task { ref } } }');
    expect(all.data.progressRecords.map((p: any) => [p.task.ref, p.state])).toEqual([['一.1', 'IN_PROGRESS'], ['一.2', 'DONE']]);
  });
});
