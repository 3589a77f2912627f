/**
 * The supervisors' three questions over real HTTP, on the embedded store loaded with the seeds.
 * Expected values are read off the documents by hand (see tests/graph/store-contract.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Budget } from '../../server/graph/budget';
import { read } from '../../server/graph/queries';
import type { GraphStore, Params } from '../../server/graph/store';
import { gql, startTestApp } from './helpers';
import { stores } from '../support/stores';

const D000 = '000_ac09c941922af47f';
const D001 = '001_5bed96e789233213';
const D003 = '003_62dda1c1c8aa5205';

describe.each(stores())('API: who owns what ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  /** Every statement the app sends the store (under its read cache), with its parameters. */
  const sent: string[] = [];
  const recorded = (inner: GraphStore): GraphStore => Object.create(inner, { run: { value: (q: string, p?: Params, b?: Budget) => {
    sent.push(`${q}\u0000${JSON.stringify(p ?? {})}`);
    return inner.run(q, p, b);
  } } });
  beforeAll(async () => {
    app = await startTestApp({ store, wrap: recorded });
  });
  afterAll(async () => app?.close());

  it('every task 萍乡市商务局 leads, with the note that says so', async () => {
    const r = await gql(app.url, '{ unit(id: "360300:市商务局") { name kind jurisdiction { name } leads { task { ref title document { title } } quote inferred } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.unit.name).toBe('市商务局');
    expect(r.data.unit.jurisdiction.name).toBe('萍乡市');
    expect(r.data.unit.leads.map((a: any) => [a.task.ref, a.task.title, a.inferred])).toEqual([
      ['二.(一).2', '强化内陆港物流中心地位', false], ['二.(二).4', '重点引进高端产业', false],
    ]);
    expect(r.data.unit.leads[1].quote).toBe('(牵头单位:市商务局;责任单位:市工信局、市金融办、市市场监管局、萍乡海关、有关县区人民政府、萍乡经开区管委会、武功山景区管委会)');
  });

  it('the most loaded units of 邵阳市, with peers’ mean and z-score', async () => {
    const r = await gql(app.url, `{
      byLead: overloadedUnits(jurisdiction: "430500", by: LEAD, top: 2) { unit { name } lead value peers peerMean zScore overloaded }
      byTotal: overloadedUnits(jurisdiction: "430500", kind: DEPARTMENT, by: TOTAL, top: 1) { unit { name } lead responsible participant total }
    }`);
    expect(r.errors).toBeUndefined();
    // 市发改委 is listed first in notes 1, 3, 15, 三(二), 三(三); 市商务局 in 5, 13, 14, 16.
    expect(r.data.byLead.map((l: any) => [l.unit.name, l.lead])).toEqual([['市发展和改革委员会', 5], ['市商务局', 4]]);
    expect(r.data.byLead[0].peers).toBe(22); // 邵阳's departments
    expect(r.data.byLead[0].zScore).toBeGreaterThan(2);
    expect(r.data.byLead[0].overloaded).toBe(true);
    expect(r.data.byTotal[0]).toEqual({ unit: { name: '市发展和改革委员会' }, lead: 5, responsible: 5, participant: 0, total: 10 });
  });

  it('the cooperation links of 邵阳市, including 粤港澳大湾区 with its evidence', async () => {
    const r = await gql(app.url, '{ cooperationLinks(region: "430500") { from { name } to { id name } kinds count tasks { id } units { name } } }');
    expect(r.errors).toBeUndefined();
    const gba = r.data.cooperationLinks.find((l: any) => l.to.name === '粤港澳大湾区');
    expect(gba.from.name).toBe('邵阳市');
    expect(gba.count).toBe(25); // every task of 000 but 三(三), and 004's recommendations 1, 3, 5
    expect(gba.kinds).toContain('ISSUER');
    expect(gba.tasks.map((t: any) => t.id)).toContain(`${D000}:二.(一).1`);
    expect(gba.units.map((u: any) => u.name)).toEqual(expect.arrayContaining(['市发展和改革委员会', '市商务局', '各县市区']));
    expect(r.data.cooperationLinks[0].to.name).toBe('粤港澳大湾区'); // the strongest link comes first
    expect(r.data.cooperationLinks.map((l: any) => l.to.name)).toEqual(expect.arrayContaining(['东盟', '香港特别行政区']));
  });

  it('the documents issued for 邵阳市: its plan (000) and the 政协 report on it (004)', async () => {
    const r = await gql(app.url, '{ documents(jurisdiction: "430500") { id } all: documents { id } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.documents.map((d: any) => d.id.slice(0, 4)).sort()).toEqual(['000_', '004_']);
    expect(r.data.all).toHaveLength(5);
    // In id order, a page at a time: the seeds' files are numbered 000–004.
    expect(r.data.all.map((d: any) => d.id.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    const paged = await gql(app.url, '{ documents(limit: 2, offset: 3) { id } rest: documents(offset: 4) { id } none: documents(offset: 5) { id } }');
    expect(paged.data).toEqual({ documents: r.data.all.slice(3, 5), rest: r.data.all.slice(4), none: [] });
    const bad = await gql(app.url, '{ documents(jurisdiction: "邵阳") { id } }');
    expect(bad.errors?.[0]?.message).toMatch(/jurisdiction must be a 6-digit division code/);
  });

  it('search finds 发改委 units typed in traditional characters', async () => {
    const r = await gql(app.url, '{ search(text: "發改委") { units { id } } full: search(text: "发展和改革委员会") { units { id } } places: search(text: "大灣區") { regions { name } } }');
    expect(r.errors).toBeUndefined();
    const fgw = ['360300:市发展和改革委员会', '430000:省发展和改革委员会', '430300:市发展和改革委员会', '430500:市发展和改革委员会'];
    expect(r.data.search.units.map((u: any) => u.id).sort()).toEqual(fgw);
    expect(r.data.full.units.map((u: any) => u.id).sort()).toEqual(fgw);
    expect(r.data.places.regions.map((x: any) => x.name)).toEqual(['粤港澳大湾区']);
  });

  it('a task with its assignments per clause, sub-items and regions', async () => {
    const r = await gql(app.url, `{ task(id: "${D003}:二.(四).5") { title document { kind leadRule } assignments(role: LEAD) { unit { name } inferred }
      items { ordinal } regions { name } clauses { n quote } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.task.title).toBe('努力融入湘琼合作');
    expect(r.data.task.document).toEqual({ kind: 'PLAN', leadRule: 'FIRST_LISTED_BY_CONVENTION' });
    expect(r.data.task.assignments).toEqual([{ unit: { name: '市商务局' }, inferred: true }]);
    expect(r.data.task.regions.map((x: any) => x.name)).toEqual(expect.arrayContaining(['海南省', '湘潭市']));
    expect(r.data.task.clauses).toHaveLength(1);
  });

  it('tasks by unit and role, by region, by text', async () => {
    const r = await gql(app.url, `{
      a: tasks(filter: { unit: "360300:市商务局", role: LEAD }) { ref }
      b: tasks(filter: { region: "area:东盟" }) { id }
      c: tasks(filter: { document: "${D000}", text: "菜篮子" }) { ref }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.a.map((t: any) => t.ref)).toEqual(['二.(一).2', '二.(二).4']);
    expect(r.data.b).toHaveLength(4);
    expect(r.data.c).toEqual([{ ref: '二.(二).7' }]);
    // A page of them is that page of the whole list (only the page is read whole).
    const p = await gql(app.url, '{ all: tasks(filter: { unit: "360300:市商务局" }) { id } second: tasks(filter: { unit: "360300:市商务局" }, limit: 1, offset: 1) { id } }');
    expect(p.data.all.length).toBeGreaterThan(2);
    expect(p.data.all.map((t: any) => t.id)).toContain(p.data.all[0].id.split(':')[0] + ':二.(一).2');
    expect(p.data.second).toEqual([p.data.all[1]]);
    // A unit's tasks in one document (read from that document's assignments): its leads there as above, and all its roles as in its whole list.
    const u = await gql(app.url, `{ unit(id: "360300:市商务局") { leads: tasks(document: "${D001}", role: LEAD) { task { ref } } there: tasks(document: "${D001}") { role task { id } } all: tasks(limit: 1000) { role task { id document { id } } } } }`);
    expect(u.data.unit.leads.map((a: any) => a.task.ref)).toEqual(['二.(一).2', '二.(二).4']);
    expect(u.data.unit.there.length).toBeGreaterThan(2);
    expect(u.data.unit.there).toEqual(u.data.unit.all.filter((a: any) => a.task.document.id === D001).map((a: any) => ({ role: a.role, task: { id: a.task.id } })));
  });

  it('collectives with members, partners, and the region tree', async () => {
    const r = await gql(app.url, `{
      unit(id: "430500:各县市区") { kind members { name } }
      member: unit(id: "430500:隆回县人民政府") { memberOf { name } }
      perf: unit(id: "430500:市绩效办") { partners { unit { name } sharedTasks } }
      regions { name children { name } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.unit.kind).toBe('COLLECTIVE');
    expect(r.data.unit.members).toHaveLength(12);
    expect(r.data.member.memberOf).toEqual([{ name: '各县市区' }]);
    expect(r.data.perf.partners.map((p: any) => p.sharedTasks)).toEqual([1, 1, 1]);
    const hunan = r.data.regions.find((x: any) => x.name === '湖南省');
    expect(hunan.children.map((c: any) => c.name)).toEqual(expect.arrayContaining(['邵阳市', '湘潭市', '长沙市']));
  });

  it('connection between two units through shared tasks', async () => {
    const r = await gql(app.url, '{ connection(from: "430500:市绩效办", to: "430500:市商务局") { length steps { unit { name } task { ref } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.connection.length).toBe(4);
    expect(r.data.connection.steps[0].unit.name).toBe('市绩效办');
    expect(r.data.connection.steps[1].task).not.toBeNull();
    expect(r.data.connection.steps[4].unit.name).toBe('市商务局');
  });

  it('accountability gaps: no lead, collective lead, inferred lead', async () => {
    const r = await gql(app.url, `{
      p: accountabilityGaps(document: "${D001}") { task { ref } kinds }
      s: accountabilityGaps(document: "${D000}") { task { ref } kinds leads { name } }
      x: accountabilityGaps(document: "${D003}") { kinds }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.p).toEqual([{ task: { ref: '三.15' }, kinds: ['NO_LEAD'] }, { task: { ref: '三.16' }, kinds: ['NO_LEAD'] }]);
    expect(r.data.s).toEqual([{ task: { ref: '三.(一)' }, kinds: ['COLLECTIVE_LEAD'], leads: [{ name: '各市直部门' }] }]);
    expect(r.data.x).toHaveLength(16);
    expect(r.data.x.every((g: any) => g.kinds.includes('INFERRED_LEAD'))).toBe(true);
  });

  it('documents, stats and health', async () => {
    const r = await gql(app.url, '{ documents { id title kind jurisdiction { name } figures { label value unit } } stats { documents tasks units leads responsible participants } }');
    expect(r.data.documents).toHaveLength(5);
    expect(r.data.documents[4].figures).toEqual(expect.arrayContaining([{ label: '全市累计引进项目', value: 299, unit: '个' }]));
    expect(r.data.stats).toEqual({ documents: 5, tasks: 83, units: 163, leads: 102, responsible: 332, participants: 48 });
    const health = await (await fetch(`${app.url}/healthz`)).json();
    expect(health).toMatchObject({ status: 'ok', store: { kind: store.kind }, documents: 5 });
  });

  it('batches nested queries: the number of store round-trips does not grow with the result', async () => {
    const nested = (limit: number) => `{ units(filter: { jurisdiction: "430500" }, limit: ${limit}) {
      name leads(limit: 20) { task { title assignments { role unit { name } } } } memberOf { name } } }`;
    // How the embedded store reads a task-keyed group: one statement per task (graph/by-id.ts), by design.
    const oneId = new Set(['task-by-id', 'assignments-of-task', 'leaders-of-task', 'regions-of-task'].map(read));
    const trips = async (limit: number) => {
      const from = sent.length;
      const r = await gql(app.url, nested(limit));
      expect(r.errors).toBeUndefined();
      const made = sent.slice(from);
      const objects = JSON.stringify(r.data).split('"name"').length - 1;
      const texts = made.map((m) => m.split('\u0000')[0]!);
      return { kinds: new Set(texts).size, lists: texts.filter((t) => !oneId.has(t)).length, repeated: made.length - new Set(made).size, units: r.data.units.length, objects };
    };
    // One query per level (unit ids, units, their assignments, tasks, the tasks' assignments, their
    // units, memberships), however many objects come back; N+1 would mean hundreds. Besides those,
    // only the one-id statements, each id once.
    const small = await trips(5);
    const large = await trips(60);
    expect(large.units).toBeGreaterThan(40);
    expect(large.objects).toBeGreaterThan(100);
    for (const t of [small, large]) {
      expect(t.kinds).toBeLessThanOrEqual(8);
      expect(t.lists).toBeLessThanOrEqual(8);
      expect(t.repeated).toBe(0);
    }
  });
});
