/** The province-scale network without a browser: jurisdictions as nodes, opened ones as boxes of their units. */
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../web/src/lib/graph';
import { buildJurisdictionGraph, foldsProvinces, isProvinceCode, unitsOfGraph, type JurisdictionGraphData, type JurisdictionNetworkData } from '../../web/src/lib/jurisdiction-graph';

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
  moreShared: 0,
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

describe('the national network as the server folds it', () => {
  it('a folded province is a node; a summed tie between provinces is a line marked so', () => {
    const folded: JurisdictionNetworkData = {
      jurisdictions: [
        { region: { id: '430000', name: '湖南省', level: 'PROVINCE' }, units: 6, documents: 4, tasks: 510 },
        { region: { id: '440000', name: '广东省', level: 'PROVINCE' }, units: 9, documents: 5, tasks: 350 },
      ],
      links: [{ from: { id: '430000' }, to: { id: '440000' }, tasks: 7, summed: true }],
      provinces: ['430000', '440000'], folded: ['430000', '440000'], count: 57,
    };
    const g = buildJurisdictionGraph(folded, new Map(), { kinds: [] });
    expect(g.nodes.map((n) => n.data.id)).toEqual(['j:430000', 'j:440000']);
    expect(g.edges.map((e) => e.data)).toMatchObject([{ source: 'j:430000', target: 'j:440000', weight: 7, summed: true }]);
    expect(foldsProvinces(folded)).toBe(true);
    expect(foldsProvinces(NET)).toBe(false);
  });

  it('only province codes are sent to be opened: a city opened changes nothing the server folds', () => {
    expect(['430000', '430100', '440000', '000000', '4300'].filter(isProvinceCode)).toEqual(['430000', '440000']);
  });
});
