/**
 * Whole answers are kept until the store is next written (server/api/response-cache.ts): a
 * question asked again after an upload must see the upload, and a kept answer costs the store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, INGEST_TOKEN, startTestApp } from './helpers';
import { stores } from '../support/stores';

const Q = '{ stats { documents } overloadedUnits(jurisdiction: "430200", by: LEAD, top: 1) { unit { name } lead } }';
const PLAN = '株洲市推进物流发展工作方案\n\n一、重点任务\n1.建设货运枢纽。(牵头单位:市发改委;责任单位:市商务局)\n2.完善配送网络。(牵头单位:市发改委;责任单位:市邮政管理局)\n';

describe.each(stores())('API: answers kept until the next write ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => app?.close());

  it('a question asked again is answered without the store; after an upload, afresh', async () => {
    const first = await gql(app.url, Q);
    expect(first.data.stats.documents).toBe(5);
    expect(first.data.overloadedUnits).toEqual([]); // no plan of 株洲 among the seeds
    const trips = app.graph.roundTrips;
    expect((await gql(app.url, Q)).data).toEqual(first.data);
    expect(app.graph.roundTrips).toBe(trips);

    const up = await gql(app.url, 'mutation($f: String!, $t: String!) { ingestDocument(filename: $f, text: $t) { status } }',
      { f: 'zhuzhou.txt', t: PLAN }, { authorization: `Bearer ${INGEST_TOKEN}` });
    expect(up.data.ingestDocument.status).toBe('ADDED');
    const after = await gql(app.url, Q);
    expect(after.data.stats.documents).toBe(6);
    // Both tasks are led by 株洲's 市发改委.
    expect(after.data.overloadedUnits).toEqual([{ unit: { name: '市发展和改革委员会' }, lead: 2 }]);
  });

  it('a kept answer is the same JSON, sent as JSON; a mutation is never kept', async () => {
    const ask = () => fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { tasks } }' }) });
    const [a, b] = [await ask(), await ask()];
    expect(b.headers.get('content-type')).toBe(a.headers.get('content-type'));
    expect(b.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await b.text()).toBe(await a.text());

    // The same upload twice: the second is answered by loading it again (REPLACED), not from a kept answer.
    const upload = () => gql(app.url, 'mutation($f: String!, $t: String!) { ingestDocument(filename: $f, text: $t) { status warnings } }',
      { f: 'zhuzhou2.txt', t: PLAN.replace('物流', '冷链') }, { authorization: `Bearer ${INGEST_TOKEN}` });
    expect((await upload()).data.ingestDocument.status).toBe('ADDED');
    const trips = app.graph.roundTrips;
    expect((await upload()).data.ingestDocument.status).toBe('REPLACED');
    expect(app.graph.roundTrips).toBeGreaterThan(trips);
  });
});

describe.each(stores())('API: the same question asked by many at once is answered once ($name)', (store) => {
  // One heavy question at a time and none waiting: twenty asking a heavy question each would be
  // refused BUSY but one; asking the same one, they wait for its answer instead.
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store, env: { MAX_HEAVY_READS: '1', MAX_QUEUED_HEAVY: '0' } });
  });
  afterAll(async () => app?.close());

  const HEAVY = '{ units(limit: 500) { id leads { task { id } } } }';

  it('twenty askers of one heavy question all get its answer, none BUSY', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => gql(app.url, HEAVY)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers[0]!.data.units.length).toBeGreaterThan(0);
    for (const a of answers) expect(a.data).toEqual(answers[0]!.data);
  });

  it('twenty askers of different heavy questions: one at a time, the rest refused BUSY (the gate holds)', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => gql(app.url, HEAVY.replace('500', String(480 + i)))));
    const busy = answers.filter((a) => a.errors?.[0]?.extensions?.code === 'BUSY');
    expect(busy.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200 && a.data?.units).length).toBeGreaterThan(0);
  });
});

describe.each(stores())('API: an upload forgets only the answers it can change ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => app?.close());

  const leadsOf = (id: string) => `{ unit(id: "${id}") { name leads { task { title document { title } } } } }`;
  const titles = (r: Awaited<ReturnType<typeof gql>>) => r.data.unit.leads.map((l: { task: { title: string } }) => l.task.title);
  const upload = (file: string, text: string) => gql(app.url, 'mutation($f: String!, $t: String!) { ingestDocument(filename: $f, text: $t) { status } }',
    { f: file, t: text }, { authorization: `Bearer ${INGEST_TOKEN}` });
  // Seed 000 (邵阳) names 市发展和改革委员会 as the lead of several tasks.
  const SHAOYANG = '430500:市发展和改革委员会';
  const ZHUZHOU = '430200:市发展和改革委员会';

  it('a plan of another city keeps the kept answer; one naming the unit refreshes it', async () => {
    const before = await gql(app.url, leadsOf(SHAOYANG));
    expect(before.data.unit.name).toBe('市发展和改革委员会');
    expect(titles(before).length).toBeGreaterThan(0);
    expect((await gql(app.url, leadsOf(ZHUZHOU))).data.unit).toBeNull();
    await gql(app.url, '{ stats { documents } }');

    // 邵阳's units, their counts and the tasks they share: read by jurisdiction.
    const city = '{ jurisdictionGraph(jurisdiction: "430500") { units { unit { id } total } shared { a b tasks } } overloadedUnits(jurisdiction: "430500", by: LEAD, top: 3) { unit { id } lead } timeline(jurisdiction: "430500", from: "2000-01-01", to: "2099-12-31", by: QUARTER) { period entries { date task { id } } } '
      + 'timelineCoverage(jurisdiction: "430500", from: "2000-01-01", to: "2099-12-31") { tasks shown undated } '
      + 'cooperationLinks(region: "430500") { to { id } count tasks { id } } }';
    const cityBefore = await gql(app.url, city);
    expect(cityBefore.data.jurisdictionGraph.units.length).toBeGreaterThan(0);

    expect((await upload('zhuzhou.txt', PLAN)).data.ingestDocument.status).toBe('ADDED');
    const trips = app.graph.roundTrips;
    expect((await gql(app.url, leadsOf(SHAOYANG))).data).toEqual(before.data);
    expect((await gql(app.url, city)).data).toEqual(cityBefore.data);
    expect(app.graph.roundTrips).toBe(trips); // kept: 株洲's plan names nothing of 邵阳's
    // The unit the upload created, and a count over everything, are answered afresh.
    const zhuzhou = await gql(app.url, leadsOf(ZHUZHOU));
    expect(titles(zhuzhou)).toEqual(['建设货运枢纽', '完善配送网络']);
    expect(zhuzhou.data.unit.leads[0].task.document.title).toBe('株洲市推进物流发展工作方案');
    expect((await gql(app.url, '{ stats { documents } }')).data.stats.documents).toBe(6);

    // Its second task names 粤港澳大湾区 (邵阳's strongest cooperation link, 25 tasks in the seeds).
    const shaoyang = '邵阳市冷链物流工作方案\n\n一、重点任务\n1.建设冷链仓储设施。(牵头单位:市发展和改革委员会;完成时限:2026年6月30日)\n2.对接粤港澳大湾区冷链市场。(牵头单位:市商务局)\n';
    expect((await upload('shaoyang.txt', shaoyang)).data.ingestDocument.status).toBe('ADDED');
    const after = await gql(app.url, leadsOf(SHAOYANG));
    expect(titles(after)).toEqual([...titles(before), '建设冷链仓储设施']);
    // Its count of tasks has grown by the one task.
    const cityAfter = await gql(app.url, city);
    const total = (r: Awaited<ReturnType<typeof gql>>) => r.data.jurisdictionGraph.units.find((u: { unit: { id: string } }) => u.unit.id === SHAOYANG).total;
    expect(total(cityAfter)).toBe(total(cityBefore) + 1);
    // 邵阳's timeline has the task due on 30 June 2026 besides what it had.
    const due = (r: Awaited<ReturnType<typeof gql>>) => (r.data.timeline as Array<{ entries: Array<{ date: string; task: { id: string } }> }>).flatMap((b) => b.entries.map((e) => `${e.date} ${e.task.id}`));
    expect(due(cityAfter)).toEqual([...due(cityBefore), '2026-06-30 shaoyang:一.1']);
    // …and its coverage counts the plan's two tasks: the dated one shown, the other undated.
    const { tasks, shown, undated } = cityBefore.data.timelineCoverage;
    expect(cityAfter.data.timelineCoverage).toEqual({ tasks: tasks + 2, shown: shown + 1, undated: undated + 1 });
    // Its link to 粤港澳大湾区 has the new task besides its 25.
    const gba = (r: Awaited<ReturnType<typeof gql>>) => (r.data.cooperationLinks as Array<{ to: { id: string }; count: number; tasks: Array<{ id: string }> }>).find((l) => l.to.id === 'area:粤港澳大湾区')!;
    expect(gba(cityBefore).count).toBe(25);
    expect(gba(cityAfter).count).toBe(26);
    expect(gba(cityAfter).tasks.map((t) => t.id)).toEqual([...gba(cityBefore).tasks.map((t) => t.id), 'shaoyang:一.2']);
  });
});
