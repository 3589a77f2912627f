/**
 * The analytics kept by every load (units' load counts, region links and tallies) equal a full recount of the
 * stored assignments and mentions, after a bulk load, more documents, a reload, and a document
 * replaced by a changed version; on a few hundred synthetic plans, on the real embedded store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provincePlan } from '../../bench/province-plans';
import { extract } from '../../server/extract/extract';
import { buildLinks, linksOf, type StoredLink } from '../../server/api/analytics/cooperation';
import { countedNetwork, keptNetwork } from '../../server/api/analytics/region-network';
import { countsOfRow, dueBetween, dueJson, ensureAnalytics, ensureAssignmentTaskIds, ensureTies, linkId, recount } from '../../server/graph/analytics';
import { KuzuStore } from '../../server/graph/kuzu-store';
import { loadExtraction } from '../../server/graph/loader';
import { read } from '../../server/graph/queries';
import { cityOf, isWithin } from '../../server/graph/region-tallies';
import type { GraphStore } from '../../server/graph/store';

const plans = Array.from({ length: 260 }, (_, n) => provincePlan(n));
const extractPlans = (ps: Array<{ file: string; text: string }>) => extract(ps.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) })));

/** The kept analytics, in the same shape as analytics.recount's. */
async function kept(store: GraphStore) {
  const units = new Map<string, string>();
  for (const r of await store.run('MATCH (u:Unit) RETURN u.id AS id, u.leadTasks AS leadTasks, u.responsibleTasks AS responsibleTasks, u.participantTasks AS participantTasks, u.dueCounts AS dueCounts')) {
    const c = countsOfRow(r);
    units.set(r.id as string, `${c.lead}/${c.responsible}/${c.participant} ${dueJson(c.due)}`);
  }
  const links = new Map((await store.run(read('region-links'), { region: '' })).map((r) => [r.id as string, `${r.tasks as number}/${r.issuerTasks as number}/${r.carrierTasks as number}/${r.comentionTasks as number}`]));
  const pairs = new Map((await store.run(read('unit-pairs'), { jurisdiction: '' })).map((r) => [r.id as string, r.tasks as number]));
  const documents = new Map((await store.run('MATCH (d:Document) RETURN d.id AS id, d.taskCount AS n')).map((r) => [r.id as string, r.n as number]));
  const tallies = new Map((await store.run('MATCH (t:RegionTally) RETURN t.id AS id, t.tasks AS tasks')).map((r) => [r.id as string, Number(r.tasks)]));
  return { units, links, pairs, documents, tallies };
}

async function counted(store: GraphStore) {
  const r = await recount(store);
  const units = new Map([...r.units].map(([id, c]) => [id, `${c.lead}/${c.responsible}/${c.participant} ${dueJson(c.due)}`]));
  // Every unit is kept, with zeros when it has no task (a member known only from the divisions).
  for (const { id } of await store.run('MATCH (u:Unit) RETURN u.id AS id')) if (!units.has(id as string)) units.set(id as string, '0/0/0 {}');
  const links = new Map([...r.links].map(([id, l]) => [id, `${l.tasks}/${l.issuerTasks}/${l.carrierTasks}/${l.comentionTasks}`]));
  const pairs = new Map([...r.pairs].map(([id, p]) => [id, p.tasks]));
  const documents = new Map((await store.run('MATCH (d:Document) RETURN d.id AS id, count { MATCH (d)-[:HAS_TASK]->(:Task) } AS n')).map((r) => [r.id as string, r.n as number]));
  const tallies = new Map([...r.tallies].map(([id, t]) => [id, t.tasks]));
  return { units, links, pairs, documents, tallies };
}

/**
 * The TIES edges (a link's evidence) against the ties counted from every task: the issuer with each
 * region a task names, and two regions a task assigns together; an edge at each end, naming the
 * other, carrying its task's id, document and place.
 */
async function expectTiesEqual(store: GraphStore) {
  const counted = new Map<string, Set<string>>();
  const add = (a: string, b: string, task: string) => {
    if (a === b) return;
    for (const k of [`${a}>${b}`, `${b}>${a}`]) counted.set(k, (counted.get(k) ?? new Set()).add(task));
  };
  for (const r of await store.run(read('cooperation-issuer'))) add(r.fromId as string, r.toId as string, r.taskId as string);
  for (const r of await store.run(read('cooperation-carrier'))) add(r.fromId as string, r.toId as string, r.taskId as string);
  const kept = new Map<string, Set<string>>();
  const edges = await store.run('MATCH (t:Task)-[e:TIES]->(r:Region) RETURN r.id AS region, e.partner AS partner, e.taskId AS taskId, e.documentId AS documentId, e.start AS start, t.id AS id, t.documentId AS taskDocument, t.start AS taskStart');
  for (const e of edges) {
    expect([e.taskId, e.documentId, e.start]).toEqual([e.id, e.taskDocument, e.taskStart]);
    const k = `${e.region as string}>${e.partner as string}`;
    expect(kept.get(k)?.has(e.id as string) ?? false).toBe(false); // one edge per task, region and partner
    kept.set(k, (kept.get(k) ?? new Set()).add(e.id as string));
  }
  expect(counted.size).toBeGreaterThan(40);
  expect(kept).toEqual(counted);
  // A region's read gives the same, region by region.
  for (const region of ['430000', '430500', 'area:粤港澳大湾区']) {
    const rows = await store.run(read('region-ties'), { region });
    expect(rows.length).toBe(edges.filter((e) => e.region === region).length);
  }
}

const storedRegions = async (store: GraphStore) =>
  new Map((await store.run(read('regions'))).map((r) => [r.id as string, { id: r.id as string, level: r.level as string, within: r.within as string[] }]));

/**
 * The region network from the kept tallies, and counted from every task's ties as a year's
 * network is (links with their task ids, folded): links, counts, kinds, parts and node tasks alike.
 */
async function expectNetworksEqual(store: GraphStore, fold: boolean, open: string[]) {
  const regions = await storedRegions(store);
  const issuer = await store.run(read('cooperation-issuer'));
  const carrier = await store.run(read('cooperation-carrier'));
  const inner = new Map<string, Set<string>>();
  for (const r of issuer) if (isWithin(r.toId as string, r.fromId as string, regions)) inner.set(r.toId as string, (inner.get(r.toId as string) ?? new Set()).add(r.taskId as string));
  const openSet = new Set(open);
  const counted = await countedNetwork(await buildLinks({ issuer, carrier }, regions), inner, regions, fold, openSet, linkId);
  const self = [...regions.keys()].filter((id) => openSet.has(id) || openSet.has(cityOf(id, regions) ?? ''));
  const tallies = await store.run(read('region-tallies'), { scales: ['F', 'NF', 'N', 'I'], opened: self.length ? self : [''] });
  const stored = linksOf(await store.run(read('region-links'), { region: '' }) as unknown as StoredLink[], regions);
  const kept = keptNetwork(stored, tallies, regions, fold, openSet, linkId);
  expect(counted.links.length).toBeGreaterThan(5);
  if (fold) {
    // Folding counts a task once per drawn pair: some links have fewer tasks than their parts summed.
    const count = new Map(stored.map((l) => [l.id, l.count]));
    expect(counted.links.some((l) => l.count < l.parts.reduce((n, p) => n + count.get(p)!, 0))).toBe(true);
  }
  expect(kept.links).toEqual(counted.links);
  const drawn = new Set(counted.links.flatMap((l) => [l.from, l.to]));
  expect(new Map([...kept.nodeTasks].filter(([id]) => drawn.has(id)))).toEqual(counted.nodeTasks);
  expect(kept.inner).toEqual(counted.inner);
  expect(kept.folded).toEqual(counted.folded);
  expect(kept.opened).toEqual(counted.opened);
  return counted;
}

describe('kept analytics equal a full recount', () => {
  let store: KuzuStore;
  beforeAll(async () => {
    store = new KuzuStore(join(mkdtempSync(join(tmpdir(), 'graph-')), 'graph.kuzu'));
    await store.ensureSchema();
  });
  afterAll(async () => store?.close());

  const expectEqual = async () => {
    const [a, b] = [await kept(store), await counted(store)];
    expect(a.units.size).toBeGreaterThan(100);
    expect(a.links.size).toBeGreaterThan(20);
    expect(a.units).toEqual(b.units);
    expect(a.links).toEqual(b.links);
    expect(a.pairs.size).toBeGreaterThan(500);
    expect(a.pairs).toEqual(b.pairs);
    expect(a.documents).toEqual(b.documents);
    expect(a.tallies.size).toBeGreaterThan(20);
    expect(a.tallies).toEqual(b.tallies);
    await expectTiesEqual(store);
  };

  it('after a bulk load of 200 plans', async () => {
    let bulk = false;
    await loadExtraction(store, extractPlans(plans.slice(0, 200)), undefined, { onBulk: () => (bulk = true) });
    expect(bulk).toBe(true);
    await expectEqual();
  }, 300_000);

  it('after 60 more plans a document at a time', async () => {
    const outcomes = await loadExtraction(store, extractPlans(plans.slice(200)));
    expect(outcomes.every((o) => o.status === 'added')).toBe(true);
    await expectEqual();
  }, 300_000);

  it('after loading 40 of them again (nothing changes)', async () => {
    const before = await kept(store);
    const outcomes = await loadExtraction(store, extractPlans(plans.slice(180, 220)));
    expect(outcomes.every((o) => o.status === 'replaced')).toBe(true);
    expect(await kept(store)).toEqual(before);
    await expectEqual();
  }, 300_000);

  it('after a plan is replaced by a version with other units, deadlines and places', async () => {
    // A plan in the bracket-label notation: its units, deadlines and the regions it names all change.
    const p = plans.find((x) => x.style === 'labels-in-brackets')!;
    const [before] = (await extractPlans([p])).documents;
    const edited = p.text
      .replaceAll('市发改委', '市统计局').replaceAll('市发展改革委', '市统计局')
      .replace(/(\d{4})年底前/g, '2030年底前')
      .replaceAll('粤港澳大湾区', '长三角').replaceAll('大湾区', '长三角');
    expect(edited).not.toBe(p.text);
    const result = extractPlans([{ file: p.file, text: edited }]);
    expect(result.documents[0]!.tasks.map((t) => t.regions.map((r) => r.id))).not.toEqual(before!.tasks.map((t) => t.regions.map((r) => r.id)));
    const [outcome] = await loadExtraction(store, result);
    expect(outcome!.status).toBe('replaced');
    await expectEqual();
  }, 300_000);

  it('a window’s counts are read from the kept due dates: the same as counting the tasks due in it', async () => {
    const jurisdiction = plans[0]!.jurisdiction;
    const rows = await store.run(read('unit-analytics'), { jurisdiction });
    const window = { from: '2024-07-01', to: '2024-12-31' };
    const direct = await store.run(read('unit-load-due'), { jurisdiction, ...window });
    let compared = 0;
    for (const r of rows) {
      const due = dueBetween(countsOfRow(r), window.from, window.to);
      for (const role of ['lead', 'responsible', 'participant'] as const) {
        const n = Number(direct.find((d) => d.unitId === r.unitId && d.role === role)?.tasks ?? 0);
        expect(due[role]).toBe(n);
        compared += n;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('the region network read from the kept tallies equals the one counted from every task: unfolded, folded, one and two cities opened', async () => {
    // One task naming two counties of another city (新宁县 and 武冈市 of 邵阳市, 望城区 and 浏阳市 of
    // 长沙市): folded, it counts once for the two cities, though it stands behind two links.
    const text = [
      '湘潭市推进区域协作行动方案', '',
      '一、加强与新宁县、武冈市的产业协作，共建产业园区。（牵头单位：市发改委；责任单位：市商务局）',
      '二、与望城区、浏阳市共同推进园区合作，建设长株潭一体化示范区。（牵头单位：市发改委；责任单位：市工信局）',
      '三、支持湘乡市人民政府、韶山市人民政府与隆回县人民政府、洞口县人民政府联合开展文旅项目。（责任单位：湘乡市人民政府、韶山市人民政府、隆回县人民政府、洞口县人民政府）',
    ].join('\n');
    expect((await loadExtraction(store, extractPlans([{ file: 'xiangtan-cooperation.txt', text }])))[0]!.status).toBe('added');
    await expectEqual();
    await expectNetworksEqual(store, false, []);
    const folded = await expectNetworksEqual(store, true, []);
    // The cities with most counties folded into them: opening them moves their ties to the H tallies.
    const cities = [...folded.folded].sort((a, b) => b[1].size - a[1].size).map(([id]) => id);
    expect(cities.length).toBeGreaterThan(2);
    const one = await expectNetworksEqual(store, true, cities.slice(0, 1));
    expect(one.opened.size).toBeGreaterThan(0);
    await expectNetworksEqual(store, true, cities.slice(0, 2));
    // 湘潭市 opened: its own tie to 邵阳市 (two tasks, four links) is its H tally.
    await expectNetworksEqual(store, true, ['430300']);
    await expectNetworksEqual(store, true, ['430300', '430500']);
  }, 300_000);

  it('a store written before the region tallies existed gets them when opened', async () => {
    await store.write((tx) => tx.run('MATCH (t:RegionTally) DELETE t'));
    expect(await ensureAnalytics(store)).toBe(true);
    await expectEqual();
    expect(await ensureAnalytics(store)).toBe(false);
  }, 300_000);

  it('a store written before the TIES edges existed gets them when opened', async () => {
    expect(await ensureTies(store)).toBe(false);
    const before = (await store.run('MATCH ()-[e:TIES]->() RETURN count(*) AS n'))[0]!.n;
    await store.write((tx) => tx.run('MATCH ()-[e:TIES]->() DELETE e'));
    expect(await ensureTies(store)).toBe(true);
    expect((await store.run('MATCH ()-[e:TIES]->() RETURN count(*) AS n'))[0]!.n).toBe(before);
    await expectTiesEqual(store);
    expect(await ensureTies(store)).toBe(false);
  }, 300_000);

  it('assignment edges written before they carried their task’s id get it when the store is opened', async () => {
    const unitIds = (await store.run('MATCH (u:Unit) WHERE u.leadTasks > 0 RETURN u.id AS id LIMIT 5')).map((r) => r.id as string);
    const direct = async () => (await store.run('MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR|PARTICIPATES_IN]->(t:Task) WHERE u.id IN $unitIds RETURN u.id AS unitId, t.id AS taskId, r.role AS role, r.clause AS clause', { unitIds }))
      .map((r) => `${r.unitId as string} ${r.taskId as string} ${r.role as string} ${r.clause as number}`).sort();
    const read_ = async () => (await store.run(read('assignments-of-units'), { unitIds, roles: ['lead', 'responsible', 'participant'] }))
      .map((r) => `${r.unitId as string} ${r.taskId as string} ${r.role as string} ${r.clause as number}`).sort();
    expect((await direct()).length).toBeGreaterThan(20);
    expect(await read_()).toEqual(await direct());
    expect(await ensureAssignmentTaskIds(store)).toBe(false);
    await store.write((tx) => tx.run("MATCH (:Unit)-[r:LEADS]->(:Task) SET r.taskId = ''"));
    await store.write((tx) => tx.run('MATCH (:Unit)-[r:RESPONSIBLE_FOR]->(:Task) SET r.taskId = NULL'));
    expect(await ensureAssignmentTaskIds(store)).toBe(true);
    expect(await read_()).toEqual(await direct());
    expect(await ensureAssignmentTaskIds(store)).toBe(false);
  }, 300_000);

  it('a store written before the counts existed gets them when opened', async () => {
    await store.write((tx) => tx.run('MATCH (u:Unit) SET u.leadTasks = -1, u.dueCounts = \'{}\''));
    await store.write((tx) => tx.run('MATCH (l:RegionLink) DELETE l'));
    await store.write((tx) => tx.run('MATCH (p:UnitPair) DELETE p'));
    await store.write((tx) => tx.run('MATCH (d:Document) SET d.taskCount = -1'));
    expect(await ensureAnalytics(store)).toBe(true);
    await expectEqual();
    expect(await ensureAnalytics(store)).toBe(false); // once
  }, 300_000);
});
