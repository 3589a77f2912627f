import type { DocumentSource, SourceFormat, SourceTable, Span } from '../extract/document-model';

/**
 * What a reader finds before it is written out: paragraphs and tables in document order. One
 * writer (here) turns them into the document model, so every format lays out text the same way.
 */
export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: GridCell[][] };

/**
 * One grid position of a table. A merged cell's text sits at its top-left position; every other
 * position it covers points there with `from` (row, column) and has no text of its own.
 */
export type GridCell = { text: string; from?: undefined } | { text?: undefined; from: [number, number] };

/** A cell's own line breaks would break the row's line: they become a space. */
export function cellText(s: string): string {
  return s.replace(/[\s\u00a0\u3000]*[\r\n\u2028\u2029\v\f]+[\s\u00a0\u3000]*/g, ' ').replace(/[\t ]+/g, ' ').trim();
}

export function paragraphText(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[\t ]+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** Resolve covered positions to the text they show (for "is this row/column empty"). */
function resolved(rows: GridCell[][], r: number, c: number): string {
  const cell = rows[r]?.[c];
  if (!cell) return '';
  if (cell.from) return rows[cell.from[0]]?.[cell.from[1]]?.text ?? '';
  return cell.text;
}

/** Pad rows to one width, then drop the rows whose every position is empty and the columns with no text of their own. */
export function tidyGrid(rows: GridCell[][]): GridCell[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, (): GridCell => ({ text: '' }))]);
  const keepRows = padded.map((row, r) => row.some((_, c) => cellText(resolved(padded, r, c)) !== ''));
  // A column only covered by a merge from its left (a title across the sheet) has nothing of its own.
  const keepCols = Array.from({ length: width }, (_, c) => padded.some((row, r) => keepRows[r] && cellText(row[c]!.from && row[c]!.from![1] !== c ? '' : resolved(padded, r, c)) !== ''));
  const rowIndex: number[] = [];
  const colIndex: number[] = [];
  let n = 0;
  keepRows.forEach((k, r) => (rowIndex[r] = k ? n++ : -1));
  n = 0;
  keepCols.forEach((k, c) => (colIndex[c] = k ? n++ : -1));
  const out: GridCell[][] = [];
  padded.forEach((row, r) => {
    if (!keepRows[r]) return;
    const line: GridCell[] = [];
    row.forEach((cell, c) => {
      if (!keepCols[c]) return;
      if (!cell.from) return line.push(cell);
      const [fr, fc] = cell.from;
      // An origin in a dropped row/column was empty, and so is every position it covers.
      if (rowIndex[fr]! < 0 || colIndex[fc]! < 0) return line.push({ text: '' });
      line.push({ from: [rowIndex[fr]!, colIndex[fc]!] });
    });
    out.push(line);
  });
  return out;
}

/**
 * Writes blocks into one text, one paragraph per line, one table row per line with " | " between
 * cells. Linear in the document: the text is gathered in parts with its length and last character
 * kept aside (asking the growing string whether it ends in a newline flattened it every time:
 * 28 s for 40,000 paragraphs).
 */
export function layout(blocks: Block[], format: SourceFormat, encoding: string, warnings: string[] = []): DocumentSource {
  const parts: string[] = [];
  let length = 0;
  let lastIsNewline = true; // nothing written yet: no newline is needed first
  const write = (s: string) => {
    if (s === '') return;
    parts.push(s);
    length += s.length;
    lastIsNewline = s.endsWith('\n');
  };
  const newline = () => {
    if (!lastIsNewline) write('\n');
  };
  const tables: SourceTable[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const t = paragraphText(block.text);
      if (!t) continue;
      newline();
      write(t);
      continue;
    }
    const rows = tidyGrid(block.rows);
    if (rows.length === 0) continue;
    newline();
    const start = length;
    const spans: Span[][] = [];
    rows.forEach((row, r) => {
      if (r > 0) write('\n');
      const line: Span[] = [];
      row.forEach((cell, c) => {
        if (c > 0) write(' | ');
        if (cell.from) {
          // Written once, in its first row/column: the covered position shows the origin's span.
          line.push(spans[cell.from[0]]?.[cell.from[1]] ?? line[cell.from[1]] ?? { start: length, end: length });
          return;
        }
        const t = cellText(cell.text);
        line.push({ start: length, end: length + t.length });
        write(t);
      });
      spans.push(line);
    });
    tables.push({ start, end: length, rows: spans });
  }
  if (length > 0) write('\n');
  return { text: parts.join(''), tables, format, encoding, warnings };
}
