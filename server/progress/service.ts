import { createHash } from 'node:crypto';
import type { AuditLog } from '../audit/audit-log';
import { PROGRESS_STATES, type ProgressState } from '../api/analytics/light';
import { parseIsoDate, today } from '../api/analytics/status';
import { read } from '../graph/queries';
import type { QueryRunner } from '../graph/store';
import type { ProgressRecord, ProgressStore } from './model';

/** What one progress record may carry. */
export const PROGRESS_LIMITS = {
  textChars: 2000,
  /** Per attachment file, and per record all together. */
  fileBytes: 10 * 1024 * 1024,
  files: 5,
  nameChars: 120,
} as const;

export class ProgressInputError extends Error {
  override readonly name = 'ProgressInputError';
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

export interface ProgressInput { task: string; date: string; state: string; text: string; unit?: string | null }
export interface UploadedFile { name: string; type: string; bytes: Uint8Array }

const QUOTE_CHARS = 40;
// A name as the editor's system gave it, without path separators, control or bidirectional characters.
const FILE_NAME = /^[^/\\\x00-\x1f\u200e\u200f\u202a-\u202e\u2066-\u2069]{1,120}$/u;

/**
 * Adding progress: the input checked (the task exists, the unit is one of its units, the date a
 * real day not in the future, the state one of four), the record and its attachments written,
 * then one audit line. Reading is ProgressStore's.
 */
export class ProgressService {
  constructor(readonly records: ProgressStore, private readonly store: QueryRunner, private readonly audit: AuditLog) {}

  async add(input: ProgressInput, by: string, files: UploadedFile[] = []): Promise<ProgressRecord> {
    const [task] = await this.store.run(read('task-by-id'), { id: String(input.task) });
    if (!task) throw new ProgressInputError(`there is no task ${JSON.stringify(String(input.task).slice(0, 80))}`, 'task');
    const date = parseIsoDate(String(input.date ?? ''));
    if (!date) throw new ProgressInputError(`date must be a day written YYYY-MM-DD, got ${JSON.stringify(String(input.date ?? '').slice(0, 20))}`, 'date');
    if (date > today()) throw new ProgressInputError(`date ${date} is in the future: record progress as of today or earlier`, 'date');
    const state = String(input.state ?? '').toUpperCase();
    if (!PROGRESS_STATES.includes(state as ProgressState)) throw new ProgressInputError(`state must be one of ${PROGRESS_STATES.join(', ')}, got ${JSON.stringify(String(input.state).slice(0, 20))}`, 'state');
    const text = String(input.text ?? '').trim();
    if (!text) throw new ProgressInputError('say what was done (text is empty)', 'text');
    if (text.length > PROGRESS_LIMITS.textChars) throw new ProgressInputError(`text is ${text.length} characters, over the limit of ${PROGRESS_LIMITS.textChars}`, 'text');
    let unitId = '';
    let unitName = '';
    if (input.unit) {
      const on = (await this.store.run(read('assignments-of-tasks'), { taskIds: [String(task.id)] })).find((a) => a.unitId === input.unit);
      if (!on) throw new ProgressInputError(`unit ${JSON.stringify(String(input.unit).slice(0, 80))} is not one of task ${String(task.ref)}'s units`, 'unit');
      unitId = String(on.unitId);
      unitName = String((await this.store.run(read('units-by-id'), { ids: [unitId] }))[0]?.name ?? unitId);
    }
    if (files.length > PROGRESS_LIMITS.files) throw new ProgressInputError(`at most ${PROGRESS_LIMITS.files} files per record, got ${files.length}`, 'file');
    let total = 0;
    for (const f of files) {
      if (!FILE_NAME.test(f.name)) throw new ProgressInputError(`the file name ${JSON.stringify(f.name.slice(0, 40))} is not usable: at most ${PROGRESS_LIMITS.nameChars} characters, no / \\ or control characters`, 'file');
      total += f.bytes.length;
    }
    if (total > PROGRESS_LIMITS.fileBytes) throw new ProgressInputError(`the files add up to ${total} bytes, over the ${PROGRESS_LIMITS.fileBytes / 1048576} MB limit of one record`, 'file');
    const made = await this.records.add(
      { taskId: String(task.id), quote: String(task.text ?? '').slice(0, QUOTE_CHARS), unitId, unitName, date, state: state as ProgressState, text, source: 'editor', by },
      files.map((f) => ({ ...f, sha256: createHash('sha256').update(f.bytes).digest('hex') })),
    );
    await this.audit.append({
      who: by, action: 'add-progress', target: made.taskId, after: { date, state, text, unit: unitName || undefined, files: made.attachments.map((a) => a.name) }, note: made.id,
    });
    return made;
  }
}
