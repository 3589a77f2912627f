import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { ExtractedDocument } from '../extract/contract';
import { toSimplified } from '../extract/simplify';
import { queue, writeFileAtomic } from '../accounts/files';

/**
 * What the graph does not hold about a loaded document: who loaded it and when, the file as
 * uploaded (kept under DATA_DIR/originals/<sha256>, for download and for loading it again with
 * corrections), its format, the warnings of its extraction, and a fingerprint of its content by
 * which the same plan sent as another file (.pdf and .docx) is recognised. One JSON file,
 * DATA_DIR/documents.json, written whole and atomically.
 */
export interface DocumentRecord {
  id: string;
  /** The file name as uploaded (the document's own file name may carry a -2 suffix after a collision). */
  uploadedAs: string;
  format: string;
  bytes: number;
  sha256: string;
  /** sha256 of the extracted text with all white space removed. */
  textHash: string;
  /** sha256 of the title and every task's ref, title and units: the same plan read from another format. */
  taskHash: string;
  loadedBy: string;
  loadedAt: string;
  warnings: string[];
  tasks: number;
  units: number;
}

/** What the fingerprint reads of a task: the extraction's, or the same read back from the graph. */
export interface TaskShape { ref: string; title: string; unitIds: string[] }

export const taskShapes = (doc: ExtractedDocument): TaskShape[] =>
  doc.tasks.map((t) => ({ ref: t.ref, title: t.title, unitIds: t.assignments.map((a) => a.unitId) }));

export function fingerprints(doc: { title: string; tasks: TaskShape[] }, text: string): { textHash: string; taskHash: string } {
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');
  const squeeze = (s: string) => toSimplified(s).replace(/[\s\u3000]+/g, '');
  return {
    textHash: hash(squeeze(text)),
    // Sorted: the graph does not keep the document's task order.
    taskHash: hash(JSON.stringify([squeeze(doc.title), ...doc.tasks.map((t) => [t.ref, squeeze(t.title), ...[...new Set(t.unitIds)].sort()]).sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0))])),
  };
}

export const formatOf = (file: string) => extname(file).slice(1).toLowerCase() || 'txt';

export class DocumentRegistry {
  readonly file: string;
  readonly originals: string;
  private cache: { mtimeMs: number; records: Map<string, DocumentRecord> } | null = null;
  private readonly serial = queue();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'documents.json');
    this.originals = join(dataDir, 'originals');
  }

  async all(): Promise<Map<string, DocumentRecord>> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.file)).mtimeMs;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw err;
    }
    if (this.cache?.mtimeMs === mtimeMs) return this.cache.records;
    let records: DocumentRecord[];
    try {
      records = (JSON.parse(await readFile(this.file, 'utf8')) as { documents: DocumentRecord[] }).documents;
    } catch (err) {
      throw new Error(`${this.file} is not a valid documents file (${(err as Error).message}): restore it from a backup`);
    }
    this.cache = { mtimeMs, records: new Map(records.map((r) => [r.id, r])) };
    return this.cache.records;
  }

  async get(id: string): Promise<DocumentRecord | undefined> {
    return (await this.all()).get(id);
  }

  /** The original first, then the record: a record never points at a file not yet written. */
  async put(record: DocumentRecord, original: Uint8Array): Promise<void> {
    await writeFileAtomic(this.originalPath(record.sha256), original, 0o600);
    await this.change((m) => m.set(record.id, record));
  }

  /** The record goes; the original stays (the audit log may point at it, and it costs little). */
  async remove(id: string): Promise<void> {
    await this.change((m) => m.delete(id));
  }

  originalPath(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.originals, sha256);
  }

  async original(id: string): Promise<{ record: DocumentRecord; bytes: Buffer } | null> {
    const record = await this.get(id);
    if (!record) return null;
    try {
      return { record, bytes: await readFile(this.originalPath(record.sha256)) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  private change(edit: (records: Map<string, DocumentRecord>) => void): Promise<void> {
    return this.serial(async () => {
      const records = new Map(await this.all());
      edit(records);
      await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, documents: [...records.values()] }, null, 1)}\n`);
      this.cache = null;
    });
  }
}
