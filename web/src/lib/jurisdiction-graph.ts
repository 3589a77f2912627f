/**
 * The network at a province's scale: one node per jurisdiction (sized by the tasks of the plans
 * it issued), one line per pair tied by tasks (as wide as how many), and, for each jurisdiction
 * the user opened, a box with its units in place of its node. The lines of an opened jurisdiction
 * then end at its box. Pure, so the tests can check it without a browser.
 */
import type { EdgeEl, NodeEl, UnitData } from './graph';
import { shortName } from './short-name';

/**
 * Above this many units (and with more than one jurisdiction) the network opens aggregated, a node
 * per jurisdiction: past a few hundred units no one can read names anyway (issue 13 measured about
 * 130 labels at the default zoom), and the page fetches only what it draws.
 */
export const PROVINCE_FROM = 300;

/**
 * The network as the server draws it (jurisdictionNetwork with fold): nationally a node per
 * province, the provinces opened showing their jurisdictions (server/api/analytics/province-fold.ts).
 */
export interface JurisdictionNetworkData {
  jurisdictions: Array<{ region: { id: string; name: string; level: string; within?: Array<{ id: string; name: string; level: string }> }; units: number; documents: number; tasks: number }>;
  /** `summed`: a line between folded provinces, its ties summed over their jurisdictions' pairs (a task tying two pairs counts twice). */
  links: Array<{ from: { id: string }; to: { id: string }; tasks: number; summed?: boolean }>;
  /** Folded nationally: every province (drawn as one node or opened); none for a province's network. */
  provinces?: string[];
  /** The provinces drawn as one node. */
  folded?: string[];
  /** How many jurisdictions there are, folded or not. */
  count?: number;
}

/** Province codes end in 0000 (430000 湖南省): what of the opened the server folds by. */
export const isProvinceCode = (id: string) => /^\d{2}0000$/.test(id) && id !== '000000';

export interface JurisdictionGraphData {
  jurisdiction: { id: string; name: string } | null;
  units: Array<{
    unit: { id: string; name: string; kind: string; aliases?: string[] };
    lead: number; responsible: number; participant: number; total: number; weighted: number; zScore: number | null; overloaded: boolean;
  }>;
  shared: Array<{ a: string; b: string; tasks: number }>;
  /** Pairs sharing tasks not sent: weaker than each of their units' strongest (TIES_PER_UNIT). */
  moreShared: number;
  memberships: Array<{ member: string; collective: string }>;
  /** Units of the jurisdiction not sent (over the limit asked for). */
  more: number;
}

export interface JurisdictionNodeEl {
  data: { id: string; label: string; name: string; type: 'jurisdiction'; level: string; tasks: number; units: number; documents: number; size: number };
}
export interface JurisdictionLinkEl { data: { id: string; source: string; target: string; type: 'jlink'; weight: number; width: number; summed?: boolean } }

/** The node (or, once opened, the box) of a jurisdiction. */
export const jurisdictionNodeId = (id: string) => `j:${id}`;

export function buildJurisdictionGraph(
  net: JurisdictionNetworkData, opened: ReadonlyMap<string, JurisdictionGraphData>, f: { kinds: readonly string[]; overloaded?: boolean },
): { nodes: Array<NodeEl | JurisdictionNodeEl>; edges: Array<EdgeEl | JurisdictionLinkEl>; unitCount: number } {
  // Sizes and widths relative to the largest, so a province of 10 or of 10,000 plans reads the same.
  const maxTasks = Math.max(1, ...net.jurisdictions.map((j) => j.tasks));
  const maxLink = Math.max(1, ...net.links.map((l) => l.tasks));
  const nodes: Array<NodeEl | JurisdictionNodeEl> = [];
  const edges: Array<EdgeEl | JurisdictionLinkEl> = [];
  let unitCount = 0;
  for (const j of net.jurisdictions) {
    const id = jurisdictionNodeId(j.region.id);
    const graph = opened.get(j.region.id);
    if (!graph) {
      nodes.push({ data: {
        id, label: shortName(j.region.name), name: j.region.name, type: 'jurisdiction', level: j.region.level.toLowerCase(),
        tasks: j.tasks, units: j.units, documents: j.documents, size: 24 + 56 * Math.sqrt(j.tasks / maxTasks),
      } });
      continue;
    }
    nodes.push({ data: { id, label: j.region.name, name: j.region.name, type: 'group' } });
    const kept = graph.units.filter((l) => (!f.kinds.length || f.kinds.includes(l.unit.kind.toLowerCase())) && (!f.overloaded || l.overloaded));
    const ids = new Set(kept.map((l) => l.unit.id));
    // Relative to the jurisdiction's busiest unit: at a province's scale most units have hundreds of tasks.
    const maxLoad = Math.max(1, ...graph.units.map((l) => l.total));
    for (const l of kept) {
      nodes.push({ data: {
        id: l.unit.id, label: shortName(l.unit.name, l.unit.aliases), name: l.unit.name, type: 'unit', kind: l.unit.kind.toLowerCase(), parent: id,
        load: l.total, size: 14 + 40 * Math.sqrt(l.total / maxLoad), overloaded: l.overloaded,
      } });
    }
    unitCount += kept.length;
    for (const s of graph.shared) {
      if (ids.has(s.a) && ids.has(s.b)) edges.push({ data: { id: `s:${s.a}\u0001${s.b}`, source: s.a, target: s.b, type: 'shared', weight: s.tasks } });
    }
    for (const m of graph.memberships) {
      if (ids.has(m.member) && ids.has(m.collective)) edges.push({ data: { id: `m:${m.member}>${m.collective}`, source: m.member, target: m.collective, type: 'member' } });
    }
  }
  const drawn = new Set(net.jurisdictions.map((j) => j.region.id));
  for (const l of net.links) {
    if (!drawn.has(l.from.id) || !drawn.has(l.to.id) || l.from.id === l.to.id) continue;
    edges.push({ data: {
      id: `jl:${l.from.id}~${l.to.id}`, source: jurisdictionNodeId(l.from.id), target: jurisdictionNodeId(l.to.id), type: 'jlink',
      weight: l.tasks, width: 1 + 9 * Math.sqrt(l.tasks / maxLink), ...(l.summed ? { summed: true } : {}),
    } });
  }
  return { nodes, edges, unitCount };
}

/** An opened jurisdiction's units as the unit network and the unit table take them (no assignments: the pairs come counted). */
export function unitsOfGraph(g: JurisdictionGraphData): UnitData[] {
  const memberOf = new Map<string, Array<{ id: string }>>();
  for (const m of g.memberships) memberOf.set(m.member, [...(memberOf.get(m.member) ?? []), { id: m.collective }]);
  return g.units.map((l) => ({
    id: l.unit.id, name: l.unit.name, kind: l.unit.kind, aliases: l.unit.aliases, jurisdiction: g.jurisdiction,
    load: { lead: l.lead, responsible: l.responsible, participant: l.participant, total: l.total, weighted: l.weighted, zScore: l.zScore, overloaded: l.overloaded },
    tasks: [], memberOf: memberOf.get(l.unit.id) ?? [],
  }));
}

/** Whether the network is drawn a node per province. */
export const foldsProvinces = (net: JurisdictionNetworkData) => (net.provinces?.length ?? 0) > 0;
