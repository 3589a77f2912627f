/**
 * Cooperative turns for heavy answers. The executor completes a tree of 100,000 objects in promise
 * callbacks, never giving the event loop a turn: half a second and more during which /healthz and
 * every light question wait. In a heavy request (cost ≥ HEAVY_COST, bounds.ts) every field with a
 * resolver of its own asks for a turn (pace.ts) once its value is there (takingTurns: a unit's
 * leads, each lead's task).
 *
 * Lists let go over several turns would each load their items apart (one store read per turn
 * instead of one for all): a heavy request's loaders (loaders.ts) hold their batch until every
 * waiting list has been let go (pace.ts afterWaiting, their batchScheduleFn).
 */
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { getNamedType, isLeafType, type GraphQLSchema } from 'graphql';
import { budgetOf } from '../graph/budget';
import { turnIfLong } from '../pace';

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
          if (!budgetOf(ctx)?.heavy) return value;
          // No promise made for a value that is there and a slice not yet spent (garbage is what stalls now).
          const after = (v: unknown) => turnIfLong()?.then(() => v) ?? v;
          return isPromiseLike(value) ? value.then(after) : after(value);
        },
      };
    },
  });
}

const isPromiseLike = (v: unknown): v is PromiseLike<unknown> => typeof (v as PromiseLike<unknown> | null)?.then === 'function';
