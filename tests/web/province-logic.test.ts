/** The province-scale network without a browser: jurisdictions as nodes, opened ones as boxes of their units. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../web/src/lib/graph';
import { buildJurisdictionGraph, FOLD_FROM, foldProvinces, unitsOfGraph, type JurisdictionGraphData, type JurisdictionNetworkData } from '../../web/src/lib/jurisdiction-graph';

const NET: JurisdictionNetworkData = {
  jurisdictions: [
    { region: { id: '430100', name: '长沙市', level: 'PREFECTURE' }, units: 3, documents: 2, tasks: 400 },
    { region: { id: '430500', name: '邵阳市', level: 'PREFECTURE' }, units: 2, documents: 1, tasks: 100 },
    { region: { id: '430000', name: '湖南省', level: 'PROVINCE' }, units: 1, documents: 1, tasks: 0 },
  ],
  links: [
    { from: { id: '430100' }, to: { id: '430500' }, tasks: 9 },
    { from: { id: '430000' }, to: { id: '430100' }, tasks: 1 },
    // A region that is not drawn (no units): no line.
    { from: { id: '430100' }, to: { id: '440300' }, tasks: 4 },
  ],
};

const load = (id: string, kind: string, total: number, overloaded = false) => ({
  unit: { id, name: id, kind }, lead: total, responsible: 0, participant: 0, total, weighted: 3 * total, zScore: overloaded ? 2.5 : 0, overloaded,
});
const CHANGSHA: JurisdictionGraphData = {
  jurisdiction: { id: '430100', name: '长沙市' },
  units: [load('430100:市发改委', 'DEPARTMENT', 100, true), load('430100:市商务局', 'DEPARTMENT', 25), load('430100:各区县市', 'COLLECTIVE', 4)],
  shared: [{ a: '430100:市发改委', b: '430100:市商务局', tasks: 7 }, { a: '430100:各区县市', b: '430100:市发改委', tasks: 2 }],
  memberships: [],
  more: 5,
};

describe('the province-scale network', () => {
  it('closed: one node per jurisdiction, sized by tasks relative to the largest, lines only between drawn ones', () => {
    const g = buildJurisdictionGraph(NET, new Map(), { kinds: [] });
    expect(g.nodes.map((n) => [n.data.id, n.data.type, n.data.size])).toEqual([
      ['j:430100', 'jurisdiction', 80], ['j:430500', 'jurisdiction', 52], ['j:430000', 'jurisdiction', 24],
    ]);
    expect(g.edges.map((e) => [e.data.source, e.data.target, e.data.weight])).toEqual([['j:430100', 'j:430500', 9], ['j:430000', 'j:430100', 1]]);
    expect(g.edges[0]!.data).toMatchObject({ type: 'jlink', width: 10 });
    expect(g.unitCount).toBe(0);
  });

  it('opened: the jurisdiction becomes a box of its units with their shared tasks, its lines end at the box', () => {
    const g = buildJurisdictionGraph(NET, new Map([['430100', CHANGSHA]]), { kinds: [] });
    expect(g.nodes.find((n) => n.data.id === 'j:430100')!.data.type).toBe('group');
    const units = g.nodes.filter((n) => n.data.type === 'unit');
    expect(units.map((n) => [n.data.id, 'parent' in n.data && n.data.parent, n.data.size, 'overloaded' in n.data && n.data.overloaded])).toEqual([
      // Sizes relative to the busiest unit: 14 + 40·√(total/100).
      ['430100:市发改委', 'j:430100', 54, true], ['430100:市商务局', 'j:430100', 34, false], ['430100:各区县市', 'j:430100', 22, false],
    ]);
    expect(g.edges.filter((e) => e.data.type === 'shared').map((e) => e.data.weight)).toEqual([7, 2]);
    expect(g.edges.filter((e) => e.data.type === 'jlink').map((e) => e.data.source)).toEqual(['j:430100', 'j:430000']);
    expect(g.unitCount).toBe(3);
  });

  it('the kind and overload filters apply to the opened units, and their lines go with them', () => {
    const depts = buildJurisdictionGraph(NET, new Map([['430100', CHANGSHA]]), { kinds: ['department'] });
    expect(depts.nodes.filter((n) => n.data.type === 'unit').map((n) => n.data.id)).toEqual(['430100:市发改委', '430100:市商务局']);
    expect(depts.edges.filter((e) => e.data.type === 'shared')).toHaveLength(1);
    const over = buildJurisdictionGraph(NET, new Map([['430100', CHANGSHA]]), { kinds: [], overloaded: true });
    expect(over.nodes.filter((n) => n.data.type === 'unit').map((n) => n.data.id)).toEqual(['430100:市发改委']);
    expect(over.unitCount).toBe(1);
  });

  it('a city drawn from the counted pairs: units without assignments, edges from shared, members from memberships', () => {
    const withMember = { ...CHANGSHA, units: [...CHANGSHA.units, load('430100:浏阳市人民政府', 'COUNTY_GOVERNMENT', 3)],
      memberships: [{ member: '430100:浏阳市人民政府', collective: '430100:各区县市' }] };
    const units = unitsOfGraph(withMember);
    expect(units.find((u) => u.id === '430100:浏阳市人民政府')!.memberOf).toEqual([{ id: '430100:各区县市' }]);
    const g = buildGraph(units, { document: '', jurisdiction: '430100', role: '', kinds: [], showTasks: false }, withMember.shared);
    expect(g.unitCount).toBe(4);
    expect(g.edges.map((e) => [e.data.type, e.data.source, e.data.target, e.data.weight])).toEqual([
      ['shared', '430100:市发改委', '430100:市商务局', 7], ['shared', '430100:各区县市', '430100:市发改委', 2],
      ['member', '430100:浏阳市人民政府', '430100:各区县市', undefined],
    ]);
  });
});

describe('the national network: a node per province until one is opened', () => {
  const HN = { id: '430000', name: '湖南省', level: 'PROVINCE' };
  const GD = { id: '440000', name: '广东省', level: 'PROVINCE' };
  // Enough jurisdictions to fold (FOLD_FROM): cities of 广东 with no plans' ties, named c1 …
  const more = Array.from({ length: FOLD_FROM }, (_, i) => ({ region: { id: `44${String(i + 10).padStart(2, '0')}00`, name: `c${i}`, level: 'PREFECTURE', within: [GD] }, units: 1, documents: 1, tasks: 1 }));
  const NATION: JurisdictionNetworkData = {
    jurisdictions: [
      { region: { id: '430100', name: '长沙市', level: 'PREFECTURE', within: [HN] }, units: 3, documents: 2, tasks: 400 },
      { region: { id: '430500', name: '邵阳市', level: 'PREFECTURE', within: [HN] }, units: 2, documents: 1, tasks: 100 },
      { region: { ...HN, within: [] }, units: 1, documents: 1, tasks: 10 },
      { region: { id: '440100', name: '广州市', level: 'PREFECTURE', within: [GD] }, units: 4, documents: 3, tasks: 300 },
      // 广东省 itself issued nothing: its node is named from its cities' ancestors.
      { region: { id: '440300', name: '深圳市', level: 'PREFECTURE', within: [GD] }, units: 5, documents: 2, tasks: 50 },
      ...more,
    ],
    links: [
      { from: { id: '430100' }, to: { id: '430500' }, tasks: 9 },
      { from: { id: '430100' }, to: { id: '440100' }, tasks: 4 },
      { from: { id: '430500' }, to: { id: '440300' }, tasks: 2 },
      { from: { id: '430000' }, to: { id: '440100' }, tasks: 1 },
    ],
  };

  it('folded: each province sums its jurisdictions; ties between provinces are summed and marked so', () => {
    const f = foldProvinces(NATION, []);
    expect(f.jurisdictions.map((j) => [j.region.id, j.region.name, j.units, j.documents, j.tasks])).toEqual([
      ['430000', '湖南省', 6, 4, 510], ['440000', '广东省', 9 + FOLD_FROM, 5 + FOLD_FROM, 350 + FOLD_FROM],
    ]);
    // 长沙–广州 4 + 邵阳–深圳 2 + 湖南省–广州 1; 长沙–邵阳 lies inside 湖南 and is no line.
    expect(f.links).toEqual([{ from: { id: '430000' }, to: { id: '440000' }, tasks: 7, summed: true }]);
    const g = buildJurisdictionGraph(f, new Map(), { kinds: [] });
    expect(g.nodes.map((n) => n.data.id)).toEqual(['j:430000', 'j:440000']);
    expect(g.edges.map((e) => e.data)).toMatchObject([{ source: 'j:430000', target: 'j:440000', weight: 7, summed: true }]);
  });

  it('a province opened shows its jurisdictions (its own government among them), tied to the folded ones', () => {
    const f = foldProvinces(NATION, ['430000']);
    expect(f.jurisdictions.map((j) => [j.region.id, j.tasks])).toEqual([['430100', 400], ['430500', 100], ['430000', 10], ['440000', 350 + FOLD_FROM]]);
    expect(f.links.map((l) => [l.from.id, l.to.id, l.tasks, !!l.summed])).toEqual([
      ['430100', '430500', 9, false], ['430100', '440000', 4, true], ['430500', '440000', 2, true], ['430000', '440000', 1, true],
    ]);
    expect([...f.folded]).toEqual(['440000']);
  });

  it('one province, or a few jurisdictions of several: nothing folded, the network as it is', () => {
    for (const net of [NET, { ...NATION, jurisdictions: NATION.jurisdictions.slice(0, 5) }]) {
      const f = foldProvinces(net, ['430100']);
      expect(f.jurisdictions).toEqual(net.jurisdictions);
      expect(f.links).toEqual(net.links);
      expect(f.provinces.size).toBe(0);
    }
  });
});
