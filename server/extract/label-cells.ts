/**
 * Records written as label cells: a table of one column of labels flattened to alternating lines,
 * each label on a line of its own and its value on the lines below it (a page per task):
 *
 *   具体任务 / 全面落实疫情防控… / 责任单位 / 卫健局、文旅局 / 配合单位 / 各乡镇 / 完成时限 / 1月底前完成
 *
 * Read into the same Table as a flattened table (tables.ts), one row per record: the labels are
 * the header words (table-columns.ts), a label seen again starts the next record.
 */
import type { Span } from './document-model';
import type { Line } from './lines';
import { columnOf, type Column } from './table-columns';
import type { Table, TableRow } from './tables';

/** A label cell: a short line that is a header word and nothing else (no colon, no sentence). */
function labelOf(line: string): Column | null {
  if (line.length > 10 || /[::。,;、]/.test(line)) return null;
  const col = columnOf(line);
  return col && col.kind !== 'serial' && col.kind !== 'other' ? col : null;
}

export function findLabelCellTables(text: string, lines: readonly Line[], skip: readonly Span[]): Table[] {
  const out: Table[] = [];
  let i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (!labelOf(first.text) || skip.some((s) => first.start < s.end && first.end > s.start)) {
      i++;
      continue;
    }
    // Collect label → value runs while they alternate.
    const labels: string[] = [];
    const columns: Column[] = [];
    const rows: TableRow[] = [];
    let row: Span[][] | null = null;
    let rowStart = first.start;
    let rowEnd = first.end;
    let j = i;
    const closeRow = () => {
      if (row && row.some((c) => c.length > 0)) rows.push({ start: rowStart, end: rowEnd, cells: row, group: null, numbered: true });
    };
    while (j < lines.length) {
      const l = lines[j]!;
      if (l.text === '') {
        j++;
        continue;
      }
      const col = labelOf(l.text);
      if (!col) break;
      // The value: the lines up to the next label.
      let k = j + 1;
      const values: Span[] = [];
      while (k < lines.length && !labelOf(lines[k]!.text)) {
        const v = lines[k]!;
        if (v.text !== '') values.push({ start: v.at, end: v.at + v.text.length });
        k++;
        if (values.length >= 3) break;
      }
      if (values.length === 0) break;
      let c = labels.indexOf(l.text);
      if (c < 0 || !row) {
        if (c < 0) {
          labels.push(l.text);
          columns.push(col);
          c = labels.length - 1;
        }
        if (!row) row = [];
      } else if (row[c] && row[c]!.length > 0) {
        // A label seen again: the next record.
        closeRow();
        row = [];
        rowStart = l.start;
      }
      while (row.length < columns.length) row.push([]);
      row[c] = values;
      rowEnd = values[values.length - 1]!.end;
      j = k;
    }
    closeRow();
    const pairs = labels.length;
    if (pairs >= 3 && columns.some((c) => c.kind === 'units') && columns.some((c) => c.kind === 'task') && rows.length > 0) {
      for (const r of rows) while (r.cells.length < columns.length) r.cells.push([]);
      out.push({ start: first.start, end: rowEnd, columns, caption: '', rows });
      i = j;
    } else i++;
  }
  return out;
}
