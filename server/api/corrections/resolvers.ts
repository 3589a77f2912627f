import { GraphQLError } from 'graphql';
import { read } from '../../graph/queries';
import { ConflictError, taskKey, type Correction, type CorrectionKind, type TaskAnchor, type UnitRecord } from '../../corrections/model';
import { SourceMissingError } from '../../corrections/service';
import { userError } from '../errors';
import type { Context } from '../resolvers';
import type { TaskRow } from '../rows';
import { authOf, personal, requireRole } from '../accounts/guard';

type Args = Record<string, unknown>;
const QUOTE_CHARS = 40;

const toGql = (k: CorrectionKind) => k.toUpperCase().replace(/-/g, '_');
const text = (v: unknown) => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

async function taskOf(ctx: Context, id: unknown): Promise<{ row: TaskRow; anchor: TaskAnchor }> {
  const [row] = (await ctx.store.run(read('task-by-id'), { id: String(id) })) as unknown as TaskRow[];
  if (!row) throw userError(`there is no task ${JSON.stringify(String(id))}`, { argument: 'task' });
  const [doc] = await ctx.store.run(read('documents-by-id'), { ids: [row.documentId] });
  return { row, anchor: { sha256: String(doc?.sha256 ?? ''), documentId: row.documentId, ref: row.ref, quote: row.text.slice(0, QUOTE_CHARS) } };
}

async function unitOf(ctx: Context, id: unknown, argument: string): Promise<UnitRecord> {
  const [u] = await ctx.store.run(read('units-by-id'), { ids: [String(id)] });
  if (!u) throw userError(`there is no unit ${JSON.stringify(String(id))}: pick one from the search`, { argument });
  const region = (await ctx.loaders.regions()).regions.get(u.jurisdictionCode as string);
  const level = (region?.level ?? 'prefecture') as UnitRecord['region']['level'];
  return {
    id: u.id as string, name: u.name as string, kind: u.kind as string,
    jurisdiction: { code: u.jurisdictionCode as string, name: u.jurisdictionName as string },
    region: { id: u.jurisdictionCode as string, name: region?.name ?? (u.jurisdictionName as string), level },
  };
}

async function assignmentOf(ctx: Context, taskId: string, unitId: string) {
  const [a] = (await ctx.store.run(read('assignments-of-tasks'), { taskIds: [taskId] })).filter((r) => r.unitId === unitId);
  return a;
}

/** A correction's errors as GraphQL errors the page can tell apart. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ConflictError) throw new GraphQLError(err.message, { extensions: { code: 'CONFLICT' } });
    if (err instanceof SourceMissingError) throw new GraphQLError(err.message, { extensions: { code: 'SOURCE_MISSING' } });
    throw err;
  }
}

/** Correct one task: the correction is stored, the document loaded again with it, the task read back. */
async function correctTask(ctx: Context, args: Args, kind: CorrectionKind, make: (row: TaskRow) => Promise<Partial<Correction>>): Promise<TaskRow> {
  const who = requireRole(ctx, 'editor');
  const { corrections } = authOf(ctx).services;
  const { row, anchor } = await taskOf(ctx, args.task);
  const version = Number(args.version);
  const extra = await make(row);
  await call(() => corrections.add({ kind, by: who.name, at: new Date().toISOString(), task: anchor, ...extra }, version, [row.documentId]));
  const [fresh] = (await ctx.store.run(read('task-by-id'), { id: row.id })) as unknown as TaskRow[];
  if (!fresh) throw new GraphQLError(`task ${row.ref} is not in ${row.documentId} after loading it again: the correction is kept and listed as orphaned`, { extensions: { code: 'ORPHANED' } });
  return fresh;
}

/** The documents in the store with these digests: digest → the first by id. */
async function documentsBySha(ctx: Context, shas: string[]): Promise<Map<string, { id: string }>> {
  const rows = shas.length ? await ctx.store.run(read('documents-by-sha'), { shas: [...new Set(shas)] }) : [];
  const out = new Map<string, { id: string }>();
  for (const r of rows.sort((a, b) => String(a.id).localeCompare(String(b.id)))) if (!out.has(r.sha256 as string)) out.set(r.sha256 as string, { id: r.id as string });
  return out;
}

export const correctionResolvers = {
  Task: {
    version: async (t: TaskRow, _: Args, ctx: Context) => {
      personal(ctx);
      const doc = await ctx.loaders.document.load(t.documentId);
      return authOf(ctx).services.corrections.corrections.version({ sha256: String(doc?.sha256 ?? ''), ref: t.ref });
    },
    corrections: async (t: TaskRow, _: Args, ctx: Context) => {
      personal(ctx);
      const doc = await ctx.loaders.document.load(t.documentId);
      const key = taskKey({ sha256: String(doc?.sha256 ?? ''), ref: t.ref });
      const active = (await authOf(ctx).services.corrections.corrections.active()).filter((c) => c.task && taskKey(c.task) === key && c.found !== false);
      return active.map((c) => ({
        field: c.kind === 'title' ? 'title' : c.kind === 'deadline' ? 'deadline' : `assignment:${c.unit?.id ?? ''}`,
        original: text(c.before), value: text(c.after), by: c.by, at: c.at, correction: c.id,
      }));
    },
  },
  Query: {
    corrections: async (_: unknown, args: Args, ctx: Context) => {
      personal(ctx);
      const all = await authOf(ctx).services.corrections.corrections.all();
      // Only the documents the corrections name, by digest: never every document's row.
      const docBySha = await documentsBySha(ctx, all.flatMap((c) => (c.task ? [c.task.sha256] : [])));
      const out = all
        .filter((c) => args.includeUndone || !c.undone)
        .filter((c) => !args.document || c.task?.documentId === args.document)
        .map((c) => {
          const orphaned = c.found === false || (!!c.task && !docBySha.has(c.task.sha256));
          const doc = c.task ? docBySha.get(c.task.sha256) : undefined;
          return {
            id: c.id, kind: toGql(c.kind), by: c.by, at: c.at, document: c.task?.documentId ?? null, taskRef: c.task?.ref ?? null,
            taskId: doc && c.task ? `${doc.id}:${c.task.ref}` : null, unit: c.unit?.name ?? null, into: c.into?.name ?? null,
            before: text(c.before), after: text(c.after), undone: !!c.undone, undoneBy: c.undone?.by ?? null, undoneAt: c.undone?.at ?? null, orphaned,
          };
        })
        .filter((c) => args.orphaned === undefined || args.orphaned === null || c.orphaned === args.orphaned);
      return out.reverse();
    },
  },
  Mutation: {
    correctTaskTitle: (_: unknown, args: Args, ctx: Context) => correctTask(ctx, args, 'title', async (row) => {
      const title = String(args.title).trim();
      if (!title || title.length > 200) throw userError('the title must be 1–200 characters', { argument: 'title' });
      return { before: row.title, after: title };
    }),
    correctTaskDeadline: (_: unknown, args: Args, ctx: Context) => correctTask(ctx, args, 'deadline', async (row) => {
      const textIn = String(args.text).trim();
      if (textIn.length > 60) throw userError('the deadline text must be at most 60 characters', { argument: 'text' });
      const date = (args.date as string | null | undefined) ?? null;
      return { before: row.deadlineText ? { text: row.deadlineText, date: row.deadlineDate || null } : null, after: { text: textIn, date } };
    }),
    addAssignment: (_: unknown, args: Args, ctx: Context) => correctTask(ctx, args, 'add-assignment', async (row) => {
      const unit = await unitOf(ctx, args.unit, 'unit');
      const existing = await assignmentOf(ctx, row.id, unit.id);
      if (existing) throw userError(`${unit.name} is already on task ${row.ref} (as ${String(existing.role)}): change its role instead`, { argument: 'unit' });
      return { unit, before: null, after: String(args.role) };
    }),
    removeAssignment: (_: unknown, args: Args, ctx: Context) => correctTask(ctx, args, 'remove-assignment', async (row) => {
      const a = await assignmentOf(ctx, row.id, String(args.unit));
      if (!a) throw userError(`unit ${String(args.unit)} is not on task ${row.ref}`, { argument: 'unit' });
      const unit = { ...(await unitOf(ctx, args.unit, 'unit')), surface: String(a.surface ?? '') || undefined };
      return { unit, before: String(a.role), after: null };
    }),
    changeAssignmentRole: (_: unknown, args: Args, ctx: Context) => correctTask(ctx, args, 'role', async (row) => {
      const a = await assignmentOf(ctx, row.id, String(args.unit));
      if (!a) throw userError(`unit ${String(args.unit)} is not on task ${row.ref}: add it instead`, { argument: 'unit' });
      const unit = { ...(await unitOf(ctx, args.unit, 'unit')), surface: String(a.surface ?? '') || undefined };
      return { unit, before: String(a.role), after: String(args.role) };
    }),
    mergeUnits: async (_: unknown, args: Args, ctx: Context) => {
      const who = requireRole(ctx, 'editor');
      if (String(args.unit) === String(args.into)) throw userError('a unit cannot be merged into itself', { argument: 'into' });
      const unit = await unitOf(ctx, args.unit, 'unit');
      const into = await unitOf(ctx, args.into, 'into');
      const docIds = await documentsNaming(ctx, unit.id);
      const c = await call(() => authOf(ctx).services.corrections.add({ kind: 'merge', by: who.name, at: new Date().toISOString(), unit, into, before: unit.name, after: into.name }, null, docIds));
      return (await correctionResolvers.Query.corrections(_, { includeUndone: true }, ctx)).find((x) => x.id === c.id);
    },
    undoCorrection: async (_: unknown, args: Args, ctx: Context) => {
      const who = requireRole(ctx, 'editor');
      const version = args.version === null || args.version === undefined ? null : Number(args.version);
      const c = await call(() => authOf(ctx).services.corrections.undo(String(args.id), who.name, version, async (c) => {
        if (c.kind === 'merge') return [...new Set([...(await documentsNaming(ctx, c.into!.id)), ...(await documentsNaming(ctx, c.unit!.id))])];
        const doc = c.task ? (await documentsBySha(ctx, [c.task.sha256])).get(c.task.sha256) : undefined;
        return doc ? [doc.id] : [];
      }));
      return (await correctionResolvers.Query.corrections(_, { includeUndone: true }, ctx)).find((x) => x.id === c.id);
    },
  },
};

async function documentsNaming(ctx: Context, unitId: string): Promise<string[]> {
  const rows = await ctx.store.run(read('assignments-of-units'), { unitIds: [unitId], roles: ['lead', 'responsible', 'participant'] });
  return [...new Set(rows.map((r) => String(r.documentId)))];
}
