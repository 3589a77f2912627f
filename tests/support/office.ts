/**
 * Word and Excel files made the way a government office makes them, from real plan text: the
 * shared corpus beside the repository (../shared/corpus, read in place, never copied in).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';

export const CORPUS = join(import.meta.dirname, '../../../shared/corpus');

export const corpusText = (name: string) => readFileSync(join(CORPUS, name), 'utf8');

/** A .docx with one paragraph per line of the text, blank lines dropped. */
export async function docxFromText(text: string): Promise<Buffer> {
  const paragraphs = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => new Paragraph({ text: l }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** An .xlsx 任务分解表: title rows above the header (as published), then one row per task. */
export async function xlsxTable(titleRows: string[], header: string[], rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet1');
  for (const t of titleRows) {
    const r = sheet.addRow([t]);
    sheet.mergeCells(r.number, 1, r.number, header.length);
  }
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * 厦门市's measures (a01_xiamen.txt) as the 任务分解表 an office would file: under the document's
 * title, one row per measure with its 责任单位 and 时限要求 lines as cells. The rule the text
 * states in its first 责任单位 line ("(第一责任单位为牵头单位,下同)") goes where a table states it,
 * in a note above the header.
 */
export function xiamenTable(): Promise<Buffer> {
  const lines = corpusText('a01_xiamen.txt').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const rows: string[][] = [];
  lines.forEach((line, i) => {
    const m = /^\(([一二三四五六七八九十]+)\)(.+)$/.exec(line);
    if (!m) return;
    const field = (label: string) => lines.slice(i + 1, i + 4).find((l) => l.startsWith(label))?.slice(label.length) ?? '';
    rows.push([String(rows.length + 1), m[2]!, field('责任单位:').replace(/\(第一责任单位为牵头单位,下同\)$/, ''), field('时限要求:')]);
  });
  if (rows.length !== 2) throw new Error(`a01_xiamen.txt: expected its 2 measures, found ${rows.length}`);
  return xlsxTable(['厦门市聚焦企业关切进一步落实优化营商环境政策的若干措施', '注:第一责任单位为牵头单位'], ['序号', '工作任务', '责任单位', '时限要求'], rows);
}
