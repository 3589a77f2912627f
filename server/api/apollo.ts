import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { BudgetExceeded, expire, remainingMs } from '../graph/budget';
import { StoreError, StoreMemoryExceeded } from '../graph/store';
import { boundLists, checkCost, costWith, HEAVY_COST, MAX_COST } from './bounds';
import type { AnswerSizes } from './answer-sizes';
import { jitGateway } from './jit';
import { takingTurns } from './turns';
import { timeoutAnswer } from './errors';
import { Gate, GateFull } from '../gate';
import type { Context } from './resolvers';
import { resolvers } from './resolvers';
import { keepable } from './response-cache';
import { MODULE_RESOLVERS, MODULE_TYPE_DEFS } from './modules';

export const TYPE_DEFS = readFileSync(join(import.meta.dirname, 'schema.graphql'), 'utf8');

/**
 * Limits on the shape of one request (graphql-armor): deep nesting, alias floods, directive and
 * token floods are refused. What a request can cost is bounded by bounds.ts (nested lists
 * multiplying, every list capped) and how long it runs by its time budget (graph/budget.ts).
 */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxDirectives: 20, maxTokens: 2_000, maxCost: MAX_COST };

export interface ApolloOptions {
  /** Heavy requests at once, and how many may wait for a place (config MAX_HEAVY_READS, MAX_QUEUED_HEAVY). */
  heavyReads?: number;
  heavyQueue?: number;
}

/** The schema: type definitions, resolvers, and every list field held to its @list bound. */
export function createSchema() {
  return takingTurns(boundLists(makeExecutableSchema({ typeDefs: [TYPE_DEFS, ...MODULE_TYPE_DEFS], resolvers: [resolvers, ...MODULE_RESOLVERS] })));
}

export function createApollo(log: Logger, opts: ApolloOptions = {}): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    // Replaced by bounds.ts, whose estimate multiplies nested lists by their sizes.
    costLimit: { enabled: false },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    // graphql-js's own token limit (parseOptions below) fails as a parse error, 400; armor's threw from a hook, 500.
    maxTokens: { enabled: false },
    // The schema is public (introspection is on), so "Did you mean …" only helps.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const schema = createSchema();
  return new ApolloServer<Context>({
    gateway: jitGateway(schema),
    ...armor,
    plugins: [
      ...armor.plugins, bounded(schema, new Gate(opts.heavyReads ?? 2, opts.heavyQueue ?? 32)), keepable(), ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }),
      // Apollo's cache-control plugin hooks every field resolved (100,000 in a heavy answer: a third of its
      // time and garbage); answers are kept by api/response-cache.ts and never carry cache hints.
      ApolloServerPluginCacheControlDisabled(),
    ],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // The app stops itself on SIGTERM (server/main.ts: HTTP, Apollo, then the store's checkpoint).
    // Apollo's own handler (on unless NODE_ENV=test) stopped Apollo and raised the signal again,
    // killing the process before the store had folded its log into the file.
    stopOnTerminationSignals: false,
    introspection: true,
    // Never internals in answers; and formatting a stack for each of a timed-out request's thousands of
    // failed fields took seconds.
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, log),
  });
}

/**
 * Bounded work: the cost of an operation checked before anything is read; a heavy one waits for a
 * place among MAX_HEAVY_READS (refused with 503 and Retry-After when the queue is full too), unless
 * the same question weighed less than HEAVY_COST when answered since the graph last changed under
 * it (answer-sizes.ts); and an answer whose time budget ran out is one TIMEOUT error, not a
 * half-resolved tree.
 */
function bounded(schema: ReturnType<typeof createSchema>, gate: Gate): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      let weighing: { sizes: AnswerSizes; key: string; since: number; document: DocumentNode; done: () => void } | undefined;
      return {
        async didResolveOperation({ document, request, operationName, contextValue }) {
          const cost = checkCost(schema, document, request.variables, operationName ?? undefined);
          const budget = contextValue.budget;
          if (cost < HEAVY_COST || !budget) return;
          const sizes = contextValue.sizes;
          const key = sizes?.keyOf(request.query, request.variables, operationName);
          let weighed = key ? sizes!.get(key) : undefined;
          const under = key && weighed === undefined ? sizes!.underWay(key) : undefined;
          if (under) {
            // Asked again while being weighed: its weight, or (the first asker out of time) the gate.
            await settledWithin(under, remainingMs(budget));
            weighed = sizes!.get(key!);
          }
          if (weighed !== undefined && weighed < HEAVY_COST) return;
          if (key && weighed === undefined) {
            weighing = { sizes: sizes!, key, since: sizes!.mark(), document, done: sizes!.begin(key) };
            contextValue.listLengths = new Map();
          }
          budget.heavy = true;
          try {
            const place = await gate.acquire(budget.deadline);
            release = place;
            // A request answered TIMEOUT may never get to willSendResponse (its reads stop: budget.ts).
            const done = weighing?.done;
            budget.release = done ? () => { place(); done(); } : place;
          } catch (err) {
            weighing?.done(); // not answered: whoever waits for its weight goes to the gate
            if (err instanceof GateFull) {
              throw new GraphQLError(err.message, { extensions: { code: 'BUSY', http: { status: 503, headers: new Map([['retry-after', '5']]) } } });
            }
            throw expire(budget);
          }
        },
        async willSendResponse({ response, contextValue, request, operation, operationName }) {
          release?.();
          release = undefined;
          const budget = contextValue.budget;
          if (budget?.expired && response.body.kind === 'single') {
            response.body.singleResult = timeoutAnswer(expire(budget));
            response.http.status = 503;
            response.http.headers.set('retry-after', '10');
          }
          // Weighed only when whole and the same for the next asker (a query answered without errors, not personal).
          const lengths = contextValue.listLengths;
          if (weighing && lengths && budget?.reads && operation?.operation === 'query' && !budget.expired && contextValue.keepAnswer && response.body.kind === 'single' && !response.body.singleResult.errors) {
            weighing.sizes.set(weighing.key, costWith(schema, weighing.document, request.variables, operationName ?? undefined, lengths), budget.reads, weighing.since);
          }
          weighing?.done();
        },
      };
    },
  };
}

/** Resolves when `p` settles or after `ms`, whichever comes first. */
function settledWithin(p: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<void>((resolve) => { timer = setTimeout(resolve, Math.max(0, ms)); })]).finally(() => clearTimeout(timer));
}

/** Store outages say what happened; unexpected errors are logged and answered without internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof BudgetExceeded) {
    return { message: original.message, extensions: { code: 'TIMEOUT' } };
  }
  if (original instanceof StoreMemoryExceeded) {
    return { ...formatted, message: original.message, extensions: { ...formatted.extensions, code: 'QUERY_TOO_EXPENSIVE' } };
  }
  if (original instanceof StoreError) {
    return { ...formatted, message: original.message, extensions: { ...formatted.extensions, code: 'STORE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' && original && !(original instanceof GraphQLError)) {
    log.error({ err: original, path: formatted.path }, 'resolver failed');
    return { ...formatted, message: `internal error: ${(original as Error).message}` };
  }
  return formatted;
}
