import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { StoreError } from '../graph/store';
import type { Context } from './resolvers';
import { resolvers } from './resolvers';

export const TYPE_DEFS = readFileSync(join(import.meta.dirname, 'schema.graphql'), 'utf8');

/** Limits on what one request may ask: deep nesting, huge fan-out and alias floods are refused. */
export const LIMITS = { maxDepth: 10, maxCost: 20_000, maxAliases: 15, maxDirectives: 20, maxTokens: 2_000 };

export function createApollo(log: Logger): ApolloServer<Context> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    costLimit: { maxCost: LIMITS.maxCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { n: LIMITS.maxTokens },
  }).protect();
  return new ApolloServer<Context>({
    typeDefs: TYPE_DEFS,
    resolvers,
    ...armor,
    plugins: [...armor.plugins, ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false })],
    introspection: true,
    formatError: (formatted, error) => formatError(formatted, error, log),
  });
}

/** Store outages say what happened; unexpected errors are logged and answered without internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
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
