/**
 * The ledger (台账): one row per task and unit, with role, leaders, deadline, status and the
 * quoted note — the sheet a supervisor files. `ledgerRows` gives the rows of a filter (the page's
 * 台账 view and the export show the same), `ledgerWorkbook` the Excel file.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { byKeys } from '../graph/values';
import { read } from '../graph/queries';
import type { QueryRunner, Row } from '../graph/store';
import { parseIsoDate, STATUSES, taskStatus, today, type TaskStatus } from './analytics/status';
import { DEFAULT_STALE_DAYS, LIGHT_FILLS, LIGHT_LABELS, latestKnown, STATE_LABELS, taskLight, type ProgressState, type TaskLight } from './analytics/light';

export type Role = 'lead' | 'responsible' | 'participant';
export type Lang = 'zh' | 'en';

export interface LedgerFilter {
  jurisdiction?: string;
  document?: string;
  unit?: string;
  role?: Role;
  status?: TaskStatus;
  /** The day statuses are reckoned from (YYYY-MM-DD); today when absent. */
  asOf?: string;
  soonDays?: number;
}

export interface LedgerRow {
  n: number;
  documentId: string;
  documentTitle: string;
  taskId: string;
  ref: string;
  title: string;
  unitId: string;
  unitName: string;
  /** The unit's strongest role in the task (a unit may lead one clause and support another). */
  role: Role;
  leaders: string[];
  deadlineText: string;
  /** YYYY-MM-DD, or '' when the deadline states no date. */
  deadlineDate: string;
  deadlineKind: string;
  status: TaskStatus;
  /** The note(s) naming the unit, as the document writes them. */
  quote: string;
  /** Deadline and the latest progress of this row (records naming this unit or no unit), at asOf. */
  light: TaskLight;
  progressState: ProgressState | null;
  progressDate: string | null;
  progressText: string | null;
}

/** Progress for the ledger: every task's records (server/progress/model.ts) and when they go stale. */
export interface LedgerProgress {
  index: ReadonlyMap<string, ReadonlyArray<{ date: string; state: ProgressState; text: string; unitId: string; createdAt: string }>>;
  staleDays: number;
}

const ROLE_RANK: Record<Role, number> = { lead: 0, responsible: 1, participant: 2 };
const ROLES = Object.keys(ROLE_RANK) as Role[];

/** A filter a user typed (query string, GraphQL input) checked, with a message saying what to change. */
export function checkLedgerFilter(f: Record<string, unknown>): LedgerFilter {
  const str = (k: string) => (typeof f[k] === 'string' && f[k] !== '' ? (f[k] as string) : undefined);
  const out: LedgerFilter = { jurisdiction: str('jurisdiction'), document: str('document'), unit: str('unit') };
  if (out.jurisdiction && !/^\d{6}$/.test(out.jurisdiction)) {
    throw new LedgerInputError(`jurisdiction must be a 6-digit division code such as 430500 (邵阳市), got "${out.jurisdiction.slice(0, 20)}"`);
  }
  const role = str('role')?.toLowerCase();
  if (role) {
    if (!ROLES.includes(role as Role)) throw new LedgerInputError(`role must be one of ${ROLES.join(', ')}, got "${role.slice(0, 20)}"`);
    out.role = role as Role;
  }
  const status = str('status')?.toUpperCase();
  if (status) {
    if (!STATUSES.includes(status as TaskStatus)) throw new LedgerInputError(`status must be one of ${STATUSES.join(', ')}, got "${status.slice(0, 20)}"`);
    out.status = status as TaskStatus;
  }
  const asOf = str('asOf');
  if (asOf) {
    if (!parseIsoDate(asOf)) throw new LedgerInputError(`asOf must be a date written YYYY-MM-DD, got "${asOf.slice(0, 20)}"`);
    out.asOf = asOf;
  }
  if (f.soonDays !== undefined && f.soonDays !== null && f.soonDays !== '') {
    const n = Number(f.soonDays);
    if (!Number.isInteger(n) || n < 0 || n > 366) throw new LedgerInputError(`soonDays must be a whole number of days from 0 to 366, got "${String(f.soonDays).slice(0, 20)}"`);
    out.soonDays = n;
  }
  return out;
}

export class LedgerInputError extends Error {
  override readonly name = 'LedgerInputError';
}

/** Documents read together by the ledger: a few queries for a province, one batch's rows in memory. */
const DOCUMENTS_PER_READ = 250;

/**
 * The ledger's rows of one read (a batch of documents, or a unit's), in document order (by task,
 * then lead, responsible, participant), numbered from `first`.
 */
async function rowsOfRead(store: QueryRunner, filter: LedgerFilter, documents: Map<string, string> | null, soonDaysDefault: number, first: number, progress?: LedgerProgress): Promise<LedgerRow[]> {
  const assignments = (documents
    ? (await store.run(read('ledger-rows-of-documents'), { documentIds: [...documents.keys()] })).map((a): Row => ({ ...a, documentTitle: documents.get(a.documentId as string) }))
    : await store.run(read('ledger-rows'), { jurisdiction: filter.jurisdiction ?? '', documentId: filter.document ?? '', unitId: filter.unit ?? '' })
  ).sort(byKeys('documentId', 'taskStart', 'clause', 'surfaceStart'));
  const asOf = filter.asOf ?? today();
  const soonDays = filter.soonDays ?? soonDaysDefault;
  const rows = new Map<string, Omit<LedgerRow, 'n' | 'leaders' | 'light' | 'progressState' | 'progressDate' | 'progressText'> & { order: number }>();
  for (const [i, a] of assignments.entries()) {
    const key = `${a.taskId}|${a.unitId}`;
    const role = a.role as Role;
    const row = rows.get(key);
    if (row) {
      if (ROLE_RANK[role] < ROLE_RANK[row.role]) row.role = role;
      if (!row.quote.includes(a.quote as string)) row.quote += `\n${a.quote as string}`;
      continue;
    }
    rows.set(key, {
      order: i, documentId: a.documentId as string, documentTitle: a.documentTitle as string, taskId: a.taskId as string,
      ref: a.ref as string, title: a.title as string, unitId: a.unitId as string, unitName: a.unitName as string, role,
      deadlineText: (a.deadlineText as string) ?? '', deadlineDate: (a.deadlineDate as string) ?? '', deadlineKind: (a.deadlineKind as string) ?? '',
      status: taskStatus(a.deadlineKind as string, a.deadlineDate as string, asOf, soonDays), quote: a.quote as string,
    });
  }
  const kept = [...rows.values()]
    .filter((r) => (!filter.role || r.role === filter.role) && (!filter.status || r.status === filter.status))
    // Within a task: leads first, then in the order the notes name the units.
    .sort((a, b) => (a.taskId === b.taskId ? ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.order - b.order : a.order - b.order));
  const taskIds = [...new Set(kept.map((r) => r.taskId))];
  const leaders = new Map<string, string[]>();
  if (taskIds.length > 0) {
    for (const l of await store.run(read('leaders-of-tasks'), { taskIds })) {
      const name = l.post ? `${l.name as string}(${l.post as string})` : (l.name as string);
      leaders.set(l.taskId as string, [...(leaders.get(l.taskId as string) ?? []), name]);
    }
  }
  const staleDays = progress?.staleDays ?? DEFAULT_STALE_DAYS;
  return kept.map(({ order: _order, ...r }, i) => {
    // A row speaks for its unit: the records naming it, and those about the task as a whole.
    const records = (progress?.index.get(r.taskId) ?? []).filter((p) => !p.unitId || p.unitId === r.unitId);
    const last = latestKnown(records, asOf);
    return {
      n: first + i, ...r, leaders: leaders.get(r.taskId) ?? [],
      light: taskLight({ deadlineKind: r.deadlineKind, deadlineDate: r.deadlineDate, progress: records }, { asOf, soonDays, staleDays }),
      progressState: last?.state ?? null, progressDate: last?.date ?? null, progressText: last?.text ?? null,
    };
  });
}

/**
 * The ledger's rows for a filter, in document order, DOCUMENTS_PER_READ documents at a time: a
 * whole province's ledger is never read (nor held) at once. A unit filter is one read.
 */
export async function* ledgerBatches(store: QueryRunner, filter: LedgerFilter, soonDaysDefault: number, progress?: LedgerProgress): AsyncGenerator<LedgerRow[]> {
  if (filter.unit) {
    yield await rowsOfRead(store, filter, null, soonDaysDefault, 1, progress);
    return;
  }
  const documents = (await store.run(read('documents')))
    .filter((d) => (!filter.jurisdiction || d.jurisdictionCode === filter.jurisdiction) && (!filter.document || d.id === filter.document))
    .map((d) => [d.id as string, d.title as string] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let n = 1;
  for (let i = 0; i < documents.length; i += DOCUMENTS_PER_READ) {
    const rows = await rowsOfRead(store, filter, new Map(documents.slice(i, i + DOCUMENTS_PER_READ)), soonDaysDefault, n, progress);
    n += rows.length;
    if (rows.length > 0) yield rows;
  }
}

/** One page of the ledger: `offset` rows skipped, then at most `limit`; only the documents it needs are read. */
export async function ledgerRows(store: QueryRunner, filter: LedgerFilter, soonDaysDefault: number, page: { limit: number; offset: number }, progress?: LedgerProgress): Promise<LedgerRow[]> {
  const out: LedgerRow[] = [];
  let seen = 0;
  for await (const rows of ledgerBatches(store, filter, soonDaysDefault, progress)) {
    const from = Math.max(0, page.offset - seen);
    seen += rows.length;
    out.push(...rows.slice(from, from + page.limit - out.length));
    if (out.length >= page.limit) break;
  }
  return out;
}

export const LEDGER_HEADERS: Record<Lang, readonly string[]> = {
  zh: ['序号', '文件', '任务编号', '任务', '责任单位', '角色', '责任领导', '完成时限', '截止日期', '状态', '原文依据'],
  en: ['No.', 'Document', 'Task ref', 'Task', 'Unit', 'Role', 'Leaders', 'Deadline (as written)', 'Due date', 'Status', 'Source note'],
};

/** Appended after every other column (issue 22): the light and the latest progress of the row. */
export const PROGRESS_HEADERS: Record<Lang, readonly string[]> = {
  zh: ['灯号', '灯号说明', '最新进展', '进展日期', '进展情况'],
  en: ['Light', 'Why', 'Latest progress', 'Progress date', 'Progress'],
};
const PROGRESS_WIDTHS = [10, 40, 12, 12, 60];

export const ROLE_LABELS: Record<Lang, Record<Role, string>> = {
  zh: { lead: '牵头', responsible: '责任', participant: '配合' },
  en: { lead: 'Lead', responsible: 'Responsible', participant: 'Supporting' },
};

export const STATUS_LABELS: Record<Lang, Record<TaskStatus, string>> = {
  zh: { PAST_DUE: '已过期', DUE_SOON: '即将到期', LATER: '未到期', ONGOING: '长期/定期', NONE: '无时限' },
  en: { PAST_DUE: 'Past due', DUE_SOON: 'Due soon', LATER: 'Later', ONGOING: 'Ongoing', NONE: 'No deadline' },
};

/** Fill colours (ARGB) of the status cell: red, yellow, green, blue, grey. */
export const STATUS_FILLS: Record<TaskStatus, string> = {
  PAST_DUE: 'FFF4B6B6', DUE_SOON: 'FFFFE699', LATER: 'FFC6EFCE', ONGOING: 'FFBDD7EE', NONE: 'FFE7E6E6',
};

const NOTE: Record<Lang, string> = {
  zh: '“状态”只按截止日期计算：“已过期”仅表示文件所定日期已过。“灯号”综合截止日期与最新进展：已完成、正常推进（绿）、预警（黄）、逾期（红）、无时限（灰），原因见“灯号说明”。',
  en: '"Status" is reckoned from the stated date only: "Past due" means the date the document set has passed. "Light" combines the date and the latest progress: Done, On track (green), At risk (yellow), Overdue (red), No deadline (grey); the "Why" column says why.',
};

/** Column widths (in Latin characters): long notes and titles wrap rather than run off. */
const WIDTHS = [6, 40, 12, 36, 24, 10, 20, 18, 12, 12, 60];

/**
 * The ledger as an .xlsx workbook written to `out` as its rows are read (exceljs's streaming
 * writer): a header row (frozen, with an autofilter), one row per task and unit, the status cell
 * coloured, due dates as real Excel dates, and a note saying what the status means. Memory holds
 * one document's rows at a time, whatever the size of the ledger. Resolves with the row count.
 */
export async function writeLedgerWorkbook(batches: AsyncIterable<LedgerRow[]>, out: Writable, opts: { lang?: Lang; asOf?: string } = {}): Promise<number> {
  const lang = opts.lang ?? 'zh';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '责任落实图谱';
  wb.created = new Date();
  const ws = wb.addWorksheet(lang === 'zh' ? '台账' : 'Ledger', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = [...LEDGER_HEADERS[lang], ...PROGRESS_HEADERS[lang]];
  const widths = [...WIDTHS, ...PROGRESS_WIDTHS];
  const first = LEDGER_HEADERS[lang].length; // the progress columns' first index
  ws.columns = headers.map((h, c) => ({
    header: h, width: widths[c]!,
    ...(c === 3 || c === 10 || c === first + 1 || c === first + 4 ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}),
    ...(c === 8 || c === first + 3 ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.commit();
  let count = 0;
  for await (const rows of batches) {
    for (const r of rows) {
      const row = ws.addRow([
        r.n, r.documentTitle, r.ref, r.title, r.unitName, ROLE_LABELS[lang][r.role], r.leaders.join('、'), r.deadlineText,
        // A real date (midnight UTC, the way Excel stores a day), so the sheet sorts and filters by it.
        r.deadlineDate ? new Date(`${r.deadlineDate}T00:00:00Z`) : null,
        STATUS_LABELS[lang][r.status], r.quote,
        LIGHT_LABELS[lang][r.light.light], r.light[lang], r.progressState ? STATE_LABELS[lang][r.progressState] : null,
        r.progressDate ? new Date(`${r.progressDate}T00:00:00Z`) : null, r.progressText,
      ]);
      row.getCell(10).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[r.status] } };
      row.getCell(first + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[r.light.light] } };
      row.commit();
      count++;
    }
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, count + 1), column: headers.length } };
  ws.commit();
  const notes = wb.addWorksheet(lang === 'zh' ? '说明' : 'Notes');
  notes.getColumn(1).width = 100;
  notes.addRow([NOTE[lang]]).commit();
  if (opts.asOf) notes.addRow([lang === 'zh' ? `状态计算日期：${opts.asOf}` : `Status as of ${opts.asOf}`]).commit();
  notes.commit();
  await wb.commit();
  return count;
}

/**
 * GET /export/ledger.xlsx?jurisdiction=…&document=…&unit=…&role=…&status=…&asOf=…&lang=en:
 * the filter checked (a bad parameter throws LedgerInputError: answer 400), a file name, and a
 * function that streams the workbook. The first document's rows are read before anything is
 * sent, so a store that is down still gets a proper error answer.
 */
export async function exportLedger(store: QueryRunner, params: URLSearchParams, soonDaysDefault: number, progress?: LedgerProgress): Promise<{ filename: string; write: (out: Writable) => Promise<number> }> {
  const known = new Set(['jurisdiction', 'document', 'unit', 'role', 'status', 'asOf', 'soonDays', 'lang']);
  for (const k of params.keys()) if (!known.has(k)) throw new LedgerInputError(`unknown parameter "${k.slice(0, 30)}": use ${[...known].join(', ')}`);
  const lang = params.get('lang') ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new LedgerInputError(`lang must be zh or en, got "${lang.slice(0, 10)}"`);
  const filter = checkLedgerFilter(Object.fromEntries(params));
  const asOf = filter.asOf ?? today();
  const batches = ledgerBatches(store, { ...filter, asOf }, soonDaysDefault, progress);
  const first = await batches.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* batches;
  }
  return {
    filename: `${lang === 'zh' ? '台账' : 'ledger'}-${asOf}.xlsx`,
    write: (out) => writeLedgerWorkbook(all(), out, { lang, asOf }),
  };
}
