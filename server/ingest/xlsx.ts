import ExcelJS from 'exceljs';
import type { DocumentSource } from '../extract/document-model';
import { InputError } from '../extract/decode';
import { layout, type Block, type GridCell } from './layout';
import { refuseDoctype } from './xml';
import { SafeZip } from './zip';

/**
 * .xlsx → document model: every sheet as a line with its name, then its rows as one table (the
 * header row is found later by its words, so title rows above it are kept), merged cells
 * repeated over what they cover, empty rows and columns dropped.
 */
export async function readXlsx(bytes: Uint8Array): Promise<DocumentSource> {
  // exceljs inflates the archive itself: check it first (sizes declared and real, no DOCTYPE in any part).
  const zip = await SafeZip.open(bytes);
  if (!zip.has('xl/workbook.xml')) throw new InputError('the file is corrupt: an Excel file without xl/workbook.xml');
  for (const name of zip.entries.keys()) {
    if (name.endsWith('/')) continue;
    const data = await zip.read(name);
    if (/\.(xml|rels|vml)$/i.test(name)) refuseDoctype(data.toString('utf8'), name);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (err) {
    throw new InputError(`the file is corrupt: Excel could not be read (${(err as Error).message})`);
  }
  const blocks: Block[] = [];
  const warnings: string[] = [];
  wb.eachSheet((ws) => {
    // The used range is where values are: a styled empty cell far away must not widen the grid.
    let lastRow = 0;
    let lastCol = 0;
    ws.eachRow((row, r) => row.eachCell((cell, c) => {
      if (valueText(cell.value).trim() === '') return;
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    }));
    const grid: GridCell[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row = ws.getRow(r);
      const line: GridCell[] = [];
      for (let c = 1; c <= lastCol; c++) {
        const cell = row.getCell(c);
        const master = cell.master;
        if (master !== cell) line.push({ from: [Number(master.row) - 1, Number(master.col) - 1] });
        else line.push({ text: valueText(cell.value) });
      }
      grid.push(line);
    }
    const before = blocks.length;
    blocks.push({ kind: 'paragraph', text: ws.name }, { kind: 'table', rows: grid });
    if (!grid.some((row) => row.some((c) => c.text?.trim()))) {
      blocks.length = before;
      warnings.push(`sheet "${ws.name}" is empty; skipped`);
    }
  });
  const source = layout(blocks, 'xlsx', 'xlsx', warnings);
  if (source.tables.length === 0) throw new InputError('the Excel file has no cells with text in any sheet');
  return source;
}

function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Shown as a Chinese sheet shows a date, which the deadline grammar reads.
    return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  }
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return '';
  if ('formula' in v || 'sharedFormula' in v) return valueText((v as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in v) return typeof v.text === 'string' ? v.text : valueText(v.text as ExcelJS.CellValue);
  return '';
}
