/**
 * Progress read from a document: is it a report of what was done (重点工作完成情况, 落实情况, a
 * 任务分解表 with a 落实情况 column), and what does each of its rows or items say?
 *
 * Two shapes, as governments publish them:
 * - a table with a progress column (落实情况, 完成情况, 进展情况, 全年完成情况 …; table-columns.ts marks
 *   it): each row is the task restated (its task cell) and what was done (its progress cell);
 * - prose whose numbered items restate plan tasks and say 已完成 / 正在推进 / 滞后: each item whose
 *   text states a state is a row, its first sentence the task restated, the rest the report.
 *
 * Which plan task a row reports on is not decided here (the extractor sees one document at a
 * time): server/progress/links.ts links rows to the tasks of the plans loaded beside it.
 * All offsets index the normalised text; extract.ts maps them to the raw file.
 */
import { inferState, type StateReading } from './progress-state';
import { outline, refOf, walk, type Block } from './structure';
import type { Line } from './lines';
import { titleColumn, type Table } from './tables';
import { titleOf } from './task-draft';

export interface ProgressRow {
  /** The row's numbering as the document writes it (表1.3, 二.(一)): evidence for the link, not its key. */
  ref: string;
  /** The task as the row restates it (its task cell, or the item's first sentence). */
  title: string;
  /** What the row says was done (the progress cell, or the item's text after its first sentence). */
  report: string;
  start: number;
  end: number;
  /** Where `report` stands. */
  reportStart: number;
  reportEnd: number;
  state: StateReading | null;
  /** 'table': a progress column; 'item': a numbered item of the prose. */
  shape: 'table' | 'item';
}

/** A title that says the document reports progress. */
export const PROGRESS_TITLE = /(?:完成|落实|进展|推进|执行|办理|督办|督查)情况|工作进展|年度工作总结|工作总结/;
/** Words that say something was done or is under way (not the imperatives a plan is written in). */
const REPORTED = /已(?:经)?(?:全面|顺利|如期|按期)?(?:完成|建成|竣工|启动|开工|实现|办结|投入|投产|落实|开展|出台|印发|召开)|正在|滞后|未完成|未启动|尚未|进展顺利|有序推进|稳步推进|截至\d|截止\d|完成率/;

/** Rows from the tables that have a progress column. */
export function progressTableRows(text: string, tables: readonly Table[]): ProgressRow[] {
  const out: ProgressRow[] = [];
  tables.forEach((table, t) => {
    const progressCol = table.columns.findIndex((c) => c.progress);
    const titleCol = titleColumn(table.columns);
    if (progressCol < 0 || titleCol < 0) return;
    const serialCol = table.columns.findIndex((c) => c.kind === 'serial');
    let n = 0;
    for (const row of table.rows) {
      if (row.group) continue;
      const cells = row.cells[progressCol] ?? [];
      const titleCells = row.cells[titleCol] ?? [];
      if (cells.length === 0 || titleCells.length === 0) continue;
      n++;
      const report = cells.map((s) => text.slice(s.start, s.end)).join('').trim();
      const reportStart = cells[0]!.start;
      const reportEnd = cells[cells.length - 1]!.end;
      if (!report) continue;
      const serial = serialCol >= 0 ? row.cells[serialCol]?.[0] : undefined;
      const state = inferState(text.slice(reportStart, reportEnd));
      out.push({
        ref: `表${t + 1}.${serial ? text.slice(serial.start, serial.end).replace(/[.、\s]/g, '') : n}`,
        title: titleCells.map((s) => text.slice(s.start, s.end)).join('').trim(),
        report, start: row.start, end: row.end, reportStart, reportEnd,
        state: state && { ...state, start: state.start + reportStart, end: state.end + reportStart },
        shape: 'table',
      });
    }
  });
  return out;
}

/**
 * Numbered items of the prose that report: their text after the first sentence says 已完成, 正在,
 * 滞后 … — or, in a document whose title says it reports (`anyReport`), says anything at all (a
 * figure, 增长9.5%: the state is then left for an editor). Only the innermost numbered blocks with
 * text of their own are read.
 */
export function progressItemRows(prose: string, lines: Iterable<Line>, anyReport = false): ProgressRow[] {
  const root = outline(prose, { report: false }, lines);
  const out: ProgressRow[] = [];
  for (const b of walk(root)) {
    if (b.type === 'preamble' || b.type === 'subitem' || b.type === 'paragraph') continue;
    const own = withoutSignature(prose.slice(b.bodyStart, b.ownEnd));
    if (own.trim().length < 8) continue;
    // The first sentence restates the task; the report is what follows (or the whole, for a one-sentence item).
    const cut = firstSentenceEnd(own);
    const reportFrom = cut > 0 && cut < own.trimEnd().length ? cut : 0;
    const reportText = own.slice(reportFrom);
    if (anyReport ? reportFrom === 0 : !REPORTED.test(reportText)) continue;
    const state = inferState(reportText);
    const reportStart = b.bodyStart + reportFrom + (reportText.length - reportText.trimStart().length);
    out.push({
      ref: refOf(b),
      title: titleOf(own) || own.slice(0, 40),
      report: reportText.trim(),
      start: b.start,
      end: b.bodyStart + own.trimEnd().length,
      reportStart,
      reportEnd: b.bodyStart + reportFrom + reportText.trimEnd().length,
      state: state && { ...state, start: state.start + b.bodyStart + reportFrom, end: state.end + b.bodyStart + reportFrom },
      shape: 'item',
    });
  }
  return out.filter((r) => !hasChildRow(r, out));
}

/** The issuer and date that sign the document, when the last item runs into them: not part of the item. */
const SIGNATURE = /\n[ \t\u3000]*(?:[\u4e00-\u9fff()（）]{2,30}(?:人民政府|办公厅|办公室|委员会|督查室|局|委|厅|办)[ \t\u3000]*\n[\s\u3000]*)?(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[\u4e00-\u9fff()（）]{2,30}(?:人民政府|办公厅|办公室|委员会|督查室))[ \t\u3000]*(?:\n[\s\S]*)?$/;

function withoutSignature(s: string): string {
  const m = SIGNATURE.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** An item whose sub-items are rows of their own is their heading, not a row. */
function hasChildRow(r: ProgressRow, all: readonly ProgressRow[]): boolean {
  return all.some((o) => o !== r && o.start > r.start && o.ref.startsWith(`${r.ref}.`));
}

/** Where the first sentence ends (after its 。, or after a heading that ends its line). */
function firstSentenceEnd(s: string): number {
  const stop = /[。!?！？]|\n/.exec(s);
  return stop ? stop.index + 1 : 0;
}

/**
 * Whether a document reports progress, and its rows: a table with a progress column makes it one;
 * so does a title that says so (…完成情况) with reporting items, or, without such a title, at least
 * three numbered items that report and make up most of its items (a plan is written in
 * imperatives, a report in what was done).
 */
export function readProgress(text: string, prose: string, lines: readonly Line[], tables: readonly Table[], title: string): ProgressRow[] | null {
  const rows = progressTableRows(text, tables);
  if (rows.length > 0) return rows;
  if (PROGRESS_TITLE.test(title)) {
    const items = progressItemRows(prose, lines, true);
    if (items.some((r) => r.state)) return items;
  }
  const items = progressItemRows(prose, lines);
  if (items.length === 0) return null;
  const numbered = [...walk(outline(prose, { report: false }, lines))].filter((b: Block) => b.children.length === 0 && (b.type === 'item' || b.type === 'section' || b.type === 'part')).length;
  return items.length >= 3 && items.length * 2 >= numbered ? items : null;
}
