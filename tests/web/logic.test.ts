/** The web view's logic: URL state, filters and graph building, CSV export. */
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../web/src/lib/csv';
import { buildGraph, seededPosition, type Filters, type UnitData } from '../../web/src/lib/graph';
import { DEFAULT_STATE, parseState, serializeState } from '../../web/src/lib/url-state';

describe('URL state', () => {
  it('round-trips every field and writes nothing for the defaults', () => {
    expect(serializeState(DEFAULT_STATE)).toBe('');
    const s = { ...DEFAULT_STATE, view: 'overload' as const, lang: 'en' as const, unit: '360300:市商务局', doc: 'd1', hl: [12, 40] as [number, number],
      document: 'd1', jurisdiction: '430500', role: 'lead' as const, kinds: ['department', 'zone'], showTasks: true, measure: 'LEAD' as const, region: '430300', open: ['430100', '430400'] };
    expect(parseState(serializeState(s))).toEqual(s);
  });

  it('ignores values a pasted link may carry that make no sense', () => {
    const s = parseState('?view=map&lang=fr&role=boss&jurisdiction=邵阳&hl=9-3&measure=x&kinds=&open=长沙,4301');
    expect(s).toEqual(DEFAULT_STATE);
  });
});

const unit = (id: string, kind: string, jurisdiction: string, tasks: Array<[string, string, string]>, memberOf: string[] = []): UnitData => ({
  id, name: id, kind, jurisdiction: { id: jurisdiction, name: jurisdiction }, load: { lead: 0, responsible: 0, participant: 0, total: tasks.length },
  tasks: tasks.map(([role, task, doc]) => ({ role: role as 'LEAD', task: { id: task, title: task, document: { id: doc } } })), memberOf: memberOf.map((c) => ({ id: c })),
});

const UNITS: UnitData[] = [
  unit('a', 'DEPARTMENT', 'J1', [['LEAD', 't1', 'd1'], ['RESPONSIBLE', 't2', 'd1']]),
  unit('b', 'DEPARTMENT', 'J1', [['RESPONSIBLE', 't1', 'd1'], ['LEAD', 't2', 'd1']]),
  unit('c', 'COLLECTIVE', 'J1', [['RESPONSIBLE', 't1', 'd1'], ['PARTICIPANT', 't3', 'd2']]),
  unit('m', 'COUNTY_GOVERNMENT', 'J1', [], ['c']),
  unit('z', 'ZONE', 'J2', [['LEAD', 't3', 'd2']]),
];
const NONE: Filters = { document: '', jurisdiction: '', role: '', kinds: [], showTasks: false };
const shared = (g: ReturnType<typeof buildGraph>) => g.edges.filter((e) => e.data.type === 'shared').map((e) => `${e.data.source}-${e.data.target}:${e.data.weight}`).sort();

describe('network graph and filters', () => {
  it('links units by shared tasks (weighted), collectives to members, grouped by jurisdiction', () => {
    const g = buildGraph(UNITS, NONE);
    expect(g.unitCount).toBe(5);
    expect(shared(g)).toEqual(['a-b:2', 'a-c:1', 'b-c:1', 'c-z:1']);
    expect(g.edges.filter((e) => e.data.type === 'member').map((e) => e.data.id)).toEqual(['m:m>c']);
    expect(g.nodes.filter((n) => n.data.type === 'group').map((n) => n.data.id)).toEqual(['j:J1', 'j:J2']);
    expect(g.nodes.find((n) => n.data.id === 'a')!.data.kind).toBe('department');
  });

  it('filters by document, role, jurisdiction and kind', () => {
    expect(buildGraph(UNITS, { ...NONE, document: 'd2' }).nodes.filter((n) => n.data.type === 'unit').map((n) => n.data.id).sort()).toEqual(['c', 'm', 'z']);
    expect(shared(buildGraph(UNITS, { ...NONE, role: 'lead' }))).toEqual([]);
    expect(buildGraph(UNITS, { ...NONE, role: 'lead' }).unitCount).toBe(3);
    expect(buildGraph(UNITS, { ...NONE, jurisdiction: 'J2' }).unitCount).toBe(1);
    expect(buildGraph(UNITS, { ...NONE, kinds: ['department'] }).unitCount).toBe(2);
  });

  it('shows tasks on demand with lead, responsible and participant edges', () => {
    const g = buildGraph(UNITS, { ...NONE, showTasks: true });
    expect(g.nodes.filter((n) => n.data.type === 'task')).toHaveLength(3);
    expect(g.edges.filter((e) => e.data.type === 'lead').map((e) => `${e.data.source}>${e.data.target}`).sort()).toEqual(['a>t1', 'b>t2', 'z>t3']);
    expect(g.edges.filter((e) => e.data.type === 'participant')).toHaveLength(1);
    expect(shared(g)).toEqual([]);
  });

  it('places a node the same way on every load', () => {
    expect(seededPosition('430500:市商务局')).toEqual(seededPosition('430500:市商务局'));
    expect(seededPosition('a')).not.toEqual(seededPosition('b'));
  });
});

describe('CSV export', () => {
  it('writes a BOM, quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv([{ n: '市商务局', q: '(牵头单位:市商务局,市发改委)', f: '=1+1', k: 2 }], [
      { header: 'unit', value: (r) => r.n }, { header: 'note', value: (r) => r.q }, { header: 'x', value: (r) => r.f }, { header: 'k', value: (r) => r.k },
    ]);
    expect(csv).toBe('\uFEFFunit,note,x,k\r\n市商务局,"(牵头单位:市商务局,市发改委)",\'=1+1,2\r\n');
    expect(toCsv([{ s: 'say "hi"\nnow' }], [{ header: 'h', value: (r) => r.s }])).toBe('\uFEFFh\r\n"say ""hi""\nnow"\r\n');
  });
});
