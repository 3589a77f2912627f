import type { ApolloServerPlugin } from '@apollo/server';
import { today } from './analytics/status';
import type { Context } from './resolvers';

/**
 * Whole answers to queries, kept as the JSON sent, until the store is next written (the read
 * cache's generation changes, here or, on Neo4j, by another process): a question asked again costs a look-up
 * before Apollo parses anything, not a resolution of every field nor a serialisation (a unit's
 * 400 leads are 80 KB of JSON). The key holds the day too, as statuses depend on it.
 *
 * Apollo decides what may be kept (keepable, below: queries answered without errors); the HTTP
 * route keeps and serves it (server/http/server.ts).
 */
export class AnswerCache {
  private readonly entries = new Map<string, string>();

  constructor(private readonly store: { generation?: number }, private readonly maxEntries = 2000) {}

  /** The key of a POSTed GraphQL request, or null when answers are not kept (a store without generations). */
  keyOf(body: unknown): string | null {
    if (typeof this.store.generation !== 'number' || !body || typeof body !== 'object') return null;
    const { query, variables, operationName } = body as Record<string, unknown>;
    if (typeof query !== 'string') return null;
    return JSON.stringify([this.store.generation, today(), query, variables ?? {}, operationName ?? null]);
  }

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  set(key: string, body: string): void {
    this.entries.set(key, body);
    // Oldest first out; entries of an older generation are never asked for again and age out.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** Marks an answer that may be kept: a query (never a mutation) answered without errors. */
export function keepable(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response, contextValue }) {
          if (operation?.operation !== 'query' || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          contextValue.keepAnswer?.();
        },
      };
    },
  };
}
