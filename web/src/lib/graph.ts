/**
 * From the API's units and assignments to the network: unit nodes (sized by load), edges
 * between units that share tasks (weighted by how many), collective–member edges, and, on
 * demand, task nodes with lead / responsible / participant edges. Filters apply here.
 */
import { shortName } from './short-name';

/** Kept in step with cytoscape-style.ts (which this pure module must not import). */
export const GROUP_LIMIT = 1500;

export interface UnitData {
  id: string;
  name: string;
  kind: string;
  aliases?: string[];
  jurisdiction: { id: string; name: string } | null;
  /** overloaded: the API's flag (weighted load far above the unit's peers). */
  load: { lead: number; responsible: number; participant: number; total: number; weighted?: number; zScore?: number | null; overloaded?: boolean };
  tasks: Array<{ role: 'LEAD' | 'RESPONSIBLE' | 'PARTICIPANT'; task: { id: string; ref?: string; title: string; document: { id: string } } }>;
  memberOf: Array<{ id: string }>;
}

export interface Filters {
  document: string;
  jurisdiction: string;
  role: '' | 'lead' | 'responsible' | 'participant';
  kinds: string[];
  showTasks: boolean;
  /** Only units the API marks overloaded. */
  overloaded?: boolean;
}

export interface NodeEl {
  data: { id: string; label: string; name?: string; type: 'unit' | 'task' | 'group'; kind?: string; parent?: string; size?: number; load?: number; overloaded?: boolean };
}
export interface EdgeEl { data: { id: string; source: string; target: string; type: 'shared' | 'member' | 'lead' | 'responsible' | 'participant'; weight?: number } }

/** A unit's size by its load (tasks), in every network. */
export const unitSize = (load: number) => 16 + Math.min(56, Math.sqrt(load) * 9);

const ROLE_OF = { LEAD: 'lead', RESPONSIBLE: 'responsible', PARTICIPANT: 'participant' } as const;

/**
 * `shared`, when given, are the pairs of units sharing tasks as the API counted them (a province's
 * city is drawn from those, its units fetched without their thousands of assignments).
 */
export function buildGraph(
  units: readonly UnitData[], f: Filters, shared?: ReadonlyArray<{ a: string; b: string; tasks: number }>,
): { nodes: NodeEl[]; edges: EdgeEl[]; unitCount: number } {
  const assignmentsOf = (u: UnitData) =>
    u.tasks.filter((a) => (!f.document || a.task.document.id === f.document) && (!f.role || ROLE_OF[a.role] === f.role));
  const filtersOnTasks = Boolean(f.document || f.role);
  const memberIds = new Set<string>();
  // The API's kinds are GraphQL enums (DEPARTMENT); the filters and colours use the lower-case names.
  const kindOf = (u: UnitData) => u.kind.toLowerCase();
  const kept = units.filter((u) => {
    if (f.jurisdiction && u.jurisdiction?.id !== f.jurisdiction) return false;
    if (f.kinds.length && !f.kinds.includes(kindOf(u))) return false;
    if (f.overloaded && !u.load.overloaded) return false; // exactly the API's overloaded units, no members added back
    return true;
  });
  // With a document or role filter, keep the units it concerns and the members of its collectives.
  let visible = kept;
  if (filtersOnTasks) {
    const active = new Set(kept.filter((u) => assignmentsOf(u).length > 0).map((u) => u.id));
    for (const u of kept) if (u.memberOf.some((c) => active.has(c.id))) memberIds.add(u.id);
    visible = kept.filter((u) => active.has(u.id) || memberIds.has(u.id));
  }
  const ids = new Set(visible.map((u) => u.id));

  // Jurisdictions as boxes around their units, unless the graph is too large for compound layout.
  const grouped = visible.length <= GROUP_LIMIT;
  const groups = new Map<string, string>();
  if (grouped) for (const u of visible) if (u.jurisdiction) groups.set(`j:${u.jurisdiction.id}`, u.jurisdiction.name);
  const nodes: NodeEl[] = [...groups].map(([id, label]) => ({ data: { id, label, type: 'group' as const } }));
  for (const u of visible) {
    const load = u.load.total;
    nodes.push({ data: {
      id: u.id, label: shortName(u.name, u.aliases), name: u.name, type: 'unit', kind: kindOf(u), parent: grouped && u.jurisdiction ? `j:${u.jurisdiction.id}` : undefined,
      load, size: unitSize(load), overloaded: Boolean(u.load.overloaded),
    } });
  }

  // Units per task, then one weighted edge per pair of units sharing tasks.
  const byTask = new Map<string, string[]>();
  for (const u of visible) for (const a of assignmentsOf(u)) byTask.set(a.task.id, [...new Set([...(byTask.get(a.task.id) ?? []), u.id])]);
  const pairs = new Map<string, number>();
  for (const p of shared ?? []) if (ids.has(p.a) && ids.has(p.b)) pairs.set(p.a < p.b ? `${p.a}\u0001${p.b}` : `${p.b}\u0001${p.a}`, p.tasks);
  for (const list of byTask.values()) {
    const sorted = [...list].sort();
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}\u0001${sorted[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const edges: EdgeEl[] = [];
  if (!f.showTasks) {
    for (const [key, weight] of pairs) {
      const [source, target] = key.split('\u0001') as [string, string];
      edges.push({ data: { id: `s:${key}`, source, target, type: 'shared', weight } });
    }
  }
  for (const u of visible) for (const c of u.memberOf) if (ids.has(c.id)) edges.push({ data: { id: `m:${u.id}>${c.id}`, source: u.id, target: c.id, type: 'member' } });

  if (f.showTasks) {
    // Each task inside the box of the jurisdiction most of its units belong to (its document's:
    // units are scoped to it, bar a province's departments named in a city's plan), labelled by
    // its ref (二.(一).1) or a short title, the full one on hover: no dots adrift outside the boxes.
    const tasks = new Map<string, { ref: string; title: string; boxes: Map<string, number> }>();
    for (const u of visible) {
      for (const a of assignmentsOf(u)) {
        const t = tasks.get(a.task.id) ?? { ref: a.task.ref ?? '', title: a.task.title, boxes: new Map<string, number>() };
        if (u.jurisdiction) t.boxes.set(`j:${u.jurisdiction.id}`, (t.boxes.get(`j:${u.jurisdiction.id}`) ?? 0) + 1);
        tasks.set(a.task.id, t);
      }
    }
    for (const [id, t] of tasks) {
      const label = t.ref || (t.title.length > 8 ? `${t.title.slice(0, 8)}…` : t.title);
      const box = grouped ? [...t.boxes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] : undefined;
      nodes.push({ data: { id, label, name: `${t.ref} ${t.title}`.trim(), type: 'task', parent: box, size: 10 } });
    }
    for (const u of visible) {
      for (const a of assignmentsOf(u)) {
        edges.push({ data: { id: `a:${u.id}>${a.task.id}>${a.role}`, source: u.id, target: a.task.id, type: ROLE_OF[a.role] } });
      }
    }
  }
  return { nodes, edges, unitCount: visible.length };
}

/** A position from the id alone, so the layout starts (and ends) the same on every load. */
export function seededPosition(id: string): { x: number; y: number } {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const a = ((h >>> 0) % 10000) / 10000;
  const b = (((h >>> 0) / 10000) % 10000) / 10000;
  return { x: Math.round(a * 1000), y: Math.round(b * 1000) };
}
