import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { queue, writeFileAtomic } from '../accounts/files';
import { readingProgress } from '../graph/dependencies';
import type { ProgressState } from '../api/analytics/light';
import type { LinkEvidence } from './links';

/**
 * Progress records: (:Progress {id, date, state, text, source, by, createdAt})-[:REPORTS_ON]->(:Task).
 *
 * Where they live: DATA_DIR/progress.json, beside corrections.json and for the same reason: they are
 * people's statements, not extracted facts, and every load of a document deletes and rewrites its
 * tasks, an emptied store is filled again from the seeds, and Neo4j may be replaced. Kept apart,
 * they outlive all of that whichever store runs. REPORTS_ON is the record's `taskId` (document id
 * + ref): a document's id is its file name, so loading it again, or replacing it with a new
 * version (?replace=true), keeps its tasks' ids and so their progress. Unlike a correction (which
 * changes one version's extracted text and is anchored to the file's sha256), progress is about
 * the work, so it follows the task across versions; the task's text when the record was made is
 * kept as `quote` to show when the task was since reworded. A record whose task is gone (document
 * deleted, ref renumbered) stays in the file and is listed as orphaned, never dropped.
 *
 * Attachments (佐证材料) are files under DATA_DIR/progress-files/<record id>/.
 */
export interface Attachment { n: number; name: string; type: string; bytes: number; sha256: string }

/** Where a record read from a progress report comes from, and why it is linked to its task (progress/links.ts). */
export interface DocumentSourceOf extends LinkEvidence {
  /** The link's id: what an editor confirms or rejects. */
  linkId: string;
  documentId: string;
  documentTitle: string;
  /** The row in the report's raw text, and what it says was done. */
  start: number;
  end: number;
  quote: string;
  /** The clause the state was read from (raw offsets), or null when an editor gave the state. */
  stateQuote: { quote: string; start: number; end: number } | null;
}

export interface ProgressRecord {
  id: string;
  taskId: string;
  /** The task's text (start) when recorded. */
  quote: string;
  /** The unit the record speaks for, when it names one ('' = the task as a whole). */
  unitId: string;
  unitName: string;
  /** The day the progress stands as of (YYYY-MM-DD), given by the editor. */
  date: string;
  state: ProgressState;
  text: string;
  /** `editor` (a person, in `by`) or `document` (a progress report's row, in `document`; `by` the editor who confirmed the link, if one did). */
  source: 'editor' | 'document';
  document?: DocumentSourceOf;
  by: string;
  createdAt: string;
  attachments: Attachment[];
}

interface FileShape { version: 1; records: ProgressRecord[] }

export class ProgressStore {
  readonly file: string;
  readonly filesDir: string;
  /** Counts writes: answers kept above the store that read progress (api/response-cache.ts) are forgotten when it moves. */
  generation = 0;
  private cache: { mtimeMs: number; data: FileShape; byTask: Map<string, ProgressRecord[]> } | null = null;
  private readonly serial = queue();
  /**
   * Records read from progress reports (progress/document-progress.ts): derived from the loaded
   * documents each time they change, never written here, so deleting or replacing a report takes
   * its records with it while editors' records stay.
   */
  derived: (() => Promise<readonly ProgressRecord[]>) | null = null;
  private merged: { file: FileShape; derived: readonly ProgressRecord[]; all: ProgressRecord[]; byTask: Map<string, ProgressRecord[]> } | null = null;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'progress.json');
    this.filesDir = join(dataDir, 'progress-files');
  }

  private async data(): Promise<{ data: FileShape; byTask: Map<string, ProgressRecord[]> }> {
    readingProgress();
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.file)).mtimeMs;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { data: { version: 1, records: [] }, byTask: new Map() };
      throw err;
    }
    if (this.cache?.mtimeMs === mtimeMs) return this.cache;
    let data: FileShape;
    try {
      data = JSON.parse(await readFile(this.file, 'utf8')) as FileShape;
      if (!Array.isArray(data.records)) throw new Error('no "records" list');
    } catch (err) {
      throw new Error(`${this.file} is not a valid progress file (${(err as Error).message}): restore it from a backup`);
    }
    const byTask = new Map<string, ProgressRecord[]>();
    for (const r of data.records) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r]);
    for (const list of byTask.values()) list.sort(latestFirst);
    this.cache = { mtimeMs, data, byTask };
    return this.cache;
  }

  /** Editors' records and those read from documents, together. */
  private async view(): Promise<{ all: ProgressRecord[]; byTask: Map<string, ProgressRecord[]> }> {
    const file = await this.data();
    const derived = this.derived ? await this.derived() : [];
    if (derived.length === 0) return { all: file.data.records, byTask: file.byTask };
    if (this.merged?.file === file.data && this.merged.derived === derived) return this.merged;
    const all = [...file.data.records, ...derived];
    const byTask = new Map<string, ProgressRecord[]>();
    for (const r of all) {
      const list = byTask.get(r.taskId);
      if (list) list.push(r);
      else byTask.set(r.taskId, [r]);
    }
    for (const list of byTask.values()) list.sort(latestFirst);
    this.merged = { file: file.data, derived, all, byTask };
    return this.merged;
  }

  async all(): Promise<ProgressRecord[]> {
    return [...(await this.view()).all].sort(latestFirst);
  }

  /** Every task's records, latest first: one read of the file for a whole ledger or timeline. */
  async index(): Promise<ReadonlyMap<string, ProgressRecord[]>> {
    return (await this.view()).byTask;
  }

  async ofTask(taskId: string): Promise<ProgressRecord[]> {
    return (await this.view()).byTask.get(taskId) ?? [];
  }

  async get(id: string): Promise<ProgressRecord | undefined> {
    return (await this.view()).all.find((r) => r.id === id);
  }

  /**
   * Add a record and its files: the files are written first, then the record, so the file never
   * names an attachment that is not on disk; a failed write removes the files again.
   */
  async add(r: Omit<ProgressRecord, 'id' | 'createdAt' | 'attachments' | 'document'>, files: Array<{ name: string; type: string; bytes: Uint8Array; sha256: string }> = []): Promise<ProgressRecord> {
    return this.serial(async () => {
      const id = `p${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
      const dir = join(this.filesDir, id);
      try {
        const attachments: Attachment[] = [];
        for (const [i, f] of files.entries()) {
          await mkdir(dir, { recursive: true });
          await writeFileAtomic(join(dir, String(i + 1)), f.bytes);
          attachments.push({ n: i + 1, name: f.name, type: f.type, bytes: f.bytes.length, sha256: f.sha256 });
        }
        const full: ProgressRecord = { ...r, id, createdAt: new Date().toISOString(), attachments };
        const d = structuredClone((await this.data()).data);
        d.records.push(full);
        await writeFileAtomic(this.file, `${JSON.stringify(d, null, 1)}\n`);
        this.cache = null;
        this.generation++;
        return full;
      } catch (err) {
        await rm(dir, { recursive: true, force: true });
        throw err;
      }
    });
  }

  /** The bytes of a record's attachment, or null when there is none such. */
  async attachment(id: string, n: number): Promise<{ meta: Attachment; bytes: Buffer } | null> {
    const rec = await this.get(id);
    const meta = rec?.attachments.find((a) => a.n === n);
    if (!rec || !meta) return null;
    return { meta, bytes: await readFile(join(this.filesDir, rec.id, String(meta.n))) };
  }
}

/** Latest first: by the date the progress stands as of, then by when it was recorded. */
export function latestFirst(a: ProgressRecord, b: ProgressRecord): number {
  return a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
