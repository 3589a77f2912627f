/**
 * The unit panel's CSV (web/src/lib/unit-csv.ts) read back as a spreadsheet would, with exceljs:
 * headers and roles in the page's language, one row per task, the name saying unit, jurisdiction
 * and date (issue 21, item 5).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { unitCsv, unitCsvName, type UnitDuty } from '../../web/src/lib/unit-csv';

// 湖南省 省发改委 in 002's 二.(三).1: it leads two clauses and takes part in a third: one row, both kinds of note.
const DUTIES: UnitDuty[] = [
  {
    role: 'LEAD', task: { ref: '二.(三).1', title: '构建综合交通运输体系', document: { title: '湖南省贯彻落实泛珠三角区域合作实施方案' } },
    assignments: [
      { role: 'LEAD', inferred: false, quote: '(省发改委牵头负责)' },
      { role: 'PARTICIPANT', inferred: false, quote: '(省机场管理集团牵头负责,省发改委、省财政厅、省商务厅等参与)' },
    ],
  },
  {
    role: 'PARTICIPANT', task: { ref: '二.(三).2', title: '加强能源水利领域合作', document: { title: '湖南省贯彻落实泛珠三角区域合作实施方案' } },
    assignments: [{ role: 'PARTICIPANT', inferred: false, quote: '(省水利厅牵头负责,省发改委、省交通运输厅等参与)' }],
  },
];
const UNIT = { name: '省发展和改革委员会', jurisdiction: '湖南省' };

async function readBack(csv: string): Promise<unknown[][]> {
  const file = join(mkdtempSync(join(tmpdir(), 'csv-')), 'unit.csv');
  writeFileSync(file, csv);
  const ws = await new ExcelJS.Workbook().csv.readFile(file);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('the unit CSV', () => {
  it('in Chinese: Chinese headers and role words, one row per task, the notes together', async () => {
    const csv = unitCsv(UNIT, DUTIES, 'zh');
    expect(csv.startsWith('\uFEFF')).toBe(true); // Excel reads UTF-8 only with the mark
    const rows = await readBack(csv.slice(1));
    expect(rows[0]).toEqual(['单位', '辖区', '角色', '按排序推定', '文件', '任务编号', '任务', '原文依据']);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.slice(0, 7)).toEqual(['省发展和改革委员会', '湖南省', '牵头', '否', '湖南省贯彻落实泛珠三角区域合作实施方案', '二.(三).1', '构建综合交通运输体系']);
    expect(String(rows[1]![7])).toBe('(省发改委牵头负责)\n(省机场管理集团牵头负责,省发改委、省财政厅、省商务厅等参与)');
    expect(rows[2]![2]).toBe('参与');
    expect(csv).not.toMatch(/\b(lead|participant|LEAD|COLLECTIVE)\b/);
  });

  it('in English: English headers and words', async () => {
    const rows = await readBack(unitCsv(UNIT, DUTIES, 'en').slice(1));
    expect(rows[0]).toEqual(['Unit', 'Jurisdiction', 'Role', 'Inferred from list order', 'Document', 'Task ref', 'Task', 'Source note']);
    expect(rows[1]!.slice(2, 4)).toEqual(['Lead', 'no']);
  });

  it('is named after the unit, its jurisdiction and the day', () => {
    expect(unitCsvName(UNIT, '2026-12-05')).toBe('省发展和改革委员会-湖南省-2026-12-05.csv');
    expect(unitCsvName({ name: '市发展和改革委员会', jurisdiction: '邵阳市' }, '2026-12-05')).not.toBe(unitCsvName({ name: '市发展和改革委员会', jurisdiction: '萍乡市' }, '2026-12-05'));
  });
});
