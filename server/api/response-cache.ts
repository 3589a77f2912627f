import type { ApolloServerPlugin } from '@apollo/server';
import { touches } from '../graph/dependencies';
import { KeptByReads, questionKey, type ChangeSource } from './kept-by-reads';
import type { Context } from './resolvers';

export type { ChangeSource } from './kept-by-reads';

/** A question being answered: what it has read so far, and whether a write has changed any of it since. */
interface Flight {
  key: string;
  answer: Promise<string | undefined>;
  reads: ReadonlySet<string>;
  stale: boolean;
}

/**
 * Whole answers to queries, kept as the JSON sent, until a write changes something they read
 * (the read cache tells what each read depends on and what each write changed,
 * graph/dependencies.ts), or, on Neo4j, until another process writes. A question asked again costs
 * a look-up before Apollo parses anything, not a resolution of every field nor a serialisation (a
 * unit's 400 leads are 80 KB of JSON). An upload of one city's plan keeps the answers about
 * another city. The key holds the day too, as statuses depend on it. When `progress` (the
 * generation of the progress records and decisions, kept outside the graph) moves, the answers that
 * read them are forgotten.
 *
 * Apollo decides what may be kept (keepable, below: queries answered without errors); the HTTP
 * route keeps and serves it (server/http/server.ts).
 */
export class AnswerCache {
  private readonly kept: KeptByReads<string>;
  /** Questions being answered now that later askers may wait for, by key. */
  private readonly flying = new Map<string, Flight>();
  /** Every question being answered now, including those a write has made stale. */
  private readonly under = new Set<Flight>();

  constructor(store: Partial<ChangeSource>, progress: () => number = () => 0, maxEntries = 2000) {
    this.kept = new KeptByReads(store, progress, maxEntries);
    // A question under way that has read something changed is not kept, and those who ask it from
    // now on do not wait for it: they asked after the write. Those already waiting asked before it ended.
    this.kept.onChange((changed) => {
      for (const f of this.under) {
        if (f.stale || !touches(changed, f.reads)) continue;
        f.stale = true;
        if (this.flying.get(f.key) === f) this.flying.delete(f.key);
      }
    });
  }

  /** The key of a POSTed GraphQL request, or null when answers are not kept (a store that does not tell its changes). */
  keyOf(body: unknown): string | null {
    if (!this.kept.enabled || !body || typeof body !== 'object') return null;
    const { query, variables, operationName } = body as Record<string, unknown>;
    if (typeof query !== 'string') return null;
    this.kept.syncProgress();
    return questionKey(query, variables, operationName);
  }

  get(key: string): string | undefined {
    return this.kept.get(key);
  }

  /**
   * The same question already being answered (a write has just emptied the cache, and fifty
   * people ask what the page asks): its answer, or undefined when it has none to share (an error).
   * Asked once rather than fifty times, the cold answers neither queue for the heavy gate nor
   * are refused BUSY.
   */
  inFlight(key: string): Promise<string | undefined> | undefined {
    return this.flying.get(key)?.answer;
  }

  /**
   * Marks the question as being answered, from now; `reads` fills with what it reads (the read
   * cache adds to it). Call the result with the body, or undefined when it may not be kept: it is
   * handed to those waiting, and kept unless a write changed something it read meanwhile.
   */
  begin(key: string, reads: ReadonlySet<string>): (body: string | undefined) => void {
    let settle!: (body: string | undefined) => void;
    const f: Flight = { key, reads, stale: false, answer: new Promise((resolve) => { settle = resolve; }) };
    this.flying.set(key, f);
    this.under.add(f);
    return (body) => {
      this.kept.syncProgress();
      this.under.delete(f);
      if (this.flying.get(key) === f) this.flying.delete(key);
      if (body !== undefined && !f.stale) this.kept.set(key, body, reads);
      settle(body);
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
