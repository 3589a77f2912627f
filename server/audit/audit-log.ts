import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { appendLine } from '../accounts/files';

/**
 * Every write, one JSON line each in DATA_DIR/audit.jsonl, only ever appended to: who (an account,
 * `token` for the INGEST_TOKEN, `cli:<user>` for the command), when, what, and the values before
 * and after. A line is written after the write succeeded; a failed write leaves no line.
 */
export const AUDIT_ACTIONS = [
  'upload', 'import', 'discard', 'delete-document', 'correction', 'undo-correction', 'merge-units',
  'account-add', 'account-role', 'account-password', 'account-remove', 'login', 'logout', 'add-progress',
  'confirm-progress-link', 'reject-progress-link',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: string;
  who: string;
  action: AuditAction;
  /** What was written: a document id, a task id, an account name. */
  target: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

export interface AuditFilter { action?: string | null; who?: string | null; target?: string | null; since?: string | null; until?: string | null }

export class AuditLog {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'audit.jsonl');
  }

  async append(entry: Omit<AuditEntry, 'at'> & { at?: string }): Promise<AuditEntry> {
    const full: AuditEntry = { at: entry.at ?? new Date().toISOString(), ...entry };
    await appendLine(this.file, JSON.stringify(full));
    return full;
  }

  /** The entries that pass the filter, newest first, at most `limit` of them. */
  async read(filter: AuditFilter = {}, limit = 200): Promise<{ total: number; entries: AuditEntry[] }> {
    const matches: AuditEntry[] = [];
    for await (const e of this.entries()) if (passes(e, filter)) matches.push(e);
    matches.reverse();
    return { total: matches.length, entries: matches.slice(0, limit) };
  }

  async *entries(): AsyncGenerator<AuditEntry> {
    let stream;
    try {
      stream = createReadStream(this.file, 'utf8');
      await new Promise<void>((resolve, reject) => stream!.once('open', () => resolve()).once('error', reject));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      if (!line.trim()) continue;
      try {
        yield JSON.parse(line) as AuditEntry;
      } catch {
        // A line cut short by a crash mid-append: the entries around it still count.
      }
    }
  }
}

function passes(e: AuditEntry, f: AuditFilter): boolean {
  return (!f.action || e.action === f.action) && (!f.who || e.who === f.who) && (!f.target || e.target === f.target)
    && (!f.since || e.at >= f.since) && (!f.until || e.at <= f.until);
}

const CSV_COLUMNS = ['at', 'who', 'action', 'target', 'before', 'after', 'note'] as const;

/** RFC 4180, with a byte-order mark so that Excel reads the Chinese text as UTF-8. */
export function auditCsv(entries: AuditEntry[]): string {
  const cell = (v: unknown) => {
    const s = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    // A cell starting with = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${[CSV_COLUMNS.join(','), ...entries.map((e) => CSV_COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n')}\r\n`;
}
