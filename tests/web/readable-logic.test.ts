/** The logic behind a readable network: short names, label placement, packing, the region graph, keyboard moves. */
import { describe, expect, it } from 'vitest';
import { buildGraph, type Filters, type UnitData } from '../../web/src/lib/graph';
import { labelBox, overlaps, placeLabels, SIDES, type LabelCandidate } from '../../web/src/lib/label-placement';
import { shelfPack } from '../../web/src/lib/pack';
import { buildRegionGraph, linkKey } from '../../web/src/lib/region-graph';
import { shortName } from '../../web/src/lib/short-name';
import { DEFAULT_STATE, parseState, serializeState } from '../../web/src/lib/url-state';
import { nextInDirection } from '../../web/src/lib/direction';

describe('short names for labels', () => {
  it('drops the level prefix and uses the common abbreviation', () => {
    expect(shortName('市发展和改革委员会')).toBe('发改委');
    expect(shortName('省发展和改革委员会', ['省发改委'])).toBe('发改委');
    expect(shortName('市人力资源和社会保障局', ['市人社局'])).toBe('人社局');
    expect(shortName('市委组织部')).toBe('组织部');
    expect(shortName('市市场监督管理局')).toBe('市场监管局');
  });

  it('names a county government by its place, autonomous counties and prefectures by their first two characters', () => {
    expect(shortName('邵东市人民政府')).toBe('邵东市');
    expect(shortName('城步苗族自治县人民政府')).toBe('城步县');
    expect(shortName('湘西土家族苗族自治州人民政府')).toBe('湘西州');
  });

  it('keeps collectives whole and cuts long names to eight characters', () => {
    expect(shortName('各县市区', ['各县市区'])).toBe('各县市区');
    expect(shortName('市直有关部门', ['市直有关部门'])).toBe('市直有关部门');
    expect(shortName('市长株潭一体化发展事务中心')).toBe('长株潭一体化发…');
    expect(shortName('武功山景区', ['武功山景区管委会'])).toBe('武功山景区');
  });
});

// A deterministic scatter of nodes (mulberry32).
function scatter(n: number, spread: number, seed = 7): LabelCandidate[] {
  let s = seed;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, (_, i) => ({ id: `n${i}`, priority: Math.floor(rnd() * 30), x: rnd() * spread, y: rnd() * spread, r: 6, w: 40, h: 16 }));
}

describe('label placement', () => {
  const viewport = { x1: 0, y1: 0, x2: 800, y2: 600 };

  it('places labels that overlap no other label, no important node and nothing outside the view', () => {
    const nodes = scatter(300, 800).map((c) => ({ ...c, y: c.y * 0.75 }));
    const placed = placeLabels(nodes, { viewport, gap: 2, solidBodies: 40 });
    const boxes = [...placed.values()].map((p) => p.box);
    expect(boxes.length).toBeGreaterThan(40);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      expect(boxes[i]!.x1 >= 0 && boxes[i]!.y1 >= 0 && boxes[i]!.x2 <= 800 && boxes[i]!.y2 <= 600).toBe(true);
    }
    const solid = [...nodes].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1)).slice(0, 40);
    for (const [id, p] of placed) {
      for (const s of solid) if (s.id !== id) expect(overlaps(p.box, { x1: s.x - s.r, y1: s.y - s.r, x2: s.x + s.r, y2: s.y + s.r })).toBe(false);
    }
  });

  it('gives a contested spot to the more loaded node, and tries the other sides first', () => {
    const heavy = { id: 'heavy', priority: 10, x: 100, y: 100, r: 8, w: 60, h: 16 };
    const light = { id: 'light', priority: 1, x: 130, y: 100, r: 8, w: 60, h: 16 };
    const placed = placeLabels([light, heavy], { viewport, gap: 2 });
    expect(placed.get('heavy')!.side).toBe('bottom');
    // Both want the spot below; the lighter node takes the next side.
    expect(overlaps(labelBox(heavy, 'bottom', 2), labelBox(light, 'bottom', 2))).toBe(true);
    expect(placed.get('light')!.side).not.toBe('bottom');
    expect(overlaps(placed.get('heavy')!.box, placed.get('light')!.box)).toBe(false);
    expect(SIDES).toContain(placed.get('light')!.side);
    // A box of each side lies on that side of its node.
    expect(labelBox(heavy, 'top', 2).y2).toBeLessThanOrEqual(heavy.y - heavy.r);
    expect(labelBox(heavy, 'right', 2).x1).toBeGreaterThanOrEqual(heavy.x + heavy.r);
  });

  it('names more nodes as the user zooms in', () => {
    const nodes = scatter(400, 800);
    const at = (zoom: number) => placeLabels(nodes.map((c) => ({ ...c, x: c.x * zoom, y: c.y * zoom })), { viewport: { x1: 0, y1: 0, x2: 800 * zoom, y2: 800 * zoom } }).size;
    expect(at(2)).toBeGreaterThan(at(1));
    expect(at(4)).toBeGreaterThan(at(2));
  });

  it('keeps a label inside its box and clear of obstacles', () => {
    const c = { id: 'a', priority: 1, x: 50, y: 50, r: 5, w: 30, h: 14, within: { x1: 0, y1: 0, x2: 100, y2: 70 } };
    const placed = placeLabels([c], { viewport, obstacles: [{ x1: 0, y1: 55, x2: 100, y2: 80 }] });
    const box = placed.get('a')!.box;
    expect(box.y1 >= 0 && box.y2 <= 55 && box.x2 <= 100).toBe(true);
  });
});

describe('packing the parts of a graph', () => {
  it('packs four equal parts two by two for a square view, one row for a wide one, never overlapping', () => {
    const boxes = ['a', 'b', 'c', 'd'].map((id) => ({ id, w: 100, h: 100 }));
    const square = shelfPack(boxes, 1, 10);
    expect(new Set([...square.values()].map((p) => p.y)).size).toBe(2);
    const wide = shelfPack(boxes, 5, 10);
    expect(new Set([...wide.values()].map((p) => p.y))).toEqual(new Set([0]));
    const mixed = [{ id: 'big', w: 300, h: 200 }, { id: 's1', w: 80, h: 90 }, { id: 's2', w: 120, h: 60 }, { id: 's3', w: 50, h: 50 }];
    const at = shelfPack(mixed, 1.6, 20);
    for (const a of mixed) {
      for (const b of mixed) {
        if (a.id >= b.id) continue;
        const pa = at.get(a.id)!;
        const pb = at.get(b.id)!;
        expect(overlaps({ x1: pa.x, y1: pa.y, x2: pa.x + a.w, y2: pa.y + a.h }, { x1: pb.x, y1: pb.y, x2: pb.x + b.w, y2: pb.y + b.h })).toBe(false);
      }
    }
  });
});

describe('region graph', () => {
  const net = {
    nodes: [
      { region: { id: '430000', name: '湖南省', level: 'PROVINCE' }, tasks: 20, links: 2, parent: null },
      { region: { id: '430500', name: '邵阳市', level: 'PREFECTURE' }, tasks: 25, links: 3, parent: { id: '430000' } },
      { region: { id: '430528', name: '新宁县', level: 'COUNTY' }, tasks: 4, links: 2, parent: { id: '430500' } },
      { region: { id: 'area:粤港澳大湾区', name: '粤港澳大湾区', level: 'AREA' }, tasks: 43, links: 2, parent: null },
    ],
    links: [
      { from: { id: '430500', name: '邵阳市' }, to: { id: 'area:粤港澳大湾区', name: '粤港澳大湾区' }, count: 25, kinds: ['ISSUER'] },
      { from: { id: '430500', name: '邵阳市' }, to: { id: '430528', name: '新宁县' }, count: 4, kinds: ['ISSUER'] },
      { from: { id: '430000', name: '湖南省' }, to: { id: '430528', name: '新宁县' }, count: 1, kinds: ['CO_MENTION'] },
    ],
  };

  it('nests regions in their parents, weights links by tasks and marks links to a region drawn inside', () => {
    const g = buildRegionGraph(net);
    expect(g.nodes.find((n) => n.data.id === '430528')!.data.parent).toBe('430500');
    expect(g.nodes.find((n) => n.data.id === 'area:粤港澳大湾区')!.data.parent).toBeUndefined();
    expect(g.nodes.find((n) => n.data.id === 'area:粤港澳大湾区')!.data.level).toBe('area');
    const gba = g.edges.find((e) => e.data.id === `l:${linkKey('430500', 'area:粤港澳大湾区')}`)!;
    expect([gba.data.weight, gba.data.nested]).toEqual([25, false]);
    expect(g.edges.filter((e) => e.data.nested).map((e) => e.data.label)).toEqual(['邵阳市–新宁县', '湖南省–新宁县']);
    expect(linkKey('b', 'a')).toBe('a~b');
  });
});

describe('network filters and URL state for issue 13', () => {
  const unit = (id: string, overloaded: boolean, jurisdiction = 'J1'): UnitData => ({
    id, name: id, kind: 'DEPARTMENT', jurisdiction: { id: jurisdiction, name: jurisdiction },
    load: { lead: 1, responsible: 0, participant: 0, total: 1, overloaded }, tasks: [{ role: 'LEAD', task: { id: `t-${id}`, title: 't', document: { id: 'd' } } }], memberOf: [],
  });
  const NONE: Filters = { document: '', jurisdiction: '', role: '', kinds: [], showTasks: false };

  it('只看超负荷 keeps exactly the overloaded units, within the jurisdiction chosen', () => {
    const units = [unit('a', true), unit('b', false), unit('c', true, 'J2')];
    const ids = (f: Filters) => buildGraph(units, f).nodes.filter((n) => n.data.type === 'unit').map((n) => n.data.id);
    expect(ids({ ...NONE, overloaded: true })).toEqual(['a', 'c']);
    expect(ids({ ...NONE, overloaded: true, jurisdiction: 'J2' })).toEqual(['c']);
    expect(buildGraph(units, NONE).nodes.find((n) => n.data.id === 'a')!.data.overloaded).toBe(true);
  });

  it('round-trips the new view, filter, list and link fields and rejects nonsense', () => {
    const s = { ...DEFAULT_STATE, view: 'regions' as const, overloaded: true, list: true, minTasks: 5, link: '430500~area:粤港澳大湾区' };
    expect(parseState(serializeState(s))).toEqual(s);
    expect(parseState('?min=0&link=nope').minTasks).toBe(DEFAULT_STATE.minTasks);
    expect(parseState('?min=0&link=nope').link).toBe('');
  });
});

describe('keyboard moves', () => {
  const nodes = [{ id: 'right', x: 100, y: 5 }, { id: 'far-right', x: 300, y: 0 }, { id: 'below', x: 0, y: 80 }, { id: 'up-left', x: -50, y: -60 }];
  it('goes to the nearest node in the direction of the arrow', () => {
    expect(nextInDirection({ x: 0, y: 0 }, [1, 0], nodes)).toBe('right');
    expect(nextInDirection({ x: 0, y: 0 }, [0, 1], nodes)).toBe('below');
    expect(nextInDirection({ x: 0, y: 0 }, [0, -1], nodes)).toBe('up-left');
    expect(nextInDirection({ x: 300, y: 0 }, [1, 0], nodes)).toBeNull();
  });
});
