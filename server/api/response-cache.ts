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
  /** Questions being answered now, by key: what each will keep. */
  private readonly flying = new Map<string, Promise<string | undefined>>();

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

  /**
   * The same question already being answered (a write has just emptied the cache, and fifty
   * people ask what the page asks): the answer it will keep, or undefined when it keeps none.
   * Asked once rather than fifty times, the cold answers neither queue for the heavy gate nor
   * are refused BUSY.
   */
  inFlight(key: string): Promise<string | undefined> | undefined {
    return this.flying.get(key);
  }

  /** Marks the question as being answered; call the result with the body kept (or undefined) when done. */
  begin(key: string): (kept: string | undefined) => void {
    let settle!: (kept: string | undefined) => void;
    const p = new Promise<string | undefined>((resolve) => { settle = resolve; });
    this.flying.set(key, p);
    return (kept) => {
      if (this.flying.get(key) === p) this.flying.delete(key);
      settle(kept);
    };
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
