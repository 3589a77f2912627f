/**
 * Word and Excel files made the way a government office makes them, from real plan text
 * (tests/support/corpus/ holds two plans from ../shared/corpus, unchanged).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';

export const CORPUS = join(import.meta.dirname, 'corpus');

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
 * 厦门市's measures (a01_xiamen.txt) as the 任务分解表 an office would file: its two measures
 * with their 责任单位 and 时限要求, under the document's title.
 */
export function xiamenTable(): Promise<Buffer> {
  return xlsxTable(
    ['厦门市聚焦企业关切进一步落实优化营商环境政策的若干措施', '厦门市人民政府办公厅 厦府办〔2019〕10号'],
    ['序号', '工作任务', '责任单位', '时限要求'],
    [
      ['1', '推进完善PPP健康运行长效机制和基础性制度建设,加强存量项目监管,规范有序推进翔安新机场片区地下综合管廊PPP项目建设,确保PPP项目协议落实到位。', '市发改委、市财政局', '持续推进'],
      ['2', '严格落实全省统一的招投标政策,消除招投标过程中对企业设置的不合理限制和壁垒。', '市建设局', '持续推进'],
    ],
  );
}
