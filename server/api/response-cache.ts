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

/** How many past writes are remembered for answers under way; one begun before the oldest is not kept. */
const CHANGE_LOG = 256;

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
  /** Questions being answered now, by key: what each will keep. */
  private readonly flying = new Map<string, Promise<string | undefined>>();
  /** Writes seen, numbered; the last CHANGE_LOG of them with what they changed. */
  private epoch = 0;
  private readonly changes: Array<{ epoch: number; changed: ReadonlySet<string> | null }> = [];

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
    this.epoch++;
    this.changes.push({ epoch: this.epoch, changed });
    if (this.changes.length > CHANGE_LOG) this.changes.shift();
    if (!changed) this.entries.clear();
    else for (const [key, e] of this.entries) if (touches(changed, e.tags)) this.entries.delete(key);
  }

  /** Whether an answer reading `tags`, begun at `since`, is still true now. */
  private fresh(since: number, tags: ReadonlySet<string>): boolean {
    if (since === this.epoch) return true;
    if ((this.changes[0]?.epoch ?? Infinity) > since + 1) return false;
    return !this.changes.some((c) => c.epoch > since && touches(c.changed, tags));
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
   * people ask what the page asks): the answer it will keep, or undefined when it keeps none.
   * Asked once rather than fifty times, the cold answers neither queue for the heavy gate nor
   * are refused BUSY.
   */
  inFlight(key: string): Promise<string | undefined> | undefined {
    return this.flying.get(key);
  }

  /**
   * Marks the question as being answered, from now. Call the result with the body (undefined: not
   * to be kept) and what its reads depended on: it is kept, and handed to those waiting for it,
   * unless a write since then changed something it read.
   */
  begin(key: string): (body: string | undefined, tags: ReadonlySet<string>) => void {
    const since = this.epoch;
    let settle!: (kept: string | undefined) => void;
    const p = new Promise<string | undefined>((resolve) => { settle = resolve; });
    this.flying.set(key, p);
    return (body, tags) => {
      if (this.flying.get(key) === p) this.flying.delete(key);
      this.syncProgress();
      const keep = body !== undefined && this.fresh(since, tags) ? body : undefined;
      if (keep !== undefined) this.set(key, { body: keep, tags });
      settle(keep);
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
