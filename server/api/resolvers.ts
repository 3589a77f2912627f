import { toSimplified } from '../extract/simplify';
import { read } from '../graph/queries';
import type { Config } from '../config';
import type { GraphStore, Row } from '../graph/store';
import { buildLinks } from './analytics/cooperation';
import { findGaps } from './analytics/gaps';
import { buildRegionNetwork, type RegionNode } from './analytics/region-network';
import { computeLoads, countsFromRows, type Measure, type UnitLoad } from './analytics/load';
import { userError } from './errors';
import { checkIngestAuth, ingestDocument } from './ingest';
import type { Loaders } from './loaders';
import type { AssignmentRow, DocumentRow, RegionRow, TaskRow, UnitRow } from './rows';

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  config: Config;
  authorization?: string;
}

type Role = AssignmentRow['role'];
type Args = Record<string, unknown>;

const MAX_LIMIT = 500;
const limitOf = (n: unknown, fallback: number) => {
  const v = typeof n === 'number' ? n : fallback;
  if (v < 1 || v > MAX_LIMIT) throw userError(`limit must be between 1 and ${MAX_LIMIT}, got ${v}`);
  return v;
};

/** Search text: trimmed, traditional → simplified, so 發改委 finds 发改委. */
function searchText(text: unknown, name = 'text'): string {
  const t = toSimplified(String(text ?? '').trim());
  if (t.length > 100) throw userError(`${name} is too long (${t.length} characters; at most 100)`);
  return t;
}

const compact = <T>(xs: Array<T | null | undefined>): T[] => xs.filter((x): x is T => x !== null && x !== undefined);
const json = <T>(s: string | null | undefined, fallback: T): T => {
  try {
    return s ? (JSON.parse(s) as T) : fallback;
  } catch {
    return fallback;
  }
};
const orNull = (s: string | null | undefined) => (s ? s : null);

/** The rows for these ids, in their order, leaving out ids that are not in the store. */
async function rowsByIds<T>(loader: { loadMany(ids: string[]): Promise<unknown[]> }, ids: string[]): Promise<T[]> {
  return (await loader.loadMany(ids)).filter((x) => x && !(x instanceof Error)) as T[];
}
const tasksByIds = (ctx: Context, ids: string[]) => rowsByIds<TaskRow>(ctx.loaders.task, ids);
const unitsByIds = (ctx: Context, ids: string[]) => rowsByIds<UnitRow>(ctx.loaders.unit, ids);
async function regionById(ctx: Context, id: string | null | undefined) {
  if (!id) return null;
  return (await ctx.loaders.regions()).regions.get(id) ?? null;
}

async function loadsOf(ctx: Context, jurisdiction: string, by: Measure): Promise<UnitLoad[]> {
  return computeLoads(countsFromRows(await ctx.loaders.loadOf.load(jurisdiction)), by);
}

export const resolvers = {
  Role: { LEAD: 'lead', RESPONSIBLE: 'responsible', PARTICIPANT: 'participant' },
  UnitKind: {
    DEPARTMENT: 'department', PARTY_ORGAN: 'party_organ', COUNTY_GOVERNMENT: 'county_government', ZONE: 'zone',
    VERTICAL_AGENCY: 'vertical_agency', ENTERPRISE: 'enterprise', INSTITUTION: 'institution', FEDERATION: 'federation', COLLECTIVE: 'collective',
  },
  DocumentKind: { PLAN: 'plan', REPORT: 'report' },
  LeadRule: { FIRST_LISTED: 'first-listed', FIRST_LISTED_BY_CONVENTION: 'first-listed-by-convention', EXPLICIT: 'explicit', NONE: 'none' },
  RegionLevel: { PROVINCE: 'province', PREFECTURE: 'prefecture', COUNTY: 'county', AREA: 'area' },

  Query: {
    documents: async (_: unknown, __: Args, ctx: Context) => [...(await ctx.loaders.documents()).values()],
    document: async (_: unknown, { id }: Args, ctx: Context) => (await ctx.loaders.documents()).get(id as string) ?? null,
    unit: (_: unknown, { id }: Args, ctx: Context) => ctx.loaders.unit.load(id as string),
    units: async (_: unknown, { filter, limit }: Args, ctx: Context) => {
      const f = (filter ?? {}) as { jurisdiction?: string; kind?: string; text?: string };
      const rows = await ctx.store.run(read('unit-ids'), {
        jurisdiction: f.jurisdiction ?? '', kind: f.kind ?? '', text: searchText(f.text), limit: limitOf(limit, 100),
      });
      return unitsByIds(ctx, rows.map((r) => r.id as string));
    },
    task: (_: unknown, { id }: Args, ctx: Context) => ctx.loaders.task.load(id as string),
    tasks: async (_: unknown, { filter, limit }: Args, ctx: Context) => {
      const f = (filter ?? {}) as { document?: string; unit?: string; role?: Role; region?: string; text?: string };
      let ids: string[] | null = null;
      const narrow = (next: string[]) => {
        ids = ids === null ? next : ids.filter((id) => next.includes(id));
      };
      if (f.document || f.text || (!f.unit && !f.region)) {
        narrow((await ctx.store.run(read('task-ids'), { documentId: f.document ?? '', text: searchText(f.text) })).map((r) => r.id as string));
      }
      if (f.unit) {
        const mine = (await ctx.loaders.assignmentsOfUnit.load(f.unit)).filter((a) => !f.role || a.role === f.role);
        narrow([...new Set(mine.map((a) => a.taskId as string))]);
      } else if (f.role) throw userError('filter.role needs filter.unit: say whose role to look for');
      if (f.region) narrow((await ctx.store.run(read('region-task-ids'), { regionIds: [f.region] })).map((r) => r.id as string));
      const tasks = await tasksByIds(ctx, ids ?? []);
      return tasks.sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start).slice(0, limitOf(limit, 200));
    },
    search: async (_: unknown, { text, limit }: Args, ctx: Context) => {
      const t = searchText(text);
      if (t === '') throw userError('search text is empty: type a unit, task or place, e.g. 发改委 or 大湾区');
      const n = limitOf(limit, 20);
      const [u, tk, r] = await Promise.all([
        ctx.store.run(read('search-units'), { text: t, limit: n }),
        ctx.store.run(read('search-tasks'), { text: t, limit: n }),
        ctx.store.run(read('search-regions'), { text: t, limit: n }),
      ]);
      const regions = (await ctx.loaders.regions()).regions;
      return {
        units: await unitsByIds(ctx, u.map((x) => x.id as string)),
        tasks: await tasksByIds(ctx, tk.map((x) => x.id as string)),
        regions: compact(r.map((x) => regions.get(x.id as string))),
      };
    },
    overloadedUnits: async (_: unknown, { jurisdiction, kind, by, top }: Args, ctx: Context) => {
      if (!/^\d{6}$/.test(String(jurisdiction))) throw userError(`jurisdiction must be a 6-digit division code such as 430500 (邵阳市), got "${String(jurisdiction).slice(0, 20)}"`);
      const loads = (await loadsOf(ctx, jurisdiction as string, (by as Measure) ?? 'WEIGHTED')).filter((l) => !kind || l.kind === kind);
      return loads.sort((a, b) => b.value - a.value || b.zScore - a.zScore || a.unitId.localeCompare(b.unitId)).slice(0, limitOf(top, 10));
    },
    cooperationLinks: async (_: unknown, { region, partner }: Args, ctx: Context) => {
      const [issuer, comention] = await Promise.all([ctx.store.run(read('cooperation-issuer')), ctx.store.run(read('cooperation-comention'))]);
      return buildLinks(issuer, comention, { region: region as string | null, partner: partner as string | null });
    },
    regionNetwork: async (_: unknown, { minTasks }: Args, ctx: Context) => {
      const min = typeof minTasks === 'number' ? minTasks : 1;
      if (!Number.isInteger(min) || min < 1 || min > 1000) throw userError(`minTasks must be a whole number from 1 to 1000, got ${min}`);
      const [issuer, comention] = await Promise.all([ctx.store.run(read('cooperation-issuer')), ctx.store.run(read('cooperation-comention'))]);
      const links = buildLinks(issuer, comention).filter((l) => l.taskIds.length >= min);
      return buildRegionNetwork(links, (await ctx.loaders.regions()).regions);
    },
    // Roots: provinces and named areas (a province may also lie within an area such as 泛珠三角区域).
    regions: async (_: unknown, __: Args, ctx: Context) => {
      const { regions } = await ctx.loaders.regions();
      return [...regions.values()].filter((r) => r.within.every((w) => regions.get(w)?.level === 'area'));
    },
    region: (_: unknown, { id }: Args, ctx: Context) => regionById(ctx, id as string),
    connection: async (_: unknown, { from, to }: Args, ctx: Context) => {
      if (from === to) throw userError('from and to are the same unit');
      const [row] = await ctx.store.run(read('connection'), { fromId: from, toId: to });
      if (!row) return null;
      const steps = (row.path as Array<Record<string, unknown>>).map((n) => ({ id: n.id as string, label: n.label as string }));
      return { steps, length: steps.length - 1 };
    },
    accountabilityGaps: async (_: unknown, { document, minJointLeads }: Args, ctx: Context) => {
      const rows = await ctx.store.run(read('lead-gaps'), { documentId: (document as string) ?? '' });
      return findGaps(rows, (minJointLeads as number) ?? 3);
    },
    stats: async (_: unknown, __: Args, ctx: Context) => (await ctx.store.run(read('stats')))[0],
  },

  Mutation: {
    ingestDocument: async (_: unknown, { filename, text }: Args, ctx: Context) => {
      checkIngestAuth(ctx.config.INGEST_TOKEN, ctx.authorization);
      const r = await ingestDocument(ctx.store, String(filename), String(text));
      // Read back through a fresh cache: the request's loaders may predate the load.
      const docs = (await ctx.store.run(read('documents'))) as unknown as DocumentRow[];
      return { ...r, document: docs.find((d) => d.id === r.documentId) };
    },
  },

  Document: {
    issuer: (d: DocumentRow) => orNull(d.issuer),
    docNumber: (d: DocumentRow) => orNull(d.docNumber),
    date: (d: DocumentRow) => orNull(d.date),
    jurisdictionEvidence: (d: DocumentRow) => orNull(d.jurisdictionEvidence),
    jurisdiction: (d: DocumentRow, _: Args, ctx: Context) => regionById(ctx, d.jurisdictionCode),
    tasks: async (d: DocumentRow, _: Args, ctx: Context) => {
      const ids = (await ctx.store.run(read('task-ids'), { documentId: d.id, text: '' })).map((r) => r.id as string);
      return tasksByIds(ctx, ids);
    },
    figures: (d: DocumentRow) => json(d.figures, []),
    text: async (d: DocumentRow, _: Args, ctx: Context) => ((await ctx.store.run(read('document-text'), { id: d.id }))[0]?.raw as string) ?? '',
  },

  Task: {
    document: async (t: TaskRow, _: Args, ctx: Context) => (await ctx.loaders.documents()).get(t.documentId),
    assignments: async (t: TaskRow, { role }: Args, ctx: Context) =>
      (await ctx.loaders.assignmentsOfTask.load(t.id)).filter((a) => !role || a.role === role),
    clauses: (t: TaskRow) => json(t.clauses, []),
    items: (t: TaskRow) => json(t.items, []),
    regions: async (t: TaskRow, _: Args, ctx: Context) => {
      const regions = (await ctx.loaders.regions()).regions;
      return compact((await ctx.loaders.regionsOfTask.load(t.id)).map((r) => regions.get(r.regionId as string)));
    },
  },

  Assignment: {
    unit: (a: AssignmentRow, _: Args, ctx: Context) => ctx.loaders.unit.load(a.unitId),
    task: (a: AssignmentRow, _: Args, ctx: Context) => ctx.loaders.task.load(a.taskId),
    document: async (a: AssignmentRow, _: Args, ctx: Context) => (await ctx.loaders.documents()).get(a.documentId),
  },

  Unit: {
    aliases: (u: UnitRow) => u.aliases ?? [],
    jurisdiction: (u: UnitRow, _: Args, ctx: Context) => regionById(ctx, u.jurisdictionCode),
    leads: async (u: UnitRow, _: Args, ctx: Context) => (await ctx.loaders.assignmentsOfUnit.load(u.id)).filter((a) => a.role === 'lead'),
    responsibleFor: async (u: UnitRow, _: Args, ctx: Context) => (await ctx.loaders.assignmentsOfUnit.load(u.id)).filter((a) => a.role === 'responsible'),
    participatesIn: async (u: UnitRow, _: Args, ctx: Context) => (await ctx.loaders.assignmentsOfUnit.load(u.id)).filter((a) => a.role === 'participant'),
    tasks: async (u: UnitRow, { role }: Args, ctx: Context) => (await ctx.loaders.assignmentsOfUnit.load(u.id)).filter((a) => !role || a.role === role),
    load: async (u: UnitRow, _: Args, ctx: Context) =>
      (await loadsOf(ctx, u.jurisdictionCode, 'WEIGHTED')).find((l) => l.unitId === u.id)
        ?? { unitId: u.id, kind: u.kind, lead: 0, responsible: 0, participant: 0, total: 0, weighted: 0, value: 0, peers: 0, peerMean: 0, peerStdDev: 0, zScore: 0, overloaded: false },
    partners: async (u: UnitRow, { limit }: Args, ctx: Context) =>
      (await ctx.loaders.partners.load(u.id)).slice(0, limitOf(limit, 10)).map((p) => ({ unitId: p.partnerId, sharedTasks: p.sharedTasks })),
    members: async (u: UnitRow, _: Args, ctx: Context) => unitsByIds(ctx, (await ctx.loaders.members.load(u.id)).map((m) => m.memberId as string)),
    memberOf: async (u: UnitRow, _: Args, ctx: Context) => unitsByIds(ctx, (await ctx.loaders.memberOf.load(u.id)).map((m) => m.collectiveId as string)),
  },

  UnitLoad: { unit: (l: UnitLoad, _: Args, ctx: Context) => ctx.loaders.unit.load(l.unitId) },
  Partner: { unit: (p: Row, _: Args, ctx: Context) => ctx.loaders.unit.load(p.unitId as string) },

  Region: {
    within: async (r: RegionRow & { within: string[] }, _: Args, ctx: Context) => compact(await Promise.all(r.within.map((w) => regionById(ctx, w)))),
    children: async (r: RegionRow, _: Args, ctx: Context) => {
      const { regions, children } = await ctx.loaders.regions();
      return compact((children.get(r.id) ?? []).map((c) => regions.get(c)));
    },
    tasks: async (r: RegionRow, _: Args, ctx: Context) =>
      tasksByIds(ctx, (await ctx.store.run(read('region-task-ids'), { regionIds: [r.id] })).map((x) => x.id as string)),
  },

  CooperationLink: {
    from: (l: { from: string }, _: Args, ctx: Context) => regionById(ctx, l.from),
    to: (l: { to: string }, _: Args, ctx: Context) => regionById(ctx, l.to),
    count: (l: { taskIds: string[] }) => l.taskIds.length,
    // In document order (ids would put 三.(一) before 二.(一).1).
    tasks: async (l: { taskIds: string[] }, _: Args, ctx: Context) =>
      (await tasksByIds(ctx, l.taskIds)).sort((a, b) => a.documentId.localeCompare(b.documentId) || a.start - b.start),
    units: async (l: { taskIds: string[] }, _: Args, ctx: Context) => {
      const all = await ctx.loaders.assignmentsOfTask.loadMany(l.taskIds);
      const ids = [...new Set(all.flatMap((x) => (x instanceof Error ? [] : x.map((a) => a.unitId as string))))];
      return unitsByIds(ctx, ids);
    },
  },

  RegionNode: {
    region: (n: RegionNode, _: Args, ctx: Context) => regionById(ctx, n.regionId),
    tasks: (n: RegionNode) => n.taskIds.length,
    parent: (n: RegionNode, _: Args, ctx: Context) => regionById(ctx, n.parentId),
  },

  ConnectionStep: {
    unit: (s: { id: string; label: string }, _: Args, ctx: Context) => (s.label === 'Unit' ? ctx.loaders.unit.load(s.id) : null),
    task: (s: { id: string; label: string }, _: Args, ctx: Context) => (s.label === 'Task' ? ctx.loaders.task.load(s.id) : null),
  },

  AccountabilityGap: {
    task: (g: { taskId: string }, _: Args, ctx: Context) => ctx.loaders.task.load(g.taskId),
    leads: (g: { leadIds: string[] }, _: Args, ctx: Context) => unitsByIds(ctx, g.leadIds),
  },
};
