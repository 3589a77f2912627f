/**
 * Work per request bounded by construction. Every list field of the schema says how long it can
 * be (`@list(max:)`, and the argument that pages it, `limit` unless `arg:` names another); the
 * cost of a query is the number of objects it can return at most, nested lists multiplying, with
 * a list's length taken from its page argument or else its maximum. A query over MAX_COST, or a
 * page argument outside 1…max, is refused before anything is read; and every list a resolver
 * returns is cut to its maximum, so the estimate is an upper bound and not a hope.
 */
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver, getNamedType, getNullableType, GraphQLError, isLeafType, isListType,
  type DocumentNode, type GraphQLField, type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { budgetOf, isExpired } from '../graph/budget';

/**
 * At most this many objects in one answer. The page's heaviest question (the unit network: 500
 * units with up to 200 tasks each) is ≈ 315,000; a unit's tasks' units' tasks' units is ≈ 10^8.
 */
export const MAX_COST = 400_000;
/** A request estimated above this is heavy: only MAX_HEAVY such run at once (see apollo.ts). */
export const HEAVY_COST = 5_000;

/** Where a request being weighed records the longest list of each field (api/answer-sizes.ts). */
const lengthsOf = (ctx: unknown): Map<string, number> | undefined => (ctx as { listLengths?: Map<string, number> } | null | undefined)?.listLengths;

interface ListBound { max: number; arg: string; shared: boolean }

const listBound = (schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): ListBound | undefined =>
  getDirective(schema, field, 'list')?.[0] as ListBound | undefined;
const weightOf = (schema: GraphQLSchema, field: GraphQLField<unknown, unknown>): number =>
  (getDirective(schema, field, 'cost')?.[0]?.weight as number | undefined) ?? 0;
const isList = (field: GraphQLField<unknown, unknown>) => isListType(getNullableType(field.type));

/** Every list field without @list: none may exist (tests/api/bounds.test.ts). */
export function unboundedLists(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type) || isLeafType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if ('resolve' in field && isList(field as GraphQLField<unknown, unknown>) && !listBound(schema, field as GraphQLField<unknown, unknown>)) out.push(`${type.name}.${field.name}`);
    }
  }
  return out;
}

/** The page argument of a field, or undefined when absent; a user error when outside 1…max. */
function pageOf(bound: ListBound, args: Record<string, unknown>, where: string): number | undefined {
  const v = args[bound.arg];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > bound.max) {
    throw new GraphQLError(`${bound.arg} on ${where} must be between 1 and ${bound.max}, got ${JSON.stringify(v)}`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return v;
}

/**
 * The cost of an operation (objects it can return at most). Throws a BAD_USER_INPUT error for a
 * page argument out of range, and QUERY_TOO_EXPENSIVE over MAX_COST.
 */
export function checkCost(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  // The same question asked again costs what it cost (Apollo hands back one parsed document per query text).
  const key = `${operationName ?? ''}\u0000${variables ? JSON.stringify(variables) : ''}`;
  const known = costsOf(schema, query);
  const kept = known.get(key);
  if (kept !== undefined) return kept;
  const cost = costOf(schema, query, variables, operationName);
  if (known.size >= 100) known.clear(); // a document asked with ever new variables
  known.set(key, cost);
  return cost;
}

const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
function costsOf(schema: GraphQLSchema, query: DocumentNode): Map<string, number> {
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let known = bySchema.get(query);
  if (!known) bySchema.set(query, (known = new Map()));
  return known;
}

/**
 * What an answered operation weighed: its cost with each list field's length taken as the longest
 * list that field returned in the answer (`lengths`, by schema coordinate, recorded by boundLists),
 * an upper bound of the objects it returned and at most its estimate. Fields never resolved count 0.
 */
export function costWith(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined, lengths: ReadonlyMap<string, number>): number {
  return costOf(schema, query, variables, operationName, lengths);
}

function costOf(schema: GraphQLSchema, query: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string, lengths?: ReadonlyMap<string, number>): number {
  let bad: GraphQLError | undefined;
  const estimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    const own = (isLeafType(getNamedType(field.type)) ? 0 : 1) + childComplexity;
    const weight = weightOf(schema, field);
    if (!isList(field)) return weight + own;
    const bound = listBound(schema, field);
    if (!bound) return weight + own * MAX_COST; // cannot happen: unboundedLists() is empty
    let n = bound.max;
    try {
      n = pageOf(bound, args, `${type.name}.${field.name}`) ?? bound.max;
    } catch (err) {
      bad ??= err as GraphQLError;
    }
    if (lengths) n = Math.min(n, lengths.get(`${type.name}.${field.name}`) ?? 0);
    // A shared list (a timeline bucket's entries) is counted by its parent's page, not per parent.
    return weight + (bound.shared ? own : n * own);
  };
  let cost: number;
  try {
    cost = getComplexity({ schema, query, variables, operationName, estimators: [estimator] });
  } catch (err) {
    // The variables are coerced here, before execution would: one of the wrong type is the client's mistake.
    if (err instanceof GraphQLError && !err.extensions.code) {
      throw new GraphQLError(err.message, { nodes: err.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    }
    throw err;
  }
  if (bad) throw bad;
  if (cost > MAX_COST) {
    throw new GraphQLError(
      `the query could return up to ${cost.toLocaleString('en')} objects, over the limit of ${MAX_COST.toLocaleString('en')}: ` +
        'ask for fewer nested lists, or give them smaller limits',
      { extensions: { code: 'QUERY_TOO_EXPENSIVE', cost, maxCost: MAX_COST, http: { status: 400 } } },
    );
  }
  return cost;
}

/**
 * The schema with every list field's resolver made to keep its bound: its page argument checked,
 * the list it returns cut to its maximum, and no list started once the request is out of time.
 */
export function boundLists(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const bound = getDirective(schema, config, 'list')?.[0] as ListBound | undefined;
      if (!bound) return config;
      const resolve = config.resolve ?? defaultFieldResolver;
      const coordinate = `${typeName}.${fieldName}`;
      return {
        ...config,
        resolve: async (source, args, ctx, info) => {
          // Out of time: nothing more is read, and the answer will be one TIMEOUT error (apollo.ts).
          const budget = budgetOf(ctx);
          if (isExpired(budget)) return [];
          pageOf(bound, args, `${typeName}.${fieldName}`);
          let list;
          try {
            list = await resolve(source, args, ctx, info);
          } catch (err) {
            if (isExpired(budget)) return [];
            throw err;
          }
          // Items of a list that came back late are not resolved: a field of each would fail alike.
          if (isExpired(budget)) return [];
          if (!Array.isArray(list)) return list;
          const cut = list.length > bound.max ? list.slice(0, bound.max) : list;
          // A heavy question being weighed (answer-sizes.ts): the longest list of each field.
          const lengths = lengthsOf(ctx);
          if (lengths) lengths.set(coordinate, Math.max(lengths.get(coordinate) ?? 0, cut.length));
          return cut;
        },
      };
    },
  });
}
