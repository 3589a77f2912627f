import type { ApolloServerPlugin } from '@apollo/server';
import { today } from './analytics/status';
import { PROGRESS, touches } from '../graph/dependencies';
import type { Context } from './resolvers';

/** The read cache's side the answer cache listens to (graph/cached-store.ts). */
export interface ChangeSource {
  onChange(listener: (changed: ReadonlySet<string> | null) => void): void;
}

interface Kept {
  body: string;
  /** What its reads depended on (graph/dependencies.ts). */
  tags: ReadonlySet<string>;
}

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
  private readonly entries = new Map<string, Kept>();
  /** Questions being answered now that later askers may wait for, by key. */
  private readonly flying = new Map<string, Flight>();
  /** Every question being answered now, including those a write has made stale. */
  private readonly under = new Set<Flight>();
  private readonly enabled: boolean;
  private progressSeen: number;

  constructor(store: Partial<ChangeSource>, private readonly progress: () => number = () => 0, private readonly maxEntries = 2000) {
    this.enabled = typeof store.onChange === 'function';
    store.onChange?.((changed) => this.changed(changed));
    this.progressSeen = progress();
  }

  /** A progress record or decision since last looked: forget what read them (checked on every question). */
  private syncProgress(): void {
    const g = this.progress();
    if (g === this.progressSeen) return;
    this.progressSeen = g;
    this.changed(new Set([PROGRESS]));
  }

  private changed(changed: ReadonlySet<string> | null): void {
    if (!changed) this.entries.clear();
    else for (const [key, e] of this.entries) if (touches(changed, e.tags)) this.entries.delete(key);
    // A question under way that has read something changed is not kept, and those who ask it from
    // now on do not wait for it: they asked after the write. Those already waiting asked before it ended.
    for (const f of this.under) {
      if (f.stale || !touches(changed, f.reads)) continue;
      f.stale = true;
      if (this.flying.get(f.key) === f) this.flying.delete(f.key);
    }
  }

  /** The key of a POSTed GraphQL request, or null when answers are not kept (a store that does not tell its changes). */
  keyOf(body: unknown): string | null {
    if (!this.enabled || !body || typeof body !== 'object') return null;
    const { query, variables, operationName } = body as Record<string, unknown>;
    if (typeof query !== 'string') return null;
    this.syncProgress();
    return JSON.stringify([today(), query, variables ?? {}, operationName ?? null]);
  }

  get(key: string): string | undefined {
    return this.entries.get(key)?.body;
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
      this.syncProgress();
      this.under.delete(f);
      if (this.flying.get(key) === f) this.flying.delete(key);
      if (body !== undefined && !f.stale) this.set(key, { body, tags: reads });
      settle(body);
    };
  }

  private set(key: string, kept: Kept): void {
    this.entries.set(key, kept);
    // Oldest first out; entries of an older day are never asked for again and age out.
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
