/**
 * What a read depends on and what a write changes, as tags, so that a write empties only the kept
 * reads and answers it can have changed (cached-store.ts, api/response-cache.ts) instead of all of
 * them: an upload of one city's plan leaves every other city's answers kept.
 *
 * Tags: `unit:<id>` (a unit's row, assignments, partners, memberships), `task:<id>` (a task's row,
 * assignments, regions, leaders), `doc:<id>` (a document's row and its task list), `leader:<id>`,
 * `jur:<code>` (a jurisdiction's units, their counts, pairs and memberships, the documents it issued),
 * `reg:<id>` (the tasks that name a region, are issued in it or assign its government, and its kept links), `regions` (the region list), PROGRESS
 * (the progress records and decisions, kept in DATA_DIR) and ANY.
 * A read not named below depends on ANY: every write empties it (lists, search, ledger, networks).
 * A write that names nothing changed ANY: every kept read goes. Safe by default; a read is named
 * here only when what its parameters select is all it returns.
 */
import { ambientReads, type Budget } from './budget';
import { READ } from './queries';
import type { Params } from './store';

export const ANY = '*';
/** What answers read of the progress records (DATA_DIR, not the graph): a record forgets them all. */
export const PROGRESS = 'progress';

/** Tells the request (its budget, graph/budget.ts) that it reads the progress records: the API, before it asks the progress services. */
export function readsProgress(budget: Budget | undefined): void {
  budget?.reads?.add(PROGRESS);
}

/**
 * Called by the progress services as they read their files: in the tests' checked mode (budget.ts),
 * fails when the request being answered was not told (readsProgress), as its whole answer would be
 * kept past the next progress record. Nothing in production.
 */
export function readingProgress(): void {
  if (!ambientReads(PROGRESS)) throw new Error('the progress records are read for a request that was not told (graph/dependencies.ts readsProgress): its answer would be kept past the next record');
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const tagged = (prefix: string, param: string) => (p: Params) => ids(p[param]).map((id) => `${prefix}:${id}`);
const one = (prefix: string, param: string) => (p: Params) => (typeof p[param] === 'string' && p[param] ? [`${prefix}:${p[param] as string}`] : [ANY]);

const BY_NAME: Record<string, (p: Params) => string[]> = {
  'units-by-id': tagged('unit', 'ids'),
  'assignments-of-units': tagged('unit', 'unitIds'),
  'duties-of-units': tagged('unit', 'unitIds'),
  members: tagged('unit', 'ids'),
  'member-of': tagged('unit', 'ids'),
  partners: tagged('unit', 'unitIds'),
  'tasks-by-id': tagged('task', 'ids'),
  'task-deadlines-by-id': tagged('task', 'ids'),
  'task-by-id': one('task', 'id'),
  'assignments-of-tasks': tagged('task', 'taskIds'),
  'units-of-tasks': tagged('task', 'taskIds'),
  'assignments-of-task': one('task', 'id'),
  'task-regions': tagged('task', 'taskIds'),
  'regions-of-task': one('task', 'id'),
  'leaders-of-tasks': tagged('task', 'taskIds'),
  'leaders-of-task': one('task', 'id'),
  'leaders-by-id': tagged('leader', 'ids'),
  'tasks-of-leaders': tagged('leader', 'ids'),
  'documents-by-id': tagged('doc', 'ids'),
  'document-text': one('doc', 'id'),
  'task-ids': one('doc', 'documentId'),
  'assignments-of-document': one('doc', 'documentId'),
  // The units of one jurisdiction ('' = all: ANY), their counts, pairs and memberships: a write
  // names the jurisdiction of every unit it touches.
  'unit-analytics': one('jur', 'jurisdiction'),
  'unit-load': one('jur', 'jurisdiction'),
  'unit-load-due': one('jur', 'jurisdiction'),
  'unit-pairs': one('jur', 'jurisdiction'),
  'memberships-in': one('jur', 'jurisdiction'),
  regions: () => ['regions'],
  // A region's links and their evidence: a write names every region its tasks name, issue in or assign.
  'region-links': one('reg', 'region'),
  'region-ties': one('reg', 'region'),
  // Tasks due in one jurisdiction's documents (a new document names its own jurisdiction), or in one document.
  'tasks-due': (p) => (p.jurisdiction ? [`jur:${p.jurisdiction as string}`] : p.documentId ? [`doc:${p.documentId as string}`] : [ANY]),
  // The same tasks counted (timelineCoverage): at 100,000 plans 0.8 s, which every write made it
  // count again when it depended on ANY. Under a plan year ANY: a document's year is set apart from its load.
  'task-deadline-tally': (p) => (Number(p.planYear) < 0 && p.documentId ? [`doc:${p.documentId as string}`] : [ANY]),
  'task-deadline-tally-of-jurisdiction': (p) => (Number(p.planYear) >= 0 ? [ANY] : [`jur:${p.jurisdiction as string}`]),
};

const NAME_OF = new Map(Object.entries(READ).map(([name, text]) => [text, name]));

/** The tags a read depends on: ANY unless the query is one named above. */
export function readTags(query: string, params: Params): string[] {
  const name = NAME_OF.get(query);
  const of = name ? BY_NAME[name] : undefined;
  return of ? of(params) : [ANY];
}

/** Whether something depending on `tags` is stale after a write that changed `changed` (null: everything). */
export function touches(changed: ReadonlySet<string> | null, tags: ReadonlySet<string>): boolean {
  if (!changed || changed.has(ANY) || tags.has(ANY)) return true;
  // The smaller set walked: an answer may read thousands of tasks, a write names a few dozen things.
  const [few, many] = changed.size <= tags.size ? [changed, tags] : [tags, changed];
  for (const t of few) if (many.has(t)) return true;
  return false;
}
