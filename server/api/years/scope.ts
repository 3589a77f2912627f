/**
 * The year filter (issue 22 item 5), in one place: a question asked with `year` is answered from the
 * documents of that plan year only. A document is of year Y when its plan year covers Y (yearFrom ≤ Y ≤
 * yearTo: a 2023—2025 plan is a plan of 2024 too); a document whose year is unknown is of no year.
 *
 * Every resolver that takes `year` gets the scope here and keeps what it reads to the scope's
 * documents. Counts kept on write (a unit's load, the units sharing tasks, the region links) hold all
 * years together, so under a year they are counted afresh from the scope's assignments (one read per
 * request, below); the read cache and the answer cache key on the query's parameters and variables,
 * which hold the year, so a year's answer is never served for another's.
 */
import { ROLE_RANK } from '../../graph/analytics';
import { read } from '../../graph/queries';
import { perRows } from '../per-rows';
import type { QueryRunner, Row } from '../../graph/store';
import { userError } from '../errors';
import type { Context } from '../resolvers';
import type { DocumentRow } from '../rows';

type Role = keyof typeof ROLE_RANK;

/** Whether a document (its stored year range) is of plan year `year`. */
export function inYear(d: { yearFrom?: unknown; yearTo?: unknown }, year: number): boolean {
  const from = Number(d.yearFrom ?? -1);
  const to = Number(d.yearTo ?? -1);
  return from > 0 && from <= year && year <= to;
}

/** A task id is its document's id, ':', and its ref. */
export const documentOfTask = (taskId: string) => taskId.slice(0, taskId.indexOf(':'));

export interface YearScope {
  year: number;
  documents: ReadonlySet<string>;
  hasDocument(id: string): boolean;
  hasTask(taskId: string): boolean;
  /** The assignments of the scope's tasks (one read, kept for the request). */
  assignments(): Promise<Row[]>;
}

/** A year argument: a whole number from 1949 to 2100, or a message saying so. */
export function checkYear(year: unknown): number | null {
  if (year === undefined || year === null) return null;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1949 || year > 2100) {
    throw userError(`year must be a plan year such as 2024 (a whole number from 1949 to 2100), got ${JSON.stringify(year)}`, { argument: 'year' });
  }
  return year;
}

const scopes = new WeakMap<object, Map<number, Promise<YearScope>>>();

/** The scope of a year argument, or null when none is given; one per request and year. */
export async function yearScope(ctx: Context, year: unknown): Promise<YearScope | null> {
  const y = checkYear(year);
  if (y === null) return null;
  let byYear = scopes.get(ctx.loaders);
  if (!byYear) scopes.set(ctx.loaders, (byYear = new Map()));
  let scope = byYear.get(y);
  if (!scope) byYear.set(y, (scope = makeScope(ctx, y)));
  return scope;
}

/**
 * The ids of the documents of plan year `year`, read from the store (for callers without a request's
 * loaders). The same set while the rows are (per-rows.ts), so what is kept per it holds across requests.
 */
export async function documentsOfYear(store: QueryRunner, year: number): Promise<ReadonlySet<string>> {
  const rows = await store.run(read('documents-of-year'), { planYear: year });
  return yearDocuments([rows], '', () => new Set(rows.map((d) => d.id as string)));
}
const yearDocuments = perRows<ReadonlySet<string>>();

async function makeScope(ctx: Context, year: number): Promise<YearScope> {
  const documents = await documentsOfYear(ctx.store, year);
  let rows: Promise<Row[]> | undefined;
  return {
    year,
    documents,
    hasDocument: (id) => documents.has(id),
    hasTask: (id) => documents.has(documentOfTask(id)),
    assignments: () => (rows ??= documents.size ? ctx.store.run(read('assignments-of-documents'), { documentIds: [...documents].sort() }) : Promise.resolve([])),
  };
}

export interface ScopedCounts { unitId: string; kind: string; lead: number; responsible: number; participant: number }

/**
 * Each unit's tasks of the scope in a jurisdiction, once per task under its strongest role (the one
 * counting rule, graph/analytics.ts), and in a window of due dates when given.
 */
export async function countsInScope(scope: YearScope, jurisdiction: string, window?: { from: string; to: string } | null): Promise<ScopedCounts[]> {
  const strongest = new Map<string, { kind: string; roles: Map<string, Role> }>();
  for (const a of await scope.assignments()) {
    if (a.jurisdictionCode !== jurisdiction) continue;
    if (window && !(a.deadlineKind === 'date' && (a.deadlineDate as string) >= window.from && (a.deadlineDate as string) <= window.to)) continue;
    const u = strongest.get(a.unitId as string) ?? { kind: a.kind as string, roles: new Map<string, Role>() };
    const had = u.roles.get(a.taskId as string);
    if (!had || ROLE_RANK[a.role as Role] < ROLE_RANK[had]) u.roles.set(a.taskId as string, a.role as Role);
    strongest.set(a.unitId as string, u);
  }
  return [...strongest].map(([unitId, u]) => {
    const c = { unitId, kind: u.kind, lead: 0, responsible: 0, participant: 0 };
    for (const r of u.roles.values()) c[r]++;
    return c;
  });
}

/** Pairs of a jurisdiction's units sharing tasks of the scope (as the kept UnitPair counts, for one year). */
export async function pairsInScope(scope: YearScope, jurisdiction: string): Promise<Array<{ aId: string; bId: string; tasks: number }>> {
  const unitsOfTask = new Map<string, Set<string>>();
  for (const a of await scope.assignments()) {
    if (a.jurisdictionCode !== jurisdiction) continue;
    unitsOfTask.set(a.taskId as string, (unitsOfTask.get(a.taskId as string) ?? new Set()).add(a.unitId as string));
  }
  const pairs = new Map<string, { aId: string; bId: string; tasks: number }>();
  for (const units of unitsOfTask.values()) {
    const ids = [...units].sort();
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
      const key = `${ids[i]}|${ids[j]}`;
      const p = pairs.get(key) ?? { aId: ids[i]!, bId: ids[j]!, tasks: 0 };
      p.tasks++;
      pairs.set(key, p);
    }
  }
  return [...pairs.values()].sort((a, b) => b.tasks - a.tasks || a.aId.localeCompare(b.aId) || a.bId.localeCompare(b.bId));
}

/** The units with at least one assignment in the scope. */
export async function unitsInScope(scope: YearScope): Promise<Set<string>> {
  return new Set((await scope.assignments()).map((a) => a.unitId as string));
}
