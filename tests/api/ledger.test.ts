/**
 * Deadlines, status, leaders, the timeline, load by due window, the ledger and its Excel export,
 * over real HTTP on the embedded store loaded with the seeds and the ledger fixture (株洲's plan,
 * whose deadlines and leaders are set by hand from its text: tests/support/ledger-fixture.ts).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLedgerApp } from '../support/ledger-app';
import { ASOF, FIXTURE_ID } from '../support/ledger-fixture';
import { gql } from './helpers';
import { stores } from '../support/stores';

const F = (ref: string) => `${FIXTURE_ID}:${ref}`;

describe.each(stores())('API: deadlines, status and leaders ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  beforeAll(async () => {
    app = await startLedgerApp({ store });
  });
  afterAll(async () => app?.close());

  it('each of the five statuses at a fixed date', async () => {
    const r = await gql(app.url, `{ tasks(filter: { document: "${FIXTURE_ID}" }) { ref deadline { text date kind }
      status(asOf: "${ASOF}") narrow: status(asOf: "${ASOF}", soonDays: 10) } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.tasks.map((t: any) => [t.ref, t.deadline?.date ?? null, t.status])).toEqual([
      ['一.1', '2024-06-30', 'DUE_SOON'], // 15 days after 2024-06-15
      ['一.2', '2024-03-31', 'PAST_DUE'],
      ['一.3', '2024-12-31', 'LATER'],
      ['一.4', null, 'ONGOING'], // 长期坚持
      ['一.5', null, 'NONE'], // no deadline stated
    ]);
    expect(r.data.tasks[0].deadline).toEqual({ text: '2024年6月底前', date: '2024-06-30', kind: 'DATE' });
    expect(r.data.tasks[3].deadline).toEqual({ text: '长期坚持', date: null, kind: 'ONGOING' });
    expect(r.data.tasks[4].deadline).toBeNull();
    // A 10-day window: 2024-06-30 is later than that.
    expect(r.data.tasks[0].narrow).toBe('LATER');
    // On the due date itself a task is due soon, the day after it is past due.
    const edge = await gql(app.url, `{ task(id: "${F('一.1')}") { on: status(asOf: "2024-06-30") after: status(asOf: "2024-07-01") } }`);
    expect(edge.data.task).toEqual({ on: 'DUE_SOON', after: 'PAST_DUE' });
  });

  it('refuses a date that is no day, saying how to write one', async () => {
    const r = await gql(app.url, `{ task(id: "${F('一.1')}") { status(asOf: "2024-02-30") } }`);
    expect(r.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(r.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it('leaders are people on their tasks, found by search, never units', async () => {
    const r = await gql(app.url, `{
      task(id: "${F('一.1')}") { leaders { id name post jurisdiction { name } tasks { ref } } }
      search(text: "刘惠") { leaders { id name } units { id } }
      units(filter: { jurisdiction: "430200" }, limit: 100) { id name }
      overloadedUnits(jurisdiction: "430200", by: TOTAL, top: 100) { unit { id } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.task.leaders).toEqual([{ id: '430200:刘惠', name: '刘惠', post: '副市长', jurisdiction: { name: '株洲市' }, tasks: [{ ref: '一.1' }, { ref: '一.2' }] }]);
    expect(r.data.search).toEqual({ leaders: [{ id: '430200:刘惠', name: '刘惠' }], units: [] });
    const unitNames = r.data.units.map((u: any) => u.name);
    expect(unitNames).toContain('市发展和改革委员会');
    expect(unitNames.filter((n: string) => n.includes('刘惠') || n.includes('王健'))).toEqual([]);
    expect(r.data.overloadedUnits.map((l: any) => l.unit.id)).not.toContain('430200:刘惠');
    const wang = await gql(app.url, '{ leader(id: "430200:王健") { name post tasks { ref } } }');
    expect(wang.data.leader).toEqual({ name: '王健', post: null, tasks: [{ ref: '一.3' }] });
  });
});

describe.each(stores())('API: timeline and load by due window ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  beforeAll(async () => {
    app = await startLedgerApp({ store });
  });
  afterAll(async () => app?.close());

  it('groups 株洲’s dated tasks by quarter and month, with status and leads', async () => {
    const r = await gql(app.url, `{
      q: timeline(jurisdiction: "430200", from: "2024-01-01", to: "2024-12-31", by: QUARTER, asOf: "${ASOF}") {
        period from to entries { task { ref } date status leads { name } } }
      m: timeline(jurisdiction: "430200", from: "2024-01-01", to: "2024-12-31", asOf: "${ASOF}") { period }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.q).toEqual([
      { period: '2024-Q1', from: '2024-01-01', to: '2024-03-31', entries: [{ task: { ref: '一.2' }, date: '2024-03-31', status: 'PAST_DUE', leads: [{ name: '市商务局' }] }] },
      { period: '2024-Q2', from: '2024-04-01', to: '2024-06-30', entries: [{ task: { ref: '一.1' }, date: '2024-06-30', status: 'DUE_SOON', leads: [{ name: '市发展和改革委员会' }] }] },
      { period: '2024-Q4', from: '2024-10-01', to: '2024-12-31', entries: [{ task: { ref: '一.3' }, date: '2024-12-31', status: 'LATER', leads: expect.arrayContaining([{ name: '市交通运输局' }, { name: '市发展和改革委员会' }]) }] },
    ]);
    expect(r.data.m.map((b: any) => b.period)).toEqual(['2024-03', '2024-06', '2024-12']);
  });

  it('filters the timeline by unit and role', async () => {
    const r = await gql(app.url, `{
      lead: timeline(from: "2024-01-01", to: "2024-12-31", unit: "430200:市商务局", role: LEAD) { entries { task { ref } } }
      any: timeline(from: "2024-01-01", to: "2024-12-31", unit: "430200:市商务局") { entries { task { ref } } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.lead.flatMap((b: any) => b.entries.map((e: any) => e.task.ref))).toEqual(['一.2']);
    expect(r.data.any.flatMap((b: any) => b.entries.map((e: any) => e.task.ref))).toEqual(['一.2', '一.1', '一.3']);
    const bad = await gql(app.url, '{ timeline(from: "2024-12-31", to: "2024-01-01") { period } }');
    expect(bad.errors?.[0]?.message).toMatch(/before it starts/);
  });

  it('the timeline says how many tasks it shows of how many, and why the rest are not shown', async () => {
    // 株洲's five tasks: 一.1 due 2024-06-30, 一.2 2024-03-31, 一.3 2024-12-31, 一.4 长期坚持, 一.5 no deadline.
    const r = await gql(app.url, `{
      c: timelineCoverage(jurisdiction: "430200", from: "2024-04-01", to: "2024-12-31") { tasks shown undated ongoing outside beyondLimit }
      t: timeline(jurisdiction: "430200", from: "2024-04-01", to: "2024-12-31") { entries { task { ref } } }
      one: timelineCoverage(jurisdiction: "430200", from: "2024-01-01", to: "2024-12-31", limit: 1) { shown beyondLimit }
      unit: timelineCoverage(from: "2024-01-01", to: "2024-12-31", unit: "430200:市商务局", role: LEAD) { tasks shown }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.c).toEqual({ tasks: 5, shown: 2, undated: 1, ongoing: 1, outside: 1, beyondLimit: 0 });
    expect(r.data.t.flatMap((b: any) => b.entries.map((e: any) => e.task.ref)).sort()).toEqual(['一.1', '一.3']);
    expect(r.data.one).toEqual({ shown: 1, beyondLimit: 2 });
    expect(r.data.unit).toEqual({ tasks: 1, shown: 1 }); // 市商务局 leads only 一.2
  });

  it('who carries the most tasks due in a window is one query', async () => {
    const r = await gql(app.url, `{
      q2: overloadedUnits(jurisdiction: "430200", by: TOTAL, top: 3, due: { from: "2024-04-01", to: "2024-06-30" }) { unit { name } lead responsible total }
      year: overloadedUnits(jurisdiction: "430200", by: LEAD, top: 1, due: { from: "2024-01-01", to: "2024-12-31" }) { unit { name } lead }
    }`);
    expect(r.errors).toBeUndefined();
    // Due in Q2: only item 1 (市发改委 leads; 市交通运输局 and 市商务局 are responsible).
    expect(r.data.q2.map((l: any) => [l.unit.name, l.lead, l.responsible, l.total])).toEqual([
      ['市交通运输局', 0, 1, 1], ['市发展和改革委员会', 1, 0, 1], ['市商务局', 0, 1, 1],
    ]);
    // Due in 2024: 市发改委 leads items 1 and 3.
    expect(r.data.year).toEqual([{ unit: { name: '市发展和改革委员会' }, lead: 2 }]);
  });
});

describe.each(stores())('API: the ledger and its Excel export ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startLedgerApp>>;
  beforeAll(async () => {
    app = await startLedgerApp({ store });
  });
  afterAll(async () => app?.close());

  const xlsx = async (query: string) => {
    const res = await fetch(`${app.url}/export/ledger.xlsx?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const disposition = res.headers.get('content-disposition') ?? '';
    return Object.assign(wb, { filename: decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '') });
  };
  const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

  it('one row per task and unit, with role, leaders, deadline and status', async () => {
    const r = await gql(app.url, `{ ledger(filter: { jurisdiction: "430200" }, asOf: "${ASOF}") {
      n ref unitName role leaders deadlineText deadlineDate status quote } }`);
    expect(r.errors).toBeUndefined();
    // The fixture's five notes name 3 + 3 + 3 + 2 + 2 units.
    expect(r.data.ledger).toHaveLength(13);
    expect(r.data.ledger[0]).toEqual({
      n: 1, ref: '一.1', unitName: '市发展和改革委员会', role: 'LEAD', leaders: ['刘惠(副市长)'], deadlineText: '2024年6月底前',
      deadlineDate: '2024-06-30', status: 'DUE_SOON', quote: '(牵头单位:市发改委;责任单位:市交通运输局、市商务局)',
    });
    expect(r.data.ledger.map((x: any) => x.status)).toEqual([
      ...Array(3).fill('DUE_SOON'), ...Array(3).fill('PAST_DUE'), ...Array(3).fill('LATER'), ...Array(2).fill('ONGOING'), ...Array(2).fill('NONE'),
    ]);
    // 一.3 has two leads, listed first, then 市商务局 (配合单位).
    expect(r.data.ledger.slice(6, 9).map((x: any) => [x.unitName, x.role])).toEqual([
      ['市交通运输局', 'LEAD'], ['市发展和改革委员会', 'LEAD'], ['市商务局', 'PARTICIPANT'],
    ]);
    const f = await gql(app.url, `{ past: ledger(filter: { jurisdiction: "430200", status: PAST_DUE }, asOf: "${ASOF}") { ref unitName }
      leads: ledger(filter: { document: "${FIXTURE_ID}", role: LEAD }) { ref unitName } }`);
    expect(f.data.past).toEqual([{ ref: '一.2', unitName: '市商务局' }, { ref: '一.2', unitName: '市邮政管理局' }, { ref: '一.2', unitName: '市财政局' }]);
    expect(f.data.leads.map((x: any) => x.ref)).toEqual(['一.1', '一.2', '一.3', '一.3', '一.4', '一.5']);
  });

  it('/export/ledger.xlsx: the same rows, Chinese headers, frozen and filtered, coloured statuses, real dates', async () => {
    const api = await gql(app.url, `{ ledger(filter: { jurisdiction: "430200" }, asOf: "${ASOF}") { ref unitName status deadlineDate } }`);
    const wb = await xlsx(`jurisdiction=430200&asOf=${ASOF}`);
    const ws = wb.getWorksheet('台账')!;
    expect(values(ws, 1)).toEqual(['序号', '辖区', '文件', '任务编号', '任务', '责任单位', '角色', '责任领导', '完成时限', '截止日期', '状态', '原文依据', '灯号', '灯号说明', '最新进展', '进展日期', '进展情况']);
    // Named after what it holds: the jurisdiction and the day statuses are reckoned from.
    expect(wb.filename).toBe(`台账-株洲市-${ASOF}.xlsx`);
    expect(ws.rowCount).toBe(1 + 13);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    for (let i = 0; i < 13; i++) {
      const row = values(ws, i + 2);
      expect([row[1], row[3], row[5]]).toEqual(['株洲市', api.data.ledger[i].ref, api.data.ledger[i].unitName]);
    }
    expect(values(ws, 2)).toEqual([
      1, '株洲市', '株洲市推进现代物流枢纽建设工作方案', '一.1', '建设综合货运枢纽', '市发展和改革委员会', '牵头', '刘惠(副市长)', '2024年6月底前',
      new Date('2024-06-30T00:00:00Z'), '即将到期', '(牵头单位:市发改委;责任单位:市交通运输局、市商务局)',
      // No progress recorded: due in 15 days with nothing reported is yellow (the progress cells stay empty).
      '预警', '15天后（2024-06-30）到期，未报告进展',
    ]);
    // Dates are Excel dates (not text), with a date format; no date is left empty.
    const due = ws.getRow(2).getCell(10);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(11).getCell(10).value).toBeNull(); // 一.4: 长期坚持
    // One fill colour per status, the same for every row of a status.
    const colour = new Map<string, Set<string>>();
    for (let r = 2; r <= 14; r++) {
      const cell = ws.getRow(r).getCell(11);
      const fill = cell.fill as ExcelJS.FillPattern;
      colour.set(String(cell.value), (colour.get(String(cell.value)) ?? new Set()).add(fill.fgColor!.argb!));
    }
    expect([...colour.keys()].sort()).toEqual(['即将到期', '已过期', '无时限', '未到期', '长期/定期'].sort());
    expect([...colour.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set([...colour.values()].map((s) => [...s][0])).size).toBe(5);
    expect(colour.get('已过期')).toEqual(new Set(['FFF4B6B6'])); // red
    expect(colour.get('即将到期')).toEqual(new Set(['FFFFE699'])); // yellow
    expect(colour.get('未到期')).toEqual(new Set(['FFC6EFCE'])); // green
    // Widths fit the text: the task column is wider than the number column.
    expect(ws.getColumn(5).width!).toBeGreaterThan(ws.getColumn(1).width!);
    // What the status means, in the workbook itself.
    expect(String(wb.getWorksheet('说明')!.getRow(1).getCell(1).value)).toMatch(/仅表示文件所定日期已过/);
  });

  it('filters like the page, and speaks English when asked', async () => {
    const wb = await xlsx(`jurisdiction=430200&unit=${encodeURIComponent('430200:市商务局')}&role=participant&asOf=${ASOF}&lang=en`);
    const ws = wb.getWorksheet('Ledger')!;
    expect(values(ws, 1)).toEqual(['No.', 'Jurisdiction', 'Document', 'Task ref', 'Task', 'Unit', 'Role', 'Leaders', 'Deadline (as written)', 'Due date', 'Status', 'Source note', 'Light', 'Why', 'Latest progress', 'Progress date', 'Progress']);
    expect(ws.rowCount).toBe(2);
    expect(values(ws, 2).slice(1, 11)).toEqual(['株洲市', '株洲市推进现代物流枢纽建设工作方案', '一.3', '发展多式联运', '市商务局', 'Supporting', '王健', '2024年底前', new Date('2024-12-31T00:00:00Z'), 'Later']);
    // unit + jurisdiction + filter + date, in the page's language.
    expect(wb.filename).toBe(`ledger-市商务局-株洲市-Supporting-${ASOF}.xlsx`);
    const past = await xlsx(`document=${FIXTURE_ID}&status=PAST_DUE&asOf=${ASOF}`);
    expect(past.getWorksheet('台账')!.rowCount).toBe(1 + 3);
  });

  it('a bad parameter is a 400 that says what to change', async () => {
    for (const [q, msg] of [['status=LATE', /status must be one of PAST_DUE/], ['asOf=2024-13-01', /YYYY-MM-DD/], ['jurisdiction=zz', /6-digit/], ['colour=red', /unknown parameter "colour"/], ['lang=fr', /zh or en/]] as const) {
      const res = await fetch(`${app.url}/export/ledger.xlsx?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as any).errors[0].message).toMatch(msg);
    }
  });
});
