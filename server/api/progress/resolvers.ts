import { onWholeTask } from '../task-head';
import { taskLight, latestKnown } from '../analytics/light';
import { today } from '../analytics/status';
import { userError } from '../errors';
import type { Context } from '../resolvers';
import type { TaskRow } from '../rows';
import { authOf, progressOf, requireRole } from '../accounts/guard';
import type { Link } from '../../progress/document-progress';
import type { ProgressRecord } from '../../progress/model';
import { ProgressInputError } from '../../progress/service';
import { owedByUnits } from '../owed';
import type { UnitRow } from '../rows';

type Args = Record<string, unknown>;

const soonOf = (ctx: Context, v: unknown) => {
  if (v === undefined || v === null) return ctx.config.DUE_SOON_DAYS;
  if (typeof v !== 'number' || v < 0 || v > 366) throw userError(`soonDays must be between 0 and 366, got ${String(v)}`);
  return v;
};

const recordsOf = (ctx: Context) => progressOf(ctx).progress.records;

/**
 * Every task's records, read once per request: a unit's 1,300 duties each asking for its light read
 * the documents' keys 1,300 times (progress/document-progress.ts) when no read is kept, past the
 * request's 10 s at 10,000 plans.
 */
const indexes = new WeakMap<object, { generation: string; index: Promise<ReadonlyMap<string, ProgressRecord[]>> }>();
function recordsOfTask(ctx: Context, taskId: string): Promise<ProgressRecord[]> {
  const { progress, documentProgress } = progressOf(ctx);
  const generation = `${progress.records.generation}|${documentProgress.generation}`;
  let kept = indexes.get(ctx.loaders);
  // A record added (or a link decided) by a mutation of this request is seen by the fields after it.
  if (kept?.generation !== generation) indexes.set(ctx.loaders, (kept = { generation, index: progress.records.index() }));
  return kept.index.then((byTask) => byTask.get(taskId) ?? []);
}

const REASONS = { 'low-confidence': 'LOW_CONFIDENCE', ambiguous: 'AMBIGUOUS', 'no-state': 'NO_STATE', 'no-date': 'NO_DATE' } as const;

/** A link as the schema's ProgressLink. */
const linkOut = (l: Link) => ({
  id: l.id, documentId: l.documentId, documentTitle: l.documentTitle, row: l.row.n, ref: l.row.ref, title: l.row.title, report: l.row.report,
  start: l.row.start, end: l.row.end, state: l.decision?.state ?? l.row.state?.state ?? null,
  stateQuote: l.row.state && { quote: l.row.state.quote, start: l.row.state.start, end: l.row.state.end },
  date: l.date, taskId: l.taskId, confidence: l.confidence, score: l.score, terms: l.terms, titleCover: l.titleCover, refMatched: l.refMatched,
  reason: l.pending ? REASONS[l.pending] : null, decision: l.decision?.decision ?? null, decidedBy: l.decision?.by ?? null,
});

async function decide(ctx: Context, id: unknown, decision: 'confirmed' | 'rejected', state?: unknown) {
  const who = requireRole(ctx, 'editor');
  try {
    return linkOut(await progressOf(ctx).documentProgress.decide(String(id), decision, who.name, (state as string | null | undefined) ?? null));
  } catch (err) {
    if (err instanceof ProgressInputError) throw userError(err.message, { argument: err.field });
    throw err;
  }
}

const limitOf = (v: unknown, d: number) => (typeof v === 'number' && v >= 0 ? v : d);

/** A task's light as of a day: the one function (analytics/light.ts) over its records. */
export async function lightOf(ctx: Context, t: Pick<TaskRow, 'id' | 'deadlineKind' | 'deadlineDate'>, asOf: string, soonDays: number) {
  const progress = await recordsOfTask(ctx, t.id);
  return taskLight({ deadlineKind: t.deadlineKind, deadlineDate: t.deadlineDate, progress }, { asOf, soonDays, staleDays: ctx.config.PROGRESS_STALE_DAYS });
}

export const progressResolvers = {
  Task: {
    progress: async (t: TaskRow, { limit }: Args, ctx: Context) => (await recordsOfTask(ctx, t.id)).slice(0, typeof limit === 'number' ? limit : 50),
    latestProgress: async (t: TaskRow, { asOf }: Args, ctx: Context) => latestKnown(await recordsOfTask(ctx, t.id), (asOf as string | undefined) ?? today()),
    ...onWholeTask<Args, Context>({ light: (t, { asOf, soonDays }, ctx) => lightOf(ctx, t, (asOf as string | undefined) ?? today(), soonOf(ctx, soonDays)) }),
  },
  Unit: {
    owed: async (u: UnitRow, { asOf, soonDays, limit }: Args, ctx: Context) => {
      const [owed] = await owedByUnits(ctx.store, [u.id], {
        asOf: (asOf as string | undefined) ?? today(), soonDays: soonOf(ctx, soonDays), staleDays: ctx.config.PROGRESS_STALE_DAYS, progress: await recordsOf(ctx).index(),
      });
      const tasks = new Map((await ctx.loaders.task.loadMany((owed?.tasks ?? []).map((t) => t.taskId))).flatMap((t) => (t && !(t instanceof Error) ? [[(t as TaskRow).id, t] as const] : [])));
      return (owed?.tasks ?? []).slice(0, typeof limit === 'number' ? limit : 200).map((t) => ({
        task: tasks.get(t.taskId), role: t.role, dueDate: t.deadlineDate || null, light: t.light, latestProgress: t.latest,
      }));
    },
  },
  TimelineEntry: {
    // An entry is a task due on its date (its task may be a head: task-head.ts).
    light: (e: { task: { id: string }; date: string; asOf: string; soonDays: number }, _: Args, ctx: Context) =>
      lightOf(ctx, { id: e.task.id, deadlineKind: 'date', deadlineDate: e.date }, e.asOf ?? today(), e.soonDays ?? ctx.config.DUE_SOON_DAYS),
  },
  Progress: {
    task: async (p: ProgressRecord, _: Args, ctx: Context) => (await ctx.loaders.task.load(p.taskId)) ?? null,
    unitId: (p: ProgressRecord) => p.unitId || null,
    unitName: (p: ProgressRecord) => p.unitName || null,
    reworded: async (p: ProgressRecord, _: Args, ctx: Context) => {
      const t = (await ctx.loaders.task.load(p.taskId)) as TaskRow | null | undefined;
      return !!t && !t.text.startsWith(p.quote);
    },
    document: (p: ProgressRecord) => p.document ?? null,
    attachments: (p: ProgressRecord) => p.attachments.map((a) => ({ ...a, url: `/api/progress/${encodeURIComponent(p.id)}/files/${a.n}` })),
  },
  DocumentKind: { PROGRESS: 'progress' },
  ProgressSource: {
    document: (s: { documentId: string }, _: Args, ctx: Context) => ctx.loaders.document.load(s.documentId),
  },
  ProgressLink: {
    document: (l: { documentId: string }, _: Args, ctx: Context) => ctx.loaders.document.load(l.documentId),
    task: async (l: { taskId: string }, _: Args, ctx: Context) => (await ctx.loaders.task.load(l.taskId)) ?? null,
  },
  Query: {
    pendingProgressLinks: async (_: unknown, { task, document, limit }: Args, ctx: Context) => {
      requireRole(ctx, 'editor');
      const links = await progressOf(ctx).documentProgress.pending({ task: (task as string | null | undefined) ?? null, document: (document as string | null | undefined) ?? null });
      return links.slice(0, limitOf(limit, 100)).map(linkOut);
    },
    progressLinks: async (_: unknown, { document, limit }: Args, ctx: Context) => {
      requireRole(ctx, 'editor');
      const links = (await progressOf(ctx).documentProgress.links()).filter((l) => l.documentId === String(document));
      return links.slice(0, limitOf(limit, 500)).map(linkOut);
    },
    progressRecords: async (_: unknown, { task, limit }: Args, ctx: Context) => {
      const all = task ? await recordsOf(ctx).ofTask(String(task)) : await recordsOf(ctx).all();
      return all.slice(0, typeof limit === 'number' ? limit : 100);
    },
  },
  Mutation: {
    confirmProgressLink: (_: unknown, { id, state }: Args, ctx: Context) => decide(ctx, id, 'confirmed', state),
    rejectProgressLink: (_: unknown, { id }: Args, ctx: Context) => decide(ctx, id, 'rejected'),
    addProgress: async (_: unknown, args: Args, ctx: Context) => {
      const who = requireRole(ctx, 'editor');
      try {
        return await progressOf(ctx).progress.add(
          { task: String(args.task), date: String(args.date), state: String(args.state), text: String(args.text), unit: (args.unit as string | null | undefined) ?? null }, who.name);
      } catch (err) {
        if (err instanceof ProgressInputError) throw userError(err.message, { argument: err.field });
        throw err;
      }
    },
  },
};
