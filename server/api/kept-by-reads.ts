import { PROGRESS, touches } from '../graph/dependencies';
import { today } from './analytics/status';

/** A GraphQL question's key: the day too, as statuses depend on it. */
export const questionKey = (query: string, variables: unknown, operationName: unknown): string =>
  JSON.stringify([today(), query, variables ?? {}, operationName ?? null]);

/** The read cache's side that tells what each write changed (graph/cached-store.ts). */
export interface ChangeSource {
  onChange(listener: (changed: ReadonlySet<string> | null) => void): void;
}

interface Entry<T> {
  value: T;
  /** What the reads behind it depended on (graph/dependencies.ts). */
  tags: ReadonlySet<string>;
}

/**
 * Values worked out from reads (whole answers, what an answer weighed), kept until a write changes
 * something they read, or a progress record or decision moves `progress` (the generation of what is
 * kept outside the graph) and they read progress. Disabled with a store that does not tell its
 * changes (nothing kept could be vouched for). At most `maxEntries`, oldest first out.
 */
export class KeptByReads<T> {
  private readonly entries = new Map<string, Entry<T>>();
  readonly enabled: boolean;
  private progressSeen: number;
  private readonly listeners: Array<(changed: ReadonlySet<string> | null) => void> = [];

  constructor(store: Partial<ChangeSource>, private readonly progress: () => number = () => 0, private readonly maxEntries = 2000) {
    this.enabled = typeof store.onChange === 'function';
    store.onChange?.((changed) => this.changed(changed));
    this.progressSeen = progress();
  }

  /** Calls `listener` after every change seen (null: everything), once the entries it touches are gone. */
  onChange(listener: (changed: ReadonlySet<string> | null) => void): void {
    this.listeners.push(listener);
  }

  /** A progress record or decision since last looked: forget what read them (checked on every look-up). */
  syncProgress(): void {
    const g = this.progress();
    if (g === this.progressSeen) return;
    this.progressSeen = g;
    this.changed(new Set([PROGRESS]));
  }

  private changed(changed: ReadonlySet<string> | null): void {
    if (!changed) this.entries.clear();
    else for (const [key, e] of this.entries) if (touches(changed, e.tags)) this.entries.delete(key);
    for (const l of this.listeners) l(changed);
  }

  get(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: T, tags: ReadonlySet<string>): void {
    this.entries.delete(key);
    this.entries.set(key, { value, tags });
    // Oldest first out; entries of an older day are never asked for again and age out.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
