/**
 * Tables, found and read: a task-breakdown table (任务分解表) given by a reader as rows × cells,
 * or written as text — cells split by `|`, tabs or spaces one row per line, or one cell per line
 * after a header row (with or without `|` between cells). Either way the result is the same:
 * the header's columns (table-columns.ts) and rows whose cells sit in those columns.
 *
 * Text flattened from a table loses its empty and merged cells, so a row's cells are put in
 * their columns by what they look like (a unit list, a person, a date, a serial number), in the
 * header's order, rather than by position alone.
 */
import type { SourceTable, Span } from './document-model';
import { cellType, columnOf, fit, headerOf, subHeaderOf, type CellType, type Column } from './table-columns';
import { findGluedTables } from './glued-rows';
import { findLabelCellTables } from './label-cells';
import { lines, type Line } from './lines';
import { isUnitLike } from './unit-names';
import { toNormalised, type TextMap } from './text-map';

export interface TableRow extends Span {
  /** cells[c]: the spans placed in column c (several when a cell was written over several lines). */
  cells: Span[][];
  /** A row that only names a group of the rows below it (一、主要预期目标). */
  group: Span | null;
  /** The row has its own serial number (not the continuation of a merged one). */
  numbered: boolean;
}

export interface Table extends Span {
  columns: Column[];
  /** The line above the header (the table's title), or ''. */
  caption: string;
  rows: TableRow[];
}

interface Token extends Span {
  text: string;
  type: CellType;
}

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
const cellText = (text: string, s: Span) => text.slice(s.start, s.end);

/** Read a table a reader gave (rows × cells): the header is the first row that reads as one. */
export function readSourceTable(text: string, t: SourceTable): Table | null {
  for (let h = 0; h < Math.min(t.rows.length, 12); h++) {
    const header = t.rows[h]!;
    let columns = headerOf(header.map((c) => cellText(text, c)));
    if (!columns) continue;
    let first = h + 1;
    const sub = t.rows[first] && subHeaderOf(columns, t.rows[first]!.map((c) => cellText(text, c)));
    if (sub) {
      columns = sub;
      first++;
    }
    const rows: TableRow[] = [];
    for (const r of t.rows.slice(first)) {
      const spans = r.slice(0, columns.length);
      const nonEmpty = spans.filter((s) => cellText(text, s).trim() !== '');
      // Empty, or the header again (repeated at the top of each page).
      if (nonEmpty.length === 0 || headerOf(spans.map((s) => cellText(text, s))) !== null) continue;
      const start = Math.min(...nonEmpty.map((s) => s.start));
      const end = Math.max(...nonEmpty.map((s) => s.end));
      // A row whose cells are one merged cell across the table is a group heading.
      const distinct = new Set(spans.map((s) => `${s.start}:${s.end}`));
      if (distinct.size === 1 && spans.length > 1) {
        rows.push({ start, end, cells: columns.map(() => []), group: spans[0]!, numbered: false });
        continue;
      }
      const serialCol = columns.findIndex((c) => c.kind === 'serial');
      const serial = serialCol >= 0 ? spans[serialCol] : undefined;
      rows.push({
        start, end, group: null,
        cells: columns.map((_, c) => (spans[c] && cellText(text, spans[c]!).trim() !== '' ? [spans[c]!] : [])),
        // A serial merged over several rows is repeated in each: only its first row is numbered.
        numbered: serial !== undefined && !rows.some((p) => p.cells[serialCol]?.[0]?.start === serial.start),
      });
    }
    const captionLine = lastLineBefore(text, t.start);
    return { start: t.start, end: t.end, columns, caption: captionLine, rows };
  }
  return null;
}

function lastLineBefore(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 200), at).split('\n').map((l) => l.trim()).filter((l) => l && !/^\|+$/.test(l));
  const last = before[before.length - 1] ?? '';
  return last.length <= 60 ? last.replace(/\s*\|+\s*$/, '') : '';
}

/** A label cell on a line of its own (…\n责任单位\n…): the only case findLabelCellTables reads. */
const LABEL_CELL_HINT = /\n\s*(?:牵头|责任|配合|主办|协办)(?:单位|部门)\s*\n/;

/** A header line whose words run together (…序号…牵头单位…). */
const GLUED_HINT = /\n[^\s|]{0,12}序号[^\s|]{2,16}(?:单位|部门)[^\s|]{0,10}\n/;

type Style = 'pipe-rows' | 'space-rows' | 'stream';

const UNIT_WORD = /单\s*位|部\s*门|处\s*室|科\s*室|主\s*体|机\s*构/;

/** Every task table written as text, in order. Regions of `skip` (tables a reader gave) are left alone. */
export function findTextTables(text: string, skip: readonly Span[] = [], all: Line[] = [...lines(text)]): Table[] {
  if (!/序\s*号|单位|部门|领导|时限/.test(text)) return [];
  const out: Table[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    // A header starts with a short header word on a line of its own, or holds a unit column's word.
    if (line.text === '' || (line.text.length > 20 && !UNIT_WORD.test(line.text))) continue;
    if (skip.some((s) => line.start < s.end && line.end > s.start)) continue;
    const stream = streamHeader(all, i);
    const found = stream ?? rowHeader(line);
    if (!found) continue;
    const caption = (!stream && 'caption' in found && found.caption) || captionBefore(all, i);
    const table = stream
      ? { ...readStream(text, all, stream.next, stream.columns), columns: stream.columns }
      : readRows(text, all, i + 1, found.columns, found.style);
    if (table.rows.some((r) => r.cells.some((c, k) => c.length > 0 && table.columns[k]!.kind === 'units'))) {
      out.push({ ...table, start: line.start, caption });
      while (i + 1 < all.length && all[i + 1]!.start < table.end) i++;
    }
  }
  return out;
}

function captionBefore(all: Line[], i: number): string {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = all[k]!.text.replace(/\s*\|+\s*$/, '').replace(/^\|+\s*/, '');
    if (t === '') continue;
    return t.length <= 60 ? t : '';
  }
  return '';
}

/** Split a row-style line into cells, keeping empty cells between pipes. */
/**
 * `border`: the table's lines start with a pipe (| a | b |), so a leading pipe is the row's edge,
 * not an empty first cell.
 */
function splitRow(line: string, style: Style, border = true): string[] {
  if (style === 'pipe-rows') {
    const cells = line.split('|').map((c) => c.trim());
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (border && cells[0] === '' && line.trimStart().startsWith('|')) cells.shift();
    return cells;
  }
  if (line.includes('\t')) return line.split(/\t+/).map((c) => c.trim()).filter(Boolean);
  const wide = line.split(/\s{2,}/).map((c) => c.trim()).filter(Boolean);
  return wide.length >= 3 ? wide : line.split(/\s+/).filter(Boolean);
}

/** 序 号 任 务 名 称 牵 头 部 门: header words written with spaces between their characters, joined back. */
function joinSpacedWords(cells: string[]): string[] {
  const out: string[] = [];
  let acc = '';
  cells.forEach((c, i) => {
    if (c.length !== 1) {
      if (acc) out.push(acc);
      acc = '';
      out.push(c);
      return;
    }
    acc += c;
    const next = cells[i + 1];
    if (columnOf(acc) !== null && (next === undefined || next.length !== 1 || columnOf(acc + next) === null)) {
      out.push(acc);
      acc = '';
    }
  });
  if (acc) out.push(acc);
  return out;
}

function rowHeader(line: Line): { style: Style; columns: Column[]; caption?: string } | null {
  const style: Style = line.text.includes('|') ? 'pipe-rows' : 'space-rows';
  // Between pipes an empty header cell is a column too (the second half of a merged 责任单位).
  let cells = style === 'pipe-rows' ? splitRow(line.text, style) : splitRow(line.text, style).filter(Boolean);
  if (style === 'space-rows') cells = joinSpacedWords(cells);
  if (cells.filter(Boolean).length < 2) return null;
  if (line.text.length <= 200) {
    const columns = headerOf(cells);
    if (columns) return { style, columns };
  }
  // A page that ran its text into one line: the header is the line's tail (…分解表 序号 名称 工作任务 牵头责任单位).
  if (style !== 'space-rows') return null;
  let k = cells.length;
  while (k > 0 && columnOf(cells[k - 1]!) !== null) k--;
  if (cells.length - k < 3 || k === 0) return null;
  const columns = headerOf(cells.slice(k));
  return columns ? { style, columns, caption: cells[k - 1]!.length <= 60 ? cells[k - 1]! : '' } : null;
}

const ONLY_PIPES = /^\|+$/;
const strip = (t: string) => t.replace(/\s*\|+\s*$/, '').replace(/^\|+\s*/, '').trim();

/** Header cells one per line (blank or `|` lines between them allowed), at least three. */
function streamHeader(all: Line[], i: number): { style: Style; columns: Column[]; next: number } | null {
  const cells: string[] = [];
  let k = i;
  for (; k < all.length; k++) {
    const t = all[k]!.text;
    if (t === '' || ONLY_PIPES.test(t)) continue;
    const cell = strip(t);
    if (cell.includes('|') || cell.length > 16 || /\s{2,}/.test(cell)) break;
    if (columnOf(cell) === null) break; // not a header word
    cells.push(cell);
  }
  if (cells.length < 3) return null;
  const columns = headerOf(cells);
  return columns ? { style: 'stream', columns, next: k } : null;
}

/** Where a table written as text stops: an attachment heading, or a new header. */
const TABLE_END = /^(附件\s*\d|附表\s*\d)/;

function readRows(text: string, all: Line[], from: number, header: Column[], style: Style): { end: number; rows: TableRow[]; columns: Column[] } {
  const rows: TableRow[] = [];
  let columns = header;
  const border = all[from - 1]!.text.startsWith('|');
  const closedRows = all[from - 1]!.text.trimEnd().endsWith('|');
  let end = all[from - 1]!.end;
  for (let k = from; k < all.length; k++) {
    const line = all[k]!;
    if (line.text === '' || ONLY_PIPES.test(line.text)) continue;
    if (rows.length === 0 && columns === header) {
      const sub = subHeaderOf(header, splitRow(line.text, style, border));
      if (sub) {
        columns = sub;
        end = line.end;
        continue;
      }
    }
    if (TABLE_END.test(line.text)) break;
    if (style === 'pipe-rows' && !line.text.includes('|')) {
      // In a table whose rows close with a pipe, the row above that did not goes on here: its last cell.
      const prevLine = all[k - 1];
      const open = rows[rows.length - 1];
      if (closedRows && open && !open.group && prevLine && prevLine.text.includes('|') && !prevLine.text.trimEnd().endsWith('|')) {
        const last = open.cells.findLastIndex((c) => c.length > 0);
        if (last >= 0) {
          const spans = open.cells[last]!;
          spans[spans.length - 1] = { start: spans[spans.length - 1]!.start, end: line.at + line.text.length };
          open.end = line.end;
          end = line.end;
          continue;
        }
      }
      // A cell wrapped onto a line of its own continues the row above when the table goes on below.
      const next = all.slice(k + 1).find((l) => l.text !== '');
      if (!next?.text.includes('|') || rows.length === 0 || rows[rows.length - 1]!.group) break;
      const prev = rows[rows.length - 1]!;
      const col = titleColumn(columns);
      if (col >= 0) prev.cells[col]!.push({ start: line.at, end: line.at + line.text.length });
      prev.end = line.end;
      end = line.end;
      continue;
    }
    if (rowHeader(line)) break;
    let tokens = tokensOf(text, line, style, border);
    if (tokens.length === 0) continue;
    // In a table whose rows close with a pipe, a row that does not, short of cells, was cut by a line
    // break inside a cell (…、区文化和广⏎电旅游体育局、区统计局 | A类 |): the next line goes on with that cell.
    const after = all[k + 1];
    if (style === 'pipe-rows' && closedRows && !line.text.trimEnd().endsWith('|') && after?.text.includes('|') && tokens.length <= columns.length && !rowHeader(after)) {
      const more = tokensOf(text, after, style, false);
      if (more.length > 0 && more[0]!.text !== '' && tokens.length + more.length - 1 <= columns.length) {
        const cut = tokens.pop()!;
        const first = more.shift()!;
        const start = cut.text === '' ? first.start : cut.start;
        const joined = text.slice(start, first.end);
        tokens = [...tokens, { start, end: first.end, text: joined, type: cellType(joined) }, ...more];
        k++;
      }
    }
    // A row written with spaces, cut by a line break inside a unit name of a 、 list (…、国家农业科⏎技园区管委会、有关乡镇 …):
    // the next line's first cell completes that name, and the row goes on there.
    if (style === 'space-rows' && after && tokens.length > 1 && tokens.length < columns.length && !rowHeader(after)) {
      const more = tokensOf(text, after, style, false);
      const cut = tokens[tokens.length - 1]!;
      if (more.length > 0 && tokens.length + more.length - 1 === columns.length && nameBrokenAcross(cut.text, more[0]!.text)) {
        const first = more.shift()!;
        const joined = text.slice(cut.start, first.end);
        tokens = [...tokens.slice(0, -1), { start: cut.start, end: first.end, text: joined, type: cellType(joined.replace(/\s+/g, '')) }, ...more];
        k++;
      }
    }
    if (tokens.length === 1 && tokens[0]!.type === 'group') {
      rows.push({ start: tokens[0]!.start, end: tokens[0]!.end, cells: columns.map(() => []), group: tokens[0]!, numbered: false });
    } else if (tokens.length === 1 && style === 'space-rows' && rows.length > 0) {
      // A line of its own under a row written with spaces continues that row's last cell.
      const prev = rows[rows.length - 1]!;
      const last = prev.cells.findLastIndex((c) => c.length > 0);
      if (last >= 0) prev.cells[last]!.push(tokens[0]!);
      prev.end = tokens[0]!.end;
    } else {
      const placed = place(tokens, columns, style === 'pipe-rows');
      if (style === 'space-rows' && placed.fitTotal < tokens.length * 0.4) break; // prose, not a row
      rows.push(rowOf(tokens, placed.columnOf, columns));
    }
    end = all[k]!.end;
  }
  return { end, rows: mergeWrapped(rows, columns), columns };
}

/**
 * Whether a cell ending a line (县科技局、县城投公司、国家农业科) and the first cell of the next
 * (技园区管委会、有关乡镇) can be one 、 list cut by the line break: Chinese on both sides of it, a
 * list on one side, and a name when joined. (The caller asks too that the two lines' cells make
 * exactly one row; reading the joined list then decides whether the break was inside a name.)
 */
function nameBrokenAcross(before: string, after: string): boolean {
  const tail = before.slice(before.lastIndexOf('、') + 1);
  const head = after.split('、')[0]!;
  return (before.includes('、') || after.includes('、')) && /^[\u4e00-\u9fff]{2,14}$/.test(tail) && /^[\u4e00-\u9fff]{2,14}$/.test(head) && isUnitLike(tail + head);
}

/** The column that holds the task's title: the highest-ranked task column, or -1. */
export function titleColumn(columns: readonly Column[]): number {
  let best = -1;
  columns.forEach((c, k) => {
    if (c.kind === 'task' && (best < 0 || c.rank > columns[best]!.rank)) best = k;
  });
  return best;
}

/**
 * In a numbered table, a row with no number and nothing but text (no unit, person or date) is
 * the rest of the row above, wrapped onto the next line: its cells join that row's.
 */
function mergeWrapped(rows: TableRow[], columns: readonly Column[]): TableRow[] {
  if (!columns.some((c) => c.kind === 'serial')) return rows;
  const out: TableRow[] = [];
  for (const r of rows) {
    const prev = out[out.length - 1];
    const onlyText = r.cells.every((c, k) => c.length === 0 || columns[k]!.kind === 'task' || columns[k]!.kind === 'other');
    if (prev && !prev.group && !r.group && !r.numbered && onlyText) {
      r.cells.forEach((c, k) => prev.cells[k]!.push(...c));
      prev.end = Math.max(prev.end, r.end);
      continue;
    }
    out.push(r);
  }
  return out;
}

function tokensOf(text: string, line: Line, style: Style, border: boolean): Token[] {
  const raw = text.slice(line.start, line.end);
  const out: Token[] = [];
  const sep = style === 'pipe-rows' ? /\|/g : raw.includes('\t') ? /\t+/g : splitRow(raw, style).length >= 3 && /\s{2,}/.test(raw.trim()) ? /\s{2,}/g : /\s+/g;
  let last = 0;
  const push = (s: number, e: number) => {
    const piece = raw.slice(s, e);
    const t = piece.trim();
    if (t === '') {
      if (style === 'pipe-rows') out.push({ start: line.start + s, end: line.start + s, text: '', type: 'text' });
      return;
    }
    const at = line.start + s + piece.indexOf(t);
    out.push({ start: at, end: at + t.length, text: t, type: cellType(t) });
  };
  for (const m of raw.matchAll(sep)) {
    push(last, m.index!);
    last = m.index! + m[0].length;
  }
  push(last, raw.length);
  while (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  if (border && out[0]?.text === '' && raw.trimStart().startsWith('|')) out.shift();
  return out;
}

/**
 * Cells one per line after a stream header: cells end at `|` (on their own line or after the
 * cell's text) or, in a table written without pipes, at the end of each line. A serial number
 * starts a row; otherwise a cell that fits no column after the last one used starts the next.
 */
function readStream(text: string, all: Line[], from: number, columns: Column[]): { end: number; rows: TableRow[] } {
  const pipes = all.slice(from, from + 40).some((l) => l.text.includes('|'));
  // Cells written with a blank line after each: lines with no blank between them are one cell that
  // wrapped (区发展⏎改革委), not two.
  const blankSeparated = !pipes && blankLinesEndCells(all, from);
  const tokens: Token[] = [];
  let end = all[from - 1]?.end ?? 0;
  let open: { start: number; end: number } | null = null;
  const close = () => {
    if (open) {
      const t = text.slice(open.start, open.end).trim();
      if (t !== '') tokens.push({ start: open.start, end: open.end, text: t, type: cellType(t) });
    }
    open = null;
  };
  for (let k = from; k < all.length; k++) {
    const line = all[k]!;
    if (TABLE_END.test(line.text) || (line.text !== '' && !ONLY_PIPES.test(line.text) && streamHeader(all, k))) break;
    if (line.text === '') {
      if (!pipes) close();
      continue;
    }
    end = line.end;
    if (blankSeparated) {
      extend(line.at, line.at + line.text.length);
      continue;
    }
    if (!pipes) {
      close();
      open = { start: line.at, end: line.at + line.text.length };
      close();
      continue;
    }
    // Pipes end cells; text between them (over one or more lines) is one cell.
    const raw = text.slice(line.start, line.end);
    let last = 0;
    for (const m of raw.matchAll(/\|/g)) {
      extend(line.start + last, line.start + m.index!);
      close();
      last = m.index! + 1;
    }
    extend(line.start + last, line.end);
  }
  close();
  return { end, rows: mergeWrapped(segment(tokens, columns), columns) };

  function extend(s: number, e: number) {
    const piece = text.slice(s, e);
    const t = piece.trim();
    if (t === '') return;
    const at = s + piece.indexOf(t);
    if (open) open.end = at + t.length;
    else open = { start: at, end: at + t.length };
  }
}

/**
 * The first lines after a stream header come in runs between blank lines, most of them a single
 * line: a blank line ends each cell, and a run of two or three lines is one cell that wrapped.
 */
function blankLinesEndCells(all: Line[], from: number): boolean {
  const runs: number[] = [];
  let run = 0;
  for (let k = from; k < Math.min(all.length, from + 80); k++) {
    if (all[k]!.text !== '') run++;
    else if (run > 0) {
      runs.push(run);
      run = 0;
    }
  }
  if (run > 0) runs.push(run);
  return runs.length >= 6 && runs.filter((r) => r === 1).length >= (2 / 3) * runs.length;
}

/** Cut a stream of cells into rows and place each cell in its column. */
function segment(tokens: Token[], columns: Column[]): TableRow[] {
  const hasSerial = columns.some((c) => c.kind === 'serial');
  const rows: TableRow[] = [];
  // A serial starts a row only when it counts on from the last (1, 2, 3 …); 300 in a row is an amount.
  let lastSerial = 0;
  const serialValue = (t: string) => {
    const m = /^(\d{1,3})/.exec(t);
    return m ? Number(m[1]) : CN_ORDINALS.indexOf(t.replace(/[.、]$/, '')) + 1 || NaN;
  };
  let cur: { tokens: Token[]; cols: number[]; numbered: boolean } | null = null;
  const flush = () => {
    if (cur && cur.tokens.length > 0) rows.push(rowOf(cur.tokens, cur.cols, columns, cur.numbered));
    cur = null;
  };
  for (const tok of tokens) {
    if (tok.type === 'group') {
      flush();
      rows.push({ start: tok.start, end: tok.end, cells: columns.map(() => []), group: tok, numbered: false });
      continue;
    }
    if (tok.type === 'serial' && !(hasSerial && (serialValue(tok.text) === lastSerial + 1 || serialValue(tok.text) === 1))) tok.type = 'number';
    if (tok.type === 'serial') {
      lastSerial = serialValue(tok.text);
      flush();
      cur = { tokens: [tok], cols: [columns.findIndex((c) => c.kind === 'serial')], numbered: true };
      continue;
    }
    const last: number = cur ? cur.cols[cur.cols.length - 1]! : -1;
    let col = -1;
    for (let c = last + 1; c < columns.length; c++) {
      if (fit(tok.type, columns[c]!, tok.text) > 0.4) {
        col = c;
        break;
      }
    }
    // A unit list or a person on the next line of the same cell (one unit per line).
    if (col < 0 && cur && last >= 0 && (columns[last]!.kind === 'units' || columns[last]!.kind === 'leader') && fit(tok.type, columns[last]!, tok.text) > 0) col = last;
    if (col < 0) {
      // The first cell of a row that continues a merged one: the column it fits best.
      flush();
      let best = -1;
      for (let c = 0; c < columns.length; c++) {
        const f = fit(tok.type, columns[c]!, tok.text);
        if (f > 0.4 && (best < 0 || f > fit(tok.type, columns[best]!, tok.text))) best = c;
      }
      if (best < 0) continue;
      cur = { tokens: [], cols: [], numbered: false };
      col = best;
    }
    cur ??= { tokens: [], cols: [], numbered: false };
    cur.tokens.push(tok);
    cur.cols.push(col);
  }
  flush();
  return rows;
}

/**
 * Place a row-style line's cells: by position when the line has a cell per column, by position
 * from the right when the cells on the left were merged away (2021.8 | 城投集团), else by type in
 * the header's order — whichever fits its cells best.
 */
function place(tokens: Token[], columns: Column[], positional: boolean): { columnOf: number[]; fitTotal: number } {
  const score = (cols: number[]) => cols.reduce((s, c, i) => s + (c >= 0 && tokens[i]!.text !== '' ? fit(tokens[i]!.type, columns[c]!, tokens[i]!.text) : 0), 0);
  // Cells between pipes keep their order and their empty cells: their position counts for something.
  const prior = (cols: number[]) => (positional ? cols.filter((c, i) => c >= 0 && tokens[i]!.text !== '').length : 0);
  const candidates: number[][] = [];
  if (tokens.length <= columns.length) {
    candidates.push(tokens.map((_, i) => i));
    const nonEmpty = tokens.filter((t) => t.text !== '');
    const shift = columns.length - nonEmpty.length;
    let n = 0;
    candidates.push(tokens.map((t) => (t.text === '' ? -1 : shift + n++)));
  }
  // By type, in order; extra text pieces (a row written with single spaces) join the text cell before them.
  const typed: number[] = [];
  let last = -1;
  for (const t of tokens) {
    if (t.text === '') {
      typed.push(-1);
      continue;
    }
    let col = -1;
    for (let c = last + 1; c < columns.length; c++) {
      if (fit(t.type, columns[c]!, t.text) > 0.4) {
        col = c;
        break;
      }
    }
    if (col < 0 && last >= 0 && fit(t.type, columns[last]!, t.text) > 0) col = last;
    typed.push(col);
    if (col >= 0) last = col;
  }
  candidates.push(typed);
  const total = (cols: number[], i: number) => score(cols) + (i < candidates.length - 1 ? prior(cols) : 0);
  let best = 0;
  candidates.forEach((c, i) => {
    if (total(c, i) > total(candidates[best]!, best)) best = i;
  });
  return { columnOf: candidates[best]!, fitTotal: score(candidates[best]!) / 3 };
}

function rowOf(tokens: Token[], cols: number[], columns: Column[], numbered?: boolean): TableRow {
  const cells: Span[][] = columns.map(() => []);
  tokens.forEach((t, i) => {
    const c = cols[i]!;
    if (c >= 0 && t.text !== '') cells[c]!.push({ start: t.start, end: t.end });
  });
  const serialCol = columns.findIndex((c) => c.kind === 'serial');
  const real = tokens.filter((t) => t.text !== '');
  return {
    start: Math.min(...real.map((t) => t.start)),
    end: Math.max(...real.map((t) => t.end)),
    cells,
    group: null,
    numbered: numbered ?? (serialCol >= 0 && cells[serialCol]!.length > 0),
  };
}

/**
 * The tables of the document model: those a reader gave (their spans index the raw text and are
 * moved onto the normalised text), then those written as text elsewhere.
 */
export function tablesOf(text: string, tm: TextMap, given: readonly SourceTable[]): Table[] {
  const out: Table[] = [];
  for (const t of given) {
    const moved: SourceTable = {
      ...toNormalised(tm, t),
      rows: t.rows.map((r) => r.map((c) => toNormalised(tm, c))),
    };
    const read = readSourceTable(text, moved);
    if (read) out.push(read);
  }
  // The text's lines, split once for every reader of tables written as text.
  const all = [...lines(text)];
  const found = [...out, ...findTextTables(text, out, all)];
  // Records written as label / value lines, where no table was found.
  if (LABEL_CELL_HINT.test(text)) found.push(...findLabelCellTables(text, all, found));
  // Rows with no separator at all, under a header of words run together.
  if (GLUED_HINT.test(text)) found.push(...findGluedTables(all, found));
  return found.sort((a, b) => a.start - b.start);
}
