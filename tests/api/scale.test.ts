/**
 * The API at a province's scale, over real HTTP on each store: 120 synthetic plans of 湖南
 * (bench/province-plans.ts) loaded in bulk. Answers read from the counts the loads keep must
 * equal those counted from every task, and the aggregated network gives per jurisdiction what the
 * extraction holds.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provincePlan } from '../../bench/province-plans';
import { buildLinks } from '../../server/api/analytics/cooperation';
import { computeLoads, countsFromRows } from '../../server/api/analytics/load';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { extract } from '../../server/extract/extract';
import { loadExtraction } from '../../server/graph/loader';
import { read } from '../../server/graph/queries';
import type { GraphStore } from '../../server/graph/store';
import { stores } from '../support/stores';
import { gql } from './helpers';

/** The region tree as the API's loader reads it (cypher/read/regions): each region with its parents. */
async function regionTree(store: GraphStore) {
  const rows = await store.run(read('regions'));
  return new Map(rows.map((r) => [r.id as string, { level: r.level as string, within: ((r.within as Array<string | null> | null) ?? []).filter((w): w is string => !!w) }]));
}

const plans = Array.from({ length: 120 }, (_, n) => provincePlan(n));
const result = extract(plans.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) })));

describe.each(stores())('API at a province’s scale ($name)', (under) => {
  let app: App;
  let store: GraphStore;
  beforeAll(async () => {
    store = await under.open({ empty: true });
    const outcomes = await loadExtraction(store, result);
    expect(outcomes.every((o) => o.status === 'added')).toBe(true);
    app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(join(tmpdir(), 'data-')) }), { store, log: pino({ level: 'silent' }), webDir: join(tmpdir(), 'no-web') });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });

  it('cooperation links: the kept counts and evidence equal links counted from every task', async () => {
    const counted = await buildLinks({ issuer: await store.run(read('cooperation-issuer')), carrier: await store.run(read('cooperation-carrier')) }, await regionTree(store));
    const r = await gql(app.url, '{ cooperationLinks(limit: 1000) { from { id } to { id } kinds count } }');
    expect(r.errors).toBeUndefined();
    const key = (l: { from: string; to: string }) => [l.from, l.to].sort().join('|');
    const answered = new Map(r.data.cooperationLinks.map((l: any) => [key({ from: l.from.id, to: l.to.id }), `${l.count} ${l.kinds.join(',')}`]));
    expect(answered.size).toBeGreaterThan(50);
    expect(answered).toEqual(new Map(counted.map((l) => [key(l), `${l.taskIds.length} ${l.kinds.join(',')}`])));

    // The evidence of 长沙市's strongest link, a page at a time, in document order.
    const c = await gql(app.url, '{ cooperationLinks(region: "430100") { to { id } count all: tasks { id } page: tasks(limit: 5, offset: 3) { id } } }');
    const link = c.data.cooperationLinks[0];
    const expected = counted.find((l) => key(l) === key({ from: '430100', to: link.to.id }))!;
    expect(link.all.map((t: any) => t.id).sort()).toEqual(expected.taskIds);
    expect(link.count).toBe(expected.taskIds.length);
    expect(link.page.map((t: any) => t.id)).toEqual(link.all.slice(3, 8).map((t: any) => t.id));
  });

  it('overloaded units, overall and due in a window: the kept counts rank as counting every assignment does', async () => {
    for (const jurisdiction of ['430100', '430500', '430000']) {
      for (const window of [null, { from: '2024-07-01', to: '2025-06-30' }]) {
        const rows = window
          ? await store.run(read('unit-load-due'), { jurisdiction, ...window })
          : await store.run(read('unit-load'), { jurisdiction });
        // Departments and other non-collectives ranked among themselves (collectives are ranked apart).
        const expected = computeLoads(countsFromRows(rows), 'WEIGHTED').filter((l) => l.kind !== 'collective')
          .sort((a, b) => b.value - a.value || (b.zScore ?? -Infinity) - (a.zScore ?? -Infinity) || a.unitId.localeCompare(b.unitId)).slice(0, 15);
        const r = await gql(app.url, 'query($j: String!, $due: DateRange) { overloadedUnits(jurisdiction: $j, top: 15, due: $due) { unit { id } lead responsible participant peers peerMean zScore } }',
          { j: jurisdiction, due: window });
        expect(r.errors).toBeUndefined();
        expect(r.data.overloadedUnits.map((l: any) => [l.unit.id, l.lead, l.responsible, l.participant, l.peers, l.peerMean, l.zScore]))
          .toEqual(expected.map((l) => [l.unitId, l.lead, l.responsible, l.participant, l.peers, l.peerMean, l.zScore]));
        expect(expected[0]!.value).toBeGreaterThan(0);
      }
    }
  });

  it('the aggregated network: one node per jurisdiction with its units, documents and tasks, ties between them', async () => {
    const r = await gql(app.url, '{ jurisdictionNetwork(within: "430000") { jurisdictions { region { id name } units documents tasks } links { from { id } to { id } tasks } } }');
    expect(r.errors).toBeUndefined();
    const net = r.data.jurisdictionNetwork;
    // What the extraction holds, per jurisdiction: its documents, their tasks, the units scoped to it.
    const byJurisdiction = new Map<string, { documents: number; tasks: number; units: number }>();
    const at = (id: string) => byJurisdiction.get(id) ?? byJurisdiction.set(id, { documents: 0, tasks: 0, units: 0 }).get(id)!;
    for (const d of result.documents) {
      at(d.jurisdiction!.code).documents++;
      at(d.jurisdiction!.code).tasks += d.tasks.length;
    }
    for (const u of result.units) at(u.jurisdiction.code).units++;
    expect(net.jurisdictions.map((j: any) => [j.region.id, j.units, j.documents, j.tasks]).sort())
      .toEqual([...byJurisdiction].map(([id, j]) => [id, j.units, j.documents, j.tasks]).sort());
    expect(net.jurisdictions).toHaveLength(new Set(plans.map((p) => p.jurisdiction)).size);
    expect(net.jurisdictions[0].tasks).toBeGreaterThanOrEqual(net.jurisdictions[1].tasks); // busiest first
    // Ties only between the jurisdictions drawn, with the cooperation links' counts.
    const ids = new Set(net.jurisdictions.map((j: any) => j.region.id));
    expect(net.links.length).toBeGreaterThan(0);
    for (const l of net.links) expect(ids.has(l.from.id) && ids.has(l.to.id)).toBe(true);
    const links = await gql(app.url, '{ cooperationLinks(region: "430000") { to { id } count } }');
    for (const l of net.links.filter((x: any) => x.from.id === '430000' || x.to.id === '430000')) {
      const other = l.from.id === '430000' ? l.to.id : l.from.id;
      expect(links.data.cooperationLinks.find((x: any) => x.to.id === other).count).toBe(l.tasks);
    }
  });

  it('a jurisdiction’s units on demand: loads, shared tasks as counted from the assignments, memberships, a limit', async () => {
    const j = '430400';
    const r = await gql(app.url, `{ jurisdictionGraph(jurisdiction: "${j}") { jurisdiction { name } units { unit { id kind } total } shared { a b tasks } memberships { member collective } more } }`);
    expect(r.errors).toBeUndefined();
    const g = r.data.jurisdictionGraph;
    expect(g.jurisdiction.name).toBe('衡阳市');
    const units = result.units.filter((u) => u.jurisdiction.code === j);
    expect(g.units).toHaveLength(units.length);
    expect(g.more).toBe(0);
    // Shared tasks per pair, as the partners query counts them from the stored assignments.
    const partners = await store.run(read('partners'), { unitIds: units.map((u) => u.id) });
    const expected = partners.filter((p) => (p.unitId as string) < (p.partnerId as string)).map((p) => `${p.unitId as string}|${p.partnerId as string} ${p.sharedTasks as number}`).sort();
    expect(g.shared.map((s: any) => `${s.a}|${s.b} ${s.tasks}`).sort()).toEqual(expected);
    // A collective (各县市区, 有关县区人民政府) and its county governments.
    const collective = units.find((u) => u.kind === 'collective' && u.members.length > 0)!;
    expect(collective.members.length).toBeGreaterThan(5);
    expect(g.memberships.filter((m: any) => m.collective === collective.id).map((m: any) => m.member).sort()).toEqual([...collective.members].sort());

    const top = await gql(app.url, `{ jurisdictionGraph(jurisdiction: "${j}", limit: 10) { units { unit { id } total } shared { a b } more } }`);
    const drawn = top.data.jurisdictionGraph;
    expect(drawn.units).toHaveLength(10);
    expect(drawn.more).toBe(units.length - 10);
    expect(drawn.units.map((u: any) => u.total)).toEqual(g.units.map((u: any) => u.total).slice(0, 10));
    const ten = new Set(drawn.units.map((u: any) => u.unit.id));
    expect(drawn.shared.every((s: any) => ten.has(s.a) && ten.has(s.b))).toBe(true);

    // Each unit's 3 strongest ties (as the page asks, with its own number): from the whole list above.
    const k = 3;
    const backbone = (await gql(app.url, `{ jurisdictionGraph(jurisdiction: "${j}", ties: ${k}) { shared { a b tasks } moreShared } }`)).data.jurisdictionGraph;
    const key = (s: any) => `${s.a}|${s.b} ${s.tasks}`;
    const strongestOf = (unit: string) => g.shared.filter((s: any) => s.a === unit || s.b === unit)
      .sort((x: any, y: any) => y.tasks - x.tasks || (x.a !== y.a ? (x.a < y.a ? -1 : 1) : x.b < y.b ? -1 : 1)).slice(0, k).map(key);
    const expectedKeys = new Set(units.flatMap((u) => strongestOf(u.id)));
    expect(backbone.shared.map(key).sort()).toEqual([...expectedKeys].sort());
    expect(backbone.shared.length).toBeLessThan(g.shared.length);
    expect(backbone.moreShared).toBe(g.shared.length - backbone.shared.length);
    expect(backbone.shared.map((s: any) => s.tasks)).toEqual(backbone.shared.map((s: any) => s.tasks).sort((x: number, y: number) => y - x));
    expect((await gql(app.url, `{ jurisdictionGraph(jurisdiction: "${j}", ties: 0) { more } }`)).errors![0]!.message).toBe('ties must be between 1 and 500, got 0');
  });

  it('says what was wrong with a bad jurisdiction or region', async () => {
    const r = await gql(app.url, '{ jurisdictionGraph(jurisdiction: "邵阳") { more } }');
    expect(r.errors![0]!.message).toMatch(/6-digit division code such as 430500.*got "邵阳"/);
    const n = await gql(app.url, '{ jurisdictionNetwork(within: "999999") { links { tasks } } }');
    expect(n.errors![0]!.message).toMatch(/no region 999999 in the store/);
    expect(n.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
