import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { StoreError } from '../graph/store';
import type { Context } from './resolvers';
import { resolvers } from './resolvers';
import { keepable } from './response-cache';
import { MODULE_RESOLVERS, MODULE_TYPE_DEFS } from './modules';

export const TYPE_DEFS = readFileSync(join(import.meta.dirname, 'schema.graphql'), 'utf8');

/**
 * Limits on what one request may ask: deep nesting, huge fan-out and alias floods are refused.
 * Cost (armor's static estimate): the unit panel's query costs ≈ 350 and a wide nested one
 * ≈ 650, while nested fragments that multiply each other reach tens of thousands.
 */
export const LIMITS = { maxDepth: 10, maxCost: 3_000, maxAliases: 15, maxDirectives: 20, maxTokens: 2_000 };

export function createApollo(log: Logger): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    costLimit: { maxCost: LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { n: LIMITS.maxTokens },
    // The schema is public (introspection is on), so "Did you mean …" only helps.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return new ApolloServer<Context>({
    typeDefs: [TYPE_DEFS, ...MODULE_TYPE_DEFS],
    resolvers: [resolvers, ...MODULE_RESOLVERS],
    ...armor,
    plugins: [...armor.plugins, keepable(), ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })],
    introspection: true,
    formatError: (formatted, error) => formatError(formatted, error, log),
  });
}

/** Store outages say what happened; unexpected errors are logged and answered without internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
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
