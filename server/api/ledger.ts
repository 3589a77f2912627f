/**
 * The ledger (台账): one row per task and unit, with role, leaders, deadline, status and the
 * quoted note — the sheet a supervisor files. `ledgerRows` gives the rows of a filter (the page's
 * 台账 view and the export show the same), `ledgerWorkbook` the Excel file.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ROLE_RANK } from '../graph/analytics';
import { byKeys } from '../graph/values';
import { inYear } from './years/scope';
import { read } from '../graph/queries';
import type { QueryRunner, Row } from '../graph/store';
import { parseIsoDate, STATUSES, taskStatus, today, type TaskStatus } from './analytics/status';
import { DEFAULT_STALE_DAYS, LIGHT_FILLS, LIGHT_LABELS, latestKnown, STATE_LABELS, taskLight, type ProgressState, type TaskLight } from './analytics/light';
import { pacer } from '../pace';

export type Role = 'lead' | 'responsible' | 'participant';
export type Lang = 'zh' | 'en';

export interface LedgerFilter {
  jurisdiction?: string;
  document?: string;
  unit?: string;
  role?: Role;
  status?: TaskStatus;
  /** Only documents of this plan year (api/years/scope.ts inYear). */
  year?: number;
  /** The day statuses are reckoned from (YYYY-MM-DD); today when absent. */
  asOf?: string;
  soonDays?: number;
}

export interface LedgerRow {
  n: number;
  /** The name of the jurisdiction that issued the document (市发展和改革委员会 exists in three cities). */
  jurisdiction: string;
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

// The counting rule shared with the load and the unit panel: one row per task and unit, under its strongest role.
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
  if (f.year !== undefined && f.year !== null && f.year !== '') {
    const y = Number(f.year);
    if (!Number.isInteger(y) || y < 1949 || y > 2100) throw new LedgerInputError(`year must be a plan year such as 2024, got "${String(f.year).slice(0, 20)}"`);
    out.year = y;
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
const FIRST_READ = 16;

interface DocumentInfo { title: string; jurisdiction: string }

/**
 * The ledger's rows of one read (a batch of documents, or a unit's), in document order (by task,
 * then lead, responsible, participant), numbered from `first`.
 */

async function rowsOfRead(store: QueryRunner, filter: LedgerFilter, documents: Map<string, DocumentInfo>, batch: boolean, soonDaysDefault: number, first: number, progress?: LedgerProgress): Promise<LedgerRow[]> {
  // A batch is some 20,000 rows: the event loop turns while they are worked through (pace.ts).
  const pace = pacer();
  const got = batch
    ? await store.run(read('ledger-rows-of-documents'), { documentIds: [...documents.keys()] })
    : await store.run(read('ledger-rows'), { jurisdiction: filter.jurisdiction ?? '', documentId: filter.document ?? '', unitId: filter.unit ?? '' });
  const assignments: Row[] = [];
  for (const a of got) {
    const turn = pace();
    if (turn) await turn;
    const doc = documents.get(a.documentId as string);
    if (doc) assignments.push({ ...a, documentTitle: doc.title ?? a.documentTitle, jurisdiction: doc.jurisdiction ?? '' }); // a unit's rows: only the documents asked for (a year's)
  }
  assignments.sort(byKeys('documentId', 'taskStart', 'clause', 'surfaceStart'));
  const asOf = filter.asOf ?? today();
  const soonDays = filter.soonDays ?? soonDaysDefault;
  const rows = new Map<string, Omit<LedgerRow, 'n' | 'leaders' | 'light' | 'progressState' | 'progressDate' | 'progressText'> & { order: number }>();
  for (const [i, a] of assignments.entries()) {
    const turn = pace();
    if (turn) await turn;
    const key = `${a.taskId}|${a.unitId}`;
    const role = a.role as Role;
    const row = rows.get(key);
    if (row) {
      if (ROLE_RANK[role] < ROLE_RANK[row.role]) row.role = role;
      if (!row.quote.includes(a.quote as string)) row.quote += `\n${a.quote as string}`;
      continue;
    }
    rows.set(key, {
      order: i, jurisdiction: a.jurisdiction as string, documentId: a.documentId as string, documentTitle: a.documentTitle as string, taskId: a.taskId as string,
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
  const out: LedgerRow[] = [];
  for (const [i, { order: _order, ...r }] of kept.entries()) {
    const turn = pace();
    if (turn) await turn;
    // A row speaks for its unit: the records naming it, and those about the task as a whole.
    const records = (progress?.index.get(r.taskId) ?? []).filter((p) => !p.unitId || p.unitId === r.unitId);
    const last = latestKnown(records, asOf);
    out.push({
      n: first + i, ...r, leaders: leaders.get(r.taskId) ?? [],
      light: taskLight({ deadlineKind: r.deadlineKind, deadlineDate: r.deadlineDate, progress: records }, { asOf, soonDays, staleDays }),
      progressState: last?.state ?? null, progressDate: last?.date ?? null, progressText: last?.text ?? null,
    });
  }
  return out;
}

/**
 * The ledger's rows for a filter, in document order, DOCUMENTS_PER_READ documents at a time: a
 * whole province's ledger is never read (nor held) at once. A unit filter is one read.
 */
export async function* ledgerBatches(store: QueryRunner, filter: LedgerFilter, soonDaysDefault: number, progress?: LedgerProgress): AsyncGenerator<LedgerRow[]> {
  const all = (await store.run(read('documents')))
    .filter((d) => filter.year === undefined || inYear(d, filter.year))
    .map((d) => [d.id as string, { title: d.title as string, jurisdiction: (d.jurisdictionName as string | null) ?? '', code: d.jurisdictionCode as string | null }] as const);
  if (filter.unit) {
    yield await rowsOfRead(store, filter, new Map(all), false, soonDaysDefault, 1, progress);
    return;
  }
  const documents = all
    .filter(([id, d]) => (!filter.jurisdiction || d.code === filter.jurisdiction) && (!filter.document || id === filter.document))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  let n = 1;
  // The first reads small, then larger: the page's first 1,000 rows are some 15 documents' at a
  // province's scale, and a first read of 250 (20,000 rows) took 1.2 s at 10,000 plans.
  for (let i = 0, size = FIRST_READ; i < documents.length; i += size, size = Math.min(DOCUMENTS_PER_READ, size * 4)) {
    const rows = await rowsOfRead(store, filter, new Map(documents.slice(i, i + size)), true, soonDaysDefault, n, progress);
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

/** A day as Excel stores one (midnight UTC), so the sheet sorts and filters by it. */
const excelDay = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);

/**
 * The sheet's columns in order: header per language, width (in Latin characters), whether long text
 * wraps, whether it is a date, and how a row fills it. The light and the latest progress come last.
 */
const COLUMNS: ReadonlyArray<{ key: string; zh: string; en: string; width: number; wrap?: true; date?: true; value: (r: LedgerRow, lang: Lang) => unknown }> = [
  { key: 'n', zh: '序号', en: 'No.', width: 6, value: (r) => r.n },
  // Where the unit is: a unit's name alone is ambiguous across cities.
  { key: 'jurisdiction', zh: '辖区', en: 'Jurisdiction', width: 12, value: (r) => r.jurisdiction },
  { key: 'document', zh: '文件', en: 'Document', width: 40, value: (r) => r.documentTitle },
  { key: 'ref', zh: '任务编号', en: 'Task ref', width: 12, value: (r) => r.ref },
  { key: 'task', zh: '任务', en: 'Task', width: 36, wrap: true, value: (r) => r.title },
  { key: 'unit', zh: '责任单位', en: 'Unit', width: 24, value: (r) => r.unitName },
  { key: 'role', zh: '角色', en: 'Role', width: 10, value: (r, lang) => ROLE_LABELS[lang][r.role] },
  { key: 'leaders', zh: '责任领导', en: 'Leaders', width: 20, value: (r) => r.leaders.join('、') },
  { key: 'deadline', zh: '完成时限', en: 'Deadline (as written)', width: 18, value: (r) => r.deadlineText },
  { key: 'due', zh: '截止日期', en: 'Due date', width: 12, date: true, value: (r) => excelDay(r.deadlineDate) },
  { key: 'status', zh: '状态', en: 'Status', width: 12, value: (r, lang) => STATUS_LABELS[lang][r.status] },
  { key: 'quote', zh: '原文依据', en: 'Source note', width: 60, wrap: true, value: (r) => r.quote },
  { key: 'light', zh: '灯号', en: 'Light', width: 10, value: (r, lang) => LIGHT_LABELS[lang][r.light.light] },
  { key: 'lightWhy', zh: '灯号说明', en: 'Why', width: 40, wrap: true, value: (r, lang) => r.light[lang] },
  { key: 'progressState', zh: '最新进展', en: 'Latest progress', width: 12, value: (r, lang) => (r.progressState ? STATE_LABELS[lang][r.progressState] : null) },
  { key: 'progressDate', zh: '进展日期', en: 'Progress date', width: 12, date: true, value: (r) => excelDay(r.progressDate) },
  { key: 'progressText', zh: '进展情况', en: 'Progress', width: 60, wrap: true, value: (r) => r.progressText },
];
const column = (key: string) => COLUMNS.findIndex((c) => c.key === key) + 1;

export const LEDGER_HEADERS: Record<Lang, readonly string[]> = { zh: COLUMNS.map((c) => c.zh), en: COLUMNS.map((c) => c.en) };

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
  const headers = LEDGER_HEADERS[lang];
  // Long notes and titles wrap rather than run off.
  ws.columns = COLUMNS.map((c) => ({
    header: c[lang], width: c.width,
    ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}),
    ...(c.date ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.commit();
  let count = 0;
  for await (const rows of batches) {
    for (const r of rows) {
      const row = ws.addRow(COLUMNS.map((c) => c.value(r, lang)));
      row.getCell(column('status')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILLS[r.status] } };
      row.getCell(column('light')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LIGHT_FILLS[r.light.light] } };
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
 * The export named after what it holds: 台账-unit-jurisdiction-date.xlsx (台账-市发展和改革委员会-邵阳市-2026-12-05.xlsx),
 * the unit and jurisdiction when the filter has them (read off the first row), the status day last.
 */
export function ledgerFileName(filter: LedgerFilter, firstRow: LedgerRow | null, lang: Lang, asOf: string): string {
  const parts = [lang === 'zh' ? '台账' : 'ledger'];
  if (filter.unit) parts.push(firstRow?.unitName ?? filter.unit.slice(filter.unit.indexOf(':') + 1));
  if (filter.unit || filter.jurisdiction) parts.push(firstRow?.jurisdiction || (filter.jurisdiction ?? filter.unit!.slice(0, filter.unit!.indexOf(':'))));
  if (filter.role) parts.push(ROLE_LABELS[lang][filter.role]);
  if (filter.status) parts.push(STATUS_LABELS[lang][filter.status]);
  if (filter.year) parts.push(lang === 'zh' ? `${filter.year}年` : String(filter.year));
  parts.push(asOf);
  return `${parts.map((p) => p.replace(/[\\/:*?"<>|\s]+/g, '_')).join('-')}.xlsx`;
}

/**
 * GET /export/ledger.xlsx?jurisdiction=…&document=…&unit=…&role=…&status=…&asOf=…&lang=en:
 * the filter checked (a bad parameter throws LedgerInputError: answer 400), a file name, and a
 * function that streams the workbook. The first document's rows are read before anything is
 * sent, so a store that is down still gets a proper error answer.
 */
export async function exportLedger(store: QueryRunner, params: URLSearchParams, soonDaysDefault: number, progress?: LedgerProgress): Promise<{ filename: string; write: (out: Writable) => Promise<number> }> {
  const known = new Set(['jurisdiction', 'document', 'unit', 'role', 'status', 'year', 'asOf', 'soonDays', 'lang']);
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
    filename: ledgerFileName(filter, first.done ? null : first.value[0] ?? null, lang, asOf),
    write: (out) => writeLedgerWorkbook(all(), out, { lang, asOf }),
  };
}
