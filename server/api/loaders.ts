import DataLoader from 'dataloader';
import { rowsByIds } from '../graph/by-id';
import { read } from '../graph/queries';
import type { GraphStore, Row } from '../graph/store';
import { byKeys } from '../graph/values';
import type { Budget } from '../graph/budget';
import type { AssignmentRow, DocumentRow, RegionRow, TaskRow, UnitRow } from './rows';
import { afterPromiseJobs, afterWaiting, pacer, turnIfLong } from '../pace';
import { perRows } from './per-rows';

/** Of a task-keyed group, the most ids read one statement each on the embedded store (graph/by-id.ts). */
const ONE_BY_ONE_MAX = 300;

/**
 * Per-request batching and caching: a nested query asks the store once per kind of thing,
 * not once per parent (no N+1). Documents and regions are few and read whole. `store` is the
 * request's view (its reads carry the request's budget); `budget` says whether the request is heavy.
 */
export function createLoaders(store: GraphStore, budget?: Budget) {
  // A heavy answer's lists wait for turns of the event loop (turns.ts); the loads of their items still
  // make one batch, dispatched once every waiting list has been let go (with this request's budget:
  // the loaders carry it, whichever request's turn dispatches).
  const batchScheduleFn = (dispatch: () => void) => (budget?.heavy ? afterWaiting(dispatch) : afterPromiseJobs(dispatch));
  // At most this many keys a read: the answers of each batch arrive (and their promises settle) on
  // a turn of their own, where one batch of 25,000 held the event loop for a third of a second.
  const options = { batchScheduleFn, maxBatchSize: 5000 };
  // Rows kept by the read cache come back at once: a heavy request's batches still settle a turn apart.
  const heavyTurn = () => (budget?.heavy ? turnIfLong() : undefined);
  const byKey = <T extends Row>(query: string, param: string, key: string, one?: string) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = (one ? await rowsByIds(store, ids, query, one) : await store.run(read(query), { [param]: [...ids] })) as T[];
      await heavyTurn();
      const map = new Map(rows.map((r) => [r[key] as string, r]));
      return ids.map((id) => map.get(id) ?? null);
    }, options);
  const grouped = <T extends Row>(query: string, param: string, key: string, extra: Record<string, unknown> = {}, order?: (a: T, b: T) => number, one?: string) =>
    new DataLoader<string, T[]>(async (ids) => {
      const rows = (one ? await rowsByIds(store, ids, query, one, { param, extra, oneByOneMax: ONE_BY_ONE_MAX }) : await store.run(read(query), { [param]: [...ids], ...extra })) as T[];
      await heavyTurn();
      // Grouped and each group sorted (100,000 assignments of 500 units) with the event loop turning in between.
      const pace = pacer();
      const map = new Map<string, T[]>();
      for (const r of rows) {
        const k = r[key] as string;
        const group = map.get(k);
        if (group) group.push(r);
        else map.set(k, [r]);
        const turn = pace();
        if (turn) await turn;
      }
      if (order) {
        for (const group of map.values()) {
          const turn = pace();
          if (turn) await turn;
          group.sort(order);
        }
      }
      return ids.map((id) => map.get(id) ?? []);
    }, options);
  // A unit's assignments in the given roles, in document order.
  const unitAssignments = (roles: Array<AssignmentRow['role']>) =>
    grouped<AssignmentRow & Row>('assignments-of-units', 'unitIds', 'unitId', { roles }, byKeys('unitId', 'documentId', 'start', 'clause'));
  const once = <T>(load: () => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= load());
  };

  return {
    documents: once(async () => {
      const rows = (await store.run(read('documents'))) as unknown as DocumentRow[];
      return new Map(rows.map((d) => [d.id, d]));
    }),
    regions: once(async () => {
      const rows = (await store.run(read('regions'))) as unknown as RegionRow[];
      // Once per rows read, not per request: what is worked out from the regions is kept by this map (resolvers.ts).
      return regionTreesOfRows([rows], '', () => {
        const regions = new Map(rows.map((r) => [r.id, { ...r, within: (r.within ?? []).filter((w): w is string => !!w) }]));
        const children = new Map<string, string[]>();
        for (const r of regions.values()) {
          for (const w of r.within) children.set(w, [...(children.get(w) ?? []), r.id]);
        }
        return { regions, children };
      });
    }),
    /** A document by id: what a task or assignment shows of it (the list above changes with every upload). */
    document: byKey<DocumentRow & Row>('documents-by-id', 'ids', 'id'),
    unit: byKey<UnitRow & Row>('units-by-id', 'ids', 'id'),
    task: byKey<TaskRow & Row>('tasks-by-id', 'ids', 'id', 'task-by-id'),
    assignmentsOfTask: grouped<AssignmentRow & Row>('assignments-of-tasks', 'taskIds', 'taskId', {}, byKeys('taskId', 'clause', 'surfaceStart'), 'assignments-of-task'),
    assignmentsOfUnit: unitAssignments(['lead', 'responsible', 'participant']),
    /** Those of one role, for `leads`, `responsibleFor`, `participatesIn`: a unit's leads alone read in 4.5 ms, all its roles 11.6 (10,000 plans). */
    assignmentsOfUnitAs: { lead: unitAssignments(['lead']), responsible: unitAssignments(['responsible']), participant: unitAssignments(['participant']) },
    members: grouped<Row>('members', 'ids', 'collectiveId'),
    memberOf: grouped<Row>('member-of', 'ids', 'memberId'),
    regionsOfTask: grouped<Row>('task-regions', 'taskIds', 'taskId', {}, undefined, 'regions-of-task'),
    partners: grouped<Row>('partners', 'unitIds', 'unitId'),
    leader: byKey<Row>('leaders-by-id', 'ids', 'id'),
    leadersOfTask: grouped<Row>('leaders-of-tasks', 'taskIds', 'taskId', {}, undefined, 'leaders-of-task'),
    tasksOfLeader: grouped<Row>('tasks-of-leaders', 'ids', 'leaderId'),
    /** One document's assignments by unit, in document order (a unit's tasks in that document). */
    assignmentsOfDocument: new DataLoader<string, ReadonlyMap<string, Array<AssignmentRow & Row>>>(async (documentIds) =>
      Promise.all(documentIds.map(async (documentId) => byUnit((await store.run(read('assignments-of-document'), { documentId })) as Array<AssignmentRow & Row>)))),
    /** The load counts kept on the units of a jurisdiction (server/graph/analytics.ts). */
    loadOf: new DataLoader<string, Row[]>(async (jurisdictions) =>
      Promise.all(jurisdictions.map((j) => store.run(read('unit-analytics'), { jurisdiction: j })))),
    /**
     * A cooperation link's evidence (key `fromId|toId`), each task once, in document order, from
     * the TIES edges of the region its batch asks for most (analytics.ts tieRows writes them).
     * Links asked for together mostly share a region (cooperationLinks(region)): read once.
     */
    linkTasks: new DataLoader<string, Row[]>(async (keys) => {
      const pairs = keys.map((k) => k.split('|') as [string, string]);
      const seen = new Map<string, number>();
      for (const [a, b] of pairs) for (const r of [a, b]) seen.set(r, (seen.get(r) ?? 0) + 1);
      const ties = new Map<string, Promise<Map<string, Row[]>>>();
      const of = (region: string) => ties.get(region) ?? ties.set(region, store.run(read('region-ties'), { region }).then(byPartner)).get(region)!;
      return Promise.all(pairs.map(async ([a, b]) => {
        const [here, there] = (seen.get(a) ?? 0) >= (seen.get(b) ?? 0) ? [a, b] : [b, a];
        return (await of(here)).get(there) ?? [];
      }));
    }),
  };
}

const unitsOf = perRows<ReadonlyMap<string, Array<AssignmentRow & Row>>>();
/** Assignments by unit, each unit's in document order as assignments-of-units gives them; once per rows read. */
function byUnit(rows: Array<AssignmentRow & Row>): ReadonlyMap<string, Array<AssignmentRow & Row>> {
  return unitsOf([rows], '', () => {
    const out = new Map<string, Array<AssignmentRow & Row>>();
    for (const r of rows) {
      const list = out.get(r.unitId);
      if (list) list.push(r);
      else out.set(r.unitId, [r]);
    }
    for (const list of out.values()) list.sort(byKeys('unitId', 'documentId', 'start', 'clause'));
    return out;
  });
}

const partnersOf = perRows<Map<string, Row[]>>();
type RegionTrees = { regions: Map<string, Omit<RegionRow, 'within'> & { within: string[] }>; children: Map<string, string[]> };
const regionTreesOfRows = perRows<RegionTrees>();
/** A region's TIES rows by partner, each task once, in document order; once per rows read (the read cache hands back the same rows). */
function byPartner(rows: Row[]): Map<string, Row[]> {
  return partnersOf([rows], '', () => {
    const out = new Map<string, Map<string, Row>>();
    for (const r of rows) {
      const tasks = out.get(r.partner as string) ?? new Map<string, Row>();
      tasks.set(r.id as string, r);
      out.set(r.partner as string, tasks);
    }
    return new Map([...out].map(([p, tasks]) => [p, [...tasks.values()].sort(byKeys('documentId', 'start'))]));
  });
}

export type Loaders = ReturnType<typeof createLoaders>;
