/**
 * Tables are read by their header vocabulary: what each column holds (the task, its lead,
 * responsible or participant units, its leaders, its deadline), whatever the order and subset.
 * As with note-patterns.ts, a city's new header word is a row here, not code.
 */
import { findDeadlines, parseDeadline } from './deadline';
import { DEADLINE_LABEL, LEADER_LABEL, NOTE_LABELS, type Role } from './note-patterns';
import { blankRule, splitUnitList } from './notes';
import { isUnitLike } from './unit-names';

export type ColumnKind = 'serial' | 'task' | 'units' | 'leader' | 'deadline' | 'other';

export interface Column {
  kind: ColumnKind;
  /** For unit columns: the role every unit in the column takes. */
  role?: Role;
  /** For task columns: how likely it holds the task's title (任务 3 > 目标 2.5 > 名称 2 > 措施 1 > 项目 0.5). */
  rank: number;
  /** The column reports what was done (落实情况, 全年完成情况): the document is a progress report (progress-report.ts). */
  progress?: true;
}

const SERIAL = /^(序号|编号|序|项次|顺序号|No\.?)$/i;
const DEADLINE = new RegExp(`^(?:${DEADLINE_LABEL.source}|(?:建设|实施|推进)?(?:时间|年限|周期)|时间安排|进度安排|完成时限及要求|计划完成时间)$`);
const LEADER = new RegExp(`^(?:${LEADER_LABEL.source})$`);
const UNIT_LABELS = new Map(NOTE_LABELS.filter(([l]) => l.length > 2));
/** Columns that describe a task without being it (完成情况, 备注, 指标要求, 建设地点, 投资额). */
const NOT_TASK = /要求|情况|备注|地点|金额|投资|资金|说明|依据|标准|成效|进展|规模|类别|分类|属性|来源|评价/;
const STRONG_TASK = /任务|事项|实事/;
const PROGRESS = /情况|进展|进度|成效|备注|评价|完成/;
/** A column of what was done: 落实情况, 完成情况, 进展情况, 全年完成情况, 工作进展, 推进情况 … */
const PROGRESS_COLUMN = /^(?:(?:全年|年度|目前|当前|工作|任务)?(?:落实|完成|进展|推进|执行|办理|工作)(?:情况|进度|进展)|(?:工作|目前|当前)?进展|进度情况)$/;
const TASK_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/任务|事项|实事/, 3],
  [/目标|指标/, 2.5],
  [/名称/, 2],
  [/工作|措施|举措|内容|重点|计划|项目/, 1],
];

/** A header cell as written → what its column holds, or null when it is no header word. */
export function columnOf(header: string): Column | null {
  const h = header.replace(/\s+/g, '').replace(/\([^()]*\)$/, '').replace(/[::]$/, '');
  if (h === '' || h.length > 16 || /(表|清单|汇总)$/.test(h) || /^([一二三四五六七八九十]+、|\d+[.、])/.test(h)) return null;
  if (SERIAL.test(h)) return { kind: 'serial', rank: 0 };
  const role = UNIT_LABELS.get(h) ?? UNIT_LABELS.get(h.replace(/[(（].*$/, ''));
  if (role) return { kind: 'units', role, rank: 0 };
  if (LEADER.test(h)) return { kind: 'leader', rank: 0 };
  if (DEADLINE.test(h)) return { kind: 'deadline', rank: 0 };
  // A progress or remarks column is never the task (落实情况, 全年完成情况); a task column may name
  // what the task requires besides (具体工作任务和要求).
  if (PROGRESS_COLUMN.test(h)) return { kind: 'other', rank: 0, progress: true };
  if (NOT_TASK.test(h) && !(STRONG_TASK.test(h) && !PROGRESS.test(h))) return { kind: 'other', rank: 0 };
  for (const [re, rank] of TASK_WORDS) {
    if (re.test(h)) return { kind: 'task', rank: h === '项目' ? 0.5 : rank };
  }
  return null;
}

/** Words a second header row writes under a merged 责任单位 cell: 牵头 / 配合 / 主办 / 协办 … */
const SUB_ROLES = new Map(NOTE_LABELS.filter(([l]) => l.length <= 2));

/**
 * A second header row under the first (责任单位 split into 牵头单位 | 配合单位, or just 牵头 | 配合):
 * the columns with the second row's words where it has them, or null when the row is no header.
 */
export function subHeaderOf(columns: readonly Column[], cells: readonly string[]): Column[] | null {
  const words = cells.map((c) => c.replace(/\s+/g, ''));
  if (!words.some((w) => w !== '')) return null;
  const out: Column[] = [];
  for (let k = 0; k < columns.length; k++) {
    const w = words[k] ?? '';
    if (w === '') {
      out.push(columns[k]!);
      continue;
    }
    const role = SUB_ROLES.get(w);
    const col = role ? { kind: 'units' as const, role, rank: 0 } : columnOf(w);
    if (!col) return null;
    out.push(col);
  }
  return out;
}

/**
 * A header row: enough cells are header words, one column names units and one the task (or the
 * row is all header words). Returns the columns, unknown words as 'other'.
 */
export function headerOf(cells: readonly string[]): Column[] | null {
  const cols = cells.map(columnOf);
  const known = cols.filter((c) => c !== null).length;
  const nonEmpty = cells.filter((c) => c.trim() !== '').length;
  if (known < 2 || known < nonEmpty * 0.6) return null;
  if (!cols.some((c) => c?.kind === 'units')) return null;
  if (!cols.some((c) => c?.kind === 'task') && known < 3) return null;
  return cols.map((c) => c ?? { kind: 'other', rank: 0 });
}

/** What a cell looks like, so a cell that lost its column (a merged or empty cell dropped) finds it. */
export type CellType = 'serial' | 'group' | 'units' | 'person' | 'deadline' | 'number' | 'text';

const SERIAL_CELL = /^(\d{1,3}|[一二三四五六七八九十]{1,3})[.、]?$/;
const GROUP_CELL = /^[一二三四五六七八九十]{1,3}、\S/;
const NUMBER_CELL = /^[\d.,%]+$/;
/** Words a deadline cell may carry besides its dates: 12月底前完成, 9月投入使用, 1.2021年8月 2.2021年12月. */
const DEADLINE_REST = /^[\s\d.、,;前后底末内初旬份完成开工动工建成竣工投入使用投用完工实现启动到位计划预计力争确保争取]*$/;

/** A cell about when: 2024, 2021.8, 12月底前, 第三季度, 全年, 长期坚持, 9月投入使用 — dates and few other words. */
function isDeadlineCell(t: string): boolean {
  if (/^\d{4}(\.\d{1,2})?$/.test(t)) return true;
  if (t.length <= 10 && parseDeadline(t, 2000).kind !== 'unparsed') return true;
  const phrases = findDeadlines(t);
  if (phrases.length === 0) return false;
  let rest = '';
  let at = 0;
  for (const p of phrases) {
    rest += t.slice(at, p.start);
    at = p.end;
  }
  rest += t.slice(at);
  return rest.length <= 6 || DEADLINE_REST.test(rest);
}
const PERSON = /^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$/;
const POST = /(书记|市长|县长|区长|州长|省长|主席|主任|局长|厅长|秘书长|部长|旗长|镇长|乡长|组长)$/;

export function cellType(text: string): CellType {
  const t = text.trim().replace(/\|+$/, '').trim();
  if (SERIAL_CELL.test(t)) return 'serial';
  if (GROUP_CELL.test(t) && t.length <= 40) return 'group';
  if (NUMBER_CELL.test(t)) return /^\d{4}$/.test(t) ? 'deadline' : 'number';
  if (t.length <= 60 && isDeadlineCell(t)) return 'deadline';
  const items = splitUnitList(blankRule(t).text.replace(/^[★☆※*]\s*/, ''));
  // A name a line break cut (区发展⏎改革委) is judged whole, as the list reader joins it.
  const named = (i: { text: string }) => isUnitLike(i.text.replace(/\s+/g, '').replace(/^[★☆※*]/, '').replace(/等(有关|相关)?(单位|部门)?$/, ''));
  if (items.length > 0 && items.every(named)) return 'units';
  // A list of names cut short at its end (…、区统计局、区: a page or an excerpt ended there).
  if (items.length >= 3 && items[items.length - 1]!.text.trim().length <= 2 && items.slice(0, -1).every(named)) return 'units';
  if (t.split(/[、,\n]+/).map((p) => p.trim()).filter(Boolean).every((p) => PERSON.test(p) || POST.test(p)) && t.length <= 24) return 'person';
  return 'text';
}

/** How well a cell fits a column; 0 = not at all. */
export function fit(type: CellType, col: Column, text: string): number {
  const textLength = text.length;
  switch (col.kind) {
    case 'serial': return type === 'serial' ? 3 : 0;
    case 'units': return type === 'units' ? 3 : 0;
    case 'leader': return type === 'person' ? 3 : 0;
    // 计划10月底完成新增墓地建设: a short text with a date may well be the deadline cell.
    case 'deadline': return type === 'deadline' ? 3 : type === 'number' ? 0.5 : type === 'text' && textLength <= 30 ? (findDeadlines(text).length > 0 ? 1.5 : 0.5) : 0;
    case 'task': return type === 'text' || type === 'group' ? 1 + col.rank * (textLength > 10 ? 1 : 0.2) : type === 'units' || type === 'deadline' || type === 'number' ? 0.2 : 0;
    case 'other': return type === 'serial' ? 0.1 : 0.5;
  }
}
