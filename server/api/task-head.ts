/**
 * A task as a list reads it: its id, document, ref and title. The edges the page's lists walk carry
 * their task's ref and title (a unit's assignments, a region's ties: graph/model.ts), and the search
 * and the timeline read them with the ids, so such a list hands on heads and reads no Task row: the
 * embedded store looks tasks up one statement each (graph/by-id.ts), and a unit's 198 led tasks took
 * 70 of its 72 ms at 10,000 plans. A field a head lacks reads the whole row (the request's task loader).
 */
import { GraphQLError } from 'graphql';
import type { Row } from '../graph/store';
import type { TaskRow } from './rows';

const HEAD = Symbol('task head');

export interface TaskHead { id: string; documentId: string; ref: string; title: string; [HEAD]: true }

/**
 * The head of a row that has the task's id, document, ref and title under these names; null when the
 * ref is empty or missing: an edge written before edges carried it (graph/analytics.ts ensureAssignmentTaskIds).
 */
export function taskHead(row: object, names: { id: string; ref: string; title: string } = { id: 'id', ref: 'ref', title: 'title' }): TaskHead | null {
  const r = row as Row;
  const ref = r[names.ref];
  if (typeof ref !== 'string' || ref === '') return null;
  return { id: String(r[names.id]), documentId: String(r.documentId), ref, title: String(r[names.title] ?? ''), [HEAD]: true };
}

export const isHead = (t: object): t is TaskHead => HEAD in t;

interface TaskLoader { load(id: string): Promise<unknown> }

/** The task's whole row: itself, or read by its id. */
export async function wholeTask(t: TaskRow | TaskHead, loader: TaskLoader): Promise<TaskRow> {
  if (!isHead(t)) return t;
  const row = (await loader.load(t.id)) as TaskRow | null | undefined;
  if (!row) throw new GraphQLError(`task ${t.ref} of ${t.documentId} is no longer in the store: ask again`, { extensions: { code: 'NOT_FOUND' } });
  return row;
}

/**
 * For each row its task: the head where the row has one, else the whole row (an edge without a head),
 * null for a task no longer in the store; in the rows' order.
 */
export async function tasksOf(rows: Row[], loader: { loadMany(ids: string[]): Promise<unknown[]> }, names?: { id: string; ref: string; title: string }): Promise<Array<TaskRow | TaskHead | null>> {
  const heads = rows.map((r) => taskHead(r, names));
  const idOf = (r: Row) => String(r[names?.id ?? 'id']);
  const missing = rows.filter((_, i) => !heads[i]).map(idOf);
  const whole = new Map(missing.length ? (await loader.loadMany(missing)).flatMap((x) => (x && !(x instanceof Error) ? [[(x as TaskRow).id, x as TaskRow] as const] : [])) : []);
  return rows.map((r, i) => heads[i] ?? whole.get(idOf(r)) ?? null);
}

/** Task field resolvers that need more than a head: given the whole row. */
export function onWholeTask<Args, Ctx extends { loaders: { task: TaskLoader } }>(
  fields: Record<string, (t: TaskRow, args: Args, ctx: Ctx) => unknown>,
): Record<string, (t: TaskRow | TaskHead, args: Args, ctx: Ctx) => Promise<unknown>> {
  return Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, async (t: TaskRow | TaskHead, args: Args, ctx: Ctx) => f(await wholeTask(t, ctx.loaders.task), args, ctx)]));
}
