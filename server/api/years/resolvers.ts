import { read } from '../../graph/queries';
import { notFound, userError } from '../errors';
import type { Context } from '../resolvers';
import type { AssignmentRow, DocumentRow, TaskRow } from '../rows';
import { compareTasks, strongestPerTask, withoutNotes, type CompareTask, type UnitChange } from './compare';

type Args = Record<string, unknown>;

/** A stored year: null when unknown (-1, or not yet synced). */
const known = (v: unknown) => (typeof v === 'number' && v > 0 ? v : null);

/** These documents' rows (the request's loader: never every document's). */
async function documentsByIds(ctx: Context, ids: string[]): Promise<DocumentRow[]> {
  return (await ctx.loaders.document.loadMany(ids)).filter((d): d is DocumentRow & Record<string, unknown> => !!d && !(d instanceof Error));
}

/** The documents of a document's series, earliest first (by plan year, then id). */
async function seriesOf(d: DocumentRow, ctx: Context): Promise<DocumentRow[]> {
  if (!d.series) return [d];
  return (await documentsByIds(ctx, (await ctx.store.run(read('document-ids-of-series'), { series: d.series })).map((r) => r.id as string)))
    .sort((a, b) => (known(a.year) ?? 0) - (known(b.year) ?? 0) || a.id.localeCompare(b.id));
}

/** A unit's tasks per plan year: each task once, under its strongest role, in every year its document covers. */
async function unitYears(ctx: Context, unitId: string) {
  const assignments = await ctx.loaders.assignmentsOfUnit.load(unitId);
  const docs = new Map((await documentsByIds(ctx, [...new Set(assignments.map((a) => a.documentId))])).map((d) => [d.id, d]));
  const roles = strongestPerTask(assignments);
  const docOf = new Map(assignments.map((a) => [a.taskId, a.documentId]));
  const years = new Map<number, { year: number; lead: number; responsible: number; participant: number; total: number }>();
  for (const [taskId, m] of roles) {
    const d = docs.get(docOf.get(taskId)!);
    const from = known(d?.yearFrom);
    const to = known(d?.yearTo);
    const role = m.get(unitId);
    if (!from || !to || !role) continue;
    for (let y = from; y <= to; y++) {
      const c = years.get(y) ?? { year: y, lead: 0, responsible: 0, participant: 0, total: 0 };
      c[role]++;
      c.total++;
      years.set(y, c);
    }
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

async function tasksOf(ctx: Context, documentId: string): Promise<CompareTask[]> {
  const ids = (await ctx.store.run(read('task-ids'), { documentId, text: '' })).map((r) => r.id as string);
  const tasks = (await ctx.loaders.task.loadMany(ids)).filter((t): t is TaskRow & Record<string, unknown> => !!t && !(t instanceof Error));
  const assignments = (await ctx.loaders.assignmentsOfTask.loadMany(ids)).flatMap((x) => (x instanceof Error ? [] : x as AssignmentRow[]));
  const roles = strongestPerTask(assignments);
  const quotes = new Map<string, Set<string>>();
  for (const a of assignments) quotes.set(a.taskId, (quotes.get(a.taskId) ?? new Set()).add(a.quote));
  return tasks.map((t) => ({ id: t.id, ref: t.ref, title: t.title, text: withoutNotes(t.text, quotes.get(t.id) ?? []), units: roles.get(t.id) ?? new Map() }));
}

export const yearResolvers = {
  YearSource: { TITLE: 'title', NUMBER: 'number', DATE: 'date' },
  Document: {
    year: (d: DocumentRow) => known(d.year),
    yearFrom: (d: DocumentRow) => known(d.yearFrom),
    yearTo: (d: DocumentRow) => known(d.yearTo),
    yearSource: (d: DocumentRow) => d.yearSource || null,
    series: (d: DocumentRow, _: Args, ctx: Context) => seriesOf(d, ctx),
    previousInSeries: async (d: DocumentRow, _: Args, ctx: Context) => {
      const s = await seriesOf(d, ctx);
      return s[s.findIndex((x) => x.id === d.id) - 1] ?? null;
    },
    nextInSeries: async (d: DocumentRow, _: Args, ctx: Context) => {
      const s = await seriesOf(d, ctx);
      const i = s.findIndex((x) => x.id === d.id);
      return i >= 0 ? s[i + 1] ?? null : null;
    },
  },
  LoadedDocument: {
    year: (d: { year?: unknown }) => known(d.year),
    yearFrom: (d: { yearFrom?: unknown }) => known(d.yearFrom),
    yearTo: (d: { yearTo?: unknown }) => known(d.yearTo),
    previousInSeries: async (d: { id: string }, _: Args, ctx: Context) => {
      const doc = await ctx.loaders.document.load(d.id);
      if (!doc) return null;
      const s = await seriesOf(doc, ctx);
      return s[s.findIndex((x) => x.id === d.id) - 1]?.id ?? null;
    },
  },
  Query: {
    planYears: async (_: unknown, __: Args, ctx: Context) => {
      const counts = new Map<number, number>();
      for (const s of await ctx.store.run(read('document-year-spans'))) {
        const [from, to] = [known(s.yearFrom), known(s.yearTo)];
        if (from && to) for (let y = from; y <= to; y++) counts.set(y, (counts.get(y) ?? 0) + Number(s.documents));
      }
      return [...counts].map(([year, documents]) => ({ year, documents })).sort((a, b) => b.year - a.year);
    },
    unitYears: async (_: unknown, { unit }: Args, ctx: Context) => {
      if (!(await ctx.loaders.unit.load(String(unit)))) throw notFound(`no unit "${String(unit).slice(0, 60)}": a unit id is its jurisdiction's division code and its name, such as 430500:市商务局`);
      return unitYears(ctx, String(unit));
    },
    compareDocuments: async (_: unknown, { from, to }: Args, ctx: Context) => {
      const [a, b] = await Promise.all([ctx.loaders.document.load(String(from)), ctx.loaders.document.load(String(to))]);
      for (const [arg, id, d] of [['from', from, a], ['to', to, b]] as const) {
        if (!d) throw notFound(`there is no document ${JSON.stringify(String(id).slice(0, 80))} for ${arg}: see documents or loadedDocuments for the ids`, { argument: arg });
      }
      if (a!.id === b!.id) throw userError('from and to are the same document: pick two versions of a plan', { argument: 'to' });
      const { regions } = await ctx.loaders.regions();
      const places = [...regions.values()].flatMap((r) => [r.name, r.name.replace(/(特别行政区|自治州|自治县|地区|市|省|县|区)$/, '')]).filter((p) => p.length >= 2);
      const result = compareTasks(await tasksOf(ctx, a!.id), await tasksOf(ctx, b!.id), (w) => places.some((p) => p.includes(w)));
      return { from: a, to: b, sameSeries: !!a!.series && a!.series === b!.series, ...result };
    },
  },
  ContinuedTask: {
    from: (c: { from: CompareTask }, _: Args, ctx: Context) => ctx.loaders.task.load(c.from.id),
    to: (c: { to: CompareTask }, _: Args, ctx: Context) => ctx.loaders.task.load(c.to.id),
  },
  Comparison: {
    added: (c: { added: CompareTask[] }, _: Args, ctx: Context) => Promise.all(c.added.map((t) => ctx.loaders.task.load(t.id))),
    dropped: (c: { dropped: CompareTask[] }, _: Args, ctx: Context) => Promise.all(c.dropped.map((t) => ctx.loaders.task.load(t.id))),
  },
  UnitChange: {
    unit: (u: UnitChange, _: Args, ctx: Context) => ctx.loaders.unit.load(u.unitId),
    gained: (u: UnitChange, _: Args, ctx: Context) => Promise.all(u.gained.map((id) => ctx.loaders.task.load(id))),
    lost: (u: UnitChange, _: Args, ctx: Context) => Promise.all(u.lost.map((id) => ctx.loaders.task.load(id))),
    years: (u: UnitChange, _: Args, ctx: Context) => unitYears(ctx, u.unitId),
  },
};
