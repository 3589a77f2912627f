import { randomBytes } from 'node:crypto';
import type { ExtractedDocument, ExtractResult } from '../extract/contract';

/**
 * Uploads waiting for review: read and extracted, not loaded. Kept in memory (a restart drops
 * them: the file is sent again), at most MAX of them, each for TTL_MS.
 */
export interface Draft {
  id: string;
  /** The name it will be loaded under (its own, or stem-N after a collision) and the name as uploaded. */
  file: string;
  uploadedAs: string;
  bytes: Uint8Array;
  who: string;
  replace: boolean;
  at: number;
  doc: ExtractedDocument;
  unitNames: Map<string, string>;
  warnings: string[];
}

const TTL_MS = 2 * 60 * 60 * 1000;
const MAX = 200;

export class DraftStore {
  private readonly drafts = new Map<string, Draft>();

  add(d: Omit<Draft, 'id' | 'at' | 'unitNames' | 'doc'> & { result: ExtractResult }): Draft {
    this.prune();
    const doc = structuredClone(d.result.documents[0]!);
    const draft: Draft = {
      id: randomBytes(9).toString('base64url'), at: Date.now(), file: d.file, uploadedAs: d.uploadedAs, bytes: d.bytes, who: d.who, replace: d.replace,
      doc, unitNames: new Map(d.result.units.map((u) => [u.id, u.name])), warnings: d.warnings,
    };
    this.drafts.set(draft.id, draft);
    while (this.drafts.size > MAX) this.drafts.delete(this.drafts.keys().next().value!);
    return draft;
  }

  get(id: string): Draft | undefined {
    this.prune();
    return this.drafts.get(id);
  }

  delete(id: string): boolean {
    return this.drafts.delete(id);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, d] of this.drafts) if (now - d.at > TTL_MS) this.drafts.delete(id);
  }
}
