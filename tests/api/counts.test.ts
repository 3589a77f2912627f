/**
 * One counting rule for every view (issue 21, items 1 and 2): a task counts once per unit, under
 * the unit's strongest role in it. The unit panel's lists (Unit.duties), the ledger's rows and the
 * load's terms must agree for every unit of the seeds; rankings compare peers only.
 * Expected values are read off the documents by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PEERS } from '../../server/api/analytics/load';
import { gql, startTestApp } from './helpers';
import { stores } from '../support/stores';

type Counts = { lead: number; responsible: number; participant: number };
const zero = (): Counts => ({ lead: 0, responsible: 0, participant: 0 });
const key = (role: string) => role.toLowerCase() as keyof Counts;

describe.each(stores())('API: one counting rule for panel, ledger and load ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp({ store });
  });
  afterAll(async () => app?.close());

  it('湖南省 省发改委: 9 tasks led, 3 responsible, 5 supporting, 17 in all, in the panel, the ledger and the load', async () => {
    // By hand from 002: it leads a clause of 二 items (三)1, (四)1, (四)3, (七)3, (八)1, (八)2 and of 三 (九), (十一),
    // (十二) = 9 (items (三)1 and (四)1 hold two notes in which it leads, and one where it takes part: once each);
    // it is only 按职责分工负责 in 二(五), (八)3 and 三(十) = 3; it only takes part (参与) in (三)2, (三)3, (四)4,
    // (六)3, (七)2 = 5. 17 tasks, where counting per role gave 9 + 3 + 8 = 20.
    const r = await gql(app.url, `{ units(filter: { jurisdiction: "430000", text: "省发改委" }, limit: 5) { id name
      load { lead responsible participant total } leads: duties(role: LEAD) { task { ref } assignments { quote } }
      duties { role } } }`);
    expect(r.errors).toBeUndefined();
    const u = r.data.units.find((x: any) => x.name === '省发展和改革委员会');
    expect(u.load).toEqual({ lead: 9, responsible: 3, participant: 5, total: 17 });
    expect(u.leads).toHaveLength(9);
    expect(u.duties).toHaveLength(17);
    // The task of two leading notes is one entry holding both notes.
    expect(Math.max(...u.leads.map((d: any) => d.assignments.length))).toBeGreaterThanOrEqual(2);
    const ledger = await gql(app.url, 'query($u: ID) { ledger(filter: { unit: $u }, limit: 100) { role } }', { u: u.id });
    expect(ledger.errors).toBeUndefined();
    expect(ledger.data.ledger).toHaveLength(17);
    expect(ledger.data.ledger.filter((x: any) => x.role === 'LEAD')).toHaveLength(9);
  });

  it('for every unit of the seeds: the panel’s counts = the ledger’s rows = the load’s terms', async () => {
    const docs = await gql(app.url, '{ documents { jurisdiction { id } } }');
    const jurisdictions = [...new Set(docs.data.documents.map((d: any) => d.jurisdiction?.id).filter(Boolean))] as string[];
    expect(jurisdictions.length).toBeGreaterThanOrEqual(4); // 邵阳 (000, 004), 萍乡, 湖南, 湘潭

    const ledger = await gql(app.url, '{ ledger(limit: 5000) { unitId role } }');
    expect(ledger.errors).toBeUndefined();
    const rows = new Map<string, Counts>();
    for (const r of ledger.data.ledger) {
      const c = rows.get(r.unitId) ?? zero();
      c[key(r.role)]++;
      rows.set(r.unitId, c);
    }
    let units = 0;
    for (const j of jurisdictions) {
      const r = await gql(app.url, `query($j: String) { units(filter: { jurisdiction: $j }, limit: 500) { id
        load { lead responsible participant total } duties { role } } }`, { j });
      expect(r.errors).toBeUndefined();
      for (const u of r.data.units) {
        const panel = zero();
        for (const d of u.duties) panel[key(d.role)]++;
        const load = { lead: u.load.lead, responsible: u.load.responsible, participant: u.load.participant };
        expect([u.id, panel]).toEqual([u.id, load]);
        expect([u.id, rows.get(u.id) ?? zero()]).toEqual([u.id, load]);
        expect(u.load.total).toBe(u.duties.length);
        units++;
      }
    }
    expect(units).toBeGreaterThan(100);
  });

  it('邵阳市’s ranking compares peers: no collective among departments, no z-value under MIN_PEERS', async () => {
    const r = await gql(app.url, `{ all: overloadedUnits(jurisdiction: "430500", top: 500) { unit { name kind } value peers zScore overloaded minPeers }
      collectives: overloadedUnits(jurisdiction: "430500", kind: COLLECTIVE, top: 500) { unit { name } peers zScore } }`);
    expect(r.errors).toBeUndefined();
    expect(MIN_PEERS).toBe(3);
    expect(r.data.all.length).toBeGreaterThan(20);
    expect(r.data.all.filter((l: any) => l.unit.kind === 'COLLECTIVE')).toEqual([]);
    // 各县市区 (responsible in 21 notes of 000) no longer leads the list: 市发改委 does.
    expect(r.data.all[0].unit.name).toBe('市发展和改革委员会');
    for (const l of r.data.all) {
      expect(l.minPeers).toBe(MIN_PEERS);
      if (l.peers < MIN_PEERS) {
        expect([l.unit.name, l.zScore, l.overloaded]).toEqual([l.unit.name, null, false]);
      } else {
        expect(typeof l.zScore).toBe('number');
      }
    }
    // 邵阳经开区 and 邵阳海关 are the only units of their kinds in 000: no z-value.
    const zone = r.data.all.find((l: any) => l.unit.name === '邵阳经开区');
    expect(zone).toMatchObject({ peers: 1, zScore: null });
    expect(r.data.collectives.map((l: any) => l.unit.name)).toContain('各县市区');
  });
});
