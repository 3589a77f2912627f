/**
 * Cooperative turns for heavy answers. graphql-js completes a tree of 100,000 objects in promise
 * callbacks, never giving the event loop a turn: half a second and more during which /healthz and
 * every light question wait. In a heavy request (cost ≥ HEAVY_COST, bounds.ts) every field with a
 * resolver of its own asks for a turn here once its value is there (takingTurns: a unit's leads,
 * each lead's task): while the current slice of work is under SLICE_MS it goes on at once; past
 * it, it waits, and the waiting are let go a few at a time, one batch per turn of the event loop,
 * so that other requests are served in between. The batch grows while a turn's work stays short
 * and shrinks when it runs long.
 *
 * Lists let go over several turns would each load their items apart (one store read per turn
 * instead of one for all): a heavy request's loaders (loaders.ts) hold their batch until every
 * waiting list has been let go (scheduleBatch).
 */
import { AsyncResource } from 'node:async_hooks';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { getNamedType, isLeafType, type GraphQLSchema } from 'graphql';
import { currentBudget } from '../graph/budget';

const SLICE_MS = 10;
const MAX_BATCH = 64;

const waiting: Array<() => void> = [];
let sliceStart = performance.now();
let batch = 1;
let scheduled = false;
/** Loader batches held until the waiting lists have all been let go. */
const held: Array<() => void> = [];

/** Undefined when the work may go on at once; else a promise settled on a later turn of the event loop. */
export function turnIfLong(): Promise<void> | undefined {
  if (waiting.length === 0 && performance.now() - sliceStart < SLICE_MS) return undefined;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(release);
    }
  });
}

function release(): void {
  scheduled = false;
  // What the last batch's work took (with whatever else ran in that turn) sets this one's size.
  const spent = performance.now() - sliceStart;
  batch = spent < SLICE_MS / 2 ? Math.min(batch * 2, MAX_BATCH) : spent > SLICE_MS ? Math.max(1, batch >> 1) : batch;
  sliceStart = performance.now();
  for (const go of waiting.splice(0, batch)) go();
  if (waiting.length > 0) {
    scheduled = true;
    setImmediate(release); // queued from a check-phase callback: runs on the next turn, after I/O
  } else {
    // The lists just let go add their items' loads to the held batches first (promise jobs run before).
    for (const dispatch of held.splice(0)) afterPromiseJobs(dispatch);
  }
}

/** As DataLoader schedules a batch by default: once the promise jobs of this tick have run. */
export const afterPromiseJobs = (dispatch: () => void) => void Promise.resolve().then(() => process.nextTick(dispatch));

/**
 * DataLoader's batchScheduleFn for a heavy request: its default, unless lists are waiting for
 * turns; then the batch is dispatched once they have all been let go, with their items' loads in it.
 */
export function scheduleBatch(dispatch: () => void): void {
  // Bound to the request that loads: dispatched from another's turn, it would read with that one's time budget.
  if (waiting.length > 0) held.push(AsyncResource.bind(dispatch));
  else afterPromiseJobs(dispatch);
}

/**
 * The schema with every field that has a resolver of its own and gives objects asking for a turn
 * in heavy requests (a scalar completes at once: a turn would only add garbage).
 */
export function takingTurns(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config) => {
      const resolve = config.resolve;
      if (!resolve || isLeafType(getNamedType(config.type))) return config;
      return {
        ...config,
        resolve: (source, args, ctx, info) => {
          const value = resolve(source, args, ctx, info);
          if (!currentBudget()?.heavy) return value;
          return Promise.resolve(value).then((v) => turnIfLong()?.then(() => v) ?? v);
        },
      };
    },
  });
}
