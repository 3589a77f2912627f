/**
 * What every store must answer after loading the seeds, checked against the documents by hand.
 * Run on the embedded store always, and on Neo4j when NEO4J_URI is set.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byKeys } from '../../server/graph/values';
import { extract } from '../../server/extract/extract';
import { ensureTies } from '../../server/graph/analytics';
import { rowsByIds } from '../../server/graph/by-id';
import { loadExtraction } from '../../server/graph/loader';
import { load, read } from '../../server/graph/queries';
import type { GraphStore, QueryRunner, Row } from '../../server/graph/store';
import { seedFilesIn } from '../../server/seeds';
import { FIXTURE_ID, FIXTURE_TEXT, withFixture } from '../support/ledger-fixture';

export const seedExtraction = () => extract(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) })));

const D000 = '000_ac09c941922af47f';
const D001 = '001_5bed96e789233213';
const D002 = '002_a5635675dfd59e72';
const D003 = '003_62dda1c1c8aa5205';
const D004 = '004_ae2296e2f3e0d6ac';

export const SEED_STATS = {
  documents: 5, tasks: 83, units: 163, regions: 70, leads: 102, responsible: 332, participants: 48, mentions: 253, memberships: 41,
};

const ids = (rows: Row[], key = 'id') => rows.map((r) => r[key] as string);

/** `bulk`: the seeds go in through the store's bulk path (a first load of many documents) instead. */
export function describeStoreContract(name: string, open: () => Promise<GraphStore>, opts: { bulk?: boolean } = {}): void {
  describe(`${name}: read queries on the seeds${opts.bulk ? ', loaded in bulk' : ''}`, () => {
    let store: GraphStore;
    const q = (query: string, params: Record<string, unknown> = {}) => store.run(read(query), params);

    beforeAll(async () => {
      store = await open();
      await store.write((tx) => tx.run(load('delete-all')));
      const outcomes = await loadExtraction(store, seedExtraction(), undefined, { mode: opts.bulk ? 'bulk' : 'incremental' });
      expect(outcomes.map((o) => o.status)).toEqual(['added', 'added', 'added', 'added', 'added']);
    });
    afterAll(async () => store?.close());

    it('stats: counts match the extraction', async () => {
      expect((await q('stats'))[0]).toEqual(SEED_STATS);
      // The node counts alone (/healthz, the page's shell): the same four figures.
      const { documents, tasks, units, regions } = SEED_STATS;
      expect((await q('node-counts'))[0]).toEqual({ documents, tasks, units, regions });
    });

    it('documents: the five with their jurisdictions', async () => {
      const docs = await q('documents');
      expect(docs.map((d) => [d.id, d.jurisdictionName, d.kind])).toEqual([
        [D000, '邵阳市', 'plan'], [D001, '萍乡市', 'plan'], [D002, '湖南省', 'plan'], [D003, '湘潭市', 'plan'], [D004, '邵阳市', 'report'],
      ]);
      expect(docs[1]!.docNumber).toBe('萍府办发〔2019〕5号');
    });

    it('assignments-of-units: the tasks 萍乡市商务局 leads', async () => {
      const rows = await q('assignments-of-units', { unitIds: ['360300:市商务局'], roles: ['lead'] });
      expect(ids(rows, 'taskId')).toEqual([`${D001}:二.(一).2`, `${D001}:二.(二).4`]);
      expect(rows[0]!.quote).toBe('(牵头单位:市商务局、市发改委;责任单位:市交通运输局、萍乡海关、有关县区人民政府、萍乡经开区管委会、武功山景区管委会)');
    });

    it('any-report: the seeds hold a report (004, the 政协 report on 邵阳\'s plan)', async () => {
      const rows = await q('any-report', {});
      expect(rows).toHaveLength(1);
      expect((await q('documents-by-id', { ids: [rows[0]!.id] }))[0]).toMatchObject({ kind: 'report' });
    });

    it('units-of-tasks: each unit of the tasks once, with how many it carries, most first', async () => {
      const some = (await q('task-ids', { documentId: '', text: '' })).map((r) => r.id as string).concat('no-such:task');
      const counted = new Map<string, Set<string>>();
      for (const a of await q('assignments-of-tasks', { taskIds: some })) {
        counted.set(a.unitId as string, (counted.get(a.unitId as string) ?? new Set()).add(a.taskId as string));
      }
      const expected = [...counted].map(([unitId, tasks]) => ({ unitId, tasks: tasks.size }))
        .sort((a, b) => b.tasks - a.tasks || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
      expect(await q('units-of-tasks', { taskIds: some })).toEqual(expected);
      // Seed 001's 二.(一).2 and 二.(二).4, both led by 萍乡市商务局 (above).
      const two = await q('units-of-tasks', { taskIds: [`${D001}:二.(一).2`, `${D001}:二.(二).4`] });
      expect(two.find((r) => r.unitId === '360300:市商务局')?.tasks).toBe(2);
      expect(two.map((r) => r.unitId)).toContain('360300:萍乡海关');
    });

    it('duties-of-units: the task, unit and role of every assignment of the units, as assignments-of-units has them', async () => {
      const unitIds = ['360300:市商务局', '360300:市发展和改革委员会', '430500:市发展和改革委员会', 'no-such:unit'];
      const duties = await q('duties-of-units', { unitIds });
      const full = await q('assignments-of-units', { unitIds, roles: ['lead', 'responsible', 'participant'] });
      expect(duties.length).toBeGreaterThan(10);
      const triple = (r: Record<string, unknown>) => ({ taskId: r.taskId, unitId: r.unitId, role: r.role });
      expect([...duties].sort(byKeys('unitId', 'taskId', 'role'))).toEqual(full.map(triple).sort(byKeys('unitId', 'taskId', 'role')));
      // 萍乡市商务局 leads 二.(一).2 and 二.(二).4 of seed 001 (above).
      expect(duties.filter((d) => d.unitId === '360300:市商务局' && d.role === 'lead').map((d) => d.taskId).sort()).toEqual([`${D001}:二.(一).2`, `${D001}:二.(二).4`]);
    });

    it('every edge to a task carries the task’s ref and title: 萍乡市商务局’s two led tasks as the document numbers and names them', async () => {
      const rows = (await q('assignments-of-units', { unitIds: ['360300:市商务局'], roles: ['lead'] })).sort(byKeys('unitId', 'documentId', 'start', 'clause'));
      // Seed 001, line 21 "2.强化内陆港物流中心地位。…" under (一), line 24 "4.重点引进高端产业。…" under (二).
      expect(rows.map((r) => [r.taskRef, r.taskTitle])).toEqual([['二.(一).2', '强化内陆港物流中心地位'], ['二.(二).4', '重点引进高端产业']]);
      const mismatched = async (pattern: string) => (await store.run(`MATCH ${pattern} RETURN t.id AS id, t.ref AS ref, t.title AS title, e.taskRef AS edgeRef, e.taskTitle AS edgeTitle`))
        .filter((x) => x.edgeRef !== x.ref || x.edgeTitle !== x.title || !x.ref || !x.title);
      const counts = await store.run('MATCH ()-[e:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->() RETURN count(e) AS n');
      expect(counts[0]!.n).toBe(SEED_STATS.leads + SEED_STATS.responsible + SEED_STATS.participants);
      expect(await mismatched('(:Unit)-[e:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task)')).toEqual([]);
      expect(await mismatched('(t:Task)-[e:TIES]->(:Region)')).toEqual([]);
      const ties = await q('region-ties', { region: 'area:东盟' });
      expect(ties.find((r) => r.id === `${D000}:二.(一).3`)).toMatchObject({ taskRef: '二.(一).3' });
    });

    it('assignments-of-tasks: the units of 邵阳’s task 1', async () => {
      const rows = await q('assignments-of-tasks', { taskIds: [`${D000}:二.(一).1`] });
      expect(rows.map((r) => [r.unitId, r.role, r.inferred])).toEqual([
        ['430500:市发展和改革委员会', 'lead', false], ['430500:各县市区', 'responsible', false],
      ]);
    });

    it('assignments-of-tasks: the lead of each clause of 湖南’s first task', async () => {
      const rows = await q('assignments-of-tasks', { taskIds: [`${D002}:二.(三).1`] });
      const leads = rows.filter((r) => r.role === 'lead').map((r) => [r.clause, r.unitId]);
      expect(leads).toEqual([
        [1, '430000:省发展和改革委员会'], [2, '430000:省交通运输厅'], [3, '430000:省交通运输厅'],
        [4, '430000:省机场管理集团'], [5, '430000:省发展和改革委员会'],
      ]);
    });

    it('members / member-of: 邵阳’s 各县市区 and its 12 county governments', async () => {
      const members = ids(await q('members', { ids: ['430500:各县市区'] }), 'memberId');
      expect(members).toHaveLength(12);
      expect(members).toContain('430500:隆回县人民政府');
      expect(members).toContain('430500:城步苗族自治县人民政府');
      expect(ids(await q('member-of', { ids: ['430500:隆回县人民政府'] }), 'collectiveId')).toEqual(['430500:各县市区']);
    });

    it('units-by-id: aliases accumulate', async () => {
      const [u] = await q('units-by-id', { ids: ['430000:省卫生和计划生育委员会'] });
      expect(u).toMatchObject({ name: '省卫生和计划生育委员会', kind: 'department', jurisdictionCode: '430000', aliases: ['省卫生计生委', '省卫计委'] });
    });

    it('unit-ids: by jurisdiction, kind and text', async () => {
      expect(ids(await q('unit-ids', { jurisdiction: '360300', kind: 'zone', text: '', limit: 50 }))).toEqual(['360300:武功山景区', '360300:萍乡经开区']);
      const fgw = ids(await q('unit-ids', { jurisdiction: '', kind: '', text: '发改委', limit: 50 }));
      expect(fgw.sort()).toEqual(['360300:市发展和改革委员会', '430000:省发展和改革委员会', '430300:市发展和改革委员会', '430500:市发展和改革委员会']);
    });

    it('tasks-by-id and task-ids', async () => {
      const [t] = await q('tasks-by-id', { ids: [`${D000}:二.(一).1`] });
      expect(t).toMatchObject({ ref: '二.(一).1', title: '加速连接大湾区铁路大通道', section: '实现基础设施互联互通', documentId: D000 });
      const raw = readFileSync(seedFilesIn()[0]!, 'utf8');
      expect(raw.slice(t!.start as number, t!.end as number).startsWith('1.加速连接大湾区铁路大通道。')).toBe(true);
      expect(await q('task-ids', { documentId: D001, text: '' })).toHaveLength(17);
      expect(ids(await q('task-ids', { documentId: '', text: '菜篮子' }))).toEqual([`${D000}:二.(二).7`]);
      // One id (task-by-id), and a list as each store reads it (graph/by-id.ts): the same rows, an unknown id left out.
      expect((await q('task-by-id', { id: `${D000}:二.(一).1` }))[0]).toEqual(t);
      const some = [`${D000}:二.(一).1`, `${D000}:二.(二).7`, `${D000}:二.(一).1`, 'no-such:task'];
      const byList = await q('tasks-by-id', { ids: some });
      expect(byList.map((r) => r.id).sort()).toEqual([`${D000}:二.(一).1`, `${D000}:二.(二).7`]);
      expect((await rowsByIds(store, some, 'tasks-by-id', 'task-by-id')).sort(byKeys('id'))).toEqual([...byList].sort(byKeys('id')));
    });

    it('a task\'s assignments and regions read one id at a time equal those read as a list (leaders: below)', async () => {
      // Every task of the seeds: their units and regions (粤港澳大湾区…).
      const some = (await q('task-ids', { documentId: '', text: '' })).map((r) => r.id as string).concat('no-such:task');
      for (const [list, one, key] of [['assignments-of-tasks', 'assignments-of-task', 'unitId'], ['task-regions', 'regions-of-task', 'regionId']] as const) {
        const byList = await q(list, { taskIds: some });
        expect(byList.length).toBeGreaterThan(0);
        const oneByOne = (await Promise.all(some.map((id) => q(one, { id })))).flat();
        expect([...oneByOne].sort(byKeys('taskId', key))).toEqual([...byList].sort(byKeys('taskId', key)));
        expect((await rowsByIds(store, some, list, one, { param: 'taskIds' })).sort(byKeys('taskId', key))).toEqual([...byList].sort(byKeys('taskId', key)));
      }
    });

    it('regions, task-regions and region-task-ids', async () => {
      const shaoyang = (await q('regions')).find((r) => r.id === '430500')!;
      expect(shaoyang.name).toBe('邵阳市');
      expect([...(shaoyang.within as string[])].sort()).toEqual(['430000', 'area:湘南湘西承接产业转移示范区']);
      expect(ids(await q('task-regions', { taskIds: [`${D000}:二.(一).3`] }), 'regionId')).toContain('area:东盟');
      // 东盟: 000 items 3 and 14, 002 (八)1, 004's third recommendation.
      expect(ids(await q('region-task-ids', { regionIds: ['area:东盟'] })).sort()).toEqual(
        [`${D000}:二.(一).3`, `${D000}:二.(四).14`, `${D002}:二.(八).1`, `${D004}:二.3`],
      );
    });

    it('unit-load: 邵阳’s 市发改委 leads 5 tasks and is responsible for 5; 各县市区 for 21', async () => {
      const rows = await q('unit-load', { jurisdiction: '430500' });
      const count = (unit: string, role: string) => rows.find((r) => r.unitId === unit && r.role === role)?.tasks ?? 0;
      expect(count('430500:市发展和改革委员会', 'lead')).toBe(5);
      expect(count('430500:市发展和改革委员会', 'responsible')).toBe(5);
      expect(count('430500:市商务局', 'lead')).toBe(4);
      expect(count('430500:各县市区', 'responsible')).toBe(21);
    });

    it('partners: 市绩效办 shares only 保障措施 (四) with three units', async () => {
      const rows = await q('partners', { unitIds: ['430500:市绩效办'] });
      expect(rows.map((r) => [r.partnerId, r.sharedTasks])).toEqual([
        ['430500:市发展和改革委员会', 1], ['430500:市委组织部', 1], ['430500:市纪委监委', 1],
      ]);
    });

    it('cooperation-issuer: 邵阳市–粤港澳大湾区 with its 25 evidence tasks', async () => {
      const rows = (await q('cooperation-issuer')).filter((r) => r.fromId === '430500' && r.toId === 'area:粤港澳大湾区');
      const tasks = ids(rows, 'taskId');
      expect(tasks).toHaveLength(25);
      expect(tasks).not.toContain(`${D000}:三.(三)`);
      expect(tasks).toEqual(expect.arrayContaining([`${D004}:二.1`, `${D004}:二.3`, `${D004}:二.5`]));
    });

    it('region-ties: the tasks that make a region a party, each naming the partner, and the same edge at the partner', async () => {
      // 东盟's four tasks (see region-task-ids), each tying 东盟 to the jurisdiction that issued it.
      const rows = await q('region-ties', { region: 'area:东盟' });
      expect(ids(rows).sort()).toEqual([`${D000}:二.(一).3`, `${D000}:二.(四).14`, `${D002}:二.(八).1`, `${D004}:二.3`]);
      const issuers = new Map((await q('documents')).map((d) => [d.id as string, d.jurisdictionCode]));
      for (const r of rows) expect(r.partner).toBe(issuers.get(r.documentId as string));
      expect(rows.find((r) => r.id === `${D000}:二.(一).3`)).toMatchObject({ documentId: D000, partner: '430500' });
      const at = (await q('region-ties', { region: '430500' })).filter((r) => r.id === `${D000}:二.(一).3`);
      expect(at.map((r) => r.partner)).toContain('area:东盟');
    });

    it('a store without TIES edges (an earlier version) gets them when opened, the same as its loads wrote', async () => {
      const all = async () => (await store.run('MATCH (t:Task)-[e:TIES]->(r:Region) RETURN t.id AS t, r.id AS r, e.partner AS p, e.taskId AS k, e.documentId AS d, e.start AS s'))
        .map((x) => JSON.stringify(x)).sort();
      const before = await all();
      expect(before.length).toBeGreaterThan(50);
      expect(await ensureTies(store)).toBe(false);
      await store.write((tx) => tx.run('MATCH ()-[e:TIES]->() DELETE e'));
      expect(await all()).toEqual([]);
      expect(await ensureTies(store)).toBe(true);
      expect(await all()).toEqual(before);
    });

    it('cooperation-comention: 长沙 and 株洲 named together by 湘潭’s task', async () => {
      const rows = (await q('cooperation-comention')).filter((r) => r.fromId === '430100' && r.toId === '430200');
      expect(ids(rows, 'taskId')).toContain(`${D003}:二.(一).1`);
    });

    it('search-units, search-tasks, search-regions', async () => {
      expect(ids(await q('search-units', { text: '发改委', limit: 20 }))).toHaveLength(4);
      expect(ids(await q('search-tasks', { text: '菜篮子', limit: 20 }))).toEqual([`${D000}:二.(二).7`]);
      expect(ids(await q('search-regions', { text: '大湾区', limit: 20 }))).toEqual(['area:粤港澳大湾区']);
    });

    it('lead-gaps: 萍乡’s 保障措施 items 15 and 16 have no lead', async () => {
      const rows = await q('lead-gaps', { documentId: D001 });
      const noLead = rows.filter((r) => r.unitId === null || r.unitId === undefined).map((r) => r.taskId);
      expect(noLead).toEqual([`${D001}:三.15`, `${D001}:三.16`]);
      expect(rows.filter((r) => r.taskId === `${D001}:二.(一).1`).map((r) => r.unitId).sort()).toEqual(['360300:市交通运输局', '360300:市公路局'].sort());
    });

    it('connection: 市绩效办 to 市商务局 through shared tasks', async () => {
      const [row] = await q('connection', { fromId: '430500:市绩效办', toId: '430500:市商务局' });
      const path = (row!.path as Array<Record<string, unknown>>).map((n) => n.id);
      expect(path).toHaveLength(5); // unit – task – unit – task – unit
      expect(path[0]).toBe('430500:市绩效办');
      expect(path[4]).toBe('430500:市商务局');
    });
  });

  if (opts.bulk) return;

  describe(`${name}: deadlines and leaders (the ledger fixture with the seeds)`, () => {
    let store: GraphStore;
    const q = (query: string, params: Record<string, unknown> = {}) => store.run(read(query), params);
    const F = (ref: string) => `${FIXTURE_ID}:${ref}`;

    beforeAll(async () => {
      store = await open();
      await store.write((tx) => tx.run(load('delete-all')));
      await loadExtraction(store, withFixture(seedFilesIn().map((file) => ({ file, bytes: readFileSync(file) }))));
    });
    afterAll(async () => store?.close());

    it('tasks-by-id: the deadline as written, its date, kind and place', async () => {
      const rows = await q('tasks-by-id', { ids: [F('一.1'), F('一.4'), F('一.5')] });
      const by = new Map(rows.map((r) => [r.id, r]));
      expect(by.get(F('一.1'))).toMatchObject({ deadlineText: '2024年6月底前', deadlineDate: '2024-06-30', deadlineKind: 'date' });
      const t1 = by.get(F('一.1'))!;
      expect(FIXTURE_TEXT.slice(t1.deadlineStart as number, t1.deadlineEnd as number)).toBe('2024年6月底前');
      expect(by.get(F('一.4'))).toMatchObject({ deadlineText: '长期坚持', deadlineDate: '', deadlineKind: 'ongoing' });
      expect(by.get(F('一.5'))).toMatchObject({ deadlineText: '', deadlineDate: '', deadlineKind: '', deadlineStart: -1 });
      // What the 督办 view reads instead (no text): the same head and deadline, an unknown id left out.
      const light = await q('task-deadlines-by-id', { ids: [F('一.1'), F('一.4'), F('一.5'), F('一.1'), 'no-such:task'] });
      const fields = ['id', 'documentId', 'ref', 'title', 'deadlineText', 'deadlineDate', 'deadlineKind'];
      expect(light.map((r) => Object.keys(r).sort())).toEqual(light.map(() => [...fields].sort()));
      expect([...light].sort(byKeys('id'))).toEqual([...rows].sort(byKeys('id')).map((r) => Object.fromEntries(fields.map((f) => [f, r[f]]))));
    });

    it('leaders: one node per person, on every task that names them, never a unit', async () => {
      const rows = await q('leaders-of-tasks', { taskIds: [F('一.1'), F('一.2'), F('一.3'), F('一.4')] });
      expect(rows.map((r) => [r.taskId, r.id, r.name, r.post])).toEqual([
        [F('一.1'), '430200:刘惠', '刘惠', '副市长'], [F('一.2'), '430200:刘惠', '刘惠', '副市长'], [F('一.3'), '430200:王健', '王健', ''],
      ]);
      expect(FIXTURE_TEXT.slice(rows[0]!.start as number, rows[0]!.end as number)).toBe('刘惠');
      // One task at a time (graph/by-id.ts), the same rows.
      expect((await Promise.all([F('一.1'), F('一.2'), F('一.3'), F('一.4')].map((id) => q('leaders-of-task', { id })))).flat()).toEqual(rows);
      expect(await q('leaders-by-id', { ids: ['430200:刘惠'] })).toEqual([{ id: '430200:刘惠', name: '刘惠', post: '副市长', jurisdictionCode: '430200' }]);
      expect(ids(await q('tasks-of-leaders', { ids: ['430200:刘惠'] }), 'taskId')).toEqual([F('一.1'), F('一.2')]);
      expect(ids(await q('search-leaders', { text: '刘惠', limit: 10 }))).toEqual(['430200:刘惠']);
      expect(ids(await q('search-leaders', { text: '副市长', limit: 10 }))).toEqual(['430200:刘惠']);
      expect(await q('search-units', { text: '刘惠', limit: 10 })).toEqual([]);
      expect(ids(await q('unit-ids', { jurisdiction: '430200', kind: '', text: '', limit: 50 }))).not.toContain('430200:刘惠');
    });

    it('tasks-due: the fixture’s dated tasks of 株洲 in a window, by date', async () => {
      const rows = await q('tasks-due', { from: '2024-01-01', to: '2024-12-31', jurisdiction: '430200', documentId: '' });
      expect(rows.map((r) => [r.id, r.date])).toEqual([[F('一.2'), '2024-03-31'], [F('一.1'), '2024-06-30'], [F('一.3'), '2024-12-31']]);
      expect(ids(await q('tasks-due', { from: '2024-04-01', to: '2024-06-30', jurisdiction: '', documentId: FIXTURE_ID }))).toEqual([F('一.1')]);
    });

    it('unit-load-due: 株洲’s 市发改委 leads 2 tasks due in 2024, 1 in the second quarter', async () => {
      const count = (rows: Row[], unit: string, role: string) => rows.find((r) => r.unitId === unit && r.role === role)?.tasks ?? 0;
      const year = await q('unit-load-due', { jurisdiction: '430200', from: '2024-01-01', to: '2024-12-31' });
      expect(count(year, '430200:市发展和改革委员会', 'lead')).toBe(2); // items 1 and 3
      expect(count(year, '430200:市发展和改革委员会', 'responsible')).toBe(0); // item 4 is ongoing, not dated
      const q2 = await q('unit-load-due', { jurisdiction: '430200', from: '2024-04-01', to: '2024-06-30' });
      expect(count(q2, '430200:市发展和改革委员会', 'lead')).toBe(1);
      expect(count(q2, '430200:市商务局', 'responsible')).toBe(1);
      expect(count(q2, '430200:市商务局', 'lead')).toBe(0); // item 2 was due in March
    });

    it('ledger-rows: every assignment of the fixture, in document order', async () => {
      // Sorted again as the API does: Kuzu does not always keep ORDER BY across several relationship types.
      const rows = (await q('ledger-rows', { jurisdiction: '430200', documentId: '', unitId: '' })).sort(byKeys('documentId', 'taskStart', 'clause', 'surfaceStart'));
      expect(rows).toHaveLength(13); // 3 + 3 + 3 + 2 + 2 units in the five notes
      expect(rows.slice(0, 3).map((r) => [r.ref, r.unitName, r.role])).toEqual([
        ['一.1', '市发展和改革委员会', 'lead'], ['一.1', '市交通运输局', 'responsible'], ['一.1', '市商务局', 'responsible'],
      ]);
      expect(rows[0]).toMatchObject({ documentTitle: '株洲市推进现代物流枢纽建设工作方案', deadlineDate: '2024-06-30', quote: '(牵头单位:市发改委;责任单位:市交通运输局、市商务局)' });
      const mine = (await q('ledger-rows', { jurisdiction: '', documentId: '', unitId: '430200:市商务局' })).sort(byKeys('documentId', 'taskStart', 'clause', 'surfaceStart'));
      expect(mine.map((r) => [r.ref, r.role])).toEqual([['一.1', 'responsible'], ['一.2', 'lead'], ['一.3', 'participant']]);
    });

    it('follow-up-corpus: every task with its document’s kind and jurisdiction', async () => {
      const rows = await q('follow-up-corpus');
      expect(rows).toHaveLength(SEED_STATS.tasks + 5);
      expect(rows.find((r) => r.id === `${D004}:二.4`)).toMatchObject({ kind: 'report', jurisdictionCode: '430500' });
      expect(rows.find((r) => r.id === F('一.1'))).toMatchObject({ kind: 'plan', jurisdictionCode: '430200' });
    });

    it('a reload that drops a leader removes the leader, and keeps the others', async () => {
      const result = withFixture([]);
      const t3 = result.documents[0]!.tasks.find((t) => t.ref === '一.3')!;
      t3.leaders = [];
      const [outcome] = await loadExtraction(store, result);
      expect(outcome!.status).toBe('replaced');
      expect(await q('leaders-by-id', { ids: ['430200:王健'] })).toEqual([]);
      expect(ids(await q('tasks-of-leaders', { ids: ['430200:刘惠'] }), 'taskId')).toEqual([F('一.1'), F('一.2')]);
    });
  });

  describe(`${name}: loading`, () => {
    let store: GraphStore;
    const stats = async () => (await store.run(read('stats')))[0];
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => store?.close());

    it('loading the same files twice leaves every count unchanged', async () => {
      await store.write((tx) => tx.run(load('delete-all')));
      const result = seedExtraction();
      await loadExtraction(store, result);
      const once = await stats();
      const again = await loadExtraction(store, result);
      expect(again.every((o) => o.status === 'replaced')).toBe(true);
      expect(await stats()).toEqual(once);
      expect(once).toEqual(SEED_STATS);
    }, 120_000);

    it('a document that fails half-way leaves nothing behind, and the others still load', async () => {
      await store.write((tx) => tx.run(load('delete-all')));
      // The same store, but the write transaction for 湖南's plan breaks after its tasks are written.
      const failing: GraphStore = Object.create(store, {
        write: {
          value: <T>(work: (tx: QueryRunner) => Promise<T>) => store.write((tx) => work({
            run: async (query, params) => {
              const rows = await tx.run(query, params);
              const touches002 = JSON.stringify(params ?? {}).includes(D002);
              if (touches002 && query === load('create-tasks')) throw new Error('injected failure');
              return rows;
            },
          })),
        },
      });
      const outcomes = await loadExtraction(failing, seedExtraction());
      expect(outcomes.map((o) => o.status)).toEqual(['added', 'added', 'failed', 'added', 'added']);
      expect(outcomes[2]!.error).toBe('injected failure');
      expect(await store.run(read('task-ids'), { documentId: D002, text: '' })).toEqual([]);
      expect((await store.run(read('documents'))).map((d) => d.id)).toEqual([D000, D001, D003, D004]);
      // Nothing of 湖南's plan: none of its province-level units, no stray regions.
      expect(await store.run(read('unit-ids'), { jurisdiction: '430000', kind: '', text: '', limit: 500 })).toEqual([]);
      const without002 = seedExtraction();
      without002.documents = without002.documents.filter((d) => d.id !== D002);
      await store.write((tx) => tx.run(load('delete-all')));
      await loadExtraction(store, without002);
      const clean = await stats();
      await store.write((tx) => tx.run(load('delete-all')));
      await loadExtraction(failing, seedExtraction());
      expect(await stats()).toEqual(clean);
    }, 120_000);

    it('writes from one process run one at a time, so two loads sharing units do not collide', async () => {
      await store.write((tx) => tx.run(load('delete-all')));
      const log: string[] = [];
      const job = (name: string) => store.write(async (tx) => {
        log.push(`${name} begins`);
        await tx.run(read('stats'));
        await new Promise((r) => setTimeout(r, 20));
        log.push(`${name} ends`);
      });
      await Promise.all([job('a'), job('b')]);
      expect(log).toEqual(['a begins', 'a ends', 'b begins', 'b ends']);

      // 邵阳's plan and report name the same units; loaded at once, each unit is still written once.
      const result = seedExtraction();
      const only = (id: string) => ({ ...result, documents: result.documents.filter((d) => d.id === id) });
      const outcomes = await Promise.all([loadExtraction(store, only(D000)), loadExtraction(store, only(D004))]);
      expect(outcomes.flat().map((o) => o.status)).toEqual(['added', 'added']);
      const both = await stats();
      await store.write((tx) => tx.run(load('delete-all')));
      await loadExtraction(store, only(D000));
      await loadExtraction(store, only(D004));
      expect(await stats()).toEqual(both);
    }, 120_000);

    it('a plan whose government cannot be told still loads: its units hang from 未知辖区', async () => {
      await store.write((tx) => tx.run(load('delete-all')));
      const text = '关于加快现代物流发展的实施方案\n\n一、重点任务\n' +
        '1.完善物流网络。建设一批物流园区。(牵头单位:发改委;责任单位:商务局、交通运输局)\n' +
        '2.培育市场主体。支持企业做大做强。(牵头单位:商务局;责任单位:各县区人民政府)\n';
      const outcomes = await loadExtraction(store, extract([{ file: 'nowhere.txt', bytes: Buffer.from(text) }]));
      expect(outcomes).toEqual([{ documentId: 'nowhere', status: 'added' }]);
      // Four units named in the two notes (发改委 under its full name, 各县区人民政府 as the collective).
      expect(ids(await store.run(read('unit-ids'), { jurisdiction: '000000', kind: '', text: '', limit: 50 })).sort()).toEqual(
        ['000000:交通运输局', '000000:发展和改革委员会', '000000:各县市区', '000000:商务局'],
      );
      const leads = await store.run(read('assignments-of-units'), { unitIds: ['000000:商务局'], roles: ['lead'] });
      expect(ids(leads, 'taskId')).toEqual(['nowhere:一.2']);
    }, 120_000);

    it('a changed document replaces its tasks and assignments: nothing stale remains', async () => {
      await store.write((tx) => tx.run(load('delete-all')));
      const file = seedFilesIn()[1]!;
      const original = readFileSync(file, 'utf8');
      await loadExtraction(store, extract([{ file, bytes: Buffer.from(original) }]));
      // In document order as the API's loader puts them (values.ts byKeys: Kuzu does not always keep ORDER BY here).
      const leads = async () => ids((await store.run(read('assignments-of-units'), { unitIds: ['360300:市商务局'], roles: ['lead'] })).sort(byKeys('unitId', 'documentId', 'start', 'clause')), 'taskId');
      expect(await leads()).toEqual([`${D001}:二.(一).2`, `${D001}:二.(二).4`]);

      // 市商务局 no longer co-leads item 2, 萍乡学院 is dropped from item 9, and item 17 is gone.
      const edited = original
        .replace('(牵头单位:市商务局、市发改委;', '(牵头单位:市发改委;')
        .replace('(牵头单位:市教育局、萍乡学院;', '(牵头单位:市教育局;')
        .replace(/\n17\.加强跟踪协调[^\n]*/, '');
      const outcome = await loadExtraction(store, extract([{ file, bytes: Buffer.from(edited) }]));
      expect(outcome[0]!.status).toBe('replaced');
      expect(await leads()).toEqual([`${D001}:二.(二).4`]);
      // A task renamed in the new version: its edges carry the new title.
      const renamed = edited.replace('2.强化内陆港物流中心地位。', '2.巩固内陆港物流枢纽地位。');
      expect((await loadExtraction(store, extract([{ file, bytes: Buffer.from(renamed) }])))[0]!.status).toBe('replaced');
      const edges = await store.run(read('assignments-of-tasks'), { taskIds: [`${D001}:二.(一).2`] });
      expect(edges.length).toBeGreaterThan(0);
      for (const e of edges) expect([e.taskRef, e.taskTitle]).toEqual(['二.(一).2', '巩固内陆港物流枢纽地位']);
      expect(await store.run(read('task-ids'), { documentId: D001, text: '' })).toHaveLength(16);
      expect(await store.run(read('units-by-id'), { ids: ['360300:萍乡学院'] })).toEqual([]);
    }, 120_000);
  });
}
