import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit-log';
import type { DocumentRegistry } from '../documents/registry';
import { extract } from '../extract/extract';
import { loadExtraction } from '../graph/loader';
import { read } from '../graph/queries';
import type { GraphStore } from '../graph/store';
import { readDocument } from '../ingest/read';
import { seedFilesIn } from '../seeds';
import { queue } from '../accounts/files';
import { applyCorrections } from './apply';
import { ConflictError, CorrectionStore, type Correction } from './model';

export class SourceMissingError extends Error {
  override readonly name = 'SourceMissingError';
}

/**
 * Corrections made from the page: each is written to the corrections file, then every document it
 * concerns is extracted again from its original and loaded with all corrections in force, so the
 * graph and its kept analytics change exactly as if the document had said so. Should the load
 * fail, the correction is taken back: the file never claims what the graph does not hold.
 */
export class CorrectionService {
  constructor(
    readonly corrections: CorrectionStore,
    private readonly store: GraphStore,
    private readonly registry: DocumentRegistry,
    private readonly audit: AuditLog,
    private readonly log?: Logger,
  ) {}

  /** One correction at a time, load included: two editors' loads of one document never interleave. */
  private readonly serial = queue();

  add(c: Omit<Correction, 'id' | 'seq'>, expected: number | null, documentIds: string[]): Promise<Correction> {
    return this.serial(() => this.addNow(c, expected, documentIds));
  }

  undo(id: string, by: string, expected: number | null, documentIds: (c: Correction) => Promise<string[]>): Promise<Correction> {
    return this.serial(() => this.undoNow(id, by, expected, documentIds));
  }

  private async addNow(c: Omit<Correction, 'id' | 'seq'>, expected: number | null, documentIds: string[]): Promise<Correction> {
    const made = await this.corrections.add(c, expected);
    try {
      await this.reload(documentIds);
    } catch (err) {
      await this.corrections.revert(made.id, 'added');
      throw err;
    }
    await this.audit.append({ who: c.by, action: c.kind === 'merge' ? 'merge-units' : 'correction', target: made.task ? `${made.task.documentId}#${made.task.ref}` : `${c.unit?.id} → ${c.into?.id}`, before: c.before, after: c.after, note: `${made.kind} ${made.id}` });
    return (await this.corrections.all()).find((x) => x.id === made.id) ?? made;
  }

  private async undoNow(id: string, by: string, expected: number | null, documentIds: (c: Correction) => Promise<string[]>): Promise<Correction> {
    const target = (await this.corrections.all()).find((c) => c.id === id);
    if (!target) throw new ConflictError(`there is no correction ${id}: see corrections for the ids`);
    const ids = await documentIds(target);
    const undone = await this.corrections.undo(id, by, expected);
    try {
      await this.reload(ids);
    } catch (err) {
      await this.corrections.revert(id, 'undone');
      throw err;
    }
    await this.audit.append({ who: by, action: 'undo-correction', target: undone.task ? `${undone.task.documentId}#${undone.task.ref}` : `${undone.unit?.id} → ${undone.into?.id}`, before: undone.after, after: undone.before, note: `${undone.kind} ${undone.id}` });
    return undone;
  }

  /** Extract these documents again from their originals and load them with the corrections in force. */
  async reload(documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    const rows = new Map((await this.store.run(read('documents-by-id'), { ids: documentIds })).map((r) => [r.id as string, r]));
    const active = await this.corrections.active();
    const found = new Map<string, boolean>();
    for (const id of documentIds) {
      const row = rows.get(id);
      if (!row) continue;
      const bytes = await this.source(id, String(row.file), String(row.sha256));
      const file = String(row.file);
      const source = await readDocument({ file, bytes });
      const result = extract([{ file, bytes, source }]);
      if (!result.documents[0]) throw new Error(`${id} could not be extracted again: ${result.warnings[0]?.message ?? 'unknown reason'}`);
      for (const [k, v] of applyCorrections(result, active)) found.set(k, v);
      const [outcome] = await loadExtraction(this.store, result);
      if (!outcome || outcome.status === 'failed') throw new Error(`loading ${id} with the correction failed and nothing was changed: ${outcome?.error ?? 'unknown error'}`);
    }
    await this.corrections.markFound(found);
  }

  /** Before a file is loaded by any path: the corrections in force applied to its extraction. */
  async applyTo(result: Parameters<typeof applyCorrections>[0]): Promise<Map<string, boolean>> {
    return applyCorrections(result, await this.corrections.active());
  }

  /** The file as loaded: the kept upload, a seed with the same bytes, or the stored text of a text file. */
  private async source(id: string, file: string, sha256: string): Promise<Uint8Array> {
    const kept = await this.registry.original(id);
    if (kept && kept.record.sha256 === sha256) return kept.bytes;
    for (const seed of seedFilesIn()) {
      const bytes = readFileSync(seed);
      if (createHash('sha256').update(bytes).digest('hex') === sha256) return bytes;
    }
    const [raw] = await this.store.run(read('document-text'), { id });
    const text = Buffer.from(String(raw?.raw ?? ''), 'utf8');
    if (/\.(txt|text)$/i.test(file) && createHash('sha256').update(text).digest('hex') === sha256) return text;
    this.log?.warn({ id }, 'correction: no original');
    throw new SourceMissingError(`the original file of ${id} is not kept on this server, so it cannot be loaded again with the correction: upload it again (with ?replace=true) and correct it then`);
  }
}
