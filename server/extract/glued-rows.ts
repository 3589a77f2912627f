/**
 * Tables flattened with no separator at all: the header is its words run together
 * (类别序号重点督办内容牵头单位全年完成情况) and each row its cells run together
 * (经济社会发展主要预期目标1地区生产总值增长6%左右。区发展改革委西城区地区生产总值增速由…).
 * The header is cut into header words (table-columns.ts); a row is cut by what each cell looks
 * like, in the header's order: text up to the serial number, the serial, the task up to its 。,
 * the unit names (unit-shaped, 、 between them), and the rest for the columns after them.
 */
import type { Span } from './document-model';
import type { Line } from './lines';
import { columnOf, type Column } from './table-columns';
import type { Table, TableRow } from './tables';
import { isUnitLike } from './unit-names';

/** How header words end: a piece of the run that does not end so is no header word. */
const HEADER_END = /(序号|编号|单位|部门|处室|科室|领导|责任人|负责人|时限|时间|期限|节点|任务|事项|内容|措施|举措|目标|指标|名称|项目|工作|情况|类别|分类|备注|要求|说明|进展|成效|实事)$/;

/**
 * The header line cut into header words; null unless every piece is one. Of the ways to cut it,
 * the one with the most pieces that are no catch-all (类别序号 is one 'other' word; 类别 + 序号 are two).
 */
function gluedHeader(line: string): Column[] | null {
  if (line.length < 8 || line.length > 40 || /[\s|,。、::]/.test(line)) return null;
  const n = line.length;
  // best[i]: the best cut of line[0, i) as [score, columns].
  const best: Array<[number, Column[]] | null> = [[0, []], ...Array<null>(n).fill(null)];
  for (let i = 0; i < n; i++) {
    const from = best[i];
    if (!from) continue;
    for (let len = 2; len <= 8 && i + len <= n; len++) {
      const piece = line.slice(i, i + len);
      const c = HEADER_END.test(piece) ? columnOf(piece) : null;
      if (!c) continue;
      const score = from[0] + (c.kind === 'other' ? 1 : 10) - 0.1;
      const cur = best[i + len];
      if (!cur || score > cur[0]) best[i + len] = [score, [...from[1], c]];
    }
  }
  const cols = best[n]?.[1];
  if (!cols) return null;
  const kinds = cols.map((c) => c.kind);
  return cols.length >= 3 && kinds.includes('units') && kinds.includes('task') ? cols : null;
}

/** A unit name at the start of `s`: the shortest prefix with an organisation head. */
const UNIT_PREFIX = /^[\u4e00-\u9fff]{1,14}?(?:委员会|办公室|中心|政府|公司|集团|局|委|办|厅|署|院|所|站|队)/;

function unitRun(s: string): number {
  let at = 0;
  for (;;) {
    const m = UNIT_PREFIX.exec(s.slice(at));
    if (!m || !isUnitLike(m[0])) return at;
    at += m[0].length;
    if (s[at] !== '、') return at;
    at++;
  }
}

/** One row cut into its cells (offsets into the line), or null when the line does not read as one. */
function cutRow(line: string, columns: Column[]): Array<[number, number] | null> | null {
  const cells: Array<[number, number] | null> = columns.map(() => null);
  let at = 0;
  for (let k = 0; k < columns.length; k++) {
    const kind = columns[k]!.kind;
    const next = columns[k + 1]?.kind;
    if (kind === 'serial') {
      const m = /^\d{1,3}(?=[^\d.%])/.exec(line.slice(at));
      if (!m) return null;
      cells[k] = [at, at + m[0].length];
      at += m[0].length;
    } else if (kind === 'task') {
      const end = line.indexOf('。', at);
      if (end < 0) return null;
      cells[k] = [at, end + 1];
      at = end + 1;
    } else if (kind === 'units') {
      const len = unitRun(line.slice(at));
      if (len === 0) return null;
      cells[k] = [at, at + len];
      at += len;
    } else if (next === 'serial') {
      // A category before the serial number: up to the number.
      const m = /\d{1,3}(?=[^\d.%])/.exec(line.slice(at));
      if (!m || m.index === 0) return null;
      cells[k] = [at, at + m.index];
      at += m.index;
    } else {
      cells[k] = at < line.length ? [at, line.length] : null;
      at = line.length;
    }
  }
  return cells;
}

export function findGluedTables(lines: readonly Line[], skip: readonly Span[]): Table[] {
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    const h = lines[i]!;
    const columns = gluedHeader(h.text);
    if (!columns || skip.some((s) => h.start < s.end && h.end > s.start)) continue;
    const rows: TableRow[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.text === '') continue;
      let cut = cutRow(l.text, columns);
      // A row a line break cut (…增长6%左右。区发展⏎改革委西城区…): the row goes on on the next line.
      let last = l;
      const next = lines[j + 1];
      if (!cut && next && next.text !== '') {
        cut = cutRow(l.text + next.text, columns);
        if (cut) last = next;
      }
      if (!cut) break;
      if (last !== l) j++;
      const n = l.text.length;
      // Offsets into the joined row, back to the text: a cell's start at the cut is the next line's.
      const from = (k: number) => (k < n || last === l ? l.at + k : last.at + k - n);
      const to = (k: number) => (k <= n || last === l ? l.at + k : last.at + k - n);
      rows.push({
        start: l.at, end: last.at + last.text.length, group: null, numbered: true,
        cells: cut.map((c) => (c ? [{ start: from(c[0]), end: to(c[1]) }] : [])),
      });
    }
    if (rows.length > 0) {
      out.push({ start: h.start, end: rows[rows.length - 1]!.end, columns, caption: '', rows });
      i = j - 1;
    }
  }
  return out;
}
