import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { today } from './analytics/status';
import type { Context } from './resolvers';

/**
 * Whole answers to queries, kept until the store is next written (the read cache's generation
 * changes) or ttlMs has passed: a question asked again costs a look-up, not a resolution of every
 * field (a unit's 400 leads are 80 KB of JSON). The key holds the day too, as statuses depend on
 * it. Answers with errors, and mutations, are never kept.
 */
export function responseCache(opts: { maxEntries?: number } = {}): ApolloServerPlugin<Context> {
  const entries = new Map<string, { at: number; result: FormattedExecutionResult }>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let ttlMs = Infinity;
      return {
        async responseForOperation({ request, operation, contextValue }) {
          const store = contextValue.store as { generation?: number; ttlMs?: number };
          if (operation.operation !== 'query' || typeof store.generation !== 'number') return null;
          ttlMs = store.ttlMs ?? Infinity;
          key = JSON.stringify([store.generation, today(), request.query, request.variables ?? {}, request.operationName ?? null]);
          const hit = entries.get(key);
          if (!hit || Date.now() - hit.at >= ttlMs) return null;
          key = null; // served from here: nothing to keep
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit.result } };
        },
        async willSendResponse({ response }) {
          if (!key || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          entries.set(key, { at: Date.now(), result: response.body.singleResult });
          // Oldest first out; entries of an older generation are never asked for again and age out.
          while (entries.size > (opts.maxEntries ?? 2000)) entries.delete(entries.keys().next().value!);
        },
      };
    },
  };
}
