/**
 * The national network folded on the server (api/analytics/province-fold.ts): the rule on a
 * hand-made network whose sums are worked out below, then over real HTTP on both stores with
 * synthetic plans of the 31 provinces, where the folded answer must agree with the unfolded one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalPlan } from '../../bench/province-plans';
import { FOLD_FROM, foldProvinces, provinceOf } from '../../server/api/analytics/province-fold';
import { extract } from '../../server/extract/extract';
import { gazetteerTree } from '../../server/graph/region-tallies';
import { loadExtraction } from '../../server/graph/loader';
import { stores } from '../support/stores';
import { gql, startTestApp } from './helpers';

describe('the fold of a national network', () => {
  const tree = gazetteerTree();
  // Enough jurisdictions to fold (FOLD_FROM): cities of 广东 with no ties (their codes say 广东).
  const more = Array.from({ length: FOLD_FROM }, (_, i) => ({ regionId: `44${String(i + 10).padStart(2, '0')}00`, units: 1, documents: 1, tasks: 1 }));
  const NATION = {
    jurisdictions: [
      { regionId: '430100', units: 3, documents: 2, tasks: 400 }, // 长沙市
      { regionId: '430500', units: 2, documents: 1, tasks: 100 }, // 邵阳市
      { regionId: '430000', units: 1, documents: 1, tasks: 10 }, // 湖南省
      { regionId: '440100', units: 4, documents: 3, tasks: 300 }, // 广州市
      { regionId: '440300', units: 5, documents: 2, tasks: 50 }, // 深圳市 (广东省 itself issued nothing)
      ...more,
    ],
    links: [
      { from: '430100', to: '430500', tasks: 9 },
      { from: '430100', to: '440100', tasks: 4 },
      { from: '430500', to: '440300', tasks: 2 },
      { from: '430000', to: '440100', tasks: 1 },
    ],
  };

  it('a county, a city and a province lie in their province', () => {
    expect(['430523', '430500', '430000', '440300'].map((id) => provinceOf(id, tree))).toEqual(['430000', '430000', '430000', '440000']);
  });

  it('folded: each province sums its jurisdictions; ties between provinces are summed and marked so', () => {
    const f = foldProvinces(NATION, [], tree);
    expect(f.jurisdictions).toEqual([
      { regionId: '430000', units: 6, documents: 4, tasks: 510 },
      { regionId: '440000', units: 9 + FOLD_FROM, documents: 5 + FOLD_FROM, tasks: 350 + FOLD_FROM },
    ]);
    // 长沙–广州 4 + 邵阳–深圳 2 + 湖南省–广州 1; 长沙–邵阳 lies inside 湖南 and is no line.
    expect(f.links).toEqual([{ from: '430000', to: '440000', tasks: 7, summed: true }]);
    expect(f).toMatchObject({ provinces: ['430000', '440000'], folded: ['430000', '440000'], count: 5 + FOLD_FROM });
  });

  it('a province opened shows its jurisdictions (its own government among them), tied to the folded ones; a city in open changes nothing', () => {
    const f = foldProvinces(NATION, ['430000', '440100'], tree);
    expect(f.jurisdictions.map((j) => [j.regionId, j.tasks])).toEqual([['430100', 400], ['430500', 100], ['430000', 10], ['440000', 350 + FOLD_FROM]]);
    expect(f.links.map((l) => [l.from, l.to, l.tasks, l.summed])).toEqual([
      ['430100', '430500', 9, false], ['430100', '440000', 4, true], ['430500', '440000', 2, true], ['430000', '440000', 1, true],
    ]);
    expect(f.folded).toEqual(['440000']);
  });

  it('one province, or a few jurisdictions of several: nothing folded', () => {
    const few = { ...NATION, jurisdictions: NATION.jurisdictions.slice(0, 5) };
    const f = foldProvinces(few, [], tree);
    expect(f.jurisdictions).toEqual(few.jurisdictions);
    expect(f.links.every((l) => !l.summed)).toBe(true);
    expect(f).toMatchObject({ provinces: [], folded: [], count: 5 });
  });
});

const PLANS = Array.from({ length: 93 }, (_, n) => nationalPlan(n)); // three plans of each of the 31 provinces

describe.each(stores())('API: the national network folded ($name)', (store) => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  const NET = `query($fold: Boolean, $open: [ID!]) { jurisdictionNetwork(fold: $fold, open: $open) {
    jurisdictions { region { id name level } units documents tasks } links { from { id } to { id } tasks summed } provinces folded count } }`;
  let whole: any;
  beforeAll(async () => {
    app = await startTestApp({ store });
    const outcomes = await loadExtraction(app.graph, extract(PLANS.map((p) => ({ file: p.file, bytes: Buffer.from(p.text) }))));
    expect(outcomes.filter((o) => o.status === 'added')).toHaveLength(PLANS.length);
    whole = (await gql(app.url, NET, { fold: false })).data.jurisdictionNetwork;
  }, 600_000);
  afterAll(async () => app?.close());

  const provinceOfId = (id: string) => provinceOf(id, gazetteerTree());

  it('a node per province, each summing the unfolded network\'s jurisdictions in it', async () => {
    expect(whole.jurisdictions.length).toBeGreaterThanOrEqual(FOLD_FROM);
    expect(whole).toMatchObject({ provinces: [], folded: [], count: whole.jurisdictions.length });
    const r = await gql(app.url, NET, { fold: true });
    expect(r.errors).toBeUndefined();
    const net = r.data.jurisdictionNetwork;
    expect(net.count).toBe(whole.jurisdictions.length);
    const provinces = [...new Set(whole.jurisdictions.map((j: any) => provinceOfId(j.region.id)))].sort();
    expect(provinces).toHaveLength(31); // the seeds' 湖南 and the plans of every mainland province
    expect(net.jurisdictions.map((j: any) => j.region.id).sort()).toEqual(provinces);
    expect([...net.provinces].sort()).toEqual(provinces);
    for (const p of net.jurisdictions) {
      expect(p.region.level).toBe('PROVINCE');
      const inside = whole.jurisdictions.filter((j: any) => provinceOfId(j.region.id) === p.region.id);
      for (const k of ['units', 'documents', 'tasks']) expect(p[k]).toBe(inside.reduce((n: number, j: any) => n + j[k], 0));
    }
    // Each line sums the ties between the two provinces' jurisdictions; no tie inside a province is a line.
    const sum = new Map<string, number>();
    for (const l of whole.links) {
      const [a, b] = [provinceOfId(l.from.id), provinceOfId(l.to.id)].sort();
      if (a !== b) sum.set(`${a}~${b}`, (sum.get(`${a}~${b}`) ?? 0) + l.tasks);
    }
    expect(new Map(net.links.map((l: any) => [`${l.from.id}~${l.to.id}`, l.tasks]))).toEqual(sum);
    expect(net.links.every((l: any) => l.summed)).toBe(true);
  });

  it('湖南省 opened lists its jurisdictions as the unfolded network has them; a city id in open is left alone', async () => {
    const city = whole.jurisdictions.find((j: any) => provinceOfId(j.region.id) === '440000' && j.region.level !== 'PROVINCE').region.id;
    const net = (await gql(app.url, NET, { fold: true, open: ['430000', city] })).data.jurisdictionNetwork;
    const hunan = whole.jurisdictions.filter((j: any) => provinceOfId(j.region.id) === '430000');
    expect(hunan.length).toBeGreaterThan(1);
    expect(net.jurisdictions.filter((j: any) => j.region.id.startsWith('43'))).toEqual(hunan);
    expect(net.jurisdictions).toHaveLength(30 + hunan.length);
    expect(net.folded).toHaveLength(30);
    expect(net.folded).not.toContain('430000');
    expect(net.jurisdictions.some((j: any) => j.region.id === city)).toBe(false);
  });

  it('more than 100 ids in open: a clear error', async () => {
    const r = await gql(app.url, NET, { fold: true, open: Array.from({ length: 101 }, (_, i) => String(100000 + i)) });
    expect(r.errors?.[0]?.message).toBe('open: at most 100 ids, not 101');
  });
});
