import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { queue, writeFileAtomic } from '../accounts/files';

/**
 * A person's change to an extracted fact, kept apart from the facts in DATA_DIR/corrections.json
 * and applied again whenever the document is loaded (apply.ts). A correction is anchored to what
 * it corrects, not to graph ids: the document's sha256, the task's ref and a quote of its text,
 * the unit's id and the name the document wrote for it. Undoing keeps the correction, marked
 * undone, so the history stays readable.
 */
export const CORRECTION_KINDS = ['title', 'deadline', 'add-assignment', 'remove-assignment', 'role', 'merge', 'remove-task', 'document-title', 'jurisdiction'] as const;
/** Kinds that correct the document itself (its anchor's ref and quote are empty); applied before the task kinds. */
export const DOCUMENT_KINDS: ReadonlySet<CorrectionKind> = new Set(['document-title', 'jurisdiction']);
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];
export type AssignmentRole = 'lead' | 'responsible' | 'participant';

export interface TaskAnchor {
  sha256: string;
  /** For people reading the list; the sha256 is what anchors. */
  documentId: string;
  ref: string;
  /** The start of the task's text (never corrected, so it still finds the task in a new extraction). */
  quote: string;
}

/** Enough of a unit to add it to a document's extraction when the document never named it. */
export interface UnitRecord {
  id: string;
  name: string;
  kind: string;
  jurisdiction: { code: string; name: string };
  region: { id: string; name: string; level: 'province' | 'prefecture' | 'county' | 'area' };
  /** The name as the document wrote it, when it did. */
  surface?: string;
}

export interface Correction {
  id: string;
  seq: number;
  kind: CorrectionKind;
  by: string;
  at: string;
  task?: TaskAnchor;
  /** The unit whose assignment changes; for merge, the unit merged away. */
  unit?: UnitRecord;
  /** merge: the unit kept. */
  into?: UnitRecord;
  /** The value before and the value set: title text, {text, date} of a deadline, a role. */
  before?: unknown;
  after?: unknown;
  undone?: { by: string; at: string };
  /** The outcome of the last load of its document(s): false when its anchor was not found. */
  found?: boolean;
}

export const taskKey = (a: Pick<TaskAnchor, 'sha256' | 'ref'>) => `${a.sha256}#${a.ref}`;

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

interface FileShape { version: 1; seq: number; corrections: Correction[]; versions: Record<string, number> }

export class CorrectionStore {
  readonly file: string;
  private cache: { mtimeMs: number; data: FileShape } | null = null;
  private readonly serial = queue();

  constructor(dataDir: string) {
    this.file = join(dataDir, 'corrections.json');
  }

  private async data(): Promise<FileShape> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.file)).mtimeMs;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, seq: 0, corrections: [], versions: {} };
      throw err;
    }
    if (this.cache?.mtimeMs === mtimeMs) return this.cache.data;
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as FileShape;
      if (!Array.isArray(data.corrections)) throw new Error('no "corrections" list');
      this.cache = { mtimeMs, data };
      return data;
    } catch (err) {
      throw new Error(`${this.file} is not a valid corrections file (${(err as Error).message}): restore it from a backup`);
    }
  }

  async all(): Promise<Correction[]> {
    return (await this.data()).corrections;
  }

  /** The corrections in force, in the order they were made. */
  async active(): Promise<Correction[]> {
    return (await this.all()).filter((c) => !c.undone);
  }

  /** How many times a task was corrected or uncorrected: what an editor's change must start from. */
  async version(anchor: Pick<TaskAnchor, 'sha256' | 'ref'>): Promise<number> {
    return (await this.data()).versions[taskKey(anchor)] ?? 0;
  }

  /**
   * Add a correction, unless the task changed since the editor read it (`expected` is the version
   * they saw): then nothing is written and the conflict says who changed it.
   */
  async add(c: Omit<Correction, 'id' | 'seq'>, expected: number | null): Promise<Correction> {
    return this.change((d) => {
      if (c.task) this.check(d, c.task, expected);
      const full: Correction = { ...c, id: `c${d.seq + 1}-${randomBytes(3).toString('hex')}`, seq: d.seq + 1 };
      d.seq += 1;
      d.corrections.push(full);
      if (c.task) d.versions[taskKey(c.task)] = (d.versions[taskKey(c.task)] ?? 0) + 1;
      return full;
    });
  }

  async undo(id: string, by: string, expected: number | null): Promise<Correction> {
    return this.change((d) => {
      const c = d.corrections.find((x) => x.id === id);
      if (!c) throw new ConflictError(`there is no correction ${id}`);
      if (c.undone) throw new ConflictError(`correction ${id} was already undone by ${c.undone.by} at ${c.undone.at}`);
      if (c.task) this.check(d, c.task, expected);
      c.undone = { by, at: new Date().toISOString() };
      if (c.task) d.versions[taskKey(c.task)] = (d.versions[taskKey(c.task)] ?? 0) + 1;
      return c;
    });
  }

  /** Put back a correction just made when loading it failed: the file says what the graph holds. */
  async revert(id: string, kind: 'added' | 'undone'): Promise<void> {
    await this.change((d) => {
      const i = d.corrections.findIndex((x) => x.id === id);
      const c = d.corrections[i];
      if (!c) return;
      if (kind === 'added') d.corrections.splice(i, 1);
      else delete c.undone;
      if (c.task) d.versions[taskKey(c.task)] = Math.max(0, (d.versions[taskKey(c.task)] ?? 1) - 1);
    });
  }

  /** Record whether each correction's anchor was found in the last load of its document. */
  async markFound(found: Map<string, boolean>): Promise<void> {
    if (found.size === 0) return;
    const current = await this.all();
    if (current.every((c) => !found.has(c.id) || c.found === found.get(c.id))) return;
    await this.change((d) => {
      for (const c of d.corrections) if (found.has(c.id)) c.found = found.get(c.id);
    });
  }

  private check(d: FileShape, anchor: TaskAnchor, expected: number | null): void {
    const now = d.versions[taskKey(anchor)] ?? 0;
    if (expected === null || expected === now) return;
    const last = [...d.corrections].reverse().find((c) => c.task && taskKey(c.task) === taskKey(anchor));
    const who = last ? ` by ${last.undone && last.undone.at > last.at ? `${last.undone.by} at ${last.undone.at}` : `${last.by} at ${last.at}`}` : '';
    throw new ConflictError(`task ${anchor.ref} of ${anchor.documentId} was changed${who} since you read it (version ${now}, you had ${expected}): reload it and make your change again`);
  }

  private change<T>(edit: (d: FileShape) => T): Promise<T> {
    return this.serial(async () => {
      const d = structuredClone(await this.data());
      const result = edit(d);
      await writeFileAtomic(this.file, `${JSON.stringify(d, null, 1)}\n`);
      this.cache = null;
      return result;
    });
  }
}
