import { KeptByReads, questionKey, type ChangeSource } from './kept-by-reads';

/**
 * What heavy questions turned out to weigh. The cost estimated before anything is read
 * (bounds.ts) is the worst case the schema allows: the province network may hold 5,000
 * jurisdictions and 20,000 links, so it is heavy and waits for one of MAX_HEAVY_READS places,
 * though at 10,000 plans a province's answer holds 15 jurisdictions and 91 links (it weighs 1,304
 * against 71,001 estimated). Once answered, the same question asked of the same graph returns
 * lists of the same lengths: its cost worked out again with each list field's longest list in
 * place of its maximum (bounds.ts costWith) is kept here, keyed like a whole answer (the day, the
 * query, its variables), until a write changes something it read. Under HEAVY_COST it then runs as a light question. A question asked for the first
 * time, or after such a write, is estimated at its worst case as before.
 *
 * Only answers that may be kept for the next asker are weighed (not one that depends on who asks),
 * and none during which something changed. Without a store that tells its changes
 * (KEEP_ANSWERS=false) nothing is kept.
 */
export class AnswerSizes {
  private readonly kept: KeptByReads<number>;
  /** Moves with every change seen: a weight measured across one is not kept. */
  private changes = 0;
  /** Questions being weighed now (settled once answered), with where changes stood when they began. */
  private readonly weighing = new Map<string, { under: Promise<void>; since: number }>();

  constructor(store: Partial<ChangeSource>, progress: () => number = () => 0, maxEntries = 5000) {
    this.kept = new KeptByReads(store, progress, maxEntries);
    this.kept.onChange(() => { this.changes++; });
  }

  keyOf(query: string | undefined, variables: Record<string, unknown> | undefined, operationName: string | null | undefined): string | undefined {
    if (!this.kept.enabled || query === undefined) return undefined;
    return questionKey(query, variables, operationName);
  }

  /** The question's weight when answered since the last change to what it read. */
  get(key: string): number | undefined {
    this.kept.syncProgress();
    return this.kept.get(key);
  }

  /** Where changes stand now: give it to `set` once the answer is known. */
  mark(): number {
    this.kept.syncProgress();
    return this.changes;
  }

  /**
   * Marks the question as being weighed until the returned function is called (once answered,
   * weighed or not): those who ask it meanwhile wait for its weight (underWay) instead of queueing
   * for the heavy gate; after a write, fifty askers of the province network would fill its queue.
   */
  begin(key: string): () => void {
    let settle!: () => void;
    const w = { under: new Promise<void>((resolve) => { settle = resolve; }), since: this.mark() };
    this.weighing.set(key, w);
    return () => {
      if (this.weighing.get(key) === w) this.weighing.delete(key);
      settle();
    };
  }

  /**
   * The weighing of the same question under way, if any that can still give a weight: one begun
   * before the last change cannot (set keeps nothing measured across one), and waiting for it
   * would only add its time to the asker's (the page's refetch after an upload).
   */
  underWay(key: string): Promise<void> | undefined {
    const w = this.weighing.get(key);
    return w && w.since === this.mark() ? w.under : undefined;
  }

  /** Keeps the weight of an answer begun at `since` (mark), unless something changed meanwhile. */
  set(key: string, cost: number, reads: ReadonlySet<string>, since: number): void {
    this.kept.syncProgress();
    if (this.changes === since) this.kept.set(key, cost, reads);
  }
}
