/** .xlsx: every sheet, every row (title rows above the header kept), merged cells repeated, empty rows/columns dropped. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../server/extract/extract';
import { readDocument } from '../../server/ingest/read';
import { cells, corpusText } from './fixtures';

const TITLE = '北京市2009年为群众拟办的重要实事(节选)';
const HEADER = ['序号', '实事内容', '完成时限', '主要责任单位', '项目负责人', '协办单位'];
/** Items 十一–十三 of the Beijing plan (corpus d04): units as the plan writes them, by hand. */
const UNITS: Array<[string, string, string, string]> = [
  ['十一', '市卫生局、市红十字会', '市卫生局方来英、市红十字会韩陆', '市公安局公安交通管理局'],
  ['十二', '市教委', '市教委刘利民', '各区县政府'],
  ['十三', '市政府食品安全办', '市政府食品安全办张志宽', '市工商局'],
];

function itemText(numeral: string): string {
  const line = corpusText('d04_beijing').split('\n').find((l) => l.startsWith(`${numeral}、`));
  if (!line) throw new Error(`no item ${numeral}`);
  return line.slice(numeral.length + 1).trim();
}

export async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('实事任务');
  // Column B is left empty throughout, and row 2 too: both are dropped.
  ws.getCell('A1').value = TITLE;
  ws.mergeCells('A1:G1');
  ws.getRow(3).values = [HEADER[0], null, ...HEADER.slice(1)];
  UNITS.forEach(([numeral, lead, leader, helper], i) => {
    ws.getRow(4 + i).values = [11 + i, null, itemText(numeral), i === 0 ? '2009年11月底前' : null, lead, leader, helper];
  });
  // One deadline for the three items, merged down as such sheets do.
  ws.mergeCells('D4:D6');
  const notes = wb.addWorksheet('说明');
  notes.getCell('B2').value = '数据来源:北京市人民政府';
  wb.addWorksheet('空表');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('.xlsx with a title row above the header and a merged cell', () => {
  it('the fixture is real: the units are written so in the plan', () => {
    const plan = corpusText('d04_beijing');
    for (const [numeral, lead, leader, helper] of UNITS) {
      const at = plan.indexOf(`${numeral}、`);
      const block = plan.slice(at, plan.indexOf('协办单位', at) + 40);
      expect(block).toContain(`主要责任单位:${lead}`);
      expect(block).toContain(`项目负责人:${leader}`);
      expect(block).toContain(`协办单位:${helper}`);
      expect(block).toContain('完成时限:2009年11月底前');
    }
  });

  it('gives every sheet, its rows as table rows, the merged cells repeated', async () => {
    const source = await readDocument({ file: 'tasks.xlsx', bytes: await workbook() });
    expect(source.format).toBe('xlsx');
    expect(source.tables).toHaveLength(2);
    expect(cells(source, 0)).toEqual([
      Array(6).fill(TITLE),
      HEADER,
      ...UNITS.map(([numeral, lead, leader, helper], i) => [String(11 + i), itemText(numeral), '2009年11月底前', lead, leader, helper]),
    ]);
    expect(cells(source, 1)).toEqual([['数据来源:北京市人民政府']]);
    const lines = source.text.split('\n');
    // The sheet's name is a line before its table; the title row is written once, its merge as empty cells.
    expect(lines.slice(0, 3)).toEqual(['实事任务', `${TITLE} |  |  |  |  | `, HEADER.join(' | ')]);
    expect(lines[4]).toBe(`12 | ${itemText('十二')} |  | 市教委 | 市教委刘利民 | 各区县政府`);
    expect(lines.slice(6, 8)).toEqual(['说明', '数据来源:北京市人民政府']);
    expect(source.warnings).toEqual(['sheet "空表" is empty; skipped']);
  });

  it('extracts the rows as tasks with their units, roles, leaders and the merged deadline', async () => {
    const source = await readDocument({ file: 'tasks.xlsx', bytes: await workbook() });
    const r = extract([{ file: 'tasks.xlsx', bytes: new Uint8Array(), source }]);
    const tasks = r.documents[0]!.tasks;
    expect(tasks).toHaveLength(3);
    // By hand: 主要责任单位 leads, 协办单位 participates, 项目负责人 are people; one merged 完成时限 for all three.
    expect(tasks[1]!.assignments.map((a) => [a.surface, a.role])).toEqual([['市教委', 'lead'], ['各区县政府', 'participant']]);
    expect(tasks[0]!.assignments.map((a) => [a.surface, a.role])).toEqual([['市卫生局', 'lead'], ['市红十字会', 'lead'], ['市公安局公安交通管理局', 'participant']]);
    expect(tasks[2]!.leaders.map((l) => l.name)).toEqual(['张志宽']);
    expect(tasks.map((t) => t.deadline?.text)).toEqual(['2009年11月底前', '2009年11月底前', '2009年11月底前']);
  });
});
